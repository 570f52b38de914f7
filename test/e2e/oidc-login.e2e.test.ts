/**
 * OpenID Connect login in a real browser: Kedjan's login page → the provider's login and consent
 * pages (oidc-provider's development pages) → back in Kedjan on the start page, logged in.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogues } from '../../src/i18n/catalogue.ts';
import { M } from '../support/fixture.ts';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-test-provider.ts';
import { freePort, startTestServer, type TestServer } from '../support/server.ts';
import { launchBrowser, newPage, type TestPage } from './browser.ts';

let provider: TestOidcProvider;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(path.resolve('dist/web/index.html'))) {
    execFileSync(process.execPath, ['scripts/build-web.js'], { stdio: 'inherit' });
  }
  const port = await freePort();
  provider = await startOidcProvider({
    redirectUris: [`http://127.0.0.1:${port}/auth/callback`],
    subjects: ['sub-101', 'sub-999'],
  });
  server = await startTestServer({
    port,
    env: provider.env({ OIDC_MUNICIPALITY: M, KEDJAN_COOKIE_SECURE: 'false' }),
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await provider?.close();
});

/** From Kedjan's login page through the provider's pages as `subject`. */
async function loginAtProvider(page: Page, subject: string): Promise<void> {
  await page.goto('/');
  await page.waitForURL((url) => url.pathname === '/login');
  const button = page.getByRole('link', { name: catalogues.sv.ui.login.oidcButton });
  expect(await button.getAttribute('href')).toBe('/auth/login');
  await button.click();

  await page.waitForURL((url) => url.origin === provider.issuer);
  await page.locator('input[name="login"]').fill(subject);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();

  // A fresh browser has granted Kedjan nothing yet, so the provider asks for consent.
  await page.getByRole('heading', { name: 'Authorize' }).waitFor();
  await page.getByRole('button', { name: 'Continue' }).click();
}

describe('OpenID Connect login in the browser', () => {
  it('logs Anna Nord in through the provider and shows her start page', async () => {
    const t: TestPage = await newPage(browser, server.url);
    await loginAtProvider(t.page, 'sub-101');
    await t.page.waitForURL((url) => url.origin === server.url && url.pathname === '/');
    await t.page.getByRole('heading', { level: 1, name: 'Start' }).waitFor();
    await t.page.getByRole('banner').getByText('Anna Nord', { exact: true }).waitFor();
    await t.page.getByRole('heading', { level: 2, name: 'Mina ärenden' }).waitFor();

    const cookies = await t.context.cookies(server.url);
    expect(cookies.find((c) => c.name === 'kedjan_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });
    expect(cookies.find((c) => c.name === 'kedjan_oidc')).toBeUndefined();
    expect(t.problems).toEqual([]);
    expect(provider.errors).toEqual([]);
    await t.context.close();
  });

  it('sends a subject that is no Kedjan user back to the login page', async () => {
    const t: TestPage = await newPage(browser, server.url);
    await loginAtProvider(t.page, 'sub-999');
    await t.page.waitForURL((url) => url.origin === server.url && url.pathname === '/login');
    expect(new URL(t.page.url()).searchParams.get('fel')).toBe('inloggning');
    await t.page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await t.page.getByRole('alert').filter({ hasText: 'Inloggningen misslyckades' }).waitFor();
    const session = await t.page.evaluate(async () => (await fetch('/api/v1/session')).status);
    expect(session).toBe(401);
    await t.context.close();
  });
});

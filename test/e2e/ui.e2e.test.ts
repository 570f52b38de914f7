/**
 * The browser UI against a real server on the test fixture: login per role, start pages, person
 * search and view, refusal, protected identity, language switch — each page checked with axe.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ids, PROTECTED_NAME } from '../support/fixture.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import {
  expectNoSeriousAxeViolations,
  launchBrowser,
  loginAs,
  logout,
  newPage,
  settled,
  type TestPage,
} from './browser.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ env: { KEDJAN_COOKIE_SECURE: 'false' } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(): Promise<TestPage> {
  return newPage(browser, server.url);
}

async function closeChecked(testPage: TestPage): Promise<void> {
  expect(testPage.problems).toEqual([]);
  await testPage.context.close();
}

describe('login', () => {
  it('sends an anonymous visitor to /login, which lists the demo users and passes axe', async () => {
    const t = await open();
    await t.page.goto('/personer');
    await t.page.waitForURL((url) => url.pathname === '/login');
    await t.page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await t.page.getByRole('heading', { level: 2, name: 'Demoläge' }).waitFor();
    await expect(t.page.getByRole('button', { name: 'Logga in som Anna Nord' }).count()).resolves.toBe(1);
    expect(await t.page.evaluate(() => document.documentElement.lang)).toBe('sv');
    await expectNoSeriousAxeViolations(t.page, 'login');
    await closeChecked(t);
  });

  it('puts the skip link first in the tab order', async () => {
    const t = await open();
    await loginAs(t.page, 'Anna Nord');
    await t.page.keyboard.press('Tab');
    const focused = await t.page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Hoppa till innehållet');
    await closeChecked(t);
  });
});

describe('start page per role', () => {
  const cases: { name: string; section: string; navAbsent?: string }[] = [
    { name: 'Anna Nord', section: 'Mina ärenden', navAbsent: 'Loggkontroll' },
    { name: 'Chef Nord', section: 'Öppnade skyddade identiteter' },
    { name: 'Fia Utredare', section: 'Sök person' },
    { name: 'Ann Alys', section: 'Statistik', navAbsent: 'Personer' },
    { name: 'Adam Admin', section: 'Användare och roller' },
  ];

  for (const { name, section, navAbsent } of cases) {
    it(`${name}: "${section}" renders and passes axe`, async () => {
      const t = await open();
      await loginAs(t.page, name);
      await t.page.getByRole('heading', { level: 2, name: section }).waitFor();
      await t.page.getByRole('banner').getByText(name, { exact: true }).waitFor();
      // Wait for the section's data (or its error) to arrive before checking.
      await settled(t.page);
      await expect(t.page.getByRole('alert').count()).resolves.toBe(0);
      if (navAbsent) {
        const nav = t.page.getByRole('navigation', { name: 'Huvudmeny' });
        await expect(nav.getByRole('link', { name: navAbsent, exact: true }).count()).resolves.toBe(0);
      }
      await expectNoSeriousAxeViolations(t.page, `start page of ${name}`);
      await closeChecked(t);
    });
  }

  it('the caseworker sees her own case in "Mina ärenden"', async () => {
    const t = await open();
    await loginAs(t.page, 'Anna Nord');
    const table = t.page.getByRole('region', { name: 'Mina ärenden' }).getByRole('table');
    await table.getByRole('link', { name: 'Lena Norrman' }).waitFor();
    await closeChecked(t);
  });
});

describe('persons', () => {
  it('a caseworker searches by name and opens the person', async () => {
    const t = await open();
    await loginAs(t.page, 'Anna Nord');
    await t.page.getByRole('navigation').getByRole('link', { name: 'Personer' }).click();
    await t.page.getByRole('heading', { level: 1, name: 'Sök person' }).waitFor();
    await t.page.getByLabel('Namn eller personnummer').fill('Norrman');
    await t.page.getByRole('button', { name: 'Sök', exact: true }).click();
    const results = t.page.getByRole('table', { name: 'Sökresultat' });
    await results.getByRole('link', { name: 'Lena Norrman' }).waitFor();
    await expectNoSeriousAxeViolations(t.page, 'person search results');

    await results.getByRole('link', { name: 'Lena Norrman' }).click();
    await t.page.getByRole('heading', { level: 1, name: 'Lena Norrman' }).waitFor();
    await t.page.getByText('19850709-9805').waitFor();
    await t.page.getByRole('heading', { level: 2, name: 'Hushåll' }).waitFor();
    await t.page.getByRole('link', { name: 'Lisa Norrman' }).waitFor();
    await expectNoSeriousAxeViolations(t.page, 'person view');
    // The personnummer never becomes part of the address.
    expect(t.page.url()).not.toContain('9805');
    await closeChecked(t);
  });

  it('searching by personnummer keeps it out of the URL', async () => {
    const t = await open();
    await loginAs(t.page, 'Anna Nord');
    await t.page.goto('/personer');
    await t.page.getByLabel('Namn eller personnummer').fill('19850709-9805');
    await t.page.keyboard.press('Enter');
    await t.page
      .getByRole('table', { name: 'Sökresultat' })
      .getByRole('link', { name: 'Lena Norrman' })
      .waitFor();
    expect(t.page.url()).not.toContain('9805');
    await closeChecked(t);
  });

  it('a unit manager reviews the log by user and produces a person’s access report', async () => {
    const t = await open();
    await loginAs(t.page, 'Anna Nord');
    await t.page.goto(`/personer/${ids.personNorth}`);
    await t.page.getByRole('heading', { level: 1, name: 'Lena Norrman' }).waitFor();
    await t.context.close();

    const m = await open();
    await loginAs(m.page, 'Chef Nord');
    await m.page.getByRole('navigation').getByRole('link', { name: 'Loggkontroll' }).click();
    await m.page.getByRole('heading', { level: 1, name: 'Loggkontroll' }).waitFor();
    await m.page.getByLabel('Användare', { exact: true }).selectOption({ label: 'Anna Nord' });
    await m.page.getByRole('button', { name: 'Sök i loggen' }).click();
    await m.page.getByRole('cell', { name: 'Personuppgifter lästes' }).first().waitFor();
    await expectNoSeriousAxeViolations(m.page, 'log review');

    await m.page.getByLabel('Person-id').fill(ids.personNorth);
    await m.page.getByRole('button', { name: 'Ta fram registerutdrag' }).click();
    await m.page.getByRole('heading', { name: 'Registerutdrag: åtkomst till personens uppgifter' }).waitFor();
    await m.page.getByRole('cell', { name: 'Handläggning av ärende' }).first().waitFor();
    await expectNoSeriousAxeViolations(m.page, 'access report');
    await closeChecked(m);
  });

  it('a caseworker is refused a person of another unit', async () => {
    const t = await open();
    await loginAs(t.page, 'Anna Nord');
    await t.page.goto(`/personer/${ids.personSouth}`);
    await t.page.getByRole('heading', { level: 1, name: 'Du har inte behörighet' }).waitFor();
    await expect(t.page.getByText('Söderberg').count()).resolves.toBe(0);
    await expectNoSeriousAxeViolations(t.page, 'forbidden page');
    await closeChecked(t);
  });

  it('a protected identity is shown only after a purpose is given', async () => {
    const t = await open();
    await loginAs(t.page, 'Fia Utredare');
    await t.page.goto(`/personer/${ids.protectedNorth}`);
    await t.page.getByRole('heading', { level: 1, name: 'Skyddad identitet' }).waitFor();
    await expect(t.page.getByText(PROTECTED_NAME.last).count()).resolves.toBe(0);
    await expectNoSeriousAxeViolations(t.page, 'purpose form');

    const purpose = t.page.getByLabel('Syfte');
    const options = await purpose
      .locator('option')
      .evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value).filter(Boolean));
    expect(options.length).toBeGreaterThan(0);
    await purpose.selectOption(options[0] ?? '');
    await t.page.getByRole('button', { name: 'Öppna uppgifterna' }).click();
    await t.page
      .getByRole('heading', { level: 1, name: `${PROTECTED_NAME.first} ${PROTECTED_NAME.last}` })
      .waitFor();
    await closeChecked(t);
  });

  it('an unknown address shows the not-found page', async () => {
    const t = await open();
    await loginAs(t.page, 'Anna Nord');
    await t.page.goto('/finns-inte');
    await t.page.getByRole('heading', { level: 1, name: 'Sidan finns inte' }).waitFor();
    await expectNoSeriousAxeViolations(t.page, 'not found');
    await closeChecked(t);
  });
});

describe('language', () => {
  it('switching to English changes the texts, the lang attribute and server messages, and is remembered', async () => {
    const t = await open();
    await loginAs(t.page, 'Anna Nord');
    await t.page.getByRole('button', { name: 'English' }).click();
    await t.page.getByRole('heading', { level: 2, name: 'My cases' }).waitFor();
    await t.page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Persons' })
      .waitFor();
    expect(await t.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectNoSeriousAxeViolations(t.page, 'start page in English');

    // A server error detail comes back in English too.
    await t.page.goto(`/personer/${ids.personSouth}`);
    await t.page.getByRole('heading', { level: 1, name: 'You are not authorised' }).waitFor();
    const detail = await t.page.locator('main .notice').innerText();
    expect(detail).not.toMatch(/behörighet/);

    await t.page.reload();
    await t.page.getByRole('heading', { level: 1, name: 'You are not authorised' }).waitFor();
    await t.page.getByRole('button', { name: 'Svenska' }).click();
    await t.page.getByRole('heading', { level: 1, name: 'Du har inte behörighet' }).waitFor();
    expect(await t.page.evaluate(() => document.documentElement.lang)).toBe('sv');
    await closeChecked(t);
  });
});

describe('logout', () => {
  it('ends the session and returns to the login page', async () => {
    const t = await open();
    await loginAs(t.page, 'Anna Nord');
    await logout(t.page);
    await t.page.goto('/');
    await t.page.waitForURL((url) => url.pathname === '/login');
    await closeChecked(t);
  });
});

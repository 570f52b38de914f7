/**
 * Browser-test helpers: Debian's Chromium driven by playwright-core (Playwright's own browser
 * download does not work on our machines), and an axe-core check.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = process.env.KEDJAN_CHROMIUM ?? '/usr/bin/chromium';

/** Headless Chromium; Playwright gives every launch a fresh temporary user-data dir. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Content-Security-Policy violations and uncaught page errors seen so far. */
  problems: string[];
}

export interface PageOptions {
  /**
   * The page's clock, set to the server's: forms default to today and this month, so a test whose
   * server clock stands still must not see the real date in the browser.
   */
  now?: Date;
  /**
   * Count the console's errors as problems too, except Chromium's own note on a response with one
   * of `allowStatuses`: answers the test expects, such as 401 from the session probe before login.
   * Left out, only CSP violations and uncaught page errors count.
   */
  consoleErrors?: { allowStatuses: readonly number[] };
}

/** A fresh context (own cookies and localStorage) at laptop size, with a Swedish browser. */
export async function newPage(
  browser: Browser,
  baseURL: string,
  options: PageOptions = {},
): Promise<TestPage> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1366, height: 768 },
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
  });
  if (options.now) await context.clock.setFixedTime(options.now);
  const page = await context.newPage();
  const problems: string[] = [];
  const allowed = options.consoleErrors?.allowStatuses;
  const expectedStatus = allowed?.length
    ? new RegExp(`Failed to load resource: the server responded with a status of (${allowed.join('|')})\\b`)
    : null;
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (/Content Security Policy/i.test(text)) problems.push(`CSP: ${text}`);
    else if (options.consoleErrors && !expectedStatus?.test(text)) problems.push(`console: ${text}`);
  });
  return { context, page, problems };
}

/** Logs in through the demo login page as the named user and waits for the start page. */
export async function loginAs(page: Page, name: string): Promise<void> {
  await page.goto('/login');
  await page.getByRole('button', { name: `Logga in som ${name}` }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('heading', { level: 1, name: 'Start' }).waitFor();
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
}

/** Waits until no section is still loading. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[role="status"] .spinner'));
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core on the page and throws on violations of impact serious or critical.
 * axe is evaluated through the DevTools protocol rather than page.addScriptTag: the server's
 * Content-Security-Policy (script-src 'self') blocks the inline script addScriptTag creates, and
 * we want the tests to run with the real CSP rather than with bypassCSP.
 */
export async function expectNoSeriousAxeViolations(page: Page, label = page.url()): Promise<void> {
  const loaded = await page.evaluate(
    () => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined',
  );
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    const report = serious
      .map(
        (v) =>
          `- ${v.id} (${v.impact}): ${v.help} @ ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
      )
      .join('\n');
    throw new Error(`axe found ${serious.length} serious/critical violation(s) on ${label}:\n${report}`);
  }
}

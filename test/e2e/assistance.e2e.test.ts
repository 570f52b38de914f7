/**
 * Financial assistance in the browser, one month of a case from start to end: the caseworker's
 * day, the case page, an application with its norm receipt, a decision signed and printed, a
 * personal visit, the payment run prepared by the caseworker and approved by the unit manager
 * (four eyes), the bank file, and the case closed. Each page is checked with axe.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** The server's and the browser's clock: Friday 20 November 2026. */
const NOW = new Date('2026-11-20T09:00:00Z');
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({
    // The server's clock stands still on 2026-11-20, but the browser drops cookies by the real
    // time: a long session keeps the session cookie's Expires in the browser's future.
    env: { KEDJAN_COOKIE_SECURE: 'false', KEDJAN_SESSION_HOURS: String(24 * 365 * 30) },
    clock: { now: () => NOW },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A page whose console errors count as problems too — except Chromium's own note on an answer
 * that is expected: 401 from the session probe before login, and 400 from the booking on a Friday
 * the test provokes on purpose (the page shows the server's message for it).
 */
async function open(): Promise<TestPage> {
  return newPage(browser, server.url, { now: NOW, consoleErrors: { allowStatuses: [400, 401] } });
}

const CASE_TITLE = 'Ekonomiskt bistånd – Lena Norrman';

describe('financial assistance', () => {
  it('from application to decision, visit, payment run with four eyes, bank file and exit', async () => {
    const t = await open();
    const { page } = t;

    // --- The caseworker's day -------------------------------------------------------------
    await loginAs(page, 'Anna Nord');
    const myDay = page.getByRole('region', { name: 'Min dag' });
    await myDay.getByRole('heading', { level: 2, name: 'Min dag' }).waitFor();
    await myDay.getByText('1 av högst 45 ärenden').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Mina ärenden' }).waitFor();
    const sectionOrder = await page.locator('main h2').allInnerTexts();
    expect(sectionOrder.indexOf('Min dag')).toBeLessThan(sectionOrder.indexOf('Mina ärenden'));
    await settled(page);
    await expectNoSeriousAxeViolations(page, 'start page with Min dag');

    // Lena Norrman has had no visit this month: the row opens her case.
    const noVisit = myDay.getByRole('list', { name: 'Ärenden utan besök denna månad' });
    await noVisit.getByRole('link', { name: 'Lena Norrman' }).click();
    await page.getByRole('heading', { level: 1, name: CASE_TITLE }).waitFor();
    await page.getByText('Försörjningsenheten Nord').first().waitFor();
    await page
      .getByRole('table', { name: 'Hushållet' })
      .getByRole('link', { name: 'Lisa Norrman' })
      .waitFor();
    await page.getByRole('region', { name: 'Händelser' }).getByText('Ärendet öppnades').waitFor();
    await expectNoSeriousAxeViolations(page, 'case page');

    // --- A new application ----------------------------------------------------------------
    const form = page.getByRole('form', { name: 'Ny ansökan' });
    await form.getByLabel('Ansökningsmånad').fill('2026-12');
    await form.getByLabel('Inkom', { exact: true }).fill('2026-11-20');
    await form.getByLabel('Komplett', { exact: true }).fill('2026-11-20');
    const cost = form.getByRole('group', { name: 'Kostnad 1' });
    await cost.getByLabel('Typ').selectOption({ label: 'Boendekostnad' });
    await cost.getByLabel('Belopp (kr)').fill('7 200');
    const income = form.getByRole('group', { name: 'Inkomst 1' });
    await income.getByLabel('Typ').selectOption({ label: 'Barnbidrag' });
    await income.getByLabel('Belopp (kr)').fill('1 250');
    await form.getByRole('button', { name: 'Registrera ansökan' }).click();

    // --- The norm receipt -----------------------------------------------------------------
    await page.waitForURL((url) => url.pathname.startsWith('/ekonomiskt-bistand/ansokningar/'));
    await page.getByRole('heading', { level: 1, name: 'Ansökan för december 2026' }).waitFor();
    const receipt = page.getByRole('table', { name: /Normberäkning för december 2026/ });
    await receipt.getByRole('cell', { name: 'Barn 11 år', exact: true }).waitFor();
    await receipt.getByRole('cell', { name: 'Boendekostnad', exact: true }).waitFor();
    const total = await receipt.getByRole('row', { name: /Försörjningsstöd att betala/ }).innerText();
    expect(total).toMatch(/15\s690\s*kr/);
    const decisionForm = page.getByRole('form', { name: 'Beslut' });
    await decisionForm.getByRole('button', { name: 'Spara beslut' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'application page');
    await page.screenshot({ path: '/tmp/application-page.png', fullPage: true });

    // --- The decision: rent granted, saved, signed ----------------------------------------
    const rent = decisionForm.getByLabel('Beviljat (kr) för Boendekostnad');
    expect(await rent.inputValue()).toBe('7200');
    await rent.fill('7200');
    await decisionForm
      .getByRole('row', { name: /Boendekostnad/ })
      .getByText('Beviljas', { exact: true })
      .waitFor();
    await decisionForm.getByLabel('Motivering').fill('Hushållet saknar inkomster som täcker behovet.');
    await decisionForm.getByRole('button', { name: 'Spara beslut' }).click();
    const decision = page.getByRole('region', { name: 'Beslut för december 2026' });
    await decision.getByText('Beslutet är sparat som utkast').waitFor();
    await decision.getByRole('button', { name: 'Underteckna beslutet' }).click();
    await decision.getByText(/Beslutet är undertecknat/).waitFor();
    const letter = decision.getByRole('link', { name: 'Beslutsbrev (PDF)' });
    const letterResponse = await page.request.get((await letter.getAttribute('href')) ?? '');
    expect(letterResponse.status()).toBe(200);
    expect(letterResponse.headers()['content-type']).toContain('application/pdf');
    await expectNoSeriousAxeViolations(page, 'signed decision');

    // --- A personal visit: a Friday is refused, Monday is booked and held -----------------
    await decision.getByRole('link', { name: 'Tillbaka till ärendet' }).click();
    await page.getByRole('heading', { level: 1, name: CASE_TITLE }).waitFor();
    const visits = page.getByRole('region', { name: 'Personliga besök' });
    await visits.getByLabel('Datum och tid').fill('2026-11-27T10:00');
    await visits.getByRole('button', { name: 'Boka besök' }).click();
    await visits
      .getByRole('alert')
      .getByText(/Besök bokas måndag, tisdag, onsdag, torsdag/)
      .waitFor();
    await visits.getByLabel('Datum och tid').fill('2026-11-23T10:00');
    await visits.getByRole('button', { name: 'Boka besök' }).click();
    await visits.getByText('Besöket 2026-11-23 10:00 är bokat.').waitFor();
    await visits.getByRole('button', { name: 'Genomfört: besöket 2026-11-23 10:00' }).click();
    await page.getByRole('region', { name: 'Händelser' }).getByText('Personligt besök genomfördes').waitFor();
    await visits.getByRole('cell', { name: 'Genomfört', exact: true }).waitFor();
    await page.getByRole('region', { name: 'Beslut', exact: true }).getByText('Undertecknat').waitFor();

    // --- The payment run, prepared by the caseworker --------------------------------------
    await page.getByRole('navigation').getByRole('link', { name: 'Utbetalningar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utbetalningar' }).waitFor();
    await page.getByLabel('Månad', { exact: true }).fill('2026-12');
    await page.getByRole('button', { name: 'Förbered utbetalning' }).click();
    const run = page.getByRole('region', { name: 'Utbetalning för december 2026' });
    await run.getByRole('heading', { level: 2 }).waitFor();
    expect(await run.getByRole('definition').nth(2).innerText()).toBe('1');
    const payments = run.getByRole('table', { name: 'Utbetalningar' });
    await expect(payments.getByRole('row').count()).resolves.toBe(2);
    await payments.getByRole('cell', { name: 'Lena Norrman' }).waitFor();
    await payments.getByRole('cell', { name: '8327-…6789' }).waitFor();
    await run.getByText('Utbetalningen väntar på att en annan person').waitFor();
    await expect(run.getByRole('button', { name: 'Godkänn utbetalningen' }).count()).resolves.toBe(0);
    await settled(page);
    await expectNoSeriousAxeViolations(page, 'payment run prepared');
    await logout(page);

    // --- … approved by the unit manager, with the bank file -------------------------------
    await loginAs(page, 'Chef Nord');
    await page.getByRole('navigation').getByRole('link', { name: 'Utbetalningar' }).click();
    const runs = page.getByRole('table', { name: 'Utbetalningskörningar, senaste först' });
    await runs.getByRole('link', { name: 'december 2026' }).click();
    await run.getByRole('button', { name: 'Godkänn utbetalningen' }).click();
    await run.getByText('Utbetalningen är godkänd och bankfilen är skapad.').waitFor();
    await run.getByText('Godkänd', { exact: true }).waitFor();
    const bankFile = run.getByRole('link', { name: 'Hämta bankfil (pain.001)' });
    const fileResponse = await page.request.get((await bankFile.getAttribute('href')) ?? '');
    expect(fileResponse.status()).toBe(200);
    expect(fileResponse.headers()['content-type']).toContain('xml');
    expect(await fileResponse.text()).toContain('pain.001.001.03');
    await expectNoSeriousAxeViolations(page, 'payment run approved');
    await logout(page);

    // --- The household is self-supporting: the case is closed -----------------------------
    await loginAs(page, 'Anna Nord');
    const myCases = page.getByRole('region', { name: 'Mina ärenden' });
    await myCases.getByRole('link', { name: 'Ekonomiskt bistånd' }).click();
    await page.getByRole('heading', { level: 1, name: CASE_TITLE }).waitFor();
    const exit = page.getByRole('region', { name: 'Avsluta ärendet' });
    await exit.getByLabel('Avslutsdatum').fill('2026-11-20');
    await exit.getByLabel('Väg ut ur biståndet').selectOption({ label: 'Arbete' });
    await exit.getByRole('button', { name: 'Avsluta ärendet' }).click();
    await page.getByText('Ärendet är avslutat.').waitFor();
    const details = page.getByRole('region', { name: 'Uppgifter om ärendet' });
    await details.getByText('Avslutat 2026-11-20').waitFor();
    await details.getByText('Arbete', { exact: true }).waitFor();
    await page.getByRole('region', { name: 'Händelser' }).getByText('Ärendet avslutades').waitFor();
    await expect(page.getByRole('form', { name: 'Ny ansökan' }).count()).resolves.toBe(0);
    await expectNoSeriousAxeViolations(page, 'closed case');

    expect(t.problems).toEqual([]);
    await t.context.close();
  }, 180_000);
});

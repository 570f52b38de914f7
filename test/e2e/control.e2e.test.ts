/**
 * The e-application and control in the browser: a citizen applies without login and gets a
 * receipt; the caseworker sees the e-application on the case; the fraud investigator finds the
 * flat claimed by two households on the double-rent page, opens an investigation from it, records
 * findings, decides a recovery with its repayment plan and closes the investigation. Each page is
 * checked with axe.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { ids, M } from '../support/fixture.ts';
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

const SOUTH_APPLICATION = '00000000-0000-4000-8000-000000000951';

/** Olle Söderberg's household (Syd) claims rent for Lena Norrman's flat in December. */
async function seedSecondClaim(db: Database) {
  await db
    .insertInto('application')
    .values({
      municipality_id: M,
      id: SOUTH_APPLICATION,
      case_id: ids.caseSouth,
      month: '2026-12-01',
      kind: 'recurring',
      channel: 'paper',
      received_on: '2026-11-18',
      status: 'received',
      housing_address: 'STORGATAN 1',
      housing_apartment: '11 02',
      housing_contract: null,
    })
    .execute();
  await db
    .insertInto('application_member')
    .values({
      municipality_id: M,
      application_id: SOUTH_APPLICATION,
      person_id: ids.personSouth,
      role: 'applicant',
    })
    .execute();
  await db
    .insertInto('application_item')
    .values({
      municipality_id: M,
      application_id: SOUTH_APPLICATION,
      line_no: 1,
      kind: 'cost',
      item_type: 'rent',
      amount_ore: 690_000,
    })
    .execute();
}

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
  await server.database.asOwner(seedSecondClaim);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Console errors count as problems, except Chromium's note on the expected 401 of the session probe. */
async function open(): Promise<TestPage> {
  return newPage(browser, server.url, { now: NOW, consoleErrors: { allowStatuses: [401] } });
}

describe('e-application and control', () => {
  it('from a citizen’s e-application to the double-rent check, an investigation and a recovery', async () => {
    // --- The citizen, without login -------------------------------------------------------
    const citizen = await open();
    const c = citizen.page;
    await c.goto('/login');
    await c.getByRole('link', { name: 'Ansök om ekonomiskt bistånd (e-ansökan)' }).click();
    await c.waitForURL((url) => url.pathname === '/e-ansokan');
    await c.getByRole('heading', { level: 1, name: 'Ansök om ekonomiskt bistånd' }).waitFor();
    const form = c.getByRole('form', { name: 'Ansök om ekonomiskt bistånd' });
    await form.getByLabel('Personnummer').fill('19850709-9805');
    await form.getByLabel('Månad du söker för').fill('2026-12');
    await form.getByLabel('Gatuadress').fill('Storgatan 1');
    await form.getByLabel('Lägenhetsnummer').fill('1102');
    const cost = form.getByRole('group', { name: 'Kostnad 1', exact: true });
    await cost.getByLabel('Vad gäller det?').selectOption({ label: 'Boendekostnad' });
    await cost.getByLabel('Belopp i kronor').fill('7 200');
    const income = form.getByRole('group', { name: 'Inkomst 1', exact: true });
    await income.getByLabel('Vad gäller det?').selectOption({ label: 'Barnbidrag' });
    await income.getByLabel('Belopp i kronor').fill('1 250');
    await form.getByLabel('Jag är arbetslös').check();
    await settled(c);
    await expectNoSeriousAxeViolations(c, 'e-application form');
    await c.screenshot({ path: '/tmp/e-application.png', fullPage: true });

    // Without consent nothing is sent.
    await form.getByRole('button', { name: 'Skicka ansökan' }).click();
    await form.getByText('Du behöver kryssa i samtycket för att kunna skicka ansökan.').waitFor();
    await expectNoSeriousAxeViolations(c, 'e-application form with errors');
    await form.getByLabel(/^Jag samtycker till att uppgifterna kontrolleras/).check();
    await form.getByRole('button', { name: 'Skicka ansökan' }).click();

    await c.getByRole('heading', { level: 1, name: 'Vi har tagit emot din ansökan' }).waitFor();
    const number = await c.locator('.receipt-number').innerText();
    expect(number).toMatch(/^[0-9A-F]{8}$/);
    await c.getByText('december 2026').waitFor();
    await expectNoSeriousAxeViolations(c, 'e-application receipt');
    await c.screenshot({ path: '/tmp/e-application-receipt.png', fullPage: true });
    expect(citizen.problems).toEqual([]);
    await citizen.context.close();

    // --- The caseworker sees it on the case -----------------------------------------------
    const staff = await open();
    const { page } = staff;
    await loginAs(page, 'Anna Nord');
    await page.goto(`/ekonomiskt-bistand/arenden/${ids.caseNorth}`);
    await page.getByRole('heading', { level: 1, name: 'Ekonomiskt bistånd – Lena Norrman' }).waitFor();
    const applications = page.getByRole('region', { name: 'Ansökningar' });
    const row = applications.getByRole('row', { name: /december 2026/ });
    await row.getByText('E-ansökan').waitFor();
    await settled(page);
    await expectNoSeriousAxeViolations(page, 'case page with the e-application');
    await logout(page);

    // --- The fraud investigator: double rent ----------------------------------------------
    await loginAs(page, 'Fia Utredare');
    await page.getByRole('navigation').getByRole('link', { name: 'Dubbla hyror' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dubbla hyror' }).waitFor();
    await page.getByLabel('Månad', { exact: true }).fill('2026-12');
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.waitForURL((url) => url.search === '?manad=2026-12');
    const group = page.getByRole('region', {
      name: /Storgatan 1, lägenhet 1102|STORGATAN 1, lägenhet 11 02/,
    });
    const claims = group.getByRole('table', { name: /Hushåll som söker hyra för/ });
    await claims.getByRole('cell', { name: 'Lena Norrman', exact: true }).waitFor();
    await claims.getByRole('cell', { name: 'Olle Söderberg', exact: true }).waitFor();
    await settled(page);
    await expectNoSeriousAxeViolations(page, 'double-rent page');
    await page.screenshot({ path: '/tmp/double-rent.png', fullPage: true });

    // --- … an investigation opened from it ------------------------------------------------
    await group.getByRole('button', { name: 'Öppna utredning om dubbel hyra: Lena Norrman' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/kontroll/utredningar/'));
    await page.getByRole('heading', { level: 1, name: 'Utredning: Dubbel hyra' }).waitFor();
    const details = page.getByRole('region', { name: 'Uppgifter' });
    await details.getByText('Lena Norrman').waitFor();
    await details.getByText('Öppen', { exact: true }).waitFor();
    await page.getByRole('region', { name: 'Utbetalningar under perioden' }).waitFor();
    await settled(page);
    await expectNoSeriousAxeViolations(page, 'investigation opened');

    const findings = page.getByRole('region', { name: 'Iakttagelser' });
    await findings
      .getByLabel('Vad utredningen har kommit fram till')
      .fill('Två hushåll söker hyra för samma lägenhet i december.');
    await findings.getByRole('button', { name: 'Spara iakttagelser' }).click();
    await findings.getByText('Iakttagelserna är sparade.').waitFor();

    // --- … a recovery with its repayment plan ---------------------------------------------
    const recovery = page.getByRole('region', { name: 'Beslut om återkrav' });
    await recovery.getByLabel('Belopp att återkräva (kr)').fill('7 200');
    await recovery.getByLabel('Avbetalning per månad (kr)').fill('1 000');
    await recovery.getByLabel('Första förfallodag').fill('2026-12-28');
    await recovery.getByLabel('Biståndet beviljades från').fill('2026-10-01');
    await recovery.getByLabel('Skäl för beslutet').fill('Hyran för lägenheten söktes av två hushåll.');
    await recovery.getByRole('button', { name: 'Besluta om återkrav' }).click();
    await recovery.getByText('Återkravet är beslutat.').waitFor();
    await recovery.getByText('33 kap. 1 § socialtjänstlagen (2025:400)').waitFor();
    const plan = recovery.getByRole('table', { name: /Avbetalningsplan för återkravet/ });
    await plan.getByRole('cell', { name: '2027-07-28' }).waitFor();
    await expect(plan.locator('tbody tr').count()).resolves.toBe(8);
    expect(await plan.locator('tbody tr').last().innerText()).toMatch(/8\s+2027-07-28\s+200\s*kr/);
    await settled(page);
    await expectNoSeriousAxeViolations(page, 'recovery decided');
    await page.screenshot({ path: '/tmp/investigation.png', fullPage: true });

    // --- … and the investigation closed ---------------------------------------------------
    const close = page.getByRole('region', { name: 'Avsluta utredning' });
    await close.getByLabel('Utfall').selectOption({ label: 'Felaktig utbetalning konstaterad' });
    await close.getByLabel('Avslutad den').fill('2026-11-20');
    await close.getByRole('button', { name: 'Avsluta utredning' }).click();
    await page.getByText('Utredningen är avslutad.').waitFor();
    await details.getByText('Avslutad', { exact: true }).waitFor();
    await details.getByText('Felaktig utbetalning konstaterad').waitFor();
    await findings.getByText('Två hushåll söker hyra för samma lägenhet i december.').waitFor();
    await expectNoSeriousAxeViolations(page, 'investigation closed');

    // --- The list of investigations --------------------------------------------------------
    await page.getByRole('navigation').getByRole('link', { name: 'Utredningar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utredningar' }).waitFor();
    const list = page.getByRole('table', { name: /Utredningar, sida 1 av 1/ });
    const listed = list.getByRole('row', { name: /Dubbel hyra/ });
    await listed.getByText('Lena Norrman').waitFor();
    await listed.getByText('Avslutad').waitFor();
    await page.getByLabel('Status').selectOption({ label: 'Öppna' });
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.getByText('Det finns inga utredningar med det urvalet.').waitFor();
    await settled(page);
    await expectNoSeriousAxeViolations(page, 'investigations list');

    expect(staff.problems).toEqual([]);
  }, 120_000);
});

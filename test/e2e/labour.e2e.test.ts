/**
 * One person's way from assistance to work through the labour-market unit, in the browser: an
 * application as unemployed refers her at once and books the unit's next introduction day; the
 * consultant maps her capacity, writes the personal plan, registers an extratjänst (warned that
 * it does not qualify for a-kassa), follows it with a nystartsjobb (the warning goes), each
 * reviewed by the union before it starts; she leaves the unit for work, the caseworker is told
 * and closes the assistance case with the exit "work". The clock moves forward between the steps,
 * on the server and in the browser alike. Each page is checked with axe.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ids, loadFixture, M } from '../support/fixture.ts';
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

/** Friday 20 November 2026, 10:00 in Sweden; moved forward by the test. */
let now = new Date('2026-11-20T09:00:00Z');
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({
    env: { KEDJAN_COOKIE_SECURE: 'false', KEDJAN_SESSION_HOURS: String(24 * 365 * 30) },
    clock: { now: () => now },
    seed: (database) =>
      database.asOwner(async (db) => {
        await loadFixture(db);
        // Lena has consented to information flowing both ways between the units (the consent
        // screens are tested on their own).
        await db
          .insertInto('information_flow')
          .values(
            (['assistance_to_labour', 'labour_to_assistance'] as const).map((direction, i) => ({
              municipality_id: M,
              id: `00000000-0000-4000-8000-00000000f10${i}`,
              person_id: ids.personNorth,
              direction,
              basis: 'consent' as const,
              given_on: '2026-11-01',
              recorded_by: ids.caseworkerNorth,
            })),
          )
          .execute();
      }),
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(): Promise<TestPage> {
  return newPage(browser, server.url, { now, consoleErrors: { allowStatuses: [401] } });
}

/** Moves the server's and the browser's clock to a day (10:00 in Sweden). */
async function setDay(t: TestPage, day: string): Promise<void> {
  now = new Date(`${day}T09:00:00Z`);
  await t.context.clock.setFixedTime(now);
}

const CASE_TITLE = 'Ekonomiskt bistånd – Lena Norrman';

async function openCase(page: Page): Promise<void> {
  await page
    .getByRole('region', { name: 'Mina ärenden' })
    .getByRole('link', { name: 'Ekonomiskt bistånd' })
    .click();
  await page.getByRole('heading', { level: 1, name: CASE_TITLE }).waitFor();
}

async function openReferral(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Deltagare' }).click();
  await page.getByRole('heading', { level: 1, name: 'Deltagare' }).waitFor();
  await page
    .getByRole('link', { name: /Lena Norrman/ })
    .first()
    .click();
  await page.getByRole('heading', { level: 1, name: 'Anvisning: Lena Norrman' }).waitFor();
  await settled(page);
}

describe('the labour-market unit', () => {
  it('from an application as unemployed to work, and the assistance case closed with exit "work"', async () => {
    const t = await open();
    const { page } = t;
    page.setDefaultTimeout(15_000);

    // --- The caseworker registers an application; Lena says she is unemployed ---------------
    await loginAs(page, 'Anna Nord');
    await openCase(page);
    const form = page.getByRole('form', { name: 'Ny ansökan' });
    await form.getByLabel('Ansökningsmånad').fill('2026-12');
    await form.getByLabel('Inkom', { exact: true }).fill('2026-11-20');
    await form.getByLabel('Komplett', { exact: true }).fill('2026-11-20');
    await form.getByLabel('Sökande uppger att hen är arbetslös').check();
    await form.getByRole('button', { name: 'Registrera ansökan' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/ekonomiskt-bistand/ansokningar/'));
    await page.getByRole('heading', { level: 1, name: 'Ansökan för december 2026' }).waitFor();

    // … which referred her to the unit at once, booked on its next introduction day (Tuesday).
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: CASE_TITLE }).waitFor();
    const labour = page.getByRole('region', { name: 'Arbetsmarknadsenheten' });
    const referrals = labour.getByRole('table', { name: 'Anvisningar för hushållets medlemmar' });
    const lenaRow = referrals.getByRole('row', { name: /Lena Norrman/ });
    await lenaRow.getByRole('cell', { name: 'Socialtjänsten' }).waitFor();
    await lenaRow.getByRole('cell', { name: '2026-11-24' }).waitFor();
    await settled(page);
    await expectNoSeriousAxeViolations(page, 'case page with the labour section');
    await logout(page);

    // --- Tuesday: the consultant sees her, marks the introduction day and maps her ----------
    await setDay(t, '2026-11-24');
    await loginAs(page, 'Kim Konsult');
    const start = page.getByRole('region', { name: 'Arbetsmarknadsenheten' });
    await start
      .getByRole('link', { name: /Lena Norrman/ })
      .first()
      .waitFor();
    await settled(page);
    await expectNoSeriousAxeViolations(page, "the consultant's start page");
    await openReferral(page);
    const overview = page.getByRole('region', { name: 'Anvisning', exact: true });
    await overview.getByText('Direktaktivering från ansökan om ekonomiskt bistånd').waitFor();
    await overview.getByRole('button', { name: 'Närvarade' }).click();
    await overview.getByText('Närvaron på introduktionsdagen är sparad.').waitFor();

    const mapping = page.getByRole('form', { name: 'Ny kartläggning' });
    await mapping.getByLabel('Datum').fill('2026-11-24');
    await mapping.getByLabel('Arbetsförmåga (timmar/vecka)').fill('40');
    await mapping.getByLabel('Arbetslivserfarenhet').fill('Lager och butik, sex år.');
    await mapping.getByRole('button', { name: 'Spara kartläggning' }).click();
    await page.getByText('Kartläggningen är sparad.').waitFor();

    const plan = page.getByRole('form', { name: 'Ny genomförandeplan' });
    await plan
      .getByLabel('Mål')
      .fill('Anställning inom lager och logistik med a-kassegrundande sista anställning.');
    await plan.getByLabel('Från').fill('2026-11-24');
    await plan.getByLabel('Till').fill('2027-11-30');
    await plan.getByLabel('Nästa uppföljning', { exact: true }).fill('2027-02-24');
    await plan.getByRole('button', { name: 'Spara planen' }).click();
    await page.getByText('Genomförandeplanen är sparad.').waitFor();

    // --- An extratjänst: the a-kassa warning, the union's review, the start --------------------
    const employments = page.getByRole('region', { name: 'Anställningar' });
    const newEmployment = async (
      form: string,
      first: string,
      last: string,
      salary: string,
      support: string,
    ) => {
      const f = employments.getByRole('form', { name: 'Ny anställning' });
      await f.getByLabel('Anställningsform').selectOption({ label: form });
      await f.getByLabel('Arbetsgivare').fill('Tekniska förvaltningen');
      await f.getByLabel('Första dag').fill(first);
      await f.getByLabel('Sista dag').fill(last);
      await f.getByLabel('Timmar per vecka').fill('40');
      await f.getByLabel('Lönekostnad per månad (kr)').fill(salary);
      await f.getByLabel('Stöd per månad (kr)').fill(support);
      await f.getByRole('button', { name: 'Registrera anställning' }).click();
      await employments.getByText('Anställningen är registrerad.').waitFor();
    };
    await newEmployment('Extratjänst', '2026-12-01', '2027-05-31', '30000', '30000');
    const warning = employments
      .getByRole('alert')
      .filter({ hasText: 'Varning: sista anställningen ger inte a-kassa' });
    await warning.waitFor();
    await employments.getByRole('button', { name: 'Facket godkänner' }).first().click();
    await employments.getByRole('cell', { name: 'Godkänd av facket' }).first().waitFor();
    await settled(page);
    await expectNoSeriousAxeViolations(page, 'referral page with an extratjänst');
    await logout(page);

    await setDay(t, '2026-12-01');
    await loginAs(page, 'Kim Konsult');
    await openReferral(page);
    await employments.getByRole('button', { name: 'Påbörja' }).first().click();
    await employments.getByRole('cell', { name: 'Pågår' }).first().waitFor();

    // --- … followed by a nystartsjobb, which qualifies: the warning goes ---------------------
    await newEmployment('Nystartsjobb (a-kassegrundande)', '2027-06-01', '2027-11-30', '30000', '9000');
    await warning.waitFor({ state: 'detached' });
    await employments.getByRole('button', { name: 'Facket godkänner' }).first().click();
    await employments
      .getByRole('cell', { name: 'Väntar på facklig granskning' })
      .waitFor({ state: 'detached' });
    await logout(page);

    await setDay(t, '2027-06-01');
    await loginAs(page, 'Kim Konsult');
    await openReferral(page);
    await employments.getByRole('button', { name: 'Påbörja' }).first().click();
    await employments.getByRole('cell', { name: 'Pågår' }).first().waitFor();

    // --- She leaves the unit for work ----------------------------------------------------------
    const exit = overview.getByRole('form', { name: 'Avsluta anvisningen' });
    await exit.getByLabel('Avslutad den').fill('2027-06-01');
    await exit.getByLabel('Resultat').selectOption({ label: 'Arbete med stöd' });
    await exit.getByRole('button', { name: 'Avsluta anvisningen' }).click();
    await overview.getByText('Arbete med stöd').waitFor();
    await expect(overview.getByRole('form', { name: 'Avsluta anvisningen' }).count()).resolves.toBe(0);
    await settled(page);
    await expectNoSeriousAxeViolations(page, 'closed referral');
    await logout(page);

    // --- The caseworker is told, and closes the assistance case with the exit "work" ----------
    await loginAs(page, 'Anna Nord');
    await openCase(page);
    const notices = labour.getByRole('region', { name: 'Meddelanden från arbetsmarknadsenheten' });
    await notices.getByText(/Avslutad på arbetsmarknadsenheten/).waitFor();
    await lenaRow.getByText('Resultat: Arbete med stöd').waitFor();
    await notices
      .getByRole('button', { name: /Kvittera/ })
      .first()
      .click();
    await labour.getByText('Meddelandet är kvitterat.').waitFor();

    const close = page.getByRole('region', { name: 'Avsluta ärendet' });
    await close.getByLabel('Avslutsdatum').fill('2027-06-01');
    await close.getByLabel('Väg ut ur biståndet').selectOption({ label: 'Arbete' });
    await close.getByRole('button', { name: 'Avsluta ärendet' }).click();
    await page.getByText('Ärendet är avslutat.').waitFor();
    const details = page.getByRole('region', { name: 'Uppgifter om ärendet' });
    await details.getByText('Arbete', { exact: true }).waitFor();
    await settled(page);
    await expectNoSeriousAxeViolations(page, 'assistance case closed after work');

    expect(t.problems).toEqual([]);
    await t.context.close();
  }, 240_000);
});

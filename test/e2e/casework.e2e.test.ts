/**
 * The casework on an assistance case in the browser: a journal note autosaved as a draft (and
 * still there after a reload), signed and corrected; a new bank account that the one who
 * registered it cannot approve and the unit manager does (four eyes); a reason code for this
 * month; a request for completion answered; the intake steps in order with IB3's mapping; and a
 * payment stopped in a prepared payment run with a reason. Each page is checked with axe.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ids } from '../support/fixture.ts';
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

/** A page whose console errors count as problems too, except the 401 of the session probe before login. */
async function open(): Promise<TestPage> {
  return newPage(browser, server.url, { now: NOW, consoleErrors: { allowStatuses: [401] } });
}

/** The API as the logged-in user in the browser (same cookies, the session's CSRF token). */
async function apiAs(page: Page) {
  const session = (await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string };
  const call = async <T>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> => {
    const response = await page.request.fetch(`/api/v1${path}`, {
      method,
      headers: { 'x-csrf-token': session.csrfToken, 'accept-language': 'sv' },
      ...(data === undefined ? {} : { data }),
    });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    return (response.status() === 204 ? undefined : await response.json()) as T;
  };
  return call;
}

/**
 * The household's first application (which lays out the intake steps), its decision signed, a
 * visit held and December's payment run prepared — the ground the screens under test stand on.
 */
async function prepareCase(page: Page): Promise<void> {
  const call = await apiAs(page);
  const caseId = ids.caseNorth;
  const application = await call<{ id: string }>('POST', `/assistance/cases/${caseId}/applications`, {
    month: '2026-12',
    receivedOn: '2026-11-20',
    completeOn: '2026-11-20',
    costs: [{ type: 'rent', amountOre: 720_000 }],
  });
  const norm = await call<{ proposal: { lineNo: number; acceptedOre: number }[] }>(
    'GET',
    `/assistance/applications/${application.id}/norm`,
  );
  const decision = await call<{ id: string }>(
    'POST',
    `/assistance/applications/${application.id}/decisions`,
    {
      items: norm.proposal.map((line) => ({ lineNo: line.lineNo, grantedOre: line.acceptedOre })),
      reasons: 'Hushållet saknar inkomster som täcker behovet.',
      payOn: '2026-11-30',
    },
  );
  await call('POST', `/assistance/decisions/${decision.id}/sign`);
  const visit = await call<{ id: string }>('POST', `/assistance/cases/${caseId}/visits`, {
    startsAt: '2026-11-23T10:00:00+01:00',
  });
  await call('POST', `/assistance/visits/${visit.id}/status`, { status: 'held' });
  await call('POST', '/assistance/payment-runs', { month: '2026-12' });
}

const CASE_PATH = `/ekonomiskt-bistand/arenden/${ids.caseNorth}`;
const CASE_TITLE = 'Ekonomiskt bistånd – Lena Norrman';
const NOTE = 'Telefonsamtal med Lena. Hon har sökt tre tjänster inom vården.';
const MORE = ' Nytt samtal bokas om två veckor.';

describe('casework on an assistance case', () => {
  it('journal with autosave, bank account with four eyes, reason code, completion, intake, stopped payment', async () => {
    const t = await open();
    const { page } = t;

    await loginAs(page, 'Anna Nord');
    await prepareCase(page);
    await page.goto(CASE_PATH);
    await page.getByRole('heading', { level: 1, name: CASE_TITLE }).waitFor();

    // --- A journal note: typed, autosaved, still there after a reload, signed -------------
    const journal = page.getByRole('region', { name: 'Journalanteckningar' });
    const newNote = journal.getByRole('form', { name: 'Ny journalanteckning' });
    const text = newNote.getByLabel('Anteckning', { exact: true });
    const created = page.waitForResponse(
      (r) => r.request().method() === 'POST' && /\/api\/v1\/assistance\/cases\/[^/]+\/journal$/.test(r.url()),
    );
    await text.fill(NOTE);
    expect((await created).status()).toBe(201);
    await newNote.getByText(/^Utkast sparat \d{2}:\d{2}$/).waitFor();
    // Later keystrokes update the same draft.
    const updated = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && /\/api\/v1\/assistance\/journal\/[^/]+$/.test(r.url()),
    );
    await text.pressSequentially(MORE);
    expect((await updated).status()).toBe(200);
    await newNote.getByText('Utkast sparat 10:00').waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: CASE_TITLE }).waitFor();
    await text.waitFor();
    expect(await text.inputValue()).toBe(NOTE + MORE);
    await settled(page);
    await expectNoSeriousAxeViolations(page, 'case page with a journal draft');

    await newNote.getByRole('button', { name: 'Signera', exact: true }).click();
    const notes = journal.getByRole('list', { name: 'Journalanteckningar, senaste först' });
    const signed = notes.getByRole('article', { name: '2026-11-20 – Anna Nord' });
    await signed.getByText('Signerad 2026-11-20 10:00').waitFor();
    await signed.getByText(NOTE + MORE).waitFor();
    await expect.poll(() => text.inputValue()).toBe('');

    // --- … and corrected with a new note that refers to it --------------------------------
    await signed.getByRole('button', { name: 'Skriv rättelse av anteckningen från 2026-11-20' }).click();
    const correction = signed.getByRole('form', { name: 'Rättelse av anteckningen från 2026-11-20' });
    await correction
      .getByLabel('Rättelse', { exact: true })
      .fill('Rättelse: det var fyra tjänster, inte tre.');
    await correction.getByText(/^Utkast sparat/).waitFor();
    await correction
      .getByRole('button', { name: 'Signera rättelsen av anteckningen från 2026-11-20' })
      .click();
    await notes.getByText('Rättelse av anteckning från 2026-11-20').waitFor();
    await notes.getByText('Rättelse: det var fyra tjänster, inte tre.').waitFor();
    await notes.getByText('Rättad', { exact: true }).waitFor();
    await expect(notes.getByRole('article').count()).resolves.toBe(2);

    // --- A new bank account: the one who registers it cannot approve it ---------------------
    const bank = page.getByRole('region', { name: 'Bankkonto' });
    const accountForm = bank.getByRole('form', { name: 'Nytt bankkonto' });
    await accountForm.getByRole('button', { name: 'Registrera konto' }).click();
    await accountForm.getByText('Clearingnumret ska vara 4 eller 5 siffror.').waitFor();
    await accountForm.getByLabel('Clearingnummer').fill('6000');
    await accountForm.getByLabel('Kontonummer').fill('934 512 345');
    await accountForm.getByRole('button', { name: 'Registrera konto' }).click();
    await accountForm
      .getByText('Kontot är registrerat och väntar på godkännande av en annan handläggare.')
      .waitFor();
    const pendingRow = bank.getByRole('row', { name: /6000-…2345/ });
    await pendingRow.getByText('Väntar på godkännande av annan handläggare').waitFor();
    await expect(bank.getByRole('button', { name: /^Godkänn/ }).count()).resolves.toBe(0);
    await bank
      .getByRole('row', { name: /8327-…6789/ })
      .getByText('Godkänt')
      .waitFor();

    // --- The reason code for Lena this month -------------------------------------------------
    const reasons = page.getByRole('region', { name: 'Försörjningshinder' });
    await reasons.getByText('Saknar försörjningshinder i november 2026: Lena Norrman.').waitFor();
    await reasons
      .getByLabel('Försörjningshinder för Lena Norrman, november 2026')
      .selectOption({ label: 'Arbetslös – ingen ersättning' });
    await reasons.getByText('Försörjningshindret för Lena Norrman, november 2026 är sparat.').waitFor();
    await reasons.getByText('Alla vuxna har ett försörjningshinder i november 2026.').waitFor();
    const december = reasons.getByRole('row', { name: /december 2026/ });
    await december.getByText('Saknas').waitFor();

    // --- A request for completion, answered ------------------------------------------------
    const completion = page.getByRole('region', { name: 'Begäran om komplettering' });
    const requestForm = completion.getByRole('form', { name: 'Ny begäran om komplettering' });
    await requestForm.getByLabel('Vad ska hushållet komplettera med?').fill('Hyresavi för december');
    await requestForm.getByLabel('Sista dag').fill('2026-12-01');
    await requestForm.getByRole('button', { name: 'Skicka begäran' }).click();
    await requestForm.getByText('Begäran om komplettering är registrerad.').waitFor();
    const requestRow = completion.getByRole('row', { name: /Hyresavi för december/ });
    await requestRow.getByText('Väntar på svar').waitFor();
    await completion.getByText('Obesvarade: 1. Försenade: 0.').waitFor();
    await requestRow.getByRole('button', { name: 'Besvarad: Hyresavi för december' }).click();
    await requestRow.getByText('Besvarad 2026-11-20').waitFor();

    // --- The intake steps in order; IB3 with the mapping ------------------------------------
    const intake = page.getByRole('region', { name: 'Utredning och uppföljning' });
    for (const step of [
      'Tillhörighetsbedömning',
      'Samtycke',
      'Kontroller',
      'IB1 Initial bedömning',
      'IB2 Teamet',
    ]) {
      await intake.getByRole('button', { name: `Markera som klar: ${step}` }).click();
      await intake.getByText(`Steget ${step} är markerat som klart.`).waitFor();
    }
    await expect(
      intake.getByRole('button', { name: 'Markera som klar: IB4 Planering' }).count(),
    ).resolves.toBe(0);
    await intake.getByRole('button', { name: 'Markera som klar: IB3 Nybesök, med kartläggning' }).click();
    const mapping = intake.getByRole('form', { name: 'Kartläggning vid nybesöket' });
    await mapping.getByLabel('Tidigare arbete').fill('Undersköterska 2015–2023.');
    await mapping.getByRole('button', { name: 'Spara och markera som klar' }).click();
    await mapping.getByText('Hushållet har barn: beskriv barnens situation.').waitFor();
    await mapping.getByLabel('Barnens situation').fill('Lisa går i årskurs 5 och trivs i skolan.');
    await mapping.getByRole('button', { name: 'Spara och markera som klar' }).click();
    await intake.getByText('Steget IB3 Nybesök är markerat som klart.').waitFor();
    await intake.getByRole('button', { name: 'Markera som klar: IB4 Planering' }).waitFor();
    await notes.getByText(/IB3 Nybesök – kartläggning/).waitFor();
    await settled(page);
    await expectNoSeriousAxeViolations(page, 'case page after the casework');
    await logout(page);

    // --- The unit manager approves the account ------------------------------------------------
    await loginAs(page, 'Chef Nord');
    await page.goto(CASE_PATH);
    await page.getByRole('heading', { level: 1, name: CASE_TITLE }).waitFor();
    await bank.getByRole('button', { name: 'Godkänn konto 6000-…2345' }).click();
    await bank.getByText('Kontot 6000-…2345 är godkänt och gäller för kommande utbetalningar.').waitFor();
    await bank
      .getByRole('row', { name: /6000-…2345/ })
      .getByText('Godkänt')
      .waitFor();
    // The old account is replaced: the case lists the accounts in force and waiting.
    await expect(bank.getByRole('row', { name: /8327-…6789/ }).count()).resolves.toBe(0);
    await settled(page);
    await expectNoSeriousAxeViolations(page, 'case page as the unit manager');

    // --- … and stops December's payment, with a reason -------------------------------------
    await page.getByRole('navigation').getByRole('link', { name: 'Utbetalningar' }).click();
    await page
      .getByRole('table', { name: 'Utbetalningskörningar, senaste först' })
      .getByRole('link', { name: 'december 2026' })
      .click();
    const run = page.getByRole('region', { name: 'Utbetalning för december 2026' });
    await run.getByRole('button', { name: 'Stoppa utbetalningen till Lena Norrman' }).click();
    const stop = run.getByRole('form', { name: 'Stoppa utbetalningen till Lena Norrman' });
    await stop.getByRole('button', { name: 'Stoppa utbetalningen' }).click();
    await stop.getByText('Ange skäl.').waitFor();
    await stop.getByLabel('Skäl').fill('Hushållet har fått arbete från december.');
    await stop.getByRole('button', { name: 'Stoppa utbetalningen' }).click();
    await run.getByText('Utbetalningen till Lena Norrman är stoppad.').waitFor();
    const payments = run.getByRole('table', { name: 'Utbetalningar' });
    await payments.getByRole('cell', { name: /Stoppad/ }).waitFor();
    await payments.getByText('Hushållet har fått arbete från december.').waitFor();
    await expect(run.getByRole('button', { name: /^Stoppa/ }).count()).resolves.toBe(0);
    await settled(page);
    await expectNoSeriousAxeViolations(page, 'payment run with a stopped payment');

    expect(t.problems).toEqual([]);
    await t.context.close();
  }, 180_000);
});

/**
 * Follow-up in the browser: a unit manager opens the måltavla, drills down from a figure to the
 * households behind it, sets a target on the indicator page and sees it on the board; an analyst
 * drilling down sees counts only. The manager then records a follow-up status of an action-plan
 * activity (a deviation needs a comment) and downloads the four-month report as PDF and Excel,
 * which are opened and read; then corrects the report's lines: removes a budget line and an
 * assignment entered by mistake, changes an assignment, and sees that a followed-up one stays.
 * Each page is checked with axe.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetTotals, openWorkbook, pdfText, REPORT_SHEETS } from '../support/documents.ts';
import { loadFixture } from '../support/fixture.ts';
import { importHistory, monthRange, personnummer } from '../support/history.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { expectNoSeriousAxeViolations, launchBrowser, loginAs, logout, newPage, settled } from './browser.ts';

/** Friday 20 November 2026, 10:00 in Sweden. */
const now = new Date('2026-11-20T09:00:00Z');
let server: TestServer;
let browser: Browser;

/** Six households in Nord with ten months (December 2025 – September 2026): long-term now and
 * closed in October; five new households in Nord this month (inflow). */
const LONG_TERM = ['Ahlberg', 'Berg', 'Carlsson', 'Dahl', 'Ek', 'Falk'];
const households = [
  ...LONG_TERM.map((last, i) => ({
    pn: personnummer(`198${i}-03-1${i}`, 100 + i * 2),
    first: 'Nils',
    last,
    months: monthRange('2025-12', '2026-09'),
  })),
  ...['Gran', 'Hed', 'Ivarsson', 'Jansson', 'Kling'].map((last, i) => ({
    pn: personnummer(`197${i}-05-2${i}`, 200 + i * 2),
    first: 'Nils',
    last,
    months: ['2026-11'],
  })),
];

beforeAll(async () => {
  server = await startTestServer({
    env: { KEDJAN_COOKIE_SECURE: 'false', KEDJAN_SESSION_HOURS: String(24 * 365 * 30) },
    clock: { now: () => now },
    seed: async (database) => {
      await database.asOwner((db) => loadFixture(db));
      await importHistory(database.app.db, households, { now });
    },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const LONG_TERM_TITLE = 'Hushåll med bistånd i mer än tio månader under året, antal';

describe('the target board', () => {
  it('shows the month against the targets, drills down to the households and takes a new target', async () => {
    const t = await newPage(browser, server.url, { now, consoleErrors: { allowStatuses: [401] } });
    const { page } = t;
    await loginAs(page, 'Chef Nord');
    await page.getByRole('navigation').getByRole('link', { name: 'Måltavla' }).click();
    await page.getByRole('heading', { level: 1, name: 'Måltavla' }).waitFor();
    await settled(page);
    const longTerm = page.getByRole('region', { name: 'Långvariga ärenden nu' });
    await expect.poll(() => longTerm.getByRole('link').first().textContent()).toMatch(/^6/);
    await expect.poll(() => longTerm.textContent()).toContain('Inget mål satt för 2026');
    const closed = page.getByRole('region', { name: 'Avslutade långvariga ärenden' });
    expect(await closed.getByRole('link').nth(1).textContent()).toMatch(/^6/);
    const inflow = page.getByRole('region', { name: 'Inflöde' });
    expect(await inflow.getByRole('link').first().textContent()).toMatch(/^5/);
    await page
      .getByRole('region', { name: 'Utveckling de senaste 24 månaderna' })
      .locator('svg')
      .first()
      .waitFor();
    await expectNoSeriousAxeViolations(page, 'måltavlan');

    // Full screen on and off (the button says which).
    await page.getByRole('button', { name: 'Helskärm' }).click();
    const exit = page.getByRole('button', { name: 'Avsluta helskärm' });
    if (await exit.isVisible().catch(() => false)) await exit.click();

    // Drill down from the figure.
    await longTerm.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: `Underlag: ${LONG_TERM_TITLE}` }).waitFor();
    await settled(page);
    const names = page.getByRole('table', { name: 'Hushåll' }).getByRole('link');
    expect(await names.allTextContents()).toEqual(LONG_TERM.map((last) => `Nils ${last}`));
    await expectNoSeriousAxeViolations(page, 'underlaget');

    // Set a target for the year on the indicator page.
    await page.getByRole('navigation').getByRole('link', { name: 'Nyckeltal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nyckeltal' }).waitFor();
    await settled(page);
    const form = page.getByRole('form', { name: 'Sätt målvärde' });
    await form.getByLabel('Nyckeltal').selectOption({ label: LONG_TERM_TITLE });
    await form.getByLabel('År').fill('2026');
    await form.getByLabel('Målvärde').fill('5');
    await form.getByLabel('Kommentar (valfri)').fill('Färre långvariga ärenden');
    await form.getByRole('button', { name: 'Spara målvärde' }).click();
    await page.getByText(`Målvärdet för ${LONG_TERM_TITLE} 2026 är sparat.`).waitFor();
    const row = page
      .getByRole('table', { name: 'Nyckeltal 2026' })
      .getByRole('row', { name: new RegExp(LONG_TERM_TITLE) });
    await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe('5');
    await expectNoSeriousAxeViolations(page, 'nyckeltalen');

    // The board shows it: six long-term cases against a target of five is worse than the target.
    await page.getByRole('navigation').getByRole('link', { name: 'Måltavla' }).click();
    await settled(page);
    await expect.poll(() => longTerm.textContent()).toContain('Mål 2026: 5');
    expect(await longTerm.textContent()).toContain('Sämre än målet');
    expect(t.problems).toEqual([]);

    // An analyst sees counts only.
    await logout(page);
    await loginAs(page, 'Ann Alys');
    await page.getByRole('navigation').getByRole('link', { name: 'Måltavla' }).click();
    await settled(page);
    await page.getByRole('region', { name: 'Långvariga ärenden nu' }).getByRole('link').first().click();
    await page.getByText('Du ser bara antal').waitFor();
    expect(await page.getByRole('table', { name: 'Hushåll' }).count()).toBe(0);
    expect(t.problems).toEqual([]);
    await t.context.close();
  });
});

describe('an action plan and the four-month report', () => {
  it('records a deviating activity with its comment, then downloads the report as PDF and Excel and opens both', async () => {
    const t = await newPage(browser, server.url, { now, consoleErrors: { allowStatuses: [401] } });
    const { page } = t;
    await loginAs(page, 'Chef Nord');

    // A plan for 2026 (follow-ups in April, August and for the whole year) with one activity.
    await page.getByRole('navigation').getByRole('link', { name: 'Handlingsplaner' }).click();
    await page.getByRole('heading', { level: 1, name: 'Handlingsplaner' }).waitFor();
    await settled(page);
    await page.getByRole('button', { name: 'Ny handlingsplan' }).click();
    const newPlan = page.getByRole('form', { name: 'Ny handlingsplan' });
    await newPlan.getByLabel('Namn').fill('Fler i egen försörjning 2026');
    await newPlan.getByLabel('Gäller från').fill('2026-01-01');
    await newPlan.getByLabel('Gäller till').fill('2026-12-31');
    await newPlan.getByRole('button', { name: 'Skapa planen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fler i egen försörjning 2026' }).waitFor();
    await page.getByRole('button', { name: 'Ny aktivitet' }).click();
    const newActivity = page.getByRole('form', { name: 'Ny aktivitet' });
    await newActivity.getByLabel('Område').fill('Arbete');
    await newActivity.getByLabel('Aktivitet', { exact: true }).fill('Jobbcoacher på försörjningsenheten');
    await newActivity.getByRole('button', { name: 'Lägg till aktiviteten' }).click();
    const matrix = page.getByRole('region', { name: 'Arbete' });
    const row = matrix.getByRole('row', { name: /Jobbcoacher/ });
    await row.waitFor();
    // The status of a follow-up, in its column (the number is a row header, so cells start one later).
    const statusAt = async (followUp: string) => {
      const headers = await matrix.getByRole('columnheader').allTextContents();
      const column = headers.findIndex((h) => h.startsWith(followUp));
      expect(column, followUp).toBeGreaterThan(0);
      return row
        .getByRole('cell')
        .nth(column - 1)
        .textContent();
    };

    // A deviation needs a comment: refused without one, saved with one.
    const record = page.getByRole('form', { name: 'Registrera status' });
    await record.getByLabel('Uppföljning').selectOption({ label: 'Augusti 2026' });
    await record.getByLabel('Status').selectOption({ label: 'Avviker från plan' });
    await record.getByRole('button', { name: 'Spara status' }).click();
    const comment = record.getByLabel('Kommentar vid avvikelse');
    await expect.poll(() => comment.getAttribute('aria-invalid')).toBe('true');
    expect(await record.textContent()).toContain(
      'Skriv en kommentar: en aktivitet som avviker från planen, bara delvis följer planen eller är stoppad måste förklaras.',
    );
    expect(await statusAt('Augusti 2026')).toBe('Ingen status');
    await expectNoSeriousAxeViolations(page, 'handlingsplanen med felet');
    await comment.fill('Rekryteringen av coacherna blev försenad.');
    await record.getByRole('button', { name: 'Spara status' }).click();
    await page.getByText('Status för aktivitet 1 vid Augusti 2026 sparades.').waitFor();

    // After a reload the matrix shows the deviation and its comment under August only.
    await page.reload();
    await settled(page);
    await row.waitFor();
    expect(await statusAt('Augusti 2026')).toBe('Avviker från planRekryteringen av coacherna blev försenad.');
    expect(await statusAt('April 2026')).toBe('Ingen status');
    expect(await statusAt('Helår 2026')).toBe('Ingen status');
    await expectNoSeriousAxeViolations(page, 'handlingsplanen');

    // The report T2 2026 (the default in November) with one budget line entered on the page.
    await page.getByRole('navigation').getByRole('link', { name: 'Tertialrapport' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tertialrapport' }).waitFor();
    await settled(page);
    await page.getByRole('heading', { name: 'Tertialrapport 2 2026' }).waitFor();
    const budgetLine = page.getByRole('form', { name: 'Lägg till budgetrad' });
    await budgetLine.getByLabel('Verksamhet').fill('Försörjningsstöd');
    await budgetLine.getByLabel('Budget kostnad (tkr)').fill('600');
    await budgetLine.getByRole('button', { name: 'Spara budgetrad' }).click();
    await page.getByText('Budgetraden Försörjningsstöd är sparad.').waitFor();
    await expectNoSeriousAxeViolations(page, 'tertialrapporten');

    const downloads = page.getByRole('group', { name: 'Ladda ner' });
    const download = async (name: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        downloads.getByRole('link', { name }).click(),
      ]);
      const chunks: Buffer[] = [];
      for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
      return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
    };

    // Six households paid 8 000 kr a month, January–August 2026: 384 tkr; nothing in 2025 and 2024
    // to August (the households' first month was December 2025).
    const pdf = await download('Ladda ner PDF');
    expect(pdf.name).toBe('tertialrapport-T2-2026.pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(pdf.bytes);
    expect(text).toContain('Tertialrapport 2 2026');
    const headings = [
      '1 Nämndens sammanfattning',
      '3 Budget och prognos',
      '4 Utveckling av försörjningsstödet',
    ];
    const positions = headings.map((h) => text.indexOf(h));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('S:a januari–augusti 384 0 0');
    expect(text).toContain(
      'Kostnaden för försörjningsstöd till och med augusti är 384 tkr, 384 tkr högre än samma period föregående år.',
    );

    const xlsx = await download('Ladda ner Excel');
    expect(xlsx.name).toBe('tertialrapport-T2-2026.xlsx');
    const workbook = await openWorkbook(xlsx.bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(REPORT_SHEETS);
    const cost = workbook.getWorksheet('Försörjningsstöd per månad')!;
    const toDate = cost.getRows(1, cost.rowCount)!.find((r) => String(r.getCell(1).value).startsWith('S:a'));
    expect([2, 3, 4].map((c) => toDate?.getCell(c).value)).toEqual([384, 0, 0]);
    // The budget line entered above: a cost of 600 tkr is a net cost of –600 tkr.
    expect(budgetTotals(workbook).get('Nettokostnad')?.[2]).toBe(-600);
    expect(t.problems).toEqual([]);
    await t.context.close();
  });

  it('removes a budget line and an assignment entered by mistake, after asking, and changes an assignment', async () => {
    const t = await newPage(browser, server.url, { now, consoleErrors: { allowStatuses: [401] } });
    const { page } = t;
    await loginAs(page, 'Chef Nord');
    await page.getByRole('navigation').getByRole('link', { name: 'Tertialrapport' }).click();
    await page.getByRole('heading', { name: 'Tertialrapport 2 2026' }).waitFor();
    await settled(page);

    // A budget line entered by mistake: asked first, then gone, also after a reload.
    const budgetLine = page.getByRole('form', { name: 'Lägg till budgetrad' });
    await budgetLine.getByLabel('Verksamhet').fill('Felregistrerad');
    await budgetLine.getByLabel('Budget kostnad (tkr)').fill('10');
    await budgetLine.getByRole('button', { name: 'Spara budgetrad' }).click();
    await page.getByText('Budgetraden Felregistrerad är sparad.').waitFor();
    const editor = page.getByRole('region', { name: 'Budgetrader' });
    const mistake = editor.getByRole('row', { name: /Felregistrerad/ });
    await mistake.getByRole('button', { name: 'Ta bort Felregistrerad' }).click();
    const question = mistake.getByRole('group', { name: 'Ta bort Felregistrerad' });
    expect(await question.textContent()).toContain(
      'Vill du ta bort ”Felregistrerad”? Det går inte att ångra.',
    );
    await expectNoSeriousAxeViolations(page, 'frågan om att ta bort en budgetrad');
    await question.getByRole('button', { name: 'Ja, ta bort' }).click();
    await page.getByText('Budgetraden Felregistrerad är borttagen.').waitFor();
    await expect.poll(() => mistake.count()).toBe(0);
    await page.reload();
    await settled(page);
    await editor.waitFor();
    expect(await editor.getByRole('row', { name: /Felregistrerad/ }).count()).toBe(0);

    // An assignment is changed, then removed.
    const assignments = page.getByRole('region', { name: 'Uppdrag' });
    const newAssignment = assignments.getByRole('form', { name: 'Nytt uppdrag' });
    await newAssignment.getByLabel('Uppdrag').fill('Kartlägg språkstöd');
    await newAssignment.getByRole('button', { name: 'Lägg till uppdrag' }).click();
    await page.getByText('Uppdraget är sparat.').waitFor();
    await assignments.getByRole('button', { name: 'Redigera Kartlägg språkstöd' }).click();
    const change = assignments.getByRole('form', { name: 'Ändra uppdrag' });
    await change.getByLabel('Givet av').selectOption({ label: 'Nämnden' });
    await change.getByLabel('Uppdrag').fill('Kartlägg behovet av språkstöd');
    await change.getByRole('button', { name: 'Spara uppdraget' }).click();
    await page.getByText('Uppdraget är ändrat.').waitFor();
    const changed = assignments.getByRole('row', { name: /Kartlägg behovet av språkstöd/ });
    await expect.poll(() => changed.textContent()).toContain('Nämnden');
    await changed.getByRole('button', { name: 'Ta bort Kartlägg behovet av språkstöd' }).click();
    await changed.getByRole('button', { name: 'Ja, ta bort' }).click();
    await page.getByText('Uppdraget är borttaget.').waitFor();
    await expect.poll(() => changed.count()).toBe(0);

    // Once followed up, an assignment is part of reports: it says so instead of offering removal.
    await newAssignment.getByLabel('Uppdrag').fill('Samverka med Arbetsförmedlingen');
    await newAssignment.getByRole('button', { name: 'Lägg till uppdrag' }).click();
    const followed = assignments.getByRole('row', { name: /Samverka med Arbetsförmedlingen/ });
    await followed.getByRole('button', { name: 'Ta bort Samverka med Arbetsförmedlingen' }).waitFor();
    const status = followed.getByRole('form', { name: 'Uppdrag: Samverka med Arbetsförmedlingen' });
    await status.getByLabel('Status T2').selectOption({ label: 'Pågående' });
    await status.getByRole('button', { name: 'Spara status' }).click();
    await followed.getByText('Kan inte tas bort: raden har följts upp och ingår i rapporter.').waitFor();
    expect(await followed.getByRole('button', { name: /^Ta bort/ }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, 'tertialrapporten med uppdragen');
    expect(t.problems).toEqual([]);
    await t.context.close();
  });
});

/**
 * The target board in the browser: a unit manager opens the måltavla, drills down from a figure
 * to the households behind it, sets a target on the indicator page and sees it on the board; an
 * analyst drilling down sees counts only. Each page is checked with axe.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, type ImportRequest } from '../../src/assistance/db/import.ts';
import { ids, loadFixture, M } from '../support/fixture.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { expectNoSeriousAxeViolations, launchBrowser, loginAs, logout, newPage, settled } from './browser.ts';

/** Friday 20 November 2026, 10:00 in Sweden. */
const now = new Date('2026-11-20T09:00:00Z');
let server: TestServer;
let browser: Browser;

function personnummer(birth: string, serial: number): string {
  const digits = `${birth.slice(2, 4)}${birth.slice(5, 7)}${birth.slice(8, 10)}${String(serial).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return `${birth.replaceAll('-', '')}-${String(serial).padStart(3, '0')}${(10 - (sum % 10)) % 10}`;
}

function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let n = Number(from.slice(0, 4)) * 12 + Number(from.slice(5)) - 1; ; n++) {
    const month = `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    out.push(month);
    if (month === to) return out;
  }
}

/** Six households in Nord with ten months (December 2025 – September 2026): long-term now and
 * closed in October; five new households in Nord this month (inflow). */
const LONG_TERM = ['Ahlberg', 'Berg', 'Carlsson', 'Dahl', 'Ek', 'Falk'];
const households = [
  ...LONG_TERM.map((last, i) => ({
    pn: personnummer(`198${i}-03-1${i}`, 100 + i * 2),
    last,
    months: monthRange('2025-12', '2026-09'),
  })),
  ...['Gran', 'Hed', 'Ivarsson', 'Jansson', 'Kling'].map((last, i) => ({
    pn: personnummer(`197${i}-05-2${i}`, 200 + i * 2),
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
      const run = async (kind: ImportRequest['kind'], lines: string[]) => {
        const outcome = await importFile(database.app.db, {
          municipalityId: M,
          kind,
          text: `${lines.join('\n')}\n`,
          today: '2026-11-20',
          now,
          userId: ids.caseworkerNorth,
        });
        if (!outcome.ok) throw new Error(`import of ${kind} failed: ${JSON.stringify(outcome)}`);
      };
      await run('households', [
        'hushåll;personnummer;förnamn;efternamn;roll;enhet;ärende_öppnat',
        ...households.map(
          (h, i) => `H${i};${h.pn};Nils;${h.last};sökande;Försörjningsenheten Nord;${h.months[0]}-01`,
        ),
      ]);
      const rows = households.flatMap((h) => h.months.map((month) => ({ pn: h.pn, month })));
      await run('applications', [
        'personnummer;månad;inkommen;hyra',
        ...rows.map((r) => `${r.pn};${r.month};${r.month}-01;5000`),
      ]);
      await run('decisions', [
        'personnummer;månad;beslutsdatum;beviljat;utbetalningsdag',
        ...rows.map((r) => `${r.pn};${r.month};${r.month}-02;8000;${r.month}-03`),
      ]);
      await run('payments', [
        'personnummer;månad;utbetalningsdag;belopp;clearingnummer;kontonummer',
        ...rows.map((r) => `${r.pn};${r.month};${r.month}-03;8000;8327;9123456789`),
      ]);
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

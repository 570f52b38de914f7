/**
 * The four-month report through the API: a manager records seed 003's budget table (Borås,
 * tertialrapport 2 2017, section 4.2) for this year and last, an assignment and a risk; payments
 * imported from an earlier system give the monthly cost of financial assistance. The PDF and the
 * workbook are downloaded, opened and must hold the seed's sums. An analyst may download the
 * report but not change what it is built from. A manager corrects an assignment and removes lines
 * entered by mistake, but not a line that has been followed up: it is part of reports made.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_003_ACTIVITIES } from '../../src/followup/domain/report/seed-003.fixture.ts';
import { budgetTotals, openWorkbook, pdfText, REPORT_SHEETS } from '../support/documents.ts';
import { ids, M, OTHER_M } from '../support/fixture.ts';
import { importHistory, monthRange } from '../support/history.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';

const now = new Date('2026-09-15T09:00:00Z');
let server: TestServer;
let manager: TestClient;
let analyst: TestClient;

const NORA = '19900404-2389';

/** Nora is paid 8 000 kr for every month from January 2024 to August 2026. */
const history = [
  { pn: NORA, first: 'Nora', last: 'Ek', openedOn: '2024-01-02', months: monthRange('2024-01', '2026-08') },
];

/** A session that reads response bodies as bytes (the shared test client reads text). */
class FileSession {
  private cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  private async fetch(method: string, path: string, body?: unknown): Promise<Response> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method === 'GET' ? {} : { 'x-csrf-token': this.cookies.get('kedjan_csrf') ?? '' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      this.cookies.set(name!, rest.join('='));
    }
    return response;
  }

  async loginAs(userId: string): Promise<void> {
    await (await this.fetch('GET', '/api/v1/auth/config')).arrayBuffer();
    const login = await this.fetch('POST', '/api/v1/auth/demo-login', { userId });
    if (login.status !== 204) throw new Error(`demo login failed: ${login.status}`);
  }

  async download(path: string) {
    const response = await this.fetch('GET', path);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition'),
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  }
}

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => now } });
  await importHistory(server.database.app.db, history, { now });
  manager = new TestClient(server.url);
  analyst = new TestClient(server.url);
  await manager.loginAs(ids.managerNorth);
  await analyst.loginAs(ids.analyst);
});
afterAll(async () => server?.close());

const abs = (value: number | null) => Math.abs(value ?? 0);

/** Seed 003's rows as a manager enters them: costs as positive amounts, in tkr. */
async function enterBudget(year: number, column: 'previous' | 'current'): Promise<void> {
  for (const row of SEED_003_ACTIVITIES) {
    const created = await manager.post(`/api/v1/followup/reports/${year}/budget-lines`, {
      activity: row.activity,
      budgetIncome: abs(row.income.budget),
      budgetCost: abs(row.cost.budget),
    });
    expect(created.status, created.text).toBe(201);
    const outcome = column === 'current' ? 'outcome' : 'previousOutcome';
    const followUp = await manager.request(
      'PUT',
      `/api/v1/followup/budget-lines/${created.json.id}/follow-ups/T2`,
      {
        outcomeIncome: abs(row.income[outcome]),
        outcomeCost: abs(row.cost[outcome]),
        forecastIncome: abs(row.income.forecast),
        forecastCost: abs(row.cost.forecast),
      },
    );
    expect(followUp.status, followUp.text).toBe(204);
  }
}

describe('recording what the report is built from', () => {
  it('lets a manager enter budget lines, outcome and forecast of this year and last', async () => {
    // Last year's outcome to August is the seed's "Utfall 2016-08" column.
    await enterBudget(2025, 'previous');
    await enterBudget(2026, 'current');
    const twice = await manager.post('/api/v1/followup/reports/2026/budget-lines', {
      activity: 'Försörjningsstöd',
      budgetIncome: 0,
      budgetCost: 0,
    });
    expect(twice.status).toBe(409);
  });

  it('records an assignment with its status and a risk scored 16 with its follow-up', async () => {
    const assignment = await manager.post('/api/v1/followup/reports/2026/assignments', {
      givenBy: 'council',
      text: 'Inventera arbetsuppgifter som går att klara utan formella krav på utbildning.',
    });
    expect(assignment.status).toBe(201);
    const status = await manager.request(
      'PUT',
      `/api/v1/followup/assignments/${assignment.json.id}/follow-ups/T2`,
      { status: 'not_done', comment: 'Utreds med de fackliga organisationerna.' },
    );
    expect(status.status).toBe(204);

    const risk = await manager.post('/api/v1/followup/reports/2026/risks', {
      process: 'Försörjningsstöd',
      risk: 'Risk för felaktiga utbetalningar.',
      likelihood: 4,
      consequence: 4,
      controlActivity: 'Kontroll att all hantering inom försörjningsstöd blir rätt',
    });
    expect(risk.status).toBe(201);
    const invalid = await manager.request('PUT', `/api/v1/followup/risks/${risk.json.id}`, {
      process: 'Försörjningsstöd',
      risk: 'Risk för felaktiga utbetalningar.',
      likelihood: 5,
      consequence: 4,
      controlActivity: 'Kontroll',
    });
    expect(invalid.status).toBe(400);
    const followUp = await manager.request('PUT', `/api/v1/followup/risks/${risk.json.id}/follow-ups/T2`, {
      comment: 'Tio ärenden öppnade januari–augusti.',
    });
    expect(followUp.status).toBe(204);
  });

  it('refuses an analyst every change (403) but shows the report', async () => {
    const denied = [
      await analyst.post('/api/v1/followup/reports/2026/budget-lines', {
        activity: 'Ny',
        budgetIncome: 0,
        budgetCost: 1,
      }),
      await analyst.post('/api/v1/followup/reports/2026/assignments', { givenBy: 'board', text: 'X' }),
      await analyst.post('/api/v1/followup/reports/2026/risks', {
        process: 'P',
        risk: 'R',
        likelihood: 1,
        consequence: 1,
        controlActivity: 'K',
      }),
    ];
    expect(denied.map((r) => r.status)).toEqual([403, 403, 403]);
    const shown = await analyst.get('/api/v1/followup/reports/2026/T2');
    expect(shown.status).toBe(200);
    expect(shown.json.report.budget.total.net).toEqual({
      previousOutcome: -139332,
      outcome: -140515,
      budget: -226400,
      forecast: -222400,
      deviation: 4000,
    });
    expect(shown.json.report.monthlyCost.toDate).toEqual([64_000_00, 64_000_00, 64_000_00]);
    expect(shown.json.report.risks[0]).toMatchObject({ score: 16, level: 'high', reportToBoard: true });
    expect(shown.json.report.assignments[0]).toMatchObject({ status: 'not_done' });
  });
});

describe('the report as files', () => {
  let files: FileSession;
  beforeAll(async () => {
    files = new FileSession(server.url);
    await files.loginAs(ids.analyst);
  });

  it('downloads a PDF with the sections in order and the seed’s totals', async () => {
    const pdf = await files.download('/api/v1/followup/reports/2026/T2.pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.disposition).toContain('tertialrapport-T2-2026.pdf');
    const text = await pdfText(pdf.bytes);
    expect(text).toContain('Tertialrapport 2 2026');
    const order = ['1 Nämndens sammanfattning', '3 Budget och prognos', '7 Intern kontroll'].map((h) =>
      text.indexOf(h),
    );
    expect(order.every((p) => p >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('Utfall 2025-08 Utfall 2026-08 Budget 2026 Prognos 2026');
    expect(text).toContain('Intäkt 102 515 107 278 126 751 127 751 1 000');
    expect(text).toContain('Kostnad –241 847 –247 793 –353 151 –350 151 3 000');
    expect(text).toContain('Nettokostnad –139 332 –140 515 –226 400 –222 400 4 000');
    // 8 000 kr a month, January–August, in each of the three years
    expect(text).toContain('S:a januari–augusti 64 64 64');
    expect(text).toContain('16 (4×4)');
  });

  it('downloads a workbook whose budget sheet holds the sums as numbers', async () => {
    const xlsx = await files.download('/api/v1/followup/reports/2026/T2.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toContain('spreadsheetml');
    const workbook = await openWorkbook(xlsx.bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(REPORT_SHEETS);
    const totals = budgetTotals(workbook);
    expect(totals.get('Intäkt')).toEqual([102515, 107278, 126751, 127751, 1000]);
    expect(totals.get('Kostnad')).toEqual([-241847, -247793, -353151, -350151, 3000]);
    expect(totals.get('Nettokostnad')).toEqual([-139332, -140515, -226400, -222400, 4000]);
    const cost = workbook.getWorksheet('Försörjningsstöd per månad')!;
    const august = cost.getRow(11);
    expect(august.getCell(1).value).toBe('Augusti');
    expect([2, 3, 4].map((c) => august.getCell(c).value)).toEqual([8, 8, 8]);
    expect(august.getCell(2).numFmt).toBe('#,##0;-#,##0');
  });

  it('gives the annual accounts and a report of a year without records', async () => {
    const annual = await files.download('/api/v1/followup/reports/2025/year.xlsx');
    expect(annual.status).toBe(200);
    expect(annual.disposition).toContain('arsbokslut-2025.xlsx');
    const empty = await files.download('/api/v1/followup/reports/2019/T1.pdf');
    expect(empty.status).toBe(200);
    expect(await pdfText(empty.bytes)).toContain('Ingen budget är registrerad för året.');
    const wrong = await files.download('/api/v1/followup/reports/2026/T4.pdf');
    expect(wrong.status).toBe(400);
  });
});

describe('correcting and removing lines (2027, a year of its own)', () => {
  const YEAR = 2027;
  const report = async () => (await manager.get(`/api/v1/followup/reports/${YEAR}/T1`)).json;
  const addLines = async (name: string) => {
    const line = await manager.post(`/api/v1/followup/reports/${YEAR}/budget-lines`, {
      activity: name,
      budgetIncome: 0,
      budgetCost: 100,
    });
    const assignment = await manager.post(`/api/v1/followup/reports/${YEAR}/assignments`, {
      givenBy: 'board',
      text: `Uppdrag ${name}`,
    });
    const risk = await manager.post(`/api/v1/followup/reports/${YEAR}/risks`, {
      process: name,
      risk: `Risk ${name}`,
      likelihood: 2,
      consequence: 3,
      controlActivity: 'Stickprov varje månad',
    });
    expect([line.status, assignment.status, risk.status]).toEqual([201, 201, 201]);
    return {
      budgetLine: `/api/v1/followup/budget-lines/${line.json.id}`,
      assignment: `/api/v1/followup/assignments/${assignment.json.id}`,
      risk: `/api/v1/followup/risks/${risk.json.id}`,
      ids: { budgetLine: line.json.id, assignment: assignment.json.id, risk: risk.json.id },
    };
  };
  const shown = async () => {
    const body = await report();
    return {
      budgetLines: body.budgetLines.map((l: { activity: string }) => l.activity),
      assignments: body.report.assignments.map((a: { text: string }) => a.text),
      risks: body.report.risks.map((r: { risk: string }) => r.risk),
    };
  };

  it('lets a manager change who gave an assignment and its text', async () => {
    const { assignment } = await addLines('Ändras');
    const changed = await manager.request('PUT', assignment, {
      givenBy: 'council',
      text: 'Uppdrag ändrat: kartlägg språkstödet',
    });
    expect(changed.status, changed.text).toBe(204);
    expect((await report()).report.assignments).toContainEqual(
      expect.objectContaining({ givenBy: 'council', text: 'Uppdrag ändrat: kartlägg språkstödet' }),
    );
    const empty = await manager.request('PUT', assignment, { givenBy: 'council', text: ' ' });
    expect(empty.status).toBe(400);
    const unknown = await manager.request('PUT', `/api/v1/followup/assignments/${randomUUID()}`, {
      givenBy: 'board',
      text: 'Finns inte',
    });
    expect(unknown.status).toBe(404);
  });

  it('removes a budget line, an assignment and a risk that were never followed up', async () => {
    const added = await addLines('Felskriven');
    expect((await report()).followedUp).toEqual({ budgetLines: [], assignments: [], risks: [] });
    for (const path of [added.budgetLine, added.assignment, added.risk]) {
      const removed = await manager.delete(path);
      expect(removed.status, `${path}: ${removed.text}`).toBe(204);
    }
    const after = await shown();
    expect(after.budgetLines).not.toContain('Felskriven');
    expect(after.assignments).not.toContain('Uppdrag Felskriven');
    expect(after.risks).not.toContain('Risk Felskriven');
    expect((await manager.delete(added.risk)).status).toBe(404);
  });

  it('refuses to remove a line that has been followed up (409) and keeps it with its follow-up', async () => {
    const added = await addLines('Uppföljd');
    const followUps = [
      await manager.request('PUT', `${added.budgetLine}/follow-ups/T1`, {
        outcomeIncome: 0,
        outcomeCost: 30,
        forecastIncome: 0,
        forecastCost: 95,
      }),
      await manager.request('PUT', `${added.assignment}/follow-ups/T1`, {
        status: 'in_progress',
        comment: '',
      }),
      await manager.request('PUT', `${added.risk}/follow-ups/T1`, { comment: 'Inga fel i stickproven.' }),
    ];
    expect(followUps.map((r) => r.status)).toEqual([204, 204, 204]);
    const before = await report();
    expect(before.followedUp).toEqual({
      budgetLines: [added.ids.budgetLine],
      assignments: [added.ids.assignment],
      risks: [added.ids.risk],
    });

    for (const path of [added.budgetLine, added.assignment, added.risk]) {
      const refused = await manager.delete(path);
      expect(refused.status, path).toBe(409);
      expect(refused.json).toMatchObject({
        code: 'REPORT_LINE_FOLLOWED_UP',
        detail:
          'Raden kan inte tas bort: den har följts upp, och dess uppgifter ingår i rapporter som redan har tagits fram. Ändra raden i stället.',
      });
    }
    const after = await report();
    expect(after.budgetLines).toEqual(before.budgetLines);
    expect(after.report.assignments).toEqual(before.report.assignments);
    expect(after.report.risks).toEqual(before.report.risks);
    expect(after.budgetLines.find((l: { id: string }) => l.id === added.ids.budgetLine).followUp).toEqual({
      outcomeIncome: 0,
      outcomeCost: 30,
      forecastIncome: 0,
      forecastCost: 95,
    });
  });

  it('refuses an analyst (403) and answers 404 for an unknown line or another municipality’s', async () => {
    const added = await addLines('Skyddad');
    const denied = [
      await analyst.delete(added.budgetLine),
      await analyst.delete(added.assignment),
      await analyst.delete(added.risk),
      await analyst.request('PUT', added.assignment, { givenBy: 'board', text: 'Analytikerns text' }),
    ];
    expect(denied.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    expect(await shown()).toMatchObject({
      budgetLines: expect.arrayContaining(['Skyddad']),
      assignments: expect.arrayContaining(['Uppdrag Skyddad']),
      risks: expect.arrayContaining(['Risk Skyddad']),
    });

    expect((await manager.delete(`/api/v1/followup/budget-lines/${randomUUID()}`)).status).toBe(404);
    expect((await manager.delete('/api/v1/followup/assignments/not-a-uuid')).status).toBe(400);
    const neighbours = randomUUID();
    await server.database.asOwner((db) =>
      db
        .insertInto('report_budget_line')
        .values({
          municipality_id: OTHER_M,
          id: neighbours,
          year: YEAR,
          activity: 'Grannkommunens rad',
          budget_income_tkr: 0,
          budget_cost_tkr: 1,
        })
        .execute(),
    );
    expect((await manager.delete(`/api/v1/followup/budget-lines/${neighbours}`)).status).toBe(404);
    const kept = await server.database.asOwner((db) =>
      db.selectFrom('report_budget_line').select('id').where('id', '=', neighbours).execute(),
    );
    expect(kept).toHaveLength(1);
  });

  it('logs every removal, the refused ones too', async () => {
    const rows = await server.database.asOwner(
      async (db) =>
        (
          await sql<{ action: string; outcome: string; status: number }>`
            SELECT action, outcome, (payload::jsonb -> 'request' ->> 'status')::int AS status FROM audit_log
            WHERE municipality_id = ${M} AND action LIKE 'followup.%-delete'`.execute(db)
        ).rows,
    );
    const count = (action: string, outcome: string, status: number) =>
      rows.filter((r) => r.action === action && r.outcome === outcome && r.status === status).length;
    for (const kind of ['budget-line', 'assignment', 'risk']) {
      expect(count(`followup.${kind}-delete`, 'allowed', 204), kind).toBe(1);
      expect(count(`followup.${kind}-delete`, 'denied', 409), kind).toBe(1);
      expect(count(`followup.${kind}-delete`, 'denied', 403), kind).toBe(1);
    }
  });
});

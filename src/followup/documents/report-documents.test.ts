/**
 * The report documents opened the way a reader opens them: the PDF's text read back with pdf.js,
 * the workbook read back with exceljs. The budget table is seed 003's (Borås, tertialrapport 2
 * 2017), so the printed sums must be the seed's.
 */
import ExcelJS from 'exceljs';
import { pdfText } from '../../../test/support/documents.ts';
import { describe, expect, it } from 'vitest';
import { SEED_003_ACTIVITIES } from '../domain/report/seed-003.fixture.ts';
import { assembleReport, type Report } from '../domain/report/structure.ts';
import { renderReportPdf } from './report-pdf.ts';
import { renderReportXlsx } from './report-xlsx.ts';

const months = (tkr: number[]) => tkr.map((value) => value * 100_000);

const report: Report = assembleReport({
  municipalityName: 'Borås Stad',
  year: 2017,
  period: 'T2',
  generatedOn: '2017-09-20',
  indicators: [
    {
      id: 'long_term_households',
      title: 'Antal hushåll som får försörjningsstöd i mer än tio månader under kalenderåret',
      unit: 'count',
      koladaId: null,
      previousYear: 563,
      target: 500,
      t1: 540,
      t2: 489,
      year: null,
      suppressed: false,
    },
  ],
  budget: SEED_003_ACTIVITIES,
  allocation: { previousOutcome: 147896, outcome: 154429, budget: 226400, forecast: 226400 },
  // Seed 003 section 4.1 "Utveckling av försörjningsstödet" (January–May spread evenly here)
  monthlyCost: [
    { year: 2017, months: months([5000, 5000, 5000, 5000, 5329, 6208, 4671, 2887]) },
    { year: 2016, months: months([6000, 6000, 6000, 6000, 5034, 7587, 4459, 4525, 5000, 5000, 5000, 4645]) },
    { year: 2015, months: months([6000, 6000, 6000, 6000, 6675, 7304, 6445, 4833, 6000, 6000, 6000, 6136]) },
  ],
  volumes: [
    {
      id: 'households',
      title: 'Antal hushåll med försörjningsstöd',
      previous: 993,
      budget: 950,
      current: 789,
      suppressed: false,
    },
  ],
  assignments: [
    {
      id: 'a1',
      givenBy: 'council',
      text: 'Inventera arbetsuppgifter som går att klara utan formella krav på utbildning.',
      status: 'not_done',
      comment: 'Utreds tillsammans med fackliga representanter.',
    },
  ],
  risks: [
    {
      id: 'r1',
      process: 'Försörjningsstöd',
      risk: 'Risk för felaktiga utbetalningar.',
      likelihood: 4,
      consequence: 4,
      controlActivity: 'Kontroll att all hantering inom försörjningsstöd blir rätt',
      followUp: 'Tio ärenden öppnade januari–augusti.',
    },
  ],
});

describe('the report as a PDF', () => {
  it('has the sections of seed 003 in order and prints the seed’s totals', async () => {
    const pdf = await renderReportPdf(report, 'sv');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(pdf);
    const headings = [
      '1 Nämndens sammanfattning',
      '2 Indikatorer',
      '3 Budget och prognos',
      '4 Utveckling av försörjningsstödet',
      '5 Verksamhetsmått',
      '6 Uppdrag',
      '7 Intern kontroll',
    ];
    const positions = headings.map((heading) => text.indexOf(heading));
    expect(
      positions.every((p) => p >= 0),
      JSON.stringify(positions),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('Tertialrapport 2 2017');
    expect(text).toContain('Nämnden beräknar att göra ett plusresultat med 4 000 tkr jämfört med budget.');
    expect(text).toContain(
      'Resultatet består av: Arbetsmarknadsinsatser –3 264 tkr, Försörjningsstöd +3 000 tkr, Buffert +2 264 tkr, IFO ekonomiskt bistånd exkl. försörjningsstöd +2 000 tkr.',
    );
    expect(text).toContain('En risk har riskbedömningen 16 och redovisas med åtgärder.');
    // Totalt: Intäkt, Kostnad, Nettokostnad; the result after the allocation
    expect(text).toContain('Intäkt 102 515 107 278 126 751 127 751 1 000');
    expect(text).toContain('Kostnad –241 847 –247 793 –353 151 –350 151 3 000');
    expect(text).toContain('Nettokostnad –139 332 –140 515 –226 400 –222 400 4 000');
    expect(text).toContain('Resultat efter kommunbidrag 8 564 13 914 0 4 000 4 000');
    // S:A Jan–Aug of the seed: 39 095, 45 605, 49 257
    expect(text).toContain('S:a januari–augusti 39 095 45 605 49 257');
    expect(text).toContain('Ej genomfört');
    expect(text).toContain('16 (4×4)');
    expect(text).toContain('Redovisas för nämnden');
  });

  it('is the same bytes for the same report', async () => {
    const [a, b] = await Promise.all([renderReportPdf(report, 'sv'), renderReportPdf(report, 'sv')]);
    expect(a.equals(b)).toBe(true);
  });
});

describe('the report as an Excel workbook', () => {
  it('has one sheet per section with number cells and the seed’s totals', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderReportXlsx(report, 'sv')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Sammanfattning',
      'Indikatorer',
      'Budget och prognos',
      'Försörjningsstöd per månad',
      'Verksamhetsmått',
      'Uppdrag',
      'Intern kontroll',
    ]);
    const budget = workbook.getWorksheet('Budget och prognos')!;
    const rows: { label: string; values: unknown[]; formats: string[] }[] = [];
    budget.eachRow((row) => {
      const cells = [3, 4, 5, 6, 7].map((c) => row.getCell(c));
      rows.push({
        label: `${String(row.getCell(1).value)} ${String(row.getCell(2).value)}`,
        values: cells.map((cell) =>
          cell.value !== null && typeof cell.value === 'object' && 'result' in cell.value
            ? cell.value.result
            : cell.value,
        ),
        formats: cells.map((cell) => cell.numFmt),
      });
    });
    const total = (label: string) => rows.find((r) => r.label === `Totalt ${label}`)!;
    expect(total('Intäkt').values).toEqual([102515, 107278, 126751, 127751, 1000]);
    expect(total('Kostnad').values).toEqual([-241847, -247793, -353151, -350151, 3000]);
    expect(total('Nettokostnad').values).toEqual([-139332, -140515, -226400, -222400, 4000]);
    expect(total('Nettokostnad').formats[0]).toBe('#,##0;-#,##0');
    const totalCell = budget.getRow(budget.actualRowCount).getCell(3);
    expect(totalCell.type).not.toBe(ExcelJS.ValueType.String);
    const support = rows.find((r) => r.label === 'Försörjningsstöd Nettokostnad')!;
    expect(support.values).toEqual([-45605, -39095, -66500, -63500, 3000]);
    expect(support.values.every((v) => typeof v === 'number')).toBe(true);

    const cost = workbook.getWorksheet('Försörjningsstöd per månad')!;
    let toDate: unknown[] = [];
    cost.eachRow((row) => {
      if (String(row.getCell(1).value).startsWith('S:a')) toDate = [2, 3, 4].map((c) => row.getCell(c).value);
    });
    expect(toDate).toEqual([39095, 45605, 49257]);

    const control = workbook.getWorksheet('Intern kontroll')!;
    const risk = control.getRow(4);
    expect(risk.getCell(2).value).toBe('Risk för felaktiga utbetalningar.');
    expect(risk.getCell(5).value).toEqual({ formula: 'C4*D4', result: 16 });
  });
});

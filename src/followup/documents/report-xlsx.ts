/**
 * The four-month or annual report as an Excel workbook: one sheet per section of seed 003, in its
 * order, with real number cells and number formats (never numbers as text). The budget table's
 * totals are formulas over the activity rows, stored with their computed results.
 */
import ExcelJS from 'exceljs';
import { interpolate, type Locale } from '../../i18n/catalogue.ts';
import type { BudgetFigureRow } from '../domain/report/budget.ts';
import {
  monthName,
  outcomeColumn,
  reportTexts,
  reportTitle,
  summarySentences,
} from '../domain/report/report-text.ts';
import type { Report } from '../domain/report/structure.ts';

/** Whole numbers with a thousands separator, negatives with a minus sign. */
export const TKR_FORMAT = '#,##0;-#,##0';
const DECIMAL_FORMAT = '#,##0.0';

const bold = { bold: true };

function header(sheet: ExcelJS.Worksheet, values: string[]): void {
  const row = sheet.addRow(values);
  row.font = bold;
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
}

function title(sheet: ExcelJS.Worksheet, text: string): void {
  sheet.addRow([text]).font = { bold: true, size: 14 };
  sheet.addRow([]);
}

function numberCells(row: ExcelJS.Row, from: number, format: string): void {
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    if (column >= from && typeof cell.value === 'number') cell.numFmt = format;
    if (column >= from && typeof cell.value === 'object' && cell.value !== null && 'formula' in cell.value)
      cell.numFmt = format;
  });
}

export async function renderReportXlsx(report: Report, locale: Locale): Promise<Buffer> {
  const t = reportTexts(locale);
  const { year } = report;
  const workbook = new ExcelJS.Workbook();
  const generated = new Date(`${report.generatedOn}T12:00:00Z`);
  workbook.creator = 'Kedjan';
  workbook.created = generated;
  workbook.modified = generated;
  workbook.title = reportTitle(year, report.period, locale);
  const month = outcomeColumn(year, report.period);
  const previousMonth = outcomeColumn(year - 1, report.period);

  // 1 The board's summary
  const summary = workbook.addWorksheet(t.sheets.summary);
  summary.getColumn(1).width = 110;
  title(summary, `${reportTitle(year, report.period, locale)} – ${report.municipalityName}`);
  for (const sentence of summarySentences(report, locale))
    summary.addRow([sentence.replaceAll('\u00a0', ' ')]).alignment = { wrapText: true };

  // 2 Indicators
  const indicators = workbook.addWorksheet(t.sheets.indicators);
  title(indicators, t.sections.indicators);
  const wholeYear = report.period === 'year';
  header(indicators, [
    t.indicators.indicator,
    interpolate(t.indicators.previousYear, { year: year - 1 }),
    interpolate(t.indicators.target, { year }),
    interpolate(t.indicators.t1, { year }),
    interpolate(t.indicators.t2, { year }),
    ...(wholeYear ? [interpolate(t.indicators.wholeYear, { year })] : []),
    'Kolada',
  ]);
  for (const indicator of report.indicators) {
    const row = indicators.addRow([
      indicator.title,
      indicator.previousYear,
      indicator.target,
      indicator.t1,
      indicator.t2,
      ...(wholeYear ? [indicator.year] : []),
      indicator.koladaId ?? '',
    ]);
    numberCells(
      row,
      2,
      indicator.unit === 'percent' || indicator.unit === 'fte' ? DECIMAL_FORMAT : TKR_FORMAT,
    );
  }
  indicators.getColumn(1).width = 70;
  for (let c = 2; c <= 7; c++) indicators.getColumn(c).width = 16;

  // 3 Budget and forecast (tkr)
  const budget = workbook.addWorksheet(t.sheets.budget);
  title(budget, t.budget.caption);
  header(budget, [
    t.budget.tkr,
    '',
    interpolate(t.budget.outcome, { month: previousMonth }),
    interpolate(t.budget.outcome, { month }),
    interpolate(t.budget.budget, { year }),
    interpolate(t.budget.forecast, { year }),
    t.budget.deviation,
  ]);
  const first = budget.rowCount + 1;
  const figures = (activity: string, label: string, r: BudgetFigureRow) => {
    const row = budget.addRow([
      activity,
      label,
      r.previousOutcome,
      r.outcome,
      r.budget,
      r.forecast,
      r.deviation,
    ]);
    numberCells(row, 3, TKR_FORMAT);
  };
  for (const activity of report.budget.activities) {
    figures(activity.activity, t.budget.income, activity.income);
    figures(activity.activity, t.budget.cost, activity.cost);
    figures(activity.activity, t.budget.net, activity.net);
  }
  const last = budget.rowCount;
  const totals: [string, BudgetFigureRow][] = [
    [t.budget.income, report.budget.total.income],
    [t.budget.cost, report.budget.total.cost],
    [t.budget.net, report.budget.total.net],
  ];
  for (const [label, figures] of totals) {
    const values = [
      figures.previousOutcome,
      figures.outcome,
      figures.budget,
      figures.forecast,
      figures.deviation,
    ];
    const row = budget.addRow([
      t.budget.total,
      label,
      ...values.map((result, i) => {
        const column = String.fromCharCode(67 + i); // C..G
        return last < first
          ? result
          : {
              formula: `SUMIF($B$${first}:$B$${last},"${label}",${column}${first}:${column}${last})`,
              result,
            };
      }),
    ]);
    row.font = bold;
    numberCells(row, 3, TKR_FORMAT);
  }
  if (report.allocation && report.resultAfterAllocation) {
    const a = report.allocation;
    numberCells(
      budget.addRow([t.budget.allocation, '', a.previousOutcome, a.outcome, a.budget, a.forecast]),
      3,
      TKR_FORMAT,
    );
    const r = report.resultAfterAllocation;
    const row = budget.addRow([
      t.budget.result,
      '',
      r.previousOutcome,
      r.outcome,
      r.budget,
      r.forecast,
      r.deviation,
    ]);
    row.font = bold;
    numberCells(row, 3, TKR_FORMAT);
  }
  budget.getColumn(1).width = 44;
  budget.getColumn(2).width = 14;
  for (let c = 3; c <= 7; c++) budget.getColumn(c).width = 15;
  budget.views = [{ state: 'frozen', ySplit: first - 1 }];

  // 4 The monthly cost of financial assistance (tkr, with the exact amount behind the format)
  const cost = workbook.addWorksheet(t.sheets.monthlyCost);
  title(cost, t.monthlyCost.caption);
  header(cost, [
    t.monthlyCost.month,
    ...report.monthlyCost.years.map((y) => interpolate(t.monthlyCost.outcome, { year: y })),
  ]);
  const tkr = (ore: number | null) => (ore === null ? null : ore / 100_000);
  for (const row of report.monthlyCost.rows)
    numberCells(cost.addRow([monthName(row.month, locale), ...row.amounts.map(tkr)]), 2, TKR_FORMAT);
  const lastMonth = report.monthlyCost.rows.length;
  const toDate = cost.addRow([
    interpolate(t.monthlyCost.toDate, { month: monthName(lastMonth, locale).toLowerCase() }),
    ...report.monthlyCost.toDate.map(tkr),
  ]);
  toDate.font = bold;
  numberCells(toDate, 2, TKR_FORMAT);
  numberCells(cost.addRow([t.monthlyCost.fullYear, ...report.monthlyCost.fullYear.map(tkr)]), 2, TKR_FORMAT);
  cost.getColumn(1).width = 26;
  for (let c = 2; c <= 4; c++) cost.getColumn(c).width = 18;

  // 5 Volumes
  const volumes = workbook.addWorksheet(t.sheets.volumes);
  title(volumes, t.sections.volumes);
  header(volumes, [
    t.volumes.measure,
    interpolate(t.volumes.previous, { month: previousMonth }),
    interpolate(t.volumes.budget, { year }),
    interpolate(t.volumes.current, { month }),
  ]);
  for (const v of report.volumes)
    numberCells(volumes.addRow([v.title, v.previous, v.budget, v.current]), 2, TKR_FORMAT);
  volumes.getColumn(1).width = 50;
  for (let c = 2; c <= 4; c++) volumes.getColumn(c).width = 16;

  // 6 Assignments
  const assignments = workbook.addWorksheet(t.sheets.assignments);
  title(assignments, t.sections.assignments);
  header(assignments, [
    t.assignments.givenBy,
    t.assignments.text,
    interpolate(t.assignments.status, { period: `${t.periodShort[report.period]} ${year}` }),
    t.assignments.comment,
  ]);
  for (const a of report.assignments)
    assignments.addRow([
      t.assignments.givenByValues[a.givenBy],
      a.text,
      a.status ? t.assignments.statuses[a.status] : t.assignments.unreported,
      a.comment,
    ]).alignment = { wrapText: true, vertical: 'top' };
  [20, 60, 18, 60].forEach((width, i) => (assignments.getColumn(i + 1).width = width));

  // 7 Internal control
  const control = workbook.addWorksheet(t.sheets.internalControl);
  title(control, t.risks.caption);
  header(control, [
    t.risks.process,
    t.risks.risk,
    t.risks.likelihood,
    t.risks.consequence,
    t.risks.score,
    t.risks.level,
    t.risks.controlActivity,
    t.risks.followUp,
  ]);
  for (const r of report.risks) {
    const row = control.addRow([
      r.process,
      r.risk,
      r.likelihood,
      r.consequence,
      { formula: `C${control.rowCount + 1}*D${control.rowCount + 1}`, result: r.score },
      t.risks.levels[r.level],
      r.controlActivity,
      r.followUp ?? '',
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
    numberCells(row, 3, '0');
    if (r.reportToBoard) row.getCell(5).font = { bold: true, color: { argb: 'FFB00020' } };
  }
  [22, 40, 12, 12, 14, 10, 50, 50].forEach((width, i) => (control.getColumn(i + 1).width = width));

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

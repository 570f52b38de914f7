/**
 * The four-month or annual report as a PDF, in the order and style of seed 003: a numbered
 * heading per section, the tables in tkr as the seed prints them, and two vector charts (the
 * monthly cost of financial assistance against the two years before, and net cost per activity,
 * budget against forecast). The same report always gives the same bytes.
 */
import { COLOR, FONT, PdfWriter, SIZE, type Row } from '../../assistance/documents/pdf-writer.ts';
import { interpolate, type Locale } from '../../i18n/catalogue.ts';
import { formatDate } from '../../i18n/format.ts';
import { oreToTkr, type BudgetFigureRow } from '../domain/report/budget.ts';
import {
  formatAmount,
  formatIndicator,
  monthName,
  outcomeColumn,
  reportTexts,
  reportTitle,
  summarySentences,
} from '../domain/report/report-text.ts';
import type { Report } from '../domain/report/structure.ts';
import { drawChart, SERIES_COLORS } from './pdf-charts.ts';

export async function renderReportPdf(report: Report, locale: Locale): Promise<Buffer> {
  const t = reportTexts(locale);
  const title = reportTitle(report.year, report.period, locale);
  const generated = new Date(`${report.generatedOn}T12:00:00Z`);
  const pdf = new PdfWriter(
    {
      Title: title,
      Author: report.municipalityName,
      Subject: title,
      Creator: 'Kedjan',
      Producer: 'Kedjan',
      CreationDate: generated,
      ModDate: generated,
    },
    locale === 'sv' ? 'sv-SE' : 'en-GB',
  );
  const amount = (value: number | null) => formatAmount(value, locale);
  const tkrOfOre = (ore: number | null) => amount(ore === null ? null : oreToTkr(ore));
  const { year } = report;

  pdf.paragraph(title, FONT.bold, SIZE.title);
  pdf.paragraph(report.municipalityName, FONT.regular, SIZE.heading + 1);
  pdf.paragraph(
    interpolate(t.generated, { date: formatDate(report.generatedOn, locale) }),
    FONT.regular,
    SIZE.small,
    COLOR.muted,
  );

  let number = 0;
  const section = (text: string) => pdf.heading(`${++number} ${text}`, SIZE.heading + 2);

  // 1 The board's summary
  section(t.sections.summary);
  for (const sentence of summarySentences(report, locale)) pdf.paragraph(sentence);

  // 2 Indicators
  section(t.sections.indicators);
  const wholeYear = report.period === 'year';
  // The annual accounts show the year's outcome in place of the two periods (as the seed's
  // columns: outcome last year, target, outcome).
  const right = 'right' as const;
  const indicatorColumns = [
    { header: t.indicators.indicator, width: wholeYear ? 0.52 : 0.36 },
    { header: interpolate(t.indicators.previousYear, { year: year - 1 }), width: 0.16, align: right },
    { header: interpolate(t.indicators.target, { year }), width: 0.16, align: right },
    ...(wholeYear
      ? [{ header: interpolate(t.indicators.wholeYear, { year }), width: 0.16, align: right }]
      : [
          { header: interpolate(t.indicators.t1, { year }), width: 0.16, align: right },
          { header: interpolate(t.indicators.t2, { year }), width: 0.16, align: right },
        ]),
  ];
  pdf.table(
    indicatorColumns,
    report.indicators.map((indicator) => ({
      cells: [
        indicator.title,
        ...(wholeYear
          ? [indicator.previousYear, indicator.target, indicator.year]
          : [indicator.previousYear, indicator.target, indicator.t1, indicator.t2]
        ).map((value) => formatIndicator(value, indicator.unit, locale)),
      ],
    })),
  );
  pdf.paragraph(t.indicators.periodNote, FONT.regular, SIZE.small, COLOR.muted);
  if (report.indicators.some((i) => i.suppressed))
    pdf.paragraph(t.indicators.suppressed, FONT.regular, SIZE.small, COLOR.muted);

  // 3 Budget and forecast
  section(t.sections.budget);
  const month = outcomeColumn(year, report.period);
  const previousMonth = outcomeColumn(year - 1, report.period);
  const budgetColumns = [
    { header: t.budget.tkr, width: 0.275 },
    {
      header: interpolate(t.budget.outcome, { month: previousMonth }),
      width: 0.145,
      align: 'right' as const,
    },
    { header: interpolate(t.budget.outcome, { month }), width: 0.145, align: 'right' as const },
    { header: interpolate(t.budget.budget, { year }), width: 0.145, align: 'right' as const },
    { header: interpolate(t.budget.forecast, { year }), width: 0.145, align: 'right' as const },
    { header: t.budget.deviation, width: 0.145, align: 'right' as const },
  ];
  const figureCells = (label: string, row: BudgetFigureRow) => [
    label,
    amount(row.previousOutcome),
    amount(row.outcome),
    amount(row.budget),
    amount(row.forecast),
    amount(row.deviation),
  ];
  if (report.budget.activities.length === 0) pdf.paragraph(t.budget.empty);
  else {
    const rows: Row[] = [];
    for (const activity of report.budget.activities) {
      rows.push({ cells: [activity.activity, '', '', '', '', ''], total: true });
      rows.push({ cells: figureCells(t.budget.income, activity.income) });
      rows.push({ cells: figureCells(t.budget.cost, activity.cost) });
      rows.push({ cells: figureCells(t.budget.net, activity.net) });
    }
    rows.push({ cells: [t.budget.total, '', '', '', '', ''], total: true });
    rows.push({ cells: figureCells(t.budget.income, report.budget.total.income) });
    rows.push({ cells: figureCells(t.budget.cost, report.budget.total.cost) });
    rows.push({ cells: figureCells(t.budget.net, report.budget.total.net), total: true });
    if (report.allocation && report.resultAfterAllocation) {
      rows.push({ cells: figureCells(t.budget.allocation, { ...report.allocation, deviation: null }) });
      rows.push({ cells: figureCells(t.budget.result, report.resultAfterAllocation), total: true });
    }
    pdf.table(budgetColumns, rows);
    // Net cost as a positive amount per activity, budget against forecast.
    drawChart(pdf, {
      title: t.budget.chartTitle,
      kind: 'hbars',
      categories: report.budget.activities.map((a) => a.activity),
      series: [
        {
          name: t.budget.chartBudget,
          color: SERIES_COLORS[0]!,
          values: report.budget.activities.map((a) => -a.net.budget),
        },
        {
          name: t.budget.chartForecast,
          color: SERIES_COLORS[1]!,
          values: report.budget.activities.map((a) => (a.net.forecast === null ? null : -a.net.forecast)),
        },
      ],
      format: (value) => amount(value),
    });
  }

  // 4 The monthly cost of financial assistance
  section(t.sections.monthlyCost);
  const cost = report.monthlyCost;
  const lastMonth = cost.rows.length;
  pdf.paragraph(t.monthlyCost.caption, FONT.regular, SIZE.small, COLOR.muted);
  pdf.table(
    [
      { header: t.monthlyCost.month, width: 0.34 },
      ...cost.years.map((y) => ({
        header: interpolate(t.monthlyCost.outcome, { year: y }),
        width: 0.22,
        align: 'right' as const,
      })),
    ],
    [
      ...cost.rows.map((row) => ({ cells: [monthName(row.month, locale), ...row.amounts.map(tkrOfOre)] })),
      {
        cells: [
          interpolate(t.monthlyCost.toDate, { month: monthName(lastMonth, locale).toLowerCase() }),
          ...cost.toDate.map(tkrOfOre),
        ],
        total: true,
      },
      { cells: [t.monthlyCost.fullYear, ...cost.fullYear.map(tkrOfOre)] },
    ],
  );
  drawChart(pdf, {
    title: t.monthlyCost.chartTitle,
    kind: 'lines',
    categories: cost.rows.map((row) => monthName(row.month, locale).slice(0, 3)),
    series: cost.years.map((y, i) => ({
      name: String(y),
      color: SERIES_COLORS[i] ?? COLOR.muted,
      values: cost.rows.map((row) => (row.amounts[i] ?? 0) / 100_000),
    })),
    format: (value) => amount(value),
  });

  // 5 Volumes
  section(t.sections.volumes);
  pdf.table(
    [
      { header: t.volumes.measure, width: 0.52 },
      { header: interpolate(t.volumes.previous, { month: previousMonth }), width: 0.16, align: 'right' },
      { header: interpolate(t.volumes.budget, { year }), width: 0.16, align: 'right' },
      { header: interpolate(t.volumes.current, { month }), width: 0.16, align: 'right' },
    ],
    report.volumes.map((v) => ({
      cells: [v.title, amount(v.previous), amount(v.budget), amount(v.current)],
    })),
  );
  if (report.volumes.some((v) => v.suppressed))
    pdf.paragraph(t.indicators.suppressed, FONT.regular, SIZE.small, COLOR.muted);

  // 6 Assignments
  section(t.sections.assignments);
  if (report.assignments.length === 0) pdf.paragraph(t.assignments.empty);
  else
    pdf.table(
      [
        { header: t.assignments.text, width: 0.44 },
        {
          header: interpolate(t.assignments.status, { period: `${t.periodShort[report.period]} ${year}` }),
          width: 0.18,
        },
        { header: t.assignments.comment, width: 0.38 },
      ],
      report.assignments.map((a) => ({
        cells: [
          `${a.text} (${t.assignments.givenByValues[a.givenBy]})`,
          a.status ? t.assignments.statuses[a.status] : t.assignments.unreported,
          a.comment,
        ],
      })),
    );

  // 7 Internal control
  section(t.sections.internalControl);
  pdf.paragraph(t.risks.intro);
  if (report.risks.length === 0) pdf.paragraph(t.risks.empty);
  else
    pdf.table(
      [
        { header: t.risks.process, width: 0.2 },
        { header: t.risks.risk, width: 0.26 },
        { header: t.risks.score, width: 0.17, align: 'right' },
        { header: t.risks.controlActivity, width: 0.37, indent: 8 },
      ],
      report.risks.map((r) => ({
        cells: [r.process, r.risk, `${r.score} (${r.likelihood}×${r.consequence})`, r.controlActivity],
        notes: [
          `${t.risks.level}: ${t.risks.levels[r.level]}${r.reportToBoard ? ` – ${t.risks.toBoard}` : ''}`,
          ...(r.followUp ? [`${t.risks.followUp}: ${r.followUp}`] : []),
        ],
      })),
    );

  pdf.stamp((page, pages) => {
    pdf.style(FONT.bold, SIZE.heading).at(report.municipalityName, pdf.left, 42, pdf.width * 0.6);
    pdf.style(FONT.regular, SIZE.small + 0.5, COLOR.muted).at(title, pdf.left, 60, pdf.width * 0.6);
    pdf.rule(78, COLOR.rule, 0.8);
    const footerY = pdf.doc.page.height - 60;
    pdf.rule(footerY, COLOR.rule, 0.5);
    pdf
      .style(FONT.regular, SIZE.small, COLOR.muted)
      .at(interpolate(t.page, { page, pages }), pdf.left, footerY + 6, pdf.width, 'right');
  });
  return pdf.end();
}

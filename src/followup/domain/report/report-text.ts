/**
 * The report in words: number formats of the seed (tkr with a space between thousands, a dash for
 * no value) and the board's summary as sentences. Shared by the PDF, the workbook and the screen.
 */
import { catalogues, interpolate, type Locale } from '../../../i18n/catalogue.ts';
import { oreToTkr } from './budget.ts';
import { lastMonthOf, type ReportPeriod } from './periods.ts';
import type { IndicatorUnitKind, Report } from './structure.ts';

export type ReportTexts = (typeof catalogues)['sv']['reportUi'];

export function reportTexts(locale: Locale): ReportTexts {
  return catalogues[locale].reportUi;
}

/**
 * 102 515 and –241 847: thousands separated by a no-break space (Swedish) or a comma, the minus
 * sign as an en dash (the PDF's Helvetica has no minus sign).
 */
export function formatAmount(value: number | null, locale: Locale, decimals = 0): string {
  if (value === null) return '–';
  const abs = Math.abs(value);
  const fixed = abs.toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const [group, decimal] = locale === 'sv' ? ['\u00a0', ','] : [',', '.'];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const negative = value < 0 && Number(fixed) !== 0;
  return `${negative ? '–' : ''}${grouped}${fraction ? `${decimal}${fraction}` : ''}`;
}

export function formatIndicator(value: number | null, unit: IndicatorUnitKind, locale: Locale): string {
  if (value === null) return '–';
  return formatAmount(value, locale, unit === 'percent' || unit === 'fte' ? 1 : 0);
}

export function reportTitle(year: number, period: ReportPeriod, locale: Locale): string {
  return interpolate(reportTexts(locale).reportTitle[period], { year });
}

export function monthName(month: number, locale: Locale): string {
  const months = reportTexts(locale).monthlyCost.months;
  return months[`m${month}` as keyof typeof months];
}

/** "2017-08" style column label of outcomes to the period's last month. */
export function outcomeColumn(year: number, period: ReportPeriod): string {
  return `${year}-${String(lastMonthOf(period)).padStart(2, '0')}`;
}

/** The board's summary in sentences, from the figures of the report. */
export function summarySentences(report: Report, locale: Locale): string[] {
  const t = reportTexts(locale).summary;
  const amount = (tkr: number) => formatAmount(Math.abs(tkr), locale);
  const signed = (tkr: number) => `${tkr > 0 ? '+' : ''}${formatAmount(tkr, locale)}`;
  const out: string[] = [];
  const deviation = report.summary.forecastDeviation;
  if (deviation === null) out.push(t.noForecast);
  else if (deviation > 0) out.push(interpolate(t.surplus, { amount: amount(deviation) }));
  else if (deviation < 0) out.push(interpolate(t.deficit, { amount: amount(deviation) }));
  else out.push(t.balanced);
  if (deviation !== null && report.summary.deviations.length > 0)
    out.push(
      interpolate(t.deviations, {
        list: report.summary.deviations
          .map((d) => interpolate(t.deviation, { activity: d.activity, amount: signed(d.deviation) }))
          .join(', '),
      }),
    );
  const change = report.summary.assistanceCostChange;
  out.push(
    interpolate(change <= 0 ? t.assistanceLower : t.assistanceHigher, {
      month: monthName(lastMonthOf(report.period), locale).toLowerCase(),
      amount: formatAmount(oreToTkr(report.summary.assistanceCostToDate), locale),
      change: formatAmount(Math.abs(oreToTkr(change)), locale),
    }),
  );
  const a = report.summary.assignments;
  const total = a.done + a.in_progress + a.not_done + a.unreported;
  if (total > 0)
    out.push(
      interpolate(t.assignments, {
        total,
        done: a.done,
        inProgress: a.in_progress,
        notDone: a.not_done,
        unreported: a.unreported,
      }),
    );
  const risks = report.summary.risksToBoard;
  out.push(risks === 0 ? t.noRisks : risks === 1 ? t.oneRisk : interpolate(t.risks, { count: risks }));
  return out;
}

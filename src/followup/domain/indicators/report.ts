/**
 * Indicator values as rows for output (CLI, exports): with the definition's title, unit and
 * Kolada id, and small counts suppressed — a value resting on 1–4 persons or households is not
 * shown, so that no one can be singled out.
 */
import type { Locale } from '../../../i18n/catalogue.ts';
import { SUPPRESSION_THRESHOLD } from '../suppression.ts';
import { subjectsBehind } from './aggregate-counts.ts';
import type { IndicatorValue } from './compute.ts';
import { indicatorById, type IndicatorUnit } from './definitions.ts';

export interface IndicatorRow {
  id: string;
  koladaId: string | null;
  title: string;
  period: string;
  unit: IndicatorUnit;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
}

export function toIndicatorRows(values: readonly IndicatorValue[], locale: Locale): IndicatorRow[] {
  return values.map((v) => {
    const definition = indicatorById(v.id);
    const counted = subjectsBehind(v, definition)?.count ?? null;
    const suppressed = counted !== null && counted > 0 && counted < SUPPRESSION_THRESHOLD;
    return {
      id: v.id,
      koladaId: definition?.koladaId ?? null,
      title: definition?.title[locale] ?? v.id,
      period: v.period,
      unit: definition?.unit ?? 'count',
      value: suppressed ? null : v.value,
      numerator: suppressed ? null : v.numerator,
      denominator: v.denominator,
      suppressed,
    };
  });
}

const COLUMNS: (keyof IndicatorRow)[] = [
  'id',
  'koladaId',
  'title',
  'period',
  'unit',
  'value',
  'numerator',
  'denominator',
  'suppressed',
];

/** Semicolon-separated with decimal comma (as Swedish spreadsheets read it), quoted where needed. */
export function indicatorRowsToCsv(rows: readonly IndicatorRow[]): string {
  const cell = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    const text = typeof value === 'number' ? String(value).replace('.', ',') : String(value);
    return /[";\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [COLUMNS.join(';'), ...rows.map((row) => COLUMNS.map((c) => cell(row[c])).join(';'))];
  return `${lines.join('\r\n')}\r\n`;
}

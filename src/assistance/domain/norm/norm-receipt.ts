/**
 * The norm calculation as a receipt a person can read: every line with its label, the rule it
 * comes from (citing the statute in force on the date), and its amount in kronor.
 */
import { catalogues, interpolate, type Locale } from '../../../i18n/catalogue.ts';
import { citeProvision } from '../law/provisions.ts';
import type { NormLine, NormResult } from './calculate-norm.ts';
import type { RiksnormTable } from './riksnorm-table.ts';

export interface ReceiptLine {
  section: NormLine['section'];
  code: NormLine['code'];
  label: string;
  rule: string;
  /** kronor, signed (incomes negative) */
  amount: number;
}

export interface NormReceipt {
  year: number;
  date: string;
  householdSize: number;
  currency: 'SEK';
  riksnorm: number;
  reasonableCosts: number;
  incomes: number;
  balance: number;
  total: number;
  lines: ReceiptLine[];
  sources: { riksnorm: string; incomeSupport: string };
}

export const kronor = (ore: number): number => ore / 100;

export function formatKronorPlain(ore: number): string {
  const whole = Math.trunc(ore / 100);
  const rest = Math.abs(ore % 100);
  const grouped = String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${ore < 0 ? '−' : ''}${grouped}${rest ? `,${String(rest).padStart(2, '0')}` : ''} kr`;
}

/** `date` (YYYY-MM-DD) decides which statute's numbering the rules cite. */
export function presentNormReceipt(
  result: NormResult,
  table: RiksnormTable,
  date: string,
  locale: Locale,
): NormReceipt {
  const texts = catalogues[locale].assistance;
  const riksnormSource = interpolate(texts.riksnormCitation, {
    provision: table.source.provision,
    statute: table.source.statute,
    sfs: table.source.sfs,
  });
  const incomeSupport = citeProvision('incomeSupport', date, locale);
  const jobStimulus = citeProvision('jobStimulus', date, locale);
  const lines = result.lines.map((line): ReceiptLine => {
    const source =
      line.section === 'riksnorm'
        ? riksnormSource
        : line.code === 'incomeJobStimulus'
          ? jobStimulus
          : line.section === 'income' || line.basis === 'otherLiving'
            ? citeProvision('rightToAssistance', date, locale)
            : incomeSupport;
    const item = line.costType
      ? texts.costTypes[line.costType]
      : line.incomeType
        ? texts.incomeTypes[line.incomeType]
        : '';
    return {
      section: line.section,
      code: line.code,
      label: interpolate(texts.normLines[line.code], {
        age: line.age ?? '',
        size: line.householdSize ?? '',
        included: line.includedSize ?? '',
        item,
        applied: line.appliedFor === undefined ? '' : formatKronorPlain(line.appliedFor),
        limit: line.limit === undefined ? '' : formatKronorPlain(line.limit),
        disregarded: line.disregarded === undefined ? '' : formatKronorPlain(line.disregarded),
      }),
      rule: interpolate(texts.normRules[line.code], { year: result.year, source }),
      amount: kronor(line.amount),
    };
  });
  return {
    year: result.year,
    date,
    householdSize: result.householdSize,
    currency: 'SEK',
    riksnorm: kronor(result.riksnorm),
    reasonableCosts: kronor(result.costs),
    incomes: kronor(result.incomes),
    balance: kronor(result.balance),
    total: kronor(result.total),
    lines,
    sources: { riksnorm: riksnormSource, incomeSupport },
  };
}

/**
 * The norm calculation from JSON to receipt: validate, calculate, present. Shared by
 * `npx kedjan norm` and the API's preview, so both answer the same.
 */
import type { Locale } from '../../../i18n/catalogue.ts';
import { issuePath, validationMessage } from '../../../i18n/validation.ts';
import { calculateNorm } from './calculate-norm.ts';
import { NormInputSchema, toNormHousehold } from './norm-input.ts';
import { presentNormReceipt, type NormReceipt } from './norm-receipt.ts';
import { riksnormForYear } from './riksnorm-data.ts';

export type NormOutcome =
  { ok: true; receipt: NormReceipt } | { ok: false; errors: { path: string; message: string }[] };

export function runNorm(json: unknown, locale: Locale): NormOutcome {
  const parsed = NormInputSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        path: issuePath(issue.path),
        message: validationMessage(locale, issue.code, issue.message),
      })),
    };
  }
  const input = parsed.data;
  const table = riksnormForYear(input.year)!;
  const { household, guidelines } = toNormHousehold(input);
  const result = calculateNorm(table, household, guidelines);
  const date = `${input.month ?? `${input.year}-01`}-01`;
  return { ok: true, receipt: presentNormReceipt(result, table, date, locale) };
}

/**
 * Amounts typed by a caseworker in kronor ("7 200", "1 250,50") to öre and back. The API counts
 * in öre; the screens show kronor.
 */

/** Öre as the text of an amount field: 720000 → "7200", 125050 → "1250,50". */
export function oreToInput(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const kronor = Math.trunc(abs / 100);
  const rest = abs % 100;
  return `${sign}${kronor}${rest ? `,${String(rest).padStart(2, '0')}` : ''}`;
}

/** "7 200", "7200,5", "1 250.50" → öre; null for anything that is not a non-negative amount. */
export function parseKronor(text: string): number | null {
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/kr$/i, '')
    .replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.split('.');
  const ore = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(ore) ? ore : null;
}

/** Öre as kronor for formatKronor. */
export const oreToKronor = (ore: number): number => ore / 100;

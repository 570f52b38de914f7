import { describe, expect, it } from 'vitest';
import { REASON_CODES, REASON_CODE_SOURCE, reasonCodeIn, reasonCodesFor } from './reason-code-list.ts';

describe('the reason code list', () => {
  it("has Socialstyrelsen's fourteen categories, each once, with its source", () => {
    expect(REASON_CODES).toHaveLength(14);
    expect(new Set(REASON_CODES.map((c) => c.code)).size).toBe(14);
    expect(new Set(REASON_CODES.map((c) => c.text.sv)).size).toBe(14);
    for (const c of REASON_CODES) expect(c.source).toBe(REASON_CODE_SOURCE);
  });

  it('groups the codes for the indicators: unemployment, ill health, social reasons, other', () => {
    const group = (code: string) => reasonCodeIn(code, '2026-11')?.group;
    expect(group('unemployed_establishment_benefit')).toBe('unemployment');
    expect(group('sick_without_certificate')).toBe('ill_health');
    expect(group('social_reasons')).toBe('social_reasons');
    expect(group('parental_leave')).toBe('other');
    expect(reasonCodesFor('2026-11').filter((c) => c.group === 'unemployment')).toHaveLength(4);
  });

  it('knows no code before the list applies, nor a code that is not in it', () => {
    expect(reasonCodesFor('2015-12')).toEqual([]);
    expect(reasonCodeIn('lottery_win', '2026-11')).toBeUndefined();
  });
});

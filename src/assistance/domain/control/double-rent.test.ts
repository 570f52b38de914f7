import { describe, expect, it } from 'vitest';
import { findDoubleRent, normaliseAddress, type RentClaim } from './double-rent.ts';

const claim = (n: number, household: string, housing: Partial<RentClaim>): RentClaim => ({
  applicationId: `app-${n}`,
  caseId: `case-${household}`,
  householdId: household,
  address: null,
  apartment: null,
  contract: null,
  rentOre: 700_000,
  ...housing,
});

describe('normaliseAddress', () => {
  it('ignores case, punctuation and extra spaces', () => {
    expect(normaliseAddress('  Storgatan  1, Lgh. 1102 ')).toBe('storgatan 1 lgh 1102');
    expect(normaliseAddress('STORGATAN 1')).toBe(normaliseAddress('storgatan 1'));
    expect(normaliseAddress('Ågatan 3B')).toBe('ågatan 3b');
    expect(normaliseAddress(null)).toBe('');
  });
});

describe('findDoubleRent', () => {
  it('flags two households claiming rent for the same flat', () => {
    const groups = findDoubleRent([
      claim(1, 'h1', { address: 'Storgatan 1', apartment: '1102' }),
      claim(2, 'h2', { address: 'storgatan  1.', apartment: '11 02' }),
      claim(3, 'h3', { address: 'Storgatan 1', apartment: '1103' }),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ matchedBy: ['address'], address: 'storgatan 1', apartment: '1102' });
    expect(groups[0]!.claims.map((c) => c.householdId)).toEqual(['h1', 'h2']);
  });

  it('flags the same contract reference at different addresses', () => {
    const groups = findDoubleRent([
      claim(1, 'h1', { address: 'Storgatan 1', contract: 'K-123' }),
      claim(2, 'h2', { address: 'Lillgatan 9', contract: 'k 123' }),
    ]);
    expect(groups).toEqual([
      expect.objectContaining({ matchedBy: ['contract'], address: null, contract: 'k123' }),
    ]);
  });

  it('joins claims linked by either key into one group', () => {
    const groups = findDoubleRent([
      claim(1, 'h1', { address: 'Storgatan 1', apartment: '1', contract: 'A' }),
      claim(2, 'h2', { address: 'Storgatan 1', apartment: '1' }),
      claim(3, 'h3', { address: 'Annan väg 2', contract: 'a' }),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.matchedBy).toEqual(['address', 'contract']);
    expect(groups[0]!.claims).toHaveLength(3);
  });

  it('does not flag one household applying twice, or claims without housing data', () => {
    expect(
      findDoubleRent([
        claim(1, 'h1', { address: 'Storgatan 1', apartment: '1' }),
        claim(2, 'h1', { address: 'Storgatan 1', apartment: '1' }),
        claim(3, 'h2', {}),
        claim(4, 'h3', {}),
      ]),
    ).toEqual([]);
  });
});

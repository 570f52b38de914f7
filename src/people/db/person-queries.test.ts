import { describe, expect, it } from 'vitest';
import { prefixRange } from './person-queries.ts';

describe('the name prefix range', () => {
  it('covers every name that starts with the term, in lower case', () => {
    expect(prefixRange('Kid')).toEqual({ from: 'kid', to: 'kie' });
  });
  it('handles Swedish letters by code point', () => {
    const { from, to } = prefixRange('Åsa');
    expect(from).toBe('åsa');
    expect('åsa'.localeCompare('åsb')).toBeLessThan(0);
    expect(to).toBe('åsb');
    expect(prefixRange('Ö').to).toBe(String.fromCodePoint('ö'.codePointAt(0)! + 1));
  });
});

import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatKronor, formatNumber } from './format.ts';

describe('Swedish formatting', () => {
  it('writes dates as Swedish authorities do', () => {
    expect(formatDate('2026-11-22')).toBe('2026-11-22');
    expect(formatDateTime(new Date('2026-11-22T13:05:00Z'))).toBe('2026-11-22 14:05');
  });
  it('groups thousands with a space and uses a decimal comma', () => {
    expect(formatNumber(1234.56).replace(/\s/g, ' ')).toBe('1 234,6');
  });
  it('writes kronor as in the Borås report', () => {
    expect(formatKronor(14_157_900).replace(/\s/g, ' ')).toBe('14 157 900 kr');
  });
  it('formats English as a second language', () => {
    expect(formatDate('2026-11-22', 'en')).toBe('22/11/2026');
    expect(formatNumber(1234.56, 'en')).toBe('1,234.6');
  });
});

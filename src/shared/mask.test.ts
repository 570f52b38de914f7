import { describe, expect, it } from 'vitest';
import { maskDigits } from './mask.ts';

describe('masking for logs', () => {
  it('hides personal identity numbers in any common form', () => {
    for (const pn of ['198507099805', '19850709-9805', '850709-9805', '850709+9805', '8507099805']) {
      expect(maskDigits(`/api/v1/persons/${pn}`)).toBe('/api/v1/persons/******');
    }
  });
  it('keeps short numbers and ids readable', () => {
    expect(maskDigits('/api/v1/persons?limit=50&page=2')).toBe('/api/v1/persons?limit=50&page=2');
  });
});

import { describe, expect, it } from 'vitest';
import { luhnCheckDigit, parsePersonalNumber, type PersonalNumberKind, type Sex } from './personnummer.ts';
import {
  isSyntheticPersonalNumber,
  parseSyntheticPersonalNumber,
  serialsPerDate,
  SyntheticPersonalNumberAllocator,
  syntheticPersonalNumber,
} from './synthetic-personal-number.ts';

const TODAY = '2026-11-22';

/** Every date from `from` to `to`, inclusive. */
function* dates(from: string, to: string): Generator<string> {
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}

describe('synthetic personal numbers', () => {
  it('can never be a real number: every födelsenummer of every date, both kinds, fails the real check digit', () => {
    const real: string[] = [];
    const serials = new Set<string>();
    for (const birthDate of dates('2024-02-01', '2024-03-31')) {
      for (const kind of ['personnummer', 'samordningsnummer'] as const) {
        for (const sex of ['female', 'male'] as const) {
          for (let ordinal = 0; ordinal < serialsPerDate(sex); ordinal += 1) {
            const number = syntheticPersonalNumber({ birthDate, sex, kind }, ordinal);
            if (Number(number[11]) === luhnCheckDigit(number.slice(2, 11))) real.push(number);
            serials.add(number.slice(0, 11));
          }
        }
      }
    }
    expect(real).toEqual([]);
    // …and the födelsenummer run through all of 001–999 for each date and kind.
    expect(serials.size).toBe(60 * 2 * 999);
  });

  it('is refused by the real parser with a checksum error and read back exactly by the synthetic parser', () => {
    const allocator = new SyntheticPersonalNumberAllocator();
    const cases: Array<{ birthDate: string; sex: Sex; kind: PersonalNumberKind }> = [];
    for (const birthDate of dates('1926-01-01', TODAY)) {
      if (birthDate.endsWith('-01') || birthDate.endsWith('-29') || birthDate.endsWith('-31')) {
        cases.push({ birthDate, sex: 'female', kind: 'personnummer' });
        cases.push({
          birthDate,
          sex: 'male',
          kind: birthDate.endsWith('-31') ? 'samordningsnummer' : 'personnummer',
        });
      }
    }
    for (const request of cases) {
      const number = allocator.next(request);
      expect(number).toMatch(/^\d{12}$/);
      expect(isSyntheticPersonalNumber(number)).toBe(true);
      expect(parsePersonalNumber(number, TODAY)).toEqual({ ok: false, reason: 'checksum' });
      expect(parseSyntheticPersonalNumber(number, TODAY)).toEqual({
        ok: true,
        value: { normalised: number, kind: request.kind, birthDate: request.birthDate, sex: request.sex },
      });
    }
  });

  it('reads the ten-digit and separated forms too', () => {
    const number = syntheticPersonalNumber({ birthDate: '1920-03-05', sex: 'male', kind: 'personnummer' }, 7);
    const separated = `${number.slice(2, 8)}+${number.slice(8)}`;
    expect(parseSyntheticPersonalNumber(` ${separated} `, TODAY)).toMatchObject({
      ok: true,
      value: { normalised: number, birthDate: '1920-03-05' },
    });
  });

  it('refuses real numbers, other wrong check digits, and future dates', () => {
    expect(parseSyntheticPersonalNumber('20000229-2399', TODAY)).toEqual({ ok: false, reason: 'checksum' });
    expect(isSyntheticPersonalNumber('200002292399')).toBe(false);
    const real = '200002292399';
    for (let digit = 0; digit <= 9; digit += 1) {
      const candidate = `${real.slice(0, 11)}${digit}`;
      const synthetic = digit === (9 + 5) % 10;
      expect(parseSyntheticPersonalNumber(candidate, TODAY).ok, candidate).toBe(synthetic);
    }
    const unborn = syntheticPersonalNumber(
      { birthDate: '2026-11-23', sex: 'female', kind: 'personnummer' },
      0,
    );
    expect(parseSyntheticPersonalNumber(unborn, TODAY)).toEqual({ ok: false, reason: 'future' });
  });

  it('hands out distinct numbers per date, and the same ones for the same requests', () => {
    const request = { birthDate: '1990-05-12', sex: 'female', kind: 'personnummer' } as const;
    const first = new SyntheticPersonalNumberAllocator();
    const numbers = Array.from({ length: serialsPerDate('female') }, () => first.next(request));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(new Set(numbers.map((n) => Number(n.slice(8, 11)) % 2))).toEqual(new Set([0]));
    expect(() => first.next(request)).toThrow(RangeError);
    const second = new SyntheticPersonalNumberAllocator();
    expect(Array.from({ length: 5 }, () => second.next(request))).toEqual(numbers.slice(0, 5));
  });
});

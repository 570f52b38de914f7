import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  formatPersonalNumber,
  luhnCheckDigit,
  maskPersonalNumber,
  parsePersonalNumber,
  type PersonalNumber,
} from './personnummer.ts';

/** The clock is frozen: separators and century inference depend on today's date. */
const TODAY = '2026-11-22';

interface ListVector {
  integer: number;
  long_format?: string;
  short_format: string;
  separated_format: string;
  separated_long?: string;
  valid: boolean;
  type: 'ssn' | 'con' | 'interim' | 'org';
  isMale?: boolean;
}
interface Structured {
  integer: { valid: number[]; invalid: number[] };
  string: { valid: string[]; invalid: string[] };
}
interface TestData {
  official_worked_example: { value: string; expect_valid: boolean; expect_male: boolean };
  test_vectors_list: ListVector[];
  test_vectors_interim: ListVector[];
  test_vectors_orgnumber: ListVector[];
  test_vectors_structured: { data: { ssn: Structured; con: Structured } };
}

// The shared reference data lives beside the project (../shared from its root).
const data = JSON.parse(
  readFileSync(new URL('../../../../shared/reference/personnummer_testdata.json', import.meta.url), 'utf8'),
) as TestData;

const parse = (input: string) => parsePersonalNumber(input, TODAY);

function parsed(input: string): PersonalNumber {
  const result = parse(input);
  if (!result.ok) throw new Error(`${input} was refused: ${result.reason}`);
  return result.value;
}

/** Hand-made numbers with a correct check digit: `make('19261231', '238')` → '192612312384'. */
const make = (yyyymmdd: string, serial: string) =>
  `${yyyymmdd}${serial}${luhnCheckDigit(yyyymmdd.slice(2) + serial)}`;
/** The same as ten digits with a separator: `short(make(…), '+')`. */
const short = (twelve: string, separator = '') => `${twelve.slice(2, 8)}${separator}${twelve.slice(8)}`;

describe('the shared test vectors (personnummer/meta via shared/reference)', () => {
  for (const kind of ['ssn', 'con'] as const) {
    const vectors = data.test_vectors_structured.data[kind];
    it(`accepts every valid ${kind} vector, as string and as integer`, () => {
      for (const input of [...vectors.string.valid, ...vectors.integer.valid.map(String)]) {
        expect(parse(input), input).toMatchObject({ ok: true });
      }
    });
    it(`refuses every invalid ${kind} vector, as string and as integer`, () => {
      for (const input of [...vectors.string.invalid, ...vectors.integer.invalid.map(String)]) {
        expect(parse(input), input).toMatchObject({ ok: false });
      }
    });
  }

  it('agrees with every list vector on validity, kind and sex', () => {
    for (const vector of data.test_vectors_list) {
      const inputs = [
        vector.long_format,
        vector.short_format,
        vector.separated_format,
        vector.separated_long,
      ];
      for (const input of inputs.filter((value): value is string => value !== undefined)) {
        const result = parse(input);
        expect(result.ok, input).toBe(vector.valid);
        if (result.ok) {
          expect(result.value.kind, input).toBe(vector.type === 'con' ? 'samordningsnummer' : 'personnummer');
          expect(result.value.sex, input).toBe(vector.isMale ? 'male' : 'female');
        }
      }
    }
  });

  it('normalises the separated and twelve-digit forms of valid list vectors to the long format', () => {
    // The ten-digit form without separator is left out on purpose: '0905271474' is a person born
    // in 2009, not in 1909 (without '+' the person is at most 99 years old).
    for (const vector of data.test_vectors_list.filter((v) => v.valid)) {
      for (const input of [vector.long_format, vector.separated_format, vector.separated_long]) {
        expect(parsed(input!).normalised, input).toBe(vector.long_format);
      }
      expect(formatPersonalNumber(parsed(vector.long_format!), TODAY)).toBe(vector.separated_long);
    }
  });

  it('refuses interim numbers, including those the upstream library accepts when asked to', () => {
    for (const vector of data.test_vectors_interim) {
      for (const input of [
        vector.long_format,
        vector.short_format,
        vector.separated_format,
        vector.separated_long,
      ]) {
        expect(parse(input!), input).toEqual({ ok: false, reason: 'format' });
      }
    }
  });

  it('refuses organisation numbers (month 20 or more)', () => {
    for (const vector of data.test_vectors_orgnumber) {
      for (const input of [vector.short_format, vector.separated_format, String(vector.integer)]) {
        expect(parse(input), input).toEqual({ ok: false, reason: 'format' });
      }
    }
  });

  it("reads Skatteverket's worked samordningsnummer example", () => {
    const example = data.official_worked_example;
    expect(example.expect_valid).toBe(true);
    expect(parsed(example.value)).toEqual({
      normalised: '197010632391',
      kind: 'samordningsnummer',
      birthDate: '1970-10-03',
      sex: example.expect_male ? 'male' : 'female',
    });
  });
});

describe('parsePersonalNumber', () => {
  it("reads '+' as a person aged 100 or more and '-' as a person aged at most 99", () => {
    expect(parsed('090527+1474').birthDate).toBe('1909-05-27');
    expect(parsed('090527-1474').birthDate).toBe('2009-05-27');
    expect(parsed('0905271474').birthDate).toBe('2009-05-27');
  });

  it('changes century on 1 January of the year the person turns 100', () => {
    const born1926 = make('19261231', '238');
    expect(parsed(short(born1926, '+')).birthDate).toBe('1926-12-31');
    // Without '+' the same digits are a person born in 2026, who is not born yet on 22 November.
    expect(parse(short(born1926))).toEqual({ ok: false, reason: 'future' });
    expect(parsed(short(make('19270101', '238'))).birthDate).toBe('1927-01-01');
  });

  it('ignores the separator of a twelve-digit number: the century is written out', () => {
    expect(parsed('19090527+1474').birthDate).toBe('1909-05-27');
    expect(parsed('19090527-1474').birthDate).toBe('1909-05-27');
  });

  it('accepts 29 February in leap years only', () => {
    expect(parsed('20000229-2399').birthDate).toBe('2000-02-29');
    expect(parsed(make('20240229', '238')).birthDate).toBe('2024-02-29');
    expect(parse(make('20230229', '238'))).toEqual({ ok: false, reason: 'date' });
    // 1900 is not a leap year (divisible by 100, not by 400).
    expect(parse(make('19000229', '238'))).toEqual({ ok: false, reason: 'date' });
  });

  it('refuses impossible dates', () => {
    for (const date of ['19901301', '19900001', '19900431', '19900100', '19900132', '19900192', '17990101']) {
      expect(parse(make(date, '238')), date).toEqual({ ok: false, reason: 'date' });
    }
  });

  it('refuses a birth date after today and accepts today', () => {
    expect(parse(make('20261123', '238'))).toEqual({ ok: false, reason: 'future' });
    expect(parsed(make('20261122', '238')).birthDate).toBe(TODAY);
    expect(parse(make('20261183', '238'))).toEqual({ ok: false, reason: 'future' });
  });

  it('refuses a wrong check digit', () => {
    const good = make('19900512', '238');
    const wrong = `${good.slice(0, 11)}${(Number(good[11]) + 1) % 10}`;
    expect(parse(wrong)).toEqual({ ok: false, reason: 'checksum' });
    expect(parse(short(wrong, '-'))).toEqual({ ok: false, reason: 'checksum' });
  });

  it('refuses födelsenummer 000 even with a correct check digit', () => {
    expect(parse(make('20150916', '000'))).toEqual({ ok: false, reason: 'format' });
  });

  it('trims surrounding whitespace but refuses inner spaces and other characters', () => {
    expect(parsed('  19090527+1474 \n').normalised).toBe('190905271474');
    for (const input of ['19090527 1474', '090527 -1474', '090527--1474', '19090527+14740', 'abc', '']) {
      expect(parse(input), input).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('tells the sex from the third digit of the födelsenummer', () => {
    expect(parsed(make('19900512', '238')).sex).toBe('female');
    expect(parsed(make('19900512', '239')).sex).toBe('male');
  });

  it('rejects a malformed today as a programming error', () => {
    expect(() => parsePersonalNumber('20000229-2399', '2026-02-30')).toThrow(RangeError);
  });
});

describe('formatPersonalNumber and maskPersonalNumber', () => {
  it("uses '+' from the year the person turns 100", () => {
    const born1926 = make('19261231', '238');
    expect(formatPersonalNumber(parsed(born1926), TODAY)).toBe(`19261231+${born1926.slice(8)}`);
    const born1927 = make('19270101', '238');
    expect(formatPersonalNumber(parsed(born1927), TODAY)).toBe(`19270101-${born1927.slice(8)}`);
    expect(formatPersonalNumber(parsed(born1927), '2027-01-01')).toBe(`19270101+${born1927.slice(8)}`);
  });

  it('keeps day + 60 of a samordningsnummer', () => {
    expect(formatPersonalNumber(parsed('701063-2391'), TODAY)).toBe('19701063-2391');
  });

  it('masks the födelsenummer and check digit', () => {
    expect(maskPersonalNumber('190905271474')).toBe('19090527-****');
    expect(maskPersonalNumber('1909052714')).toBe('********-****');
  });
});

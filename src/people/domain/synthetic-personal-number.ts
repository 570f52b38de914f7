/**
 * Synthetic personal identity numbers for the demo municipality: numbers that look and behave like
 * real ones (date of birth, samordningsnummer day + 60, sex in the födelsenummer) but can never
 * belong to a real person.
 *
 * Why not a reserved range. Sweden has none. Skatteverket publishes a list of *testpersonnummer*
 * (skatteverket.se, "API:er och öppna data", dataset "Testpersonnummer") and guarantees only the
 * listed numbers: "Dessa personnummer är formellt korrekta men kommer inte att tilldelas någon
 * verklig person. Observera att testpersonnummer bara får användas i testmiljö – aldrig i
 * produktionssystem." (SPAR, a Skatteverket register:
 * https://statenspersonadressregister.se/master/start/teknisk-info/kundtestmiljoe/). Mirrors of the
 * list (ActiveLogin/ActiveLogin.Identity, src/ActiveLogin.Identity.Swedish.TestData/AllPins.fs,
 * generated from Skatteverket's EntryScape resources 149, 535 and 686; rOpenGov/sweidnumbr,
 * data-raw/test_pin_skatteverket.csv) show födelsenummer 980/981 for dates in the 1890s, 238/239
 * for 1990–2019, only a few dozen scattered numbers a year (924, 630, 905, …) for 1930–1989, and
 * nothing after 2019. So the serials are not a reserved range (before 1990, födelsenummer 930–999
 * went to people born abroad, sv.wikipedia.org "Personnummer i Sverige": a "98x/99x" generator
 * would produce real people's numbers), and the list is too thin for a realistic population
 * (adults over 36, children under 7) and cannot be fetched from here. Every other number with a
 * valid date, födelsenummer 001–999 and a correct check digit can be, or become, someone's.
 *
 * The method. Everything is real except the check digit, which is the Luhn digit plus 5 (mod 10).
 * A personnummer consists of födelsetid, födelsenummer and a kontrollsiffra (18 § folkbokföringslagen)
 * that Skatteverket computes from the nine digits before it (Rättslig vägledning 2020.9,
 * "Personnummer"; the same for samordningsnummer, SKVM 2010:3), so each birth date and födelsenummer
 * has exactly one real check digit: a number whose last digit differs from it is nobody's, whatever
 * Skatteverket assigns in the future. This is Norway's approach for its synthetic population
 * register (synthetic fødselsnummer have 80 added to the month, a marker no real number can carry:
 * https://skatteetaten.github.io/api-dokumentasjon/test/testmiljo), put on the one part of a Swedish
 * number that carries no information. Finland instead reserves individual numbers 900–999 for
 * temporary identifiers that are never registered (python-stdnum pull request 66); Sweden has no
 * such range.
 *
 * The consequence: `parsePersonalNumber` refuses these numbers (reason 'checksum'), which also
 * stops a demo number from being registered in a real municipality. Code that must accept them in
 * the demo (e.g. search by number) must use `parseSyntheticPersonalNumber`.
 */
import {
  luhnCheckDigit,
  parsePersonalNumber,
  type ParsePersonalNumberResult,
  type PersonalNumberKind,
  type Sex,
} from './personnummer.ts';

export const SYNTHETIC_CHECK_DIGIT_OFFSET = 5;

/** The check digit of a synthetic number: never the Luhn digit that a real number has. */
export function syntheticCheckDigit(nineDigits: string): number {
  return (luhnCheckDigit(nineDigits) + SYNTHETIC_CHECK_DIGIT_OFFSET) % 10;
}

export interface SyntheticNumberRequest {
  /** The real date of birth, YYYY-MM-DD. */
  birthDate: string;
  sex: Sex;
  kind: PersonalNumberKind;
}

/** How many distinct födelsenummer a birth date has per sex: 499 even ones, 500 odd ones. */
export const serialsPerDate = (sex: Sex) => (sex === 'female' ? 499 : 500);

/**
 * The `ordinal`-th synthetic number (0-based) for a birth date, sex and kind, as twelve digits.
 * Different ordinals give different födelsenummer, spread over 001–999 rather than counting up.
 */
export function syntheticPersonalNumber(request: SyntheticNumberRequest, ordinal: number): string {
  const count = serialsPerDate(request.sex);
  if (!Number.isInteger(ordinal) || ordinal < 0 || ordinal >= count) {
    throw new RangeError(
      `No synthetic födelsenummer number ${ordinal} for ${request.birthDate} (${request.sex})`,
    );
  }
  const [year = '', month = '', day = ''] = request.birthDate.split('-');
  const writtenDay = Number(day) + (request.kind === 'samordningsnummer' ? 60 : 0);
  const datePart = `${year}${month}${String(writtenDay).padStart(2, '0')}`;
  // A stride coprime with 499 and 500 visits every födelsenummer once; the start depends on the date.
  const index = (dateHash(datePart) + ordinal * 211) % count;
  const serial = String(request.sex === 'female' ? 2 + 2 * index : 1 + 2 * index).padStart(3, '0');
  const nine = datePart.slice(2) + serial;
  return `${datePart}${serial}${syntheticCheckDigit(nine)}`;
}

/** Hands out distinct synthetic numbers in a fixed order: the same requests give the same numbers. */
export class SyntheticPersonalNumberAllocator {
  private readonly issued = new Map<string, number>();

  next(request: SyntheticNumberRequest): string {
    const key = `${request.birthDate}/${request.kind}/${request.sex}`;
    const ordinal = this.issued.get(key) ?? 0;
    this.issued.set(key, ordinal + 1);
    return syntheticPersonalNumber(request, ordinal);
  }
}

/** True when twelve digits end in the synthetic check digit (and so are not a real number). */
export function isSyntheticPersonalNumber(normalised: string): boolean {
  return (
    /^\d{12}$/.test(normalised) && Number(normalised[11]) === syntheticCheckDigit(normalised.slice(2, 11))
  );
}

/**
 * Parses a synthetic number in any of the input forms `parsePersonalNumber` accepts. A real
 * (correctly checked) number is refused with 'checksum', as it is not a synthetic one.
 */
export function parseSyntheticPersonalNumber(input: string, today: string): ParsePersonalNumberResult {
  const trimmed = input.trim();
  const strict = parsePersonalNumber(trimmed, today);
  if (strict.ok) return { ok: false, reason: 'checksum' };
  if (strict.reason !== 'checksum') return strict;
  const written = Number(trimmed.at(-1));
  const realCheckDigit = (written - SYNTHETIC_CHECK_DIGIT_OFFSET + 10) % 10;
  const repaired = parsePersonalNumber(trimmed.slice(0, -1) + String(realCheckDigit), today);
  if (!repaired.ok) return repaired;
  return {
    ok: true,
    value: { ...repaired.value, normalised: repaired.value.normalised.slice(0, 11) + written },
  };
}

/** A small deterministic hash (FNV-1a) of the date digits, to vary the first födelsenummer. */
function dateHash(digits: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < digits.length; i += 1) {
    hash ^= digits.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer):
 * parsing, validation and presentation. Pure functions; today's date is always a parameter.
 *
 * Rules (Skatteverket, Rättslig vägledning 2020.9 "Personnummer"; SKVM 2010:3 "Samordningsnummer"):
 * - födelsetid YYMMDD + födelsenummer NNN (001–999; odd for men, even for women) + a check digit
 *   computed with the Luhn (modulus 10, weights 2 and 1) method over the nine digits YYMMDDNNN;
 * - a samordningsnummer is built the same way with 60 added to the day of birth;
 * - the separator '-' becomes '+' from the year the person turns 100 (18 § FOL);
 * - stored with twelve digits, the century first (18, 19 or 20).
 * Interim numbers (a letter in the serial) and organisation numbers (month ≥ 20) are refused.
 */

export type PersonalNumberKind = 'personnummer' | 'samordningsnummer';
export type Sex = 'female' | 'male';

export interface PersonalNumber {
  /** Twelve digits YYYYMMDDNNNC; a samordningsnummer keeps its day + 60. */
  normalised: string;
  kind: PersonalNumberKind;
  /** The real date of birth, YYYY-MM-DD (day − 60 for a samordningsnummer). */
  birthDate: string;
  sex: Sex;
}

/**
 * Why a number was refused: 'format' (not shaped like a personal identity number: letters,
 * spaces inside, wrong length, födelsenummer 000, an organisation number), 'date' (no such date),
 * 'checksum' (wrong check digit), 'future' (born after today).
 */
export type PersonalNumberError = 'format' | 'date' | 'checksum' | 'future';

export type ParsePersonalNumberResult =
  { ok: true; value: PersonalNumber } | { ok: false; reason: PersonalNumberError };

const INPUT = /^(\d{6}|\d{8})([-+]?)(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SAMORDNING_DAY_OFFSET = 60;
const FIRST_CENTURY_YEAR = 1800;

export function parsePersonalNumber(input: string, today: string): ParsePersonalNumberResult {
  const todayDate = parseIsoDate(today);
  const match = INPUT.exec(input.trim());
  if (!match) return fail('format');
  const [, datePart = '', separator = '', serialAndCheck = ''] = match;

  const shortDate = datePart.slice(-6);
  const month = Number(shortDate.slice(2, 4));
  const writtenDay = Number(shortDate.slice(4, 6));
  const serial = serialAndCheck.slice(0, 3);
  // Organisation numbers have 20 or more in the month position; födelsenummer 000 is never given.
  if (month >= 20 || serial === '000') return fail('format');

  const year =
    datePart.length === 8
      ? Number(datePart.slice(0, 4))
      : yearFromTwoDigits(Number(shortDate.slice(0, 2)), separator === '+', todayDate.year);
  const kind: PersonalNumberKind = writtenDay > SAMORDNING_DAY_OFFSET ? 'samordningsnummer' : 'personnummer';
  const day = kind === 'samordningsnummer' ? writtenDay - SAMORDNING_DAY_OFFSET : writtenDay;
  if (year < FIRST_CENTURY_YEAR || !isValidDate(year, month, day)) return fail('date');

  const tenDigits = shortDate + serialAndCheck;
  if (luhnCheckDigit(tenDigits.slice(0, 9)) !== Number(tenDigits[9])) return fail('checksum');

  const birthDate = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (birthDate > today) return fail('future');

  return {
    ok: true,
    value: {
      normalised: pad(year, 4) + tenDigits.slice(2),
      kind,
      birthDate,
      sex: Number(serial[2]) % 2 === 1 ? 'male' : 'female',
    },
  };
}

/** 'YYYYMMDD-NNNN', with '+' from the year the person turns 100. */
export function formatPersonalNumber(pn: PersonalNumber, today: string): string {
  const separator = parseIsoDate(today).year - Number(pn.birthDate.slice(0, 4)) >= 100 ? '+' : '-';
  return `${pn.normalised.slice(0, 8)}${separator}${pn.normalised.slice(8)}`;
}

/** 'YYYYMMDD-****' for logs and lists; anything that is not twelve digits is masked entirely. */
export function maskPersonalNumber(normalised: string): string {
  return /^\d{12}$/.test(normalised) ? `${normalised.slice(0, 8)}-****` : '********-****';
}

/** The Luhn check digit of nine digits (weights 2, 1, 2, …; digits of products are summed). */
export function luhnCheckDigit(nineDigits: string): number {
  if (!/^\d{9}$/.test(nineDigits)) throw new RangeError('luhnCheckDigit needs exactly nine digits');
  let sum = 0;
  for (let i = 0; i < 9; i += 1) {
    const product = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * The century of a ten-digit number: with '-' or no separator the person is at most 99 (in years)
 * this year; with '+' at least 100. Only the year counts, as the separator changes on 1 January.
 */
function yearFromTwoDigits(twoDigits: number, hundredOrOlder: boolean, currentYear: number): number {
  const latest = hundredOrOlder ? currentYear - 100 : currentYear;
  return latest - ((((latest - twoDigits) % 100) + 100) % 100);
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parseIsoDate(value: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || !isValidDate(year, month, day)) throw new RangeError(`Not a date (YYYY-MM-DD): ${value}`);
  return { year, month, day };
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const fail = (reason: PersonalNumberError): ParsePersonalNumberResult => ({ ok: false, reason });

/**
 * The bank file for the monthly payment run: ISO 20022 pain.001.001.03 (Customer Credit Transfer
 * Initiation) as the Swedish banks read it — domestic SEK transfers from the municipality's bankgiro
 * to personal accounts (clearing number + account number), category purpose SSBE (social benefit).
 *
 * Pure and deterministic: the same run always gives the same string, so a file can be rebuilt and
 * compared byte for byte. Money is integer öre; kronor strings are made by digit shifting, never by
 * floating-point division.
 */

export interface Pain001Debtor {
  name: string;
  /** 10 digits, no hyphen. */
  organisationNumber: string;
  /** 7–8 digits, no hyphen. */
  bankgiro: string;
  /** The municipality's bank, e.g. ESSESESS. */
  bic: string;
}

export interface Pain001Payment {
  /** Max 35 characters; the bank returns it in its reports, so it is never truncated. */
  endToEndId: string;
  /** öre, a positive integer */
  amountOre: number;
  creditorName: string;
  /** 4–5 digits */
  clearingNumber: string;
  /** digits only, without the clearing number */
  accountNumber: string;
  /** e.g. "Ekonomiskt bistånd november 2026" */
  remittance: string;
}

export interface Pain001Run {
  /** Max 35 characters, unique per file sent to the bank. */
  messageId: string;
  /** Local ISO date-time without milliseconds, e.g. 2026-11-22T10:15:00. */
  createdAt: string;
  /** YYYY-MM-DD */
  executionDate: string;
  /** Max 35 characters. */
  paymentInfoId: string;
  debtor: Pain001Debtor;
  payments: readonly Pain001Payment[];
}

const NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03';
// Maximum lengths from the schema: PartyIdentification32/Nm and Ustrd are Max140Text; ids Max35Text;
// GenericAccountIdentification1/Id is Max34Text.
const MAX_NAME = 140;
const MAX_REMITTANCE = 140;
const MAX_ID = 35;
const MAX_ACCOUNT_ID = 34;

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
const BIC = /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/;

/** The exact sum of the amounts as kronor with two decimals, e.g. "12345.67". */
export function controlSum(payments: readonly Pick<Pain001Payment, 'amountOre'>[]): string {
  // BigInt so that even 100 000 large amounts cannot pass Number.MAX_SAFE_INTEGER unnoticed.
  let total = 0n;
  for (const payment of payments) total += BigInt(checkedAmount(payment.amountOre));
  return kronor(total.toString());
}

export function buildPain001(run: Pain001Run): string {
  const { debtor, payments } = run;
  if (payments.length === 0) throw new RangeError('pain.001: a payment run needs at least one payment');
  const nbOfTxs = String(payments.length);
  const ctrlSum = controlSum(payments);
  const debtorName = text(debtor.name, MAX_NAME, 'debtor name');

  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<Document xmlns="${NAMESPACE}">\n`,
    '<CstmrCdtTrfInitn>\n',
    '<GrpHdr>\n',
    `  <MsgId>${id(run.messageId, 'messageId')}</MsgId>\n`,
    `  <CreDtTm>${matching(run.createdAt, DATE_TIME, 'createdAt')}</CreDtTm>\n`,
    `  <NbOfTxs>${nbOfTxs}</NbOfTxs>\n`,
    `  <CtrlSum>${ctrlSum}</CtrlSum>\n`,
    `  <InitgPty><Nm>${debtorName}</Nm><Id><OrgId><Othr><Id>${matching(debtor.organisationNumber, /^\d{10}$/, 'organisationNumber')}</Id></Othr></OrgId></Id></InitgPty>\n`,
    '</GrpHdr>\n',
    '<PmtInf>\n',
    `  <PmtInfId>${id(run.paymentInfoId, 'paymentInfoId')}</PmtInfId>\n`,
    '  <PmtMtd>TRF</PmtMtd>\n',
    '  <BtchBookg>true</BtchBookg>\n',
    `  <NbOfTxs>${nbOfTxs}</NbOfTxs>\n`,
    `  <CtrlSum>${ctrlSum}</CtrlSum>\n`,
    '  <PmtTpInf><SvcLvl><Cd>NURG</Cd></SvcLvl><CtgyPurp><Cd>SSBE</Cd></CtgyPurp></PmtTpInf>\n',
    `  <ReqdExctnDt>${matching(run.executionDate, DATE, 'executionDate')}</ReqdExctnDt>\n`,
    `  <Dbtr><Nm>${debtorName}</Nm></Dbtr>\n`,
    `  <DbtrAcct><Id><Othr><Id>${matching(debtor.bankgiro, /^\d{7,8}$/, 'bankgiro')}</Id><SchmeNm><Prtry>BGNR</Prtry></SchmeNm></Othr></Id><Ccy>SEK</Ccy></DbtrAcct>\n`,
    `  <DbtrAgt><FinInstnId><BIC>${matching(debtor.bic, BIC, 'bic')}</BIC></FinInstnId></DbtrAgt>\n`,
    '  <ChrgBr>SLEV</ChrgBr>\n',
  ];
  // A run usually has one remittance text for everybody; clean and escape it once.
  const remittances = new Map<string, string>();
  for (const payment of payments) pushTransaction(parts, payment, remittances);
  parts.push('</PmtInf>\n', '</CstmrCdtTrfInitn>\n', '</Document>\n');
  return parts.join('');
}

// Pushing the pieces, rather than returning one string per payment, spares the garbage collector
// 20 000 intermediate strings.
function pushTransaction(parts: string[], payment: Pain001Payment, remittances: Map<string, string>): void {
  const clearing = matching(payment.clearingNumber, /^\d{4,5}$/, 'clearingNumber');
  const account = matching(payment.accountNumber, /^\d+$/, 'accountNumber');
  const bban = clearing + account;
  let remittance = remittances.get(payment.remittance);
  if (remittance === undefined) {
    remittance = text(payment.remittance, MAX_REMITTANCE, 'remittance');
    remittances.set(payment.remittance, remittance);
  }
  if (bban.length > MAX_ACCOUNT_ID) {
    throw new RangeError(`pain.001: clearing + account number is longer than ${MAX_ACCOUNT_ID} digits`);
  }
  parts.push(
    '  <CdtTrfTxInf>\n    <PmtId><EndToEndId>',
    id(payment.endToEndId, 'endToEndId'),
    '</EndToEndId></PmtId>\n    <Amt><InstdAmt Ccy="SEK">',
    kronor(String(checkedAmount(payment.amountOre))),
    '</InstdAmt></Amt>\n    <CdtrAgt><FinInstnId><ClrSysMmbId><ClrSysId><Cd>SESBA</Cd></ClrSysId><MmbId>',
    clearing,
    '</MmbId></ClrSysMmbId></FinInstnId></CdtrAgt>\n    <Cdtr><Nm>',
    text(payment.creditorName, MAX_NAME, 'creditorName'),
    '</Nm></Cdtr>\n    <CdtrAcct><Id><Othr><Id>',
    bban,
    '</Id><SchmeNm><Cd>BBAN</Cd></SchmeNm></Othr></Id></CdtrAcct>\n    <RmtInf><Ustrd>',
    remittance,
    '</Ustrd></RmtInf>\n  </CdtTrfTxInf>\n',
  );
}

function checkedAmount(amountOre: number): number {
  if (!Number.isSafeInteger(amountOre) || amountOre <= 0) {
    throw new RangeError(`pain.001: amount must be a positive whole number of öre, got ${amountOre}`);
  }
  return amountOre;
}

/** "12345" (öre, digits only) → "123.45" */
function kronor(oreDigits: string): string {
  const padded = oreDigits.padStart(3, '0');
  return `${padded.slice(0, -2)}.${padded.slice(-2)}`;
}

function matching(value: string, pattern: RegExp, field: string): string {
  if (!pattern.test(value)) throw new RangeError(`pain.001: invalid ${field}: ${JSON.stringify(value)}`);
  return value;
}

// Identifiers are matched against the bank's reports, so a too-long one is an error, not truncated.
function id(value: string, field: string): string {
  const clean = cleanText(value);
  if (clean.length === 0 || (clean.length > MAX_ID && [...clean].length > MAX_ID)) {
    throw new RangeError(`pain.001: ${field} must be 1–${MAX_ID} characters: ${JSON.stringify(value)}`);
  }
  return escapeXml(clean);
}

function text(value: string, max: number, field: string): string {
  const clean = cleanText(value);
  if (clean.length === 0) throw new RangeError(`pain.001: ${field} is empty`);
  return escapeXml(truncate(clean, max));
}

// Characters XML 1.0 cannot carry at all (controls, lone surrogates, U+FFFE/FFFF) would make the file
// unreadable; line breaks and tabs mean nothing in a name or a bank message.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching the characters XML forbids is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const BLANKS = /[\t\n\r ]+/g;
// Printable Latin-1 (which holds å, ä, ö, é, ü) is already NFC and XML-safe: the common case, kept fast.
const MAYBE_UNCLEAN = /[^\x20-\x7E\u00A0-\u00FF]| {2}|^ | $/;

function cleanText(value: string): string {
  if (!MAYBE_UNCLEAN.test(value)) return value;
  // NFC so that a decomposed Å (A + ring) counts and truncates as the one character it is.
  return value.normalize('NFC').replace(NOT_XML, '').replace(BLANKS, ' ').trim();
}

let graphemes: Intl.Segmenter | undefined;

/** Cut to at most `max` characters (as the schema counts them) without splitting a character. */
function truncate(value: string, max: number): string {
  if (value.length <= max) return value; // UTF-16 length ≥ code points, so this always fits
  graphemes ??= new Intl.Segmenter('sv', { granularity: 'grapheme' });
  let result = '';
  let codePoints = 0;
  for (const { segment } of graphemes.segment(value)) {
    const size = [...segment].length;
    if (codePoints + size > max) break;
    result += segment;
    codePoints += size;
  }
  return result.trimEnd();
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
const SPECIAL = /[&<>"']/g;
const HAS_SPECIAL = /[&<>"']/;

function escapeXml(value: string): string {
  return HAS_SPECIAL.test(value) ? value.replace(SPECIAL, (char) => ENTITIES[char]!) : value;
}

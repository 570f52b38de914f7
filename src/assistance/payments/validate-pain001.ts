/**
 * Validates a pain.001.001.03 bank file against the official ISO 20022 schema (libxml2 compiled to
 * WebAssembly, in a worker thread) and checks what a schema cannot express: that the counts and
 * control sums agree with the transactions, and that SEK amounts have whole öre.
 */
import { readFile } from 'node:fs/promises';
import { memoryPages, validateXML, type XMLValidationError } from 'xmllint-wasm';

export interface Pain001Validation {
  valid: boolean;
  /** "line 12: message" */
  errors: string[];
  /** The group header's NbOfTxs; NaN when it is missing or unreadable. */
  nbOfTxs: number;
  /** The group header's CtrlSum in öre; NaN when it is missing, unreadable or not whole öre. */
  ctrlSumOre: number;
}

const SCHEMA_URL = new URL('./schema/pain.001.001.03.xsd', import.meta.url);
let schema: Promise<string> | undefined;

function loadSchema(): Promise<string> {
  schema ??= readFile(SCHEMA_URL, 'utf8').catch((error: unknown) => {
    schema = undefined; // let the next call try again
    throw error;
  });
  return schema;
}

export async function validatePain001(xml: string): Promise<Pain001Validation> {
  const result = validateXML({
    xml: [{ fileName: 'pain001.xml', contents: xml }],
    schema: [{ fileName: 'pain.001.001.03.xsd', contents: await loadSchema() }],
    // The default cap (32 MiB) runs out of memory at about 20 000 transactions; 100 000 need ~600 MB.
    initialMemoryPages: 16 * memoryPages.MiB,
    maxMemoryPages: 2 * memoryPages.GiB,
  });
  const totals = checkTotals(xml); // runs while the worker validates
  const { valid, errors } = await result;
  return {
    valid: valid && totals.errors.length === 0,
    errors: [...errors.map(schemaError), ...totals.errors],
    nbOfTxs: totals.nbOfTxs,
    ctrlSumOre: totals.ctrlSumOre,
  };
}

function schemaError(error: XMLValidationError): string {
  return error.loc ? `line ${error.loc.lineNumber}: ${error.message.trim()}` : error.rawMessage.trim();
}

// Decimals are compared as integers scaled by 10^18 (CtrlSum may have up to 17 fraction digits), so
// the comparison is exact whatever the document holds.
const SCALE = 18;
const ORE_PER_UNIT = 10n ** BigInt(SCALE - 2);

interface Field {
  text: string;
  line: number;
}

/** Cross-checks our own generated layout: plain tags, no prefixes, no comments inside amounts. */
function checkTotals(xml: string): { errors: string[]; nbOfTxs: number; ctrlSumOre: number } {
  const errors: string[] = [];
  const lineAt = lineCursor(xml);
  const groupStart = xml.indexOf('<GrpHdr>');
  const groupEnd = xml.indexOf('</GrpHdr>', groupStart);
  if (groupStart === -1 || groupEnd === -1) {
    return { errors: ['line 1: the document has no GrpHdr'], nbOfTxs: NaN, ctrlSumOre: NaN };
  }
  const groupLine = lineAt(groupStart);
  const group = readHeader(xml, groupStart, groupEnd, lineAt);

  let count = 0;
  let sum = 0n;
  for (
    let start = xml.indexOf('<PmtInf>', groupEnd);
    start !== -1;
    start = xml.indexOf('<PmtInf>', start + 1)
  ) {
    const close = xml.indexOf('</PmtInf>', start);
    const end = close === -1 ? xml.length : close;
    const firstTx = xml.indexOf('<CdtTrfTxInf>', start);
    const headerLine = lineAt(start);
    const header = readHeader(xml, start, firstTx === -1 || firstTx > end ? end : firstTx, lineAt);
    const txs = readTransactions(xml, start, end, lineAt, errors);
    compare('PmtInf', header, headerLine, txs.count, txs.sum, false, errors);
    count += txs.count;
    sum += txs.sum;
  }
  compare('GrpHdr', group, groupLine, count, sum, true, errors);

  const ctrlSum = group.ctrlSum && parseDecimal(group.ctrlSum.text);
  return {
    errors,
    nbOfTxs: group.nbOfTxs && /^\d+$/.test(group.nbOfTxs.text) ? Number(group.nbOfTxs.text) : NaN,
    ctrlSumOre: ctrlSum && ctrlSum.value % ORE_PER_UNIT === 0n ? Number(ctrlSum.value / ORE_PER_UNIT) : NaN,
  };
}

function readHeader(
  xml: string,
  from: number,
  to: number,
  lineAt: (index: number) => number,
): { nbOfTxs: Field | null; ctrlSum: Field | null } {
  const field = (tag: string): Field | null => {
    const pattern = new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g');
    pattern.lastIndex = from;
    const match = pattern.exec(xml);
    return match && match.index < to ? { text: match[1]!.trim(), line: lineAt(match.index) } : null;
  };
  return { nbOfTxs: field('NbOfTxs'), ctrlSum: field('CtrlSum') };
}

function readTransactions(
  xml: string,
  from: number,
  to: number,
  lineAt: (index: number) => number,
  errors: string[],
): { count: number; sum: bigint } {
  const pattern = /<CdtTrfTxInf>|<InstdAmt\b[^>]*>([^<]*)<\/InstdAmt>/g;
  pattern.lastIndex = from;
  let count = 0;
  let sum = 0n;
  for (let match = pattern.exec(xml); match && match.index < to; match = pattern.exec(xml)) {
    if (match[1] === undefined) {
      count++;
      continue;
    }
    const amount = parseDecimal(match[1]);
    if (!amount) {
      errors.push(`line ${lineAt(match.index)}: InstdAmt '${match[1]}' is not a decimal number`);
    } else {
      if (amount.decimals > 2) {
        errors.push(`line ${lineAt(match.index)}: InstdAmt ${match[1].trim()} has more than 2 decimals`);
      }
      sum += amount.value;
    }
  }
  return { count, sum };
}

function compare(
  level: 'GrpHdr' | 'PmtInf',
  header: { nbOfTxs: Field | null; ctrlSum: Field | null },
  headerLine: number,
  count: number,
  sum: bigint,
  required: boolean,
  errors: string[],
): void {
  const { nbOfTxs, ctrlSum } = header;
  if (!nbOfTxs) {
    if (required) errors.push(`line ${headerLine}: ${level} has no NbOfTxs`);
  } else if (!/^\d+$/.test(nbOfTxs.text) || Number(nbOfTxs.text) !== count) {
    errors.push(
      `line ${nbOfTxs.line}: ${level} NbOfTxs is ${nbOfTxs.text} but there are ${count} CdtTrfTxInf`,
    );
  }
  if (!ctrlSum) {
    if (required) errors.push(`line ${headerLine}: ${level} has no CtrlSum`);
    return;
  }
  const declared = parseDecimal(ctrlSum.text);
  if (!declared || declared.value !== sum) {
    errors.push(
      `line ${ctrlSum.line}: ${level} CtrlSum is ${ctrlSum.text} but the InstdAmt add up to ${formatDecimal(sum)}`,
    );
  } else if (declared.decimals > 2) {
    errors.push(`line ${ctrlSum.line}: ${level} CtrlSum ${ctrlSum.text} has more than 2 decimals`);
  }
}

/** xs:decimal text → integer scaled by 10^SCALE, and the number of decimals as written. */
function parseDecimal(text: string): { value: bigint; decimals: number } | null {
  const match = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(text);
  if (!match) return null;
  const [, sign, whole = '', fraction = ''] = match;
  if (whole + fraction === '' || fraction.length > SCALE) return null;
  const value = BigInt(whole + fraction.padEnd(SCALE, '0'));
  return { value: sign === '-' ? -value : value, decimals: fraction.length };
}

function formatDecimal(value: bigint): string {
  const digits = (value < 0n ? -value : value).toString().padStart(SCALE + 1, '0');
  const whole = digits.slice(0, -SCALE);
  const fraction = digits.slice(-SCALE).replace(/0+$/, '').padEnd(2, '0');
  return `${value < 0n ? '-' : ''}${whole}.${fraction}`;
}

/** Line numbers for positions asked for in increasing order, without rescanning from the start. */
function lineCursor(xml: string): (index: number) => number {
  let at = 0;
  let line = 1;
  return (index) => {
    if (index < at) {
      at = 0;
      line = 1;
    }
    for (let nl = xml.indexOf('\n', at); nl !== -1 && nl < index; nl = xml.indexOf('\n', nl + 1)) line++;
    at = index;
    return line;
  };
}

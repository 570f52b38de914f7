import { describe, expect, it } from 'vitest';
import { buildPain001, type Pain001Payment, type Pain001Run } from '../domain/payments/pain001.ts';
import { validatePain001 } from './validate-pain001.ts';

const payment = (n: number, amountOre: number): Pain001Payment => ({
  endToEndId: `UTB-2026-11-${String(n).padStart(6, '0')}`,
  amountOre,
  creditorName: n === 2 ? 'Åsa & Öberg <AB>' : `Mottagare ${n}`,
  clearingNumber: '8327',
  accountNumber: String(9_123_456_000 + n),
  remittance: 'Ekonomiskt bistånd november 2026',
});

const run = (payments: Pain001Payment[]): Pain001Run => ({
  messageId: 'KEDJAN-2026-11-0001',
  createdAt: '2026-11-22T10:15:00',
  executionDate: '2026-11-25',
  paymentInfoId: 'UTB-2026-11',
  debtor: {
    name: 'Exempelstads kommun',
    organisationNumber: '2120000000',
    bankgiro: '56781234',
    bic: 'ESSESESS',
  },
  payments,
});

const lineOf = (xml: string, needle: string) => xml.slice(0, xml.indexOf(needle)).split('\n').length;

const amounts = [1, 999_999, 523_050];
const threePayments = buildPain001(run(amounts.map((ore, i) => payment(i + 1, ore))));

describe('validatePain001', () => {
  it('accepts a built document and reports its header totals', async () => {
    expect(await validatePain001(threePayments)).toEqual({
      valid: true,
      errors: [],
      nbOfTxs: 3,
      ctrlSumOre: 1 + 999_999 + 523_050,
    });
  });

  it('reports a control sum that does not match the transactions, which the schema allows', async () => {
    const tampered = threePayments.replace('<CtrlSum>15230.50</CtrlSum>', '<CtrlSum>15230.51</CtrlSum>');
    const result = await validatePain001(tampered);
    expect(result.valid).toBe(false);
    expect(result.ctrlSumOre).toBe(1_523_051);
    expect(result.errors).toEqual([
      `line ${lineOf(tampered, '<CtrlSum>')}: GrpHdr CtrlSum is 15230.51 but the InstdAmt add up to 15230.50`,
    ]);
  });

  it('also checks the payment information block against its own transactions', async () => {
    const at = threePayments.indexOf('<PmtInf>');
    const tampered =
      threePayments.slice(0, at) +
      threePayments.slice(at).replace('<CtrlSum>15230.50<', '<CtrlSum>15230.49<');
    const result = await validatePain001(tampered);
    expect(result.valid).toBe(false);
    expect(result.ctrlSumOre).toBe(1_523_050);
    expect(result.errors).toEqual([
      `line ${lineOf(tampered, '<CtrlSum>15230.49')}: PmtInf CtrlSum is 15230.49 but the InstdAmt add up to 15230.50`,
    ]);
  });

  it('reports a count that does not match and an amount with more than 2 decimals', async () => {
    const tampered = threePayments
      .replace('<NbOfTxs>3</NbOfTxs>', '<NbOfTxs>4</NbOfTxs>')
      .replace('>0.01</InstdAmt>', '>0.010</InstdAmt>');
    const result = await validatePain001(tampered);
    expect(result.valid).toBe(false);
    expect(result.nbOfTxs).toBe(4);
    expect(result.errors).toEqual([
      `line ${lineOf(tampered, '0.010')}: InstdAmt 0.010 has more than 2 decimals`,
      `line ${lineOf(tampered, '<NbOfTxs>')}: GrpHdr NbOfTxs is 4 but there are 3 CdtTrfTxInf`,
    ]);
  });

  it('reports a missing element with its line number', async () => {
    const line = lineOf(threePayments, '<EndToEndId>UTB-2026-11-000002</EndToEndId>');
    const broken = threePayments.replace('<EndToEndId>UTB-2026-11-000002</EndToEndId>', '');
    const result = await validatePain001(broken);
    expect(result.valid).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(new RegExp(`^line ${line}: .*PmtId.*Missing child element.*EndToEndId`));
  });

  it('validates a 20 000-payment run', async () => {
    const payments = Array.from({ length: 20_000 }, (_, i) => payment(i + 1, 10_000 + ((i * 137) % 900_000)));
    const expectedOre = payments.reduce((total, p) => total + p.amountOre, 0);
    const result = await validatePain001(buildPain001(run(payments)));
    expect(result).toEqual({ valid: true, errors: [], nbOfTxs: 20_000, ctrlSumOre: expectedOre });
  }, 20_000);
});

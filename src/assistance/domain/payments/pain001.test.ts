import { describe, expect, it } from 'vitest';
import { buildPain001, controlSum, type Pain001Payment, type Pain001Run } from './pain001.ts';

const payment = (n: number, overrides: Partial<Pain001Payment> = {}): Pain001Payment => ({
  endToEndId: `UTB-2026-11-${String(n).padStart(6, '0')}`,
  amountOre: 523_050,
  creditorName: `Mottagare ${n}`,
  clearingNumber: '8327',
  accountNumber: '9123456789',
  remittance: 'Ekonomiskt bistånd november 2026',
  ...overrides,
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

const sum = (ore: number[]) => controlSum(ore.map((amountOre) => ({ amountOre })));
const all = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);

describe('controlSum', () => {
  it.each([
    [[1], '0.01'],
    [[10], '0.10'],
    [[100], '1.00'],
    [[999_999], '9999.99'],
    [[10, 20], '0.30'],
    [[1, 999_999], '10000.00'],
    [[Number.MAX_SAFE_INTEGER, 1], '90071992547409.92'],
  ])('%j öre → %s kr, exactly', (ore, expected) => {
    expect(sum(ore)).toBe(expected);
  });

  it('100 000 payments of 1 öre add up to 1000.00 with no drift', () => {
    expect(sum(Array.from({ length: 100_000 }, () => 1))).toBe('1000.00');
  });

  it.each([0, -100, 12.5, NaN])('refuses %s öre', (amountOre) => {
    expect(() => sum([amountOre])).toThrow(RangeError);
  });
});

describe('buildPain001', () => {
  it('is deterministic: the same run gives the same string', () => {
    const payments = [payment(1), payment(2, { amountOre: 1 })];
    expect(buildPain001(run(payments))).toBe(buildPain001(run(payments.map((p) => ({ ...p })))));
  });

  it('carries the count and the control sum in both the group header and the payment information', () => {
    const xml = buildPain001(
      run([payment(1, { amountOre: 1 }), payment(2, { amountOre: 999_999 }), payment(3)]),
    );
    expect(all(xml, 'NbOfTxs')).toEqual(['3', '3']);
    expect(all(xml, 'CtrlSum')).toEqual(['15230.50', '15230.50']);
    expect([...xml.matchAll(/<InstdAmt Ccy="SEK">([^<]*)</g)].map((m) => m[1])).toEqual([
      '0.01',
      '9999.99',
      '5230.50',
    ]);
  });

  it('keeps the payments in the given order', () => {
    const payments = [5, 3, 9, 1].map((n) => payment(n));
    expect(all(buildPain001(run(payments)), 'EndToEndId')).toEqual(payments.map((p) => p.endToEndId));
  });

  it('uses the Swedish layout: bankgiro debtor, BBAN creditor through the Bankgiro clearing code', () => {
    const xml = buildPain001(run([payment(1)]));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(xml).toContain('<PmtMtd>TRF</PmtMtd>');
    expect(xml).toContain('<BtchBookg>true</BtchBookg>');
    expect(xml).toContain('<SvcLvl><Cd>NURG</Cd></SvcLvl><CtgyPurp><Cd>SSBE</Cd></CtgyPurp>');
    expect(xml).toContain('<ChrgBr>SLEV</ChrgBr>');
    expect(xml).toContain('<Othr><Id>56781234</Id><SchmeNm><Prtry>BGNR</Prtry></SchmeNm></Othr>');
    expect(xml).toContain('<BIC>ESSESESS</BIC>');
    expect(xml).toContain('<ClrSysId><Cd>SESBA</Cd></ClrSysId><MmbId>8327</MmbId>');
    expect(xml).toContain('<Othr><Id>83279123456789</Id><SchmeNm><Cd>BBAN</Cd></SchmeNm></Othr>');
    expect(xml).toContain('<InitgPty><Nm>Exempelstads kommun</Nm><Id><OrgId><Othr><Id>2120000000</Id>');
    expect(xml).toContain('<RmtInf><Ustrd>Ekonomiskt bistånd november 2026</Ustrd></RmtInf>');
  });

  it('escapes XML special characters and keeps Swedish letters', () => {
    const xml = buildPain001(
      run([payment(1, { creditorName: 'Åsa & Öberg <AB>', remittance: `"Bistånd" för Äng's` })]),
    );
    expect(xml).toContain('<Cdtr><Nm>Åsa &amp; Öberg &lt;AB&gt;</Nm></Cdtr>');
    expect(xml).toContain('<Ustrd>&quot;Bistånd&quot; för Äng&apos;s</Ustrd>');
  });

  it('truncates long names to 140 characters without splitting a character, and before escaping', () => {
    // The last character is A with diaeresis and ring: NFC composes Ä, the ring stays a second code point.
    const name = `${'&'.repeat(139)}A\u0308\u030A`;
    const xml = buildPain001(run([payment(1, { creditorName: name })]));
    expect(all(xml, 'Nm')[2]).toBe('&amp;'.repeat(139));
  });

  it('composes decomposed letters and drops characters XML cannot carry', () => {
    const xml = buildPain001(run([payment(1, { creditorName: 'A\u030Asa\u0000\n Berg' })]));
    expect(xml).toContain('<Cdtr><Nm>Åsa Berg</Nm></Cdtr>');
  });

  it.each<[string, Partial<Pain001Payment>]>([
    ['an amount that is not whole öre', { amountOre: 100.5 }],
    ['an end-to-end id longer than 35 characters', { endToEndId: 'X'.repeat(36) }],
    ['a clearing number of 3 digits', { clearingNumber: '832' }],
    ['an account number with a hyphen', { accountNumber: '912-345' }],
    ['an empty creditor name', { creditorName: ' ' }],
  ])('refuses %s', (_, overrides) => {
    expect(() => buildPain001(run([payment(1, overrides)]))).toThrow(RangeError);
  });

  it('refuses an empty payment run', () => {
    expect(() => buildPain001(run([]))).toThrow(RangeError);
  });
});

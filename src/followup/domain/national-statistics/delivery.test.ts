import { describe, expect, it } from 'vitest';
import {
  buildDelivery,
  caseReference,
  findingMessage,
  householdType,
  validateDelivery,
  validPersonalNumber,
} from './delivery.ts';
import { deliveryDueOn, deliveryFileName, FILE_HEADER, recordsToFile } from './format.ts';
import type { StatisticsMember, StatisticsMonthRecords } from './records.ts';

const CASE_A = '3f2a9c10-0000-4000-8000-000000000001';
const CASE_B = '7b00aa22-0000-4000-8000-000000000002';

const member = (over: Partial<StatisticsMember> & Pick<StatisticsMember, 'personId'>): StatisticsMember => ({
  personalNumber: '199004042389',
  role: 'applicant',
  sex: 'female',
  birthDate: '1990-04-04',
  protectedIdentity: false,
  reasonCode: 'unemployed_no_benefit',
  inMunicipalMeasure: false,
  ...over,
});

const nora = member({ personId: 'p-nora' });
const olle = member({
  personId: 'p-olle',
  personalNumber: '198808083276',
  role: 'co_applicant',
  sex: 'male',
  birthDate: '1988-08-08',
  reasonCode: 'sick_with_certificate',
  inMunicipalMeasure: true,
});
const emil = member({
  personId: 'p-emil',
  personalNumber: '201203032394',
  role: 'child',
  sex: 'male',
  birthDate: '2012-03-03',
  reasonCode: null,
});

const records = (over: Partial<StatisticsMonthRecords> = {}): StatisticsMonthRecords => ({
  municipalityId: '9001',
  month: '2026-10',
  households: [
    {
      householdId: 'h-a',
      caseId: CASE_A,
      payments: [
        { paymentId: 'pay-1', amountOre: 800_050, decisionSigned: true },
        { paymentId: 'pay-2', amountOre: 100_000, decisionSigned: true },
      ],
      members: [emil, olle, nora],
    },
  ],
  closedCases: [],
  ...over,
});

describe('household type', () => {
  it('follows the register codes: single woman/man with or without children, couples', () => {
    expect(householdType([nora])).toBe('5');
    expect(householdType([nora, emil])).toBe('6');
    expect(householdType([{ ...nora, sex: 'male' }])).toBe('3');
    expect(householdType([{ ...nora, sex: 'male' }, emil])).toBe('4');
    expect(householdType([nora, olle])).toBe('7');
    expect(householdType([nora, olle, emil])).toBe('8');
    expect(householdType([emil])).toBe('1');
    expect(householdType([])).toBe('9');
  });
});

describe('building the delivery', () => {
  it('writes one row per adult, applicant first, with the household amount once in whole kronor', () => {
    const delivery = buildDelivery(records());
    expect(delivery.records).toHaveLength(2);
    const [applicant, partner] = delivery.records;
    expect(applicant).toMatchObject({
      posttyp: '1',
      kommun: '9001',
      period: '202610',
      hushall: 'h-a',
      personnummer: '199004042389',
      roll: 'S',
      hushallstyp: '8',
      antal_barn: '1',
      utbetalt_kr: '9001',
      forsorjningshinder: 'unemployed_no_benefit',
      arbetsmarknadsinsats: 'N',
      avslutsorsak: '',
    });
    expect(partner).toMatchObject({ roll: 'M', utbetalt_kr: '0', arbetsmarknadsinsats: 'J' });
    expect(delivery.summary).toMatchObject({
      households: 1,
      adults: 2,
      children: 1,
      paidOre: 900_050,
      adultsInMeasure: 1,
      closedCases: 0,
      rows: 2,
      dueOn: '2026-11-15',
    });
    // the child's number is not in the file, so not among the persons named by it
    expect(delivery.personIds).toEqual(['p-nora', 'p-olle']);
  });

  it('writes the exit of a closed case as record type 2 per adult', () => {
    const delivery = buildDelivery(
      records({
        households: [],
        closedCases: [
          {
            caseId: CASE_B,
            householdId: 'h-b',
            closedOn: '2026-10-20',
            exitReason: 'work',
            members: [nora, emil],
          },
        ],
      }),
    );
    expect(delivery.records).toEqual([
      expect.objectContaining({
        posttyp: '2',
        period: '202610',
        personnummer: '199004042389',
        roll: 'S',
        avslutsorsak: 'work',
        avslutsdatum: '2026-10-20',
        utbetalt_kr: '',
      }),
    ]);
    expect(delivery.summary.closedCases).toBe(1);
    expect(delivery.caseIds).toEqual([CASE_B]);
  });

  it('serialises as semicolon-separated lines with a header and CRLF', () => {
    const text = recordsToFile(buildDelivery(records()).records);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(FILE_HEADER.join(';'));
    expect(lines[0]).toBe(
      'posttyp;kommun;period;hushall;personnummer;roll;hushallstyp;antal_barn;utbetalt_kr;forsorjningshinder;arbetsmarknadsinsats;avslutsorsak;avslutsdatum',
    );
    expect(lines[1]).toBe('1;9001;202610;h-a;199004042389;S;8;1;9001;unemployed_no_benefit;N;;');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(4);
  });

  it('names the file and the due date by the month', () => {
    expect(deliveryFileName('9001', '2026-10')).toBe('ekb_9001_202610.csv');
    expect(deliveryDueOn('2026-12')).toBe('2027-01-15');
    expect(deliveryDueOn('2026-01')).toBe('2026-02-15');
  });
});

describe('validation', () => {
  it('finds nothing in a complete month', () => {
    expect(validateDelivery(records())).toEqual([]);
  });

  it('flags an adult without a reason code for a month with payment, but not a child', () => {
    const findings = validateDelivery(
      records({
        households: [{ ...records().households[0]!, members: [{ ...nora, reasonCode: null }, emil] }],
      }),
    );
    expect(findings).toEqual([
      {
        rule: 'missing_reason_code',
        severity: 'error',
        caseId: CASE_A,
        caseRef: 'ÄR-3F2A9C10',
        personId: 'p-nora',
        params: { month: '2026-10' },
      },
    ]);
    expect(findingMessage(findings[0]!)).toBe('En vuxen i hushållet saknar försörjningshinder för 2026-10.');
  });

  it('flags a reason code that is not in the code list of the month', () => {
    const findings = validateDelivery(
      records({
        households: [{ ...records().households[0]!, members: [{ ...nora, reasonCode: 'bored' }] }],
      }),
    );
    expect(findings.map((f) => [f.rule, f.params['code']])).toEqual([['unknown_reason_code', 'bored']]);
  });

  it('flags a payment without a signed decision, once per case', () => {
    const findings = validateDelivery(
      records({
        households: [
          {
            ...records().households[0]!,
            payments: [
              { paymentId: 'x', amountOre: 100, decisionSigned: false },
              { paymentId: 'y', amountOre: 100, decisionSigned: false },
            ],
          },
        ],
      }),
    );
    expect(findings.map((f) => f.rule)).toEqual(['payment_without_decision']);
    expect(findingMessage(findings[0]!)).toBe('En utbetalning för 2026-10 saknar undertecknat beslut.');
  });

  it('flags a closed case without an exit reason, and an unknown one', () => {
    const findings = validateDelivery(
      records({
        households: [],
        closedCases: [
          { caseId: CASE_A, householdId: 'h-a', closedOn: '2026-10-31', exitReason: null, members: [nora] },
          { caseId: CASE_B, householdId: 'h-b', closedOn: '2026-10-02', exitReason: 'lottery', members: [] },
        ],
      }),
    );
    expect(findings.map((f) => [f.rule, f.caseRef])).toEqual([
      ['closed_without_exit_reason', 'ÄR-3F2A9C10'],
      ['unknown_exit_reason', 'ÄR-7B00AA22'],
    ]);
    expect(findingMessage(findings[0]!)).toBe('Ärendet avslutades 2026-10-31 utan avslutsorsak.');
  });

  it('flags a household without an applicant', () => {
    const findings = validateDelivery(
      records({
        households: [{ ...records().households[0]!, members: [olle] }],
      }),
    );
    expect(findings.map((f) => f.rule)).toEqual(['no_applicant']);
  });

  it('flags an invalid personal identity number', () => {
    expect(validPersonalNumber('199004042389')).toBe(true);
    expect(validPersonalNumber('199004042388')).toBe(false);
    const findings = validateDelivery(
      records({
        households: [{ ...records().households[0]!, members: [{ ...nora, personalNumber: '199004042388' }] }],
      }),
    );
    expect(findings.map((f) => f.rule)).toEqual(['invalid_personal_number']);
  });

  it('warns about protected identities without naming them, after the errors', () => {
    const findings = validateDelivery(
      records({
        households: [
          {
            ...records().households[0]!,
            members: [
              { ...nora, protectedIdentity: true },
              { ...olle, reasonCode: null },
            ],
          },
        ],
      }),
    );
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['missing_reason_code', 'error'],
      ['protected_identity', 'warning'],
    ]);
    const message = findingMessage(findings[1]!);
    expect(message).not.toContain('1990');
    expect(message).toContain('skyddade personuppgifter');
  });

  it('writes the messages in English on request', () => {
    const [f] = validateDelivery(
      records({
        households: [{ ...records().households[0]!, members: [{ ...nora, reasonCode: null }] }],
      }),
    );
    expect(findingMessage(f!, 'en')).toBe('An adult in the household has no reason code for 2026-10.');
  });

  it('refers to cases without naming anyone', () => {
    expect(caseReference(CASE_A)).toBe('ÄR-3F2A9C10');
  });
});

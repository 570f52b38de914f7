import { describe, expect, it } from 'vitest';
import { syntheticPersonalNumber } from '../../../people/domain/synthetic-personal-number.ts';
import { formatRowError, parseKronor, validateImport } from './validate.ts';

const options = { today: '2026-11-20', allowSynthetic: false };
const HOUSEHOLDS_HEADER = 'hushåll;personnummer;förnamn;efternamn;roll;enhet;ärende_öppnat;skyddad_identitet';

describe('parseKronor', () => {
  it('reads kronor with a decimal comma or point and spaces between thousands, as öre', () => {
    expect(parseKronor('7200')).toBe(720_000);
    expect(parseKronor('7 200,50')).toBe(720_050);
    expect(parseKronor('7\u00a0200,5')).toBe(720_050);
    expect(parseKronor('0,05')).toBe(5);
    expect(parseKronor('12.34')).toBe(1234);
  });

  it('refuses what is not an amount', () => {
    for (const text of ['', '-100', '1.234,50', '12,345', 'tio', '7200 kr'])
      expect(parseKronor(text)).toBeUndefined();
  });
});

describe('validateImport: households', () => {
  it('reads a good file into typed rows', () => {
    const file = [
      HOUSEHOLDS_HEADER,
      'H1;19900404-2389;Nora;Ek;sökande;Nord;2024-02-01;nej',
      'H1;201203032394;Emil;Ek;Barn;Nord;2024-02-01;',
      'H2;199505052390;Adam;Berg;sökande;Syd;2023-05-10;ja',
    ].join('\n');
    const result = validateImport('households', file, options);
    expect(result.ok).toBe(true);
    if (!result.ok || result.data.kind !== 'households') return;
    expect(result.data.rows).toHaveLength(3);
    expect(result.data.rows[1]).toMatchObject({
      line: 3,
      household: 'H1',
      role: 'child',
      person: { normalised: '201203032394', birthDate: '2012-03-03', sex: 'male' },
      protectedIdentity: false,
    });
    expect(result.data.rows[2]!.protectedIdentity).toBe(true);
  });

  it('reports every bad row with its line number, in Swedish', () => {
    const file = [
      HOUSEHOLDS_HEADER,
      'H1;19900404-2389;Nora;Ek;sökande;Nord;2024-02-01;nej',
      'H1;19900404-2380;Emil;Ek;barn;Nord;2024-02-01;nej',
      'H2;19950505-2390;;Berg;chef;Syd;2023-13-10;kanske',
    ].join('\n');
    const result = validateImport('households', file, options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => formatRowError(e))).toEqual([
      'rad 3: personnumret är inte giltigt: kontrollsiffran stämmer inte',
      'rad 4: förnamn saknas',
      'rad 4: roll ska vara något av: sökande, medsökande, barn, annan vuxen',
      'rad 4: ärende_öppnat ska vara ett datum (ÅÅÅÅ-MM-DD)',
      'rad 4: skyddad_identitet ska vara något av: ja, nej',
    ]);
  });

  it('checks the rows against each other: one applicant per household, each person once', () => {
    const file = [
      HOUSEHOLDS_HEADER,
      'H1;19900404-2389;Nora;Ek;sökande;Nord;2024-02-01;',
      'H1;19920202-2381;Stina;Ek;sökande;Nord;2024-02-01;',
      'H2;19900404-2389;Nora;Ek;sökande;Syd;2024-02-01;',
      'H3;20120303-2394;Emil;Ek;barn;Syd;2024-02-01;',
    ].join('\n');
    const result = validateImport('households', file, options);
    expect(result.ok ? [] : result.errors.map((e) => formatRowError(e))).toEqual([
      'rad 3: hushållet H1 har redan en sökande på rad 2',
      'rad 4: personnumret finns redan på rad 2',
      'rad 5: hushållet H3 har ingen sökande',
    ]);
  });

  it('accepts the demo’s synthetic numbers only where it is told to', () => {
    const synthetic = syntheticPersonalNumber(
      { birthDate: '1990-04-04', sex: 'female', kind: 'personnummer' },
      0,
    );
    const file = `${HOUSEHOLDS_HEADER}\nH1;${synthetic};Nora;Ek;sökande;Nord;2024-02-01;`;
    expect(validateImport('households', file, options).ok).toBe(false);
    expect(validateImport('households', file, { ...options, allowSynthetic: true }).ok).toBe(true);
  });

  it('refuses a header with a missing or unknown column, and a row with the wrong number of fields', () => {
    const header = validateImport(
      'households',
      'hushåll;personnummer;förnamn;efternamn;roll;enhet;öppnat\n',
      options,
    );
    expect(header.ok ? [] : header.errors.map((e) => e.message)).toEqual([
      'kolumnen öppnat är okänd',
      'kolumnen ärende_öppnat saknas i rubrikraden',
    ]);
    const fields = validateImport('households', `${HOUSEHOLDS_HEADER}\nH1;19900404-2389;Nora`, options);
    expect(fields.ok ? [] : fields.errors).toEqual([
      { line: 2, message: 'raden har 3 fält men rubrikraden har 8' },
    ]);
    const empty = validateImport('households', `${HOUSEHOLDS_HEADER}\n`, options);
    expect(empty.ok ? [] : empty.errors).toEqual([
      { line: 1, message: 'filen har inga rader under rubrikraden' },
    ]);
  });

  it('reports a broken quote with its line and stops there', () => {
    const result = validateImport('households', `${HOUSEHOLDS_HEADER}\nH1;"19900404-2389;Nora\n`, options);
    expect(result.ok ? [] : result.errors.map((e) => e.line)).toEqual([2]);
  });

  it('speaks English when asked', () => {
    const result = validateImport(
      'households',
      `${HOUSEHOLDS_HEADER}\nH1;19900404-2380;Nora;Ek;sökande;Nord;2024-02-01;`,
      {
        ...options,
        locale: 'en',
      },
    );
    expect(result.ok ? [] : result.errors.map((e) => formatRowError(e, 'en'))).toEqual([
      'line 2: the personal identity number is not valid: the check digit does not match',
    ]);
  });
});

describe('validateImport: applications, decisions, payments', () => {
  it('reads applications with amounts in kronor and housing', () => {
    const file = [
      'personnummer;månad;inkommen;komplett;kanal;hyra;övriga_kostnader;inkomster;adress;lägenhet;kontrakt',
      '19900404-2389;2026-10;2026-09-20;2026-09-22;e-ansökan;7 200,50;;1 250;Storgatan 1;1102;',
      '"19950505-2390";2026-10;2026-09-21;;;6500;300;;"Lillgatan 2; uppg. B";;K-9',
    ].join('\r\n');
    const result = validateImport('applications', file, options);
    expect(result.ok).toBe(true);
    if (!result.ok || result.data.kind !== 'applications') return;
    expect(result.data.rows[0]).toMatchObject({
      month: '2026-10-01',
      channel: 'e_application',
      rentOre: 720_050,
      otherCostsOre: null,
      incomesOre: 125_000,
      apartment: '1102',
    });
    expect(result.data.rows[1]).toMatchObject({
      channel: 'paper',
      address: 'Lillgatan 2; uppg. B',
      contract: 'K-9',
    });
  });

  it('refuses an application completed before it came in, and two for one month', () => {
    const file = [
      'personnummer;månad;inkommen;komplett',
      '19900404-2389;2026-10;2026-09-20;2026-09-19',
      '19900404-2389;2026-11;2026-10-20;',
      '199004042389;2026-11;2026-10-21;',
      '19900404-2389;2027-01;2027-01-02;',
    ].join('\n');
    const result = validateImport('applications', file, options);
    expect(result.ok ? [] : result.errors.map((e) => formatRowError(e))).toEqual([
      'rad 2: ansökan kan inte ha blivit komplett innan den kom in',
      'rad 4: personen har redan en rad för 2026-11 på rad 3',
      'rad 5: inkommen ligger i framtiden',
    ]);
  });

  it('reads decisions and payments', () => {
    const decisions = validateImport(
      'decisions',
      'personnummer;månad;beslutsdatum;beviljat;utbetalningsdag;motivering\n19900404-2389;2026-10;2026-09-25;9 740;2026-09-29;Bifall enligt norm\n',
      options,
    );
    expect(decisions.ok && decisions.data.rows[0]).toMatchObject({
      grantedOre: 974_000,
      payOn: '2026-09-29',
    });
    const payments = validateImport(
      'payments',
      'personnummer;månad;utbetalningsdag;belopp;clearingnummer;kontonummer\n19900404-2389;2026-10;2026-09-29;9740;8327;912 345 678\n19900404-2389;2026-11;2026-10-29;0;83;x\n',
      options,
    );
    expect(payments.ok ? [] : payments.errors.map((e) => formatRowError(e))).toEqual([
      'rad 3: belopp ska vara större än noll',
      'rad 3: clearingnumret ska vara 4 eller 5 siffror',
      'rad 3: kontonumret ska vara 1–12 siffror',
    ]);
  });
});

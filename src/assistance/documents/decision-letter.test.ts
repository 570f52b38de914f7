import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { citeProvision } from '../domain/law/provisions.ts';
import { renderDecisionLetter, type DecisionLetter } from './decision-letter.ts';

const decidedOn = '2026-10-28';
const support = citeProvision('incomeSupport', decidedOn, 'sv');
const other = citeProvision('rightToAssistance', decidedOn, 'sv');

/** A family of four in November 2026: rent above the municipality's level, glasses refused, a reduction. */
const familyLetter: DecisionLetter = {
  municipalityName: 'Ljusdals kommun',
  unitName: 'Individ- och familjeomsorgen, ekonomiskt bistånd',
  caseworkerName: 'Åsa Öberg',
  caseworkerPhone: '0651-180 00',
  decisionId: 'EB-2026-04417',
  decidedOn,
  month: '2026-11',
  payOn: '2026-11-25',
  applicant: {
    name: 'Lina Ekström',
    personalNumber: '19880514-2388',
    addressLines: ['Storgatan 12 B lgh 1102', '827 30 Ljusdal'],
  },
  coApplicant: { name: 'Jonas Ekström', personalNumber: '19850930-4417' },
  items: [
    {
      label: 'Försörjningsstöd enligt riksnormen',
      applied: 1_567_000,
      granted: 1_567_000,
      outcome: 'granted',
      provision: support,
    },
    {
      label: 'Boendekostnad (hyra)',
      applied: 840_000,
      granted: 720_000,
      outcome: 'partly_granted',
      reason: 'Hyran är högre än kommunens skäliga nivå för en familj med två barn, 7 200 kr i månaden.',
      provision: support,
    },
    { label: 'Hushållsel', applied: 42_000, granted: 42_000, outcome: 'granted', provision: support },
    { label: 'Hemförsäkring', applied: 18_900, granted: 18_900, outcome: 'granted', provision: support },
    {
      label: 'Glasögon',
      applied: 240_000,
      granted: 0,
      outcome: 'refused',
      reason: 'Intyg från optiker om att nya glasögon behövs saknas.',
      provision: other,
    },
  ],
  totalGranted: 508_400,
  reduction: {
    amount: 177_500,
    reason:
      'Jonas har utan godtagbart skäl uteblivit från tre av fyra planerade dagar i den arbetsförberedande insatsen under oktober 2026.',
    provision: citeProvision('reduction', decidedOn, 'sv'),
  },
  condition: {
    text: 'Jonas ska delta i den arbetsförberedande insatsen hos arbetsmarknadsenheten enligt planeringen.',
    provision: citeProvision('condition', decidedOn, 'sv'),
  },
  reasons: [
    'Ni har ansökt om försörjningsstöd för november 2026 för er och era två barn. Hushållets inkomster räcker inte till de kostnader som ingår i riksnormen och de skäliga boendekostnaderna. Ni har därför rätt till försörjningsstöd för mellanskillnaden.',
    'Er hyra är 8 400 kr i månaden. Ni fick i beslut av den 2026-05-12 veta att hyran är högre än vad som är skäligt och att ni behöver söka en billigare bostad. Ni har inte visat att ni har sökt bostad sedan dess. Hyran räknas därför med kommunens skäliga nivå, 7 200 kr.',
    'Ansökan om glasögon avslås eftersom behovet inte är styrkt. Ni kan ansöka igen med ett intyg från optiker.',
  ].join('\n\n'),
  norm: [
    { label: 'Vuxna, sammanboende', amount: 7100 },
    { label: 'Barn 4 år, utan lunch 5 dagar/vecka', amount: 2720 },
    { label: 'Barn 9 år', amount: 3820 },
    { label: 'Gemensamma hushållskostnader, 4 personer', amount: 2030 },
    { label: 'Boendekostnad (ansökt 8\u00a0400 kr, skälig nivå 7\u00a0200 kr)', amount: 7200 },
    { label: 'Hushållsel', amount: 420 },
    { label: 'Hemförsäkring', amount: 189 },
    { label: 'Arbetslöshetsersättning (a-kassa)', amount: -11_220 },
    { label: 'Barnbidrag', amount: -2500 },
    { label: 'Bostadsbidrag', amount: -2900 },
  ],
  normTotal: 6859,
  appealProvision: citeProvision('appeal', decidedOn, 'sv'),
};

async function textOf(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const parts: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  const pages = document.numPages;
  await document.destroy();
  return { text: parts.join(' ').replace(/[\u00a0\s]+/g, ' '), pages };
}

describe('the decision letter', () => {
  it('is a PDF in Swedish with the decision, the appeal and the norm calculation', async () => {
    const pdf = await renderDecisionLetter(familyLetter, 'sv');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, pages } = await textOf(pdf);
    expect(text).toContain('Beslut om ekonomiskt bistånd');
    expect(text).toContain('för november 2026');
    expect(text).toContain('Lina Ekström');
    expect(text).toContain('Åsa Öberg');
    expect(text).toContain('Avslås');
    expect(text).toContain('Beviljas delvis');
    expect(text).toContain('förvaltningsrätten');
    expect(text).toContain('35 kap. 1 § socialtjänstlagen (2025:400)');
    expect(text).toContain('7 200,00 kr');
    expect(text).toContain('Att betala ut: 5 084,00 kr');
    expect(text).toContain('–11 220,00 kr');
    expect(text).toContain('Beräkning enligt riksnormen');
    expect(text).toContain(`Sida 1 av ${pages}`);
  });

  it('is written in English for an English reader', async () => {
    const { text } = await textOf(await renderDecisionLetter(familyLetter, 'en'));
    expect(text).toContain('Decision on financial assistance for November 2026');
    expect(text).toContain('SEK 7,200.00');
    expect(text).toContain('How to appeal');
    expect(text).toContain('Page 1 of 3');
  });

  it('gives the same bytes for the same letter', async () => {
    const first = await renderDecisionLetter(familyLetter, 'sv');
    const second = await renderDecisionLetter(familyLetter, 'sv');
    expect(first.equals(second)).toBe(true);
  });

  it('says a fully granted decision normally cannot be appealed, and names the decision it replaces', async () => {
    const letter: DecisionLetter = {
      ...familyLetter,
      items: familyLetter.items.filter((item) => item.outcome === 'granted'),
      reduction: undefined,
      supersedes: { decisionId: 'EB-2026-04390', decidedOn: '2026-10-21' },
    };
    const { text } = await textOf(await renderDecisionLetter(letter, 'sv'));
    expect(text).toContain('kan normalt inte överklagas');
    expect(text).not.toContain('Hur man överklagar');
    expect(text).toContain('Detta beslut ersätter beslut EB-2026-04390 av den 2026-10-21');
  });

  it('prints characters outside the standard font in their nearest form', async () => {
    const letter = { ...familyLetter, applicant: { ...familyLetter.applicant, name: 'Ayşe Łukasiewicz' } };
    const { text } = await textOf(await renderDecisionLetter(letter, 'sv'));
    expect(text).toContain('Ayse Lukasiewicz');
  });
});

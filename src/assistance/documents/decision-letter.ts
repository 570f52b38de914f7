/**
 * The decision letter on financial assistance as a PDF: the decision per item with its legal
 * basis, the amount to be paid, reasons, how to appeal, and the norm calculation as an appendix.
 * The same letter always gives the same bytes (the PDF's dates come from the decision date).
 */
import { catalogues, interpolate, type Locale } from '../../i18n/catalogue.ts';
import { formatDate } from '../../i18n/format.ts';
import { COLOR, FONT, PdfWriter, SIZE } from './pdf-writer.ts';

export interface DecisionLetterItem {
  label: string;
  /** öre */
  applied: number;
  /** öre */
  granted: number;
  outcome: 'granted' | 'partly_granted' | 'refused';
  reason?: string;
  /** e.g. "12 kap. 1 § socialtjänstlagen (2025:400)" */
  provision: string;
}

export interface DecisionLetter {
  municipalityName: string;
  unitName: string;
  caseworkerName: string;
  caseworkerPhone?: string;
  decisionId: string;
  /** YYYY-MM-DD */
  decidedOn: string;
  /** YYYY-MM */
  month: string;
  /** YYYY-MM-DD */
  payOn: string;
  applicant: { name: string; personalNumber: string; addressLines: string[] };
  coApplicant?: { name: string; personalNumber: string };
  items: DecisionLetterItem[];
  /** öre */
  totalGranted: number;
  /** amount in öre */
  reduction?: { amount: number; reason: string; provision: string };
  condition?: { text: string; provision: string };
  /** free text; paragraphs are separated by blank lines */
  reasons: string;
  /** the norm receipt lines, amounts in kronor, signed */
  norm: { label: string; amount: number }[];
  /** kronor */
  normTotal: number;
  /** e.g. "35 kap. 1 § socialtjänstlagen (2025:400)" */
  appealProvision: string;
  supersedes?: { decisionId: string; decidedOn: string };
}

type Texts = (typeof catalogues)['sv']['documents']['decisionLetter'];

/** 7 200,00 kr; the en dash stands in for the minus sign, which Helvetica lacks. */
function money(ore: number, locale: Locale, texts: Texts): string {
  const abs = Math.abs(Math.round(ore));
  const [group, decimal] = locale === 'sv' ? ['\u00a0', ','] : [',', '.'];
  const whole = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const amount = `${ore < 0 ? '–' : ''}${whole}${decimal}${String(abs % 100).padStart(2, '0')}`;
  return interpolate(texts.money, { amount });
}

function monthName(month: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T12:00:00Z`));
}

export async function renderDecisionLetter(letter: DecisionLetter, locale: Locale): Promise<Buffer> {
  const texts = catalogues[locale].documents.decisionLetter;
  const kr = (ore: number) => money(ore, locale, texts);
  const date = (value: string) => formatDate(value, locale);
  const month = monthName(letter.month, locale);
  const decided = new Date(`${letter.decidedOn}T12:00:00Z`);
  const pdf = new PdfWriter(
    {
      Title: `${texts.title} ${interpolate(texts.forMonth, { month })}`,
      Author: letter.municipalityName,
      Subject: interpolate(texts.header.decisionId, { id: letter.decisionId }),
      Creator: 'Kedjan',
      Producer: 'Kedjan',
      CreationDate: decided,
      ModDate: decided,
    },
    locale === 'sv' ? 'sv-SE' : 'en-GB',
  );

  // Recipient block to the right, contact to the left, as in a letter.
  const top = pdf.doc.y;
  const column = pdf.width * 0.55;
  let left = pdf
    .style(FONT.regular, SIZE.small + 0.5, COLOR.muted)
    .at(texts.contact.caseworker, pdf.left, top, column);
  left += pdf.style(FONT.regular, SIZE.body).at(letter.caseworkerName, pdf.left, top + left + 2, column) + 2;
  if (letter.caseworkerPhone)
    left += pdf.at(
      interpolate(texts.contact.phone, { phone: letter.caseworkerPhone }),
      pdf.left,
      top + left,
      column,
    );
  let right = pdf
    .style(FONT.bold, SIZE.body + 1)
    .at(letter.applicant.name, pdf.left + column, top, pdf.width - column);
  for (const line of letter.applicant.addressLines)
    right += pdf
      .style(FONT.regular, SIZE.body + 1)
      .at(line, pdf.left + column, top + right, pdf.width - column);
  pdf.doc.y = top + Math.max(left, right) + 36;

  pdf.paragraph(texts.title, FONT.bold, SIZE.title);
  pdf.paragraph(interpolate(texts.forMonth, { month }), FONT.regular, SIZE.heading + 1);
  pdf.gap(8);
  const person = (p: { name: string; personalNumber: string }) => interpolate(texts.person, { ...p });
  pdf.keyValues([
    [texts.facts.applicant, person(letter.applicant)],
    ...(letter.coApplicant
      ? [[texts.facts.coApplicant, person(letter.coApplicant)] as [string, string]]
      : []),
    [texts.facts.decidedOn, date(letter.decidedOn)],
    [texts.facts.decisionId, letter.decisionId],
    [texts.facts.payOn, date(letter.payOn)],
  ]);
  if (letter.supersedes) {
    pdf.gap(6);
    pdf.paragraph(
      interpolate(texts.supersedes, {
        id: letter.supersedes.decisionId,
        date: date(letter.supersedes.decidedOn),
      }),
      FONT.bold,
    );
  }

  pdf.heading(texts.decisionHeading);
  pdf.paragraph(
    interpolate(letter.coApplicant ? texts.decisionIntroTogether : texts.decisionIntro, { month }),
  );
  pdf.gap(2);
  pdf.table(
    [
      { header: texts.columns.item, width: 0.41 },
      { header: texts.columns.applied, width: 0.17, align: 'right' },
      { header: texts.columns.granted, width: 0.17, align: 'right' },
      { header: texts.columns.outcome, width: 0.25, indent: 10 },
    ],
    letter.items.map((item) => ({
      cells: [item.label, kr(item.applied), kr(item.granted), texts.outcomes[item.outcome]],
      notes: [
        ...(item.reason ? [interpolate(texts.itemReason, { reason: item.reason })] : []),
        interpolate(texts.itemProvision, { provision: item.provision }),
      ],
    })),
  );
  pdf.box(interpolate(texts.total, { amount: kr(letter.totalGranted) }), [
    interpolate(letter.reduction ? texts.totalExplainedWithReduction : texts.totalExplained, {
      date: date(letter.payOn),
    }),
  ]);

  if (letter.reduction) {
    pdf.heading(texts.reductionHeading);
    pdf.paragraph(
      interpolate(texts.reduction, { amount: kr(letter.reduction.amount), reason: letter.reduction.reason }),
    );
    pdf.paragraph(interpolate(texts.provision, { provision: letter.reduction.provision }), FONT.italic);
  }
  if (letter.condition) {
    pdf.heading(texts.conditionHeading);
    pdf.paragraph(letter.condition.text);
    pdf.paragraph(interpolate(texts.provision, { provision: letter.condition.provision }), FONT.italic);
  }

  pdf.heading(texts.reasonsHeading);
  for (const paragraph of letter.reasons
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean))
    pdf.paragraph(paragraph.replace(/\s*\n\s*/g, ' '));

  if (letter.items.every((item) => item.outcome === 'granted')) {
    pdf.heading(texts.notAppealableHeading);
    pdf.paragraph(interpolate(texts.notAppealable, { provision: letter.appealProvision }));
  } else {
    pdf.heading(texts.appealHeading);
    const params = {
      municipality: letter.municipalityName,
      id: letter.decisionId,
      date: date(letter.decidedOn),
    };
    for (const paragraph of texts.appeal) pdf.paragraph(interpolate(paragraph, params));
    pdf.paragraph(interpolate(texts.appealBasis, { provision: letter.appealProvision }), FONT.italic);
  }

  pdf.gap(14);
  pdf.ensure(70);
  pdf.paragraph(texts.signOff);
  pdf.gap(10);
  pdf.paragraph(letter.caseworkerName, FONT.bold);
  pdf.doc.y -= 4;
  pdf.paragraph(`${letter.unitName}, ${letter.municipalityName}`);

  pdf.newPage();
  pdf.paragraph(texts.appendixTitle, FONT.bold, SIZE.heading + 2);
  pdf.paragraph(interpolate(texts.appendixIntro, { month }));
  pdf.gap(6);
  pdf.table(
    [
      { header: texts.normColumns.item, width: 0.75 },
      { header: texts.normColumns.amount, width: 0.25, align: 'right' },
    ],
    [
      ...letter.norm.map((line) => ({ cells: [line.label, kr(Math.round(line.amount * 100))] })),
      { cells: [texts.normTotal, kr(Math.round(letter.normTotal * 100))], total: true },
    ],
  );

  pdf.stamp((page, pages) => {
    const { doc } = pdf;
    pdf.style(FONT.bold, SIZE.heading + 2).at(letter.municipalityName, pdf.left, 42, pdf.width * 0.6);
    pdf.style(FONT.regular, SIZE.small + 0.5, COLOR.muted).at(letter.unitName, pdf.left, 60, pdf.width * 0.6);
    const meta = pdf.width * 0.4;
    pdf.at(
      interpolate(texts.header.date, { date: date(letter.decidedOn) }),
      pdf.left + pdf.width - meta,
      44,
      meta,
      'right',
    );
    pdf.at(
      interpolate(texts.header.decisionId, { id: letter.decisionId }),
      pdf.left + pdf.width - meta,
      57,
      meta,
      'right',
    );
    pdf.rule(78, COLOR.rule, 0.8);
    const foot = doc.page.height - 56;
    pdf.rule(foot, COLOR.rule, 0.5);
    pdf.style(FONT.regular, SIZE.small, COLOR.muted);
    pdf.at(`${letter.municipalityName} · ${letter.unitName}`, pdf.left, foot + 8, pdf.width * 0.7);
    pdf.at(
      interpolate(texts.page, { page, pages }),
      pdf.left + pdf.width * 0.7,
      foot + 8,
      pdf.width * 0.3,
      'right',
    );
  });
  return pdf.end();
}

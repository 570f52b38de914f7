/** Texts of the documents sent to a person: the decision letter on financial assistance. */
export const decisionLetter = {
  title: 'Beslut om ekonomiskt bistånd',
  forMonth: 'för {month}',
  // A non-breaking space keeps the amount and its currency on one line.
  money: '{amount}\u00a0kr',
  page: 'Sida {page} av {pages}',
  header: { date: 'Datum {date}', decisionId: 'Beslut {id}' },
  contact: { caseworker: 'Handläggare', phone: 'Telefon {phone}' },
  facts: {
    applicant: 'Sökande',
    coApplicant: 'Medsökande',
    decidedOn: 'Beslutsdatum',
    decisionId: 'Beslutsnummer',
    payOn: 'Utbetalningsdag',
  },
  person: '{name}, {personalNumber}',
  supersedes: 'Detta beslut ersätter beslut {id} av den {date}.',
  decisionHeading: 'Beslut',
  decisionIntro: 'Du har ansökt om ekonomiskt bistånd för {month}. Socialnämnden beslutar så här:',
  decisionIntroTogether: 'Ni har ansökt om ekonomiskt bistånd för {month}. Socialnämnden beslutar så här:',
  columns: { item: 'Kostnad', applied: 'Ansökt', granted: 'Beviljat', outcome: 'Beslut' },
  outcomes: { granted: 'Beviljas', partly_granted: 'Beviljas delvis', refused: 'Avslås' },
  itemReason: 'Skäl: {reason}',
  itemProvision: 'Lagrum: {provision}',
  total: 'Att betala ut: {amount}',
  totalExplained:
    'Beloppet är de beviljade kostnaderna minus hushållets inkomster enligt beräkningen i bilaga 1. Det betalas ut den {date}.',
  totalExplainedWithReduction:
    'Beloppet är de beviljade kostnaderna minus hushållets inkomster enligt beräkningen i bilaga 1 och minus nedsättningen nedan. Det betalas ut den {date}.',
  reductionHeading: 'Nedsättning av försörjningsstödet',
  reduction: 'Försörjningsstödet sätts ned med {amount}. {reason}',
  conditionHeading: 'Villkor',
  provision: 'Lagrum: {provision}',
  reasonsHeading: 'Motivering',
  appealHeading: 'Hur man överklagar',
  appeal: [
    'Du kan överklaga beslutet till förvaltningsrätten. Överklagandet ska vara skriftligt och skickas till socialnämnden i {municipality}, inte direkt till förvaltningsrätten.',
    'Socialnämnden måste ha fått ditt överklagande inom tre veckor från den dag då du fick del av beslutet. Annars kan överklagandet inte prövas.',
    'Skriv vilket beslut du överklagar (beslut {id} av den {date}), vilken ändring du vill ha och varför. Skriv ditt namn, personnummer, adress och telefonnummer och skriv under. Skicka gärna med handlingar som stöder det du skriver.',
    'Om socialnämnden inte själv ändrar beslutet så som du begär skickar nämnden överklagandet vidare till förvaltningsrätten. Din handläggare kan hjälpa dig att överklaga.',
  ],
  appealBasis: 'Beslutet kan överklagas enligt {provision}.',
  notAppealableHeading: 'Om överklagande',
  notAppealable:
    'Din ansökan har beviljats i sin helhet. Ett beslut som helt bifaller en ansökan kan normalt inte överklagas. Om du anser att beslutet ändå är fel, kontakta din handläggare. Bestämmelser om överklagande finns i {provision}.',
  signOff: 'Med vänlig hälsning',
  appendixTitle: 'Bilaga 1. Beräkning enligt riksnormen',
  appendixIntro:
    'Beräkningen av försörjningsstödet för {month}, belopp per månad. Inkomster dras av och står med minustecken.',
  normColumns: { item: 'Post', amount: 'Belopp' },
  normTotal: 'Försörjningsstöd enligt beräkningen',
};

/** Texts of the documents sent to a person (English, the second language). */
import type * as sv from '../sv/documents.ts';

export const decisionLetter: typeof sv.decisionLetter = {
  title: 'Decision on financial assistance',
  forMonth: 'for {month}',
  money: 'SEK\u00a0{amount}',
  page: 'Page {page} of {pages}',
  header: { date: 'Date {date}', decisionId: 'Decision {id}' },
  contact: { caseworker: 'Caseworker', phone: 'Telephone {phone}' },
  facts: {
    applicant: 'Applicant',
    coApplicant: 'Co-applicant',
    decidedOn: 'Date of decision',
    decisionId: 'Decision number',
    payOn: 'Date of payment',
  },
  person: '{name}, {personalNumber}',
  supersedes: 'This decision replaces decision {id} of {date}.',
  decisionHeading: 'Decision',
  decisionIntro:
    'You have applied for financial assistance for {month}. The social welfare board decides as follows:',
  decisionIntroTogether:
    'You have applied together for financial assistance for {month}. The social welfare board decides as follows:',
  columns: { item: 'Cost', applied: 'Applied for', granted: 'Granted', outcome: 'Decision' },
  outcomes: { granted: 'Granted', partly_granted: 'Partly granted', refused: 'Refused' },
  itemReason: 'Reason: {reason}',
  itemProvision: 'Legal basis: {provision}',
  total: 'To be paid: {amount}',
  totalExplained:
    "The amount is the granted costs less the household's income according to the calculation in appendix 1. It is paid on {date}.",
  totalExplainedWithReduction:
    "The amount is the granted costs less the household's income according to the calculation in appendix 1 and less the reduction below. It is paid on {date}.",
  reductionHeading: 'Reduction of income support',
  reduction: 'Income support is reduced by {amount}. {reason}',
  conditionHeading: 'Condition',
  provision: 'Legal basis: {provision}',
  reasonsHeading: 'Reasons',
  appealHeading: 'How to appeal',
  appeal: [
    'You can appeal against the decision to the administrative court (förvaltningsrätten). The appeal must be in writing and sent to the social welfare board in {municipality}, not directly to the court.',
    'The social welfare board must receive your appeal within three weeks from the day you received the decision. Otherwise the appeal cannot be considered.',
    'State which decision you appeal against (decision {id} of {date}), what change you want and why. Give your name, personal identity number, address and telephone number, and sign the appeal. You may enclose documents that support what you write.',
    'If the social welfare board does not itself change the decision as you ask, it forwards the appeal to the administrative court. Your caseworker can help you appeal.',
  ],
  appealBasis: 'The decision can be appealed under {provision}.',
  notAppealableHeading: 'About appeals',
  notAppealable:
    'Your application has been granted in full. A decision that fully grants an application normally cannot be appealed. If you still think the decision is wrong, contact your caseworker. Provisions on appeals are found in {provision}.',
  signOff: 'Yours sincerely',
  appendixTitle: 'Appendix 1. Calculation according to the national standard',
  appendixIntro:
    'The calculation of income support for {month}, amounts per month. Income is deducted and shown with a minus sign.',
  normColumns: { item: 'Item', amount: 'Amount' },
  normTotal: 'Income support according to the calculation',
};

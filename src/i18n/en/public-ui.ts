/** Texts of the citizen's pages without login: the e-application (e-ansökan) and its receipt. */
import type { DeepStrings } from '../types.ts';
import type { publicUi as sv } from '../sv/public-ui.ts';

export const publicUi: DeepStrings<typeof sv> = {
  loginLink: 'Apply for financial assistance (e-application)',
  loginLinkIntro: 'Are you a resident who wants to apply for financial assistance?',
  staffLogin: 'Staff login',
  form: {
    title: 'Apply for financial assistance',
    intro:
      'Fill in the details for the month you are applying for. The application goes to the income support unit, and a caseworker will contact you.',
    demoNotice:
      'This is a demonstration environment. You identify yourself with your personal identity number. Login with e-identification comes later.',
    unavailable:
      'The e-application is not open yet, as login with e-identification is not in place. Apply on paper or contact the income support unit.',
    required: 'Fields marked * are required.',
    you: 'You, the applicant',
    personalNumber: 'Personal identity number *',
    personalNumberHint: '12 digits: YYYYMMDD-NNNN',
    month: 'Month you are applying for *',
    monthHint: 'You can apply for last month, this month or next month.',
    housing: 'Your home',
    address: 'Street address',
    apartment: 'Apartment number',
    costs: 'Your costs per month',
    costsHint: 'For example rent and electricity. Leave the row empty if you have no cost to give.',
    cost: 'Cost {n}',
    incomes: "The household's incomes per month",
    incomesHint:
      'For example salary, child benefit or housing allowance. Leave the row empty if the household has no income.',
    income: 'Income {n}',
    type: 'What is it?',
    chooseType: 'Choose',
    amount: 'Amount in kronor',
    addCost: 'Add a cost',
    addIncome: 'Add an income',
    removeCost: 'Remove cost {n}',
    removeIncome: 'Remove income {n}',
    situation: 'Your situation',
    unemployed: 'I am unemployed',
    childrenLunch: 'My children eat lunch away from home on weekdays',
    consentTitle: 'Consent *',
    consent:
      'I consent to the details being checked with other authorities, for example the Social Insurance Agency, the Tax Agency and the Public Employment Service, and I certify that the details are correct.',
    submit: 'Send application',
    submitting: 'Sending application…',
    checkFields: 'The application has not been sent. Correct the marked fields.',
    missing: {
      personalNumber: 'Enter your personal identity number.',
      month: 'Choose a month.',
      type: 'Choose what it is.',
      amount: 'Enter the amount in kronor, for example 7200 or 7 200.50.',
      consent: 'You need to tick the consent box to send the application.',
    },
  },
  receipt: {
    title: 'We have received your application',
    intro:
      'A caseworker will review the application and contact you. Keep the application number and quote it if you contact us.',
    number: 'Application number',
    month: 'The application is for',
    receivedOn: 'Received',
    another: 'Send a new application',
  },
};

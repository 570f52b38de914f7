/** Texts of the financial-assistance part (English, the second language). */
import type * as sv from '../sv/assistance.ts';

export const costTypes: typeof sv.costTypes = {
  rent: 'Housing cost',
  electricity: 'Household electricity',
  homeInsurance: 'Home insurance',
  workTravel: 'Travel to work',
  unionFee: 'Union fee',
  unemploymentFundFee: 'Unemployment fund fee',
  childcare: 'Childcare fee',
  medical: 'Medical care',
  medicine: 'Medicine',
  dental: 'Dental care',
  glasses: 'Glasses',
  other: 'Other',
};

export const incomeTypes: typeof sv.incomeTypes = {
  salary: 'Salary',
  unemploymentBenefit: 'Unemployment benefit',
  sicknessBenefit: 'Sickness benefit',
  parentalBenefit: 'Parental benefit',
  childBenefit: 'Child benefit',
  housingAllowance: 'Housing allowance',
  maintenanceSupport: 'Maintenance support',
  activityCompensation: 'Sickness or activity compensation',
  pension: 'Pension',
  studentAid: 'Student aid (CSN)',
  establishmentBenefit: 'Establishment benefit',
  other: 'Other income',
};

export const memberRoles: typeof sv.memberRoles = {
  applicant: 'Applicant',
  partner: 'Spouse/partner',
  child: 'Child',
  otherAdult: 'Other adult in the household',
};

export const riksnormCitation: string = '{provision} {statute} as amended by {sfs}';

export const normSections: typeof sv.normSections = {
  riksnorm: 'National norm',
  cost: 'Reasonable costs',
  income: 'Incomes',
  total: 'Income support to pay',
  balance: 'Surplus',
};

export const normLines: typeof sv.normLines = {
  child: 'Child aged {age}',
  childWithoutLunch: 'Child aged {age}, lunch away 5 days a week',
  singleAdult: 'Adult, single',
  cohabitingAdults: 'Adults, cohabiting',
  otherAdult: 'Adult sharing the household without being a partner',
  commonCosts: 'Household-common costs, {size} persons',
  commonCostsShare: 'Household-common costs, {included} of {size} persons',
  cost: '{item}',
  costCapped: '{item} (applied for {applied}, reasonable level {limit})',
  income: '{item}',
  incomeJobStimulus: '{item} (job stimulus: {disregarded} not counted)',
};

export const normRules: typeof sv.normRules = {
  child: 'Personal costs per child of this age, national norm {year} ({source})',
  childWithoutLunch:
    'Personal costs per child who eats lunch away from home, national norm {year} ({source})',
  singleAdult: 'Personal costs of a single adult, national norm {year} ({source})',
  cohabitingAdults: 'Personal costs of cohabiting adults, national norm {year} ({source})',
  otherAdult:
    'Adult sharing the household without being a partner: personal costs as single, national norm {year} ({source})',
  commonCosts: 'Household-common costs by household size, national norm {year} ({source})',
  commonCostsShare:
    "The household's share of the common costs: the whole household's cost divided by its members, national norm {year} ({source})",
  cost: 'Reasonable actual cost ({source})',
  costCapped: "Reasonable cost by the municipality's guideline ({source})",
  income: 'All incomes are deducted ({source})',
  incomeJobStimulus: '25 per cent of income from employment is not counted (job stimulus, {source})',
};

export const decisionRules: typeof sv.decisionRules = {
  granted_above_applied: 'the amount granted cannot be higher than the amount applied for',
  reason_required: 'an item not granted in full needs a reason',
  unknown_line: 'the line is not in the application',
  pay_on_after_month: 'the payment date must be in or before the month applied for',
  supersedes_other_application:
    'a changed decision must be about the same application as the decision it replaces',
  supersedes_paid:
    'the decision has already been paid; a change is made as a supplementary decision on a new application',
  payee_not_member: 'the payee must be the applicant or the spouse/partner in the application',
};

export const bankFileRemittance: string = 'Financial assistance';

export const weekdays: string[] = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

export const conditions: typeof sv.conditions = {
  practice: 'Condition to take part in assigned practice',
  skills_activity: 'Condition to take part in an assigned skills activity',
};

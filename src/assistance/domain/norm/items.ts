/**
 * The cost and income items of an application and a norm calculation. Whether a cost is part of
 * försörjningsstöd (the norm's "skäliga kostnader") or of "livsföring i övrigt" decides which
 * provision a decision cites and how the national statistics count it.
 */
export const COST_TYPES = [
  'rent',
  'electricity',
  'homeInsurance',
  'workTravel',
  'unionFee',
  'unemploymentFundFee',
  'childcare',
  'medical',
  'medicine',
  'dental',
  'glasses',
  'other',
] as const;
export type CostType = (typeof COST_TYPES)[number];

export type CostBasis = 'incomeSupport' | 'otherLiving';

export const COST_BASIS: Record<CostType, CostBasis> = {
  rent: 'incomeSupport',
  electricity: 'incomeSupport',
  homeInsurance: 'incomeSupport',
  workTravel: 'incomeSupport',
  unionFee: 'incomeSupport',
  unemploymentFundFee: 'incomeSupport',
  childcare: 'otherLiving',
  medical: 'otherLiving',
  medicine: 'otherLiving',
  dental: 'otherLiving',
  glasses: 'otherLiving',
  other: 'otherLiving',
};

export const INCOME_TYPES = [
  'salary',
  'unemploymentBenefit',
  'sicknessBenefit',
  'parentalBenefit',
  'childBenefit',
  'housingAllowance',
  'maintenanceSupport',
  'activityCompensation',
  'pension',
  'studentAid',
  'establishmentBenefit',
  'other',
] as const;
export type IncomeType = (typeof INCOME_TYPES)[number];

export const MEMBER_ROLES = ['applicant', 'partner', 'child', 'otherAdult'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

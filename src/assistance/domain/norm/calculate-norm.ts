/**
 * The norm calculation (förbehållsbelopp for försörjningsstöd): the riksnorm for every member plus
 * the household-common part, plus the reasonable costs, minus all incomes. Pure and allocation-light:
 * it runs for every application, every preview keystroke and every demo month.
 *
 * All money is integer öre. Every line names the rule it comes from, so the receipt explains itself.
 */
import { COST_BASIS, type CostBasis, type CostType, type IncomeType, type MemberRole } from './items.ts';
import { childBand, commonCosts, type RiksnormTable } from './riksnorm-table.ts';

export interface NormMember {
  role: MemberRole;
  age: number;
  /** Child 0–6 who eats lunch away from home five days a week (förskola). */
  lunchAway?: boolean;
  /**
   * false: the person lives in the household but is not part of this application (an adult sharing
   * the home without being a partner, say). They count in the household size; their personal
   * costs and their share of the common costs are left out.
   */
  included?: boolean;
}

export interface NormCost {
  type: CostType;
  /** öre per month */
  amount: number;
}

export interface NormIncome {
  type: IncomeType;
  /** öre per month */
  amount: number;
  /** The job stimulus: 25 % of income from employment is disregarded (SoL 4 kap. 1 a §). */
  jobStimulus?: boolean;
}

export interface NormGuidelines {
  /** The municipality's reasonable level per cost type, öre per month (e.g. the highest rent). */
  costLimits?: Partial<Record<CostType, number>>;
}

export interface NormHousehold {
  members: readonly NormMember[];
  costs: readonly NormCost[];
  incomes: readonly NormIncome[];
}

export type NormLineCode =
  | 'child'
  | 'childWithoutLunch'
  | 'singleAdult'
  | 'cohabitingAdults'
  | 'otherAdult'
  | 'commonCosts'
  | 'commonCostsShare'
  | 'cost'
  | 'costCapped'
  | 'income'
  | 'incomeJobStimulus';

export interface NormLine {
  section: 'riksnorm' | 'cost' | 'income';
  code: NormLineCode;
  /** Signed öre: norm and costs positive, incomes negative. */
  amount: number;
  /** Which member(s) the line is about, by position in the input. */
  members?: number[];
  age?: number;
  householdSize?: number;
  includedSize?: number;
  costType?: CostType;
  basis?: CostBasis;
  appliedFor?: number;
  limit?: number;
  incomeType?: IncomeType;
  declared?: number;
  disregarded?: number;
}

export interface NormResult {
  year: number;
  householdSize: number;
  lines: NormLine[];
  riksnorm: number;
  costs: number;
  incomes: number;
  /** riksnorm + costs − incomes (negative when incomes exceed the need) */
  balance: number;
  /** The assistance: max(0, balance). */
  total: number;
}

const ORE = 100;
const JOB_STIMULUS_SHARE = 0.25;

export function calculateNorm(
  table: RiksnormTable,
  household: NormHousehold,
  guidelines: NormGuidelines = {},
): NormResult {
  const lines: NormLine[] = [];
  const { members } = household;
  const householdSize = members.length;
  let riksnorm = 0;
  let includedSize = 0;
  let applicantIndex = -1;
  let partnerIndex = -1;

  for (let i = 0; i < members.length; i++) {
    const member = members[i]!;
    if (member.included === false) continue;
    includedSize++;
    if (member.role === 'applicant') applicantIndex = i;
    else if (member.role === 'partner') partnerIndex = i;
    else if (member.role === 'child') {
      const band = childBand(table, member.age);
      if (!band) throw new RangeError(`no child band for age ${member.age} in ${table.year}`);
      const withoutLunch = member.lunchAway === true && band.withoutLunch !== undefined;
      const amount = (withoutLunch ? band.withoutLunch! : band.amount) * ORE;
      riksnorm += amount;
      lines.push({
        section: 'riksnorm',
        code: withoutLunch ? 'childWithoutLunch' : 'child',
        amount,
        members: [i],
        age: member.age,
      });
    } else {
      const amount = table.adults.single * ORE;
      riksnorm += amount;
      lines.push({ section: 'riksnorm', code: 'otherAdult', amount, members: [i] });
    }
  }

  if (applicantIndex >= 0) {
    const cohabiting = partnerIndex >= 0;
    const amount = (cohabiting ? table.adults.cohabiting : table.adults.single) * ORE;
    riksnorm += amount;
    lines.unshift({
      section: 'riksnorm',
      code: cohabiting ? 'cohabitingAdults' : 'singleAdult',
      amount,
      members: cohabiting ? [applicantIndex, partnerIndex] : [applicantIndex],
    });
  }

  const common = commonCosts(table, householdSize) * ORE;
  const commonPart =
    includedSize === householdSize ? common : Math.round((common * includedSize) / householdSize);
  riksnorm += commonPart;
  lines.push({
    section: 'riksnorm',
    code: includedSize === householdSize ? 'commonCosts' : 'commonCostsShare',
    amount: commonPart,
    householdSize,
    includedSize,
  });

  let costs = 0;
  for (const cost of household.costs) {
    const limit = guidelines.costLimits?.[cost.type];
    const capped = limit !== undefined && cost.amount > limit;
    const amount = capped ? limit : cost.amount;
    costs += amount;
    lines.push({
      section: 'cost',
      code: capped ? 'costCapped' : 'cost',
      amount,
      costType: cost.type,
      basis: COST_BASIS[cost.type],
      appliedFor: cost.amount,
      ...(capped ? { limit } : {}),
    });
  }

  let incomes = 0;
  for (const income of household.incomes) {
    const disregarded =
      income.jobStimulus === true && income.type === 'salary'
        ? Math.round(income.amount * JOB_STIMULUS_SHARE)
        : 0;
    const counted = income.amount - disregarded;
    incomes += counted;
    lines.push({
      section: 'income',
      code: disregarded > 0 ? 'incomeJobStimulus' : 'income',
      amount: -counted,
      incomeType: income.type,
      declared: income.amount,
      ...(disregarded > 0 ? { disregarded } : {}),
    });
  }

  const balance = riksnorm + costs - incomes;
  return {
    year: table.year,
    householdSize,
    lines,
    riksnorm,
    costs,
    incomes,
    balance,
    total: balance > 0 ? balance : 0,
  };
}

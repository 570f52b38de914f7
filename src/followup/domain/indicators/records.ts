/**
 * The plain records indicators are computed from: what the assistance and labour-market tables
 * hold, reduced to the facts the definitions need. The database layer extracts them; the rules
 * here never query.
 */

/** A household's assistance in one month: paid for that month, with its members then. */
export interface AssistanceMonth {
  householdId: string;
  /** YYYY-MM: the month the assistance was for. */
  month: string;
  /** Paid for the month, öre (net of stopped or reversed payments). */
  paidOre: number;
  /** Applicant and spouse/partner (and other adults included in the application). */
  adults: readonly { personId: string; birthDate: string; reasonGroup: ReasonGroupCode | null }[];
  children: readonly { personId: string; birthDate: string }[];
}

export type ReasonGroupCode = 'unemployment' | 'ill_health' | 'social_reasons' | 'other';

/** Inhabitants of the municipality on 31 December of a year (SCB), by the age bands used. */
export interface Population {
  year: number;
  total: number;
  /** 0–17 years */
  children: number;
  /** 18–24 years */
  youngAdults: number;
  source: string;
}

export interface ReferralRecord {
  personId: string;
  referredOn: string;
  initiator: string;
}

export interface LabourExitRecord {
  personId: string;
  exitOn: string;
  /** Kolada's category: A work, B studies, C another authority, D completed assignment, E other. */
  category: 'A' | 'B' | 'C' | 'D' | 'E';
}

export interface EmploymentRecord {
  personId: string;
  startsOn: string;
  /** The last day employed (the actual end when it ended early). */
  endsOn: string;
  hoursPerWeek: number;
  monthlySalaryCostOre: number;
  monthlySupportOre: number;
}

export interface IndicatorRecords {
  assistance: readonly AssistanceMonth[];
  population: readonly Population[];
  referrals: readonly ReferralRecord[];
  labourExits: readonly LabourExitRecord[];
  employments: readonly EmploymentRecord[];
  /**
   * The last month (YYYY-MM) the records are complete for, usually the current month: a month
   * after it is not yet known, so no assistance can be said to have ended in it.
   */
  throughMonth?: string;
}

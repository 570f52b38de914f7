/**
 * The plain records of one month that the delivery to Socialstyrelsen's register of financial
 * assistance is built from (HSLF-FS 2015:30): the households paid for the month with their
 * members, and the assistance cases closed in the month. The database layer extracts them
 * (followup/db/national-statistics-records.ts); the rules here never query.
 */

export type MemberRole = 'applicant' | 'co_applicant' | 'other_adult' | 'child';

export interface StatisticsMember {
  personId: string;
  /** Normalised, twelve digits YYYYMMDDNNNC. */
  personalNumber: string;
  role: MemberRole;
  sex: 'female' | 'male';
  birthDate: string;
  protectedIdentity: boolean;
  /** The person's reason code (försörjningshinder) for the month, Kedjan's code; null when none. */
  reasonCode: string | null;
  /** Took part in a municipal labour-market measure (placement or subsidised employment) in the month. */
  inMunicipalMeasure: boolean;
}

export interface StatisticsPayment {
  paymentId: string;
  amountOre: number;
  /** The payment rests on a signed decision for the month. */
  decisionSigned: boolean;
}

/** A household with assistance paid for the month (sent payments, by the month decided for). */
export interface StatisticsHouseholdMonth {
  householdId: string;
  caseId: string;
  payments: readonly StatisticsPayment[];
  /** The members of the month's application (or of the household on the first of the month). */
  members: readonly StatisticsMember[];
}

/** An assistance case closed in the month, with the household's adults when it closed. */
export interface StatisticsClosedCase {
  caseId: string;
  householdId: string;
  closedOn: string;
  /** Kedjan's exit reason, null when none was recorded. */
  exitReason: string | null;
  members: readonly StatisticsMember[];
}

export interface StatisticsMonthRecords {
  /** Four-digit municipality code. */
  municipalityId: string;
  /** YYYY-MM: the month the assistance was for. */
  month: string;
  households: readonly StatisticsHouseholdMonth[];
  closedCases: readonly StatisticsClosedCase[];
}

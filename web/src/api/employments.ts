/** The API contract, calls and React Query hooks of the subsidised employments. */
import { useQuery } from '@tanstack/react-query';
import { request } from './client.ts';

export type EmploymentStatus = 'planned' | 'started' | 'ended' | 'cancelled';
export type UnionReview = 'pending' | 'approved' | 'refused';

export interface AkassaWarning {
  employmentId: string;
  form: string;
  formLabel: string;
  startsOn: string;
  endsOn: string;
  qualifyingForms: { code: string; label: string }[];
  /** The warning in the user's language. */
  message: string;
}

export interface ExchangeFigures {
  salaryCostOre: number;
  supportOre: number;
  netCostOre: number;
  monthsEmployed: number;
  assistancePaidOre: number | null;
  assistanceAvoidedOre: number | null;
}

export interface ExchangeTotals {
  persons: number;
  salaryCostOre: number;
  supportOre: number;
  netCostOre: number;
  assistanceAvoidedOre: number;
  personsWithoutAssistanceData: number;
}

export interface Employment {
  id: string;
  referralId: string;
  form: string;
  formLabel: string;
  qualifiesForUnemploymentInsurance: boolean;
  employer: string;
  workplace: string | null;
  startsOn: string;
  endsOn: string;
  hoursPerWeek: number;
  monthlySalaryCostOre: number;
  monthlySupportOre: number;
  extendsId: string | null;
  extendedBy: string | null;
  unionReview: UnionReview;
  unionReason: string | null;
  unionReviewedOn: string | null;
  status: EmploymentStatus;
  statusLabel: string;
  endedOn: string | null;
}

export interface EmploymentList {
  referralId: string;
  personId: string;
  closed: boolean;
  employments: Employment[];
  warning: AkassaWarning | null;
  exchange: {
    month: string;
    thisMonth: ExchangeFigures;
    yearToDate: ExchangeFigures;
    assistanceAllowed: boolean;
  } | null;
}

export interface NewEmployment {
  form: string;
  employer: string;
  workplace?: string | null;
  startsOn: string;
  endsOn: string;
  hoursPerWeek: number;
  monthlySalaryCostOre: number;
  monthlySupportOre: number;
  extendsId?: string | null;
}

export interface EmploymentChanged {
  id: string;
  status: string;
  warning: AkassaWarning | null;
  assistanceNotified?: boolean;
}

export interface EmploymentsOverview {
  month: string;
  today: string;
  byForm: { form: string; label: string; qualifies: boolean; count: number }[];
  totalEmployed: number;
  ending: {
    id: string;
    referralId: string;
    personId: string;
    name: string | null;
    protectedIdentity: boolean;
    form: string;
    formLabel: string;
    employer: string;
    startsOn: string;
    endsOn: string;
    daysLeft: number;
    status: EmploymentStatus;
  }[];
  exchange: {
    month: ExchangeTotals;
    yearToDate: ExchangeTotals;
    persons: {
      personId: string;
      referralId: string;
      name: string | null;
      protectedIdentity: boolean;
      assistanceAllowed: boolean;
      thisMonth: ExchangeFigures;
      yearToDate: ExchangeFigures;
    }[];
  };
}

const seg = encodeURIComponent;

export const employmentApi = {
  list: (referralId: string) =>
    request<EmploymentList>('GET', `/labour/referrals/${seg(referralId)}/employments`),
  create: (referralId: string, employment: NewEmployment) =>
    request<{ id: string; warning: AkassaWarning | null }>(
      'POST',
      `/labour/referrals/${seg(referralId)}/employments`,
      { body: employment },
    ),
  unionReview: (
    id: string,
    review: { decision: 'approved' | 'refused'; reason?: string; reviewedOn: string },
  ) => request<EmploymentChanged>('POST', `/labour/employments/${seg(id)}/union-review`, { body: review }),
  start: (id: string) => request<EmploymentChanged>('POST', `/labour/employments/${seg(id)}/start`),
  end: (id: string, endedOn: string) =>
    request<EmploymentChanged>('POST', `/labour/employments/${seg(id)}/end`, { body: { endedOn } }),
  cancel: (id: string) => request<EmploymentChanged>('POST', `/labour/employments/${seg(id)}/cancel`),
  overview: (month?: string) =>
    request<EmploymentsOverview>('GET', '/labour/employments/overview', { query: { month } }),
};

export const employmentKeys = {
  list: (referralId: string) => ['labour', 'referrals', referralId, 'employments'] as const,
  overview: (month: string) => ['labour', 'employments', 'overview', month] as const,
};

export const useEmployments = (referralId: string) =>
  useQuery({ queryKey: employmentKeys.list(referralId), queryFn: () => employmentApi.list(referralId) });

export const useEmploymentsOverview = (month: string) =>
  useQuery({ queryKey: employmentKeys.overview(month), queryFn: () => employmentApi.overview(month) });

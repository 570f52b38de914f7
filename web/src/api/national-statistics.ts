/** The monthly delivery to Socialstyrelsen: the validation report and the file's address. */
import { useQuery } from '@tanstack/react-query';
import { API_BASE, request } from './client.ts';

export type NationalStatisticsRule =
  | 'missing_reason_code'
  | 'unknown_reason_code'
  | 'payment_without_decision'
  | 'closed_without_exit_reason'
  | 'unknown_exit_reason'
  | 'no_applicant'
  | 'invalid_personal_number'
  | 'protected_identity';

export interface NationalStatisticsProblem {
  rule: NationalStatisticsRule;
  severity: 'error' | 'warning';
  caseId: string;
  /** A reference that names no one, e.g. ÄR-3F2A9C10. */
  caseRef: string;
  message: string;
}

export interface NationalStatisticsCheck {
  month: string;
  dueOn: string;
  layout: string;
  fileName: string;
  counts: {
    households: number;
    adults: number;
    children: number;
    paidOre: number;
    adultsInMeasure: number;
    closedCases: number;
    rows: number;
  };
  errors: number;
  warnings: number;
  problems: NationalStatisticsProblem[];
}

const seg = encodeURIComponent;

export const nationalStatisticsApi = {
  check: (month: string) =>
    request<NationalStatisticsCheck>('GET', `/followup/national-statistics/${seg(month)}/check`),
  fileUrl: (month: string) => `${API_BASE}/followup/national-statistics/${seg(month)}/file`,
};

export const nationalStatisticsKeys = {
  check: (month: string) => ['followup', 'national-statistics', month] as const,
};

export const useNationalStatisticsCheck = (month: string) =>
  useQuery({
    queryKey: nationalStatisticsKeys.check(month),
    queryFn: () => nationalStatisticsApi.check(month),
  });

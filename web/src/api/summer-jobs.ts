/** Calls, types and React Query hooks of summer jobs (feriearbeten). */
import { useQuery } from '@tanstack/react-query';
import type { EmployerKind, OfferStatus } from '../../../src/labour/domain/terms.ts';
import type { SummerAllocationReason } from '../../../src/labour/domain/summer-jobs.ts';
import { request } from './client.ts';

export type { EmployerKind, OfferStatus, SummerAllocationReason };

export interface SummerRoundListItem {
  id: string;
  year: number;
  applyBy: string;
  minAge: number;
  maxAge: number;
  lotterySeed: number | null;
  allocatedAt: string | null;
  applicants: number;
  positions: number;
  places: number;
}

export interface SummerCounts {
  applicants: number;
  offered: number;
  awaitingAnswer: number;
  accepted: number;
  declined: number;
  withoutPlace: number;
}

export interface SummerPositionItem {
  id: string;
  employer: string;
  employerKind: EmployerKind;
  title: string;
  places: number;
  filled: number;
  accepted: number;
}

export interface SummerRoundDetail extends Omit<SummerRoundListItem, 'applicants' | 'positions' | 'places'> {
  summary: SummerCounts & { positions: number; places: number; freePlaces: number };
  perGroup: (SummerCounts & { group: number; label: string })[];
  positions: SummerPositionItem[];
}

export interface SummerApplicantItem {
  id: string;
  personId: string;
  name: string | null;
  appliedOn: string;
  householdWithAssistance: boolean;
  hadSummerJobBefore: boolean;
  preferences: string[];
  priorityGroup: number;
  lotteryNumber: number | null;
  positionId: string | null;
  position: string | null;
  offerStatus: OfferStatus;
  reason: SummerAllocationReason | null;
  reasonText: string;
}

export interface SummerApplicantFilter {
  group?: string;
  status?: string;
  limit?: number;
}

export interface SummerAnswer {
  applicantId: string;
  offerStatus: 'accepted' | 'declined';
  message: string;
  next: {
    applicantId: string;
    name: string | null;
    positionId: string;
    priorityGroup: number;
    lotteryNumber: number;
    reason: SummerAllocationReason;
  } | null;
}

const BASE = '/labour/summer-jobs';

export const summerJobsApi = {
  rounds: () => request<{ items: SummerRoundListItem[] }>('GET', `${BASE}/rounds`),
  round: (id: string) => request<SummerRoundDetail>('GET', `${BASE}/rounds/${encodeURIComponent(id)}`),
  createRound: (body: { year: number; applyBy: string; minAge: number; maxAge: number }) =>
    request<{ id: string }>('POST', `${BASE}/rounds`, { body }),
  createPosition: (
    roundId: string,
    body: { employer: string; employerKind: EmployerKind; title: string; places: number },
  ) => request<{ id: string }>('POST', `${BASE}/rounds/${encodeURIComponent(roundId)}/positions`, { body }),
  createApplicant: (
    roundId: string,
    body: {
      personalNumber: string;
      appliedOn: string;
      householdWithAssistance: boolean;
      hadSummerJobBefore: boolean;
      preferences: string[];
    },
  ) => request<{ id: string }>('POST', `${BASE}/rounds/${encodeURIComponent(roundId)}/applicants`, { body }),
  applicants: (roundId: string, filter: SummerApplicantFilter) =>
    request<{ total: number; items: SummerApplicantItem[] }>(
      'GET',
      `${BASE}/rounds/${encodeURIComponent(roundId)}/applicants`,
      {
        query: {
          group: filter.group || undefined,
          status: filter.status || undefined,
          limit: filter.limit ? String(filter.limit) : undefined,
        },
      },
    ),
  allocate: (roundId: string) =>
    request<{ lotterySeed: number; offered: number; withoutPlace: number; message: string }>(
      'POST',
      `${BASE}/rounds/${encodeURIComponent(roundId)}/allocate`,
    ),
  answer: (applicantId: string, accept: boolean) =>
    request<SummerAnswer>('POST', `${BASE}/applicants/${encodeURIComponent(applicantId)}/answer`, {
      body: { accept },
    }),
};

export const summerJobKeys = {
  all: ['labour', 'summer-jobs'] as const,
  rounds: ['labour', 'summer-jobs', 'rounds'] as const,
  round: (id: string) => ['labour', 'summer-jobs', 'rounds', id] as const,
  applicants: (id: string, filter: SummerApplicantFilter) =>
    ['labour', 'summer-jobs', 'rounds', id, 'applicants', filter] as const,
};

export const useSummerRounds = () =>
  useQuery({ queryKey: summerJobKeys.rounds, queryFn: summerJobsApi.rounds });

export const useSummerRound = (id: string | null) =>
  useQuery({
    queryKey: summerJobKeys.round(id ?? ''),
    queryFn: () => summerJobsApi.round(id ?? ''),
    enabled: Boolean(id),
  });

export const useSummerApplicants = (id: string | null, filter: SummerApplicantFilter) =>
  useQuery({
    queryKey: summerJobKeys.applicants(id ?? '', filter),
    queryFn: () => summerJobsApi.applicants(id ?? '', filter),
    enabled: Boolean(id),
  });

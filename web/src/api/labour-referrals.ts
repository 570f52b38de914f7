/** Calls and React Query hooks of the labour-market unit's referrals, plans and start page. */
import { useQuery } from '@tanstack/react-query';
import { request } from './client.ts';
import type {
  CaseLabour,
  CreatedReferral,
  LabourStart,
  NewFollowUp,
  NewMapping,
  NewPlan,
  NewReferral,
  ReferralDetail,
  ReferralExit,
  ReferralListItem,
} from './labour-referral-types.ts';

const seg = encodeURIComponent;

export const labourReferralApi = {
  referrals: (query: { status?: 'open' | 'closed'; q?: string }) =>
    request<{ items: ReferralListItem[] }>('GET', '/labour/referrals', { query }),
  referral: (id: string) => request<ReferralDetail>('GET', `/labour/referrals/${seg(id)}`),
  createReferral: (referral: NewReferral) =>
    request<CreatedReferral>('POST', '/labour/referrals', { body: referral }),
  referFromCase: (caseId: string, input: { personId: string; reason?: string }) =>
    request<CreatedReferral>('POST', `/assistance/cases/${seg(caseId)}/referrals`, { body: input }),
  setIntroAttended: (id: string, attended: boolean) =>
    request<void>('PUT', `/labour/referrals/${seg(id)}/intro`, { body: { attended } }),
  createMapping: (id: string, mapping: NewMapping) =>
    request<{ id: string }>('POST', `/labour/referrals/${seg(id)}/mappings`, { body: mapping }),
  createPlan: (id: string, plan: NewPlan) =>
    request<{ id: string; version: number }>('POST', `/labour/referrals/${seg(id)}/plans`, { body: plan }),
  createFollowUp: (planId: string, followUp: NewFollowUp) =>
    request<{ id: string }>('POST', `/labour/plans/${seg(planId)}/follow-ups`, { body: followUp }),
  exit: (id: string, exit: ReferralExit) =>
    request<void>('POST', `/labour/referrals/${seg(id)}/exit`, { body: exit }),
  setRegistration: (personId: string, input: { registeredOn: string; endedOn?: string }) =>
    request<void>('PUT', `/people/${seg(personId)}/employment-service-registration`, { body: input }),
  start: () => request<LabourStart>('GET', '/labour/start'),
  caseLabour: (caseId: string) => request<CaseLabour>('GET', `/assistance/cases/${seg(caseId)}/labour`),
  acknowledgeNotice: (id: string) =>
    request<void>('POST', `/assistance/labour-notices/${seg(id)}/acknowledge`),
};

export const labourReferralKeys = {
  all: ['labour'] as const,
  referrals: (query: { status?: string; q?: string }) => ['labour', 'referrals', 'list', query] as const,
  referral: (id: string) => ['labour', 'referrals', id] as const,
  start: ['labour', 'start'] as const,
  caseLabour: (caseId: string) => ['assistance', 'cases', caseId, 'labour'] as const,
};

export const useReferrals = (query: { status?: 'open' | 'closed'; q?: string }) =>
  useQuery({
    queryKey: labourReferralKeys.referrals(query),
    queryFn: () => labourReferralApi.referrals(query),
  });

export const useReferral = (id: string) =>
  useQuery({ queryKey: labourReferralKeys.referral(id), queryFn: () => labourReferralApi.referral(id) });

export const useLabourStart = () =>
  useQuery({ queryKey: labourReferralKeys.start, queryFn: labourReferralApi.start });

export const useCaseLabour = (caseId: string) =>
  useQuery({
    queryKey: labourReferralKeys.caseLabour(caseId),
    queryFn: () => labourReferralApi.caseLabour(caseId),
  });

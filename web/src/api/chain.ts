/**
 * Calls, types and React Query hooks of the whole chain: the information flows about a person,
 * the person's whole-chain timeline, and the notices from the labour-market unit.
 */
import { useQuery } from '@tanstack/react-query';
import { request } from './client.ts';

const seg = encodeURIComponent;

export type FlowDirection = 'assistance_to_labour' | 'labour_to_assistance';
export type FlowBasis = 'consent' | 'law';

export interface InformationFlow {
  id: string;
  direction: FlowDirection;
  directionLabel: string;
  basis: FlowBasis;
  basisLabel: string;
  legalReference: string | null;
  givenOn: string;
  revokedOn: string | null;
  standing: boolean;
  recordedBy: { id: string; name: string };
  revokedBy: { id: string; name: string } | null;
}

export interface InformationFlows {
  personId: string;
  separateAuthority: boolean;
  directions: {
    direction: FlowDirection;
    label: string;
    standing: boolean;
    current: InformationFlow | null;
  }[];
  items: InformationFlow[];
}

export interface NewFlow {
  direction: FlowDirection;
  basis: FlowBasis;
  legalReference?: string;
  givenOn: string;
}

export type ChainPart = 'assistance' | 'labour';

export interface ChainPartAccess {
  shown: boolean;
  because: 'own_unit' | 'same_authority' | 'flow' | null;
  withheld: 'no_flow' | 'no_access' | null;
  message: string | null;
}

export type ChainEventKind =
  | 'case_opened'
  | 'application'
  | 'decision'
  | 'payment'
  | 'reason_code'
  | 'case_closed'
  | 'referral'
  | 'intro_day'
  | 'mapping'
  | 'plan'
  | 'follow_up'
  | 'placement'
  | 'employment'
  | 'exit';

export interface ChainEvent {
  part: ChainPart;
  kind: ChainEventKind;
  date: string;
  id: string;
  caseId: string | null;
  referralId: string | null;
  month: string | null;
  code: string | null;
  codeLabel: string | null;
  status: string | null;
  review: string | null;
  name: string | null;
  text: string | null;
  amountOre: number | null;
  hours: number | null;
  version: number | null;
  attended: boolean | null;
  from: string | null;
  to: string | null;
}

export interface Chain {
  personId: string;
  today: string;
  separateAuthority: boolean;
  parts: Record<ChainPart, ChainPartAccess>;
  events: ChainEvent[];
}

export interface LabourNotice {
  id: string;
  caseId: string;
  personId: string;
  name: string | null;
  protectedIdentity: boolean;
  kind: 'referred' | 'absence' | 'deviation' | 'employment_started' | 'exit';
  kindLabel: string;
  week: string | null;
  detail: Record<string, string | number | boolean>;
  detailText: string | null;
  lowerPaymentExpected: boolean;
  createdAt: string;
}

export const chainApi = {
  flows: (personId: string) => request<InformationFlows>('GET', `/people/${seg(personId)}/information-flows`),
  recordFlow: (personId: string, flow: NewFlow) =>
    request<InformationFlow>('POST', `/people/${seg(personId)}/information-flows`, { body: flow }),
  revokeFlow: (personId: string, flowId: string, revokedOn: string) =>
    request<InformationFlow>('POST', `/people/${seg(personId)}/information-flows/${seg(flowId)}/revoke`, {
      body: { revokedOn },
    }),
  chain: (personId: string) => request<Chain>('GET', `/people/${seg(personId)}/chain`),
  labourNotices: () => request<{ items: LabourNotice[] }>('GET', '/assistance/labour-notices'),
};

export const chainKeys = {
  flows: (personId: string) => ['people', personId, 'information-flows'] as const,
  chain: (personId: string) => ['people', personId, 'chain'] as const,
  labourNotices: ['assistance', 'labour-notices'] as const,
};

export const useInformationFlows = (personId: string) =>
  useQuery({ queryKey: chainKeys.flows(personId), queryFn: () => chainApi.flows(personId), gcTime: 0 });

export const useChain = (personId: string) =>
  useQuery({ queryKey: chainKeys.chain(personId), queryFn: () => chainApi.chain(personId), gcTime: 0 });

export const useLabourNotices = () =>
  useQuery({ queryKey: chainKeys.labourNotices, queryFn: chainApi.labourNotices });

/**
 * Calls, types and React Query hooks of the whole chain: the information flows about a person,
 * the person's whole-chain timeline, and the notices from the labour-market unit.
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { request } from './client.ts';

const seg = encodeURIComponent;

/** Events per page of the timeline (a day is never split, so a page may hold a few more). */
const CHAIN_PAGE = 50;

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

/** An event; only the fields its kind uses are present (see src/labour/domain/chain-timeline.ts). */
export interface ChainEvent {
  part: ChainPart;
  kind: ChainEventKind;
  date: string;
  id: string;
  caseId?: string;
  referralId?: string;
  month?: string;
  code?: string;
  codeLabel?: string;
  status?: string;
  review?: string;
  name?: string;
  text?: string;
  amountOre?: number;
  hours?: number;
  version?: number;
  attended?: boolean;
  from?: string;
  to?: string;
}

export interface Chain {
  personId: string;
  today: string;
  separateAuthority: boolean;
  parts: Record<ChainPart, ChainPartAccess>;
  /** Whether older events than this page exist (then `nextBefore` is set). */
  hasMore: boolean;
  /** `before` of the next, older page; null when there is none. */
  nextBefore: string | null;
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
  chain: (personId: string, before?: string) =>
    request<Chain>('GET', `/people/${seg(personId)}/chain`, { query: { before, limit: String(CHAIN_PAGE) } }),
  labourNotices: () => request<{ items: LabourNotice[] }>('GET', '/assistance/labour-notices'),
};

export const chainKeys = {
  flows: (personId: string) => ['people', personId, 'information-flows'] as const,
  chain: (personId: string) => ['people', personId, 'chain'] as const,
  labourNotices: ['assistance', 'labour-notices'] as const,
};

export const useInformationFlows = (personId: string) =>
  useQuery({ queryKey: chainKeys.flows(personId), queryFn: () => chainApi.flows(personId), gcTime: 0 });

/** The timeline page by page, newest first ("Visa äldre händelser" fetches the next). */
export const useChain = (personId: string) =>
  useInfiniteQuery({
    queryKey: chainKeys.chain(personId),
    queryFn: ({ pageParam }) => chainApi.chain(personId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    gcTime: 0,
  });

export const useLabourNotices = () =>
  useQuery({ queryKey: chainKeys.labourNotices, queryFn: chainApi.labourNotices });

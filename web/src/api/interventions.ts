/** Calls, types and React Query hooks of the intervention catalogue, placements and attendance. */
import { useQuery } from '@tanstack/react-query';
import type { AbsenceReason, InterventionKind, PlacementStatus } from '../../../src/labour/domain/terms.ts';
import { request } from './client.ts';

export type { AbsenceReason, InterventionKind, PlacementStatus };

export interface InterventionInput {
  name: string;
  kind: InterventionKind;
  workOriented: boolean;
  targetGroup: string | null;
  minAge: number | null;
  maxAge: number | null;
  maxWeeks: number | null;
  maxHoursPerWeek: number | null;
  capacityPerYear: number | null;
  active: boolean;
}

export interface Intervention extends InterventionInput {
  id: string;
  kindLabel: string;
}

export interface InterventionList {
  workOrientedMinHours: number;
  kinds: { kind: InterventionKind; label: string }[];
  items: Intervention[];
}

export interface OccupancyFigures {
  capacityPerYear: number | null;
  startedInYear: number;
  activeNow: number;
  waiting: number;
  sharePercent: number | null;
  freePlaces: number | null;
}

export interface OccupancyItem extends OccupancyFigures {
  id: string;
  name: string;
  kind: InterventionKind;
  kindLabel: string;
  workOriented: boolean;
  active: boolean;
}

export interface Occupancy {
  year: number;
  today: string;
  items: OccupancyItem[];
  total: OccupancyFigures;
}

export interface WaitingList {
  interventionId: string;
  name: string;
  capacityPerYear: number | null;
  items: {
    placementId: string;
    position: number;
    visible: boolean;
    referralId: string | null;
    personId: string | null;
    name: string | null;
    protectedIdentity: boolean;
    requestedOn: string;
    startsOn: string;
    endsOn: string;
    hoursPerWeek: number;
  }[];
}

export interface AttendanceWeek {
  week: string;
  plannedHours: number;
  attendedHours: number;
  absenceReason: AbsenceReason | null;
  absenceReasonLabel: string | null;
  comment: string | null;
  reportedAt: string;
}

export interface Placement {
  id: string;
  referralId: string;
  interventionId: string;
  interventionName: string;
  kind: InterventionKind;
  kindLabel: string;
  workOriented: boolean;
  planId: string | null;
  status: PlacementStatus;
  statusLabel: string;
  queuePosition: number | null;
  requestedOn: string;
  startsOn: string;
  endsOn: string;
  endedOn: string | null;
  hoursPerWeek: number;
  attendance: AttendanceWeek[];
}

export interface PlacementList {
  referralId: string;
  personId: string;
  capacityHours: number | null;
  workOrientedMinHours: number;
  items: Placement[];
}

export interface NewPlacement {
  interventionId: string;
  startsOn: string;
  endsOn: string;
  hoursPerWeek: number;
  planId?: string | null;
}

export interface Placed {
  outcome: 'active' | 'waiting';
  queuePosition: number | null;
  placement: Placement;
}

export interface AttendanceReport {
  plannedHours: number;
  attendedHours: number;
  absenceReason: AbsenceReason | null;
  comment: string | null;
}

export interface AttendanceSaved extends AttendanceWeek {
  notified: ('absence' | 'deviation')[];
}

const seg = encodeURIComponent;

export const interventionsApi = {
  interventions: () => request<InterventionList>('GET', '/labour/interventions'),
  createIntervention: (input: InterventionInput) =>
    request<Intervention>('POST', '/labour/interventions', { body: input }),
  updateIntervention: (id: string, input: InterventionInput) =>
    request<Intervention>('PUT', `/labour/interventions/${seg(id)}`, { body: input }),
  occupancy: (year?: number) =>
    request<Occupancy>('GET', '/labour/interventions/occupancy', {
      query: { year: year === undefined ? undefined : String(year) },
    }),
  waitingList: (id: string) => request<WaitingList>('GET', `/labour/interventions/${seg(id)}/waiting-list`),
  placements: (referralId: string) =>
    request<PlacementList>('GET', `/labour/referrals/${seg(referralId)}/placements`),
  place: (referralId: string, input: NewPlacement) =>
    request<Placed>('POST', `/labour/referrals/${seg(referralId)}/placements`, { body: input }),
  admit: (placementId: string) =>
    request<Placement>('POST', `/labour/placements/${seg(placementId)}/admit`, { body: {} }),
  end: (placementId: string, endedOn: string) =>
    request<Placement>('POST', `/labour/placements/${seg(placementId)}/end`, { body: { endedOn } }),
  reportAttendance: (placementId: string, week: string, report: AttendanceReport) =>
    request<AttendanceSaved>('PUT', `/labour/placements/${seg(placementId)}/attendance/${seg(week)}`, {
      body: report,
    }),
};

export const interventionKeys = {
  all: ['labour', 'interventions'] as const,
  catalogue: ['labour', 'interventions', 'catalogue'] as const,
  occupancy: (year: number | undefined) => ['labour', 'interventions', 'occupancy', year ?? 'now'] as const,
  waitingList: (id: string) => ['labour', 'interventions', 'waiting-list', id] as const,
  placements: (referralId: string) => ['labour', 'referrals', referralId, 'placements'] as const,
};

export const useInterventions = () =>
  useQuery({ queryKey: interventionKeys.catalogue, queryFn: interventionsApi.interventions });

export const useOccupancy = (year: number | undefined) =>
  useQuery({ queryKey: interventionKeys.occupancy(year), queryFn: () => interventionsApi.occupancy(year) });

export const useWaitingList = (id: string) =>
  useQuery({ queryKey: interventionKeys.waitingList(id), queryFn: () => interventionsApi.waitingList(id) });

export const usePlacements = (referralId: string) =>
  useQuery({
    queryKey: interventionKeys.placements(referralId),
    queryFn: () => interventionsApi.placements(referralId),
  });

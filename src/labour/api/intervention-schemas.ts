/** Request and response schemas of the intervention catalogue, placements and attendance. */
import { z } from 'zod';
import { INTERVENTION_KINDS } from '../domain/terms.ts';

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().max(max);
const ABSENCE_REASONS = ['sick', 'valid', 'without_reason'] as const;
const PLACEMENT_STATUSES = ['waiting', 'active', 'ended', 'cancelled'] as const;

export const IdParams = z.strictObject({ id: z.uuid() });
export const AttendanceParams = z.strictObject({ id: z.uuid(), week: isoDate.describe('the Monday') });

export const InterventionBody = z
  .strictObject({
    name: text(200).min(1),
    kind: z.enum(INTERVENTION_KINDS),
    workOriented: z.boolean().describe('needs the configured capacity (10 hours a week by default)'),
    targetGroup: text(500).nullable().default(null),
    minAge: z.number().int().min(15).max(70).nullable().default(null),
    maxAge: z.number().int().min(15).max(70).nullable().default(null),
    maxWeeks: z.number().int().min(1).max(520).nullable().default(null),
    maxHoursPerWeek: z.number().int().min(1).max(40).nullable().default(null),
    capacityPerYear: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .nullable()
      .default(null)
      .describe('starts per calendar year; null = no limit'),
    active: z.boolean().default(true),
  })
  .refine((v) => v.minAge === null || v.maxAge === null || v.minAge <= v.maxAge, {
    path: ['maxAge'],
    message: 'too_small',
  });

export const Intervention = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(INTERVENTION_KINDS),
  kindLabel: z.string(),
  workOriented: z.boolean(),
  targetGroup: z.string().nullable(),
  minAge: z.number().int().nullable(),
  maxAge: z.number().int().nullable(),
  maxWeeks: z.number().int().nullable(),
  maxHoursPerWeek: z.number().int().nullable(),
  capacityPerYear: z.number().int().nullable(),
  active: z.boolean(),
});

export const InterventionListResponse = z.object({
  workOrientedMinHours: z.number().int(),
  kinds: z.array(z.object({ kind: z.enum(INTERVENTION_KINDS), label: z.string() })),
  items: z.array(Intervention),
});

export const OccupancyQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('defaults to this year'),
});

const occupancyFigures = {
  capacityPerYear: z.number().int().nullable(),
  startedInYear: z.number().int(),
  activeNow: z.number().int(),
  waiting: z.number().int(),
  sharePercent: z.number().int().nullable().describe('started in the year as a percentage of capacity'),
  freePlaces: z.number().int().nullable(),
};

export const OccupancyResponse = z.object({
  year: z.number().int(),
  today: z.string(),
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      kind: z.enum(INTERVENTION_KINDS),
      kindLabel: z.string(),
      workOriented: z.boolean(),
      active: z.boolean(),
      ...occupancyFigures,
    }),
  ),
  total: z.object(occupancyFigures),
});

export const WaitingListResponse = z.object({
  interventionId: z.uuid(),
  name: z.string(),
  capacityPerYear: z.number().int().nullable(),
  items: z.array(
    z.object({
      placementId: z.uuid(),
      position: z.number().int(),
      visible: z.boolean().describe("false: another unit's participant, not named"),
      referralId: z.uuid().nullable(),
      personId: z.uuid().nullable(),
      name: z.string().nullable().describe('null for a protected identity or an invisible person'),
      protectedIdentity: z.boolean(),
      requestedOn: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      hoursPerWeek: z.number().int(),
    }),
  ),
});

export const NewPlacementBody = z.strictObject({
  interventionId: z.uuid(),
  startsOn: isoDate,
  endsOn: isoDate,
  hoursPerWeek: z.number().int().min(1).max(40),
  planId: z.uuid().nullable().default(null),
});

export const AdmitBody = z.strictObject({
  startsOn: isoDate.optional().describe('a new start (e.g. in a year with free places)'),
  endsOn: isoDate.optional(),
});

export const EndPlacementBody = z.strictObject({
  endedOn: isoDate.describe('before the start: the placement is cancelled and its place freed'),
});

export const AttendanceBody = z.strictObject({
  plannedHours: z.number().int().min(0).max(60),
  attendedHours: z.number().int().min(0).max(60),
  absenceReason: z.enum(ABSENCE_REASONS).nullable().default(null),
  comment: text(1000).nullable().default(null),
});

export const AttendanceWeek = z.object({
  week: z.string(),
  plannedHours: z.number().int(),
  attendedHours: z.number().int(),
  absenceReason: z.enum(ABSENCE_REASONS).nullable(),
  absenceReasonLabel: z.string().nullable(),
  comment: z.string().nullable(),
  reportedAt: z.string(),
});

export const Placement = z.object({
  id: z.uuid(),
  referralId: z.uuid(),
  interventionId: z.uuid(),
  interventionName: z.string(),
  kind: z.enum(INTERVENTION_KINDS),
  kindLabel: z.string(),
  workOriented: z.boolean(),
  planId: z.uuid().nullable(),
  status: z.enum(PLACEMENT_STATUSES),
  statusLabel: z.string(),
  queuePosition: z.number().int().nullable(),
  requestedOn: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  endedOn: z.string().nullable(),
  hoursPerWeek: z.number().int(),
  attendance: z.array(AttendanceWeek),
});

export const PlacementListResponse = z.object({
  referralId: z.uuid(),
  personId: z.uuid(),
  capacityHours: z.number().int().nullable().describe("the latest mapping's capacity, hours a week"),
  workOrientedMinHours: z.number().int(),
  items: z.array(Placement),
});

export const PlacedResponse = z.object({
  outcome: z.enum(['active', 'waiting']),
  queuePosition: z.number().int().nullable(),
  placement: Placement,
});

export const AttendanceResponse = AttendanceWeek.extend({
  notified: z.array(z.enum(['absence', 'deviation'])).describe('notices written to assistance'),
});

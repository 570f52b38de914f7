/**
 * Placements in interventions: placing a person (or putting them on the waiting list), admitting
 * from the waiting list, ending, and the weekly attendance with its notices to assistance.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../access/domain/principal.ts';
import type { Database } from '../../db/connection.ts';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint, type AuditNotes } from '../../http/endpoint.ts';
import { catalogues, type Locale } from '../../i18n/catalogue.ts';
import { swedishToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { attendanceOf, findAttendance, upsertAttendance, type AttendanceRow } from '../db/attendance.ts';
import { findIntervention, type InterventionRow } from '../db/interventions.ts';
import { assistanceCaseToNotify, notifyAssistance } from '../db/notices.ts';
import {
  birthDateOf,
  findPlacement,
  insertPlacement,
  latestCapacity,
  planOfReferral,
  queuePosition,
  referralPlacements,
  setPlacementStatus,
  yearCounts,
  type PlacementRow,
  type ReferralPlacementRow,
} from '../db/placements.ts';
import { requireOpen, requireReferral, type ReferralRef } from '../db/referral-scope.ts';
import { loadLabourSettings } from '../db/settings.ts';
import { attendanceNotices, newNotices, refuseAttendance } from '../domain/attendance-rules.ts';
import { hasFreePlace, placementOutcome, yearOf } from '../domain/capacity.ts';
import { refusePlacement } from '../domain/placement-rules.ts';
import {
  AdmitBody,
  AttendanceBody,
  AttendanceParams,
  AttendanceResponse,
  EndPlacementBody,
  IdParams,
  NewPlacementBody,
  PlacedResponse,
  Placement,
  PlacementListResponse,
} from './intervention-schemas.ts';

const tags = ['Arbetsmarknadsenheten'];

function presentAttendance(row: AttendanceRow, locale: Locale) {
  return {
    week: row.week,
    plannedHours: row.planned_hours,
    attendedHours: row.attended_hours,
    absenceReason: row.absence_reason,
    absenceReasonLabel: row.absence_reason
      ? catalogues[locale].labour.absenceReasons[row.absence_reason]
      : null,
    comment: row.comment,
    reportedAt: new Date(row.reported_at).toISOString(),
  };
}

function presentPlacement(row: ReferralPlacementRow, attendance: AttendanceRow[], locale: Locale) {
  const labels = catalogues[locale].labour;
  return {
    id: row.id,
    referralId: row.referral_id,
    interventionId: row.intervention_id,
    interventionName: row.intervention_name,
    kind: row.intervention_kind,
    kindLabel: labels.interventionKinds[row.intervention_kind],
    workOriented: row.work_oriented,
    planId: row.plan_id,
    status: row.status,
    statusLabel: labels.placementStatuses[row.status],
    queuePosition: row.queue_position,
    requestedOn: row.requested_on,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    endedOn: row.ended_on,
    hoursPerWeek: row.hours_per_week,
    attendance: attendance.filter((a) => a.placement_id === row.id).map((a) => presentAttendance(a, locale)),
  };
}

async function placementView(db: Database, municipalityId: string, placementId: string, locale: Locale) {
  const [row] = await referralPlacements(db, municipalityId, { placementId });
  if (!row) throw new AppError('NOT_FOUND');
  const attendance = await attendanceOf(db, municipalityId, [row.id]);
  return presentPlacement(row, attendance, locale);
}

/** The placement and its referral, if the user may see it; changes need an open referral. */
async function requirePlacement(
  db: Database,
  principal: Principal,
  placementId: string,
  audit: AuditNotes,
): Promise<{ placement: PlacementRow; referral: ReferralRef }> {
  const placement = await findPlacement(db, principal.municipalityId, placementId);
  if (!placement) throw new AppError('NOT_FOUND');
  const referral = await requireReferral(db, principal, placement.referral_id, audit);
  return { placement, referral };
}

async function lockActiveIntervention(
  db: Database,
  municipalityId: string,
  interventionId: string,
): Promise<InterventionRow> {
  const intervention = await findIntervention(db, municipalityId, interventionId, { lock: true });
  if (!intervention) throw new AppError('NOT_FOUND');
  if (!intervention.active) throw new AppError('INTERVENTION_INACTIVE');
  return intervention;
}

/** Checks the placement rules against the latest mapping and the person's age. */
async function checkRules(
  db: Database,
  municipalityId: string,
  referral: ReferralRef,
  intervention: InterventionRow,
  request: { startsOn: string; endsOn: string; hoursPerWeek: number },
): Promise<void> {
  const [capacity, birthDate, settings] = await Promise.all([
    latestCapacity(db, municipalityId, referral.id),
    birthDateOf(db, municipalityId, referral.personId),
    loadLabourSettings(db, municipalityId),
  ]);
  if (capacity === null) throw new AppError('PLACEMENT_MAPPING_REQUIRED');
  const refusal = refusePlacement(
    {
      name: intervention.name,
      workOriented: intervention.work_oriented,
      minAge: intervention.min_age,
      maxAge: intervention.max_age,
      maxWeeks: intervention.max_weeks,
      maxHoursPerWeek: intervention.max_hours_per_week,
    },
    { ...request, birthDate, capacityHours: capacity },
    settings,
  );
  if (refusal) throw new AppError(refusal.code, refusal.params);
}

export function registerPlacementRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/labour/referrals/:id/placements',
    action: 'placement.create',
    permission: 'labour:write',
    summary:
      "Place the person in an intervention, or on its waiting list when the year's capacity is taken (the answer says which)",
    tags,
    params: IdParams,
    body: NewPlacementBody,
    response: PlacedResponse,
    status: 201,
    write: true,
    personalData: true,
    handler: async ({ db, principal, params, body, audit, locale, now }) => {
      const m = principal.municipalityId;
      const referral = await requireReferral(db, principal, params.id, audit);
      requireOpen(referral);
      if (body.planId && !(await planOfReferral(db, m, referral.id, body.planId)))
        throw new AppError('NOT_FOUND');
      // The lock on the intervention serialises placements in it: two cannot take its last place.
      const intervention = await lockActiveIntervention(db, m, body.interventionId);
      await checkRules(db, m, referral, intervention, body);
      const counts = await yearCounts(db, m, intervention.id, yearOf(body.startsOn));
      const outcome = placementOutcome({
        capacityPerYear: intervention.capacity_per_year,
        startedInYear: counts.started,
        waitingInYear: counts.waiting,
      });
      const id = randomUUID();
      await insertPlacement(db, {
        municipalityId: m,
        id,
        referralId: referral.id,
        interventionId: intervention.id,
        planId: body.planId,
        status: outcome,
        requestedOn: swedishToday({ now: () => now }),
        startsOn: body.startsOn,
        endsOn: body.endsOn,
        hoursPerWeek: body.hoursPerWeek,
        createdBy: principal.userId,
        now,
      });
      return {
        outcome,
        queuePosition: outcome === 'waiting' ? await queuePosition(db, m, id) : null,
        placement: await placementView(db, m, id, locale),
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/labour/referrals/:id/placements',
    action: 'placement.list',
    permission: 'labour:read',
    summary: "The person's placements in interventions, with the attendance per week",
    tags,
    params: IdParams,
    response: PlacementListResponse,
    personalData: true,
    handler: async ({ db, principal, params, audit, locale }) => {
      const m = principal.municipalityId;
      const referral = await requireReferral(db, principal, params.id, audit);
      const [rows, capacity, settings] = await Promise.all([
        referralPlacements(db, m, { referralId: referral.id }),
        latestCapacity(db, m, referral.id),
        loadLabourSettings(db, m),
      ]);
      const attendance = await attendanceOf(
        db,
        m,
        rows.map((row) => row.id),
      );
      return {
        referralId: referral.id,
        personId: referral.personId,
        capacityHours: capacity,
        workOrientedMinHours: settings.workOrientedMinHours,
        items: rows.map((row) => presentPlacement(row, attendance, locale)),
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/labour/placements/:id/admit',
    action: 'placement.admit',
    permission: 'labour:write',
    summary:
      'Admit a person from the waiting list when a place is free in the start year (optionally with new dates)',
    tags,
    params: IdParams,
    body: AdmitBody,
    response: Placement,
    write: true,
    personalData: true,
    handler: async ({ db, principal, params, body, audit, locale }) => {
      const m = principal.municipalityId;
      const found = await requirePlacement(db, principal, params.id, audit);
      requireOpen(found.referral);
      const intervention = await lockActiveIntervention(db, m, found.placement.intervention_id);
      // Read again under the lock: someone may just have admitted or cancelled it.
      const placement = await findPlacement(db, m, params.id);
      if (!placement || placement.status !== 'waiting') throw new AppError('PLACEMENT_NOT_WAITING');
      const startsOn = body.startsOn ?? placement.starts_on;
      const endsOn = body.endsOn ?? placement.ends_on;
      if (startsOn !== placement.starts_on || endsOn !== placement.ends_on)
        await checkRules(db, m, found.referral, intervention, {
          startsOn,
          endsOn,
          hoursPerWeek: placement.hours_per_week,
        });
      const counts = await yearCounts(db, m, intervention.id, yearOf(startsOn));
      if (!hasFreePlace(intervention.capacity_per_year, counts.started))
        throw new AppError('INTERVENTION_FULL', {
          intervention: intervention.name,
          capacity: intervention.capacity_per_year ?? 0,
        });
      await setPlacementStatus(db, m, placement.id, { status: 'active', startsOn, endsOn });
      return placementView(db, m, placement.id, locale);
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/labour/placements/:id/end',
    action: 'placement.end',
    permission: 'labour:write',
    summary:
      'End a placement; one ended before its start, or a place on the waiting list, is cancelled (freeing the place)',
    tags,
    params: IdParams,
    body: EndPlacementBody,
    response: Placement,
    write: true,
    personalData: true,
    handler: async ({ db, principal, params, body, audit, locale, now }) => {
      const m = principal.municipalityId;
      const { placement, referral } = await requirePlacement(db, principal, params.id, audit);
      requireOpen(referral);
      const today = swedishToday({ now: () => now });
      if (body.endedOn > today) throw new AppError('DATE_IN_FUTURE', { date: body.endedOn });
      if (
        placement.status === 'waiting' ||
        (placement.status === 'active' && body.endedOn < placement.starts_on)
      )
        await setPlacementStatus(db, m, placement.id, { status: 'cancelled' });
      else if (placement.status === 'active') {
        if (body.endedOn > placement.ends_on)
          throw new AppError('DATE_NOT_IN_RANGE', {
            date: body.endedOn,
            from: placement.starts_on,
            to: placement.ends_on,
          });
        await setPlacementStatus(db, m, placement.id, { status: 'ended', endedOn: body.endedOn });
      } else throw new AppError('PLACEMENT_NOT_ACTIVE');
      return placementView(db, m, placement.id, locale);
    },
  });

  registerEndpoint(app, deps, {
    method: 'PUT',
    url: '/api/v1/labour/placements/:id/attendance/:week',
    action: 'attendance.report',
    permission: 'labour:write',
    summary:
      "Report (or correct) a week's attendance; an absence or a week planned below the placement's hours is told to the caseworker in assistance when the flow stands",
    tags,
    params: AttendanceParams,
    body: AttendanceBody,
    response: AttendanceResponse,
    write: true,
    personalData: true,
    handler: async ({ db, principal, params, body, audit, locale, now }) => {
      const m = principal.municipalityId;
      const { placement, referral } = await requirePlacement(db, principal, params.id, audit);
      requireOpen(referral);
      if (placement.status !== 'active' && placement.status !== 'ended')
        throw new AppError('PLACEMENT_NOT_ACTIVE');
      const input = {
        week: params.week,
        plannedHours: body.plannedHours,
        attendedHours: body.attendedHours,
        // A reason is kept only for an absence.
        absenceReason: body.attendedHours < body.plannedHours ? body.absenceReason : null,
      };
      const refusal = refuseAttendance(
        { startsOn: placement.starts_on, endsOn: placement.ended_on ?? placement.ends_on },
        input,
      );
      if (refusal) throw new AppError(refusal.code, refusal.params);
      const previous = await findAttendance(db, m, placement.id, params.week);
      const row = await upsertAttendance(db, {
        municipalityId: m,
        placementId: placement.id,
        week: params.week,
        plannedHours: input.plannedHours,
        attendedHours: input.attendedHours,
        absenceReason: input.absenceReason,
        comment: body.comment || null,
        reportedBy: principal.userId,
        now,
      });
      const notices = newNotices(
        attendanceNotices(input, placement.hours_per_week),
        previous
          ? attendanceNotices(
              {
                week: previous.week,
                plannedHours: previous.planned_hours,
                attendedHours: previous.attended_hours,
                absenceReason: previous.absence_reason,
              },
              placement.hours_per_week,
            )
          : [],
      );
      const notified: ('absence' | 'deviation')[] = [];
      if (notices.length > 0) {
        const today = swedishToday({ now: () => now });
        const assistanceCaseId = await assistanceCaseToNotify(db, m, referral, today);
        for (const notice of notices) {
          const written = await notifyAssistance(db, {
            municipalityId: m,
            referralId: referral.id,
            personId: referral.personId,
            assistanceCaseId,
            kind: notice.kind,
            week: params.week,
            detail: notice.detail,
            day: today,
            now,
          });
          if (written) {
            notified.push(notice.kind);
            if (assistanceCaseId) audit.caseIds.add(assistanceCaseId);
          }
        }
      }
      return { ...presentAttendance(row, locale), notified };
    },
  });
}

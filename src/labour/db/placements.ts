/** Placements in interventions and their waiting lists. */
import { sql, type Selectable } from 'kysely';
import type { Principal } from '../../access/domain/principal.ts';
import { caseVisibleTo } from '../../assistance/db/case-scope.ts';
import type { Database } from '../../db/connection.ts';
import type { InterventionKind, PlacementStatus } from '../domain/terms.ts';
import type { PlacementTable } from './tables.ts';

export type PlacementRow = Selectable<PlacementTable>;

/** The capacity in hours a week of the referral's latest mapping, or null when not mapped. */
export async function latestCapacity(
  db: Database,
  municipalityId: string,
  referralId: string,
): Promise<number | null> {
  const row = await db
    .selectFrom('labour_mapping')
    .select('capacity_hours')
    .where('municipality_id', '=', municipalityId)
    .where('referral_id', '=', referralId)
    .orderBy('mapped_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.capacity_hours ?? null;
}

export async function birthDateOf(db: Database, municipalityId: string, personId: string): Promise<string> {
  const row = await db
    .selectFrom('person')
    .select('birth_date')
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  return row.birth_date;
}

/** Whether the plan is one of the referral's. */
export async function planOfReferral(
  db: Database,
  municipalityId: string,
  referralId: string,
  planId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('personal_plan')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('referral_id', '=', referralId)
    .where('id', '=', planId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Starts (active or ended) and waiting placements of the intervention in a calendar year. */
export async function yearCounts(
  db: Database,
  municipalityId: string,
  interventionId: string,
  year: number,
): Promise<{ started: number; waiting: number }> {
  const row = await db
    .selectFrom('placement')
    .select([
      sql<number>`count(*) FILTER (WHERE status IN ('active', 'ended'))::int`.as('started'),
      sql<number>`count(*) FILTER (WHERE status = 'waiting')::int`.as('waiting'),
    ])
    .where('municipality_id', '=', municipalityId)
    .where('intervention_id', '=', interventionId)
    .where('status', 'in', ['active', 'ended', 'waiting'])
    .where('starts_on', '>=', `${year}-01-01`)
    .where('starts_on', '<=', `${year}-12-31`)
    .executeTakeFirstOrThrow();
  return { started: row.started, waiting: row.waiting };
}

export interface NewPlacement {
  municipalityId: string;
  id: string;
  referralId: string;
  interventionId: string;
  planId: string | null;
  status: 'active' | 'waiting';
  requestedOn: string;
  startsOn: string;
  endsOn: string;
  hoursPerWeek: number;
  createdBy: string;
  now: Date;
}

export async function insertPlacement(db: Database, p: NewPlacement): Promise<void> {
  await db
    .insertInto('placement')
    .values({
      municipality_id: p.municipalityId,
      id: p.id,
      referral_id: p.referralId,
      intervention_id: p.interventionId,
      plan_id: p.planId,
      status: p.status,
      requested_on: p.requestedOn,
      starts_on: p.startsOn,
      ends_on: p.endsOn,
      hours_per_week: p.hoursPerWeek,
      created_by: p.createdBy,
      created_at: p.now,
    })
    .execute();
}

export async function findPlacement(
  db: Database,
  municipalityId: string,
  id: string,
): Promise<PlacementRow | undefined> {
  return db
    .selectFrom('placement')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function setPlacementStatus(
  db: Database,
  municipalityId: string,
  id: string,
  change: { status: PlacementStatus; endedOn?: string | null; startsOn?: string; endsOn?: string },
): Promise<void> {
  await db
    .updateTable('placement')
    .set({
      status: change.status,
      ended_on: change.endedOn ?? null,
      ...(change.startsOn ? { starts_on: change.startsOn } : {}),
      ...(change.endsOn ? { ends_on: change.endsOn } : {}),
    })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .execute();
}

/**
 * SQL: the position on its intervention's waiting list of the placement `alias` (1 = next in
 * line), in the order of capacity.ts: request day, registration time, id.
 */
function queuePositionSql(alias: string) {
  const p = sql.raw(alias);
  return sql<number>`(SELECT count(*)::int + 1 FROM placement q
    WHERE q.municipality_id = ${p}.municipality_id AND q.intervention_id = ${p}.intervention_id
      AND q.status = 'waiting'
      AND (q.requested_on, q.created_at, q.id) < (${p}.requested_on, ${p}.created_at, ${p}.id))`;
}

export async function queuePosition(db: Database, municipalityId: string, id: string): Promise<number> {
  const row = await db
    .selectFrom('placement as p')
    .select(queuePositionSql('p').as('position'))
    .where('p.municipality_id', '=', municipalityId)
    .where('p.id', '=', id)
    .executeTakeFirstOrThrow();
  return row.position;
}

export interface ReferralPlacementRow extends PlacementRow {
  intervention_name: string;
  intervention_kind: InterventionKind;
  work_oriented: boolean;
  queue_position: number | null;
}

/**
 * The referral's placements (or the one placement), newest start first, with the queue position of
 * the waiting ones.
 */
export async function referralPlacements(
  db: Database,
  municipalityId: string,
  filter: { referralId: string } | { placementId: string },
): Promise<ReferralPlacementRow[]> {
  return db
    .selectFrom('placement as p')
    .innerJoin('intervention as i', (j) =>
      j.onRef('i.municipality_id', '=', 'p.municipality_id').onRef('i.id', '=', 'p.intervention_id'),
    )
    .selectAll('p')
    .select(['i.name as intervention_name', 'i.kind as intervention_kind', 'i.work_oriented'])
    .select(
      sql<number | null>`CASE WHEN p.status = 'waiting' THEN ${queuePositionSql('p')} END`.as(
        'queue_position',
      ),
    )
    .where('p.municipality_id', '=', municipalityId)
    .where((eb) =>
      'referralId' in filter
        ? eb('p.referral_id', '=', filter.referralId)
        : eb('p.id', '=', filter.placementId),
    )
    .orderBy('p.starts_on', 'desc')
    .orderBy('p.created_at', 'desc')
    .execute();
}

export interface WaitingRow {
  id: string;
  referral_id: string;
  person_id: string;
  first_name: string;
  last_name: string;
  protected_identity: boolean;
  requested_on: string;
  created_at: Date;
  starts_on: string;
  ends_on: string;
  hours_per_week: number;
  visible: boolean;
}

/** The intervention's waiting list, with whether the user may see each person. */
export async function waitingRows(
  db: Database,
  principal: Principal,
  interventionId: string,
): Promise<WaitingRow[]> {
  return db
    .selectFrom('placement as p')
    .innerJoin('referral as r', (j) =>
      j.onRef('r.municipality_id', '=', 'p.municipality_id').onRef('r.id', '=', 'p.referral_id'),
    )
    .innerJoin('client_case as c', (j) =>
      j.onRef('c.municipality_id', '=', 'r.municipality_id').onRef('c.id', '=', 'r.case_id'),
    )
    .innerJoin('person as pe', (j) =>
      j.onRef('pe.municipality_id', '=', 'r.municipality_id').onRef('pe.id', '=', 'r.person_id'),
    )
    .select([
      'p.id',
      'p.referral_id',
      'r.person_id',
      'pe.first_name',
      'pe.last_name',
      'pe.protected_identity',
      'p.requested_on',
      'p.created_at',
      'p.starts_on',
      'p.ends_on',
      'p.hours_per_week',
    ])
    .select(caseVisibleTo(principal).as('visible'))
    .where('p.municipality_id', '=', principal.municipalityId)
    .where('p.intervention_id', '=', interventionId)
    .where('p.status', '=', 'waiting')
    .execute();
}

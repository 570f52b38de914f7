/** Subsidised employments: the person's employments, the union's review, start, end and cancel. */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Principal } from '../../access/domain/principal.ts';
import { caseVisibleTo } from '../../assistance/db/case-scope.ts';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../shared/errors.ts';
import type { EmploymentPeriod } from '../domain/employment-rules.ts';
import type { EmploymentStatus, UnionReview } from '../domain/terms.ts';

export interface EmploymentRow extends EmploymentPeriod {
  referralId: string;
  personId: string;
  employer: string;
  workplace: string | null;
  hoursPerWeek: number;
  monthlySalaryCostOre: number;
  monthlySupportOre: number;
  unionReview: UnionReview;
  unionReason: string | null;
  unionReviewedOn: string | null;
  createdAt: string;
}

const COLUMNS = [
  'e.id',
  'e.referral_id',
  'e.person_id',
  'e.form',
  'e.employer',
  'e.workplace',
  'e.starts_on',
  'e.ends_on',
  'e.hours_per_week',
  'e.monthly_salary_cost_ore',
  'e.monthly_support_ore',
  'e.extends_id',
  'e.union_review',
  'e.union_reason',
  'e.union_reviewed_on',
  'e.status',
  'e.ended_on',
  'e.created_at',
] as const;

type Raw = {
  id: string;
  referral_id: string;
  person_id: string;
  form: string;
  employer: string;
  workplace: string | null;
  starts_on: string;
  ends_on: string;
  hours_per_week: number;
  monthly_salary_cost_ore: number;
  monthly_support_ore: number;
  extends_id: string | null;
  union_review: UnionReview;
  union_reason: string | null;
  union_reviewed_on: string | null;
  status: EmploymentStatus;
  ended_on: string | null;
  created_at: Date;
};

function toRow(r: Raw): EmploymentRow {
  return {
    id: r.id,
    referralId: r.referral_id,
    personId: r.person_id,
    form: r.form,
    employer: r.employer,
    workplace: r.workplace,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    hoursPerWeek: r.hours_per_week,
    monthlySalaryCostOre: r.monthly_salary_cost_ore,
    monthlySupportOre: r.monthly_support_ore,
    extendsId: r.extends_id,
    unionReview: r.union_review,
    unionReason: r.union_reason,
    unionReviewedOn: r.union_reviewed_on,
    status: r.status,
    endedOn: r.ended_on,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/**
 * Locks the person's row for the rest of the transaction, so that two concurrent inserts of
 * employments for the same person are checked for overlap one after the other.
 */
export async function lockPerson(db: Database, municipalityId: string, personId: string): Promise<void> {
  await db
    .selectFrom('person')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', personId)
    .forUpdate()
    .executeTakeFirst();
}

/** All the person's employments (in any referral), oldest first. */
export async function personEmployments(
  db: Database,
  municipalityId: string,
  personId: string,
): Promise<EmploymentRow[]> {
  const rows = await db
    .selectFrom('subsidised_employment as e')
    .select(COLUMNS)
    .where('e.municipality_id', '=', municipalityId)
    .where('e.person_id', '=', personId)
    .orderBy('e.starts_on')
    .orderBy('e.created_at')
    .execute();
  return rows.map(toRow);
}

export interface NewEmploymentRow {
  municipalityId: string;
  referralId: string;
  personId: string;
  form: string;
  employer: string;
  workplace: string | null;
  startsOn: string;
  endsOn: string;
  hoursPerWeek: number;
  monthlySalaryCostOre: number;
  monthlySupportOre: number;
  extendsId: string | null;
  createdBy: string;
  now: Date;
}

export async function insertEmployment(db: Database, input: NewEmploymentRow): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('subsidised_employment')
    .values({
      municipality_id: input.municipalityId,
      id,
      referral_id: input.referralId,
      person_id: input.personId,
      form: input.form,
      employer: input.employer,
      workplace: input.workplace,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      hours_per_week: input.hoursPerWeek,
      monthly_salary_cost_ore: input.monthlySalaryCostOre,
      monthly_support_ore: input.monthlySupportOre,
      extends_id: input.extendsId,
      created_by: input.createdBy,
      created_at: input.now,
    })
    .execute();
  return id;
}

/** The employment (locked when `forUpdate`) and its referral id; 404 when it does not exist. */
export async function loadEmployment(
  db: Database,
  municipalityId: string,
  id: string,
  forUpdate = false,
): Promise<EmploymentRow> {
  let query = db
    .selectFrom('subsidised_employment as e')
    .select(COLUMNS)
    .where('e.municipality_id', '=', municipalityId)
    .where('e.id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return toRow(row);
}

export async function recordUnionReview(
  db: Database,
  municipalityId: string,
  id: string,
  review: { decision: 'approved' | 'refused'; reason: string | null; reviewedOn: string },
): Promise<void> {
  await db
    .updateTable('subsidised_employment')
    .set({
      union_review: review.decision,
      union_reason: review.reason,
      union_reviewed_on: review.reviewedOn,
    })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .execute();
}

export async function setEmploymentStatus(
  db: Database,
  municipalityId: string,
  id: string,
  status: EmploymentStatus,
  endedOn: string | null = null,
): Promise<void> {
  await db
    .updateTable('subsidised_employment')
    .set({ status, ended_on: endedOn })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .execute();
}

/** Employments of the user's units that stand (not cancelled) some day in [from, to]: counts per form. */
export async function countsPerForm(
  db: Database,
  principal: Principal,
  from: string,
  to: string,
): Promise<{ form: string; count: number }[]> {
  const rows = await db
    .selectFrom('subsidised_employment as e')
    .innerJoin('referral as r', (j) =>
      j.onRef('r.municipality_id', '=', 'e.municipality_id').onRef('r.id', '=', 'e.referral_id'),
    )
    .innerJoin('client_case as c', (j) =>
      j.onRef('c.municipality_id', '=', 'r.municipality_id').onRef('c.id', '=', 'r.case_id'),
    )
    .select(['e.form', sql<number>`count(DISTINCT e.person_id)::int`.as('count')])
    .where('e.municipality_id', '=', principal.municipalityId)
    .where('e.status', '<>', 'cancelled')
    .where('e.starts_on', '<=', to)
    .where(sql<boolean>`coalesce(least(e.ended_on, e.ends_on), e.ends_on) >= ${from}::date`)
    .where(caseVisibleTo(principal))
    .groupBy('e.form')
    .execute();
  return rows.map((r) => ({ form: r.form, count: Number(r.count) }));
}

export interface EndingRow {
  id: string;
  referralId: string;
  personId: string;
  firstName: string;
  lastName: string;
  protectedIdentity: boolean;
  form: string;
  employer: string;
  startsOn: string;
  endsOn: string;
  status: EmploymentStatus;
}

/** Planned or started employments of the user's units that end from `from` to `to`, soonest first. */
export async function employmentsEnding(
  db: Database,
  principal: Principal,
  from: string,
  to: string,
): Promise<EndingRow[]> {
  const rows = await db
    .selectFrom('subsidised_employment as e')
    .innerJoin('referral as r', (j) =>
      j.onRef('r.municipality_id', '=', 'e.municipality_id').onRef('r.id', '=', 'e.referral_id'),
    )
    .innerJoin('client_case as c', (j) =>
      j.onRef('c.municipality_id', '=', 'r.municipality_id').onRef('c.id', '=', 'r.case_id'),
    )
    .innerJoin('person as p', (j) =>
      j.onRef('p.municipality_id', '=', 'e.municipality_id').onRef('p.id', '=', 'e.person_id'),
    )
    .select([
      'e.id',
      'e.referral_id',
      'e.person_id',
      'p.first_name',
      'p.last_name',
      'p.protected_identity',
      'e.form',
      'e.employer',
      'e.starts_on',
      'e.ends_on',
      'e.status',
    ])
    .where('e.municipality_id', '=', principal.municipalityId)
    .where('e.status', 'in', ['planned', 'started'])
    .where('e.ends_on', '>=', from)
    .where('e.ends_on', '<=', to)
    .where(caseVisibleTo(principal))
    .orderBy('e.ends_on')
    .orderBy('e.id')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    referralId: r.referral_id,
    personId: r.person_id,
    firstName: r.first_name,
    lastName: r.last_name,
    protectedIdentity: r.protected_identity,
    form: r.form,
    employer: r.employer,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    status: r.status,
  }));
}

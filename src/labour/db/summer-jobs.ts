/**
 * Summer jobs (feriearbeten): rounds, positions, applicants, the allocation and the answers.
 * The rule itself is the pure `labour/domain/summer-jobs`; here it is fed from and stored to the
 * database. Rounds belong to the municipality (the labour-market board runs all its summer jobs).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../shared/errors.ts';
import {
  allocateSummerJobs,
  nextInLine,
  priorityGroupOf,
  summerDraw,
  summerReason,
  type SummerAllocation,
  type SummerAllocationReason,
  type SummerDrawEntry,
} from '../domain/summer-jobs.ts';
import type { EmployerKind, OfferStatus } from '../domain/terms.ts';

export interface SummerRound {
  id: string;
  year: number;
  applyBy: string;
  minAge: number;
  maxAge: number;
  lotterySeed: number | null;
  allocatedAt: Date | null;
}

export interface SummerRoundListRow extends SummerRound {
  applicants: number;
  positions: number;
  places: number;
}

export interface SummerPositionRow {
  id: string;
  employer: string;
  employerKind: EmployerKind;
  title: string;
  places: number;
  /** Offered or accepted (a declined offer frees its place). */
  filled: number;
  accepted: number;
}

export interface SummerApplicantRow {
  id: string;
  personId: string;
  firstName: string;
  lastName: string;
  protectedIdentity: boolean;
  birthDate: string;
  appliedOn: string;
  householdWithAssistance: boolean;
  hadSummerJobBefore: boolean;
  preferences: string[];
  positionId: string | null;
  offerStatus: OfferStatus;
}

/** An applicant with the rule's view of them: group, lottery number, reason. */
export interface ExplainedApplicant extends SummerApplicantRow {
  priorityGroup: number;
  /** Null before the allocation. */
  lotteryNumber: number | null;
  /** Null before the allocation. */
  reason: SummerAllocationReason | null;
  /** Got the place later, when someone else declined theirs. */
  fromDecline: boolean;
}

const roundColumns = [
  'id',
  'year',
  'apply_by',
  'min_age',
  'max_age',
  'lottery_seed',
  'allocated_at',
] as const;

function toRound(row: {
  id: string;
  year: number;
  apply_by: string;
  min_age: number;
  max_age: number;
  lottery_seed: number | null;
  allocated_at: Date | null;
}): SummerRound {
  return {
    id: row.id,
    year: row.year,
    applyBy: row.apply_by,
    minAge: row.min_age,
    maxAge: row.max_age,
    lotterySeed: row.lottery_seed,
    allocatedAt: row.allocated_at,
  };
}

export async function listRounds(db: Database, municipalityId: string): Promise<SummerRoundListRow[]> {
  const rows = await db
    .selectFrom('summer_job_round as r')
    .select(roundColumns.map((c) => `r.${c}` as const))
    .select((eb) => [
      eb
        .selectFrom('summer_job_applicant as a')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('a.municipality_id', '=', 'r.municipality_id')
        .whereRef('a.round_id', '=', 'r.id')
        .as('applicants'),
      eb
        .selectFrom('summer_job_position as p')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('p.municipality_id', '=', 'r.municipality_id')
        .whereRef('p.round_id', '=', 'r.id')
        .as('positions'),
      eb
        .selectFrom('summer_job_position as p')
        .select(sql<number>`coalesce(sum(p.places), 0)`.as('n'))
        .whereRef('p.municipality_id', '=', 'r.municipality_id')
        .whereRef('p.round_id', '=', 'r.id')
        .as('places'),
    ])
    .where('r.municipality_id', '=', municipalityId)
    .orderBy('r.year', 'desc')
    .execute();
  return rows.map((row) => ({
    ...toRound(row),
    applicants: Number(row.applicants ?? 0),
    positions: Number(row.positions ?? 0),
    places: Number(row.places ?? 0),
  }));
}

export async function createRound(
  db: Database,
  municipalityId: string,
  round: { year: number; applyBy: string; minAge: number; maxAge: number },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('summer_job_round')
    .values({
      municipality_id: municipalityId,
      id,
      year: round.year,
      apply_by: round.applyBy,
      min_age: round.minAge,
      max_age: round.maxAge,
    })
    .execute();
  return id;
}

/** The round, or NOT_FOUND; `forUpdate` locks it so that allocation and answers queue per round. */
export async function requireRound(
  db: Database,
  municipalityId: string,
  roundId: string,
  forUpdate = false,
): Promise<SummerRound> {
  let query = db
    .selectFrom('summer_job_round')
    .select([...roundColumns])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', roundId);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return toRound(row);
}

export async function addPosition(
  db: Database,
  municipalityId: string,
  roundId: string,
  position: { employer: string; employerKind: EmployerKind; title: string; places: number },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('summer_job_position')
    .values({
      municipality_id: municipalityId,
      id,
      round_id: roundId,
      employer: position.employer,
      employer_kind: position.employerKind,
      title: position.title,
      places: position.places,
    })
    .execute();
  return id;
}

export async function listPositions(
  db: Database,
  municipalityId: string,
  roundId: string,
): Promise<SummerPositionRow[]> {
  const rows = await db
    .selectFrom('summer_job_position as p')
    .leftJoin('summer_job_applicant as a', (j) =>
      j
        .onRef('a.municipality_id', '=', 'p.municipality_id')
        .onRef('a.position_id', '=', 'p.id')
        .on('a.offer_status', 'in', ['offered', 'accepted']),
    )
    .select(['p.id', 'p.employer', 'p.employer_kind', 'p.title', 'p.places'])
    .select((eb) => [
      eb.fn.count<number>('a.id').as('filled'),
      sql<number>`count(a.id) FILTER (WHERE a.offer_status = 'accepted')`.as('accepted'),
    ])
    .where('p.municipality_id', '=', municipalityId)
    .where('p.round_id', '=', roundId)
    .groupBy(['p.id', 'p.employer', 'p.employer_kind', 'p.title', 'p.places'])
    .orderBy('p.employer')
    .orderBy('p.title')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    employer: r.employer,
    employerKind: r.employer_kind,
    title: r.title,
    places: r.places,
    filled: Number(r.filled),
    accepted: Number(r.accepted),
  }));
}

export async function findPersonForApplication(
  db: Database,
  municipalityId: string,
  by: { personId: string } | { personalNumber: string },
): Promise<{ id: string; birthDate: string } | undefined> {
  let query = db
    .selectFrom('person')
    .select(['id', 'birth_date'])
    .where('municipality_id', '=', municipalityId);
  query =
    'personId' in by
      ? query.where('id', '=', by.personId)
      : query.where('personal_number', '=', by.personalNumber);
  const row = await query.executeTakeFirst();
  return row ? { id: row.id, birthDate: row.birth_date } : undefined;
}

export async function addApplicant(
  db: Database,
  municipalityId: string,
  roundId: string,
  applicant: {
    personId: string;
    appliedOn: string;
    householdWithAssistance: boolean;
    hadSummerJobBefore: boolean;
    preferences: string[];
  },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('summer_job_applicant')
    .values({
      municipality_id: municipalityId,
      id,
      round_id: roundId,
      person_id: applicant.personId,
      applied_on: applicant.appliedOn,
      household_with_assistance: applicant.householdWithAssistance,
      had_summer_job_before: applicant.hadSummerJobBefore,
      preferences: applicant.preferences,
    })
    .execute();
  return id;
}

/** All of a round's applicants (the allocation needs them all). */
export async function roundApplicants(
  db: Database,
  municipalityId: string,
  roundId: string,
): Promise<SummerApplicantRow[]> {
  const rows = await db
    .selectFrom('summer_job_applicant as a')
    .innerJoin('person as p', (j) =>
      j.onRef('p.municipality_id', '=', 'a.municipality_id').onRef('p.id', '=', 'a.person_id'),
    )
    .select([
      'a.id',
      'a.person_id',
      'p.first_name',
      'p.last_name',
      'p.protected_identity',
      'p.birth_date',
      'a.applied_on',
      'a.household_with_assistance',
      'a.had_summer_job_before',
      'a.preferences',
      'a.position_id',
      'a.offer_status',
    ])
    .where('a.municipality_id', '=', municipalityId)
    .where('a.round_id', '=', roundId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    firstName: r.first_name,
    lastName: r.last_name,
    protectedIdentity: r.protected_identity,
    birthDate: r.birth_date,
    appliedOn: r.applied_on,
    householdWithAssistance: r.household_with_assistance,
    hadSummerJobBefore: r.had_summer_job_before,
    preferences: r.preferences ?? [],
    positionId: r.position_id,
    offerStatus: r.offer_status,
  }));
}

const toDomain = (a: SummerApplicantRow) => ({
  id: a.id,
  birthDate: a.birthDate,
  appliedOn: a.appliedOn,
  householdWithAssistance: a.householdWithAssistance,
  hadSummerJobBefore: a.hadSummerJobBefore,
  preferences: a.preferences,
});

/**
 * Each applicant with their priority group and — once allocated — lottery number and reason, in
 * the allocation order (before it: by group, then name). The lottery is re-run from the stored
 * seed: the same seed and applicants give the same draw, so nothing but the seed is stored.
 */
export function explainApplicants(
  round: SummerRound,
  applicants: readonly SummerApplicantRow[],
  positions: readonly { id: string; places: number }[],
): ExplainedApplicant[] {
  if (round.lotterySeed === null || round.allocatedAt === null) {
    return applicants
      .map((a) => ({
        ...a,
        priorityGroup: priorityGroupOf(a),
        lotteryNumber: null,
        reason: null,
        fromDecline: false,
      }))
      .sort(
        (x, y) =>
          x.priorityGroup - y.priorityGroup ||
          x.lastName.localeCompare(y.lastName, 'sv') ||
          x.firstName.localeCompare(y.firstName, 'sv') ||
          (x.id < y.id ? -1 : 1),
      );
  }
  const original = new Map(
    allocateSummerJobs(applicants.map(toDomain), positions, round.lotterySeed).map((a) => [a.applicantId, a]),
  );
  return applicants
    .map((a) => {
      const drawn = original.get(a.id)!;
      return {
        ...a,
        priorityGroup: drawn.priorityGroup,
        lotteryNumber: drawn.lotteryNumber,
        reason: summerReason(a.preferences, a.positionId),
        fromDecline: a.positionId !== null && drawn.positionId !== a.positionId,
      };
    })
    .sort((x, y) => x.priorityGroup - y.priorityGroup || x.lotteryNumber - y.lotteryNumber);
}

/** Stores the draw's seed and the offers, in one statement for all offers. */
export async function saveAllocation(
  db: Database,
  municipalityId: string,
  roundId: string,
  seed: number,
  allocatedAt: Date,
  allocations: readonly SummerAllocation[],
): Promise<void> {
  await db
    .updateTable('summer_job_round')
    .set({ lottery_seed: seed, allocated_at: allocatedAt })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', roundId)
    .execute();
  const offers = allocations.filter((a) => a.positionId !== null);
  if (offers.length === 0) return;
  await sql`
    UPDATE summer_job_applicant AS a
       SET position_id = v.position_id, offer_status = 'offered'
      FROM unnest(${offers.map((o) => o.applicantId)}::uuid[], ${offers.map((o) => o.positionId)}::uuid[])
           AS v(id, position_id)
     WHERE a.municipality_id = ${municipalityId} AND a.round_id = ${roundId} AND a.id = v.id`.execute(db);
}

export async function findApplicant(
  db: Database,
  municipalityId: string,
  applicantId: string,
): Promise<{ id: string; roundId: string; personId: string } | undefined> {
  const row = await db
    .selectFrom('summer_job_applicant')
    .select(['id', 'round_id', 'person_id'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', applicantId)
    .executeTakeFirst();
  return row ? { id: row.id, roundId: row.round_id, personId: row.person_id } : undefined;
}

export async function setOfferStatus(
  db: Database,
  municipalityId: string,
  applicantId: string,
  status: 'accepted' | 'declined',
): Promise<void> {
  await db
    .updateTable('summer_job_applicant')
    .set({ offer_status: status })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', applicantId)
    .execute();
}

export async function offerPosition(
  db: Database,
  municipalityId: string,
  applicantId: string,
  positionId: string,
): Promise<void> {
  await db
    .updateTable('summer_job_applicant')
    .set({ position_id: positionId, offer_status: 'offered' })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', applicantId)
    .where('offer_status', '=', 'none')
    .execute();
}

/**
 * Who gets the place a declined offer freed: the first in the draw order (stored seed) without a
 * place. Call after the decline is stored, within the same transaction, with the round locked.
 */
export function successorFor(
  round: SummerRound,
  applicants: readonly SummerApplicantRow[],
): SummerDrawEntry | null {
  if (round.lotterySeed === null) return null;
  const withPosition = new Set(applicants.filter((a) => a.positionId !== null).map((a) => a.id));
  return nextInLine(summerDraw(applicants, round.lotterySeed), (id) => withPosition.has(id));
}

/**
 * The labour-market unit as the assistance caseworker sees it on a case: the referrals of the
 * household's members (the fact of a referral is always shown; its progress only while the
 * labour_to_assistance flow stands), the unit's unacknowledged notices, and the adults'
 * registration with Arbetsförmedlingen.
 */
import type { Database } from '../../db/connection.ts';
import type { ExitResult, NoticeKind, ReferralInitiator } from '../domain/terms.ts';
import { flowAllowed } from './flows.ts';
import { personOf, referralSummaryQuery, type PersonRow } from './referral-queries.ts';
import { registrationStates, type RegistrationState } from './registration.ts';

export interface CaseLabourData {
  referrals: {
    id: string;
    person: PersonRow;
    initiator: ReferralInitiator;
    referredOn: string;
    introDay: string | null;
    open: boolean;
    progress: {
      capacityHours: number | null;
      plan: { goal: string; startsOn: string; endsOn: string } | null;
      exitOn: string | null;
      exitResult: ExitResult | null;
    } | null;
  }[];
  notices: {
    id: string;
    referralId: string;
    person: PersonRow;
    kind: NoticeKind;
    week: string | null;
    detail: Record<string, string | number | boolean>;
    createdAt: Date;
  }[];
  adults: { person: PersonRow; state: RegistrationState; openReferral: boolean }[];
}

/** The persons who are or were members of the household, with their role now (null if gone). */
export async function householdPersons(
  db: Database,
  municipalityId: string,
  householdId: string,
  day: string,
): Promise<{ person: PersonRow; adultNow: boolean; memberNow: boolean }[]> {
  const rows = await db
    .selectFrom('household_member as hm')
    .innerJoin('person as p', (j) =>
      j.onRef('p.municipality_id', '=', 'hm.municipality_id').onRef('p.id', '=', 'hm.person_id'),
    )
    .select([
      'hm.person_id',
      'hm.role',
      'hm.valid_from',
      'hm.valid_to',
      'p.first_name',
      'p.last_name',
      'p.protected_identity',
    ])
    .where('hm.municipality_id', '=', municipalityId)
    .where('hm.household_id', '=', householdId)
    .orderBy('hm.valid_from')
    .execute();
  const byPerson = new Map<string, { person: PersonRow; adultNow: boolean; memberNow: boolean }>();
  for (const row of rows) {
    const current = row.valid_from <= day && (row.valid_to === null || row.valid_to > day);
    const entry = byPerson.get(row.person_id) ?? { person: personOf(row), adultNow: false, memberNow: false };
    if (current) {
      entry.memberNow = true;
      entry.adultNow = row.role === 'applicant' || row.role === 'co_applicant';
    }
    byPerson.set(row.person_id, entry);
  }
  return [...byPerson.values()];
}

export async function loadCaseLabour(
  db: Database,
  municipalityId: string,
  caseRef: { id: string; householdId: string },
  today: string,
): Promise<CaseLabourData> {
  const members = await householdPersons(db, municipalityId, caseRef.householdId, today);
  const personIds = members.map((m) => m.person.id);
  const referrals =
    personIds.length === 0
      ? []
      : await referralSummaryQuery(db, municipalityId)
          .where('r.person_id', 'in', personIds)
          .orderBy('r.referred_on', 'desc')
          .execute();
  const allowed = new Map<string, boolean>();
  for (const id of new Set(referrals.map((r) => r.person_id)))
    allowed.set(id, await flowAllowed(db, municipalityId, id, 'labour_to_assistance', today));

  const notices = await db
    .selectFrom('labour_notice as n')
    .innerJoin('person as p', (j) =>
      j.onRef('p.municipality_id', '=', 'n.municipality_id').onRef('p.id', '=', 'n.person_id'),
    )
    .select([
      'n.id',
      'n.referral_id',
      'n.person_id',
      'p.first_name',
      'p.last_name',
      'p.protected_identity',
      'n.kind',
      'n.week',
      'n.detail',
      'n.created_at',
    ])
    .where('n.municipality_id', '=', municipalityId)
    .where('n.assistance_case_id', '=', caseRef.id)
    .where('n.acknowledged_at', 'is', null)
    .orderBy('n.created_at', 'desc')
    .limit(100)
    .execute();

  const adults = members.filter((m) => m.adultNow);
  const states = await registrationStates(
    db,
    municipalityId,
    adults.map((a) => a.person.id),
    today,
  );
  return {
    referrals: referrals.map((r) => ({
      id: r.id,
      person: personOf(r),
      initiator: r.initiator,
      referredOn: r.referred_on,
      introDay: r.intro_day,
      open: r.exit_on === null,
      progress: allowed.get(r.person_id)
        ? {
            capacityHours: r.capacity_hours ?? null,
            plan:
              r.goal && r.starts_on && r.ends_on
                ? { goal: r.goal, startsOn: r.starts_on, endsOn: r.ends_on }
                : null,
            exitOn: r.exit_on,
            exitResult: r.exit_result,
          }
        : null,
    })),
    notices: notices.map((n) => ({
      id: n.id,
      referralId: n.referral_id,
      person: personOf(n),
      kind: n.kind,
      week: n.week,
      detail: parseDetail(n.detail),
      createdAt: new Date(n.created_at),
    })),
    adults: adults.map((a) => ({
      person: a.person,
      state: states.get(a.person.id) ?? {
        registration: null,
        registered: false,
        codedUnemployed: false,
        flagged: false,
      },
      openReferral: referrals.some((r) => r.person_id === a.person.id && r.exit_on === null),
    })),
  };
}

function parseDetail(value: unknown): Record<string, string | number | boolean> {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (!parsed || typeof parsed !== 'object') return {};
  const out: Record<string, string | number | boolean> = {};
  for (const [key, v] of Object.entries(parsed as Record<string, unknown>))
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[key] = v;
  return out;
}

/** The notice with its case, for acknowledging it; null if it does not exist. */
export async function findNotice(
  db: Database,
  municipalityId: string,
  noticeId: string,
): Promise<{ id: string; caseId: string; personId: string; acknowledged: boolean } | null> {
  const row = await db
    .selectFrom('labour_notice')
    .select(['id', 'assistance_case_id', 'person_id', 'acknowledged_at'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', noticeId)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        caseId: row.assistance_case_id,
        personId: row.person_id,
        acknowledged: row.acknowledged_at !== null,
      }
    : null;
}

export async function acknowledgeNotice(
  db: Database,
  municipalityId: string,
  noticeId: string,
  userId: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('labour_notice')
    .set({ acknowledged_at: now, acknowledged_by: userId })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', noticeId)
    .where('acknowledged_at', 'is', null)
    .execute();
}

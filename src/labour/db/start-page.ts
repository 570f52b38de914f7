/**
 * The consultant's start page: new referrals, introduction days, plans due for follow-up,
 * attendance to report, employments ending soon, and participants coded unemployed but not
 * registered with Arbetsförmedlingen. Everything is limited, in SQL, to the user's units.
 */
import { sql } from 'kysely';
import type { Principal } from '../../access/domain/principal.ts';
import { caseVisibleTo } from '../../assistance/db/case-scope.ts';
import type { Database } from '../../db/connection.ts';
import { followUpDueBy } from '../domain/plan-rules.ts';
import { flowStandsSql } from './flows.ts';
import type { PersonRow } from './referral-queries.ts';
import { flaggedSql } from './registration.ts';
import { loadLabourSettings } from './settings.ts';

const LIMIT = 100;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week before the day's week. */
export function lastWeekMonday(day: string): string {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay() || 7;
  return addDays(day, -(weekday - 1) - 7);
}

export interface StartData {
  newReferrals: { referralId: string; person: PersonRow; referredOn: string; introDay: string | null }[];
  introDays: { referralId: string; person: PersonRow; introDay: string }[];
  followUpsDue: { referralId: string; person: PersonRow; planId: string; followUpOn: string; goal: string }[];
  attendanceWeek: string;
  attendanceToReport: {
    referralId: string;
    person: PersonRow;
    placementId: string;
    interventionName: string;
  }[];
  employmentsEnding: {
    referralId: string;
    person: PersonRow;
    employmentId: string;
    form: string;
    endsOn: string;
  }[];
  unregistered: { referralId: string; person: PersonRow }[];
}

function base(db: Database, principal: Principal) {
  return db
    .selectFrom('referral as r')
    .innerJoin('client_case as c', (j) =>
      j.onRef('c.municipality_id', '=', 'r.municipality_id').onRef('c.id', '=', 'r.case_id'),
    )
    .innerJoin('person as p', (j) =>
      j.onRef('p.municipality_id', '=', 'r.municipality_id').onRef('p.id', '=', 'r.person_id'),
    )
    .where('r.municipality_id', '=', principal.municipalityId)
    .where('r.exit_on', 'is', null)
    .where(caseVisibleTo(principal, 'c'))
    .select(['r.id as referral_id', 'r.person_id', 'p.first_name', 'p.last_name', 'p.protected_identity']);
}

const person = (r: {
  person_id: string;
  first_name: string;
  last_name: string;
  protected_identity: boolean;
}): PersonRow => ({
  id: r.person_id,
  firstName: r.first_name,
  lastName: r.last_name,
  protectedIdentity: r.protected_identity,
});

export async function loadStartPage(db: Database, principal: Principal, today: string): Promise<StartData> {
  const settings = await loadLabourSettings(db, principal.municipalityId);
  const week = lastWeekMonday(today);
  const weekEnd = addDays(week, 6);
  const [newReferrals, introDays, followUps, attendance, employments, unregistered] = await Promise.all([
    base(db, principal)
      .select(['r.referred_on', 'r.intro_day'])
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('labour_mapping as m')
              .select('m.id')
              .whereRef('m.municipality_id', '=', 'r.municipality_id')
              .whereRef('m.referral_id', '=', 'r.id'),
          ),
        ),
      )
      .orderBy('r.referred_on')
      .limit(LIMIT)
      .execute(),
    base(db, principal)
      .select('r.intro_day')
      .where('r.intro_day', '>=', today)
      .where('r.intro_day', '<=', addDays(today, 14))
      .orderBy('r.intro_day')
      .orderBy('p.last_name')
      .limit(LIMIT * 5)
      .execute(),
    base(db, principal)
      .innerJoin('personal_plan as pl', (j) =>
        j
          .onRef('pl.municipality_id', '=', 'r.municipality_id')
          .onRef('pl.referral_id', '=', 'r.id')
          .on('pl.status', '=', 'active'),
      )
      .select(['pl.id as plan_id', 'pl.follow_up_on', 'pl.goal'])
      .where('pl.follow_up_on', '<=', followUpDueBy(today))
      .orderBy('pl.follow_up_on')
      .limit(LIMIT)
      .execute(),
    base(db, principal)
      .innerJoin('placement as pc', (j) =>
        j
          .onRef('pc.municipality_id', '=', 'r.municipality_id')
          .onRef('pc.referral_id', '=', 'r.id')
          .on('pc.status', '=', 'active'),
      )
      .innerJoin('intervention as i', (j) =>
        j.onRef('i.municipality_id', '=', 'pc.municipality_id').onRef('i.id', '=', 'pc.intervention_id'),
      )
      .select(['pc.id as placement_id', 'i.name as intervention_name'])
      .where('pc.starts_on', '<=', weekEnd)
      .where('pc.ends_on', '>=', week)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('attendance as a')
              .select('a.week')
              .whereRef('a.municipality_id', '=', 'pc.municipality_id')
              .whereRef('a.placement_id', '=', 'pc.id')
              .where('a.week', '=', week),
          ),
        ),
      )
      .orderBy('p.last_name')
      .limit(LIMIT)
      .execute(),
    db
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
        'r.id as referral_id',
        'e.person_id',
        'p.first_name',
        'p.last_name',
        'p.protected_identity',
        'e.id as employment_id',
        'e.form',
        'e.ends_on',
      ])
      .where('e.municipality_id', '=', principal.municipalityId)
      .where('e.status', 'in', ['planned', 'started'])
      .where('e.ends_on', '>=', today)
      .where('e.ends_on', '<=', addDays(today, 60))
      .where(caseVisibleTo(principal, 'c'))
      .orderBy('e.ends_on')
      .limit(LIMIT)
      .execute(),
    // Reason codes are assistance's: shown only where they may flow to the unit.
    base(db, principal)
      .where(flaggedSql('r', today))
      .where(
        settings.separateAuthority ? flowStandsSql('assistance_to_labour', 'r', today) : sql<boolean>`true`,
      )
      .orderBy('p.last_name')
      .limit(LIMIT)
      .execute(),
  ]);
  return {
    newReferrals: newReferrals.map((r) => ({
      referralId: r.referral_id,
      person: person(r),
      referredOn: r.referred_on,
      introDay: r.intro_day,
    })),
    introDays: introDays.map((r) => ({
      referralId: r.referral_id,
      person: person(r),
      introDay: r.intro_day ?? '',
    })),
    followUpsDue: followUps.map((r) => ({
      referralId: r.referral_id,
      person: person(r),
      planId: r.plan_id,
      followUpOn: r.follow_up_on,
      goal: r.goal,
    })),
    attendanceWeek: week,
    attendanceToReport: attendance.map((r) => ({
      referralId: r.referral_id,
      person: person(r),
      placementId: r.placement_id,
      interventionName: r.intervention_name,
    })),
    employmentsEnding: employments.map((r) => ({
      referralId: r.referral_id,
      person: person(r),
      employmentId: r.employment_id,
      form: r.form,
      endsOn: r.ends_on,
    })),
    unregistered: unregistered.map((r) => ({ referralId: r.referral_id, person: person(r) })),
  };
}

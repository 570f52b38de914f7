/**
 * "Växla bidrag mot lön" from the records: the employments of the user's units and the financial
 * assistance paid to the employed persons' households (payments sent, by the month the assistance
 * was for). The assistance records are read only for persons about whom information may flow from
 * assistance to the unit (consent or legal basis, OSL 26 kap with 8 kap 2 §); the others count in
 * the costs but not in the assistance avoided.
 */
import { sql } from 'kysely';
import type { Principal } from '../../access/domain/principal.ts';
import { caseVisibleTo } from '../../assistance/db/case-scope.ts';
import type { Database } from '../../db/connection.ts';
import {
  personExchange,
  shiftMonth,
  sumExchange,
  BASELINE_MONTHS,
  type ExchangeEmployment,
  type ExchangeFigures,
  type ExchangeTotals,
  type Month,
} from '../domain/exchange-benefit-for-wage.ts';
import { flowStandsSql } from './flows.ts';
import { loadLabourSettings } from './settings.ts';

export interface PersonExchange {
  personId: string;
  referralId: string;
  firstName: string;
  lastName: string;
  protectedIdentity: boolean;
  /** Whether the assistance records may be used for the person. */
  assistanceAllowed: boolean;
  month: ExchangeFigures;
  yearToDate: ExchangeFigures;
}

export interface UnitExchange {
  month: Month;
  persons: PersonExchange[];
  totals: { month: ExchangeTotals; yearToDate: ExchangeTotals };
}

function lastDay(month: Month): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/**
 * The figures for `month` and the year to date, for every person employed in the user's units in
 * the year (or for one person).
 */
export async function exchangeBenefitForWage(
  db: Database,
  principal: Principal,
  input: { month: Month; today: string; personId?: string },
): Promise<UnitExchange> {
  const m = principal.municipalityId;
  const yearStart = `${input.month.slice(0, 4)}-01`;
  const periodEnd = lastDay(input.month);
  const settings = await loadLabourSettings(db, m);

  let query = db
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
      'e.person_id',
      'e.referral_id',
      'c.household_id',
      'r.referred_on',
      'p.first_name',
      'p.last_name',
      'p.protected_identity',
      'e.starts_on',
      'e.ends_on',
      'e.ended_on',
      'e.monthly_salary_cost_ore',
      'e.monthly_support_ore',
    ])
    .select(
      settings.separateAuthority
        ? flowStandsSql('assistance_to_labour', 'e', input.today).as('allowed')
        : sql<boolean>`true`.as('allowed'),
    )
    .where('e.municipality_id', '=', m)
    .where('e.status', '<>', 'cancelled')
    .where('e.starts_on', '<=', periodEnd)
    // earlier employments of a run reach back before the year
    .where('e.ends_on', '>=', `${Number(input.month.slice(0, 4)) - 3}-01-01`)
    .where(caseVisibleTo(principal));
  if (input.personId) query = query.where('e.person_id', '=', input.personId);
  const rows = await query.orderBy('e.person_id').orderBy('e.starts_on').execute();

  interface Acc {
    personId: string;
    referralId: string;
    referredOn: string;
    householdId: string;
    firstName: string;
    lastName: string;
    protectedIdentity: boolean;
    allowed: boolean;
    employments: ExchangeEmployment[];
  }
  const byPerson = new Map<string, Acc>();
  for (const r of rows) {
    let acc = byPerson.get(r.person_id);
    if (!acc) {
      acc = {
        personId: r.person_id,
        referralId: r.referral_id,
        referredOn: r.referred_on,
        householdId: r.household_id,
        firstName: r.first_name,
        lastName: r.last_name,
        protectedIdentity: r.protected_identity,
        allowed: Boolean(r.allowed),
        employments: [],
      };
      byPerson.set(r.person_id, acc);
    } else if (r.referred_on > acc.referredOn) {
      // the latest referral names the household
      acc.referralId = r.referral_id;
      acc.referredOn = r.referred_on;
      acc.householdId = r.household_id;
    }
    acc.employments.push({
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      endedOn: r.ended_on,
      monthlySalaryCostOre: r.monthly_salary_cost_ore,
      monthlySupportOre: r.monthly_support_ore,
    });
  }

  // Assistance paid per household and month, only for the persons it may be read about.
  const allowed = [...byPerson.values()].filter((a) => a.allowed);
  const paid = new Map<string, Map<Month, number>>();
  if (allowed.length > 0) {
    const earliest = allowed
      .flatMap((a) => a.employments.map((e) => e.startsOn))
      .reduce((min, day) => (day < min ? day : min));
    const from = `${shiftMonth(earliest.slice(0, 7), -BASELINE_MONTHS)}-01`;
    const households = [...new Set(allowed.map((a) => a.householdId))];
    const payments = await db
      .selectFrom('payment as p')
      .innerJoin('decision as d', (j) =>
        j.onRef('d.municipality_id', '=', 'p.municipality_id').onRef('d.id', '=', 'p.decision_id'),
      )
      .innerJoin('client_case as ac', (j) =>
        j.onRef('ac.municipality_id', '=', 'p.municipality_id').onRef('ac.id', '=', 'p.case_id'),
      )
      .select([
        'ac.household_id',
        sql<string>`to_char(d.month, 'YYYY-MM')`.as('month'),
        sql<string>`sum(p.amount_ore)::bigint`.as('amount'),
      ])
      .where('p.municipality_id', '=', m)
      .where('p.status', '=', 'sent')
      .where('ac.kind', '=', 'assistance')
      .where('ac.household_id', 'in', households)
      .where('d.month', '>=', from)
      .where('d.month', '<=', periodEnd)
      .groupBy(['ac.household_id', sql`to_char(d.month, 'YYYY-MM')`])
      .execute();
    for (const p of payments) {
      let months = paid.get(p.household_id);
      if (!months) paid.set(p.household_id, (months = new Map()));
      months.set(p.month, Number(p.amount));
    }
  }

  const persons: PersonExchange[] = [];
  for (const acc of byPerson.values()) {
    const paidByMonth = acc.allowed ? (paid.get(acc.householdId) ?? new Map<Month, number>()) : null;
    const yearToDate = personExchange(acc.employments, { from: yearStart, to: input.month }, paidByMonth);
    if (yearToDate.monthsEmployed === 0) continue;
    persons.push({
      personId: acc.personId,
      referralId: acc.referralId,
      firstName: acc.firstName,
      lastName: acc.lastName,
      protectedIdentity: acc.protectedIdentity,
      assistanceAllowed: acc.allowed,
      month: personExchange(acc.employments, { from: input.month, to: input.month }, paidByMonth),
      yearToDate,
    });
  }
  // By name; protected identities last, in an order that says nothing of their names.
  const key = (p: PersonExchange) =>
    p.protectedIdentity ? `\uffff${p.personId}` : `${p.lastName} ${p.firstName}`;
  persons.sort((a, b) => key(a).localeCompare(key(b), 'sv'));
  return {
    month: input.month,
    persons,
    totals: {
      month: sumExchange(persons.map((p) => p.month)),
      yearToDate: sumExchange(persons.map((p) => p.yearToDate)),
    },
  };
}

/**
 * Reads the plain records the indicator engine computes from: household months with assistance
 * paid (from sent payments, by the month the decision was for) with the members of that month's
 * application, their reason codes, referrals and exits of the labour-market unit, subsidised
 * employments, and the population. The household months are aggregated in SQL; the rules stay in
 * followup/domain/indicators.
 */
import { sql } from 'kysely';
import { reasonCodeIn } from '../../assistance/domain/reason-codes/reason-code-list.ts';
import type { Database } from '../../db/connection.ts';
import { KOLADA_EXIT_CATEGORY } from '../../labour/domain/terms.ts';
import type { AssistanceMonth, IndicatorRecords } from '../domain/indicators/records.ts';

interface MemberRow {
  household_id: string;
  month: string;
  paid_ore: string | number;
  person_id: string | null;
  role: string | null;
  birth_date: string | null;
  code: string | null;
}

/** Records for months fromMonth..toMonth (YYYY-MM), with `historyMonths` more before them. */
export async function loadIndicatorRecords(
  db: Database,
  municipalityId: string,
  fromMonth: string,
  toMonth: string,
  historyMonths = 30,
): Promise<IndicatorRecords> {
  const from = new Date(`${fromMonth}-01T00:00:00Z`);
  from.setUTCMonth(from.getUTCMonth() - historyMonths);
  const firstDay = from.toISOString().slice(0, 10);
  const lastMonthDay = `${toMonth}-01`;

  // The members are those of the month's application; where an application has none recorded
  // (an older record), the household's members on the first of the month.
  const members = await sql<MemberRow>`
    WITH paid AS (
      SELECT c.household_id, d.month, sum(p.amount_ore)::bigint AS paid_ore,
             (array_agg(d.application_id ORDER BY d.created_at DESC))[1] AS application_id
      FROM payment p
      JOIN decision d ON d.municipality_id = p.municipality_id AND d.id = p.decision_id
      JOIN client_case c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
      WHERE p.municipality_id = ${municipalityId} AND p.status = 'sent'
        AND d.month BETWEEN ${firstDay}::date AND ${lastMonthDay}::date
      GROUP BY c.household_id, d.month),
    members AS (
      SELECT paid.household_id, paid.month, paid.paid_ore, am.person_id,
             CASE am.role WHEN 'child' THEN 'child' ELSE 'adult' END AS role
      FROM paid
      JOIN application_member am
        ON am.municipality_id = ${municipalityId} AND am.application_id = paid.application_id AND am.included
      UNION ALL
      SELECT paid.household_id, paid.month, paid.paid_ore, hm.person_id,
             CASE hm.role WHEN 'child' THEN 'child' ELSE 'adult' END AS role
      FROM paid
      JOIN household_member hm
        ON hm.municipality_id = ${municipalityId} AND hm.household_id = paid.household_id
       AND hm.valid_from <= paid.month AND (hm.valid_to IS NULL OR hm.valid_to > paid.month)
      WHERE NOT EXISTS (SELECT 1 FROM application_member x
                        WHERE x.municipality_id = ${municipalityId} AND x.application_id = paid.application_id)
      UNION ALL
      -- every household month once even if no member is known
      SELECT paid.household_id, paid.month, paid.paid_ore, NULL, NULL FROM paid)
    SELECT m.household_id, to_char(m.month, 'YYYY-MM') AS month, m.paid_ore,
           m.person_id, m.role, to_char(pe.birth_date, 'YYYY-MM-DD') AS birth_date, rc.code
    FROM members m
    LEFT JOIN person pe ON pe.municipality_id = ${municipalityId} AND pe.id = m.person_id
    LEFT JOIN reason_code rc
      ON rc.municipality_id = ${municipalityId} AND rc.person_id = m.person_id AND rc.month = m.month
    ORDER BY m.household_id, m.month`.execute(db);

  const months = new Map<
    string,
    AssistanceMonth & {
      adults: AssistanceMonth['adults'][number][];
      children: AssistanceMonth['children'][number][];
    }
  >();
  for (const row of members.rows) {
    const key = `${row.household_id}|${row.month}`;
    let entry = months.get(key);
    if (!entry) {
      entry = {
        householdId: row.household_id,
        month: row.month,
        paidOre: Number(row.paid_ore),
        adults: [],
        children: [],
      };
      months.set(key, entry);
    }
    if (!row.person_id || !row.birth_date) continue;
    if (row.role === 'child') entry.children.push({ personId: row.person_id, birthDate: row.birth_date });
    else
      entry.adults.push({
        personId: row.person_id,
        birthDate: row.birth_date,
        reasonGroup: row.code ? (reasonCodeIn(row.code, row.month)?.group ?? 'other') : null,
      });
  }

  return {
    ...(await loadOtherIndicatorRecords(db, municipalityId, fromMonth, toMonth)),
    assistance: [...months.values()],
  };
}

/** The records besides the assistance months: referrals, exits, employments and population. */
export async function loadOtherIndicatorRecords(
  db: Database,
  municipalityId: string,
  fromMonth: string,
  toMonth: string,
): Promise<IndicatorRecords> {
  const toDate = new Date(Date.UTC(Number(toMonth.slice(0, 4)), Number(toMonth.slice(5, 7)), 0));
  const lastDay = toDate.toISOString().slice(0, 10);
  const periodFirstDay = `${fromMonth}-01`;
  const [referrals, exits, employments, population] = await Promise.all([
    db
      .selectFrom('referral')
      .select(['person_id', 'referred_on', 'initiator'])
      .where('municipality_id', '=', municipalityId)
      .where('referred_on', '>=', periodFirstDay)
      .where('referred_on', '<=', lastDay)
      .execute(),
    db
      .selectFrom('referral')
      .select(['person_id', 'exit_on', 'exit_result'])
      .where('municipality_id', '=', municipalityId)
      .where('exit_on', '>=', periodFirstDay)
      .where('exit_on', '<=', lastDay)
      .execute(),
    db
      .selectFrom('subsidised_employment')
      .select([
        'person_id',
        'starts_on',
        'ends_on',
        'ended_on',
        'hours_per_week',
        'monthly_salary_cost_ore',
        'monthly_support_ore',
      ])
      .where('municipality_id', '=', municipalityId)
      .where('status', 'in', ['started', 'ended'])
      .where('starts_on', '<=', lastDay)
      .where((eb) => eb(eb.fn.coalesce('ended_on', 'ends_on'), '>=', periodFirstDay))
      .execute(),
    db.selectFrom('population').selectAll().where('municipality_id', '=', municipalityId).execute(),
  ]);

  return {
    assistance: [],
    population: population.map((p) => ({
      year: p.year,
      total: p.total,
      children: p.children,
      youngAdults: p.young_adults,
      source: p.source,
    })),
    referrals: referrals.map((r) => ({
      personId: r.person_id,
      referredOn: r.referred_on,
      initiator: r.initiator,
    })),
    labourExits: exits
      .filter((e) => e.exit_on && e.exit_result)
      .map((e) => ({
        personId: e.person_id,
        exitOn: e.exit_on!,
        category: KOLADA_EXIT_CATEGORY[e.exit_result!],
      })),
    employments: employments.map((e) => ({
      personId: e.person_id,
      startsOn: e.starts_on,
      endsOn: e.ended_on ?? e.ends_on,
      hoursPerWeek: e.hours_per_week,
      monthlySalaryCostOre: e.monthly_salary_cost_ore,
      monthlySupportOre: e.monthly_support_ore,
    })),
  };
}

/**
 * The queries behind one person's whole-chain timeline: who may see what, and the events of the
 * parts the user may see, in one statement (one round trip) whatever the length of the history.
 */
import { sql } from 'kysely';
import { personAssignedTo, personVisibleTo } from '../../access/db/person-scope.ts';
import { hasPermission } from '../../access/domain/permissions.ts';
import type { Principal } from '../../access/domain/principal.ts';
import { caseVisibleTo } from '../../assistance/db/case-scope.ts';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../shared/errors.ts';
import type { ChainAccessFacts, ChainEvent, ChainEventKind, ChainPart } from '../domain/chain-timeline.ts';
import { flowStandsSql } from './flows.ts';

export interface ChainPersonFacts extends ChainAccessFacts {
  protectedIdentity: boolean;
}

interface FactsRow {
  protected_identity: boolean;
  visible: boolean;
  assigned: boolean;
  assistance_case: boolean;
  labour_case: boolean;
  separate_authority: boolean;
  assistance_to_labour: boolean;
  labour_to_assistance: boolean;
}

/** Cases of a kind, of a household the person is or was a member of, that the user may open. */
function seesCaseOf(principal: Principal, kind: 'assistance' | 'labour') {
  return sql<boolean>`EXISTS (
    SELECT 1 FROM household_member chm
    JOIN client_case c ON c.municipality_id = chm.municipality_id AND c.household_id = chm.household_id
    WHERE chm.municipality_id = p.municipality_id AND chm.person_id = p.id AND c.kind = ${kind}
      AND ${caseVisibleTo(principal, 'c')})`;
}

/** The person's access facts as SQL: one row, none when the person is not in the municipality. */
function factsSql(principal: Principal, personId: string, today: string) {
  return sql<FactsRow>`
    SELECT p.protected_identity, v.visible,
           ${personAssignedTo(principal)} AS assigned,
           ${seesCaseOf(principal, 'assistance')} AS assistance_case,
           ${seesCaseOf(principal, 'labour')} AS labour_case,
           COALESCE((SELECT s.separate_authority FROM labour_setting s
                     WHERE s.municipality_id = p.municipality_id), true) AS separate_authority,
           ${flowStandsSql('assistance_to_labour', 'p', today, 'id')} AS assistance_to_labour,
           ${flowStandsSql('labour_to_assistance', 'p', today, 'id')} AS labour_to_assistance
    FROM person p
    CROSS JOIN LATERAL (SELECT ${personVisibleTo(principal)} AS visible OFFSET 0) v
    WHERE p.municipality_id = ${principal.municipalityId} AND p.id = ${personId}`;
}

/** 403 for a person the user may not see; else what decides which parts of the chain are shown. */
function checkFacts(principal: Principal, row: FactsRow): ChainPersonFacts {
  if (!row.visible) throw new AppError('FORBIDDEN');
  if (row.protected_identity && !principal.protectedIdentityClearance && !row.assigned)
    throw new AppError('FORBIDDEN');
  return {
    protectedIdentity: row.protected_identity,
    assistanceUser: row.assistance_case && hasPermission(principal.roles, 'assistance:read'),
    labourUser: row.labour_case && hasPermission(principal.roles, 'labour:read'),
    separateAuthority: row.separate_authority,
    flows: {
      assistance_to_labour: row.assistance_to_labour,
      labour_to_assistance: row.labour_to_assistance,
    },
  };
}

/**
 * The person as the user may see them: 404 when not in the user's municipality, 403 when outside
 * the user's units, or a protected identity the user is neither cleared for nor assigned to.
 * Returns what decides which parts of the chain the user sees.
 */
export async function loadChainFacts(
  db: Database,
  principal: Principal,
  personId: string,
  today: string,
): Promise<ChainPersonFacts> {
  const row = (await factsSql(principal, personId, today).execute(db)).rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  return checkFacts(principal, row);
}

interface EventRow {
  kind: ChainEventKind;
  on_date: string;
  id: string;
  case_id: string | null;
  referral_id: string | null;
  month: string | null;
  code: string | null;
  status: string | null;
  review: string | null;
  name: string | null;
  amount: number | null;
  hours: number | null;
  version: number | null;
  attended: boolean | null;
  from_date: string | null;
  to_date: string | null;
}

function toEvent(part: ChainPart, row: EventRow): ChainEvent {
  return {
    part,
    kind: row.kind,
    date: row.on_date,
    id: row.id,
    caseId: row.case_id,
    referralId: row.referral_id,
    month: row.month ? row.month.slice(0, 7) : null,
    code: row.code,
    status: row.status,
    review: row.review,
    name: row.name,
    text: null,
    amountOre: row.amount === null ? null : Number(row.amount),
    hours: row.hours,
    version: row.version,
    attended: row.attended,
    from: row.from_date,
    to: row.to_date,
  };
}

/**
 * Which events: those before a day (exclusive; none = all), the newest `limit` of them — and all
 * others on the oldest day taken, so that a day is never split between pages.
 */
export interface ChainWindow {
  before: string | null;
  limit: number;
}

export interface ChainTimeline {
  facts: ChainPersonFacts;
  /** The page's events of the parts shown (newest `limit` and the rest of the oldest day). */
  events: ChainEvent[];
  /** Whether the parts shown hold events older than the page. */
  hasMore: boolean;
}

interface TimelineRow extends FactsRow {
  part: ChainPart | null;
  kind: ChainEventKind | null;
  any_shown: boolean;
  more: boolean;
}

/**
 * How far back the first read of a page looks: about two pages of a monthly assistance history
 * (an application, a decision, a payment and a reason code a month). When it holds no event older
 * than the page, the page is read again without a bound (to know whether older events exist).
 */
const FIRST_READ = sql`interval '2 years'`;

/**
 * The events of the parts shown with `k.from_date <= date < k.before`, as UNION ALL arms over the
 * keys `k` (municipality, person, assistance case ids). Applications, signed decisions and reason
 * codes are read through an index on their cases (or the person) and date (migration 0011), so
 * the range reads only its own rows; payments, dated by their run, are their cases' payments
 * joined to the runs in the range. Events of one row (a case opened and closed, a referral's intro day and exit) are
 * one arm each, which keeps the plan small: every arm costs its executor set-up on each request,
 * rows or not (~0.8 of ~2 ms of the statement's time on the bench's person).
 */
function eventsSql() {
  const within = (column: string) => sql`${sql.raw(column)} >= k.from_date AND ${sql.raw(column)} < k.before`;
  // The person is a member of the application, of one of the cases shown. LIMIT keeps it a probe
  // per row read: without it the planner joined the person's whole application history instead.
  const personsApplication = (column: string) => sql`CROSS JOIN LATERAL (
      SELECT 1 FROM application pa
      JOIN application_member am ON am.municipality_id = pa.municipality_id AND am.application_id = pa.id
      WHERE pa.municipality_id = k.m AND pa.id = ${sql.raw(column)} AND pa.case_id = ANY (k.ids)
        AND am.person_id = k.person
      LIMIT 1) member`;
  return sql`
    SELECT 'assistance' AS part, e.kind, e.on_date, c.id::text AS id, c.id AS case_id, NULL::uuid AS referral_id,
           NULL::date AS month, e.code, NULL AS status, NULL AS review, NULL AS name, NULL::integer AS amount,
           NULL::integer AS hours, NULL::integer AS version, NULL::boolean AS attended, NULL::date AS from_date,
           NULL::date AS to_date
    FROM k, cases c
    CROSS JOIN LATERAL (VALUES ('case_opened', c.opened_on, NULL), ('case_closed', c.closed_on, c.exit_reason))
      e (kind, on_date, code)
    WHERE ${within('e.on_date')}
    UNION ALL
    SELECT 'assistance', 'application', a.received_on, a.id::text, a.case_id, NULL, a.month, a.kind, a.status,
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM k JOIN application a ON a.municipality_id = k.m AND a.case_id = ANY (k.ids)
    CROSS JOIN LATERAL (
      SELECT 1 FROM application_member am
      WHERE am.municipality_id = k.m AND am.application_id = a.id AND am.person_id = k.person LIMIT 1) member
    WHERE ${within('a.received_on')}
    UNION ALL
    SELECT 'assistance', 'decision', d.decided_on, d.id::text, d.case_id, NULL, d.month, NULL, NULL, NULL,
           NULL, d.granted_ore, NULL, NULL, NULL, NULL, NULL
    FROM k JOIN decision d ON d.municipality_id = k.m AND d.case_id = ANY (k.ids)
    ${personsApplication('d.application_id')}
    WHERE d.status = 'signed' AND ${within('d.decided_on')}
    UNION ALL
    SELECT 'assistance', 'payment', r.pay_on, pm.id::text, pm.case_id, NULL, d.month, NULL, pm.status, NULL,
           NULL, pm.amount_ore, NULL, NULL, NULL, NULL, NULL
    FROM k
    JOIN payment_run r ON r.municipality_id = k.m
    JOIN payment pm ON pm.municipality_id = k.m AND pm.case_id = ANY (k.ids) AND pm.run_id = r.id
    JOIN decision d ON d.municipality_id = k.m AND d.id = pm.decision_id
    ${personsApplication('d.application_id')}
    WHERE ${within('r.pay_on')} AND pm.status = 'sent' AND d.status = 'signed' AND d.case_id = ANY (k.ids)
    UNION ALL
    -- A reason code is one per person and month: its id is the case and the month.
    SELECT 'assistance', 'reason_code', rc.month, rc.case_id::text || ':' || to_char(rc.month, 'YYYY-MM'),
           rc.case_id, NULL, rc.month, rc.code, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM k JOIN reason_code rc ON rc.municipality_id = k.m AND rc.person_id = k.person
    WHERE ${within('rc.month')} AND rc.case_id = ANY (k.ids)
    UNION ALL
    SELECT 'labour', e.kind, e.on_date, r.id::text, r.case_id, r.id, NULL, e.code, NULL, NULL, NULL, NULL,
           NULL, NULL, e.attended, NULL, NULL
    FROM k, refs r
    CROSS JOIN LATERAL (VALUES ('referral', r.referred_on, r.initiator, NULL::boolean),
                               ('intro_day', r.intro_day, NULL, r.intro_attended),
                               ('exit', r.exit_on, r.exit_result, NULL)) e (kind, on_date, code, attended)
    WHERE ${within('e.on_date')}
    UNION ALL
    SELECT 'labour', 'mapping', lm.mapped_on, lm.id::text, r.case_id, r.id, NULL, NULL, NULL, NULL, NULL,
           NULL, lm.capacity_hours, NULL, NULL, NULL, NULL
    FROM k, refs r JOIN labour_mapping lm ON lm.municipality_id = r.municipality_id AND lm.referral_id = r.id
    WHERE ${within('lm.mapped_on')}
    UNION ALL
    SELECT 'labour', 'plan', pl.starts_on, pl.id::text, NULL, pl.referral_id, NULL, NULL, pl.status, NULL,
           NULL, NULL, NULL, pl.version, NULL, pl.starts_on, pl.ends_on
    FROM k, plans pl WHERE ${within('pl.starts_on')}
    UNION ALL
    SELECT 'labour', 'follow_up', f.done_on, f.id::text, NULL, pl.referral_id, NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, pl.version, NULL, NULL, NULL
    FROM k, plans pl JOIN plan_follow_up f ON f.municipality_id = pl.municipality_id AND f.plan_id = pl.id
    WHERE ${within('f.done_on')}
    UNION ALL
    SELECT 'labour', 'placement', pc.on_date, pc.id::text, NULL, pc.referral_id, NULL, i.kind, pc.status, NULL,
           i.name, NULL, pc.hours_per_week, NULL, NULL, pc.starts_on, COALESCE(pc.ended_on, pc.ends_on)
    FROM k, refs r
    CROSS JOIN LATERAL (
      SELECT p.*, CASE WHEN p.status = 'waiting' THEN p.requested_on ELSE p.starts_on END AS on_date
      FROM placement p WHERE p.municipality_id = r.municipality_id AND p.referral_id = r.id) pc
    JOIN intervention i ON i.municipality_id = pc.municipality_id AND i.id = pc.intervention_id
    WHERE ${within('pc.on_date')}
    UNION ALL
    SELECT 'labour', 'employment', e.starts_on, e.id::text, NULL, e.referral_id, NULL, e.form, e.status,
           e.union_review, e.employer, NULL, e.hours_per_week, NULL, NULL, e.starts_on,
           COALESCE(e.ended_on, e.ends_on)
    FROM k, refs r JOIN subsidised_employment e ON e.municipality_id = r.municipality_id AND e.referral_id = r.id
    WHERE ${within('e.starts_on')}`;
}

/**
 * One page of the person's timeline in one statement (one round trip): the access facts of
 * `factsSql`, which parts they let the user see — the same rule as `chainAccess`
 * (domain/chain-timeline.ts), which the caller applies again to the facts returned — and those
 * parts' events of the page.
 *
 * A part comes from the user's own unit (only the cases the user may open) or, through the same
 * authority or a standing information flow, from the other unit (all the person's cases of that
 * part). Nothing is read for a person the user may not see.
 *
 * The page is cut from the events in the range read (`bounded`: the two years before `before`,
 * else all before it): the newest `limit` and the rest of the oldest day. `more` says the range
 * holds events older than the page; no count of the whole history.
 */
async function loadPage(
  db: Database,
  principal: Principal,
  personId: string,
  today: string,
  window: ChainWindow,
  bounded: boolean,
) {
  const m = principal.municipalityId;
  const before = window.before ?? '9999-12-31';
  const anchor = window.before ?? today;
  const lower = bounded ? sql`(${anchor}::date - ${FIRST_READ})::date` : sql`'-infinity'::date`;
  return await sql<TimelineRow & EventRow>`
    WITH facts AS MATERIALIZED (${factsSql(principal, personId, today)}),
    x AS MATERIALIZED (
      SELECT f.*,
             f.allowed AND (f.a_own OR (f.l_own AND (NOT f.separate_authority OR f.assistance_to_labour))) AS a_shown,
             f.allowed AND (f.l_own OR (f.a_own AND (NOT f.separate_authority OR f.labour_to_assistance))) AS l_shown
      FROM (
        SELECT facts.*,
               facts.visible AND (NOT facts.protected_identity OR ${principal.protectedIdentityClearance}
                                  OR facts.assigned) AS allowed,
               facts.assistance_case AND ${hasPermission(principal.roles, 'assistance:read')} AS a_own,
               facts.labour_case AND ${hasPermission(principal.roles, 'labour:read')} AS l_own
        FROM facts) f
    ),
    cases AS MATERIALIZED (
      SELECT DISTINCT c.id, c.opened_on, c.closed_on, c.exit_reason
      FROM x
      JOIN household_member hm ON hm.municipality_id = ${m} AND hm.person_id = ${personId}
      JOIN client_case c ON c.municipality_id = hm.municipality_id AND c.household_id = hm.household_id
      WHERE x.a_shown AND c.kind = 'assistance'
        AND hm.valid_from <= COALESCE(c.closed_on, 'infinity'::date)
        AND COALESCE(hm.valid_to, 'infinity'::date) > c.opened_on
        AND (NOT x.a_own OR ${caseVisibleTo(principal, 'c')})
    ),
    k AS MATERIALIZED (
      SELECT ${m}::text AS m, ${personId}::uuid AS person, ${before}::date AS before, ${lower} AS from_date,
             COALESCE((SELECT array_agg(id) FROM cases), '{}')::uuid[] AS ids
    ),
    refs AS MATERIALIZED (
      SELECT r.municipality_id, r.id, r.case_id, r.initiator, r.referred_on, r.intro_day, r.intro_attended,
             r.exit_on, r.exit_result
      FROM x
      JOIN referral r ON r.municipality_id = ${m} AND r.person_id = ${personId}
      JOIN client_case c ON c.municipality_id = r.municipality_id AND c.id = r.case_id
      WHERE x.l_shown AND (NOT x.l_own OR ${caseVisibleTo(principal, 'c')})
    ),
    plans AS MATERIALIZED (
      SELECT pl.municipality_id, pl.id, pl.referral_id, pl.version, pl.starts_on, pl.ends_on, pl.status
      FROM refs r JOIN personal_plan pl ON pl.municipality_id = r.municipality_id AND pl.referral_id = r.id
    ),
    recent AS MATERIALIZED (${eventsSql()}),
    cut AS (SELECT min(t.on_date) AS d
            FROM (SELECT on_date FROM recent ORDER BY on_date DESC LIMIT ${window.limit}) t),
    flags AS (SELECT EXISTS (SELECT 1 FROM recent, cut WHERE recent.on_date < cut.d) AS more),
    page AS (SELECT recent.* FROM recent, cut WHERE recent.on_date >= cut.d)
    SELECT x.protected_identity, x.visible, x.assigned, x.assistance_case, x.labour_case,
           x.separate_authority, x.assistance_to_labour, x.labour_to_assistance,
           x.a_shown OR x.l_shown AS any_shown, flags.more, page.*
    FROM x CROSS JOIN flags LEFT JOIN page ON true`.execute(db);
}

/**
 * The person's timeline, one page: usually one statement reading the two years before the page;
 * a second, unbounded one when those years hold no event older than the page (a sparse recent
 * history, or the last page), so that `hasMore` is exact.
 */
export async function loadChainTimeline(
  db: Database,
  principal: Principal,
  personId: string,
  today: string,
  window: ChainWindow,
): Promise<ChainTimeline> {
  let result = await loadPage(db, principal, personId, today, window, true);
  let first = result.rows[0];
  if (!first) throw new AppError('NOT_FOUND');
  const facts = checkFacts(principal, first);
  if (first.any_shown && !first.more) {
    result = await loadPage(db, principal, personId, today, window, false);
    first = result.rows[0];
    if (!first) throw new AppError('NOT_FOUND');
  }
  const events: ChainEvent[] = [];
  for (const row of result.rows) if (row.part !== null) events.push(toEvent(row.part, row));
  return { facts, events, hasMore: first.more };
}

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
  /** The window's events of the parts shown (newest `limit` and the rest of the oldest day). */
  events: ChainEvent[];
  /** How many events of the parts shown lie before `window.before` (all of them on the first page). */
  total: number;
}

interface TimelineRow extends FactsRow {
  part: ChainPart | null;
  kind: ChainEventKind | null;
  total: number | null;
}

/**
 * The person's timeline in one statement (one round trip): the access facts of `factsSql`, which
 * parts they let the user see — the same rule as `chainAccess` (domain/chain-timeline.ts), which
 * the caller applies again to the facts returned — and those parts' events in the window.
 *
 * A part comes from the user's own unit (only the cases the user may open) or, through the same
 * authority or a standing information flow, from the other unit (all the person's cases of that
 * part). Nothing is read for a person the user may not see.
 *
 * Every source is reached through an index on the person, the person's few cases or the row
 * before it (application → signed decision → sent payment → its run). `total` counts every event
 * before the window, so the whole history is read each time (ten years, ~550 events: ~2–3 ms of
 * PostgreSQL on the bench's VM, index probes mostly); only the window's rows are returned.
 */
export async function loadChainTimeline(
  db: Database,
  principal: Principal,
  personId: string,
  today: string,
  window: ChainWindow,
): Promise<ChainTimeline> {
  const m = principal.municipalityId;
  const before = window.before ?? '9999-12-31';
  const result = await sql<TimelineRow & EventRow>`
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
    case_ids AS MATERIALIZED (SELECT array_agg(id) AS ids FROM cases),
    apps AS MATERIALIZED (
      SELECT a.id, a.case_id, a.month, a.received_on, a.kind, a.status
      FROM application a
      WHERE a.municipality_id = ${m} AND a.case_id = ANY ((SELECT ids FROM case_ids)::uuid[])
        AND a.id IN (SELECT am.application_id FROM application_member am
                     WHERE am.municipality_id = ${m} AND am.person_id = ${personId})
    ),
    decisions AS MATERIALIZED (
      SELECT d.id, d.case_id, d.month, d.decided_on, d.granted_ore
      FROM decision d
      WHERE d.municipality_id = ${m} AND d.case_id = ANY ((SELECT ids FROM case_ids)::uuid[])
        AND d.status = 'signed'
        AND d.application_id IN (SELECT id FROM apps)
    ),
    refs AS MATERIALIZED (
      SELECT r.id, r.case_id, r.initiator, r.referred_on, r.intro_day, r.intro_attended, r.exit_on,
             r.exit_result
      FROM x
      JOIN referral r ON r.municipality_id = ${m} AND r.person_id = ${personId}
      JOIN client_case c ON c.municipality_id = r.municipality_id AND c.id = r.case_id
      WHERE x.l_shown AND (NOT x.l_own OR ${caseVisibleTo(principal, 'c')})
    ),
    plans AS MATERIALIZED (
      SELECT pl.id, pl.referral_id, pl.version, pl.starts_on, pl.ends_on, pl.status
      FROM refs r JOIN personal_plan pl ON pl.municipality_id = ${m} AND pl.referral_id = r.id
    ),
    ev AS (
      SELECT 'assistance' AS part, 'case_opened' AS kind, c.opened_on AS on_date, c.id::text AS id,
             c.id AS case_id, NULL::uuid AS referral_id, NULL::date AS month, NULL AS code, NULL AS status,
             NULL AS review, NULL AS name, NULL::integer AS amount, NULL::integer AS hours,
             NULL::integer AS version, NULL::boolean AS attended, NULL::date AS from_date, NULL::date AS to_date
      FROM cases c
      UNION ALL
      SELECT 'assistance', 'case_closed', c.closed_on, c.id::text, c.id, NULL, NULL, c.exit_reason, NULL, NULL,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL
      FROM cases c WHERE c.closed_on IS NOT NULL
      UNION ALL
      SELECT 'assistance', 'application', a.received_on, a.id::text, a.case_id, NULL, a.month, a.kind, a.status,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
      FROM apps a
      UNION ALL
      SELECT 'assistance', 'decision', d.decided_on, d.id::text, d.case_id, NULL, d.month, NULL, NULL, NULL,
             NULL, d.granted_ore, NULL, NULL, NULL, NULL, NULL
      FROM decisions d
      UNION ALL
      SELECT 'assistance', 'payment', r.pay_on, pm.id::text, pm.case_id, NULL, d.month, NULL, pm.status, NULL,
             NULL, pm.amount_ore, NULL, NULL, NULL, NULL, NULL
      FROM payment pm
      JOIN decisions d ON d.id = pm.decision_id
      JOIN payment_run r ON r.municipality_id = pm.municipality_id AND r.id = pm.run_id
      WHERE pm.municipality_id = ${m} AND pm.case_id = ANY ((SELECT ids FROM case_ids)::uuid[])
        AND pm.status = 'sent'
      UNION ALL
      -- A reason code is one per person and month: its id is the case and the month.
      SELECT 'assistance', 'reason_code', rc.month, rc.case_id::text || ':' || to_char(rc.month, 'YYYY-MM'),
             rc.case_id, NULL, rc.month, rc.code, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
      FROM reason_code rc
      WHERE rc.municipality_id = ${m} AND rc.person_id = ${personId}
        AND rc.case_id = ANY ((SELECT ids FROM case_ids)::uuid[])
      UNION ALL
      SELECT 'labour', 'referral', r.referred_on, r.id::text, r.case_id, r.id, NULL, r.initiator, NULL, NULL,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL
      FROM refs r
      UNION ALL
      SELECT 'labour', 'intro_day', r.intro_day, r.id::text, r.case_id, r.id, NULL, NULL, NULL, NULL, NULL,
             NULL, NULL, NULL, r.intro_attended, NULL, NULL
      FROM refs r WHERE r.intro_day IS NOT NULL
      UNION ALL
      SELECT 'labour', 'exit', r.exit_on, r.id::text, r.case_id, r.id, NULL, r.exit_result, NULL, NULL, NULL,
             NULL, NULL, NULL, NULL, NULL, NULL
      FROM refs r WHERE r.exit_on IS NOT NULL
      UNION ALL
      SELECT 'labour', 'mapping', lm.mapped_on, lm.id::text, r.case_id, r.id, NULL, NULL, NULL, NULL, NULL,
             NULL, lm.capacity_hours, NULL, NULL, NULL, NULL
      FROM refs r JOIN labour_mapping lm ON lm.municipality_id = ${m} AND lm.referral_id = r.id
      UNION ALL
      SELECT 'labour', 'plan', pl.starts_on, pl.id::text, NULL, pl.referral_id, NULL, NULL, pl.status, NULL,
             NULL, NULL, NULL, pl.version, NULL, pl.starts_on, pl.ends_on
      FROM plans pl
      UNION ALL
      SELECT 'labour', 'follow_up', f.done_on, f.id::text, NULL, pl.referral_id, NULL, NULL, NULL, NULL, NULL,
             NULL, NULL, pl.version, NULL, NULL, NULL
      FROM plans pl JOIN plan_follow_up f ON f.municipality_id = ${m} AND f.plan_id = pl.id
      UNION ALL
      SELECT 'labour', 'placement', CASE WHEN pc.status = 'waiting' THEN pc.requested_on ELSE pc.starts_on END,
             pc.id::text, NULL, pc.referral_id, NULL, i.kind, pc.status, NULL, i.name, NULL, pc.hours_per_week,
             NULL, NULL, pc.starts_on, COALESCE(pc.ended_on, pc.ends_on)
      FROM refs r
      JOIN placement pc ON pc.municipality_id = ${m} AND pc.referral_id = r.id
      JOIN intervention i ON i.municipality_id = pc.municipality_id AND i.id = pc.intervention_id
      UNION ALL
      SELECT 'labour', 'employment', e.starts_on, e.id::text, NULL, e.referral_id, NULL, e.form, e.status,
             e.union_review, e.employer, NULL, e.hours_per_week, NULL, NULL, e.starts_on,
             COALESCE(e.ended_on, e.ends_on)
      FROM refs r JOIN subsidised_employment e ON e.municipality_id = ${m} AND e.referral_id = r.id
    ),
    older AS MATERIALIZED (SELECT * FROM ev WHERE ev.on_date < ${before}::date),
    cut AS (SELECT min(t.on_date) AS d
            FROM (SELECT on_date FROM older ORDER BY on_date DESC LIMIT ${window.limit}) t),
    page AS (
      SELECT o.*, (SELECT count(*) FROM older)::int AS total
      FROM older o, cut
      WHERE o.on_date >= cut.d
    )
    SELECT x.protected_identity, x.visible, x.assigned, x.assistance_case, x.labour_case,
           x.separate_authority, x.assistance_to_labour, x.labour_to_assistance, page.*
    FROM x LEFT JOIN page ON true`.execute(db);
  const first = result.rows[0];
  if (!first) throw new AppError('NOT_FOUND');
  const facts = checkFacts(principal, first);
  const events: ChainEvent[] = [];
  for (const row of result.rows) if (row.part !== null) events.push(toEvent(row.part, row));
  return { facts, events, total: first.total ?? 0 };
}

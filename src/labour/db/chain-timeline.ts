/**
 * The queries behind one person's whole-chain timeline: one query for who may see what, and one
 * UNION ALL query per part (assistance, labour-market unit), each served by indexes on the person
 * or the case — a handful of round trips whatever the length of the history.
 */
import { sql, type RawBuilder } from 'kysely';
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
  const result = await sql<FactsRow>`
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
    WHERE p.municipality_id = ${principal.municipalityId} AND p.id = ${personId}`.execute(db);
  const row = result.rows[0];
  if (!row) throw new AppError('NOT_FOUND');
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
 * Which cases of the part: all of them when the part comes through an information flow (it is
 * the other unit's part as a whole), else only those the user may open.
 */
export interface PartScope {
  allCases: boolean;
}

/**
 * Which events: those before a day (exclusive; none = all), the newest `limit` of them — and all
 * others on the oldest day taken, so that a day is never split between pages.
 */
export interface ChainWindow {
  before: string | null;
  limit: number;
}

export interface PartPage {
  events: ChainEvent[];
  /** How many events of the part lie before `window.before` (all of them on the first page). */
  total: number;
}

/** The part's events (a UNION ALL over its CTEs) cut to the window, each row with the part's total. */
function paged(ctes: RawBuilder<unknown>, union: RawBuilder<unknown>, window: ChainWindow) {
  return sql<EventRow & { total: number }>`
    WITH ${ctes},
    ev AS (${union}),
    older AS MATERIALIZED (SELECT * FROM ev WHERE ev.on_date < ${window.before ?? '9999-12-31'}::date),
    cut AS (SELECT min(t.on_date) AS d
            FROM (SELECT on_date FROM older ORDER BY on_date DESC LIMIT ${window.limit}) t)
    SELECT o.*, (SELECT count(*) FROM older)::int AS total
    FROM older o, cut
    WHERE o.on_date >= cut.d`;
}

/** Two distinct statements rather than a parameter, so that each is planned for what it does. */
const inScope = (principal: Principal, scope: PartScope) =>
  scope.allCases ? sql<boolean>`true` : caseVisibleTo(principal, 'c');

/**
 * The assistance part: the household's assistance cases while the person was a member (opened,
 * closed with the exit reason), the applications the person was part of, their signed decisions
 * with the granted amount, the payments sent, and the person's reason codes.
 */
export async function assistanceEvents(
  db: Database,
  principal: Principal,
  personId: string,
  scope: PartScope,
  window: ChainWindow,
): Promise<PartPage> {
  const m = principal.municipalityId;
  const ctes = sql`
    cases AS MATERIALIZED (
      SELECT DISTINCT c.id, c.opened_on, c.closed_on, c.exit_reason
      FROM household_member hm
      JOIN client_case c ON c.municipality_id = hm.municipality_id AND c.household_id = hm.household_id
      WHERE hm.municipality_id = ${m} AND hm.person_id = ${personId} AND c.kind = 'assistance'
        AND hm.valid_from <= COALESCE(c.closed_on, 'infinity'::date)
        AND COALESCE(hm.valid_to, 'infinity'::date) > c.opened_on
        AND ${inScope(principal, scope)}
    ), apps AS MATERIALIZED (
      SELECT a.id, a.case_id, a.month, a.received_on, a.kind, a.status
      FROM application_member am
      JOIN application a ON a.municipality_id = am.municipality_id AND a.id = am.application_id
      WHERE am.municipality_id = ${m} AND am.person_id = ${personId}
        AND a.case_id IN (SELECT id FROM cases)
    ), decisions AS MATERIALIZED (
      SELECT d.id, d.case_id, d.month, d.decided_on, d.granted_ore
      FROM apps a
      JOIN decision d ON d.municipality_id = ${m} AND d.application_id = a.id
      WHERE d.status = 'signed'
    )`;
  const union = sql`
    SELECT 'case_opened' AS kind, c.opened_on AS on_date, c.id, c.id AS case_id, NULL::uuid AS referral_id,
           NULL::date AS month, NULL AS code, NULL AS status, NULL AS review, NULL AS name,
           NULL::integer AS amount, NULL::integer AS hours, NULL::integer AS version,
           NULL::boolean AS attended, NULL::date AS from_date, NULL::date AS to_date
    FROM cases c
    UNION ALL
    SELECT 'case_closed', c.closed_on, c.id, c.id, NULL, NULL, c.exit_reason, NULL, NULL, NULL,
           NULL, NULL, NULL, NULL, NULL, NULL
    FROM cases c WHERE c.closed_on IS NOT NULL
    UNION ALL
    SELECT 'application', a.received_on, a.id, a.case_id, NULL, a.month, a.kind, a.status, NULL, NULL,
           NULL, NULL, NULL, NULL, NULL, NULL
    FROM apps a
    UNION ALL
    SELECT 'decision', d.decided_on, d.id, d.case_id, NULL, d.month, NULL, NULL, NULL, NULL,
           d.granted_ore, NULL, NULL, NULL, NULL, NULL
    FROM decisions d
    UNION ALL
    SELECT 'payment', r.pay_on, pm.id, pm.case_id, NULL, d.month, NULL, pm.status, NULL, NULL,
           pm.amount_ore, NULL, NULL, NULL, NULL, NULL
    FROM decisions d
    JOIN payment pm ON pm.municipality_id = ${m} AND pm.decision_id = d.id
    JOIN payment_run r ON r.municipality_id = pm.municipality_id AND r.id = pm.run_id
    WHERE pm.status = 'sent'
    UNION ALL
    SELECT 'reason_code', rc.month, rc.case_id, rc.case_id, NULL, rc.month, rc.code, NULL, NULL, NULL,
           NULL, NULL, NULL, NULL, NULL, NULL
    FROM reason_code rc
    WHERE rc.municipality_id = ${m} AND rc.person_id = ${personId}
      AND rc.case_id IN (SELECT id FROM cases)`;
  const result = await paged(ctes, union, window).execute(db);
  return {
    total: result.rows[0]?.total ?? 0,
    events: result.rows.map((row) => {
      const event = toEvent('assistance', row);
      // A reason code is one per person and month: its own id is the month.
      if (row.kind === 'reason_code') event.id = `${row.case_id}:${event.month}`;
      return event;
    }),
  };
}

/**
 * The labour part: the person's referrals (with the initiator), introduction days, mappings with
 * capacity, plans and their follow-ups, placements, subsidised employments (form, dates, the
 * union's review) and exits with their result. Free texts (the plan's goal, comments) stay in the
 * unit.
 */
export async function labourEvents(
  db: Database,
  principal: Principal,
  personId: string,
  scope: PartScope,
  window: ChainWindow,
): Promise<PartPage> {
  const m = principal.municipalityId;
  const ctes = sql`
    refs AS MATERIALIZED (
      SELECT r.id, r.case_id, r.initiator, r.referred_on, r.intro_day, r.intro_attended, r.exit_on,
             r.exit_result
      FROM referral r
      JOIN client_case c ON c.municipality_id = r.municipality_id AND c.id = r.case_id
      WHERE r.municipality_id = ${m} AND r.person_id = ${personId}
        AND ${inScope(principal, scope)}
    ), plans AS MATERIALIZED (
      SELECT pl.id, pl.referral_id, pl.version, pl.starts_on, pl.ends_on, pl.status
      FROM refs r JOIN personal_plan pl ON pl.municipality_id = ${m} AND pl.referral_id = r.id
    )`;
  const union = sql`
    SELECT 'referral' AS kind, r.referred_on AS on_date, r.id, r.case_id, r.id AS referral_id,
           NULL::date AS month, r.initiator AS code, NULL AS status, NULL AS review, NULL AS name,
           NULL::integer AS amount, NULL::integer AS hours, NULL::integer AS version,
           NULL::boolean AS attended, NULL::date AS from_date, NULL::date AS to_date
    FROM refs r
    UNION ALL
    SELECT 'intro_day', r.intro_day, r.id, r.case_id, r.id, NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, NULL, r.intro_attended, NULL, NULL
    FROM refs r WHERE r.intro_day IS NOT NULL
    UNION ALL
    SELECT 'exit', r.exit_on, r.id, r.case_id, r.id, NULL, r.exit_result, NULL, NULL, NULL,
           NULL, NULL, NULL, NULL, NULL, NULL
    FROM refs r WHERE r.exit_on IS NOT NULL
    UNION ALL
    SELECT 'mapping', lm.mapped_on, lm.id, r.case_id, r.id, NULL, NULL, NULL, NULL, NULL,
           NULL, lm.capacity_hours, NULL, NULL, NULL, NULL
    FROM refs r JOIN labour_mapping lm ON lm.municipality_id = ${m} AND lm.referral_id = r.id
    UNION ALL
    SELECT 'plan', pl.starts_on, pl.id, NULL, pl.referral_id, NULL, NULL, pl.status, NULL, NULL,
           NULL, NULL, pl.version, NULL, pl.starts_on, pl.ends_on
    FROM plans pl
    UNION ALL
    SELECT 'follow_up', f.done_on, f.id, NULL, pl.referral_id, NULL, NULL, NULL, NULL, NULL,
           NULL, NULL, pl.version, NULL, NULL, NULL
    FROM plans pl JOIN plan_follow_up f ON f.municipality_id = ${m} AND f.plan_id = pl.id
    UNION ALL
    SELECT 'placement', CASE WHEN pc.status = 'waiting' THEN pc.requested_on ELSE pc.starts_on END,
           pc.id, NULL, pc.referral_id, NULL, i.kind, pc.status, NULL, i.name,
           NULL, pc.hours_per_week, NULL, NULL, pc.starts_on, COALESCE(pc.ended_on, pc.ends_on)
    FROM refs r
    JOIN placement pc ON pc.municipality_id = ${m} AND pc.referral_id = r.id
    JOIN intervention i ON i.municipality_id = pc.municipality_id AND i.id = pc.intervention_id
    UNION ALL
    SELECT 'employment', e.starts_on, e.id, NULL, e.referral_id, NULL, e.form, e.status, e.union_review,
           e.employer, NULL, e.hours_per_week, NULL, NULL, e.starts_on, COALESCE(e.ended_on, e.ends_on)
    FROM refs r JOIN subsidised_employment e ON e.municipality_id = ${m} AND e.referral_id = r.id`;
  const result = await paged(ctes, union, window).execute(db);
  return { total: result.rows[0]?.total ?? 0, events: result.rows.map((row) => toEvent('labour', row)) };
}

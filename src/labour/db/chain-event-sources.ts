/**
 * Where the whole-chain timeline's events come from: one UNION ALL arm per kind of event over the
 * records of both parts of the chain. Both the timeline kept per person (chain-events.ts) and the
 * direct read (chain-timeline-direct.ts) are built from this one statement, so they cannot differ.
 */
import { sql } from 'kysely';

/**
 * The events with `k.from_date <= date < k.before`, as UNION ALL arms over the keys `k`
 * (municipality, person, ids of the assistance cases shown) and the CTEs `cases` (those cases'
 * dates), `refs` (the referrals shown) and `plans` (their plans), which the caller defines: all of
 * the person's for the kept events, those the user may see for the direct read. Applications,
 * signed decisions and reason codes are read through an index on their cases (or the person) and
 * date (migration 0011), so a range reads only its own rows; payments, dated by their run, are
 * their cases' payments joined to the runs in the range. Events of one row (a case opened and
 * closed, a referral's intro day and exit) are one arm each, which keeps the plan small: every arm
 * costs its executor set-up on each run, rows or not.
 */
export function eventsSql() {
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

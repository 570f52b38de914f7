/**
 * Five years of the financial-aid unit's monthly work for the demo municipality: an application,
 * a signed decision and a payment for every month of every assistance case, monthly payment runs,
 * bank accounts and visits. The recent months (from the previous month on) are complete records —
 * members, items, the norm calculation and decision items — so that every screen has real content;
 * older months are kept as an earlier system hands them over (application, decision, payment).
 *
 * Amounts of years whose riksnorm is not registered are demo approximations (the 2026 norm scaled
 * by a price factor); they are never used by the norm calculation itself.
 */
import { decideItems, decisionTotal, proposeItems } from '../assistance/domain/decisions/decision-items.ts';
import {
  calculateNorm,
  type NormCost,
  type NormIncome,
  type NormMember,
} from '../assistance/domain/norm/calculate-norm.ts';
import { riksnormForYear } from '../assistance/domain/norm/riksnorm-data.ts';
import { planIntake } from '../assistance/domain/intake/intake-plan.ts';
import type { AssistanceDemoData, DemoData } from './demo-data.ts';
import { Random } from './random.ts';

/** Demo-only price factors against 2026 for the years without a registered riksnorm. */
const PRICE_FACTOR: Record<number, number> = { 2022: 0.8, 2023: 0.87, 2024: 0.945, 2025: 0.97 };

/** Rough national proportions of reason codes among adult recipients (Kolada's shares). */
const UNEMPLOYED_REASONS: ReadonlyArray<readonly [string, number]> = [
  ['unemployed_no_benefit', 50],
  ['unemployed_insufficient_benefit', 25],
  ['unemployed_awaiting_benefit', 15],
  ['unemployed_establishment_benefit', 10],
];
const OTHER_REASONS: ReadonlyArray<readonly [string, number]> = [
  ['sick_with_certificate', 35],
  ['sick_without_certificate', 15],
  ['social_reasons', 20],
  ['parental_leave', 8],
  ['part_time_insufficient_income', 10],
  ['full_time_insufficient_income', 5],
  ['other', 7],
];

const RENT_BY_SIZE: ReadonlyArray<readonly [number, number]> = [
  [5200, 6900],
  [6400, 8200],
  [7400, 9300],
  [8200, 10400],
  [8800, 11500],
];

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const monthStart = (index: number) =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const lastWeekdayBefore = (month: string) => {
  let day = addDays(month, -1);
  while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = addDays(day, -1);
  return day;
};
/**
 * A free visit slot of the caseworker (Monday–Thursday, two in the morning and two in the
 * afternoon, Stockholm time) on or after a random day from `from`.
 */
function visitSlot(rng: Random, taken: Set<string>, caseworker: string, from: string): Date {
  let day = addDays(from, rng.int(0, 18));
  for (;;) {
    if ([1, 2, 3, 4].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) {
      const summer = Number(day.slice(5, 7)) >= 4 && Number(day.slice(5, 7)) <= 10;
      for (const hour of rng.chance(0.5) ? [9, 10, 13, 14] : [13, 14, 9, 10]) {
        const at = new Date(`${day}T${String(hour - (summer ? 2 : 1)).padStart(2, '0')}:00:00Z`);
        const key = `${caseworker}|${at.getTime()}`;
        if (!taken.has(key)) {
          taken.add(key);
          return at;
        }
      }
    }
    day = addDays(day, 1);
  }
}
const ageOn = (birth: string, date: string) =>
  Number(date.slice(0, 4)) - Number(birth.slice(0, 4)) - (date.slice(5) < birth.slice(5) ? 1 : 0);

export function generateAssistanceHistory(
  base: DemoData,
  options: { seed: number; today: string },
): AssistanceDemoData {
  const rng = Random.derive(options.seed, 'assistance');
  const ids = Random.derive(options.seed, 'assistance-ids');
  const m = base.municipality[0]!.id;
  const todayMonth = monthIndex(options.today);
  const fullFrom = todayMonth - 1;

  const out: AssistanceDemoData = {
    assistance_setting: [
      {
        municipality_id: m,
        visit_slots_per_day: 4,
        visit_weekdays: [1, 2, 3, 4],
        visit_required_for_payment: true,
        caseload_limit: 45,
        decision_lead_days: 10,
        follow_up_months: 3,
        reactualisation_months: 12,
        cost_limits: {},
        debtor_name: base.municipality[0]!.name,
        debtor_organisation_number: '2120001355',
        debtor_bankgiro: '50501055',
        debtor_bic: 'SWEDSESS',
      },
    ],
    bank_account: [],
    application: [],
    application_member: [],
    application_item: [],
    decision: [],
    decision_item: [],
    visit: [],
    payment_run: [],
    payment: [],
    reason_code: [],
    intake_step: [],
  };
  const coded = new Set<string>();

  const persons = new Map(base.person.map((p) => [p.id, p]));
  const membersByHousehold = new Map<string, DemoData['household_member']>();
  for (const member of base.household_member) {
    const list = membersByHousehold.get(member.household_id) ?? [];
    list.push(member);
    membersByHousehold.set(member.household_id, list);
  }
  const managerOf = new Map<string, string>();
  const visitSlots = new Set<string>();
  const now = new Date(`${options.today}T11:00:00Z`);
  for (const grant of base.role_assignment)
    if (grant.role === 'unit_manager' && !managerOf.has(grant.unit_id))
      managerOf.set(grant.unit_id, grant.user_id);

  // One payment run a month; the next month's run is left for the user to prepare.
  const runs = new Map<number, string>();
  const firstMonth = monthIndex(
    base.client_case.reduce((min, c) => (c.opened_on < min ? c.opened_on : min), options.today),
  );
  const nordUnit = base.unit.find((u) => u.kind === 'assistance')!.id;
  const preparer = base.role_assignment.find(
    (r) => r.role === 'caseworker' && r.unit_id === nordUnit,
  )!.user_id;
  for (let month = firstMonth; month <= todayMonth; month++) {
    const id = ids.uuid();
    runs.set(month, id);
    const payOn = lastWeekdayBefore(monthStart(month));
    const approvedAt = new Date(`${addDays(payOn, -2)}T13:00:00Z`);
    out.payment_run.push({
      municipality_id: m,
      id,
      month: monthStart(month),
      pay_on: payOn,
      status: 'approved',
      prepared_by: preparer,
      prepared_at: new Date(approvedAt.getTime() - 3_600_000),
      approved_by: managerOf.get(nordUnit)!,
      approved_at: approvedAt,
      message_id: `KJ-${monthStart(month).slice(0, 7)}-${id.slice(0, 8)}`,
      file_sha256: null,
    });
  }

  const accountOf = new Map<string, { clearing: string; account: string }>();
  const earlierClosings = new Map<string, string[]>();
  const assistanceCases = base.client_case
    .filter((c) => c.kind === 'assistance')
    .sort((a, b) => a.opened_on.localeCompare(b.opened_on));

  for (const c of assistanceCases) {
    const household = membersByHousehold.get(c.household_id) ?? [];
    const caseworker = c.caseworker_id!;
    const manager = managerOf.get(c.unit_id)!;
    const unemployed = rng.chance(0.4);
    const reason = unemployed ? rng.weighted(UNEMPLOYED_REASONS) : rng.weighted(OTHER_REASONS);
    const e = rng.chance(0.45);
    const rentFactor = rng.next();
    const hasSalary = rng.chance(0.15);
    const jobStimulus = hasSalary && rng.chance(0.3);
    const closings = earlierClosings.get(c.household_id) ?? [];
    const reactualised = closings.some(
      (closed) => closed >= addDays(c.opened_on, -365) && closed < c.opened_on,
    );
    if (c.closed_on) earlierClosings.set(c.household_id, [...closings, c.closed_on]);

    // The intake process of the cases opened in the last half year: most steps done on time.
    if (!c.closed_on && c.opened_on >= addDays(options.today, -183)) {
      let late = false;
      for (const planned of planIntake(c.opened_on)) {
        const due = planned.dueOn < options.today;
        late = late || (due && rng.chance(0.12));
        const done = due && !late;
        out.intake_step.push({
          municipality_id: m,
          case_id: c.id,
          step: planned.step,
          owner_id: caseworker,
          due_on: planned.dueOn,
          done_on: done ? planned.dueOn : null,
          done_by: done ? caseworker : null,
          details: null,
        });
      }
    }

    const first = monthIndex(c.opened_on);
    const last = c.closed_on ? monthIndex(c.closed_on) : todayMonth + 1;
    for (let month = first; month <= last; month++) {
      const start = monthStart(month);
      const members = household.filter(
        (hm) => hm.valid_from < monthStart(month + 1) && (hm.valid_to === null || hm.valid_to > start),
      );
      const applicant = members.find((hm) => hm.role === 'applicant');
      if (!applicant) continue;
      if (!accountOf.has(applicant.person_id)) {
        const account = {
          clearing: rng.pick(['8327', '6000', '3300', '5000', '9150']),
          account: String(rng.int(100_000_000, 999_999_999)),
        };
        accountOf.set(applicant.person_id, account);
        out.bank_account.push({
          municipality_id: m,
          id: ids.uuid(),
          person_id: applicant.person_id,
          clearing_number: account.clearing,
          account_number: account.account,
          status: 'approved',
          requested_by: caseworker,
          requested_at: new Date(`${c.opened_on}T09:00:00Z`),
          reviewed_by: manager,
          reviewed_at: new Date(`${c.opened_on}T14:00:00Z`),
        });
      }

      const received = month === first ? c.opened_on : addDays(monthStart(month - 1), rng.int(14, 24));
      if (received > options.today) continue;
      const complete = addDays(received, rng.int(0, 6));
      const isNext = month > todayMonth;
      const decided = !isNext || rng.chance(0.7);
      const applicationId = ids.uuid();
      out.application.push({
        municipality_id: m,
        id: applicationId,
        case_id: c.id,
        month: start,
        kind: month === first ? 'first' : 'recurring',
        channel: e ? 'e_application' : 'paper',
        received_on: received,
        complete_on: complete > options.today ? null : complete,
        status: decided ? 'decided' : 'received',
        self_assessed_unemployed: unemployed,
        reactualised: month === first && reactualised,
        housing_address: persons.get(applicant.person_id)!.street_address,
        housing_apartment: null,
        housing_contract: null,
        created_by: e ? null : caseworker,
      });

      // The household in the month, for the norm.
      const normMembers: NormMember[] = [];
      const roles = {
        applicant: 'applicant',
        co_applicant: 'partner',
        child: 'child',
        other_adult: 'otherAdult',
      } as const;
      const tableRoles = {
        applicant: 'applicant',
        partner: 'partner',
        child: 'child',
        otherAdult: 'other_adult',
      } as const;
      for (const hm of members) {
        const age = Math.max(0, ageOn(persons.get(hm.person_id)!.birth_date, start));
        const role = hm.role === 'child' && age > 20 ? 'otherAdult' : roles[hm.role];
        normMembers.push({
          role,
          age,
          ...(role === 'child' && age <= 6 && age >= 1 && rng.chance(0.7) ? { lunchAway: true } : {}),
        });
      }
      const size = Math.min(normMembers.length, RENT_BY_SIZE.length);
      const [low, high] = RENT_BY_SIZE[size - 1]!;
      const children = normMembers.filter((n) => n.role === 'child').length;
      const costs: NormCost[] = [
        { type: 'rent', amount: Math.round((low + (high - low) * rentFactor) / 10) * 1000 },
        ...(rentFactor > 0.5 ? [{ type: 'electricity' as const, amount: 40_000 }] : []),
        { type: 'homeInsurance', amount: 18_000 },
        ...(rng.chance(0.06) ? [{ type: 'dental' as const, amount: rng.int(8, 40) * 10_000 }] : []),
      ];
      const incomes: NormIncome[] = [
        ...(children > 0 ? [{ type: 'childBenefit' as const, amount: children * 125_000 }] : []),
        ...(children > 0 && rentFactor > 0.6 ? [{ type: 'housingAllowance' as const, amount: 180_000 }] : []),
        ...(hasSalary
          ? [{ type: 'salary' as const, amount: 450_000, ...(jobStimulus ? { jobStimulus: true } : {}) }]
          : []),
      ];

      if (month >= todayMonth - 12)
        for (const hm of members) {
          const key = `${hm.person_id}|${start}`;
          if ((hm.role !== 'applicant' && hm.role !== 'co_applicant') || coded.has(key)) continue;
          coded.add(key);
          out.reason_code.push({
            municipality_id: m,
            person_id: hm.person_id,
            month: start,
            case_id: c.id,
            // A partner often has a reason of their own; most keep theirs month after month.
            code: hm.role === 'applicant' && !rng.chance(0.05) ? reason : rng.weighted(OTHER_REASONS),
            set_by: caseworker,
            set_at: new Date(`${received}T10:00:00Z`),
          });
        }

      const full = month >= fullFrom;
      if (full) {
        for (let i = 0; i < members.length; i++)
          out.application_member.push({
            municipality_id: m,
            application_id: applicationId,
            person_id: members[i]!.person_id,
            role: tableRoles[normMembers[i]!.role],
            lunch_away: normMembers[i]!.lunchAway === true,
            included: true,
          });
        [
          ...costs.map((x) => ({ kind: 'cost' as const, x })),
          ...incomes.map((x) => ({ kind: 'income' as const, x })),
        ].forEach(({ kind, x }, index) =>
          out.application_item.push({
            municipality_id: m,
            application_id: applicationId,
            line_no: index + 1,
            kind,
            item_type: x.type,
            amount_ore: x.amount,
            job_stimulus: 'jobStimulus' in x && x.jobStimulus === true,
            description: null,
          }),
        );
      }
      if (!decided) continue;

      const year = Number(start.slice(0, 4));
      const table = riksnormForYear(year) ?? riksnormForYear(2026)!;
      const norm = calculateNorm(table, { members: normMembers, costs, incomes });
      const factor = riksnormForYear(year) ? 1 : (PRICE_FACTOR[year] ?? 1);
      const proposal = proposeItems(norm);
      const partly = full && rng.chance(0.05);
      const decidedItems = decideItems(
        proposal,
        partly
          ? [
              {
                lineNo: 2,
                granted: Math.round(proposal[1]!.applied * 0.85),
                reason: 'Hyran överstiger skälig nivå för hushållets storlek.',
              },
            ]
          : [],
      );
      if ('error' in decidedItems) throw new Error(`demo decision: ${decidedItems.error}`);
      const granted = Math.round((decisionTotal(decidedItems.items, norm.incomes) * factor) / 100) * 100;
      const decisionId = ids.uuid();
      const decidedOn = addDays(complete, rng.int(1, 8));
      const payOn = lastWeekdayBefore(start);
      out.decision.push({
        municipality_id: m,
        id: decisionId,
        case_id: c.id,
        application_id: applicationId,
        month: start,
        status: 'signed',
        decided_on: decidedOn > options.today ? options.today : decidedOn,
        decided_by: caseworker,
        signed_at: new Date(`${decidedOn > options.today ? options.today : decidedOn}T15:00:00Z`),
        supersedes_id: null,
        norm: full && riksnormForYear(year) ? norm : { source: 'earlier-system', year },
        granted_ore: granted,
        reduction_ore: 0,
        reduction_reason: null,
        condition: unemployed && full && rng.chance(0.3) ? 'practice' : null,
        condition_detail: null,
        reasons: '',
        payee_person_id: applicant.person_id,
        pay_on: payOn,
      });
      if (full)
        for (const item of decidedItems.items)
          out.decision_item.push({
            municipality_id: m,
            decision_id: decisionId,
            line_no: item.lineNo,
            item_type: item.itemType,
            applied_ore: item.applied,
            granted_ore: item.granted,
            outcome: item.outcome,
            provision: item.provision,
            reason: item.reason ?? null,
          });
      // The personal visit before the payment (Borås: in principle never pay without one).
      if (full) {
        const at = visitSlot(rng, visitSlots, caseworker, monthStart(month - 1));
        out.visit.push({
          municipality_id: m,
          id: ids.uuid(),
          case_id: c.id,
          caseworker_id: caseworker,
          starts_at: at,
          status: at > now ? 'booked' : rng.chance(0.04) ? 'no_show' : 'held',
        });
      }
      const run = runs.get(month);
      if (run && granted > 0) {
        const account = accountOf.get(applicant.person_id)!;
        out.payment.push({
          municipality_id: m,
          id: ids.uuid(),
          run_id: run,
          decision_id: decisionId,
          case_id: c.id,
          person_id: applicant.person_id,
          amount_ore: granted,
          clearing_number: account.clearing,
          account_number: account.account,
          end_to_end_id: `KJ${decisionId.replaceAll('-', '')}`,
          status: 'sent',
          status_reason: null,
          status_changed_by: null,
          status_changed_at: null,
        });
      }
    }
  }
  return out;
}

import { REASON_CODES } from '../assistance/domain/reason-codes/reason-code-list.ts';
import { describe, expect, it } from 'vitest';
import { parsePersonalNumber } from '../people/domain/personnummer.ts';
import { parseSyntheticPersonalNumber } from '../people/domain/synthetic-personal-number.ts';
import { DEMO_HISTORY_START, DEMO_MUNICIPALITY_ID, generateDemo } from './generate.ts';
import { Random } from './random.ts';
import { mondayOf, refuseAttendance } from '../labour/domain/attendance-rules.ts';
import { EMPLOYMENT_FORM_CODES, employmentFormOn } from '../labour/domain/employment-forms.ts';
import { checkNewEmployment, type EmploymentPeriod } from '../labour/domain/employment-rules.ts';
import { refusePlacement } from '../labour/domain/placement-rules.ts';
import { plansDueForFollowUp, validatePlan } from '../labour/domain/plan-rules.ts';
import { summerAgeOk } from '../labour/domain/summer-jobs.ts';
import { EXIT_RESULTS, INTERVENTION_KINDS, REFERRAL_INITIATORS } from '../labour/domain/terms.ts';

const TODAY = '2026-11-22';
const data = generateDemo({ today: TODAY });

describe('Random', () => {
  it('gives the same stream for the same seed and another for another seed', () => {
    const draw = (seed: number) => {
      const random = new Random(seed);
      return Array.from({ length: 5 }, () => random.uint32());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('makes version 4 UUIDs and keeps its helpers in range', () => {
    const random = new Random(7);
    for (let i = 0; i < 1000; i += 1) {
      expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const n = random.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
    expect(random.weighted([['only', 1]] as const)).toBe('only');
  });
});

describe('generateDemo', () => {
  it('is deterministic: the same seed and day give identical data, another seed other data', () => {
    // A smaller municipality: the same streams drive every size.
    const small = { today: TODAY, households: 200 };
    expect(generateDemo(small)).toEqual(generateDemo(small));
    expect(generateDemo({ ...small, seed: 1 }).person[0]).not.toEqual(generateDemo(small).person[0]);
  });

  it('describes the fictional demo municipality and its six units', () => {
    expect(data.municipality).toEqual([{ id: DEMO_MUNICIPALITY_ID, name: 'Älvstad kommun', is_demo: true }]);
    expect(data.unit.map((u) => [u.name, u.kind])).toEqual([
      ['Försörjningsenheten Nord', 'assistance'],
      ['Försörjningsenheten Syd', 'assistance'],
      ['Jobbenheten', 'labour'],
      ['Utredningsgruppen felaktiga utbetalningar', 'fraud'],
      ['Analys och uppföljning', 'analysis'],
      ['Systemförvaltning', 'administration'],
    ]);
  });

  it('gives only synthetic personal numbers that agree with birth date, sex and kind', () => {
    const numbers = new Set(data.person.map((p) => p.personal_number));
    expect(numbers.size).toBe(data.person.length);
    for (const person of data.person) {
      expect(parsePersonalNumber(person.personal_number, TODAY)).toEqual({ ok: false, reason: 'checksum' });
      expect(parseSyntheticPersonalNumber(person.personal_number, TODAY)).toEqual({
        ok: true,
        value: {
          normalised: person.personal_number,
          kind: person.number_kind,
          birthDate: person.birth_date,
          sex: person.sex,
        },
      });
    }
    expect(data.person.some((p) => p.number_kind === 'samordningsnummer')).toBe(true);
  });

  it('has about 3 000 households, a few protected identities and plausible ages', () => {
    expect(data.household.length).toBe(3000);
    const protectedShare = data.person.filter((p) => p.protected_identity).length / data.person.length;
    expect(protectedShare).toBeGreaterThan(0.004);
    expect(protectedShare).toBeLessThan(0.02);
    const members = membersByHousehold();
    for (const household of data.household) {
      const rows = members.get(household.id) ?? [];
      expect(rows.filter((m) => m.role === 'applicant')).toHaveLength(1);
      const adults = rows.filter((m) => m.role === 'applicant' || m.role === 'co_applicant');
      for (const child of rows.filter((m) => m.role === 'child')) {
        for (const adult of adults) expect(birth(child.person_id) > birth(adult.person_id)).toBe(true);
        // A child is at most 17 when it joins the household.
        expect(yearsBetween(birth(child.person_id), child.valid_from)).toBeLessThan(18);
      }
      for (const adult of rows.filter((m) => m.role !== 'child')) {
        expect(yearsBetween(birth(adult.person_id), adult.valid_from)).toBeGreaterThanOrEqual(18);
      }
    }
  });

  it('keeps membership periods and cases inside the five years up to today', () => {
    for (const member of data.household_member) {
      expect(member.valid_from >= birth(member.person_id)).toBe(true);
      expect(member.valid_from <= TODAY).toBe(true);
      if (member.valid_to !== null) expect(member.valid_to > member.valid_from).toBe(true);
    }
    for (const c of data.client_case) {
      expect(c.opened_on >= DEMO_HISTORY_START && c.opened_on <= TODAY).toBe(true);
      if (c.closed_on !== null) expect(c.closed_on > c.opened_on && c.closed_on < TODAY).toBe(true);
    }
  });

  it('changes some households over time: partners leave and join, children are born', () => {
    expect(data.household_member.some((m) => m.role === 'co_applicant' && m.valid_to !== null)).toBe(true);
    const applicantFrom = new Map(
      data.household_member.filter((m) => m.role === 'applicant').map((m) => [m.household_id, m.valid_from]),
    );
    const joinedLater = (role: string) =>
      data.household_member.some(
        (m) => m.role === role && m.valid_from > (applicantFrom.get(m.household_id) as string),
      );
    expect(joinedLater('co_applicant')).toBe(true);
    expect(data.household_member.some((m) => m.role === 'child' && m.valid_from === birth(m.person_id))).toBe(
      true,
    );
  });

  it('gives every household assistance, some re-opened, a realistic share still open, a quarter with Jobbenheten', () => {
    const assistance = data.client_case.filter((c) => c.kind === 'assistance');
    const perHousehold = count(assistance.map((c) => c.household_id));
    expect(perHousehold.size).toBe(data.household.length);
    expect([...perHousehold.values()].filter((n) => n > 1).length).toBeGreaterThan(300);
    const openShare = assistance.filter((c) => c.closed_on === null).length / data.household.length;
    expect(openShare).toBeGreaterThan(0.25);
    expect(openShare).toBeLessThan(0.5);
    const labourShare = new Set(
      data.client_case.filter((c) => c.kind === 'labour').map((c) => c.household_id),
    ).size;
    expect(labourShare / data.household.length).toBeGreaterThan(0.18);
    expect(labourShare / data.household.length).toBeLessThan(0.3);
  });

  it('gives each case to a caseworker of its unit, 40–45 open cases each (Borås), consultants in Jobbenheten', () => {
    const roleOf = new Set(data.role_assignment.map((r) => `${r.user_id}/${r.unit_id}/${r.role}`));
    for (const c of data.client_case) {
      const role = c.kind === 'assistance' ? 'caseworker' : 'labour_consultant';
      expect(roleOf.has(`${c.caseworker_id}/${c.unit_id}/${role}`)).toBe(true);
    }
    const caseworkers = new Set(
      data.role_assignment.filter((r) => r.role === 'caseworker').map((r) => r.user_id),
    );
    const open = count(
      data.client_case
        .filter((c) => c.closed_on === null && c.kind === 'assistance')
        .map((c) => c.caseworker_id),
    );
    expect(open.size).toBe(caseworkers.size);
    for (const load of open.values()) expect(load >= 40 && load <= 45).toBe(true);
  });

  it('has about 50 staff: every role, eight demo logins, one person cleared for protected identities', () => {
    expect(data.app_user.length).toBeGreaterThan(35);
    expect(data.app_user.length).toBeLessThan(60);
    const rolesOf = (userId: string) =>
      data.role_assignment.filter((r) => r.user_id === userId).map((r) => r.role);
    const demo = data.app_user.filter((u) => u.demo_login);
    expect(demo).toHaveLength(8);
    expect(new Set(demo.flatMap((u) => rolesOf(u.id)))).toEqual(
      new Set([
        'caseworker',
        'labour_consultant',
        'unit_manager',
        'fraud_investigator',
        'analyst',
        'administrator',
      ]),
    );
    const cleared = data.app_user.filter((u) => u.protected_identity_clearance);
    expect(cleared).toHaveLength(1);
    expect(rolesOf(cleared[0]!.id)).toEqual(['fraud_investigator', 'fraud_investigator']);
    const unitName = new Map(data.unit.map((u) => [u.id, u.name]));
    const investigators = data.role_assignment.filter((r) => r.role === 'fraud_investigator');
    expect(investigators).toHaveLength(4);
    expect(new Set(investigators.map((r) => unitName.get(r.unit_id)))).toEqual(
      new Set(['Försörjningsenheten Nord', 'Försörjningsenheten Syd']),
    );
    const managers = data.role_assignment
      .filter((r) => r.role === 'unit_manager')
      .map((r) => unitName.get(r.unit_id));
    expect(managers.sort()).toEqual(['Försörjningsenheten Nord', 'Försörjningsenheten Syd', 'Jobbenheten']);
    for (const user of data.app_user) {
      expect(user.email).toMatch(/^[a-z.]+\d*@alvstad\.example$/);
      expect(user.oidc_subject).toBe(user.email);
    }
    expect(new Set(data.app_user.map((u) => u.email)).size).toBe(data.app_user.length);
  });
});

const birthById = new Map(data.person.map((p) => [p.id, p.birth_date]));
const birth = (personId: string) => birthById.get(personId) as string;

function membersByHousehold() {
  const map = new Map<string, typeof data.household_member>();
  for (const m of data.household_member) map.set(m.household_id, [...(map.get(m.household_id) ?? []), m]);
  return map;
}

function count<T>(values: T[]): Map<T, number> {
  const map = new Map<T, number>();
  for (const value of values) map.set(value, (map.get(value) ?? 0) + 1);
  return map;
}

describe('the financial-aid history of the demo', () => {
  const caseMonths = data.application.length;

  it('has an application, a signed decision and a payment for (nearly) every month of every assistance case', () => {
    expect(caseMonths).toBeGreaterThan(50_000);
    expect(data.decision.length / caseMonths).toBeGreaterThan(0.98);
    expect(data.decision.every((d) => d.status === 'signed')).toBe(true);
    expect(data.payment.length / data.decision.length).toBeGreaterThan(0.97);
    expect(new Set(data.payment.map((p) => p.decision_id)).size).toBe(data.payment.length);
  });

  it('leaves next month for the user: decisions waiting for the payment run, applications waiting for a decision', () => {
    const next = '2026-12-01';
    const runMonths = new Set(data.payment_run.map((r) => r.month));
    expect(runMonths.has(next)).toBe(false);
    expect(data.decision.filter((d) => d.month === next).length).toBeGreaterThan(100);
    expect(
      data.application.filter((a) => a.month === next && a.status === 'received').length,
    ).toBeGreaterThan(50);
  });

  it('marks re-actualised first applications and gives adults reason codes from the code list', () => {
    expect(data.application.filter((a) => a.reactualised).length).toBeGreaterThan(50);
    const known = new Set(REASON_CODES.map((r) => r.code));
    expect(data.reason_code.length).toBeGreaterThan(5000);
    expect(data.reason_code.every((r) => known.has(r.code))).toBe(true);
  });

  it('books visits within the routine: Monday–Thursday, never two at the same time for a caseworker', () => {
    const slots = new Set(data.visit.map((v) => `${v.caseworker_id}|${v.starts_at.getTime()}`));
    expect(slots.size).toBe(data.visit.length);
    expect(data.visit.every((v) => [1, 2, 3, 4].includes(v.starts_at.getUTCDay()))).toBe(true);
  });
});

/** Whole years from one YYYY-MM-DD date to another. */
function yearsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) >= from.slice(5) ? years : years - 1;
}

describe('the labour-market unit’s history of the demo', () => {
  const unitName = new Map(data.unit.map((u) => [u.id, u.name]));
  const jobbenheten = data.unit.find((u) => u.name === 'Jobbenheten')!.id;
  const consultants = new Set(
    data.role_assignment
      .filter((r) => r.role === 'labour_consultant' && r.unit_id === jobbenheten)
      .map((r) => r.user_id),
  );
  const caseById = new Map(data.client_case.map((c) => [c.id, c]));
  const referralById = new Map(data.referral.map((r) => [r.id, r]));
  const interventionById = new Map(data.intervention.map((i) => [i.id, i]));
  const placementById = new Map(data.placement.map((p) => [p.id, p]));
  const householdOf = new Map(data.household_member.map((m) => [m.person_id, m.household_id]));

  it('hangs one referral on every labour case, with its dates, in Jobbenheten with its consultant', () => {
    const labourCases = data.client_case.filter((c) => c.kind === 'labour');
    expect(data.referral).toHaveLength(labourCases.length);
    for (const referral of data.referral) {
      const c = caseById.get(referral.case_id)!;
      expect(c.kind).toBe('labour');
      expect(unitName.get(c.unit_id)).toBe('Jobbenheten');
      expect(consultants.has(c.caseworker_id!)).toBe(true);
      expect([c.opened_on, c.closed_on]).toEqual([referral.referred_on, referral.exit_on]);
      expect(householdOf.get(referral.person_id)).toBe(c.household_id);
    }
    expect(new Set(data.referral.map((r) => r.person_id)).size).toBe(data.referral.length);
    // The unit's own work is done by its consultants.
    const byConsultant = [
      ...data.labour_mapping.map((r) => r.mapped_by),
      ...data.personal_plan.map((r) => r.created_by),
      ...data.plan_follow_up.map((r) => r.done_by),
      ...data.placement.map((r) => r.created_by),
      ...data.attendance.map((r) => r.reported_by),
      ...data.subsidised_employment.map((r) => r.created_by),
    ];
    expect(byConsultant.every((id) => consultants.has(id))).toBe(true);
  });

  it('has referrals from every initiator, social services the most, and direct activations of unemployed applicants', () => {
    const initiators = count(data.referral.map((r) => r.initiator));
    expect(new Set(initiators.keys())).toEqual(new Set(REFERRAL_INITIATORS));
    const most = [...initiators].sort((a, b) => b[1] - a[1])[0]![0];
    expect(most).toBe('social_services');
    const applications = new Map(data.application.map((a) => [a.id, a]));
    const direct = data.referral.filter((r) => r.application_id !== null);
    expect(direct.length).toBeGreaterThan(20);
    for (const referral of direct) {
      const application = applications.get(referral.application_id!)!;
      expect(application.self_assessed_unemployed).toBe(true);
      expect(application.received_on).toBe(referral.referred_on);
      expect(referral.assistance_case_id).toBe(application.case_id);
      expect(referral.initiator).toBe('social_services');
    }
  });

  it('books introduction days on Tuesdays after the referral, at most 20 a day', () => {
    for (const referral of data.referral) {
      expect(new Date(`${referral.intro_day}T12:00:00Z`).getUTCDay()).toBe(2);
      expect(referral.intro_day! > referral.referred_on).toBe(true);
      if (referral.intro_day! > TODAY) expect(referral.intro_attended).toBeNull();
    }
    expect(Math.max(...count(data.referral.map((r) => r.intro_day)).values())).toBeLessThanOrEqual(20);
    expect(data.referral.some((r) => r.intro_day! > TODAY)).toBe(true);
    expect(data.referral.some((r) => r.intro_attended === false)).toBe(true);
  });

  it('ends referrals with every kind of exit, to work near the closing of assistance for work', () => {
    expect(new Set(data.referral.map((r) => r.exit_result).filter((r) => r !== null))).toEqual(
      new Set(EXIT_RESULTS),
    );
    // A completed assignment (a mapping for the referrer) comes after the mapping.
    const mapped = new Set(data.labour_mapping.map((m) => m.referral_id));
    for (const referral of data.referral.filter((r) => r.exit_result === 'assignment_completed'))
      expect(mapped.has(referral.id)).toBe(true);
    const employed = new Set(data.subsidised_employment.map((e) => e.referral_id));
    const workWithoutSubsidy = data.referral.filter((r) => r.exit_result === 'work' && !employed.has(r.id));
    expect(workWithoutSubsidy.length).toBeGreaterThan(10);
    const assistanceOf = (householdId: string) =>
      data.client_case.filter((c) => c.kind === 'assistance' && c.household_id === householdId);
    for (const referral of workWithoutSubsidy) {
      const closedForWork = assistanceOf(caseById.get(referral.case_id)!.household_id).some(
        (c) => c.exit_reason === 'work' && Math.abs(daysFrom(c.closed_on!, referral.exit_on!)) <= 30,
      );
      expect(closedForWork, referral.id).toBe(true);
    }
  });

  it('has employments of every form, one at a time per person, in chains of at most one extension', () => {
    expect(new Set(data.subsidised_employment.map((e) => e.form))).toEqual(new Set(EMPLOYMENT_FORM_CODES));
    const byPerson = new Map<string, typeof data.subsidised_employment>();
    for (const e of data.subsidised_employment)
      byPerson.set(e.person_id, [...(byPerson.get(e.person_id) ?? []), e]);
    for (const employments of byPerson.values()) {
      const earlier: EmploymentPeriod[] = [];
      for (const e of [...employments].sort((a, b) => a.starts_on.localeCompare(b.starts_on))) {
        const period: EmploymentPeriod = {
          id: e.id,
          form: e.form,
          startsOn: e.starts_on,
          endsOn: e.ends_on,
          endedOn: e.ended_on,
          status: e.status,
          extendsId: e.extends_id,
        };
        if (e.status !== 'cancelled') {
          const violation = checkNewEmployment(
            {
              form: e.form,
              startsOn: e.starts_on,
              endsOn: e.ends_on,
              monthlySalaryCostOre: e.monthly_salary_cost_ore,
              monthlySupportOre: e.monthly_support_ore,
              extendsId: e.extends_id,
            },
            earlier,
          );
          expect(violation, `${e.id} ${e.form} ${e.starts_on}`).toBeNull();
        }
        earlier.push(period);
      }
    }
    const extended = data.subsidised_employment.filter((e) => e.extends_id !== null);
    expect(extended.length).toBeGreaterThan(5);
    // Borås' chain: an extratjänst followed by a nystartsjobb.
    expect(
      [...byPerson.values()].some((list) => {
        const forms = list.filter((e) => e.status !== 'cancelled').map((e) => e.form);
        return forms.includes('extratjanst') && forms.at(-1) === 'nystartsjobb';
      }),
    ).toBe(true);
  });

  it('lets the union review every employment before it starts: almost all approved, a couple refused', () => {
    const reviews = count(data.subsidised_employment.map((e) => e.union_review));
    expect(reviews.get('refused') ?? 0).toBeGreaterThanOrEqual(2);
    expect((reviews.get('refused') ?? 0) / data.subsidised_employment.length).toBeLessThan(0.05);
    for (const e of data.subsidised_employment) {
      if (e.status === 'started' || e.status === 'ended') {
        expect(e.union_review).toBe('approved');
        expect(e.union_reviewed_on! <= e.starts_on).toBe(true);
      }
      expect(e.monthly_support_ore).toBeLessThanOrEqual(e.monthly_salary_cost_ore);
      if (e.status === 'started') expect(e.starts_on <= TODAY && e.ends_on >= TODAY).toBe(true);
      if (e.status === 'planned') expect(e.starts_on > TODAY).toBe(true);
    }
    const endingSoon = data.subsidised_employment.filter(
      (e) => e.status === 'started' && daysFrom(TODAY, e.ends_on) <= 60,
    );
    expect(endingSoon.length).toBeGreaterThan(0);
    expect(data.subsidised_employment.filter((e) => e.union_review === 'pending').length).toBeGreaterThan(0);
  });

  it('brings people whose last job did not qualify for a-kassa back to assistance after it ended', () => {
    const applicationsOf = new Map<string, string[]>();
    for (const a of data.application)
      applicationsOf.set(a.case_id, [...(applicationsOf.get(a.case_id) ?? []), a.received_on]);
    const cameBack = data.referral.filter((referral) => {
      if (referral.exit_result !== 'work_subsidised') return false;
      const jobs = data.subsidised_employment
        .filter((e) => e.referral_id === referral.id && e.status === 'ended')
        .sort((a, b) => a.ends_on.localeCompare(b.ends_on));
      const last = jobs.at(-1);
      if (!last || employmentFormOn(last.form, last.starts_on)!.qualifiesForUnemploymentInsurance)
        return false;
      const household = caseById.get(referral.case_id)!.household_id;
      return data.client_case.some(
        (c) =>
          c.kind === 'assistance' &&
          c.household_id === household &&
          (applicationsOf.get(c.id) ?? []).some((received) => received > last.ended_on!),
      );
    });
    expect(cameBack.length).toBeGreaterThanOrEqual(3);
  });

  it('places people within each intervention’s rules and yearly capacity; the full ones keep a waiting list', () => {
    const mappingsOf = new Map<string, typeof data.labour_mapping>();
    for (const mapping of data.labour_mapping)
      mappingsOf.set(mapping.referral_id, [...(mappingsOf.get(mapping.referral_id) ?? []), mapping]);
    const birthOf = new Map(data.person.map((p) => [p.id, p.birth_date]));
    for (const placement of data.placement) {
      const intervention = interventionById.get(placement.intervention_id)!;
      const referral = referralById.get(placement.referral_id)!;
      const capacity = (mappingsOf.get(referral.id) ?? [])
        .filter((m) => m.mapped_on <= placement.starts_on)
        .sort((a, b) => a.mapped_on.localeCompare(b.mapped_on))
        .at(-1)!.capacity_hours;
      const refusal = refusePlacement(
        {
          name: intervention.name,
          workOriented: intervention.work_oriented,
          minAge: intervention.min_age,
          maxAge: intervention.max_age,
          maxWeeks: intervention.max_weeks,
          maxHoursPerWeek: intervention.max_hours_per_week,
        },
        {
          startsOn: placement.starts_on,
          endsOn: placement.ends_on,
          hoursPerWeek: placement.hours_per_week,
          birthDate: birthOf.get(referral.person_id)!,
          capacityHours: capacity,
        },
        { workOrientedMinHours: 10 },
      );
      expect(refusal, `${intervention.name} ${placement.starts_on}`).toBeNull();
      if (referral.exit_on !== null) expect(['ended', 'cancelled']).toContain(placement.status);
      if (placement.ended_on !== null && referral.exit_on !== null)
        expect(placement.ended_on <= referral.exit_on).toBe(true);
    }
    const starts = count(
      data.placement
        .filter((p) => p.status === 'active' || p.status === 'ended')
        .map((p) => `${p.intervention_id}|${p.starts_on.slice(0, 4)}`),
    );
    for (const [key, n] of starts) {
      const capacity = interventionById.get(key.split('|')[0]!)!.capacity_per_year;
      if (capacity !== null) expect(n, key).toBeLessThanOrEqual(capacity);
    }
    // PULS (35 a year) is nearly full this year and has a waiting list, as is Studiesteget (30).
    const year = TODAY.slice(0, 4);
    const byName = new Map(data.intervention.map((i) => [i.name, i.id]));
    expect(starts.get(`${byName.get('PULS')}|${year}`)).toBe(33);
    expect(starts.get(`${byName.get('Studiesteget')}|${year}`)).toBe(28);
    const waiting = data.placement.filter((p) => p.status === 'waiting');
    expect(waiting.filter((p) => p.intervention_id === byName.get('PULS')).length).toBeGreaterThanOrEqual(2);
    for (const p of waiting) expect(referralById.get(p.referral_id)!.exit_on).toBeNull();
    // Every kind of intervention of the catalogue is in use; step 1 for those under 10 hours.
    expect(new Set(data.intervention.map((i) => i.kind))).toEqual(new Set(INTERVENTION_KINDS));
    expect(data.labour_mapping.some((m) => m.capacity_hours < 10)).toBe(true);
  });

  it('reports attendance of active placements week by week for the last eight weeks, with some absences', () => {
    const lastWeek = addDays(mondayOf(TODAY), -7);
    for (const week of data.attendance) {
      const placement = placementById.get(week.placement_id)!;
      expect(placement.status).toBe('active');
      expect(
        refuseAttendance(
          { startsOn: placement.starts_on, endsOn: placement.ended_on ?? placement.ends_on },
          {
            week: week.week,
            plannedHours: week.planned_hours,
            attendedHours: week.attended_hours,
            absenceReason: week.absence_reason,
          },
        ),
      ).toBeNull();
      expect(week.week <= lastWeek && week.week >= addDays(lastWeek, -7 * 7)).toBe(true);
    }
    expect(data.attendance.some((w) => w.absence_reason === 'without_reason')).toBe(true);
    expect(data.attendance.some((w) => w.absence_reason === 'sick')).toBe(true);
    // Some of last week is still to report.
    const reported = new Set(data.attendance.filter((w) => w.week === lastWeek).map((w) => w.placement_id));
    const due = data.placement.filter((p) => p.status === 'active' && p.starts_on <= lastWeek);
    expect(due.some((p) => !reported.has(p.id))).toBe(true);
  });

  it('keeps one active plan per open referral, with follow-ups due soon for some', () => {
    const active = data.personal_plan.filter((p) => p.status === 'active');
    expect(new Set(active.map((p) => p.referral_id)).size).toBe(active.length);
    for (const plan of data.personal_plan) {
      expect(
        validatePlan({ startsOn: plan.starts_on, endsOn: plan.ends_on, followUpOn: plan.follow_up_on }),
      ).toBeNull();
      if (plan.status === 'active') expect(referralById.get(plan.referral_id)!.exit_on).toBeNull();
    }
    expect(
      plansDueForFollowUp(
        active.map((p) => ({ ...p, followUpOn: p.follow_up_on })),
        TODAY,
      ).length,
    ).toBeGreaterThan(5);
    expect(data.personal_plan.some((p) => p.version > 1)).toBe(true);
  });

  it('records the flows of information for most participants, and notices only while they stand', () => {
    const flowsOf = new Map<string, typeof data.information_flow>();
    for (const f of data.information_flow) flowsOf.set(f.person_id, [...(flowsOf.get(f.person_id) ?? []), f]);
    const withBoth = data.referral.filter((r) => (flowsOf.get(r.person_id) ?? []).length === 2).length;
    expect(withBoth / data.referral.length).toBeGreaterThan(0.85);
    expect(data.referral.some((r) => !flowsOf.has(r.person_id))).toBe(true);
    expect(data.information_flow.filter((f) => f.revoked_on !== null).length).toBeGreaterThanOrEqual(2);
    expect(data.labour_notice.length).toBeGreaterThan(50);
    for (const notice of data.labour_notice) {
      const day = notice.created_at.toISOString().slice(0, 10);
      const stands = (flowsOf.get(notice.person_id) ?? []).some(
        (f) =>
          f.direction === 'labour_to_assistance' &&
          f.given_on <= day &&
          (f.revoked_on === null || f.revoked_on > day),
      );
      expect(stands).toBe(true);
      const target = caseById.get(notice.assistance_case_id)!;
      expect(target.kind).toBe('assistance');
      expect(target.opened_on <= day && (target.closed_on === null || target.closed_on >= day)).toBe(true);
    }
    expect(new Set(data.labour_notice.map((n) => n.kind))).toEqual(
      new Set(['referred', 'absence', 'deviation', 'employment_started', 'exit']),
    );
  });

  it('registers most people coded unemployed with Arbetsförmedlingen, leaving a few to be flagged', () => {
    const month = `${TODAY.slice(0, 7)}-01`;
    const coded = new Set(
      data.reason_code
        .filter((r) => r.month === month && r.code.startsWith('unemployed'))
        .map((r) => r.person_id),
    );
    const registered = new Set(
      data.employment_service_registration
        .filter((r) => r.registered_on <= TODAY && (r.ended_on === null || r.ended_on >= TODAY))
        .map((r) => r.person_id),
    );
    const flagged = [...coded].filter((id) => !registered.has(id));
    expect(flagged.length).toBeGreaterThanOrEqual(2);
    expect(flagged.length).toBeLessThanOrEqual(8);
    const openReferral = new Set(data.referral.filter((r) => r.exit_on === null).map((r) => r.person_id));
    expect(flagged.some((id) => openReferral.has(id))).toBe(true);
  });

  it('ran last summer’s summer-jobs round with the Borås figures, and has this year’s open', () => {
    const [last, open] = [...data.summer_job_round].sort((a, b) => a.year - b.year);
    expect(last!.lottery_seed).not.toBeNull();
    expect(open!.allocated_at).toBeNull();
    expect(open!.apply_by > TODAY).toBe(true);
    const applicants = data.summer_job_applicant.filter((a) => a.round_id === last!.id);
    const positions = data.summer_job_position.filter((p) => p.round_id === last!.id);
    expect(applicants).toHaveLength(1863);
    expect(positions.reduce((sum, p) => sum + p.places, 0)).toBe(1367);
    expect(new Set(positions.map((p) => p.employer_kind))).toEqual(
      new Set(['department', 'association', 'company']),
    );
    const accepted = count(applicants.filter((a) => a.offer_status === 'accepted').map((a) => a.position_id));
    for (const position of positions)
      expect(accepted.get(position.id) ?? 0).toBeLessThanOrEqual(position.places);
    expect(applicants.some((a) => a.offer_status === 'declined')).toBe(true);
    expect(applicants.some((a) => a.household_with_assistance)).toBe(true);
    const birthOf = new Map(data.person.map((p) => [p.id, p.birth_date]));
    for (const round of [last!, open!])
      for (const a of data.summer_job_applicant.filter((x) => x.round_id === round.id))
        expect(summerAgeOk(birthOf.get(a.person_id)!, round.year, 16, 19)).toBe(true);
    const openApplicants = data.summer_job_applicant.filter((a) => a.round_id === open!.id);
    expect(openApplicants.length).toBeGreaterThan(100);
    expect(openApplicants.every((a) => a.position_id === null && a.offer_status === 'none')).toBe(true);
  });
});

function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

import { REASON_CODES } from '../assistance/domain/reason-codes/reason-code-list.ts';
import { describe, expect, it } from 'vitest';
import { parsePersonalNumber } from '../people/domain/personnummer.ts';
import { parseSyntheticPersonalNumber } from '../people/domain/synthetic-personal-number.ts';
import { DEMO_HISTORY_START, DEMO_MUNICIPALITY_ID, generateDemo } from './generate.ts';
import { Random } from './random.ts';

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

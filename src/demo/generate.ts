/**
 * The demo municipality, Älvstad kommun (fictional, about 100 000 inhabitants): its units, staff,
 * and five years of households with financial assistance and their cases. Pure and deterministic:
 * the same seed and today give the same rows. Personal identity numbers are synthetic (see
 * people/domain/synthetic-personal-number.ts), so no demo person can be a real one.
 */
import type { HouseholdRole, Role, UnitKind } from '../db/schema.ts';
import type { ExitReason } from '../assistance/domain/exit-reasons.ts';
import type { PersonalNumberKind, Sex } from '../people/domain/personnummer.ts';
import { SyntheticPersonalNumberAllocator } from '../people/domain/synthetic-personal-number.ts';
import { CITY, NAME_GROUPS, STREETS, type District, type Origin } from './names.ts';
import { generateAssistanceHistory } from './assistance-history.ts';
import { generateLabourHistory } from './labour-history.ts';
import { demoIndicatorTargets } from './followup-targets.ts';
import { demoBenchmarkSetting } from './followup-benchmark.ts';
import { demoActionPlans } from './followup-action-plans.ts';
import { demoReport } from './followup-report.ts';
import type { DemoData, FullDemoData } from './demo-data.ts';

export type { DemoData, DemoRow, FullDemoData, LabourDemoData } from './demo-data.ts';
import { Random } from './random.ts';

export const DEMO_MUNICIPALITY_ID = '9001';
export const DEMO_MUNICIPALITY_NAME = 'Älvstad kommun';
export const DEMO_SEED = 20260101;
/** The demo's history starts here; cases are opened from this day until today. */
export const DEMO_HISTORY_START = '2022-01-01';
export const DEMO_EMAIL_DOMAIN = 'alvstad.example';

/** How assistance cases ended, roughly in the proportions of seed 004 (Enköping's exits). */
const EXIT_REASONS: [ExitReason, number][] = [
  ['work', 30],
  ['studies', 12],
  ['moved', 12],
  ['unemployment_insurance', 8],
  ['work_with_support', 6],
  ['sickness_benefit', 6],
  ['sickness_activity_compensation', 5],
  ['other_social_insurance', 4],
  ['sickness_benefit_special', 2],
  ['plan_broken_off', 5],
  ['other', 10],
];

export interface DemoOptions {
  seed?: number;
  /** YYYY-MM-DD; the demo's history ends here. */
  today?: string;
  /** How many households (default 3 000); tests of the loader use fewer to stay quick. */
  households?: number;
}

const HOUSEHOLDS = 3000;
/** Borås: at most 40–45 cases per caseworker. */
const MAX_OPEN_CASES_PER_CASEWORKER = 45;
const MAX_OPEN_CASES_PER_CONSULTANT = 25;

type UnitKey = 'nord' | 'syd' | 'jobb' | 'fut' | 'analys' | 'system';

const UNITS: ReadonlyArray<{ key: UnitKey; name: string; kind: UnitKind }> = [
  { key: 'nord', name: 'Försörjningsenheten Nord', kind: 'assistance' },
  { key: 'syd', name: 'Försörjningsenheten Syd', kind: 'assistance' },
  { key: 'jobb', name: 'Jobbenheten', kind: 'labour' },
  { key: 'fut', name: 'Utredningsgruppen felaktiga utbetalningar', kind: 'fraud' },
  { key: 'analys', name: 'Analys och uppföljning', kind: 'analysis' },
  { key: 'system', name: 'Systemförvaltning', kind: 'administration' },
];

interface NamedStaff {
  name: string;
  role: Role;
  units: UnitKey[];
  demoLogin: boolean;
  protectedIdentityClearance?: boolean;
}

/**
 * Staff with fixed names: the demo login page lists those with demoLogin (every role once or more).
 * Caseworkers and consultants beyond these are generated to fit the caseload.
 */
const NAMED_STAFF: readonly NamedStaff[] = [
  { name: 'Karin Lindqvist', role: 'caseworker', units: ['nord'], demoLogin: true },
  { name: 'Samir Haddad', role: 'caseworker', units: ['syd'], demoLogin: true },
  { name: 'Maria Ek', role: 'unit_manager', units: ['nord'], demoLogin: true },
  { name: 'Eva Lundgren', role: 'unit_manager', units: ['syd'], demoLogin: false },
  { name: 'Lena Holm', role: 'unit_manager', units: ['jobb'], demoLogin: true },
  { name: 'Johan Berg', role: 'labour_consultant', units: ['jobb'], demoLogin: true },
  {
    name: 'Anders Nyström',
    role: 'fraud_investigator',
    units: ['nord', 'syd'],
    demoLogin: true,
    protectedIdentityClearance: true,
  },
  { name: 'Hodan Warsame', role: 'fraud_investigator', units: ['nord', 'syd'], demoLogin: false },
  { name: 'Sara Wikström', role: 'analyst', units: ['analys'], demoLogin: true },
  { name: 'Peter Sjöberg', role: 'analyst', units: ['analys'], demoLogin: false },
  { name: 'Erik Sandberg', role: 'administrator', units: ['system'], demoLogin: true },
];

type Composition = 'single' | 'single_parent' | 'couple' | 'couple_with_children' | 'shared';

const COMPOSITIONS: ReadonlyArray<readonly [Composition, number]> = [
  ['single', 60],
  ['single_parent', 17],
  ['couple', 8],
  ['couple_with_children', 11],
  ['shared', 4],
];

/** The share of men among applicants, by composition (single parents are mostly mothers). */
const MALE_APPLICANT_SHARE: Readonly<Record<Composition, number>> = {
  single: 0.58,
  single_parent: 0.15,
  couple: 0.5,
  couple_with_children: 0.5,
  shared: 0.5,
};

const CHILDREN_COUNT: ReadonlyArray<readonly [number, number]> = [
  [1, 40],
  [2, 35],
  [3, 15],
  [4, 7],
  [5, 3],
];

/** Adult ages at first contact, skewed young. */
const ADULT_AGE_BANDS: ReadonlyArray<readonly [readonly [number, number], number]> = [
  [[18, 24], 24],
  [[25, 34], 30],
  [[35, 44], 21],
  [[45, 54], 13],
  [[55, 64], 10],
  [[65, 70], 2],
];

/** Days an assistance period lasts: many short ones, a tail of long-term cases. */
const DURATION_BANDS: ReadonlyArray<readonly [readonly [number, number], number]> = [
  [[30, 90], 15],
  [[91, 365], 27],
  [[366, 900], 27],
  [[901, 1900], 31],
];

interface PersonDraft {
  id: string;
  sex: Sex;
  birthDay: number;
  kind: PersonalNumberKind;
  firstName: string;
  lastName: string;
}

interface MemberDraft {
  person: PersonDraft;
  role: HouseholdRole;
  from: number;
  to: number | null;
}

interface CaseDraft {
  householdId: string;
  unit: UnitKey;
  kind: 'assistance' | 'labour';
  opened: number;
  closed: number | null;
}

export function generateDemo(options: DemoOptions = {}): FullDemoData {
  const base = generatePeople(options);
  const history = { seed: options.seed ?? DEMO_SEED, today: options.today ?? '2026-11-22' };
  const assistance = generateAssistanceHistory(base, history);
  // The labour cases take their dates from their referrals; the summer-job applicants join.
  const labour = generateLabourHistory(base, assistance, history);
  return {
    ...base,
    person: [...base.person, ...labour.persons],
    client_case: labour.clientCases,
    ...assistance,
    ...labour.data,
    population: demoPopulation(options.households ?? HOUSEHOLDS, history.today),
    indicator_target: demoIndicatorTargets(
      { ...base, client_case: labour.clientCases, ...assistance },
      history.today,
    ),
    benchmark_setting: demoBenchmarkSetting(DEMO_MUNICIPALITY_ID),
    ...demoReport(
      DEMO_MUNICIPALITY_ID,
      assistance,
      history.today,
      history.seed,
      (options.households ?? HOUSEHOLDS) / HOUSEHOLDS,
    ),
    ...demoActionPlans(
      {
        ...base,
        client_case: labour.clientCases,
        ...assistance,
        subsidised_employment: labour.data.subsidised_employment,
        population: demoPopulation(options.households ?? HOUSEHOLDS, history.today),
      },
      history.today,
      history.seed,
    ),
  };
}

/**
 * Älvstad's inhabitants per year: about 100 000 for the full demo (scaled with the number of
 * households, so a smaller demo keeps the same shares), growing slowly; the age bands in the
 * country's proportions (SCB, 31 December 2024: 0–17 years about 21 %, 18–24 years about 8.5 %).
 */
function demoPopulation(households: number, today: string) {
  const base = Math.round((100_000 * households) / HOUSEHOLDS);
  const first = Number(DEMO_HISTORY_START.slice(0, 4));
  const last = Number(today.slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => {
    const total = Math.round(base * (1 + 0.007 * i));
    return {
      municipality_id: DEMO_MUNICIPALITY_ID,
      year: first + i,
      total,
      children: Math.round(total * 0.21),
      young_adults: Math.round(total * 0.085),
      source: 'Fiktiv demokommun; åldersandelar som i riket enligt SCB 31 december 2024',
    };
  });
}

function generatePeople({
  seed = DEMO_SEED,
  today = '2026-11-22',
  households: householdCount = HOUSEHOLDS,
}: DemoOptions = {}): DemoData {
  const municipalityId = DEMO_MUNICIPALITY_ID;
  const todayDay = toDay(today);
  const startDay = toDay(DEMO_HISTORY_START);
  if (todayDay - startDay < 365)
    throw new RangeError(`today must be at least a year after ${DEMO_HISTORY_START}`);

  const ids = Random.derive(seed, 'ids');
  const rng = Random.derive(seed, 'households');
  const caseRng = Random.derive(seed, 'cases');
  const staffRng = Random.derive(seed, 'staff');

  const unitIds = new Map<UnitKey, string>(UNITS.map((u) => [u.key, ids.uuid()]));
  const unitId = (key: UnitKey) => unitIds.get(key) as string;

  const numbers = new SyntheticPersonalNumberAllocator();
  const persons: DemoData['person'] = [];
  const households: DemoData['household'] = [];
  const members: DemoData['household_member'] = [];
  const cases: CaseDraft[] = [];

  const originWeights = Object.entries(NAME_GROUPS).map(
    ([origin, group]) => [origin as Origin, group.weight] as const,
  );
  const streets = {
    nord: STREETS.filter((s) => s.district === 'nord'),
    syd: STREETS.filter((s) => s.district === 'syd'),
  };

  const newPerson = (origin: Origin, sex: Sex, birthDay: number, lastName?: string): PersonDraft => {
    const group = NAME_GROUPS[origin];
    const kind: PersonalNumberKind =
      todayDay - birthDay >= 18 * 365 && rng.chance(origin === 'poland' ? 0.15 : 0.003)
        ? 'samordningsnummer'
        : 'personnummer';
    const last = lastName ?? rng.pick(group.last);
    return {
      id: ids.uuid(),
      sex,
      birthDay,
      kind,
      firstName: rng.pick(sex === 'female' ? group.female : group.male),
      lastName: sex === 'female' && group.femaleLastName ? group.femaleLastName(last) : last,
    };
  };
  const adultBirthDay = (atDay: number) => {
    const [min, max] = rng.weighted(ADULT_AGE_BANDS);
    return atDay - Math.round(rng.int(min, max) * 365.25) - rng.int(0, 364);
  };

  for (let h = 0; h < householdCount; h += 1) {
    const householdId = ids.uuid();
    const origin = rng.weighted(originWeights);
    const district: District = rng.chance(0.52) ? 'nord' : 'syd';
    const composition = rng.weighted(COMPOSITIONS);
    // A quarter were already clients when the system started; the rest came over the five years.
    const firstContact = rng.chance(0.25) ? startDay + rng.int(0, 60) : rng.int(startDay, todayDay - 14);

    const applicantSex: Sex = rng.chance(MALE_APPLICANT_SHARE[composition]) ? 'male' : 'female';
    // Children carry the family name; newPerson gives women its female form where there is one.
    const familyName = rng.pick(NAME_GROUPS[origin].last);
    const applicant = newPerson(origin, applicantSex, adultBirthDay(firstContact), familyName);
    const formed = Math.max(firstContact - rng.int(0, 1500), addYears(applicant.birthDay, 18));
    const drafts: MemberDraft[] = [{ person: applicant, role: 'applicant', from: formed, to: null }];

    let partner: PersonDraft | undefined;
    if (composition === 'couple' || composition === 'couple_with_children') {
      const sex: Sex = rng.chance(0.97) ? (applicantSex === 'female' ? 'male' : 'female') : applicantSex;
      const birthDay = clampAdultBirth(
        applicant.birthDay + Math.round(rng.normal(sex === 'male' ? -2 : 2, 4) * 365.25),
        formed,
      );
      const partnerOrigin = rng.chance(0.85) ? origin : rng.weighted(originWeights);
      partner = newPerson(partnerOrigin, sex, birthDay, rng.chance(0.5) ? familyName : undefined);
      drafts.push({ person: partner, role: 'co_applicant', from: formed, to: null });
    }

    if (composition === 'single_parent' || composition === 'couple_with_children') {
      const parents = partner ? [applicant, partner] : [applicant];
      const mother = parents.find((p) => p.sex === 'female') ?? applicant;
      const count = rng.weighted(CHILDREN_COUNT);
      // Born when the mother (or single father) was 18–44 and the other parent at least 16, and at
      // most 17 at the first contact.
      const earliest = Math.max(
        addYears(mother.birthDay, 18),
        ...parents.map((p) => addYears(p.birthDay, 16)),
        addYears(firstContact, -18) + 1,
      );
      const latest = Math.min(addYears(mother.birthDay, 44), firstContact);
      for (let c = 0; c < count && earliest <= latest; c += 1) {
        const birthDay = rng.int(earliest, latest);
        const child = newPerson(origin, rng.chance(0.5) ? 'female' : 'male', birthDay, familyName);
        drafts.push({ person: child, role: 'child', from: Math.max(formed, birthDay), to: null });
      }
    }
    if (composition === 'shared') {
      for (let o = rng.int(1, 2); o > 0; o -= 1) {
        const birthDay = clampAdultBirth(firstContact - rng.int(18, 35) * 365 - rng.int(0, 364), formed);
        drafts.push({
          person: newPerson(
            rng.chance(0.8) ? origin : 'sweden',
            rng.chance(0.6) ? 'male' : 'female',
            birthDay,
          ),
          role: 'other_adult',
          from: formed,
          to: null,
        });
      }
    }

    // Changes over the five years: a partner leaves or moves in, a child is born.
    const changeFrom = Math.max(formed, startDay) + 30;
    if (changeFrom < todayDay) {
      const partnerRow = drafts.find((d) => d.role === 'co_applicant');
      if (partnerRow && rng.chance(0.12)) {
        partnerRow.to = rng.int(changeFrom, todayDay);
      } else if (
        !partnerRow &&
        (composition === 'single' || composition === 'single_parent') &&
        rng.chance(0.08)
      ) {
        const sex: Sex = applicantSex === 'female' ? 'male' : 'female';
        const birthDay = Math.min(
          clampAdultBirth(applicant.birthDay + rng.int(-6, 6) * 365, changeFrom),
          sixteenYearsBefore(drafts),
        );
        const joined = newPerson(rng.chance(0.7) ? origin : rng.weighted(originWeights), sex, birthDay);
        drafts.push({ person: joined, role: 'co_applicant', from: rng.int(changeFrom, todayDay), to: null });
      }
      const motherRow = drafts.find(
        (d) =>
          d.person.sex === 'female' &&
          (d.role === 'applicant' || d.role === 'co_applicant') &&
          d.from <= changeFrom,
      );
      if (motherRow && rng.chance(0.07)) {
        const latest = Math.min(motherRow.to ?? todayDay, todayDay, addYears(motherRow.person.birthDay, 44));
        const earliest = Math.max(changeFrom, addYears(motherRow.person.birthDay, 18));
        if (earliest < latest) {
          const birthDay = rng.int(earliest, latest);
          const child = newPerson(origin, rng.chance(0.5) ? 'female' : 'male', birthDay, familyName);
          drafts.push({ person: child, role: 'child', from: birthDay, to: null });
        }
      }
    }

    const protectedIdentity = rng.chance(0.01);
    const home = rng.pick(streets[district]);
    const streetAddress = `${home.name} ${rng.int(1, 60)}${rng.chance(0.6) ? ` lgh ${rng.int(10, 16)}0${rng.int(1, 4)}` : ''}`;
    households.push({ municipality_id: municipalityId, id: householdId });
    for (const draft of drafts) {
      const birthDate = fromDay(draft.person.birthDay);
      persons.push({
        municipality_id: municipalityId,
        id: draft.person.id,
        personal_number: numbers.next({ birthDate, sex: draft.person.sex, kind: draft.person.kind }),
        number_kind: draft.person.kind,
        first_name: draft.person.firstName,
        last_name: draft.person.lastName,
        birth_date: birthDate,
        sex: draft.person.sex,
        // A protected identity's address is not recorded in the demo.
        street_address: protectedIdentity ? null : streetAddress,
        postal_code: protectedIdentity ? null : home.postalCode,
        city: protectedIdentity ? null : CITY,
        protected_identity: protectedIdentity,
      });
      members.push({
        municipality_id: municipalityId,
        household_id: householdId,
        person_id: draft.person.id,
        role: draft.role,
        valid_from: fromDay(draft.from),
        valid_to: draft.to === null ? null : fromDay(draft.to),
      });
    }

    // Assistance periods: each closure may be followed by a return (re-actualisation).
    const periods: CaseDraft[] = [];
    let opened = firstContact;
    for (let period = 0; period < 4 && opened <= todayDay; period += 1) {
      const [min, max] = caseRng.weighted(DURATION_BANDS);
      const closed = opened + caseRng.int(min, max);
      periods.push({
        householdId,
        unit: district,
        kind: 'assistance',
        opened,
        closed: closed < todayDay ? closed : null,
      });
      if (closed >= todayDay || !caseRng.chance(0.3)) break;
      opened = closed + caseRng.int(30, 540);
    }
    cases.push(...periods);
    // About a quarter also meet Jobbenheten while they have assistance.
    if (caseRng.chance(0.25)) {
      // Mostly during the latest period, which is the one still open if any is.
      const period = caseRng.chance(0.8) ? (periods.at(-1) as CaseDraft) : caseRng.pick(periods);
      const labourOpened = period.opened + caseRng.int(7, 90);
      const until = period.closed ?? todayDay;
      if (labourOpened < until) {
        const stillOpen = period.closed === null && caseRng.chance(0.9);
        const labourClosed = stillOpen
          ? null
          : Math.min(labourOpened + caseRng.int(30, 540), until + caseRng.int(0, 60));
        cases.push({
          householdId,
          unit: 'jobb',
          kind: 'labour',
          opened: labourOpened,
          closed: labourClosed !== null && labourClosed >= todayDay ? null : labourClosed,
        });
      }
    }
  }

  // Staff: enough caseworkers and consultants for the caseload, then the named staff.
  const users: DemoData['app_user'] = [];
  const roles: DemoData['role_assignment'] = [];
  const usedNames = new Set(NAMED_STAFF.map((s) => s.name));
  const usedEmails = new Set<string>();
  const addUser = (staff: NamedStaff) => {
    const id = ids.uuid();
    const email = uniqueEmail(staff.name, usedEmails);
    users.push({
      municipality_id: municipalityId,
      id,
      display_name: staff.name,
      email,
      oidc_subject: email,
      demo_login: staff.demoLogin,
      protected_identity_clearance: staff.protectedIdentityClearance ?? false,
      active: true,
    });
    for (const unit of staff.units)
      roles.push({ municipality_id: municipalityId, user_id: id, unit_id: unitId(unit), role: staff.role });
    return id;
  };
  const generatedName = () => {
    for (;;) {
      const group =
        NAME_GROUPS[
          staffRng.weighted([
            ['sweden', 80],
            ['syria', 5],
            ['somalia', 4],
            ['iran', 4],
            ['bosnia', 4],
            ['poland', 3],
          ] as const)
        ];
      const female = staffRng.chance(0.7);
      const last = staffRng.pick(group.last);
      const name = `${staffRng.pick(female ? group.female : group.male)} ${female && group.femaleLastName ? group.femaleLastName(last) : last}`;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };

  const caseworkersByUnit = new Map<UnitKey, string[]>();
  const staffFor = (unit: UnitKey, role: Role, perPerson: number) => {
    const open = cases.filter((c) => c.unit === unit && c.closed === null).length;
    const needed = Math.max(2, Math.ceil(open / perPerson));
    const named = NAMED_STAFF.filter((s) => s.role === role && s.units.includes(unit));
    const ids = named.map(addUser);
    while (ids.length < needed)
      ids.push(addUser({ name: generatedName(), role, units: [unit], demoLogin: false }));
    caseworkersByUnit.set(unit, ids);
  };
  staffFor('nord', 'caseworker', MAX_OPEN_CASES_PER_CASEWORKER);
  staffFor('syd', 'caseworker', MAX_OPEN_CASES_PER_CASEWORKER);
  staffFor('jobb', 'labour_consultant', MAX_OPEN_CASES_PER_CONSULTANT);
  for (const staff of NAMED_STAFF.filter((s) => s.role !== 'caseworker' && s.role !== 'labour_consultant'))
    addUser(staff);

  // Open cases are spread evenly (one caseworker owns the whole case); closed ones went to anyone.
  const clientCases: DemoData['client_case'] = [];
  const exitRng = Random.derive(seed, 'exits');
  const openCount = new Map<UnitKey, number>();
  for (const draft of [...cases].sort((a, b) => a.opened - b.opened)) {
    const staff = caseworkersByUnit.get(draft.unit) as string[];
    let caseworker: string;
    if (draft.closed === null) {
      const n = openCount.get(draft.unit) ?? 0;
      openCount.set(draft.unit, n + 1);
      caseworker = staff[n % staff.length] as string;
    } else {
      caseworker = caseRng.pick(staff);
    }
    clientCases.push({
      municipality_id: municipalityId,
      id: ids.uuid(),
      household_id: draft.householdId,
      unit_id: unitId(draft.unit),
      caseworker_id: caseworker,
      kind: draft.kind,
      opened_on: fromDay(draft.opened),
      closed_on: draft.closed === null ? null : fromDay(draft.closed),
      exit_reason:
        draft.closed === null || draft.kind !== 'assistance' ? null : exitRng.weighted(EXIT_REASONS),
    });
  }

  return {
    municipality: [{ id: municipalityId, name: DEMO_MUNICIPALITY_NAME, is_demo: true }],
    unit: UNITS.map((u) => ({
      municipality_id: municipalityId,
      id: unitId(u.key),
      name: u.name,
      kind: u.kind,
    })),
    app_user: users,
    role_assignment: roles,
    person: persons,
    household: households,
    household_member: members,
    client_case: clientCases,
  };
}

/** The names and roles of the staff with a demo login, for documentation and the login page. */
export const DEMO_LOGIN_STAFF = NAMED_STAFF.filter((s) => s.demoLogin).map((s) => ({
  name: s.name,
  role: s.role,
  units: s.units.map((key) => UNITS.find((u) => u.key === key)?.name ?? key),
}));

function uniqueEmail(name: string, used: Set<string>): string {
  const local = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '');
  let email = `${local}@${DEMO_EMAIL_DOMAIN}`;
  for (let n = 2; used.has(email); n += 1) email = `${local}${n}@${DEMO_EMAIL_DOMAIN}`;
  used.add(email);
  return email;
}

/** Sixteen years before the oldest child's birth: the latest birth day of a new partner. */
function sixteenYearsBefore(drafts: readonly MemberDraft[]): number {
  const children = drafts.filter((d) => d.role === 'child').map((d) => d.person.birthDay);
  return children.length > 0 ? addYears(Math.min(...children), -16) : Infinity;
}

/** An adult partner's birth day, at least 18 at `atDay` and at most 75. */
function clampAdultBirth(birthDay: number, atDay: number): number {
  return Math.min(Math.max(birthDay, addYears(atDay, -75)), addYears(atDay, -18));
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC) of a YYYY-MM-DD date. */
function toDay(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The same calendar day `years` later (29 February becomes 1 March). */
function addYears(day: number, years: number): number {
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate()) / DAY_MS;
}

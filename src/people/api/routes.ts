/** Person search, the person view, opening a protected identity and registering a household. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { PERSON_SCOPED_ROLES } from '../../access/domain/permissions.ts';
import type { Principal } from '../../access/domain/principal.ts';
import type { AccessPurpose } from '../../access/domain/purposes.ts';
import type { Database } from '../../db/connection.ts';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint, type AuditNotes } from '../../http/endpoint.ts';
import { swedishToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { createHousehold } from '../db/household-commands.ts';
import { findPersonDetail, searchPersons, type PersonSearch } from '../db/person-queries.ts';
import {
  formatPersonalNumber,
  parsePersonalNumber,
  type PersonalNumberError,
} from '../domain/personnummer.ts';
import { parseSyntheticPersonalNumber } from '../domain/synthetic-personal-number.ts';
import { catalogues, type Locale } from '../../i18n/catalogue.ts';
import { listMyCases } from '../db/case-queries.ts';
import { displayName, presentPersonDetail } from './person-presenter.ts';
import {
  MyCasesResponse,
  NewHouseholdBody,
  NewHouseholdResponse,
  PersonDetail,
  PersonIdParams,
  PersonSearchBody,
  PersonSearchResponse,
  ProtectedAccessBody,
} from './schemas.ts';

const tags = ['Personer'];

export function registerPeopleRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/persons/search',
    action: 'person.search',
    permission: 'person:search',
    summary: 'Search persons by name or personal identity number (POST so that no number is in a URL)',
    tags,
    body: PersonSearchBody,
    response: PersonSearchResponse,
    personalData: true,
    handler: async ({ db, principal, body, audit, now, locale }) => {
      const today = swedishToday({ now: () => now });
      const search = toSearch(body.query, today, locale, deps.config.demoMode);
      audit.criteria = { kind: search.kind };
      const { rows, total } = await searchPersons(db, principal, search, body.limit);
      for (const row of rows) audit.personIds.add(row.id);
      return {
        items: rows.map((row) => ({
          id: row.id,
          name: displayName({
            firstName: row.first_name,
            lastName: row.last_name,
            protectedIdentity: row.protected_identity,
          }),
          personalNumber: row.protected_identity
            ? null
            : formatPersonalNumber(
                {
                  normalised: row.personal_number,
                  kind: row.number_kind,
                  birthDate: row.birth_date,
                  sex: row.sex,
                },
                today,
              ),
          birthYear: Number(row.birth_date.slice(0, 4)),
          protectedIdentity: row.protected_identity,
        })),
        total,
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/persons/:id',
    action: 'person.read',
    permission: 'person:read',
    summary: 'A person with households and cases',
    tags,
    params: PersonIdParams,
    response: PersonDetail,
    personalData: true,
    handler: async ({ db, principal, params, audit, now }) =>
      openPerson(db, principal, params.id, null, audit, now),
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/persons/:id/protected-access',
    action: 'person.read-protected',
    permission: 'person:read',
    summary: 'Open a person with protected identity, stating the purpose; alerts the unit manager',
    tags,
    params: PersonIdParams,
    body: ProtectedAccessBody,
    response: PersonDetail,
    personalData: true,
    write: true,
    handler: async ({ db, principal, params, body, audit, now }) =>
      openPerson(db, principal, params.id, body.purpose, audit, now),
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/households',
    action: 'household.create',
    permission: 'person:read',
    summary: 'Register a household (persons, members) and open a case for it in one of your units',
    tags,
    body: NewHouseholdBody,
    response: NewHouseholdResponse,
    status: 201,
    write: true,
    personalData: true,
    handler: async ({ db, principal, body, audit, now, locale }) => {
      const today = swedishToday({ now: () => now });
      const grant = principal.roles.find(
        (r) => r.unitId === body.unitId && (r.role === 'caseworker' || r.role === 'labour_consultant'),
      );
      if (!grant) throw new AppError('FORBIDDEN');
      const members = body.members.map((member, index) => {
        const parsed = parsePersonalNumber(member.personalNumber, today);
        if (!parsed.ok) throw invalidPersonalNumber(parsed.reason, locale, `members.${index}.personalNumber`);
        return { ...member, parsed: parsed.value };
      });
      const created = await createHousehold(db, {
        municipalityId: principal.municipalityId,
        unitId: body.unitId,
        caseKind: grant.role === 'caseworker' ? 'assistance' : 'labour',
        caseworkerId: principal.userId,
        today,
        members,
      });
      for (const id of created.personIds) audit.personIds.add(id);
      audit.caseIds.add(created.caseId);
      return created;
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/cases/mine',
    action: 'case.list-own',
    permission: 'case:list-own',
    summary: 'Open cases assigned to me',
    tags: ['Ärenden'],
    response: MyCasesResponse,
    personalData: true,
    handler: async ({ db, principal, audit }) => {
      const rows = await listMyCases(db, principal);
      for (const row of rows) {
        audit.personIds.add(row.applicant.personId);
        audit.caseIds.add(row.id);
      }
      return {
        items: rows.map((row) => ({
          ...row,
          applicant: { ...row.applicant, name: displayName(row.applicant) },
        })),
      };
    },
  });
}

function invalidPersonalNumber(reason: PersonalNumberError, locale: Locale, path: string): AppError {
  const text = catalogues[locale].personalNumberReasons[reason];
  return new AppError('INVALID_PERSONAL_NUMBER', { reason: text }, [{ path, message: text }]);
}

function toSearch(query: string, today: string, locale: Locale, demoMode: boolean): PersonSearch {
  const compact = query.replace(/\s/g, '');
  if (/^[0-9]{6,8}[-+]?[0-9]{4}$/.test(compact)) {
    let parsed = parsePersonalNumber(compact, today);
    // The demo's persons carry synthetic numbers (deliberately wrong check digit); in demo mode
    // they can be searched too.
    if (!parsed.ok && parsed.reason === 'checksum' && demoMode) {
      const synthetic = parseSyntheticPersonalNumber(compact, today);
      if (synthetic.ok) parsed = synthetic;
    }
    if (!parsed.ok) throw invalidPersonalNumber(parsed.reason, locale, 'query');
    return { kind: 'personal_number', normalised: parsed.value.normalised };
  }
  return { kind: 'name', terms: query.split(/\s+/).filter(Boolean).slice(0, 4) };
}

async function openPerson(
  db: Database,
  principal: Principal,
  personId: string,
  purpose: AccessPurpose | null,
  audit: AuditNotes,
  now: Date,
) {
  audit.personIds.add(personId);
  const row = await findPersonDetail(db, principal, personId);
  if (!row) throw new AppError('NOT_FOUND');
  if (!row.visible) throw new AppError('FORBIDDEN');
  if (row.protected_identity) {
    if (!principal.protectedIdentityClearance && !row.assigned) throw new AppError('FORBIDDEN');
    if (!purpose) throw new AppError('PROTECTED_IDENTITY_PURPOSE_REQUIRED');
    audit.purpose = purpose;
    await alertUnitManagers(db, principal, personId, purpose, now);
  }
  for (const c of row.cases) audit.caseIds.add(c.id);
  return presentPersonDetail(row, swedishToday({ now: () => now }));
}

/** Opening a protected identity raises an alert to the managers of the user's units. */
async function alertUnitManagers(
  db: Database,
  principal: Principal,
  personId: string,
  purpose: AccessPurpose,
  now: Date,
) {
  const unitIds = [
    ...new Set(principal.roles.filter((r) => PERSON_SCOPED_ROLES.includes(r.role)).map((r) => r.unitId)),
  ];
  if (unitIds.length === 0) return;
  await db
    .insertInto('manager_alert')
    .values(
      unitIds.map((unitId) => ({
        municipality_id: principal.municipalityId,
        id: randomUUID(),
        unit_id: unitId,
        kind: 'protected_identity_opened' as const,
        actor_user_id: principal.userId,
        person_id: personId,
        purpose,
        created_at: now,
      })),
    )
    .execute();
}

/**
 * Referrals (anvisningar) to the labour-market unit: registering one from any initiator, the
 * caseworker's referral from an assistance case, the participants list, one referral, the
 * introduction day's attendance, mapping, exit, and registration with Arbetsförmedlingen.
 */
import type { FastifyInstance } from 'fastify';
import { personVisibleTo } from '../../access/db/person-scope.ts';
import { householdMembersInMonth } from '../../assistance/db/applications.ts';
import { requireCase } from '../../assistance/db/case-scope.ts';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { catalogues } from '../../i18n/catalogue.ts';
import { displayName } from '../../people/api/person-presenter.ts';
import { parsePersonalNumber } from '../../people/domain/personnummer.ts';
import { parseSyntheticPersonalNumber } from '../../people/domain/synthetic-personal-number.ts';
import { swedishToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { flowAllowed } from '../db/flows.ts';
import { createMapping, exitReferral, setIntroAttended } from '../db/plan-commands.ts';
import { consultantLabourUnit, municipalityLabourUnit, openReferral } from '../db/referral-commands.ts';
import { listReferrals, loadReferralDetail, type PersonRow } from '../db/referral-queries.ts';
import { requireReferral } from '../db/referral-scope.ts';
import { recordRegistration, registrationStates } from '../db/registration.ts';
import { loadLabourSettings } from '../db/settings.ts';
import { KOLADA_BY_INITIATOR } from '../domain/terms.ts';
import {
  CaseIdParams,
  CaseReferralBody,
  CreatedReferralResponse,
  CreatedResponse,
  ExitBody,
  IntroBody,
  NewMappingBody,
  NewReferralBody,
  PersonIdParams,
  ReferralDetailResponse,
  ReferralIdParams,
  ReferralListQuery,
  ReferralListResponse,
  RegistrationBody,
} from './referral-schemas.ts';

const tags = ['Arbetsmarknadsenheten'];

/** A person as lists show them: a protected identity is never named. */
export function presentPerson(person: PersonRow) {
  return { id: person.id, name: displayName(person), protectedIdentity: person.protectedIdentity };
}

/** The twelve digits of a personnummer; in demo mode a synthetic (demo) number too. */
function normaliseNumber(input: string, today: string, demoMode: boolean): string | undefined {
  const compact = input.replace(/\s/g, '');
  const parsed = parsePersonalNumber(compact, today);
  if (parsed.ok) return parsed.value.normalised;
  if (!demoMode || parsed.reason !== 'checksum') return undefined;
  const synthetic = parseSyntheticPersonalNumber(compact, today);
  return synthetic.ok ? synthetic.value.normalised : undefined;
}

export function registerReferralRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/labour/referrals',
    action: 'referral.create',
    permission: 'labour:write',
    summary:
      'Register a referral to the unit (from Arbetsförmedlingen, Försäkringskassan, the individual…) for a person in Kedjan; books the introduction day',
    tags,
    body: NewReferralBody,
    response: CreatedReferralResponse,
    status: 201,
    write: true,
    personalData: true,
    handler: async ({ db, principal, body, audit, now }) => {
      const today = swedishToday({ now: () => now });
      const unitId = await consultantLabourUnit(db, principal);
      let personId = body.personId;
      if (body.personalNumber !== undefined) {
        const normalised = normaliseNumber(body.personalNumber, today, deps.config.demoMode);
        if (!normalised) throw new AppError('INVALID_PERSONAL_NUMBER');
        const row = await db
          .selectFrom('person')
          .select('id')
          .where('municipality_id', '=', principal.municipalityId)
          .where('personal_number', '=', normalised)
          .executeTakeFirst();
        personId = row?.id;
      } else if (personId) {
        const row = await db
          .selectFrom('person')
          .select('id')
          .where('municipality_id', '=', principal.municipalityId)
          .where('id', '=', personId)
          .executeTakeFirst();
        personId = row?.id;
      }
      if (!personId) throw new AppError('NOT_FOUND');
      audit.personIds.add(personId);
      const referredOn = body.referredOn ?? today;
      if (referredOn > today) throw new AppError('DATE_IN_FUTURE', { date: referredOn });
      const referral = await openReferral(db, {
        municipalityId: principal.municipalityId,
        personId,
        unitId,
        initiator: body.initiator,
        ownerName: body.ownerName,
        ownerUserId: null,
        assistanceCaseId: null,
        applicationId: null,
        referredOn,
        reason: body.reason?.trim() || null,
        consultantId: principal.userId,
        createdBy: principal.userId,
        today,
      });
      audit.caseIds.add(referral.caseId);
      return { id: referral.id, introDay: referral.introDay };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/assistance/cases/:caseId/referrals',
    action: 'referral.refer',
    permission: 'labour:refer',
    summary:
      "The caseworker refers an adult of the case's household to the labour-market unit; books the introduction day",
    tags,
    params: CaseIdParams,
    body: CaseReferralBody,
    response: CreatedReferralResponse,
    status: 201,
    write: true,
    personalData: true,
    handler: async ({ db, principal, params, body, audit, now }) => {
      const caseRef = await requireCase(db, principal, params.caseId);
      audit.caseIds.add(caseRef.id);
      if (caseRef.closedOn) throw new AppError('CASE_CLOSED');
      const today = swedishToday({ now: () => now });
      const members = await householdMembersInMonth(
        db,
        principal.municipalityId,
        caseRef.householdId,
        `${today.slice(0, 7)}-01`,
      );
      const member = members.find((m) => m.personId === body.personId);
      if (!member) throw new AppError('REFERRAL_PERSON_NOT_IN_CASE');
      if (member.role !== 'applicant' && member.role !== 'partner') throw new AppError('REFERRAL_NOT_ADULT');
      audit.personIds.add(body.personId);
      const unitId = await municipalityLabourUnit(db, principal.municipalityId);
      if (!unitId) throw new AppError('LABOUR_UNIT_MISSING');
      const referral = await openReferral(db, {
        municipalityId: principal.municipalityId,
        personId: body.personId,
        unitId,
        initiator: 'social_services',
        ownerName: principal.displayName,
        ownerUserId: principal.userId,
        assistanceCaseId: caseRef.id,
        applicationId: null,
        referredOn: today,
        reason: body.reason?.trim() || null,
        consultantId: null,
        createdBy: principal.userId,
        today,
      });
      audit.caseIds.add(referral.caseId);
      return { id: referral.id, introDay: referral.introDay };
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/labour/referrals',
    action: 'referral.list',
    permission: 'labour:read',
    summary: "The unit's participants: referrals with introduction day, capacity, active plan and status",
    tags,
    query: ReferralListQuery,
    response: ReferralListResponse,
    personalData: true,
    handler: async ({ db, principal, query, audit, locale }) => {
      audit.criteria = { status: query.status ?? 'all', search: query.q ? 'name' : 'none' };
      const rows = await listReferrals(db, principal, { status: query.status, q: query.q, limit: 500 });
      const labels = catalogues[locale].labour;
      for (const row of rows) audit.personIds.add(row.person.id);
      return {
        items: rows.map((row) => ({
          id: row.id,
          person: presentPerson(row.person),
          initiator: row.initiator,
          initiatorLabel: labels.initiators[row.initiator],
          referredOn: row.referredOn,
          introDay: row.introDay,
          capacityHours: row.capacityHours,
          activePlan: row.activePlan,
          status: row.exitOn ? ('closed' as const) : ('open' as const),
          exitResult: row.exitResult,
          exitResultLabel: row.exitResult ? labels.exitResults[row.exitResult] : null,
        })),
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/labour/referrals/:id',
    action: 'referral.read',
    permission: 'labour:read',
    summary:
      'One referral: person, initiator, owner, introduction day, mappings, plans with follow-ups, exit',
    tags,
    params: ReferralIdParams,
    response: ReferralDetailResponse,
    personalData: true,
    handler: async ({ db, principal, params, audit, locale, now }) => {
      const ref = await requireReferral(db, principal, params.id, audit);
      const today = swedishToday({ now: () => now });
      const detail = await loadReferralDetail(db, principal.municipalityId, ref.id);
      const settings = await loadLabourSettings(db, principal.municipalityId);
      const state = (await registrationStates(db, principal.municipalityId, [ref.personId], today)).get(
        ref.personId,
      );
      // The reason code is assistance's: the flag shows only where it may flow to the unit.
      const mayKnowCode = await flowAllowed(
        db,
        principal.municipalityId,
        ref.personId,
        'assistance_to_labour',
        today,
      );
      const labels = catalogues[locale].labour;
      return {
        id: detail.id,
        person: presentPerson(detail.person),
        caseId: detail.caseId,
        initiator: detail.initiator,
        initiatorLabel: labels.initiators[detail.initiator],
        koladaIndicator: KOLADA_BY_INITIATOR[detail.initiator],
        ownerName: detail.ownerName,
        assistanceCaseId: detail.assistanceCaseId,
        applicationId: detail.applicationId,
        referredOn: detail.referredOn,
        reason: detail.reason,
        introDay: detail.introDay,
        introAttended: detail.introAttended,
        status: detail.exitOn ? ('closed' as const) : ('open' as const),
        exitOn: detail.exitOn,
        exitResult: detail.exitResult,
        exitResultLabel: detail.exitResult ? labels.exitResults[detail.exitResult] : null,
        exitComment: detail.exitComment,
        workOrientedMinHours: settings.workOrientedMinHours,
        mappings: detail.mappings,
        plans: detail.plans,
        registration: state?.registration ?? null,
        registered: state?.registered ?? false,
        flagged: mayKnowCode ? (state?.flagged ?? false) : null,
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'PUT',
    url: '/api/v1/labour/referrals/:id/intro',
    action: 'referral.intro',
    permission: 'labour:write',
    summary: 'Whether the person came to the introduction day',
    tags,
    params: ReferralIdParams,
    body: IntroBody,
    write: true,
    handler: async ({ db, principal, params, body, audit }) => {
      const ref = await requireReferral(db, principal, params.id, audit);
      await setIntroAttended(db, principal.municipalityId, ref, body.attended);
      return undefined;
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/labour/referrals/:id/mappings',
    action: 'mapping.create',
    permission: 'labour:write',
    summary: "A mapping (kartläggning) of the person's capacity in hours a week and situation",
    tags,
    params: ReferralIdParams,
    body: NewMappingBody,
    response: CreatedResponse,
    status: 201,
    write: true,
    handler: async ({ db, principal, params, body, audit }) => {
      const ref = await requireReferral(db, principal, params.id, audit);
      const id = await createMapping(db, principal.municipalityId, ref, body, principal.userId);
      return { id };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/labour/referrals/:id/exit',
    action: 'referral.exit',
    permission: 'labour:write',
    summary:
      'Close the referral with its result: ends the active plan, closes the labour case if no other referral is open, tells assistance if the flow stands',
    tags,
    params: ReferralIdParams,
    body: ExitBody,
    write: true,
    handler: async ({ db, principal, params, body, audit, now }) => {
      const ref = await requireReferral(db, principal, params.id, audit);
      const today = swedishToday({ now: () => now });
      const { noticeCaseId } = await exitReferral(db, principal.municipalityId, ref, body, today, now);
      if (noticeCaseId) audit.caseIds.add(noticeCaseId);
      return undefined;
    },
  });

  registerEndpoint(app, deps, {
    method: 'PUT',
    url: '/api/v1/people/:personId/employment-service-registration',
    action: 'registration.set',
    permission: 'person:read',
    summary:
      "Record the person's registration with Arbetsförmedlingen (caseworker or labour consultant of the person)",
    tags,
    params: PersonIdParams,
    body: RegistrationBody,
    write: true,
    handler: async ({ db, principal, params, body, audit, now }) => {
      if (!principal.roles.some((r) => ['caseworker', 'labour_consultant', 'unit_manager'].includes(r.role)))
        throw new AppError('FORBIDDEN');
      const row = await db
        .selectFrom('person as p')
        .select('p.id')
        .select(personVisibleTo(principal, 'p').as('visible'))
        .where('p.municipality_id', '=', principal.municipalityId)
        .where('p.id', '=', params.personId)
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND');
      if (!row.visible) throw new AppError('FORBIDDEN');
      audit.personIds.add(row.id);
      const endedOn = body.endedOn ?? null;
      if (endedOn && endedOn < body.registeredOn)
        throw new AppError('REGISTRATION_ENDS_BEFORE_START', { registeredOn: body.registeredOn, endedOn });
      const today = swedishToday({ now: () => now });
      if (body.registeredOn > today) throw new AppError('DATE_IN_FUTURE', { date: body.registeredOn });
      await recordRegistration(db, {
        municipalityId: principal.municipalityId,
        personId: row.id,
        registeredOn: body.registeredOn,
        endedOn,
        recordedBy: principal.userId,
        now,
      });
      return undefined;
    },
  });
}

/**
 * Summer jobs (feriearbeten): rounds, positions, applicants, the allocation and the answers.
 * Read: labour:read. Rounds, positions and the allocation: labour:manage. Applicants and their
 * answers: labour:write.
 *
 * Applicants are persons in Kedjan, registered by the unit (a real intake would be an e-service
 * for the young person and a guardian). Registering one is an act of the unit, so the person is
 * found within the municipality rather than through the user's case scope; lists carry the name
 * only (never a personal identity number), and a protected identity is never named.
 */
import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { catalogues, interpolate, type Locale } from '../../i18n/catalogue.ts';
import { parsePersonalNumber } from '../../people/domain/personnummer.ts';
import { swedishToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import {
  addApplicant,
  addPosition,
  createRound,
  explainApplicants,
  findApplicant,
  findPersonForApplication,
  listPositions,
  listRounds,
  offerPosition,
  requireRound,
  roundApplicants,
  saveAllocation,
  setOfferStatus,
  successorFor,
  type ExplainedApplicant,
  type SummerRound,
} from '../db/summer-jobs.ts';
import {
  allocateSummerJobs,
  priorityGroupOf,
  SUMMER_PRIORITY_GROUPS,
  summerAgeOk,
  summerReason,
} from '../domain/summer-jobs.ts';
import {
  CreatedResponse,
  NewSummerApplicantBody,
  NewSummerPositionBody,
  NewSummerRoundBody,
  SummerAllocateResponse,
  SummerAnswerBody,
  SummerAnswerResponse,
  SummerApplicantListResponse,
  SummerApplicantParams,
  SummerApplicantQuery,
  SummerRoundListResponse,
  SummerRoundParams,
  SummerRoundResponse,
} from './summer-job-schemas.ts';

const tags = ['Arbetsmarknad: feriearbeten'];
const BASE = '/api/v1/labour/summer-jobs';

const presentRound = (round: SummerRound) => ({
  id: round.id,
  year: round.year,
  applyBy: round.applyBy,
  minAge: round.minAge,
  maxAge: round.maxAge,
  lotterySeed: round.lotterySeed,
  allocatedAt: round.allocatedAt ? new Date(round.allocatedAt).toISOString() : null,
});

function countsOf(applicants: readonly { offerStatus: string }[]) {
  const n = (status: string) => applicants.filter((a) => a.offerStatus === status).length;
  return {
    applicants: applicants.length,
    offered: applicants.length - n('none'),
    awaitingAnswer: n('offered'),
    accepted: n('accepted'),
    declined: n('declined'),
    withoutPlace: n('none'),
  };
}

function reasonText(applicant: ExplainedApplicant, locale: Locale): string {
  const texts = catalogues[locale].summerJobsUi.reasons;
  if (applicant.reason === null || applicant.lotteryNumber === null) return texts.notAllocated;
  const explained = interpolate(texts.explained, {
    group: applicant.priorityGroup,
    number: applicant.lotteryNumber,
    reason: texts[applicant.reason],
  });
  return applicant.fromDecline ? `${explained} ${texts.fromDecline}` : explained;
}

function preferenceError(locale: Locale, key: 'preferenceUnknown' | 'preferenceTwice', n: number) {
  const message = interpolate(catalogues[locale].summerJobsUi.errors[key], { n });
  return new AppError('VALIDATION_FAILED', { details: `preferences: ${message}` }, [
    { path: '/preferences', message },
  ]);
}

export function registerSummerJobRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'GET',
    url: `${BASE}/rounds`,
    action: 'summerjob.round-list',
    permission: 'labour:read',
    summary: 'The summer-job rounds, newest first, with applicants, positions and places',
    tags,
    response: SummerRoundListResponse,
    handler: async ({ db, principal }) => {
      const rows = await listRounds(db, principal.municipalityId);
      return {
        items: rows.map((row) => ({
          ...presentRound(row),
          applicants: row.applicants,
          positions: row.positions,
          places: row.places,
        })),
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: `${BASE}/rounds`,
    action: 'summerjob.round-create',
    permission: 'labour:manage',
    summary: "Open a year's summer-job round: last day to apply and the age span (reached during the year)",
    tags,
    body: NewSummerRoundBody,
    response: CreatedResponse,
    status: 201,
    write: true,
    handler: async ({ db, principal, body }) => {
      if (Number(body.applyBy.slice(0, 4)) !== body.year)
        throw new AppError('DATE_NOT_IN_RANGE', {
          date: body.applyBy,
          from: `${body.year}-01-01`,
          to: `${body.year}-12-31`,
        });
      return { id: await createRound(db, principal.municipalityId, body) };
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: `${BASE}/rounds/:id`,
    action: 'summerjob.round-read',
    permission: 'labour:read',
    summary:
      'A round: counts (applicants, offered, accepted, declined; per priority group) and its positions',
    tags,
    params: SummerRoundParams,
    response: SummerRoundResponse,
    handler: async ({ db, principal, params, locale }) => {
      const round = await requireRound(db, principal.municipalityId, params.id);
      const [applicants, positions] = await Promise.all([
        roundApplicants(db, principal.municipalityId, round.id),
        listPositions(db, principal.municipalityId, round.id),
      ]);
      const places = positions.reduce((sum, p) => sum + p.places, 0);
      const filled = positions.reduce((sum, p) => sum + Math.min(p.filled, p.places), 0);
      const groupLabels = catalogues[locale].summerJobsUi.groups;
      return {
        ...presentRound(round),
        summary: {
          ...countsOf(applicants),
          positions: positions.length,
          places,
          freePlaces: places - filled,
        },
        perGroup: SUMMER_PRIORITY_GROUPS.map((group) => ({
          group,
          label: groupLabels[String(group) as keyof typeof groupLabels],
          ...countsOf(applicants.filter((a) => priorityGroupOf(a) === group)),
        })),
        positions,
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: `${BASE}/rounds/:id/positions`,
    action: 'summerjob.position-create',
    permission: 'labour:manage',
    summary: 'Add a position (a workplace with a number of places) to a round not yet allocated',
    tags,
    params: SummerRoundParams,
    body: NewSummerPositionBody,
    response: CreatedResponse,
    status: 201,
    write: true,
    handler: async ({ db, principal, params, body }) => {
      const round = await requireRound(db, principal.municipalityId, params.id, true);
      if (round.allocatedAt) throw new AppError('SUMMER_ROUND_ALLOCATED', { year: round.year });
      return { id: await addPosition(db, principal.municipalityId, round.id, body) };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: `${BASE}/rounds/:id/applicants`,
    action: 'summerjob.applicant-create',
    permission: 'labour:write',
    summary:
      'Register an application: the person (id or personal identity number), the day it came in, the priority facts and up to three preferred positions',
    tags,
    params: SummerRoundParams,
    body: NewSummerApplicantBody,
    response: CreatedResponse,
    status: 201,
    write: true,
    handler: async ({ db, principal, params, body, audit, locale, now }) => {
      const today = swedishToday({ now: () => now });
      const round = await requireRound(db, principal.municipalityId, params.id, true);
      if (round.allocatedAt) throw new AppError('SUMMER_ROUND_ALLOCATED', { year: round.year });
      if (body.appliedOn > today) throw new AppError('DATE_IN_FUTURE', { date: body.appliedOn });
      if (body.appliedOn > round.applyBy)
        throw new AppError('SUMMER_APPLICATION_CLOSED', { applyBy: round.applyBy });

      let by: { personId: string } | { personalNumber: string };
      if (body.personId) by = { personId: body.personId };
      else if (body.personalNumber) {
        const parsed = parsePersonalNumber(body.personalNumber.replace(/\s/g, ''), today);
        if (!parsed.ok) {
          const text = catalogues[locale].personalNumberReasons[parsed.reason];
          throw new AppError('INVALID_PERSONAL_NUMBER', { reason: text }, [
            { path: '/personalNumber', message: text },
          ]);
        }
        by = { personalNumber: parsed.value.normalised };
      } else {
        const message = catalogues[locale].summerJobsUi.errors.personRequired;
        throw new AppError('VALIDATION_FAILED', { details: message }, [{ path: '/personId', message }]);
      }
      const person = await findPersonForApplication(db, principal.municipalityId, by);
      if (!person) throw new AppError('NOT_FOUND');
      audit.personIds.add(person.id);
      if (!summerAgeOk(person.birthDate, round.year, round.minAge, round.maxAge))
        throw new AppError('SUMMER_APPLICANT_AGE', {
          minAge: round.minAge,
          maxAge: round.maxAge,
          year: round.year,
        });

      const positionIds = new Set(
        (await listPositions(db, principal.municipalityId, round.id)).map((p) => p.id),
      );
      body.preferences.forEach((id, i) => {
        if (!positionIds.has(id)) throw preferenceError(locale, 'preferenceUnknown', i + 1);
        if (body.preferences.indexOf(id) !== i) throw preferenceError(locale, 'preferenceTwice', i + 1);
      });
      const id = await addApplicant(db, principal.municipalityId, round.id, {
        personId: person.id,
        appliedOn: body.appliedOn,
        householdWithAssistance: body.householdWithAssistance,
        hadSummerJobBefore: body.hadSummerJobBefore,
        preferences: body.preferences,
      });
      return { id };
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: `${BASE}/rounds/:id/applicants`,
    action: 'summerjob.applicant-list',
    permission: 'labour:read',
    summary:
      "A round's applicants in allocation order, each with priority group, lottery number, position and the reason in words",
    tags,
    params: SummerRoundParams,
    query: SummerApplicantQuery,
    response: SummerApplicantListResponse,
    personalData: true,
    handler: async ({ db, principal, params, query, audit, locale }) => {
      const round = await requireRound(db, principal.municipalityId, params.id);
      const [applicants, positions] = await Promise.all([
        roundApplicants(db, principal.municipalityId, round.id),
        listPositions(db, principal.municipalityId, round.id),
      ]);
      const positionName = new Map(positions.map((p) => [p.id, `${p.employer}: ${p.title}`]));
      const matching = explainApplicants(round, applicants, positions).filter(
        (a) =>
          (query.group === undefined || a.priorityGroup === query.group) &&
          (query.status === undefined || a.offerStatus === query.status),
      );
      const page = matching.slice(query.offset, query.offset + query.limit);
      for (const a of page) audit.personIds.add(a.personId);
      return {
        total: matching.length,
        items: page.map((a) => ({
          id: a.id,
          personId: a.personId,
          name: a.protectedIdentity ? null : `${a.firstName} ${a.lastName}`,
          appliedOn: a.appliedOn,
          householdWithAssistance: a.householdWithAssistance,
          hadSummerJobBefore: a.hadSummerJobBefore,
          preferences: a.preferences,
          priorityGroup: a.priorityGroup,
          lotteryNumber: a.lotteryNumber,
          positionId: a.positionId,
          position: a.positionId ? (positionName.get(a.positionId) ?? null) : null,
          offerStatus: a.offerStatus,
          reason: a.reason,
          reasonText: reasonText(a, locale),
        })),
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: `${BASE}/rounds/:id/allocate`,
    action: 'summerjob.allocate',
    permission: 'labour:manage',
    summary:
      'Allocate the places once, after the last day to apply: draws a random lottery seed, stores it (so anyone can re-run the draw) and makes the offers',
    tags,
    params: SummerRoundParams,
    response: SummerAllocateResponse,
    write: true,
    handler: async ({ db, principal, params, audit, locale, now }) => {
      const round = await requireRound(db, principal.municipalityId, params.id, true);
      if (round.allocatedAt) throw new AppError('SUMMER_ROUND_ALLOCATED', { year: round.year });
      if (swedishToday({ now: () => now }) <= round.applyBy)
        throw new AppError('SUMMER_ROUND_OPEN', { applyBy: round.applyBy });
      const [applicants, positions] = await Promise.all([
        roundApplicants(db, principal.municipalityId, round.id),
        listPositions(db, principal.municipalityId, round.id),
      ]);
      // A positive 31-bit number: fits the integer column and is easy to write down.
      const seed = randomInt(1, 2 ** 31 - 1);
      const allocations = allocateSummerJobs(applicants, positions, seed);
      await saveAllocation(db, principal.municipalityId, round.id, seed, now, allocations);
      for (const a of applicants) audit.personIds.add(a.personId);
      const offered = allocations.filter((a) => a.positionId !== null).length;
      const withoutPlace = allocations.length - offered;
      return {
        lotterySeed: seed,
        offered,
        withoutPlace,
        message: interpolate(catalogues[locale].summerJobsUi.allocate.done, {
          offered,
          unplaced: withoutPlace,
          seed,
        }),
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: `${BASE}/applicants/:id/answer`,
    action: 'summerjob.answer',
    permission: 'labour:write',
    summary:
      "Record an applicant's answer to an offer; a declined place is offered to the first in the allocation order without a place",
    tags,
    params: SummerApplicantParams,
    body: SummerAnswerBody,
    response: SummerAnswerResponse,
    personalData: true,
    write: true,
    handler: async ({ db, principal, params, body, audit, locale }) => {
      const found = await findApplicant(db, principal.municipalityId, params.id);
      if (!found) throw new AppError('NOT_FOUND');
      audit.personIds.add(found.personId);
      // Answers queue per round, so that two declines never hand one place to two people.
      const round = await requireRound(db, principal.municipalityId, found.roundId, true);
      const applicants = await roundApplicants(db, principal.municipalityId, round.id);
      const applicant = applicants.find((a) => a.id === found.id)!;
      if (applicant.offerStatus !== 'offered' || applicant.positionId === null)
        throw new AppError('OFFER_NOT_OPEN');
      const texts = catalogues[locale].summerJobsUi.answer;
      if (body.accept) {
        await setOfferStatus(db, principal.municipalityId, applicant.id, 'accepted');
        return {
          applicantId: applicant.id,
          offerStatus: 'accepted' as const,
          message: texts.accepted,
          next: null,
        };
      }
      await setOfferStatus(db, principal.municipalityId, applicant.id, 'declined');
      // The decliner keeps the position on record (status declined), so is not next in line.
      const successor = successorFor(round, applicants);
      if (!successor)
        return {
          applicantId: applicant.id,
          offerStatus: 'declined' as const,
          message: texts.declinedNobody,
          next: null,
        };
      const next = applicants.find((a) => a.id === successor.applicantId)!;
      await offerPosition(db, principal.municipalityId, next.id, applicant.positionId);
      audit.personIds.add(next.personId);
      return {
        applicantId: applicant.id,
        offerStatus: 'declined' as const,
        message: interpolate(texts.declinedNext, {
          group: successor.priorityGroup,
          number: successor.lotteryNumber,
        }),
        next: {
          applicantId: next.id,
          name: next.protectedIdentity ? null : `${next.firstName} ${next.lastName}`,
          positionId: applicant.positionId,
          priorityGroup: successor.priorityGroup,
          lotteryNumber: successor.lotteryNumber,
          reason: summerReason(next.preferences, applicant.positionId),
        },
      };
    },
  });
}

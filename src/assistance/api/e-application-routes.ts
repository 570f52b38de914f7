/**
 * The citizen's e-application (e-ansökan), without login. Real e-identification comes later: until
 * then it is open only in demo mode, where the applicant identifies with the personnummer alone.
 *
 * Whatever is wrong with the number — not a number, not registered, not an applicant of a
 * household — the answer is the same, so the form cannot be used to find out who is registered.
 * Attempts are limited per client address.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { RateLimiter } from '../../http/rate-limit.ts';
import { errorMessage } from '../../i18n/catalogue.ts';
import { parsePersonalNumber } from '../../people/domain/personnummer.ts';
import { parseSyntheticPersonalNumber } from '../../people/domain/synthetic-personal-number.ts';
import { swedishToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { createApplication, householdMembersInMonth } from '../db/applications.ts';
import {
  applyingHousehold,
  demoMunicipalityIds,
  openAssistanceCase,
  openIntakeCase,
  personIdByNumber,
} from '../db/e-applications.ts';
import { loadSettings } from '../db/settings.ts';
import { COST_TYPES, INCOME_TYPES } from '../domain/norm/items.ts';
import { activateDirectly } from '../../labour/db/direct-activation.ts';

const tags = ['E-ansökan'];

/** Attempts per client address and window. */
export const E_APPLICATION_RATE = { limit: 10, windowMs: 10 * 60_000 };

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const text = (max: number) => z.string().trim().max(max);
/** Kronor a month with at most two decimals (öre); at most 1 000 000 kr, as anything above is a typo. */
const kronor = z
  .number()
  .finite()
  .min(0)
  .max(1_000_000)
  .refine((value) => Number.isInteger(Math.round(value * 100 * 1e6) / 1e6), 'at_most_two_decimals');

export const EApplicationBody = z.strictObject({
  municipalityId: z
    .string()
    .regex(/^[0-9]{4}$/)
    .optional()
    .describe('A demo municipality; defaults to the only one there is'),
  personalNumber: z
    .string()
    .max(20)
    .describe('The applicant’s personnummer (in demo mode the identification; e-identification comes later)'),
  month: month.describe('The month applied for: last month, this month or next month'),
  selfAssessedUnemployed: z.boolean().default(false),
  housing: z.strictObject({ address: text(200).optional(), apartment: text(40).optional() }).default({}),
  childrenLunchAway: z
    .boolean()
    .default(false)
    .describe('The household’s children eat lunch away from home on weekdays'),
  costs: z
    .array(z.strictObject({ type: z.enum(COST_TYPES), amount: kronor.describe('kronor a month') }))
    .max(30)
    .default([]),
  incomes: z
    .array(z.strictObject({ type: z.enum(INCOME_TYPES), amount: kronor.describe('kronor a month') }))
    .max(30)
    .default([]),
  consent: z
    .boolean()
    .describe('Jag samtycker till att uppgifterna kontrolleras: must be true for the application to be sent'),
});

export const EApplicationReceipt = z.object({
  applicationNumber: z.string().describe('A short form of the application id, for the applicant to quote'),
  month: z.string(),
  receivedOn: z.string(),
});

export function registerEApplicationRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const limiter = new RateLimiter(E_APPLICATION_RATE.limit, E_APPLICATION_RATE.windowMs);

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/public/e-applications',
    action: 'application.e-submit',
    permission: 'public',
    summary:
      'A citizen’s application for financial assistance without login (demo mode only, until e-identification is in place)',
    tags,
    body: EApplicationBody,
    response: EApplicationReceipt,
    status: 201,
    write: true,
    personalData: true,
    handler: async ({ db, body, audit, request, now }) => {
      if (!deps.config.demoMode) throw new AppError('E_APPLICATION_UNAVAILABLE');
      if (!limiter.take(request.ip ?? 'unknown', now.getTime())) throw new AppError('RATE_LIMITED');
      if (!body.consent) {
        const message = errorMessage(request.locale, 'E_APPLICATION_CONSENT_REQUIRED');
        throw new AppError('E_APPLICATION_CONSENT_REQUIRED', {}, [{ path: 'consent', message }]);
      }
      const today = swedishToday({ now: () => now });
      const first = addMonths(today.slice(0, 7), -1);
      const last = addMonths(today.slice(0, 7), 1);
      if (body.month < first || body.month > last) {
        const message = errorMessage(request.locale, 'E_APPLICATION_MONTH', { from: first, to: last });
        throw new AppError('E_APPLICATION_MONTH', { from: first, to: last }, [{ path: 'month', message }]);
      }

      const demo = await demoMunicipalityIds(db);
      const municipalityId = body.municipalityId ?? (demo.length === 1 ? demo[0] : undefined);
      if (!municipalityId || !demo.includes(municipalityId)) throw new AppError('E_APPLICATION_UNAVAILABLE');
      audit.municipalityId = municipalityId;

      const normalised = parseNumber(body.personalNumber, today);
      const personId = normalised && (await personIdByNumber(db, municipalityId, normalised));
      if (!personId) throw new AppError('E_APPLICATION_REFUSED');
      const monthStart = `${body.month}-01`;
      const householdId = await applyingHousehold(db, municipalityId, personId, monthStart);
      if (!householdId) throw new AppError('E_APPLICATION_REFUSED');
      const caseRef =
        (await openAssistanceCase(db, municipalityId, householdId)) ??
        (await openIntakeCase(db, municipalityId, householdId, today));
      if (!caseRef) throw new AppError('E_APPLICATION_REFUSED');

      const members = await householdMembersInMonth(db, municipalityId, householdId, monthStart);
      const settings = await loadSettings(db, municipalityId);
      const id = await createApplication(db, {
        municipalityId,
        caseRef,
        month: monthStart,
        channel: 'e_application',
        receivedOn: today,
        completeOn: null,
        selfAssessedUnemployed: body.selfAssessedUnemployed,
        housing: body.housing,
        members: body.childrenLunchAway
          ? members.filter((m) => m.role === 'child').map((m) => ({ personId: m.personId, lunchAway: true }))
          : [],
        costs: body.costs.map((c) => ({ type: c.type, amountOre: toOre(c.amount) })),
        incomes: body.incomes.map((i) => ({ type: i.type, amountOre: toOre(i.amount) })),
        createdBy: null,
        reactualisationMonths: settings.reactualisationMonths,
        followUpMonths: settings.followUpMonths,
      });
      await activateDirectly(db, { municipalityId, applicationId: id, today, createdBy: null });
      audit.caseIds.add(caseRef.id);
      for (const member of members) audit.personIds.add(member.personId);
      return { applicationNumber: applicationNumber(id), month: body.month, receivedOn: today };
    },
  });
}

/** The first eight characters of the id, upper case: "3F2A9C1B". */
export function applicationNumber(id: string): string {
  return id.replace(/-/g, '').slice(0, 8).toUpperCase();
}

/** The twelve digits of a personnummer; in demo mode a synthetic (demo) number is accepted too. */
function parseNumber(input: string, today: string): string | undefined {
  const compact = input.replace(/\s/g, '');
  const parsed = parsePersonalNumber(compact, today);
  if (parsed.ok) return parsed.value.normalised;
  if (parsed.reason !== 'checksum') return undefined;
  const synthetic = parseSyntheticPersonalNumber(compact, today);
  return synthetic.ok ? synthetic.value.normalised : undefined;
}

const toOre = (kronorAmount: number) => Math.round(kronorAmount * 100);

/** YYYY-MM plus n months. */
function addMonths(yearMonth: string, n: number): string {
  const index = Number(yearMonth.slice(0, 4)) * 12 + Number(yearMonth.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

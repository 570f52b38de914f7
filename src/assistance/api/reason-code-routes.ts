/** Reason codes (försörjningshinder) per adult and month, from the dated code list. */
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { catalogues, type Locale } from '../../i18n/catalogue.ts';
import { swedishToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { householdMembersInMonth } from '../db/applications.ts';
import { requireCase } from '../db/case-scope.ts';
import { personNames } from '../db/names.ts';
import {
  adultsWithoutReasonCode,
  latestApplicationMonth,
  listReasonCodes,
  setReasonCode,
} from '../db/reason-codes.ts';
import { addMonths } from '../domain/intake/intake-plan.ts';
import {
  REASON_CODE_SOURCE,
  reasonCodeIn,
  reasonCodesFor,
  type ReasonCodeEntry,
} from '../domain/reason-codes/reason-code-list.ts';
import { ReasonCodeListResponse, ReasonCodeQuery, SetReasonCodeBody } from './casework-schemas.ts';
import { CaseIdParams } from './schemas.ts';

const tags = ['Ekonomiskt bistånd'];

function present(entry: ReasonCodeEntry, locale: Locale) {
  return {
    code: entry.code,
    text: entry.text[locale],
    group: entry.group,
    groupLabel: catalogues[locale].casework.reasonGroups[entry.group],
  };
}

export function registerReasonCodeRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'PUT',
    url: '/api/v1/assistance/cases/:caseId/reason-codes',
    action: 'reasoncode.set',
    permission: 'assistance:write',
    summary: "Set an adult's reason code (försörjningshinder) for a month: the applicant or spouse/partner",
    tags,
    params: CaseIdParams,
    body: SetReasonCodeBody,
    write: true,
    handler: async ({ db, principal, params, body, audit, now }) => {
      const caseRef = await requireCase(db, principal, params.caseId);
      audit.caseIds.add(caseRef.id);
      // From the month the case opened to the month it closed, or else to the later of next month
      // and the latest month applied for.
      const thisMonth = swedishToday({ now: () => now }).slice(0, 7);
      const applied = (await latestApplicationMonth(db, principal.municipalityId, caseRef.id))?.slice(0, 7);
      const nextMonth = addMonths(`${thisMonth}-01`, 1).slice(0, 7);
      const first = caseRef.openedOn.slice(0, 7);
      const last = caseRef.closedOn?.slice(0, 7) ?? (applied && applied > nextMonth ? applied : nextMonth);
      if (body.month < first || body.month > last)
        throw new AppError('REASON_CODE_MONTH', { from: first, to: last });
      if (!reasonCodeIn(body.code, body.month))
        throw new AppError('REASON_CODE_UNKNOWN', { code: body.code, month: body.month });
      const members = await householdMembersInMonth(
        db,
        principal.municipalityId,
        caseRef.householdId,
        `${body.month}-01`,
      );
      const member = members.find((m) => m.personId === body.personId);
      if (!member || (member.role !== 'applicant' && member.role !== 'partner'))
        throw new AppError('REASON_CODE_NOT_ADULT');
      audit.personIds.add(body.personId);
      await setReasonCode(db, {
        municipalityId: principal.municipalityId,
        caseId: caseRef.id,
        personId: body.personId,
        month: `${body.month}-01`,
        code: body.code,
        setBy: principal.userId,
        setAt: now,
      });
      return undefined;
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/assistance/cases/:caseId/reason-codes',
    action: 'reasoncode.list',
    permission: 'assistance:read',
    summary:
      "The case's reason codes per adult and month, the code list in force, and applied-for months still without a code",
    tags,
    params: CaseIdParams,
    query: ReasonCodeQuery,
    response: ReasonCodeListResponse,
    personalData: true,
    handler: async ({ db, principal, params, query, audit, locale, now }) => {
      const caseRef = await requireCase(db, principal, params.caseId);
      audit.caseIds.add(caseRef.id);
      const thisMonth = swedishToday({ now: () => now }).slice(0, 7);
      const from = `${query.from ?? addMonths(`${thisMonth}-01`, -12).slice(0, 7)}-01`;
      const [rows, missing] = await Promise.all([
        listReasonCodes(db, principal.municipalityId, caseRef.id, from),
        adultsWithoutReasonCode(db, principal.municipalityId, caseRef.id, from),
      ]);
      const names = await personNames(db, principal.municipalityId, [
        ...rows.map((r) => r.person_id),
        ...missing.map((m) => m.person_id),
      ]);
      for (const id of names.keys()) audit.personIds.add(id);
      return {
        source: REASON_CODE_SOURCE,
        codeList: reasonCodesFor(thisMonth).map((entry) => present(entry, locale)),
        items: rows.map((r) => {
          const month = r.month.slice(0, 7);
          const entry = reasonCodeIn(r.code, month);
          return {
            ...(entry
              ? present(entry, locale)
              : { code: r.code, text: r.code, group: 'other' as const, groupLabel: '' }),
            month,
            personId: r.person_id,
            name: names.get(r.person_id) ?? null,
            setBy: r.set_by_name,
            setAt: new Date(r.set_at).toISOString(),
          };
        }),
        missing: missing.map((m) => ({
          month: m.month.slice(0, 7),
          personId: m.person_id,
          name: names.get(m.person_id) ?? null,
        })),
      };
    },
  });
}

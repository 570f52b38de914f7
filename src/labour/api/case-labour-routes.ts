/**
 * The labour-market unit on the assistance case page: the household's referrals (progress only
 * while the labour_to_assistance flow stands), the unit's notices and acknowledging them.
 */
import type { FastifyInstance } from 'fastify';
import { requireCase } from '../../assistance/db/case-scope.ts';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { catalogues } from '../../i18n/catalogue.ts';
import { swedishToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { acknowledgeNotice, findNotice, loadCaseLabour } from '../db/case-labour.ts';
import { presentPerson } from './referral-routes.ts';
import { CaseIdParams, CaseLabourResponse, NoticeIdParams } from './referral-schemas.ts';

const tags = ['Ekonomiskt bistånd'];

export function registerCaseLabourRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/assistance/cases/:caseId/labour',
    action: 'case.labour',
    permission: 'assistance:read',
    summary:
      "The household members' referrals to the labour-market unit (progress only with consent or legal basis), the unit's notices, and the adults' registration with Arbetsförmedlingen",
    tags,
    params: CaseIdParams,
    response: CaseLabourResponse,
    personalData: true,
    handler: async ({ db, principal, params, audit, locale, now }) => {
      const caseRef = await requireCase(db, principal, params.caseId);
      audit.caseIds.add(caseRef.id);
      const today = swedishToday({ now: () => now });
      const data = await loadCaseLabour(db, principal.municipalityId, caseRef, today);
      const labels = catalogues[locale].labour;
      for (const r of data.referrals) audit.personIds.add(r.person.id);
      for (const a of data.adults) audit.personIds.add(a.person.id);
      return {
        referrals: data.referrals.map((r) => ({
          id: r.id,
          person: presentPerson(r.person),
          initiator: r.initiator,
          initiatorLabel: labels.initiators[r.initiator],
          referredOn: r.referredOn,
          introDay: r.introDay,
          status: r.open ? ('open' as const) : ('closed' as const),
          progress: r.progress
            ? {
                ...r.progress,
                exitResultLabel: r.progress.exitResult ? labels.exitResults[r.progress.exitResult] : null,
              }
            : null,
        })),
        notices: data.notices.map((n) => ({
          id: n.id,
          referralId: n.referralId,
          person: presentPerson(n.person),
          kind: n.kind,
          kindLabel: labels.noticeKinds[n.kind],
          week: n.week,
          detail: n.detail,
          createdAt: n.createdAt.toISOString(),
        })),
        adults: data.adults.map((a) => ({
          person: presentPerson(a.person),
          registered: a.state.registered,
          flagged: a.state.flagged,
          openReferral: a.openReferral,
        })),
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/assistance/labour-notices/:id/acknowledge',
    action: 'labournotice.acknowledge',
    permission: 'assistance:write',
    summary: "Acknowledge a notice from the labour-market unit (the case's caseworker or the unit manager)",
    tags,
    params: NoticeIdParams,
    write: true,
    handler: async ({ db, principal, params, audit, now }) => {
      const notice = await findNotice(db, principal.municipalityId, params.id);
      if (!notice) throw new AppError('NOT_FOUND');
      const caseRef = await requireCase(db, principal, notice.caseId);
      audit.caseIds.add(caseRef.id);
      audit.personIds.add(notice.personId);
      const manager = principal.roles.some((r) => r.role === 'unit_manager' && r.unitId === caseRef.unitId);
      if (caseRef.caseworkerId !== principal.userId && !manager) throw new AppError('FORBIDDEN');
      await acknowledgeNotice(db, principal.municipalityId, notice.id, principal.userId, now);
      return undefined;
    },
  });
}

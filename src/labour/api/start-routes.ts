/** The consultant's start page of the labour-market unit. */
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { catalogues } from '../../i18n/catalogue.ts';
import { swedishToday } from '../../shared/clock.ts';
import { loadStartPage } from '../db/start-page.ts';
import { presentPerson } from './referral-routes.ts';
import { StartResponse } from './referral-schemas.ts';

const tags = ['Arbetsmarknadsenheten'];

export function registerStartRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/labour/start',
    action: 'labour.start',
    permission: 'labour:read',
    summary:
      "The consultant's start page: new referrals, introduction days, follow-ups due, attendance to report, employments ending, unregistered participants",
    tags,
    response: StartResponse,
    personalData: true,
    handler: async ({ db, principal, audit, locale, now }) => {
      const today = swedishToday({ now: () => now });
      const data = await loadStartPage(db, principal, today);
      const forms = catalogues[locale].labour.employmentForms as Record<string, string>;
      for (const list of [
        data.newReferrals,
        data.introDays,
        data.followUpsDue,
        data.attendanceToReport,
        data.employmentsEnding,
        data.unregistered,
      ])
        for (const item of list) audit.personIds.add(item.person.id);
      const days = new Map<string, { referralId: string; person: ReturnType<typeof presentPerson> }[]>();
      for (const item of data.introDays) {
        const booked = days.get(item.introDay) ?? [];
        booked.push({ referralId: item.referralId, person: presentPerson(item.person) });
        days.set(item.introDay, booked);
      }
      return {
        newReferrals: data.newReferrals.map((r) => ({ ...r, person: presentPerson(r.person) })),
        introDays: [...days].map(([day, booked]) => ({ day, booked })),
        followUpsDue: data.followUpsDue.map((r) => ({ ...r, person: presentPerson(r.person) })),
        attendanceWeek: data.attendanceWeek,
        attendanceToReport: data.attendanceToReport.map((r) => ({ ...r, person: presentPerson(r.person) })),
        employmentsEnding: data.employmentsEnding.map((r) => ({
          ...r,
          person: presentPerson(r.person),
          formLabel: forms[r.form] ?? r.form,
        })),
        unregistered: data.unregistered.map((r) => ({ ...r, person: presentPerson(r.person) })),
      };
    },
  });
}

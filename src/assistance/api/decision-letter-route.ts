/** The decision letter as a PDF, assembled from the signed decision and its norm calculation. */
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { catalogues } from '../../i18n/catalogue.ts';
import { AppError } from '../../shared/errors.ts';
import { formatPersonalNumber } from '../../people/domain/personnummer.ts';
import { swedishToday } from '../../shared/clock.ts';
import { renderDecisionLetter, type DecisionLetter } from '../documents/decision-letter.ts';
import { citeProvision } from '../domain/law/provisions.ts';
import type { NormResult } from '../domain/norm/calculate-norm.ts';
import { presentNormReceipt } from '../domain/norm/norm-receipt.ts';
import { riksnormForYear } from '../domain/norm/riksnorm-data.ts';
import { presentDecision, requireDecision } from './decision-routes.ts';
import { IdParams } from './schemas.ts';

export function registerDecisionLetterRoute(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/assistance/decisions/:id/letter.pdf',
    action: 'decision.letter',
    permission: 'assistance:read',
    summary: 'The decision letter (beslut om ekonomiskt bistånd) as a PDF in Swedish',
    tags: ['Ekonomiskt bistånd'],
    params: IdParams,
    file: true,
    personalData: true,
    handler: async ({ db, principal, params, audit, now }) => {
      const { caseId } = await requireDecision(db, principal, params.id);
      audit.caseIds.add(caseId);
      const locale = 'sv';
      const decision = await presentDecision(db, principal.municipalityId, params.id, locale);
      if (decision.status !== 'signed') throw new AppError('DECISION_NOT_SIGNED');
      const context = await db
        .selectFrom('decision as d')
        .innerJoin('client_case as c', (j) =>
          j.onRef('c.municipality_id', '=', 'd.municipality_id').onRef('c.id', '=', 'd.case_id'),
        )
        .innerJoin('unit as u', (j) =>
          j.onRef('u.municipality_id', '=', 'c.municipality_id').onRef('u.id', '=', 'c.unit_id'),
        )
        .innerJoin('municipality as m', 'm.id', 'd.municipality_id')
        .innerJoin('app_user as w', (j) =>
          j.onRef('w.municipality_id', '=', 'd.municipality_id').onRef('w.id', '=', 'd.decided_by'),
        )
        .select([
          'd.norm',
          'd.application_id',
          'u.name as unit_name',
          'm.name as municipality_name',
          'w.display_name',
        ])
        .where('d.municipality_id', '=', principal.municipalityId)
        .where('d.id', '=', params.id)
        .executeTakeFirstOrThrow();
      const adults = await db
        .selectFrom('application_member as am')
        .innerJoin('person as p', (j) =>
          j.onRef('p.municipality_id', '=', 'am.municipality_id').onRef('p.id', '=', 'am.person_id'),
        )
        .select([
          'am.role',
          'p.id',
          'p.first_name',
          'p.last_name',
          'p.personal_number',
          'p.number_kind',
          'p.birth_date',
          'p.sex',
          'p.street_address',
          'p.postal_code',
          'p.city',
          'p.protected_identity',
        ])
        .where('am.municipality_id', '=', principal.municipalityId)
        .where('am.application_id', '=', context.application_id)
        .where('am.role', 'in', ['applicant', 'partner'])
        .execute();
      const today = swedishToday({ now: () => now });
      const person = (p: (typeof adults)[number]) => {
        audit.personIds.add(p.id);
        return {
          name: `${p.first_name} ${p.last_name}`,
          personalNumber: formatPersonalNumber(
            { normalised: p.personal_number, kind: p.number_kind, birthDate: p.birth_date, sex: p.sex },
            today,
          ),
        };
      };
      const applicant = adults.find((a) => a.role === 'applicant')!;
      const partner = adults.find((a) => a.role === 'partner');
      const norm = context.norm as NormResult | { source: string };
      if (!('lines' in norm)) throw new AppError('DECISION_FROM_EARLIER_SYSTEM');
      const receipt = presentNormReceipt(norm, riksnormForYear(norm.year)!, `${decision.month}-01`, locale);
      const letter: DecisionLetter = {
        municipalityName: context.municipality_name,
        unitName: context.unit_name,
        caseworkerName: context.display_name,
        decisionId: decision.id.slice(0, 8).toUpperCase(),
        decidedOn: decision.decidedOn,
        month: decision.month,
        payOn: decision.payOn,
        applicant: {
          ...person(applicant),
          // A protected address never goes on paper; the letter is sent via the Tax Agency.
          addressLines:
            applicant.protected_identity || !applicant.street_address
              ? []
              : [applicant.street_address, `${applicant.postal_code ?? ''} ${applicant.city ?? ''}`.trim()],
        },
        ...(partner ? { coApplicant: person(partner) } : {}),
        items: decision.items.map((item) => ({
          label: item.label,
          applied: item.appliedOre,
          granted: item.grantedOre,
          outcome: item.outcome,
          provision: item.provision,
          ...(item.reason ? { reason: item.reason } : {}),
        })),
        totalGranted: decision.grantedOre,
        ...(decision.reductionOre > 0
          ? {
              reduction: {
                amount: decision.reductionOre,
                reason: decision.reductionReason ?? '',
                provision: citeProvision('reduction', decision.decidedOn, locale),
              },
            }
          : {}),
        ...(decision.condition
          ? {
              condition: {
                text: `${catalogues[locale].assistance.conditions[decision.condition]}: ${decision.conditionDetail ?? ''}`,
                provision: citeProvision('condition', decision.decidedOn, locale),
              },
            }
          : {}),
        reasons: decision.reasons,
        norm: receipt.lines.map((line) => ({ label: line.label, amount: line.amount })),
        normTotal: receipt.total,
        appealProvision: citeProvision('appeal', decision.decidedOn, locale),
        ...(decision.supersedesId
          ? {
              supersedes: {
                decisionId: decision.supersedesId.slice(0, 8).toUpperCase(),
                decidedOn: (
                  await db
                    .selectFrom('decision')
                    .select('decided_on')
                    .where('municipality_id', '=', principal.municipalityId)
                    .where('id', '=', decision.supersedesId)
                    .executeTakeFirstOrThrow()
                ).decided_on,
              },
            }
          : {}),
      };
      return {
        body: await renderDecisionLetter(letter, locale),
        contentType: 'application/pdf',
        fileName: `beslut-${decision.month}-${letter.decisionId}.pdf`,
      };
    },
  });
}

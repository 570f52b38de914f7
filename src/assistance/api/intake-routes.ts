/** The intake process of a case: steps with due dates, marked done in order; IB3 carries the mapping. */
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { catalogues } from '../../i18n/catalogue.ts';
import { swedishToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { householdMembersInMonth } from '../db/applications.ts';
import { requireCase } from '../db/case-scope.ts';
import { loadIntake, markStepDone } from '../db/intake.ts';
import { insertNote } from '../db/journal.ts';
import {
  mappingAsText,
  mappingProblem,
  nextSteps,
  refuseStepDone,
  type Ib3Mapping,
} from '../domain/intake/intake-plan.ts';
import { IntakeResponse, IntakeStepParams, StepDoneBody } from './casework-schemas.ts';
import { CaseIdParams } from './schemas.ts';

const tags = ['Ekonomiskt bistånd'];

/** Only the fields that were written in. */
function cleanMapping(mapping: Ib3Mapping): Ib3Mapping {
  return Object.fromEntries(Object.entries(mapping).filter(([, value]) => value && value.trim() !== ''));
}

export function registerIntakeRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/assistance/cases/:caseId/intake',
    action: 'intake.read',
    permission: 'assistance:read',
    summary:
      'The intake steps of the case (responsibility, consent, checks, IB1–IB5) with due dates, owner and what can be done next',
    tags,
    params: CaseIdParams,
    response: IntakeResponse,
    personalData: true,
    handler: async ({ db, principal, params, audit, locale, now }) => {
      const caseRef = await requireCase(db, principal, params.caseId);
      audit.caseIds.add(caseRef.id);
      const today = swedishToday({ now: () => now });
      const steps = await loadIntake(db, principal.municipalityId, caseRef.id);
      const next = new Set(nextSteps(steps));
      const labels = catalogues[locale].casework.intakeSteps;
      return {
        steps: steps.map((s) => ({
          step: s.step,
          label: labels[s.step],
          dueOn: s.dueOn,
          doneOn: s.doneOn,
          doneBy: s.doneByName,
          owner: { id: s.ownerId, name: s.ownerName },
          overdue: s.doneOn === null && s.dueOn < today,
          canBeDone: next.has(s.step),
          mapping: s.details,
        })),
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/assistance/cases/:caseId/intake/:step/done',
    action: 'intake.done',
    permission: 'assistance:write',
    summary:
      'Mark an intake step done, in order; IB3 may carry the mapping, which is also written to the journal and signed',
    tags,
    params: IntakeStepParams,
    body: StepDoneBody,
    write: true,
    handler: async ({ db, principal, params, body, audit, locale, now }) => {
      const caseRef = await requireCase(db, principal, params.caseId);
      audit.caseIds.add(caseRef.id);
      const texts = catalogues[locale].casework;
      const today = swedishToday({ now: () => now });
      const doneOn = body.doneOn ?? today;
      if (doneOn > today) throw new AppError('DATE_IN_FUTURE', { date: doneOn });
      if (body.ib3Mapping && params.step !== 'ib3')
        throw new AppError('VALIDATION_FAILED', { details: `ib3Mapping: ${texts.mappingGap.ib3Only}` }, [
          { path: 'ib3Mapping', message: texts.mappingGap.ib3Only },
        ]);

      const steps = await loadIntake(db, principal.municipalityId, caseRef.id, { forUpdate: true });
      if (steps.length === 0) throw new AppError('INTAKE_NOT_STARTED');
      const refusal = refuseStepDone(steps, params.step, doneOn);
      if (refusal?.reason === 'already_done')
        throw new AppError('INTAKE_STEP_DONE', { step: texts.intakeSteps[params.step] });
      if (refusal)
        throw new AppError('INTAKE_STEP_OUT_OF_ORDER', {
          step: texts.intakeSteps[params.step],
          previous: texts.intakeSteps[refusal.previous],
        });

      const mapping = body.ib3Mapping ? cleanMapping(body.ib3Mapping) : null;
      if (mapping) {
        const members = await householdMembersInMonth(
          db,
          principal.municipalityId,
          caseRef.householdId,
          `${doneOn.slice(0, 7)}-01`,
        );
        for (const member of members) audit.personIds.add(member.personId);
        const problem = mappingProblem(
          mapping,
          members.some((m) => m.role === 'child'),
        );
        if (problem) {
          const error =
            problem === 'empty'
              ? { path: 'ib3Mapping', message: texts.mappingGap.empty }
              : { path: 'ib3Mapping.childrenSituation', message: texts.mappingGap.childrenSituation };
          throw new AppError('VALIDATION_FAILED', { details: `${error.path}: ${error.message}` }, [error]);
        }
        // The journal is the authority's record, kept in Swedish whatever language the user reads.
        const sv = catalogues.sv.casework;
        await insertNote(db, {
          municipalityId: principal.municipalityId,
          caseId: caseRef.id,
          authorId: principal.userId,
          noteDate: doneOn,
          body: mappingAsText(mapping, sv.mappingNoteHeading, sv.mappingFields),
          signedAt: now,
        });
      }
      await markStepDone(db, {
        municipalityId: principal.municipalityId,
        caseId: caseRef.id,
        step: params.step,
        doneOn,
        doneBy: principal.userId,
        details: mapping,
      });
      return undefined;
    },
  });
}

/** The intake steps of a case: laid out at the first application, then marked done one by one. */
import type { Database } from '../../db/connection.ts';
import {
  INTAKE_STEPS,
  planIntake,
  type Ib3Mapping,
  type IntakeSettings,
  type IntakeStep,
} from '../domain/intake/intake-plan.ts';

/** Lays out the intake steps unless the case already has them. Must run in a transaction. */
export async function startIntake(
  db: Database,
  input: { municipalityId: string; caseId: string; ownerId: string | null; receivedOn: string },
  settings: IntakeSettings,
): Promise<void> {
  const existing = await db
    .selectFrom('intake_step')
    .select('step')
    .where('municipality_id', '=', input.municipalityId)
    .where('case_id', '=', input.caseId)
    .limit(1)
    .executeTakeFirst();
  if (existing) return;
  await db
    .insertInto('intake_step')
    .values(
      planIntake(input.receivedOn, settings).map((s) => ({
        municipality_id: input.municipalityId,
        case_id: input.caseId,
        step: s.step,
        owner_id: input.ownerId,
        due_on: s.dueOn,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export interface IntakeRow {
  step: IntakeStep;
  dueOn: string;
  doneOn: string | null;
  ownerId: string | null;
  ownerName: string | null;
  doneByName: string | null;
  details: Ib3Mapping | null;
}

export async function loadIntake(
  db: Database,
  municipalityId: string,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<IntakeRow[]> {
  let query = db
    .selectFrom('intake_step as s')
    .leftJoin('app_user as o', (j) =>
      j.onRef('o.municipality_id', '=', 's.municipality_id').onRef('o.id', '=', 's.owner_id'),
    )
    .leftJoin('app_user as d', (j) =>
      j.onRef('d.municipality_id', '=', 's.municipality_id').onRef('d.id', '=', 's.done_by'),
    )
    .select([
      's.step',
      's.due_on',
      's.done_on',
      's.owner_id',
      'o.display_name as owner_name',
      'd.display_name as done_by_name',
      's.details',
    ])
    .where('s.municipality_id', '=', municipalityId)
    .where('s.case_id', '=', caseId)
    .orderBy('s.due_on');
  if (options.forUpdate) query = query.forUpdate('s');
  const rows = await query.execute();
  rows.sort((a, b) => INTAKE_STEPS.indexOf(a.step) - INTAKE_STEPS.indexOf(b.step));
  return rows.map((r) => ({
    step: r.step,
    dueOn: r.due_on,
    doneOn: r.done_on,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    doneByName: r.done_by_name,
    details: (r.details as Ib3Mapping | null) ?? null,
  }));
}

export async function markStepDone(
  db: Database,
  input: {
    municipalityId: string;
    caseId: string;
    step: IntakeStep;
    doneOn: string;
    doneBy: string;
    details: Ib3Mapping | null;
  },
): Promise<void> {
  await db
    .updateTable('intake_step')
    .set({
      done_on: input.doneOn,
      done_by: input.doneBy,
      details: input.details ? JSON.stringify(input.details) : null,
    })
    .where('municipality_id', '=', input.municipalityId)
    .where('case_id', '=', input.caseId)
    .where('step', '=', input.step)
    .execute();
}

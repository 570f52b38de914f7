/**
 * Recording and revoking what may flow between financial assistance and the labour-market unit
 * about a person: the person's consent or a legal basis, per direction. A revoked flow is kept
 * (with who revoked it and when); a new consent is a new row.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../shared/errors.ts';
import type { FlowBasis, FlowDirection } from '../domain/terms.ts';

export interface FlowRow {
  id: string;
  direction: FlowDirection;
  basis: FlowBasis;
  legal_reference: string | null;
  given_on: string;
  revoked_on: string | null;
  recorded_by: string;
  recorded_by_name: string;
  revoked_by: string | null;
  revoked_by_name: string | null;
  created_at: Date | string;
}

/** Every flow of the person, standing or revoked, newest first. */
export async function listFlows(db: Database, municipalityId: string, personId: string): Promise<FlowRow[]> {
  return db
    .selectFrom('information_flow as f')
    .innerJoin('app_user as rec', (j) =>
      j.onRef('rec.municipality_id', '=', 'f.municipality_id').onRef('rec.id', '=', 'f.recorded_by'),
    )
    .leftJoin('app_user as rev', (j) =>
      j.onRef('rev.municipality_id', '=', 'f.municipality_id').onRef('rev.id', '=', 'f.revoked_by'),
    )
    .select([
      'f.id',
      'f.direction',
      'f.basis',
      'f.legal_reference',
      'f.given_on',
      'f.revoked_on',
      'f.recorded_by',
      'rec.display_name as recorded_by_name',
      'f.revoked_by',
      'rev.display_name as revoked_by_name',
      'f.created_at',
    ])
    .where('f.municipality_id', '=', municipalityId)
    .where('f.person_id', '=', personId)
    .orderBy('f.given_on', 'desc')
    .orderBy('f.created_at', 'desc')
    .execute();
}

export interface RecordFlowInput {
  municipalityId: string;
  personId: string;
  direction: FlowDirection;
  basis: FlowBasis;
  legalReference: string | null;
  givenOn: string;
  userId: string;
  today: string;
  now: Date;
}

/** Records a consent or legal basis; refused while one already stands in that direction. */
export async function recordFlow(db: Database, input: RecordFlowInput): Promise<string> {
  if (input.givenOn > input.today) throw new AppError('FLOW_DATE_IN_FUTURE');
  const standing = await db
    .selectFrom('information_flow')
    .select('id')
    .where('municipality_id', '=', input.municipalityId)
    .where('person_id', '=', input.personId)
    .where('direction', '=', input.direction)
    .where('revoked_on', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (standing) throw new AppError('FLOW_ALREADY_STANDING');
  const id = randomUUID();
  await db
    .insertInto('information_flow')
    .values({
      municipality_id: input.municipalityId,
      id,
      person_id: input.personId,
      direction: input.direction,
      basis: input.basis,
      legal_reference: input.basis === 'law' ? input.legalReference : input.legalReference || null,
      given_on: input.givenOn,
      revoked_on: null,
      recorded_by: input.userId,
      revoked_by: null,
      created_at: input.now,
    })
    .execute();
  return id;
}

export interface RevokeFlowInput {
  municipalityId: string;
  personId: string;
  flowId: string;
  revokedOn: string;
  userId: string;
  today: string;
}

/** Revokes a standing flow from the day given; a revoked one cannot be revoked again. */
export async function revokeFlow(db: Database, input: RevokeFlowInput): Promise<FlowDirection> {
  const flow = await db
    .selectFrom('information_flow')
    .select(['id', 'direction', 'given_on', 'revoked_on'])
    .where('municipality_id', '=', input.municipalityId)
    .where('person_id', '=', input.personId)
    .where('id', '=', input.flowId)
    .forUpdate()
    .executeTakeFirst();
  if (!flow) throw new AppError('NOT_FOUND');
  if (flow.revoked_on !== null) throw new AppError('FLOW_NOT_STANDING');
  if (input.revokedOn > input.today) throw new AppError('FLOW_DATE_IN_FUTURE');
  if (input.revokedOn < flow.given_on)
    throw new AppError('FLOW_REVOKED_BEFORE_GIVEN', { givenOn: flow.given_on });
  await db
    .updateTable('information_flow')
    .set({ revoked_on: input.revokedOn, revoked_by: input.userId })
    .where('municipality_id', '=', input.municipalityId)
    .where('id', '=', input.flowId)
    .execute();
  return flow.direction;
}

/**
 * Notices from the unit to the caseworker of the person's assistance case (absence, deviation from
 * the plan, a started employment, the exit). Written only while the labour_to_assistance flow
 * stands; they carry codes and numbers, never free text.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/connection.ts';
import type { NoticeKind } from '../domain/terms.ts';
import { flowAllowed } from './flows.ts';

export interface NoticeInput {
  municipalityId: string;
  referralId: string;
  personId: string;
  /** The household's assistance case; without one there is no one to tell. */
  assistanceCaseId: string | null;
  kind: NoticeKind;
  week?: string | null;
  detail?: Record<string, string | number | boolean>;
  day: string;
  now: Date;
}

/** Writes the notice if someone in assistance may be told; returns whether it was written. */
export async function notifyAssistance(db: Database, input: NoticeInput): Promise<boolean> {
  if (!input.assistanceCaseId) return false;
  const allowed = await flowAllowed(
    db,
    input.municipalityId,
    input.personId,
    'labour_to_assistance',
    input.day,
  );
  if (!allowed) return false;
  await db
    .insertInto('labour_notice')
    .values({
      municipality_id: input.municipalityId,
      id: randomUUID(),
      referral_id: input.referralId,
      person_id: input.personId,
      assistance_case_id: input.assistanceCaseId,
      kind: input.kind,
      week: input.week ?? null,
      detail: JSON.stringify(input.detail ?? {}),
      created_at: input.now,
    })
    .execute();
  return true;
}

/**
 * The assistance case to tell about a referral: the case it came from, else the open assistance
 * case (the latest opened) of the household the person belongs to on the day; null if none.
 */
export async function assistanceCaseToNotify(
  db: Database,
  municipalityId: string,
  referral: { assistanceCaseId: string | null; personId: string },
  day: string,
): Promise<string | null> {
  if (referral.assistanceCaseId) return referral.assistanceCaseId;
  const row = await db
    .selectFrom('client_case as c')
    .innerJoin('household_member as hm', (j) =>
      j.onRef('hm.municipality_id', '=', 'c.municipality_id').onRef('hm.household_id', '=', 'c.household_id'),
    )
    .select('c.id')
    .where('c.municipality_id', '=', municipalityId)
    .where('c.kind', '=', 'assistance')
    .where('c.closed_on', 'is', null)
    .where('hm.person_id', '=', referral.personId)
    .where('hm.valid_from', '<=', day)
    .where((eb) => eb.or([eb('hm.valid_to', 'is', null), eb('hm.valid_to', '>', day)]))
    .orderBy('c.opened_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

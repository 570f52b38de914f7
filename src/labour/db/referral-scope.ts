/**
 * Which referrals a user may open: those whose labour case belongs to a unit where the user holds
 * a person-scoped role (the consultant sees only the unit's participants). Assistance users see a
 * referral's details only through the information flows (see flows.ts).
 */
import type { Principal } from '../../access/domain/principal.ts';
import { caseVisibleTo } from '../../assistance/db/case-scope.ts';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../shared/errors.ts';
import type { ExitResult, ReferralInitiator } from '../domain/terms.ts';

export interface ReferralRef {
  id: string;
  personId: string;
  caseId: string;
  householdId: string;
  unitId: string;
  initiator: ReferralInitiator;
  ownerUserId: string | null;
  assistanceCaseId: string | null;
  referredOn: string;
  introDay: string | null;
  exitOn: string | null;
  exitResult: ExitResult | null;
}

/**
 * 404 when the referral does not exist in the user's municipality, 403 when it is another unit's.
 * Given the request's audit notes, the referral's person and labour case are noted in them.
 */
export async function requireReferral(
  db: Database,
  principal: Principal,
  referralId: string,
  audit?: { personIds: Set<string>; caseIds: Set<string> },
): Promise<ReferralRef> {
  const row = await db
    .selectFrom('referral as r')
    .innerJoin('client_case as c', (j) =>
      j.onRef('c.municipality_id', '=', 'r.municipality_id').onRef('c.id', '=', 'r.case_id'),
    )
    .select([
      'r.id',
      'r.person_id',
      'r.case_id',
      'c.household_id',
      'c.unit_id',
      'r.initiator',
      'r.owner_user_id',
      'r.assistance_case_id',
      'r.referred_on',
      'r.intro_day',
      'r.exit_on',
      'r.exit_result',
    ])
    .select(caseVisibleTo(principal).as('visible'))
    .where('r.municipality_id', '=', principal.municipalityId)
    .where('r.id', '=', referralId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  if (!row.visible) throw new AppError('FORBIDDEN');
  audit?.personIds.add(row.person_id);
  audit?.caseIds.add(row.case_id);
  return {
    id: row.id,
    personId: row.person_id,
    caseId: row.case_id,
    householdId: row.household_id,
    unitId: row.unit_id,
    initiator: row.initiator,
    ownerUserId: row.owner_user_id,
    assistanceCaseId: row.assistance_case_id,
    referredOn: row.referred_on,
    introDay: row.intro_day,
    exitOn: row.exit_on,
    exitResult: row.exit_result,
  };
}

/** Refuses changes to a closed referral. */
export function requireOpen(referral: ReferralRef): void {
  if (referral.exitOn) throw new AppError('REFERRAL_CLOSED');
}

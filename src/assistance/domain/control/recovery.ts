/**
 * Recovery (återkrav) of assistance paid on incorrect grounds, with its repayment plan.
 * The provision is the one in force when the recovered assistance was granted, not when the
 * recovery is decided: assistance granted before 1 July 2025 is recovered under SoL 2001:453.
 */
import { provisionOn } from '../law/provisions.ts';

export interface Instalment {
  /** 1, 2, … */
  no: number;
  dueOn: string;
  amountOre: number;
}

/** A plan of more months than this is not a plan: the monthly amount must be raised. */
export const MAX_INSTALMENTS = 600;

export function instalmentCount(amountOre: number, monthlyOre: number): number {
  return Math.ceil(amountOre / monthlyOre);
}

/**
 * Monthly instalments of `monthlyOre` from `firstDueOn`, the last one the remainder. A due day
 * that a month lacks (the 31st, 29 February) falls on that month's last day; the next month
 * returns to the first due day.
 */
export function repaymentPlan(amountOre: number, monthlyOre: number, firstDueOn: string): Instalment[] {
  if (!Number.isInteger(amountOre) || amountOre <= 0)
    throw new RangeError('amountOre must be a positive integer');
  if (!Number.isInteger(monthlyOre) || monthlyOre <= 0 || monthlyOre > amountOre)
    throw new RangeError('monthlyOre must be a positive integer no larger than amountOre');
  const count = instalmentCount(amountOre, monthlyOre);
  if (count > MAX_INSTALMENTS) throw new RangeError(`more than ${MAX_INSTALMENTS} instalments`);
  const [year, month, day] = firstDueOn.split('-').map(Number) as [number, number, number];
  const plan: Instalment[] = [];
  for (let i = 0; i < count; i += 1) {
    const monthIndex = month - 1 + i;
    const y = year + Math.floor(monthIndex / 12);
    const m = (monthIndex % 12) + 1;
    const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const dueOn = `${y}-${String(m).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
    const amount = i === count - 1 ? amountOre - monthlyOre * (count - 1) : monthlyOre;
    plan.push({ no: i + 1, dueOn, amountOre: amount });
  }
  return plan;
}

/** "SFS 2001:453 9 kap. 1 §": the recovery provision in force on the day the assistance was granted. */
export function recoveryProvision(grantedFrom: string): string | undefined {
  const found = provisionOn('recovery', grantedFrom);
  return found ? `SFS ${found.statute.sfs} ${found.ref}` : undefined;
}

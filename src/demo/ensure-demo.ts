/** Fills the demo municipality on first start. */
import type { Database } from '../db/connection.ts';
import type { Clock } from '../shared/clock.ts';
import { swedishToday } from '../shared/clock.ts';
import { generateDemo } from './generate.ts';
import { isDemoLoaded, loadDemo } from './load.ts';

export async function ensureDemo(db: Database, clock: Clock): Promise<boolean> {
  if (await isDemoLoaded(db)) return false;
  await loadDemo(db, generateDemo({ today: swedishToday(clock) }));
  return true;
}

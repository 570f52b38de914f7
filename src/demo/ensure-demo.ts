/** Fills the demo municipality on first start. */
import type { Database } from '../db/connection.ts';
import type { Clock } from '../shared/clock.ts';
import { swedishToday } from '../shared/clock.ts';
import { importDemoKoladaSnapshot } from './followup-benchmark.ts';
import { generateDemo } from './generate.ts';
import { isDemoLoaded, loadDemo } from './load.ts';

/** `tell` hears what happens: the first load writes five years of history and takes a while. */
export async function ensureDemo(
  db: Database,
  clock: Clock,
  tell: (message: string) => void = () => {},
): Promise<boolean> {
  if (await isDemoLoaded(db)) return false;
  const started = Date.now();
  tell('Kedjan: fyller demokommunen Älvstad med fem års historik (bara första gången, under en minut) …');
  await loadDemo(db, generateDemo({ today: swedishToday(clock) }));
  await importDemoKoladaSnapshot(db, clock.now());
  tell(`Kedjan: demokommunen är klar (${Math.round((Date.now() - started) / 1000)} s).`);
  return true;
}

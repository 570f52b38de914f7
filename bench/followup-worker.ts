/**
 * Runs the engine's computation once in a worker thread, so that the bench can give up on it
 * after a time limit (a computation on the main thread cannot be interrupted).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { computeIndicators } from '../src/followup/domain/indicators/compute.ts';
import { INDICATORS } from '../src/followup/domain/indicators/definitions.ts';
import type { Period } from '../src/followup/domain/indicators/periods.ts';
import type { IndicatorRecords } from '../src/followup/domain/indicators/records.ts';

const { records, periods } = workerData as { records: IndicatorRecords; periods: Period[] };
const started = performance.now();
computeIndicators(INDICATORS, records, periods);
parentPort!.postMessage(performance.now() - started);

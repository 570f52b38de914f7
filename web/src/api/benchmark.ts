/** Calls, types and React Query hooks of the comparisons with Kolada and the reconciliation. */
import { useQuery } from '@tanstack/react-query';
import type { BenchmarkPoint, ReconciliationRow } from '../../../src/followup/domain/benchmark/benchmark.ts';
import type { IndicatorUnit } from '../../../src/followup/domain/indicators/definitions.ts';
import { request } from './client.ts';

export type { BenchmarkPoint, IndicatorUnit };

export interface BenchmarkContext {
  municipality: { id: string; name: string; koladaCode: string; koladaName: string | null };
  group: { id: string; title: string; members: { id: string; title: string }[] } | null;
}

export interface BenchmarkSeries {
  indicator: {
    id: string;
    title: string;
    unit: IndicatorUnit;
    koladaId: string;
    koladaTitle: string | null;
    higherIsBetter: boolean | null;
  };
  hasKoladaValues: boolean;
  points: BenchmarkPoint[];
}

export interface BenchmarkList extends BenchmarkContext {
  from: number;
  to: number;
  series: BenchmarkSeries[];
}

export interface ReconciliationItem extends ReconciliationRow {
  title: string;
  unit: IndicatorUnit;
  drilldownPath: string;
}

export interface Reconciliation extends BenchmarkContext {
  year: number;
  rows: ReconciliationItem[];
  summary: { withinRounding: number; differs: number; koladaMissing: number; ownMissing: number };
}

export interface BenchmarkSetting {
  koladaCode: string;
  comparisonGroupId: string | null;
  stored: boolean;
  groups: { id: string; title: string }[];
}

export const benchmarkApi = {
  list: (from: number, to: number) =>
    request<BenchmarkList>('GET', '/followup/benchmark', { query: { from: String(from), to: String(to) } }),
  /** Without a year: the latest past year with Kolada values for our code. */
  reconciliation: (year: number | null) =>
    request<Reconciliation>('GET', '/followup/reconciliation', {
      query: { year: year === null ? undefined : String(year) },
    }),
  setting: () => request<BenchmarkSetting>('GET', '/followup/benchmark-setting'),
  saveSetting: (body: { koladaCode: string | null; comparisonGroupId: string | null }) =>
    request<BenchmarkSetting>('PUT', '/followup/benchmark-setting', { body }),
};

export const benchmarkKeys = {
  all: ['benchmark'] as const,
  list: (from: number, to: number) => ['benchmark', 'list', from, to] as const,
  reconciliation: (year: number | null) => ['benchmark', 'reconciliation', year] as const,
  setting: ['benchmark', 'setting'] as const,
};

export function useBenchmarkList(from: number, to: number) {
  return useQuery({ queryKey: benchmarkKeys.list(from, to), queryFn: () => benchmarkApi.list(from, to) });
}

export function useReconciliation(year: number | null) {
  return useQuery({
    queryKey: benchmarkKeys.reconciliation(year),
    queryFn: () => benchmarkApi.reconciliation(year),
  });
}

export function useBenchmarkSetting(enabled: boolean) {
  return useQuery({ queryKey: benchmarkKeys.setting, queryFn: benchmarkApi.setting, enabled });
}

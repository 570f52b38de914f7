/** Calls, types and React Query hooks of the indicators, their targets and drill-down. */
import { useQuery } from '@tanstack/react-query';
import type { IndicatorUnit } from '../../../src/followup/domain/indicators/definitions.ts';
import { request } from './client.ts';

export type { IndicatorUnit };

export interface Outcome {
  period: string;
  value: number | null;
  suppressed: boolean;
}

export interface Target {
  year: number;
  value: number;
  comment: string | null;
  setBy: string;
  setAt: string;
}

export interface IndicatorItem {
  id: string;
  title: string;
  definition: string;
  source: string;
  unit: IndicatorUnit;
  koladaId: string | null;
  higherIsBetter: boolean | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
  drilldown: 'household' | 'person' | null;
  target: Target | null;
  previous: Outcome;
}

export interface IndicatorList {
  period: string;
  previousPeriod: string;
  indicators: IndicatorItem[];
}

export interface IndicatorSeries {
  id: string;
  title: string;
  unit: IndicatorUnit;
  points: Outcome[];
  targets: { year: number; value: number }[];
}

export interface Count {
  value: number | null;
  suppressed: boolean;
}

export interface Drilldown {
  id: string;
  title: string;
  period: string;
  kind: 'household' | 'person' | null;
  total: Count;
  items:
    | {
        personId: string | null;
        householdId: string | null;
        name: string | null;
        protectedIdentity: boolean;
      }[]
    | null;
  outsideScope: Count | null;
}

const id = (value: string) => encodeURIComponent(value);

export const indicatorsApi = {
  list: (period: string) => request<IndicatorList>('GET', '/followup/indicators', { query: { period } }),
  series: (indicatorId: string, from: string, to: string) =>
    request<IndicatorSeries>('GET', `/followup/indicators/${id(indicatorId)}/series`, {
      query: { from, to, period: 'month' },
    }),
  drilldown: (indicatorId: string, period: string) =>
    request<Drilldown>('GET', `/followup/indicators/${id(indicatorId)}/drilldown`, { query: { period } }),
  setTarget: (indicatorId: string, year: number, body: { value: number; comment: string | null }) =>
    request<Target & { indicatorId: string }>('PUT', `/followup/targets/${id(indicatorId)}/${year}`, {
      body,
    }),
};

export const indicatorKeys = {
  all: ['followup', 'indicators'] as const,
  list: (period: string) => ['followup', 'indicators', 'list', period] as const,
  series: (indicatorId: string, from: string, to: string) =>
    ['followup', 'indicators', 'series', indicatorId, from, to] as const,
  drilldown: (indicatorId: string, period: string) =>
    ['followup', 'indicators', 'drilldown', indicatorId, period] as const,
};

export const useIndicators = (period: string | null) =>
  useQuery({
    queryKey: indicatorKeys.list(period ?? ''),
    queryFn: () => indicatorsApi.list(period!),
    enabled: period !== null,
  });

export const useIndicatorSeries = (indicatorId: string, from: string, to: string) =>
  useQuery({
    queryKey: indicatorKeys.series(indicatorId, from, to),
    queryFn: () => indicatorsApi.series(indicatorId, from, to),
  });

export const useDrilldown = (indicatorId: string, period: string) =>
  useQuery({
    queryKey: indicatorKeys.drilldown(indicatorId, period),
    queryFn: () => indicatorsApi.drilldown(indicatorId, period),
  });

/** The intervention catalogue (insatser), its occupancy overview and waiting lists. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { jsonSerializer, type SerializedJson } from '../../http/serialized-json.ts';
import { catalogues, type Locale } from '../../i18n/catalogue.ts';
import { swedishToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import {
  createIntervention,
  findIntervention,
  listInterventions,
  updateIntervention,
  type InterventionRow,
} from '../db/interventions.ts';
import { occupancyCacheOf } from '../db/occupancy-cache.ts';
import { occupancyRows, type OccupancyRow } from '../db/occupancy.ts';
import { waitingRows } from '../db/placements.ts';
import { loadLabourSettings } from '../db/settings.ts';
import { waitingList } from '../domain/capacity.ts';
import { occupancyOf, occupancyTotals } from '../domain/occupancy.ts';
import { INTERVENTION_KINDS } from '../domain/terms.ts';
import {
  IdParams,
  Intervention,
  InterventionBody,
  InterventionListResponse,
  OccupancyQuery,
  OccupancyResponse,
  WaitingListResponse,
} from './intervention-schemas.ts';

const tags = ['Arbetsmarknadsenheten'];

export function presentIntervention(row: InterventionRow, locale: Locale) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    kindLabel: catalogues[locale].labour.interventionKinds[row.kind],
    workOriented: row.work_oriented,
    targetGroup: row.target_group,
    minAge: row.min_age,
    maxAge: row.max_age,
    maxWeeks: row.max_weeks,
    maxHoursPerWeek: row.max_hours_per_week,
    capacityPerYear: row.capacity_per_year,
    active: row.active,
  };
}

/** The occupancy overview as read, and its response once written in a language. */
interface OccupancyView {
  year: number;
  today: string;
  rows: OccupancyRow[];
  bodies: Map<Locale, SerializedJson<z.output<typeof OccupancyResponse>>>;
}

function presentOccupancy(view: OccupancyView, locale: Locale): z.output<typeof OccupancyResponse> {
  const items = view.rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    kindLabel: catalogues[locale].labour.interventionKinds[row.kind],
    workOriented: row.work_oriented,
    active: row.active,
    ...occupancyOf({
      capacityPerYear: row.capacity_per_year,
      startedInYear: row.started,
      activeNow: row.active_now,
      waiting: row.waiting,
    }),
  }));
  return { year: view.year, today: view.today, items, total: occupancyTotals(items) };
}

export function registerInterventionRoutes(app: FastifyInstance, deps: ServerDeps): void {
  // The occupancy overview is remembered for a moment (db/occupancy-cache.ts). Placements and
  // interventions change only through write requests: any of them, on any route of this server,
  // clears it once its transaction has committed (the handler has returned), before the response
  // goes out — so the writer's next read already sees the change.
  const occupancyCache = occupancyCacheOf<OccupancyView>(deps.db);
  const serializeOccupancy = jsonSerializer(OccupancyResponse);
  app.addHook('onSend', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS')
      occupancyCache.clear();
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/labour/interventions',
    action: 'intervention.list',
    permission: 'labour:read',
    summary: "The unit's intervention catalogue with each intervention's kind and limits",
    tags,
    response: InterventionListResponse,
    handler: async ({ db, principal, locale }) => {
      const [rows, settings] = await Promise.all([
        listInterventions(db, principal.municipalityId),
        loadLabourSettings(db, principal.municipalityId),
      ]);
      return {
        workOrientedMinHours: settings.workOrientedMinHours,
        kinds: INTERVENTION_KINDS.map((kind) => ({
          kind,
          label: catalogues[locale].labour.interventionKinds[kind],
        })),
        items: rows.map((row) => presentIntervention(row, locale)),
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/labour/interventions',
    action: 'intervention.create',
    permission: 'labour:manage',
    summary: 'Add an intervention to the catalogue',
    tags,
    body: InterventionBody,
    response: Intervention,
    status: 201,
    write: true,
    handler: async ({ db, principal, body, locale, now }) => {
      const row = await createIntervention(db, principal.municipalityId, randomUUID(), body, now);
      return presentIntervention(row, locale);
    },
  });

  registerEndpoint(app, deps, {
    method: 'PUT',
    url: '/api/v1/labour/interventions/:id',
    action: 'intervention.update',
    permission: 'labour:manage',
    summary: "Change an intervention's kind, limits and capacity, or stop offering it (active: false)",
    tags,
    params: IdParams,
    body: InterventionBody,
    response: Intervention,
    write: true,
    handler: async ({ db, principal, params, body, locale }) => {
      const row = await updateIntervention(db, principal.municipalityId, params.id, body);
      if (!row) throw new AppError('NOT_FOUND');
      return presentIntervention(row, locale);
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/labour/interventions/occupancy',
    action: 'intervention.occupancy',
    permission: 'labour:read',
    summary:
      'Occupancy per intervention: starts in the year against capacity per year, going on today, waiting, free places',
    tags,
    query: OccupancyQuery,
    response: OccupancyResponse,
    handler: async ({ db, principal, query, locale, now }) => {
      const today = swedishToday({ now: () => now });
      const year = query.year ?? Number(today.slice(0, 4));
      // The same for every user of the municipality: kept with its response, written once per
      // language (the labels) instead of once per request.
      const view = await occupancyCache.get(`${principal.municipalityId}|${year}|${today}`, async () => ({
        year,
        today,
        rows: await occupancyRows(db, principal.municipalityId, year, today),
        bodies: new Map(),
      }));
      let body = view.bodies.get(locale);
      if (!body) {
        body = serializeOccupancy(presentOccupancy(view, locale));
        view.bodies.set(locale, body);
      }
      return body;
    },
  });

  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/labour/interventions/:id/waiting-list',
    action: 'intervention.waiting-list',
    permission: 'labour:read',
    summary:
      "The intervention's waiting list in order (request day, then registration); other units' participants are not named",
    tags,
    params: IdParams,
    response: WaitingListResponse,
    personalData: true,
    handler: async ({ db, principal, params, audit }) => {
      const intervention = await findIntervention(db, principal.municipalityId, params.id);
      if (!intervention) throw new AppError('NOT_FOUND');
      const rows = await waitingRows(db, principal, intervention.id);
      const ordered = waitingList(
        rows.map((row) => ({
          ...row,
          requestedOn: row.requested_on,
          createdAt: new Date(row.created_at).toISOString(),
        })),
      );
      for (const row of ordered) if (row.visible) audit.personIds.add(row.person_id);
      return {
        interventionId: intervention.id,
        name: intervention.name,
        capacityPerYear: intervention.capacity_per_year,
        items: ordered.map((row) => ({
          placementId: row.id,
          position: row.position,
          visible: row.visible,
          referralId: row.visible ? row.referral_id : null,
          personId: row.visible ? row.person_id : null,
          name: row.visible && !row.protected_identity ? `${row.first_name} ${row.last_name}` : null,
          protectedIdentity: row.visible && row.protected_identity,
          requestedOn: row.requested_on,
          startsOn: row.starts_on,
          endsOn: row.ends_on,
          hoursPerWeek: row.hours_per_week,
        })),
      };
    },
  });
}

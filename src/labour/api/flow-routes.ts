/**
 * The information flows about a person between financial assistance and the labour-market unit:
 * per direction, the person's consent or a legal basis, shown on the person page, revocable.
 */
import type { FastifyInstance } from 'fastify';
import { hasPermission } from '../../access/domain/permissions.ts';
import type { ServerDeps } from '../../http/context.ts';
import { registerEndpoint } from '../../http/endpoint.ts';
import { catalogues, type Locale } from '../../i18n/catalogue.ts';
import { swedishToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { loadChainFacts } from '../db/chain-timeline.ts';
import { listFlows, recordFlow, revokeFlow, type FlowRow } from '../db/flow-commands.ts';
import type { FlowDirection } from '../domain/terms.ts';
import {
  FlowListResponse,
  FlowParams,
  FlowResponse,
  NewFlowBody,
  PersonParams,
  RevokeFlowBody,
} from './chain-schemas.ts';

const tags = ['Arbetsmarknadsenheten'];
const DIRECTIONS: readonly FlowDirection[] = ['assistance_to_labour', 'labour_to_assistance'];

function presentFlow(row: FlowRow, today: string, locale: Locale) {
  const labels = catalogues[locale].labour;
  return {
    id: row.id,
    direction: row.direction,
    directionLabel: labels.flowDirections[row.direction],
    basis: row.basis,
    basisLabel: labels.flowBases[row.basis],
    legalReference: row.legal_reference,
    givenOn: row.given_on,
    revokedOn: row.revoked_on,
    standing: row.given_on <= today && (row.revoked_on === null || row.revoked_on > today),
    recordedBy: { id: row.recorded_by, name: row.recorded_by_name },
    revokedBy:
      row.revoked_by && row.revoked_by_name ? { id: row.revoked_by, name: row.revoked_by_name } : null,
  };
}

export function registerFlowRoutes(app: FastifyInstance, deps: ServerDeps): void {
  registerEndpoint(app, deps, {
    method: 'GET',
    url: '/api/v1/people/:personId/information-flows',
    action: 'informationflow.list',
    permission: 'person:read',
    summary:
      "The person's information flows between assistance and the labour-market unit (consent or legal basis), both directions",
    tags,
    params: PersonParams,
    response: FlowListResponse,
    personalData: true,
    handler: async ({ db, principal, params, audit, locale, now }) => {
      const today = swedishToday({ now: () => now });
      audit.personIds.add(params.personId);
      const facts = await loadChainFacts(db, principal, params.personId, today);
      const rows = await listFlows(db, principal.municipalityId, params.personId);
      const items = rows.map((row) => presentFlow(row, today, locale));
      return {
        personId: params.personId,
        separateAuthority: facts.separateAuthority,
        directions: DIRECTIONS.map((direction) => {
          const current = items.find((f) => f.direction === direction && f.revokedOn === null) ?? null;
          return {
            direction,
            label: catalogues[locale].labour.flowDirections[direction],
            standing: facts.flows[direction],
            current,
          };
        }),
        items,
      };
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/people/:personId/information-flows',
    action: 'informationflow.record',
    permission: 'person:read',
    summary:
      "Record the person's consent or a legal basis for a flow (caseworker or labour consultant who sees the person)",
    tags,
    params: PersonParams,
    body: NewFlowBody,
    response: FlowResponse,
    status: 201,
    write: true,
    personalData: true,
    handler: async ({ db, principal, params, body, audit, locale, now }) => {
      const today = swedishToday({ now: () => now });
      audit.personIds.add(params.personId);
      if (
        !hasPermission(principal.roles, 'assistance:write') &&
        !hasPermission(principal.roles, 'labour:write')
      )
        throw new AppError('FORBIDDEN');
      await loadChainFacts(db, principal, params.personId, today);
      const id = await recordFlow(db, {
        municipalityId: principal.municipalityId,
        personId: params.personId,
        direction: body.direction,
        basis: body.basis,
        legalReference: body.legalReference ?? null,
        givenOn: body.givenOn,
        userId: principal.userId,
        today,
        now,
      });
      const row = (await listFlows(db, principal.municipalityId, params.personId)).find((f) => f.id === id)!;
      return presentFlow(row, today, locale);
    },
  });

  registerEndpoint(app, deps, {
    method: 'POST',
    url: '/api/v1/people/:personId/information-flows/:id/revoke',
    action: 'informationflow.revoke',
    permission: 'person:read',
    summary: 'Revoke a consent or legal basis from a day (it is kept, marked revoked)',
    tags,
    params: FlowParams,
    body: RevokeFlowBody,
    response: FlowResponse,
    write: true,
    personalData: true,
    handler: async ({ db, principal, params, body, audit, locale, now }) => {
      const today = swedishToday({ now: () => now });
      audit.personIds.add(params.personId);
      if (
        !hasPermission(principal.roles, 'assistance:write') &&
        !hasPermission(principal.roles, 'labour:write')
      )
        throw new AppError('FORBIDDEN');
      await loadChainFacts(db, principal, params.personId, today);
      await revokeFlow(db, {
        municipalityId: principal.municipalityId,
        personId: params.personId,
        flowId: params.id,
        revokedOn: body.revokedOn,
        userId: principal.userId,
        today,
      });
      const row = (await listFlows(db, principal.municipalityId, params.personId)).find(
        (f) => f.id === params.id,
      )!;
      return presentFlow(row, today, locale);
    },
  });
}

/**
 * The side navigation as a typed registry. Each part of Kedjan (financial assistance, labour
 * market, follow-up, …) adds its entries here; the layout shows the entries the user's
 * permissions allow, grouped and ordered.
 *
 * To add an entry: add the text to src/i18n/{sv,en}/ui.ts (e.g. nav.applications), the route to
 * routes.tsx, and an object to `navEntries` below:
 *   { id: 'applications', group: 'assistance', path: '/ansokningar', order: 10,
 *     label: (t) => t.nav.applications, anyOf: ['application:read'] }
 */
import type { Permission } from './api/types.ts';
import type { UiTexts } from './i18n.ts';

export type NavGroup = 'overview' | 'assistance' | 'labour' | 'followUp' | 'control' | 'admin';

/** The order of the groups in the side navigation; their headings are t.nav.groups[group]. */
export const NAV_GROUPS: readonly NavGroup[] = [
  'overview',
  'assistance',
  'labour',
  'followUp',
  'control',
  'admin',
];

export interface NavEntry {
  /** Unique, stable id (used as React key and in tests). */
  id: string;
  group: NavGroup;
  path: string;
  /** Picks the text from the catalogue, so the entry follows the language. */
  label: (t: UiTexts) => string;
  /** Shown if the user has at least one of these permissions; leave out for every logged-in user. */
  anyOf?: readonly Permission[];
  /** Sorting within the group; lower first. */
  order: number;
  /** Also marked as current on sub-paths (/personer/123 keeps "Personer" current). */
  matchPrefix?: boolean;
}

export const navEntries: NavEntry[] = [
  {
    id: 'followup-report',
    group: 'followUp',
    path: '/uppfoljning/rapport',
    order: 40,
    label: (t) => t.nav.report,
    anyOf: ['followup:read'],
  },
  {
    id: 'followup-target-board',
    group: 'followUp',
    path: '/uppfoljning/maltavla',
    order: 10,
    label: (t) => t.nav.targetBoard,
    anyOf: ['followup:read'],
  },
  {
    id: 'followup-indicators',
    group: 'followUp',
    path: '/uppfoljning/nyckeltal',
    order: 20,
    matchPrefix: true,
    label: (t) => t.nav.indicators,
    anyOf: ['followup:read'],
  },
  {
    id: 'followup-action-plans',
    group: 'followUp',
    path: '/uppfoljning/handlingsplaner',
    order: 50,
    matchPrefix: true,
    label: (t) => t.nav.actionPlans,
    anyOf: ['followup:read'],
  },
  {
    id: 'followup-benchmark',
    group: 'followUp',
    path: '/uppfoljning/jamforelser',
    order: 60,
    label: (t) => t.nav.benchmark,
    anyOf: ['followup:read'],
  },
  {
    id: 'followup-reconciliation',
    group: 'followUp',
    path: '/uppfoljning/avstamning',
    order: 70,
    label: (t) => t.nav.reconciliation,
    anyOf: ['followup:read'],
  },
  {
    id: 'followup-national-statistics',
    group: 'followUp',
    path: '/uppfoljning/statistikleverans',
    order: 80,
    label: (t) => t.nav.nationalStatistics,
    anyOf: ['followup:read'],
  },
  { id: 'start', group: 'overview', path: '/', order: 0, label: (t) => t.nav.start },
  {
    id: 'persons',
    group: 'overview',
    path: '/personer',
    order: 10,
    matchPrefix: true,
    label: (t) => t.nav.persons,
    anyOf: ['person:search'],
  },
  {
    id: 'payment-runs',
    group: 'assistance',
    path: '/ekonomiskt-bistand/utbetalningar',
    order: 10,
    label: (t) => t.nav.payments,
    anyOf: ['payment:prepare'],
  },
  {
    id: 'labour-employments',
    group: 'labour',
    path: '/jobb/anstallningar',
    order: 30,
    label: (t) => t.nav.employments,
    anyOf: ['labour:read'],
  },
  {
    id: 'labour-interventions',
    group: 'labour',
    path: '/jobb/insatser',
    order: 20,
    label: (t) => t.nav.interventions,
    anyOf: ['labour:read'],
  },
  {
    id: 'labour-participants',
    group: 'labour',
    path: '/jobb/deltagare',
    order: 10,
    label: (t) => t.nav.participants,
    anyOf: ['labour:read'],
  },
  {
    id: 'labour-summer-jobs',
    group: 'labour',
    path: '/jobb/feriearbeten',
    order: 50,
    label: (t) => t.nav.summerJobs,
    anyOf: ['labour:read'],
  },
  {
    id: 'investigations',
    group: 'control',
    path: '/kontroll/utredningar',
    order: 20,
    matchPrefix: true,
    label: (t) => t.nav.investigations,
    anyOf: ['investigation:manage'],
  },
  {
    id: 'double-rent',
    group: 'control',
    path: '/kontroll/dubbla-hyror',
    order: 30,
    label: (t) => t.nav.doubleRent,
    anyOf: ['control:read'],
  },
  {
    id: 'audit-log',
    group: 'control',
    path: '/logg',
    order: 10,
    label: (t) => t.nav.auditLog,
    anyOf: ['audit:search'],
  },
  {
    id: 'admin-users',
    group: 'admin',
    path: '/admin/anvandare',
    order: 10,
    label: (t) => t.nav.users,
    anyOf: ['user:manage'],
  },
];

export function hasAnyPermission(
  permissions: readonly string[],
  anyOf: readonly string[] | undefined,
): boolean {
  return !anyOf || anyOf.length === 0 || anyOf.some((permission) => permissions.includes(permission));
}

export interface NavSection {
  group: NavGroup;
  entries: NavEntry[];
}

/** The entries the user may see, grouped in NAV_GROUPS order; empty groups are left out. */
export function visibleNavigation(
  permissions: readonly string[],
  entries: readonly NavEntry[] = navEntries,
): NavSection[] {
  return NAV_GROUPS.map((group) => ({
    group,
    entries: entries
      .filter((entry) => entry.group === group && hasAnyPermission(permissions, entry.anyOf))
      .sort((a, b) => a.order - b.order),
  })).filter((section) => section.entries.length > 0);
}

export function isCurrent(entry: NavEntry, pathname: string): boolean {
  if (pathname === entry.path) return true;
  return Boolean(entry.matchPrefix) && pathname.startsWith(`${entry.path}/`);
}

/**
 * The route table. A route names the permissions that open it (any of); without them the user
 * gets the "Du har inte behörighet" page. The server checks again on every call.
 * Later parts add their pages here (and a nav entry in navigation.ts).
 */
import type { ReactNode } from 'react';
import type { Permission } from './api/types.ts';
import { AdminUsersPage } from './pages/AdminUsersPage.tsx';
import { ApplicationPage } from './pages/ApplicationPage.tsx';
import { AssistanceCasePage } from './pages/AssistanceCasePage.tsx';
import { AuditLogPage } from './pages/AuditLogPage.tsx';
import { DoubleRentPage } from './pages/DoubleRentPage.tsx';
import { InvestigationPage } from './pages/InvestigationPage.tsx';
import { InvestigationsPage } from './pages/InvestigationsPage.tsx';
import { PaymentRunsPage } from './pages/PaymentRunsPage.tsx';
import { PersonPage } from './pages/PersonPage.tsx';
import { PersonSearchPage } from './pages/PersonSearchPage.tsx';
import { EmploymentsPage } from './pages/labour/EmploymentsPage.tsx';
import { InterventionsPage } from './pages/labour/InterventionsPage.tsx';
import { ParticipantsPage } from './pages/labour/ParticipantsPage.tsx';
import { ReferralPage } from './pages/labour/ReferralPage.tsx';
import { SummerJobsPage } from './pages/labour/SummerJobsPage.tsx';
import { StartPage } from './pages/StartPage.tsx';
import { IndicatorDrilldownPage } from './pages/followup/IndicatorDrilldownPage.tsx';
import { IndicatorsPage } from './pages/followup/IndicatorsPage.tsx';
import { TargetBoardPage } from './pages/followup/TargetBoardPage.tsx';
import { BenchmarkPage } from './pages/followup/BenchmarkPage.tsx';
import { ActionPlanPage } from './pages/followup/ActionPlanPage.tsx';
import { ActionPlansPage } from './pages/followup/ActionPlansPage.tsx';
import { ReconciliationPage } from './pages/followup/ReconciliationPage.tsx';
import { NationalStatisticsPage } from './pages/followup/NationalStatisticsPage.tsx';
import { ReportPage } from './pages/followup/ReportPage.tsx';

export interface RouteDef {
  /** '/personer/:id' style; parameters are passed decoded to render. */
  path: string;
  anyOf?: readonly Permission[];
  render: (params: Record<string, string>) => ReactNode;
}

export const routes: RouteDef[] = [
  { path: '/', render: () => <StartPage /> },
  { path: '/personer', anyOf: ['person:search'], render: () => <PersonSearchPage /> },
  {
    path: '/personer/:id',
    anyOf: ['person:read'],
    // Keyed by id so that going from one person to another starts clean (no leftover opened record).
    render: ({ id = '' }) => <PersonPage key={id} id={id} />,
  },
  { path: '/logg', anyOf: ['audit:search'], render: () => <AuditLogPage /> },
  { path: '/admin/anvandare', anyOf: ['user:manage'], render: () => <AdminUsersPage /> },
  {
    path: '/ekonomiskt-bistand/arenden/:caseId',
    anyOf: ['assistance:read'],
    render: ({ caseId = '' }) => <AssistanceCasePage key={caseId} caseId={caseId} />,
  },
  {
    path: '/ekonomiskt-bistand/ansokningar/:id',
    anyOf: ['assistance:read'],
    render: ({ id = '' }) => <ApplicationPage key={id} id={id} />,
  },
  {
    path: '/ekonomiskt-bistand/utbetalningar',
    anyOf: ['payment:prepare'],
    render: () => <PaymentRunsPage />,
  },
  {
    path: '/kontroll/utredningar',
    anyOf: ['investigation:manage'],
    render: () => <InvestigationsPage />,
  },
  {
    path: '/kontroll/utredningar/:id',
    anyOf: ['investigation:manage'],
    render: ({ id = '' }) => <InvestigationPage key={id} id={id} />,
  },
  { path: '/kontroll/dubbla-hyror', anyOf: ['control:read'], render: () => <DoubleRentPage /> },
  { path: '/jobb/deltagare', anyOf: ['labour:read'], render: () => <ParticipantsPage /> },
  { path: '/jobb/insatser', anyOf: ['labour:read'], render: () => <InterventionsPage /> },
  { path: '/jobb/anstallningar', anyOf: ['labour:read'], render: () => <EmploymentsPage /> },
  { path: '/jobb/feriearbeten', anyOf: ['labour:read'], render: () => <SummerJobsPage /> },
  { path: '/uppfoljning/maltavla', anyOf: ['followup:read'], render: () => <TargetBoardPage /> },
  { path: '/uppfoljning/nyckeltal', anyOf: ['followup:read'], render: () => <IndicatorsPage /> },
  {
    path: '/uppfoljning/nyckeltal/:id',
    anyOf: ['followup:read'],
    render: ({ id = '' }) => <IndicatorDrilldownPage key={id} id={id} />,
  },
  { path: '/uppfoljning/rapport', anyOf: ['followup:read'], render: () => <ReportPage /> },
  { path: '/uppfoljning/jamforelser', anyOf: ['followup:read'], render: () => <BenchmarkPage /> },
  { path: '/uppfoljning/handlingsplaner', anyOf: ['followup:read'], render: () => <ActionPlansPage /> },
  {
    path: '/uppfoljning/handlingsplaner/:id',
    anyOf: ['followup:read'],
    render: ({ id = '' }) => <ActionPlanPage key={id} id={id} />,
  },
  { path: '/uppfoljning/avstamning', anyOf: ['followup:read'], render: () => <ReconciliationPage /> },
  {
    path: '/uppfoljning/statistikleverans',
    anyOf: ['followup:read'],
    render: () => <NationalStatisticsPage />,
  },
  {
    path: '/jobb/anvisningar/:id',
    anyOf: ['labour:read'],
    render: ({ id = '' }) => <ReferralPage key={id} id={id} />,
  },
];

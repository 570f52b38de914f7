import type { AccessPurpose } from '../../access/domain/purposes.ts';

/** Why a person's data was opened (shown in log reviews and access reports). */
export const purposes: Record<AccessPurpose, string> = {
  case_handling: 'Handläggning av ärende',
  fraud_investigation: 'Utredning av felaktig utbetalning',
  log_review: 'Loggkontroll',
  access_report: 'Registerutdrag till den enskilde',
  follow_up: 'Uppföljning',
};

/** What was done, per audited action. */
export const auditActions: Record<string, string> = {
  'auth.demo-login': 'Demoinloggning',
  'auth.oidc-login': 'Inloggning',
  'auth.logout': 'Utloggning',
  'session.read': 'Sessionen lästes',
  'person.search': 'Personsökning',
  'person.read': 'Personuppgifter lästes',
  'person.read-protected': 'Skyddad identitet öppnades',
  'person.create': 'Person registrerades',
  'case.list-own': 'Egna ärenden listades',
  'alert.list': 'Larm listades',
  'alert.acknowledge': 'Larm kvitterades',
  'audit.search': 'Loggkontroll',
  'audit.access-report': 'Registerutdrag',
  'stats.overview': 'Statistik lästes',
  'user.list': 'Användare listades',
  'user.create': 'Användare skapades',
  'user.revoke-role': 'Roll togs bort',
  'http.request': 'Anrop',
};

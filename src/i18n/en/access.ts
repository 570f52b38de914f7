import type { purposes as sv } from '../sv/access.ts';

export const purposes: typeof sv = {
  case_handling: 'Case handling',
  fraud_investigation: 'Investigation of an incorrect payment',
  log_review: 'Log review',
  access_report: 'Access report for the individual',
  follow_up: 'Follow-up',
};

export const auditActions: Record<string, string> = {
  'auth.demo-login': 'Demo login',
  'auth.oidc-login': 'Login',
  'auth.logout': 'Logout',
  'session.read': 'Session read',
  'person.search': 'Person search',
  'person.read': 'Personal data read',
  'person.read-protected': 'Protected identity opened',
  'person.create': 'Person registered',
  'case.list-own': 'Own cases listed',
  'alert.list': 'Alerts listed',
  'alert.acknowledge': 'Alert acknowledged',
  'audit.search': 'Log review',
  'audit.access-report': 'Access report',
  'stats.overview': 'Statistics read',
  'user.list': 'Users listed',
  'user.create': 'User created',
  'user.revoke-role': 'Role revoked',
  'http.request': 'Request',
};

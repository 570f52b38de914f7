export { errors, personalNumberReasons, validation } from './errors.ts';
export { ui } from './ui.ts';
export { purposes, auditActions } from './access.ts';
export * as assistance from './assistance.ts';
export * as documents from './documents.ts';
export * as casework from './casework.ts';
export { assistanceUi } from './assistance-ui.ts';
export * as control from './control.ts';

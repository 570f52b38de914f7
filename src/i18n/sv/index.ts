export { errors, personalNumberReasons, validation } from './errors.ts';
export { ui } from './ui.ts';
export { purposes, auditActions } from './access.ts';
export * as assistance from './assistance.ts';
export * as documents from './documents.ts';

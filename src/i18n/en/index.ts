export { errors, personalNumberReasons } from './errors.ts';
export { ui } from './ui.ts';

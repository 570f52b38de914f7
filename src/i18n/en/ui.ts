import type { ui as sv } from '../sv/ui.ts';
import type { DeepStrings } from '../types.ts';

export const ui: DeepStrings<typeof sv> = {
  app: { name: 'Kedjan' },
};

/** Screen texts. Grouped by page; the English file must have the same keys. */
export const ui = {
  app: { name: 'Kedjan' },
} as const;

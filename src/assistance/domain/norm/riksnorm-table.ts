/**
 * The shape of one year's riksnorm as the government publishes it (totals per child age band,
 * per adult household type and per household size). Amounts are whole kronor per month, exactly as
 * published; the tables themselves live in riksnorm-data.ts.
 */
export interface StatuteSource {
  /** e.g. "SFS 2024:1010" */
  sfs: string;
  /** The statute the amending ordinance changed, e.g. "socialtjänstförordningen (2025:468)". */
  statute: string;
  /** The provision that holds the amounts, e.g. "2 kap. 1 §". */
  provision: string;
  /** Where the figures were read (Socialstyrelsen's page or the statute itself). */
  url?: string;
}

export interface ChildBand {
  fromAge: number;
  toAge: number;
  amount: number;
  /** "Utan lunch 5 dagar/vecka": the lower amount for a young child who eats lunch away on weekdays. */
  withoutLunch?: number;
}

export interface RiksnormTable {
  year: number;
  validFrom: string;
  validTo: string;
  source: StatuteSource;
  children: readonly ChildBand[];
  adults: { single: number; cohabiting: number };
  /** Household-common costs for households of 1, 2, … 7 persons (index 0 = one person). */
  commonByHouseholdSize: readonly number[];
}

/**
 * Households of more than seven: each further member adds the difference between seven and six
 * persons (Socialstyrelsen's rule, published with every year's table).
 */
export function commonCosts(table: RiksnormTable, householdSize: number): number {
  const sizes = table.commonByHouseholdSize;
  const largest = sizes.length;
  if (householdSize <= largest) return sizes[householdSize - 1]!;
  const step = sizes[largest - 1]! - sizes[largest - 2]!;
  return sizes[largest - 1]! + step * (householdSize - largest);
}

export function childBand(table: RiksnormTable, age: number): ChildBand | undefined {
  return table.children.find((band) => age >= band.fromAge && age <= band.toAge);
}

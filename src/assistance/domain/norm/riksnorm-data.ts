/**
 * The riksnorm year by year, exactly as the government published it in the ordinance (whole
 * kronor per month). A year is added here when its ordinance is published; a year that is missing
 * is refused rather than guessed. Sources and how they were read: docs/norm.md.
 */
import type { RiksnormTable } from './riksnorm-table.ts';

export const RIKSNORM_TABLES: readonly RiksnormTable[] = [
  {
    year: 2021,
    validFrom: '2021-01-01',
    validTo: '2021-12-31',
    source: {
      sfs: 'SFS 2020:1013',
      statute: 'socialtjänstförordningen (2001:937)',
      provision: '2 kap. 1 §',
      url: 'https://www.lagboken.se/Lagboken/start/sfs/sfs/2020/1000-1099/d_4150301-sfs-2020_1013-forordning-om-andring-i-socialtjanstforordningen-2001_937',
    },
    children: [
      { fromAge: 0, toAge: 0, amount: 2180, withoutLunch: 2050 },
      { fromAge: 1, toAge: 2, amount: 2440, withoutLunch: 2240 },
      { fromAge: 3, toAge: 3, amount: 2170, withoutLunch: 1990 },
      { fromAge: 4, toAge: 6, amount: 2440, withoutLunch: 2170 },
      { fromAge: 7, toAge: 10, amount: 3060 },
      { fromAge: 11, toAge: 14, amount: 3520 },
      { fromAge: 15, toAge: 18, amount: 3970 },
      { fromAge: 19, toAge: 20, amount: 4000 },
    ],
    adults: { single: 3160, cohabiting: 5700 },
    commonByHouseholdSize: [1020, 1130, 1420, 1610, 1860, 2100, 2270],
  },
  {
    year: 2026,
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    source: {
      sfs: 'SFS 2025:1046',
      statute: 'socialtjänstförordningen (2025:468)',
      provision: '12 kap. 2 §',
      url: 'https://svenskforfattningssamling.se/sites/default/files/sfs/2025-05/SFS2025-468.pdf',
    },
    children: [
      { fromAge: 0, toAge: 0, amount: 2740, withoutLunch: 2560 },
      { fromAge: 1, toAge: 2, amount: 3060, withoutLunch: 2800 },
      { fromAge: 3, toAge: 3, amount: 2720, withoutLunch: 2500 },
      { fromAge: 4, toAge: 6, amount: 3060, withoutLunch: 2720 },
      { fromAge: 7, toAge: 10, amount: 3820 },
      { fromAge: 11, toAge: 14, amount: 4390 },
      { fromAge: 15, toAge: 18, amount: 4960 },
      { fromAge: 19, toAge: 20, amount: 5000 },
    ],
    adults: { single: 3940, cohabiting: 7100 },
    commonByHouseholdSize: [1280, 1410, 1790, 2030, 2330, 2640, 2830],
  },
];

export function riksnormForYear(year: number): RiksnormTable | undefined {
  return RIKSNORM_TABLES.find((table) => table.year === year);
}

export const RIKSNORM_YEARS: readonly number[] = RIKSNORM_TABLES.map((table) => table.year);

/** Comparisons with Kolada: /uppfoljning/jamforelser and /uppfoljning/avstamning (English). */
import type { DeepStrings } from '../types.ts';
import type { benchmarkUi as sv } from '../sv/benchmark-ui.ts';

export const benchmarkUi: DeepStrings<typeof sv> = {
  missing: '..',
  missingTitle: 'No value',
  suppressed: '–',
  suppressedTitle: 'Fewer than 5 persons or households: not shown',
  units: {
    percent: '{value} %',
    count: '{value}',
    kr_per_inhabitant: 'SEK {value} per inhabitant',
    kr_per_household: 'SEK {value} per household',
    kr: 'SEK {value}',
    fte: '{value} FTE',
  },
  comparisons: {
    title: 'Comparisons with Kolada',
    intro:
      'Our indicators year by year beside similar municipalities, all municipalities (unweighted mean) and the country. Our own values are computed from Kedjan’s records; the others come from Kolada.',
    from: 'From year',
    to: 'To year',
    show: 'Show',
    rangeInvalid: 'Enter two years, the first not later than the second.',
    koladaCode: 'Municipality code in Kolada: {code} ({name})',
    koladaCodeUnknown: 'Municipality code in Kolada: {code}',
    group: 'Comparison group: {group}',
    noGroup: 'No comparison group is chosen.',
    chartLabel: 'Chart: {indicator}',
    tableCaption: '{indicator}: values year by year',
    year: 'Year',
    series: {
      own: '{name} (Kedjan)',
      ownKolada: '{name} in Kolada',
      group: 'Similar municipalities',
      allMunicipalities: 'All municipalities (unweighted mean)',
      allAsCountry: 'All municipalities (country value)',
      country: 'Country',
    },
    koladaId: 'Kolada id {id}',
    notes: {
      allAsCountry:
        'The values of all municipalities are not imported for {years}: there “All municipalities” shows the country’s value.',
      groupFromMembers:
        'The group’s mean for {years} is computed here from the members’ values that are imported.',
      ownSuppressed: 'Our value for {years} rests on fewer than 5 and is not shown.',
    },
    withoutKolada: 'Indicators without values in Kolada for the period: {list}.',
    noKolada: 'No Kolada values exist for the period. Import them with npx kedjan kolada import.',
    setting: {
      title: 'Compare with',
      koladaCode: 'Our municipality code in Kolada (four digits)',
      group: 'Comparison group',
      noGroup: 'No group',
      submit: 'Save',
      saved: 'The setting is saved.',
      codeInvalid: 'Enter four digits (not 0000).',
    },
  },
  reconciliation: {
    title: 'Reconciliation with Kolada',
    intro:
      'Our computed values beside Kolada’s published ones for a past year. Differences larger than rounding are marked; follow the link to see what lies behind our value.',
    year: 'Year',
    show: 'Show',
    yearInvalid: 'Enter a past year.',
    comparedWith: 'Kolada’s values for {name} ({code}).',
    summary: '{differs} differ, {within} within rounding, {missing} without comparison.',
    caption: 'Reconciliation with Kolada {year}',
    indicator: 'Indicator',
    koladaId: 'Kolada id',
    own: 'Our value',
    kolada: 'Kolada’s value',
    difference: 'Difference',
    relative: 'Difference in %',
    verdict: 'Verdict',
    explain: 'Basis',
    explainLink: 'Show basis',
    explainLabel: 'Show the basis of {indicator} {year}',
    verdicts: {
      within_rounding: 'Within rounding',
      differs: 'Differs',
      kolada_missing: 'Missing in Kolada',
      own_missing: 'Own value missing',
    },
    tolerance: 'Rounding explains at most {tolerance}.',
  },
};

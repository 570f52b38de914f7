/**
 * Screen texts of the comparisons with Kolada: /uppfoljning/jamforelser (charts and tables year by
 * year) and /uppfoljning/avstamning (our computed values beside Kolada's published ones).
 */
export const benchmarkUi = {
  missing: '..',
  missingTitle: 'Uppgift saknas',
  suppressed: '–',
  suppressedTitle: 'Färre än 5 personer eller hushåll: visas inte',
  units: {
    percent: '{value} %',
    count: '{value}',
    kr_per_inhabitant: '{value} kr/invånare',
    kr_per_household: '{value} kr/hushåll',
    kr: '{value} kr',
    fte: '{value} åa',
  },
  comparisons: {
    title: 'Jämförelser med Kolada',
    intro:
      'Våra nyckeltal år för år bredvid liknande kommuner, alla kommuner (ovägt medelvärde) och riket. Våra egna värden räknas fram ur Kedjans register; övriga värden kommer från Kolada.',
    from: 'Från år',
    to: 'Till år',
    show: 'Visa',
    rangeInvalid: 'Ange två år, det första inte senare än det andra.',
    koladaCode: 'Kommunkod i Kolada: {code} ({name})',
    koladaCodeUnknown: 'Kommunkod i Kolada: {code}',
    group: 'Jämförelsegrupp: {group}',
    noGroup: 'Ingen jämförelsegrupp är vald.',
    chartLabel: 'Diagram: {indicator}',
    tableCaption: '{indicator}: värden år för år',
    year: 'År',
    series: {
      own: '{name} (Kedjan)',
      ownKolada: '{name} i Kolada',
      group: 'Liknande kommuner',
      allMunicipalities: 'Alla kommuner (ovägt medel)',
      allAsCountry: 'Alla kommuner (rikets värde)',
      country: 'Riket',
    },
    koladaId: 'Kolada-id {id}',
    notes: {
      allAsCountry:
        'Alla kommuners värden är inte importerade för {years}: där visar ”Alla kommuner” rikets värde.',
      groupFromMembers:
        'Gruppens medelvärde för {years} är räknat här ur de medlemmars värden som finns importerade.',
      ownSuppressed: 'Vårt värde för {years} vilar på färre än 5 och visas inte.',
    },
    withoutKolada: 'Nyckeltal utan värden i Kolada för perioden: {list}.',
    noKolada: 'Inga värden från Kolada finns för perioden. Importera med npx kedjan kolada import.',
    setting: {
      title: 'Jämför med',
      koladaCode: 'Vår kommunkod i Kolada (fyra siffror)',
      group: 'Jämförelsegrupp',
      noGroup: 'Ingen grupp',
      submit: 'Spara',
      saved: 'Inställningen är sparad.',
      codeInvalid: 'Ange fyra siffror (inte 0000).',
    },
  },
  reconciliation: {
    title: 'Avstämning mot Kolada',
    intro:
      'Våra framräknade värden bredvid Koladas publicerade för ett avslutat år. Skillnader som är större än avrundning markeras; följ länken för att se underlaget bakom vårt värde.',
    year: 'År',
    show: 'Visa',
    yearInvalid: 'Ange ett avslutat år.',
    comparedWith: 'Koladas värden för {name} ({code}).',
    summary: '{differs} avviker, {within} inom avrundning, {missing} utan jämförelse.',
    caption: 'Avstämning mot Kolada {year}',
    indicator: 'Nyckeltal',
    koladaId: 'Kolada-id',
    own: 'Vårt värde',
    kolada: 'Koladas värde',
    difference: 'Skillnad',
    relative: 'Skillnad i %',
    verdict: 'Bedömning',
    explain: 'Underlag',
    explainLink: 'Visa underlag',
    explainLabel: 'Visa underlag för {indicator} {year}',
    verdicts: {
      within_rounding: 'Inom avrundning',
      differs: 'Avviker',
      kolada_missing: 'Saknas i Kolada',
      own_missing: 'Eget värde saknas',
    },
    tolerance: 'Avrundning förklarar högst {tolerance}.',
  },
};

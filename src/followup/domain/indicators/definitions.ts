/**
 * The indicators Kedjan computes from its own records, as data: each has a Swedish title, the
 * definition in words, its unit, the formula that computes it (formulas.ts), the matching Kolada
 * id where there is one, and the source of the definition. The definitions follow Socialstyrelsen's
 * statistics on financial assistance (individual-based statistics, HSLF-FS 2015:30) and Kolada's
 * KPI titles (../shared/reference/kolada.json, from Kolada's KPI list), so that our numbers mean
 * what theirs mean. Where Kolada's own definition text could not be read here, the definition
 * says so, and it must be checked against Kolada's metadata before publication.
 */
export type IndicatorUnit = 'percent' | 'count' | 'kr_per_inhabitant' | 'kr_per_household' | 'kr' | 'fte';

export type FormulaKey =
  | 'inhabitants_share'
  | 'households'
  | 'adults'
  | 'long_term_adults_share'
  | 'very_long_term_adults_share'
  | 'long_term_households'
  | 'not_reactualised_share'
  | 'children_share'
  | 'young_adults_share'
  | 'reason_unemployment_share'
  | 'reason_ill_health_share'
  | 'reason_social_share'
  | 'paid_per_inhabitant'
  | 'paid_per_household'
  | 'referrals_employment_service_share'
  | 'referrals_employment_service_with_social_services_share'
  | 'referrals_social_insurance_share'
  | 'referrals_individual_share'
  | 'referrals_social_services_share'
  | 'exits_work_or_studies_share'
  | 'exits_other_authority_share'
  | 'subsidised_persons'
  | 'subsidised_fte'
  | 'exchange_net_cost'
  | 'long_term_households_closed'
  | 'households_inflow'
  | 'households_outflow';

export interface IndicatorDefinition {
  id: string;
  title: { sv: string; en: string };
  definition: string;
  unit: IndicatorUnit;
  formula: FormulaKey;
  koladaId: string | null;
  /** Whether a higher value is better (for colouring against targets); null = neither. */
  higherIsBetter: boolean | null;
  source: string;
  validFrom: string;
}

const SOS = 'Socialstyrelsen, statistik om ekonomiskt bistånd (HSLF-FS 2015:30)';
const KOLADA = 'Kolada (RKA), KPI-förteckning';
const VALID = '2016-01-01';

const def = (
  id: string,
  sv: string,
  en: string,
  definition: string,
  unit: IndicatorUnit,
  formula: FormulaKey,
  koladaId: string | null,
  higherIsBetter: boolean | null,
  source: string,
): IndicatorDefinition => ({
  id,
  title: { sv, en },
  definition,
  unit,
  formula,
  koladaId,
  higherIsBetter,
  source,
  validFrom: VALID,
});

export const INDICATORS: readonly IndicatorDefinition[] = [
  def(
    'inhabitants_with_assistance_share',
    'Invånare som någon gång under perioden fått ekonomiskt bistånd, andel (%)',
    'Inhabitants who received financial assistance during the period, share (%)',
    'Personer (vuxna och barn) i hushåll med utbetalt ekonomiskt bistånd för någon månad i perioden, delat med antalet invånare 31 december periodens år.',
    'percent',
    'inhabitants_share',
    'N31807',
    false,
    `${KOLADA}; ${SOS}`,
  ),
  def(
    'households_with_assistance',
    'Hushåll med ekonomiskt bistånd, antal',
    'Households with financial assistance, count',
    'Hushåll med utbetalt ekonomiskt bistånd för minst en månad i perioden.',
    'count',
    'households',
    null,
    false,
    SOS,
  ),
  def(
    'adults_with_assistance',
    'Vuxna biståndsmottagare, antal',
    'Adult recipients, count',
    'Sökande och medsökande (18 år och äldre) i hushåll med utbetalt ekonomiskt bistånd för minst en månad i perioden.',
    'count',
    'adults',
    null,
    false,
    SOS,
  ),
  def(
    'long_term_adults_share',
    'Vuxna biståndsmottagare med långvarigt ekonomiskt bistånd, andel (%)',
    'Adult recipients with long-term assistance, share (%)',
    'Vuxna med bistånd i 10–12 av de 12 månader som slutar med periodens sista månad (för ett år: kalenderåret), delat med vuxna med bistånd under samma 12 månader.',
    'percent',
    'long_term_adults_share',
    'N31814',
    false,
    `${KOLADA}; ${SOS} (långvarigt bistånd: 10–12 månader under kalenderåret)`,
  ),
  def(
    'very_long_term_adults_share',
    'Vuxna biståndsmottagare med mycket långvarigt ekonomiskt bistånd, andel (%)',
    'Adult recipients with very long-term assistance, share (%)',
    'Vuxna med bistånd i minst 27 av de 30 månader som slutar med periodens sista månad, delat med vuxna med bistånd under de 12 månader som slutar med periodens sista månad. Gränsen 27 av 30 månader ska stämmas av mot Koladas definition av U31801.',
    'percent',
    'very_long_term_adults_share',
    'U31801',
    false,
    `${KOLADA} (definitionstexten kunde inte läsas; gränsen att kontrollera)`,
  ),
  def(
    'long_term_households',
    'Hushåll med bistånd i mer än tio månader under året, antal',
    'Households with assistance for ten months or more in the year, count',
    'Hushåll med utbetalt bistånd i minst 10 av de 12 månader som slutar med periodens sista månad (Borås måltal: långvariga ärenden).',
    'count',
    'long_term_households',
    null,
    false,
    'Borås stad, Arbetslivsnämnden, tertialrapport 2 2017 (seed 003)',
  ),
  def(
    'not_reactualised_share',
    'Ej återaktualiserade vuxna ett år efter avslutat bistånd, andel (%)',
    'Adults not re-actualised one year after exit, share (%)',
    'Vuxna vars bistånd upphörde (sista månad med bistånd, följd av en månad utan) under de 12 månader som slutar ett år före periodens slut, och som inte fått bistånd någon av de 12 månaderna efter sista månaden, delat med alla sådana vuxna. En ny biståndsmånad exakt 12 månader efter räknas som återaktualisering.',
    'percent',
    'not_reactualised_share',
    'U31462',
    true,
    `${KOLADA}; ${SOS}`,
  ),
  def(
    'children_in_households_share',
    'Barn i befolkningen som ingår i familjer med ekonomiskt bistånd, andel (%)',
    'Children in households with assistance, share of all children (%)',
    'Barn 0–17 år (ålder vid periodens slut) i hushåll med utbetalt bistånd någon månad i perioden, delat med invånare 0–17 år.',
    'percent',
    'children_share',
    'U31803',
    false,
    KOLADA,
  ),
  def(
    'young_adults_share',
    'Unga vuxna med ekonomiskt bistånd, andel (%)',
    'Young adults with financial assistance, share (%)',
    'Personer 18–24 år (ålder vid periodens slut) i hushåll med utbetalt bistånd någon månad i perioden, delat med invånare 18–24 år.',
    'percent',
    'young_adults_share',
    'U31804',
    false,
    KOLADA,
  ),
  def(
    'reason_unemployment_share',
    'Vuxna biståndsmottagare med försörjningshinder arbetslöshet, andel (%)',
    'Adult recipients whose reason is unemployment, share (%)',
    'Vuxna biståndsmottagare vars försörjningshinder den sista biståndsmånaden i perioden hör till gruppen arbetslöshet, delat med alla vuxna biståndsmottagare i perioden.',
    'percent',
    'reason_unemployment_share',
    'U31805',
    null,
    `${KOLADA}; HSLF-FS 2015:30 bilaga 1`,
  ),
  def(
    'reason_ill_health_share',
    'Vuxna biståndsmottagare med försörjningshinder sjukdom och ohälsa, andel (%)',
    'Adult recipients whose reason is ill health, share (%)',
    'Som ovan, gruppen sjukdom och ohälsa.',
    'percent',
    'reason_ill_health_share',
    'U31806',
    null,
    `${KOLADA}; HSLF-FS 2015:30 bilaga 1`,
  ),
  def(
    'reason_social_share',
    'Vuxna biståndsmottagare med försörjningshinder sociala skäl, andel (%)',
    'Adult recipients whose reason is social, share (%)',
    'Som ovan, gruppen sociala skäl.',
    'percent',
    'reason_social_share',
    'U31807',
    null,
    `${KOLADA}; HSLF-FS 2015:30 bilaga 1`,
  ),
  def(
    'paid_per_inhabitant',
    'Utbetalt ekonomiskt bistånd, kr per invånare',
    'Financial assistance paid, SEK per inhabitant',
    'Summan av utbetalt bistånd för periodens månader, delat med antalet invånare.',
    'kr_per_inhabitant',
    'paid_per_inhabitant',
    'U31030',
    false,
    KOLADA,
  ),
  def(
    'paid_per_household',
    'Utbetalt ekonomiskt bistånd per hushåll, kr',
    'Financial assistance paid per household, SEK',
    'Summan av utbetalt bistånd för periodens månader, delat med antalet hushåll med bistånd i perioden.',
    'kr_per_household',
    'paid_per_household',
    'N31006',
    null,
    KOLADA,
  ),
  def(
    'referrals_employment_service_share',
    'Anvisningar initierade av Arbetsförmedlingen, andel (%)',
    'Referrals initiated by the Public Employment Service, share (%)',
    'Anvisningar till arbetsmarknadsenheten i perioden som initierats av Arbetsförmedlingen, delat med alla anvisningar i perioden.',
    'percent',
    'referrals_employment_service_share',
    'U40806',
    null,
    KOLADA,
  ),
  def(
    'referrals_employment_service_with_social_services_share',
    'Anvisningar initierade av Arbetsförmedlingen i samverkan med socialtjänsten, andel (%)',
    'Referrals initiated by the Public Employment Service with social services, share (%)',
    'Som ovan, initierade av Arbetsförmedlingen i samverkan med socialtjänsten.',
    'percent',
    'referrals_employment_service_with_social_services_share',
    'U40824',
    null,
    KOLADA,
  ),
  def(
    'referrals_social_insurance_share',
    'Anvisningar initierade av Försäkringskassan, andel (%)',
    'Referrals initiated by the Social Insurance Agency, share (%)',
    'Som ovan, initierade av Försäkringskassan.',
    'percent',
    'referrals_social_insurance_share',
    'U40807',
    null,
    KOLADA,
  ),
  def(
    'referrals_individual_share',
    'Anvisningar initierade av individen själv, andel (%)',
    'Referrals initiated by the individual, share (%)',
    'Som ovan, initierade av den enskilde.',
    'percent',
    'referrals_individual_share',
    'U40808',
    null,
    KOLADA,
  ),
  def(
    'referrals_social_services_share',
    'Anvisningar initierade av socialtjänsten, andel (%)',
    'Referrals initiated by social services, share (%)',
    'Som ovan, initierade av socialtjänsten.',
    'percent',
    'referrals_social_services_share',
    'U40809',
    null,
    KOLADA,
  ),
  def(
    'exits_work_or_studies_share',
    'Avslut i arbetsmarknadsverksamheten till arbete eller studier, andel (%)',
    'Exits from the labour-market unit to work or studies, share (%)',
    'Deltagare som avslutats i perioden och börjat arbeta (med eller utan stöd) eller studera, delat med alla avslutade deltagare i perioden.',
    'percent',
    'exits_work_or_studies_share',
    'U40455',
    true,
    KOLADA,
  ),
  def(
    'exits_other_authority_share',
    'Avslut i arbetsmarknadsverksamheten till annan myndighet, andel (%)',
    'Exits from the labour-market unit to another authority, share (%)',
    'Deltagare som avslutats i perioden och överförts till annan myndighet (Försäkringskassan, Arbetsförmedlingen, hälso- och sjukvården), delat med alla avslutade deltagare.',
    'percent',
    'exits_other_authority_share',
    'U40412',
    null,
    KOLADA,
  ),
  def(
    'subsidised_employment_persons',
    'Personer i kommunala arbetsmarknadsanställningar, antal',
    'People in subsidised employment, count',
    'Personer med en påbörjad arbetsmarknadsanställning någon dag i perioden.',
    'count',
    'subsidised_persons',
    null,
    true,
    'Borås stad, tertialrapport 2 2017 (seed 003)',
  ),
  def(
    'subsidised_employment_fte',
    'Årsarbetare i kommunala arbetsmarknadsanställningar',
    'Full-time equivalents in subsidised employment',
    'Summan över anställningarna av andelen av periodens dagar som anställningen pågick gånger timmar per vecka delat med 40.',
    'fte',
    'subsidised_fte',
    'U40403',
    true,
    KOLADA,
  ),
  def(
    'exchange_benefit_for_wage_net_cost',
    'Växla bidrag mot lön, nettokostnad (kr)',
    'Exchange benefit for wage, net cost (SEK)',
    'Lönekostnad minus statligt stöd för anställningarnas dagar i perioden (månadsbelopp fördelade per dag).',
    'kr',
    'exchange_net_cost',
    null,
    null,
    'Borås stad, tertialrapport 2 2017 (seed 003): Växla bidrag mot lön',
  ),
  def(
    'long_term_households_closed',
    'Avslutade långvariga ärenden, antal',
    'Long-term cases closed, count',
    'Hushåll vars bistånd upphörde i en av periodens månader (bistånd månaden före, inget den månaden) och som hade bistånd i minst 10 av de 12 månader som slutar med den sista biståndsmånaden. Månader efter innevarande månad räknas inte.',
    'count',
    'long_term_households_closed',
    null,
    true,
    'Borås stad, Arbetslivsnämnden, tertialrapport 2 2017 (seed 003): avslutade långvariga ärenden',
  ),
  def(
    'households_inflow',
    'Nya hushåll med ekonomiskt bistånd (inflöde), antal',
    'New households with financial assistance (inflow), count',
    'Hushåll med utbetalt bistånd för en av periodens månader och inget för månaden före (en första biståndsmånad, eller den första efter minst en månad utan).',
    'count',
    'households_inflow',
    null,
    false,
    `Borås stad, tertialrapport 2 2017 (seed 003): inflöde; avgränsning som ${SOS}`,
  ),
  def(
    'households_outflow',
    'Hushåll som lämnat ekonomiskt bistånd (utflöde), antal',
    'Households that left financial assistance (outflow), count',
    'Hushåll med utbetalt bistånd för månaden före en av periodens månader och inget för den månaden. Månader efter innevarande månad räknas inte.',
    'count',
    'households_outflow',
    null,
    true,
    `Borås stad, tertialrapport 2 2017 (seed 003): utflöde; avgränsning som ${SOS}`,
  ),
];

export function indicatorById(id: string): IndicatorDefinition | undefined {
  return INDICATORS.find((indicator) => indicator.id === id);
}

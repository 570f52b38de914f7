/** Texts of the financial-assistance part: norm receipt, items, decisions, payments. */
import type { CostType, IncomeType, MemberRole } from '../../assistance/domain/norm/items.ts';
import type { NormLineCode } from '../../assistance/domain/norm/calculate-norm.ts';

export const costTypes: Record<CostType, string> = {
  rent: 'Boendekostnad',
  electricity: 'Hushållsel',
  homeInsurance: 'Hemförsäkring',
  workTravel: 'Arbetsresor',
  unionFee: 'Fackföreningsavgift',
  unemploymentFundFee: 'Avgift till a-kassa',
  childcare: 'Barnomsorgsavgift',
  medical: 'Läkarvård',
  medicine: 'Medicin',
  dental: 'Tandvård',
  glasses: 'Glasögon',
  other: 'Övrigt',
};

export const incomeTypes: Record<IncomeType, string> = {
  salary: 'Lön',
  unemploymentBenefit: 'Arbetslöshetsersättning (a-kassa)',
  sicknessBenefit: 'Sjukpenning',
  parentalBenefit: 'Föräldrapenning',
  childBenefit: 'Barnbidrag',
  housingAllowance: 'Bostadsbidrag',
  maintenanceSupport: 'Underhållsstöd',
  activityCompensation: 'Sjuk- eller aktivitetsersättning',
  pension: 'Pension',
  studentAid: 'Studiemedel (CSN)',
  establishmentBenefit: 'Etableringsersättning',
  other: 'Övrig inkomst',
};

export const memberRoles: Record<MemberRole, string> = {
  applicant: 'Sökande',
  partner: 'Make/maka/sambo',
  child: 'Barn',
  otherAdult: 'Annan vuxen i hushållet',
};

export const riksnormCitation = '{provision} {statute} i lydelse enligt {sfs}';

export const normSections = {
  riksnorm: 'Riksnorm',
  cost: 'Skäliga kostnader',
  income: 'Inkomster',
  total: 'Försörjningsstöd att betala',
  balance: 'Överskott',
};

/** One receipt line's label; {age}, {size}, {included}, {item} are filled in. */
export const normLines: Record<NormLineCode, string> = {
  child: 'Barn {age} år',
  childWithoutLunch: 'Barn {age} år, utan lunch 5 dagar/vecka',
  singleAdult: 'Vuxen, ensamstående',
  cohabitingAdults: 'Vuxna, sammanboende',
  otherAdult: 'Vuxen i hushållsgemenskap utan att vara sambo',
  commonCosts: 'Gemensamma hushållskostnader, {size} personer',
  commonCostsShare: 'Gemensamma hushållskostnader, {included} av {size} personer',
  cost: '{item}',
  costCapped: '{item} (ansökt {applied}, skälig nivå {limit})',
  income: '{item}',
  incomeJobStimulus: '{item} (jobbstimulans: {disregarded} räknas inte)',
};

/** Why the line is there: the rule, with its source filled in as {source}. */
export const normRules: Record<NormLineCode, string> = {
  child: 'Personliga kostnader per barn i åldern, riksnormen {year} ({source})',
  childWithoutLunch:
    'Personliga kostnader per barn som äter lunch utanför hemmet, riksnormen {year} ({source})',
  singleAdult: 'Personliga kostnader för ensamstående vuxen, riksnormen {year} ({source})',
  cohabitingAdults: 'Personliga kostnader för sammanboende vuxna, riksnormen {year} ({source})',
  otherAdult:
    'Vuxen som delar hushåll utan att vara sambo: personliga kostnader som ensamstående, riksnormen {year} ({source})',
  commonCosts: 'Gemensamma hushållskostnader efter hushållets storlek, riksnormen {year} ({source})',
  commonCostsShare:
    'Hushållets andel av de gemensamma kostnaderna: kostnaden för hela hushållet delad med antalet medlemmar, riksnormen {year} ({source})',
  cost: 'Skälig faktisk kostnad ({source})',
  costCapped: 'Skälig kostnad enligt kommunens riktlinje ({source})',
  income: 'Alla inkomster räknas av ({source})',
  incomeJobStimulus: '25 procent av inkomst av anställning räknas inte (jobbstimulans, {source})',
};

/** Why a decision could not be saved (DECISION_RULE). */
export const decisionRules = {
  granted_above_applied: 'beviljat belopp kan inte vara högre än det ansökta',
  reason_required: 'en post som inte beviljas helt behöver ett skäl',
  unknown_line: 'raden finns inte i ansökan',
  pay_on_after_month: 'utbetalningsdagen ska ligga i eller före ansökningsmånaden',
  supersedes_other_application: 'ett ändrat beslut ska gälla samma ansökan som det beslut det ersätter',
  supersedes_paid: 'beslutet har redan betalats ut; en ändring görs som ett tilläggsbeslut på en ny ansökan',
  payee_not_member: 'betalningsmottagaren ska vara sökande eller make/maka/sambo i ansökan',
};

/** The text on the payee's bank statement (the bank file is always in Swedish). */
export const bankFileRemittance = 'Ekonomiskt bistånd';

export const weekdays = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'];

export const conditions = {
  practice: 'Villkor att delta i anvisad praktik',
  skills_activity: 'Villkor att delta i anvisad kompetenshöjande verksamhet',
};

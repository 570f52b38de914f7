/**
 * The forms of subsidised employment (arbetsmarknadsanställningar) as dated data: whether time in
 * the form counts towards the work condition of unemployment insurance (a-kassegrundande), the
 * usual and longest length of one employment, and the usual share of the salary cost the state
 * pays. Forms come and go with the labour-market policy of the year, so each has a validity.
 *
 * Sources: seed 000 (Uppsala 2020, "Arbetsmarknadsanställningar": nystartsjobb counts towards
 * a-kassa, extratjänst and introduktionsjobb do not), seed 003 (Borås T2 2017, employment forms of
 * Jobb Borås and the rule that the last employment must qualify), Förordning (2018:42) om
 * särskilda insatser för personer med funktionsnedsättning som påverkar arbetsförmågan (lönebidrag,
 * trygghetsanställning, utvecklingsanställning, OSA), Förordning (2018:43) om stöd för
 * nystartsjobb, Förordning (2015:503) om statligt stöd för extratjänster, Förordning (2020:1258)
 * om introduktionsjobb, Förordning (1997:1275) om anställningsstöd (särskilt anställningsstöd,
 * instegsjobb), and 13 a § lagen (1997:238) om arbetslöshetsförsäkring (employments with support
 * that do not count). The support shares are the usual levels and vary with the person's
 * circumstances; a decision of Arbetsförmedlingen states the actual amount, which is what Kedjan
 * records per employment.
 */
export interface EmploymentForm {
  code: string;
  /** Counts towards the work condition of unemployment insurance. */
  qualifiesForUnemploymentInsurance: boolean;
  usualMonths: number;
  /** The longest one employment may last before it must be extended or end. */
  maxMonths: number;
  /** Usual share of the salary cost paid by the state (0–1). */
  usualSupportShare: number;
  validFrom: string;
  validTo: string | null;
  source: string;
}

const AF = 'Arbetsförmedlingen';

export const EMPLOYMENT_FORMS: readonly EmploymentForm[] = [
  {
    code: 'trygghetsanstallning',
    qualifiesForUnemploymentInsurance: false,
    usualMonths: 12,
    maxMonths: 60,
    usualSupportShare: 0.8,
    validFrom: '2018-01-01',
    validTo: null,
    source: 'SFS 2018:42; SFS 1997:238 13 a §',
  },
  {
    code: 'osa',
    qualifiesForUnemploymentInsurance: false,
    usualMonths: 12,
    maxMonths: 12,
    usualSupportShare: 0.8,
    validFrom: '2018-01-01',
    validTo: null,
    source: 'SFS 2018:42 (offentligt skyddat arbete); SFS 1997:238 13 a §',
  },
  {
    code: 'extratjanst',
    qualifiesForUnemploymentInsurance: false,
    usualMonths: 12,
    maxMonths: 12,
    usualSupportShare: 1,
    validFrom: '2015-11-01',
    // paused for new employments in 2019 and reinstated; still decided by Arbetsförmedlingen
    validTo: null,
    source: 'SFS 2015:503; seed 000 (does not qualify for a-kassa)',
  },
  {
    code: 'sarskilt_anstallningsstod',
    qualifiesForUnemploymentInsurance: false,
    usualMonths: 6,
    maxMonths: 12,
    usualSupportShare: 0.85,
    validFrom: '1997-12-01',
    validTo: null,
    source: 'SFS 1997:1275; SFS 1997:238 13 a §',
  },
  {
    code: 'utvecklingsanstallning',
    qualifiesForUnemploymentInsurance: false,
    usualMonths: 12,
    maxMonths: 12,
    usualSupportShare: 0.8,
    validFrom: '2018-01-01',
    validTo: null,
    source: 'SFS 2018:42; SFS 1997:238 13 a §',
  },
  {
    code: 'nystartsjobb',
    qualifiesForUnemploymentInsurance: true,
    usualMonths: 12,
    maxMonths: 12,
    usualSupportShare: 0.3,
    validFrom: '2018-01-01',
    validTo: null,
    source:
      'SFS 2018:43; seed 000 (qualifies for a-kassa); seed 003 (Borås: follow an extratjänst with a nystartsjobb)',
  },
  {
    code: 'lonebidrag',
    qualifiesForUnemploymentInsurance: false,
    usualMonths: 12,
    maxMonths: 12,
    usualSupportShare: 0.8,
    validFrom: '2018-01-01',
    validTo: null,
    source: 'SFS 2018:42; SFS 1997:238 13 a §',
  },
  {
    code: 'instegsjobb',
    qualifiesForUnemploymentInsurance: true,
    usualMonths: 12,
    maxMonths: 24,
    usualSupportShare: 0.8,
    validFrom: '2007-07-01',
    validTo: null,
    source: `SFS 1997:1275 (anställningsstöd, instegsjobb); ${AF}`,
  },
  {
    code: 'introduktionsjobb',
    qualifiesForUnemploymentInsurance: false,
    usualMonths: 12,
    maxMonths: 12,
    usualSupportShare: 0.85,
    validFrom: '2021-01-01',
    validTo: null,
    source: 'SFS 2020:1258; seed 000 (does not qualify for a-kassa)',
  },
  {
    code: 'trainee',
    qualifiesForUnemploymentInsurance: true,
    usualMonths: 12,
    maxMonths: 12,
    usualSupportShare: 0.5,
    validFrom: '2015-01-01',
    validTo: null,
    source: `${AF} (traineejobb); seed 003`,
  },
  {
    code: 'ungdomsanstallning',
    qualifiesForUnemploymentInsurance: true,
    usualMonths: 6,
    maxMonths: 12,
    usualSupportShare: 0,
    validFrom: '2015-01-01',
    validTo: null,
    source: "seed 003 (the municipality's own youth employment, no state support)",
  },
];

export const EMPLOYMENT_FORM_CODES = EMPLOYMENT_FORMS.map((f) => f.code);

/** The form as it stood on a day (YYYY-MM-DD), or undefined if it did not exist then. */
export function employmentFormOn(code: string, day: string): EmploymentForm | undefined {
  return EMPLOYMENT_FORMS.find(
    (f) => f.code === code && f.validFrom <= day && (f.validTo === null || day <= f.validTo),
  );
}

/** The forms one may start an employment in on a day. */
export function employmentFormsOn(day: string): EmploymentForm[] {
  return EMPLOYMENT_FORMS.filter((f) => f.validFrom <= day && (f.validTo === null || day <= f.validTo));
}

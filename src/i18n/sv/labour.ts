/** The labour-market unit's vocabularies in Swedish: the words users see for stored codes. */
export const initiators = {
  employment_service: 'Arbetsförmedlingen',
  employment_service_with_social_services: 'Arbetsförmedlingen och socialtjänsten',
  social_insurance: 'Försäkringskassan',
  individual: 'Den enskilde',
  social_services: 'Socialtjänsten',
} as const;

export const exitResults = {
  work: 'Arbete utan stöd',
  work_subsidised: 'Arbete med stöd',
  studies: 'Studier',
  transfer_social_insurance: 'Överlämnad till Försäkringskassan',
  transfer_employment_service: 'Överlämnad till Arbetsförmedlingen',
  transfer_health_care: 'Överlämnad till hälso- och sjukvården',
  assignment_completed: 'Uppdraget slutfört',
  moved: 'Flyttat',
  broken_off: 'Avbrutet',
  other: 'Annat',
} as const;

export const interventionKinds = {
  low_threshold: 'Lågtröskelverksamhet',
  coaching: 'Coachning',
  supported_education: 'Studier med stöd',
  job_track: 'Jobbspår',
  work_training: 'Arbetsträning',
  practice_municipal: 'Praktik i kommunen',
  practice_private: 'Praktik hos privat arbetsgivare',
  course: 'Kurs',
  matching: 'Matchning',
  sheltered_work: 'Arbetsträning i egen verksamhet',
} as const;

export const employmentForms = {
  trygghetsanstallning: 'Trygghetsanställning',
  osa: 'Offentligt skyddat arbete (OSA)',
  extratjanst: 'Extratjänst',
  sarskilt_anstallningsstod: 'Särskilt anställningsstöd',
  utvecklingsanstallning: 'Utvecklingsanställning',
  nystartsjobb: 'Nystartsjobb',
  lonebidrag: 'Lönebidrag',
  instegsjobb: 'Instegsjobb',
  introduktionsjobb: 'Introduktionsjobb',
  trainee: 'Traineejobb',
  ungdomsanstallning: 'Ungdomsanställning',
} as const;

export const absenceReasons = {
  sick: 'Sjuk',
  valid: 'Giltig frånvaro',
  without_reason: 'Frånvaro utan giltigt skäl',
} as const;

export const flowDirections = {
  assistance_to_labour: 'Från ekonomiskt bistånd till arbetsmarknadsenheten',
  labour_to_assistance: 'Från arbetsmarknadsenheten till ekonomiskt bistånd',
} as const;

export const flowBases = {
  consent: 'Samtycke',
  law: 'Lagstöd',
} as const;

export const noticeKinds = {
  referred: 'Anvisad till arbetsmarknadsenheten',
  absence: 'Frånvaro',
  deviation: 'Avvikelse från heltidsplanen',
  employment_started: 'Anställning påbörjad',
  exit: 'Avslutad på arbetsmarknadsenheten',
} as const;

export const unionReviews = {
  pending: 'Väntar på facklig granskning',
  approved: 'Godkänd av facket',
  refused: 'Avslagen av facket',
} as const;

export const employmentStatuses = {
  planned: 'Planerad',
  started: 'Pågår',
  ended: 'Avslutad',
  cancelled: 'Avbruten',
} as const;

export const placementStatuses = {
  waiting: 'I kö',
  active: 'Pågår',
  ended: 'Avslutad',
  cancelled: 'Avbruten',
} as const;

export const employerKinds = {
  department: 'Kommunal förvaltning',
  association: 'Förening',
  company: 'Företag',
} as const;

export const offerStatuses = {
  none: 'Ingen plats',
  offered: 'Erbjuden',
  accepted: 'Tackat ja',
  declined: 'Tackat nej',
} as const;

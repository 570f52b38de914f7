/** Addresses of the financial-assistance screens (the route table in routes.tsx matches them). */
const seg = encodeURIComponent;

export const assistancePaths = {
  case: (caseId: string) => `/ekonomiskt-bistand/arenden/${seg(caseId)}`,
  /** The case id travels along so the page can link back and find the application's decision. */
  application: (applicationId: string, caseId?: string | null) =>
    `/ekonomiskt-bistand/ansokningar/${seg(applicationId)}${caseId ? `?arende=${seg(caseId)}` : ''}`,
  paymentRuns: '/ekonomiskt-bistand/utbetalningar',
  paymentRun: (runId: string) => `/ekonomiskt-bistand/utbetalningar?korning=${seg(runId)}`,
};

/** Addresses of the control screens and the citizen's e-application. */
export const controlPaths = {
  investigations: '/kontroll/utredningar',
  investigation: (id: string) => `/kontroll/utredningar/${seg(id)}`,
  doubleRent: '/kontroll/dubbla-hyror',
  doubleRentMonth: (month: string) => `/kontroll/dubbla-hyror?manad=${seg(month)}`,
};

export const publicPaths = {
  eApplication: '/e-ansokan',
};

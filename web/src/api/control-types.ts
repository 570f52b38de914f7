/** The API contract of control (investigations, recovery, double rent) and of the e-application. */
import type { CostType, IncomeType } from '../../../src/assistance/domain/norm/items.ts';
import type {
  InvestigationOutcome,
  Suspicion,
} from '../../../src/assistance/domain/control/investigations.ts';
import type { PaymentStatus } from './types.ts';

export type { InvestigationOutcome, Suspicion };

/** POST /public/e-applications: amounts in kronor (at most two decimals). */
export interface EApplication {
  personalNumber: string;
  /** YYYY-MM */
  month: string;
  selfAssessedUnemployed: boolean;
  housing: { address?: string; apartment?: string };
  childrenLunchAway: boolean;
  costs: { type: CostType; amount: number }[];
  incomes: { type: IncomeType; amount: number }[];
  consent: boolean;
}

export interface EApplicationReceipt {
  applicationNumber: string;
  month: string;
  receivedOn: string;
}

export type InvestigationStatus = 'open' | 'closed';
export type InvestigationSort = 'opened' | '-opened';

export interface InvestigationListQuery {
  status?: InvestigationStatus;
  sort: InvestigationSort;
  page: number;
  pageSize: number;
}

export interface InvestigationListItem {
  id: string;
  caseId: string;
  /** null for a protected identity */
  applicantName: string | null;
  suspicion: Suspicion;
  suspicionLabel: string;
  status: InvestigationStatus;
  outcome: InvestigationOutcome | null;
  openedOn: string;
  closedOn: string | null;
  daysOpen: number;
}

export interface InvestigationList {
  items: InvestigationListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Instalment {
  no: number;
  dueOn: string;
  amountOre: number;
}

export interface Recovery {
  id: string;
  decidedOn: string;
  amountOre: number;
  monthlyOre: number;
  firstDueOn: string;
  grantedFrom: string;
  provision: string;
  reasons: string;
  plan: Instalment[];
}

export interface NewRecovery {
  amountOre: number;
  monthlyOre: number;
  firstDueOn: string;
  grantedFrom: string;
  reasons: string;
}

export interface Investigation extends InvestigationListItem {
  outcomeLabel: string | null;
  periodFrom: string;
  periodTo: string;
  findings: string;
  payments: {
    id: string;
    decisionId: string;
    month: string;
    payOn: string;
    amountOre: number;
    status: PaymentStatus;
  }[];
  paidOre: number;
  recoveries: Recovery[];
}

export interface NewInvestigation {
  suspicion: Suspicion;
  openedOn?: string;
  periodFrom?: string;
  periodTo?: string;
}

export interface DoubleRentClaim {
  /** null for a protected identity, unless the user has clearance */
  caseId: string | null;
  applicationId: string | null;
  unitName: string | null;
  /** only for cases of the user's units, never a protected identity */
  applicantName: string | null;
  protectedIdentity: boolean;
  inMyUnits: boolean;
  rentOre: number;
}

export interface DoubleRentGroup {
  matchedBy: ('address' | 'contract')[];
  address: string | null;
  apartment: string | null;
  contract: string | null;
  claims: DoubleRentClaim[];
}

export interface DoubleRentCheck {
  month: string;
  groups: DoubleRentGroup[];
}

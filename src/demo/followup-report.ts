/**
 * The demo's four-month report (tertialrapport) of last year and this: the board's budget per
 * activity with outcome and forecast at each period already passed, its assignments and its
 * internal-control risks, modelled on seed 003 (Borås Arbetslivsnämnden, tertialrapport 2 2017)
 * at Älvstad's size. The activity "Försörjningsstöd" follows the demo's own payments: its outcome
 * to date is what was paid, its budget last year's cost plus 3 %; the other activities are
 * fictional figures scaled with the number of households. Amounts in tkr.
 */
import type { Selectable } from 'kysely';
import type {
  ReportAssignmentFollowUpTable,
  ReportAssignmentTable,
  ReportBudgetFollowUpTable,
  ReportBudgetLineTable,
  ReportControlRiskFollowUpTable,
  ReportControlRiskTable,
} from '../followup/db/report-tables.ts';
import { oreToTkr } from '../followup/domain/report/budget.ts';
import { lastMonthOf, type AssignmentStatus, type ReportPeriod } from '../followup/domain/report/periods.ts';
import { Random } from './random.ts';

export interface ReportDemoData {
  report_budget_line: Selectable<ReportBudgetLineTable>[];
  report_budget_follow_up: Selectable<ReportBudgetFollowUpTable>[];
  report_assignment: Selectable<ReportAssignmentTable>[];
  report_assignment_follow_up: Selectable<ReportAssignmentFollowUpTable>[];
  report_control_risk: Selectable<ReportControlRiskTable>[];
  report_control_risk_follow_up: Selectable<ReportControlRiskFollowUpTable>[];
}

interface Source {
  decision: readonly { id: string; month: string }[];
  payment: readonly { decision_id: string; amount_ore: number; status?: unknown }[];
}

/** tkr for a demo of 3 000 households: [activity, income, cost] of the budget */
const ACTIVITIES: [string, number, number][] = [
  ['Central administration', 400, 6_800],
  ['Politisk verksamhet', 0, 700],
  ['IFO ekonomiskt bistånd exkl. försörjningsstöd', 9_500, 41_000],
  ['Försörjningsstöd', 2_600, 0],
  ['Arbetsmarknadsinsatser', 31_000, 54_500],
  ['Feriearbeten', 70, 6_900],
  ['Övrigt', 650, 2_300],
  ['Buffert', 0, 1_000],
];
const SUPPORT = 'Försörjningsstöd';
const BUFFER = 'Buffert';

/** Forecast deviations from budget (tkr, cost) per activity, as a board's forecast tends to move. */
const COST_DRIFT: Record<string, number> = {
  'IFO ekonomiskt bistånd exkl. försörjningsstöd': -0.02,
  Arbetsmarknadsinsatser: 0.035,
};

const ASSIGNMENTS: {
  givenBy: 'council' | 'board';
  text: string;
  statuses: AssignmentStatus[];
  comments: string[];
}[] = [
  {
    givenBy: 'council',
    text: 'Inventera tillsammans med de fackliga organisationerna arbetsuppgifter som går att klara utan formella krav på utbildning.',
    statuses: ['not_done', 'in_progress', 'done'],
    comments: [
      'Arbetet startar efter sommaren.',
      'Inventeringen pågår tillsammans med personalavdelningen och de fackliga representanterna.',
      'Inventeringen är klar; 34 arbetsuppgifter har identifierats.',
    ],
  },
  {
    givenBy: 'council',
    text: 'När kommunen arrangerar konferenser ska Svanen-, Krav- och Fairtrademärkta varor och närproducerade livsmedel efterfrågas.',
    statuses: ['done', 'done', 'done'],
    comments: [
      'Efterfrågas vid varje beställning.',
      'Efterfrågas och kontrolleras vid varje konferens.',
      'Genomfört under hela året.',
    ],
  },
  {
    givenBy: 'board',
    text: 'Utvärdera feriearbetena kvalitativt, där både handledarens och ungdomens erfarenheter kommer fram.',
    statuses: ['in_progress', 'in_progress', 'done'],
    comments: [
      'Enkäten till handledare och ungdomar tas fram.',
      'Enkäten är skickad; svaren sammanställs under hösten.',
      'Utvärderingen redovisades för nämnden i november.',
    ],
  },
];

const RISKS = [
  {
    process: 'Försörjningsstöd',
    risk: 'Risk för felaktiga utbetalningar.',
    likelihood: 4,
    consequence: 4,
    control:
      'Kontroll att all hantering inom försörjningsstödet blir rätt; FUT-utredarnas stickprov varje månad.',
    followUps: [
      'Stickprov i 40 ärenden; 3 felaktiga utbetalningar upptäcktes och återkrav är beslutade.',
      'Stickprov i 80 ärenden januari–augusti; 5 ärenden om återkrav och 4 om felaktiga utbetalningar har öppnats.',
      'Stickprov i 120 ärenden under året; rutinen för inkomstkontroll har skärpts.',
    ],
  },
  {
    process: 'Arbetsmarknadsanställningar',
    risk: 'Risk att anställningsstöd från Arbetsförmedlingen inte rekvireras i tid.',
    likelihood: 2,
    consequence: 3,
    control: 'Månadsvis avstämning av beviljade och rekvirerade stöd.',
    followUps: [
      'Avstämt varje månad utan anmärkning.',
      'Avstämt; två rekvisitioner kompletterades.',
      'Inga stöd har gått förlorade under året.',
    ],
  },
  {
    process: 'Dokumentation',
    risk: 'Risk att journalanteckningar inte förs inom två veckor.',
    likelihood: 3,
    consequence: 2,
    control: 'Uppföljning av journalföring vid varje tertial.',
    followUps: [
      '92 % fördes inom två veckor.',
      '95 % fördes inom två veckor.',
      '96 % fördes inom två veckor.',
    ],
  },
];

const PERIODS: ReportPeriod[] = ['T1', 'T2', 'year'];

/** The periods of the year whose follow-up is due by today (T1 after April, T2 after August). */
function passedPeriods(year: number, today: string): ReportPeriod[] {
  const todayMonth = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7));
  return PERIODS.filter((p) => year * 12 + lastMonthOf(p) < todayMonth);
}

export function demoReport(
  municipalityId: string,
  source: Source,
  today: string,
  seed: number,
  scale: number,
): ReportDemoData {
  const ids = Random.derive(seed, 'four-month-report');
  const rng = Random.derive(seed, 'four-month-report-figures');
  const thisYear = Number(today.slice(0, 4));
  const years = [thisYear - 1, thisYear];
  const at = new Date(`${today}T08:00:00.000Z`);

  // Paid assistance per year and month, öre (sent payments by the month the decision is for).
  const monthOfDecision = new Map(source.decision.map((d) => [d.id, d.month]));
  const paid = new Map<string, number>();
  for (const payment of source.payment) {
    if (payment.status !== undefined && payment.status !== 'sent') continue;
    const month = monthOfDecision.get(payment.decision_id)?.slice(0, 7);
    if (month) paid.set(month, (paid.get(month) ?? 0) + payment.amount_ore);
  }
  const paidTo = (year: number, lastMonth: number) => {
    let sum = 0;
    for (let m = 1; m <= lastMonth; m++) sum += paid.get(`${year}-${String(m).padStart(2, '0')}`) ?? 0;
    return sum;
  };

  const data: ReportDemoData = {
    report_budget_line: [],
    report_budget_follow_up: [],
    report_assignment: [],
    report_assignment_follow_up: [],
    report_control_risk: [],
    report_control_risk_follow_up: [],
  };
  const tkr = (value: number) => Math.round(value * scale);

  for (const year of years) {
    const periods = passedPeriods(year, today);
    const supportBudget = Math.max(1, Math.round(oreToTkr(paidTo(year - 1, 12)) * 1.03));
    ACTIVITIES.forEach(([activity, income, cost], index) => {
      const id = ids.uuid();
      const budgetIncome = tkr(income);
      const budgetCost = activity === SUPPORT ? supportBudget : tkr(cost);
      data.report_budget_line.push({
        municipality_id: municipalityId,
        id,
        year,
        activity,
        sort_order: (index + 1) * 10,
        budget_income_tkr: budgetIncome,
        budget_cost_tkr: budgetCost,
        created_at: at,
        updated_at: at,
      });
      for (const period of periods) {
        const share = lastMonthOf(period) / 12;
        // The outcome runs a little off the even share of the budget; the buffer is never used.
        const wobble = 1 + (rng.next() - 0.5) * 0.06;
        const outcomeCost =
          activity === SUPPORT
            ? oreToTkr(paidTo(year, lastMonthOf(period)))
            : activity === BUFFER
              ? 0
              : Math.round(budgetCost * share * wobble * (1 + (COST_DRIFT[activity] ?? 0)));
        const outcomeIncome = Math.round(budgetIncome * share * (1 + (rng.next() - 0.5) * 0.04));
        const forecastCost =
          activity === SUPPORT
            ? period === 'year'
              ? outcomeCost
              : Math.round(outcomeCost / share)
            : activity === BUFFER
              ? 0
              : period === 'year'
                ? outcomeCost
                : Math.round(budgetCost * (1 + (COST_DRIFT[activity] ?? 0)));
        data.report_budget_follow_up.push({
          municipality_id: municipalityId,
          line_id: id,
          period,
          outcome_income_tkr: outcomeIncome,
          outcome_cost_tkr: outcomeCost,
          forecast_income_tkr: period === 'year' ? outcomeIncome : budgetIncome,
          forecast_cost_tkr: forecastCost,
          updated_at: at,
        });
      }
    });

    ASSIGNMENTS.forEach((assignment, index) => {
      const id = ids.uuid();
      data.report_assignment.push({
        municipality_id: municipalityId,
        id,
        year,
        given_by: assignment.givenBy,
        text: assignment.text,
        sort_order: (index + 1) * 10,
        created_at: at,
      });
      periods.forEach((period) => {
        const i = PERIODS.indexOf(period);
        data.report_assignment_follow_up.push({
          municipality_id: municipalityId,
          assignment_id: id,
          period,
          status: assignment.statuses[i]!,
          comment: assignment.comments[i]!,
          updated_at: at,
        });
      });
    });

    RISKS.forEach((risk, index) => {
      const id = ids.uuid();
      data.report_control_risk.push({
        municipality_id: municipalityId,
        id,
        year,
        process: risk.process,
        risk: risk.risk,
        likelihood: risk.likelihood,
        consequence: risk.consequence,
        control_activity: risk.control,
        sort_order: (index + 1) * 10,
        created_at: at,
      });
      periods.forEach((period) => {
        data.report_control_risk_follow_up.push({
          municipality_id: municipalityId,
          risk_id: id,
          period,
          comment: risk.followUps[PERIODS.indexOf(period)]!,
          updated_at: at,
        });
      });
    });
  }
  return data;
}

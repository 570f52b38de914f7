/**
 * The demo's action plan, modelled on Uppsala's 26-point plan for more people in work (seed 002),
 * in a smaller form: nine of its activities in four of its areas, followed up in April, August
 * and at year-end with the mixed statuses and comments such a plan gets, and four goals — three
 * tied to an indicator with a target value and date (their targets set a little better than the
 * year before the plan, computed from the demo's own payments), and one written like many of the
 * 26 points, which cannot be measured, so that Kedjan's SMART warning shows.
 */
import type { Selectable } from 'kysely';
import type {
  ActionPlanActivityTable,
  ActionPlanActivityUnitTable,
  ActionPlanFollowupTable,
  ActionPlanGoalTable,
  ActionPlanStatusTable,
  ActionPlanTable,
} from '../followup/db/action-plan-tables.ts';
import { computeIndicators } from '../followup/domain/indicators/compute.ts';
import { indicatorById } from '../followup/domain/indicators/definitions.ts';
import type { AssistanceMonth } from '../followup/domain/indicators/records.ts';
import type { ActionStatus } from '../followup/domain/action-plans/status.ts';
import { Random } from './random.ts';

export interface ActionPlanDemoData {
  action_plan: Selectable<ActionPlanTable>[];
  action_plan_goal: Selectable<ActionPlanGoalTable>[];
  action_plan_activity: Selectable<ActionPlanActivityTable>[];
  action_plan_activity_unit: Selectable<ActionPlanActivityUnitTable>[];
  action_plan_followup: Selectable<ActionPlanFollowupTable>[];
  action_plan_status: Selectable<ActionPlanStatusTable>[];
}

interface Source {
  unit: readonly { id: string; name: string; municipality_id: string }[];
  app_user: readonly { id: string; display_name: string; municipality_id: string }[];
  client_case: readonly { id: string; household_id: string }[];
  decision: readonly { id: string; month: string }[];
  payment: readonly { decision_id: string; case_id: string; amount_ore: number; status?: unknown }[];
  subsidised_employment: readonly {
    person_id: string;
    starts_on: string;
    ends_on: string;
    ended_on: string | null;
    hours_per_week: number;
    monthly_salary_cost_ore: number;
    monthly_support_ore: number;
    status?: unknown;
  }[];
  population: readonly {
    year: number;
    total: number;
    children: number;
    young_adults: number;
    source: string;
  }[];
}

const OWNER = 'Lena Holm';

/** Goals: indicator, the change aimed for on the baseline and the rounding; null = not measurable. */
const GOALS: readonly {
  text: string;
  indicator: { id: string; factor: number; round: number } | null;
  unit: string | null;
}[] = [
  {
    text: 'Utbetalt ekonomiskt bistånd per invånare ska minska med tio procent under planperioden.',
    indicator: { id: 'paid_per_inhabitant', factor: 0.9, round: 1 },
    unit: 'Försörjningsenheten Nord',
  },
  {
    text: 'Antalet hushåll med ekonomiskt bistånd ska minska med åtta procent under planperioden.',
    indicator: { id: 'households_with_assistance', factor: 0.92, round: 1 },
    unit: 'Försörjningsenheten Syd',
  },
  {
    text: 'Fler ska få en kommunal arbetsmarknadsanställning (extratjänst, lönebidrag): minst en femtedel fler under planperioden.',
    indicator: { id: 'subsidised_employment_persons', factor: 1.2, round: 1 },
    unit: 'Jobbenheten',
  },
  {
    text: 'Arbetsmarknads- och utbildningsfokus ska råda i hela förvaltningen.',
    indicator: null,
    unit: null,
  },
];

type UnitKey = 'nord' | 'syd' | 'jobb';
const UNIT_NAMES: Record<UnitKey, string> = {
  nord: 'Försörjningsenheten Nord',
  syd: 'Försörjningsenheten Syd',
  jobb: 'Jobbenheten',
};

/** Statuses at the follow-ups in order (April, August, year-end, April, August, …), with comments. */
type Step = ActionStatus | [ActionStatus, string];

const ACTIVITIES: readonly {
  number: number;
  area: string;
  text: string;
  responsible: string;
  effect: string;
  units: UnitKey[];
  goal: number | null;
  steps: Step[];
}[] = [
  {
    number: 2,
    area: 'Studierelaterade aktiviteter',
    text: 'Inrätta heltidsplanering, 30–40 timmar i veckan, för elever inom sfi som behöver kompletterande arbetsmarknadsinsats.',
    responsible: 'VUX, AMA, S-EB',
    effect: 'Förkortad bidragstid. Snabbare etablering och egen hållbar försörjning.',
    units: ['jobb', 'nord'],
    goal: 3,
    steps: [
      'on_plan',
      ['partly_on_plan', 'Heltidsplan finns för två av tre sfi-grupper; den tredje startar i höst.'],
      'on_plan',
      'done',
    ],
  },
  {
    number: 3,
    area: 'Studierelaterade aktiviteter',
    text: 'Alla elever på sfi har ett bortre datum, högst tre år efter studiestart (ramtider).',
    responsible: 'Rektor, AMA',
    effect: 'Rätt studieform eller insats ger snabbare väg till jobb.',
    units: ['jobb'],
    goal: 3,
    steps: ['on_plan', 'done'],
  },
  {
    number: 8,
    area: 'Studierelaterade aktiviteter',
    text: 'Vuxenutbildningen rapporterar avvikelser från heltidsplaneringen till ansvarig arbetsmarknads- eller socialsekreterare.',
    responsible: 'VUX, S-EB',
    effect: 'Närvaron ökar genomströmningen och förkortar tiden i studier.',
    units: ['nord', 'syd'],
    goal: 1,
    steps: [
      ['deviating', 'Skolans system kan inte skicka frånvaro till socialtjänsten; rutin med e-post införs.'],
      ['partly_on_plan', 'Rutinen används på Nord men ännu inte på Syd.'],
      'on_plan',
      'on_plan',
      'done',
    ],
  },
  {
    number: 10,
    area: 'Arbetsmarknadsrelaterade aktiviteter',
    text: 'Personer som anger arbetslöshet i ansökan direktanvisas till arbetsmarknadsinsats (självskattning).',
    responsible: 'S-EB, AMA',
    effect: 'Ökad egenmakt och snabbare aktivering för återgång till jobb.',
    units: ['nord', 'syd', 'jobb'],
    goal: 2,
    steps: [
      'on_plan',
      'on_plan',
      ['deviating', 'Introduktionsdagarna är fullbokade; väntetiden är sex veckor.'],
      ['partly_on_plan', 'Extra introduktionsdag varannan vecka sedan mars.'],
      'done',
    ],
  },
  {
    number: 11,
    area: 'Arbetsmarknadsrelaterade aktiviteter',
    text: 'Alla med försörjningshinder arbetslöshet ska vara inskrivna hos Arbetsförmedlingen.',
    responsible: 'S-EB, AMA',
    effect: 'Ökad genomströmning. Snabbare aktivering för återgång till jobb.',
    units: ['nord', 'syd'],
    goal: 2,
    steps: ['on_plan', 'done'],
  },
  {
    number: 12,
    area: 'Arbetsmarknadsrelaterade aktiviteter',
    text: 'Fler jobbspår och kombinationsutbildningar tas fram i samverkan med Arbetsförmedlingen och branscherna.',
    responsible: 'Jobbenheten',
    effect: 'Större urval av insatser och snabbare väg till egen försörjning.',
    units: ['jobb'],
    goal: 3,
    steps: [
      'on_plan',
      ['deviating', 'Upphandlingen av leverantör till jobbspåret inom vården överklagades.'],
      ['deviating', 'Överklagandet är inte avgjort; jobbspåret väntas starta nästa år.'],
      ['partly_on_plan', 'Två jobbspår i gång (lager, lokalvård); vården återstår.'],
      'on_plan',
    ],
  },
  {
    number: 19,
    area: 'Stödjande aktiviteter och myndighet',
    text: 'Anknytande familjer till ensamkommande med annan hemkommun hänvisas till ansvarig kommun för tillfälligt boende.',
    responsible: 'S-EB, boendeenheten',
    effect: 'Minskade kostnader för kommunen.',
    units: ['nord'],
    goal: null,
    steps: [
      ['stopped', 'Punkten stryks: den strider mot socialtjänstlagens bestämmelser om vistelsekommun.'],
    ],
  },
  {
    number: 20,
    area: 'Stödjande aktiviteter och myndighet',
    text: 'Anknytande familjer i tillfälligt boende får högst fyra månader att lösa sin boendesituation.',
    responsible: 'S-EB, boendeenheten',
    effect: 'Minskade kostnader för tillfälligt boende.',
    units: ['syd'],
    goal: 1,
    steps: ['on_plan', 'done'],
  },
  {
    number: 24,
    area: 'Utvecklingsaktiviteter',
    text: 'Arbetsmarknads- och utbildningsfokus är infört i hela förvaltningen.',
    responsible: 'Ledning',
    effect: 'Hållbar försörjning och väl underbyggda val av studier och yrke.',
    units: [],
    goal: 4,
    steps: [
      'on_plan',
      'on_plan',
      ['partly_on_plan', 'Utbildningsdagar genomförda för Nord; Syd i vår.'],
      'done',
    ],
  },
];

export function demoActionPlans(data: Source, today: string, seed: number): ActionPlanDemoData {
  const empty: ActionPlanDemoData = {
    action_plan: [],
    action_plan_goal: [],
    action_plan_activity: [],
    action_plan_activity_unit: [],
    action_plan_followup: [],
    action_plan_status: [],
  };
  const owner = data.app_user.find((u) => u.display_name === OWNER);
  if (!owner) return empty;
  const municipalityId = owner.municipality_id;
  const ids = Random.derive(seed, 'action-plans');
  const unitId = (name: string) => data.unit.find((u) => u.name === name)?.id ?? null;

  // The plan runs over last year and this year, adopted in February of its first year.
  const first = Number(today.slice(0, 4)) - 1;
  const planId = ids.uuid();
  const plan: Selectable<ActionPlanTable> = {
    municipality_id: municipalityId,
    id: planId,
    title: `Plan för fler Älvstadsbor i jobb ${first}–${first + 1}`,
    description:
      'Arbetsmarknadsnämndens plan för att minska andelen invånare med ekonomiskt bistånd. Följs upp per delår (april, augusti) och helår.',
    period_from: `${first}-01-01`,
    period_to: `${first + 1}-12-31`,
    adopted_by: 'Arbetsmarknadsnämnden',
    adopted_on: `${first}-02-20`,
    reference: `AMN-${first}-0042`,
    created_by: owner.id,
    created_at: new Date(`${first}-02-21T09:00:00Z`),
  };

  const followUps: Selectable<ActionPlanFollowupTable>[] = [first, first + 1].flatMap((year) =>
    (
      [
        ['04-30', 'April'],
        ['08-31', 'Augusti'],
        ['12-31', 'Helår'],
      ] as const
    ).map(([day, label]) => ({
      municipality_id: municipalityId,
      id: ids.uuid(),
      plan_id: planId,
      follow_up_on: `${year}-${day}`,
      label: `${label} ${year}`,
    })),
  );

  const baselines = baselineValues(data, first - 1);
  const goals: Selectable<ActionPlanGoalTable>[] = GOALS.map((goal, i) => {
    const baseline = goal.indicator ? baselines.get(goal.indicator.id) : undefined;
    const target =
      goal.indicator && baseline !== undefined && baseline !== null
        ? Math.max(
            0,
            Math.round((baseline * goal.indicator.factor) / goal.indicator.round) * goal.indicator.round,
          )
        : null;
    return {
      municipality_id: municipalityId,
      id: ids.uuid(),
      plan_id: planId,
      number: i + 1,
      text: goal.text,
      indicator_id: goal.indicator?.id ?? null,
      target_value: target,
      target_date: goal.indicator ? `${first + 1}-12-31` : null,
      baseline_value: null,
      responsible_unit_id: goal.unit ? unitId(goal.unit) : null,
      created_at: new Date(`${first}-02-21T09:00:00Z`),
    };
  });

  const activities: Selectable<ActionPlanActivityTable>[] = [];
  const activityUnits: Selectable<ActionPlanActivityUnitTable>[] = [];
  const statuses: Selectable<ActionPlanStatusTable>[] = [];
  const passed = followUps.filter((f) => f.follow_up_on < today);
  for (const activity of ACTIVITIES) {
    const id = ids.uuid();
    activities.push({
      municipality_id: municipalityId,
      id,
      plan_id: planId,
      number: activity.number,
      area: activity.area,
      text: activity.text,
      responsible: activity.responsible,
      expected_effect: activity.effect,
      goal_id: activity.goal ? (goals[activity.goal - 1]?.id ?? null) : null,
      created_at: new Date(`${first}-02-21T09:00:00Z`),
    });
    for (const key of activity.units) {
      const unit = unitId(UNIT_NAMES[key]);
      if (unit) activityUnits.push({ municipality_id: municipalityId, activity_id: id, unit_id: unit });
    }
    // Each step at the next passed follow-up; once done (or stopped) it stays so.
    let last: Step | undefined;
    passed.forEach((followUp, i) => {
      const step =
        activity.steps[i] ??
        (last === 'done' || (Array.isArray(last) && last[0] === 'stopped') ? last : undefined);
      if (!step) return;
      last = step;
      const [status, comment] = Array.isArray(step) ? step : [step, null];
      statuses.push({
        municipality_id: municipalityId,
        activity_id: id,
        followup_id: followUp.id,
        status,
        comment,
        recorded_by: owner.id,
        recorded_at: new Date(`${followUp.follow_up_on}T14:00:00Z`),
      });
    });
  }

  return {
    action_plan: [plan],
    action_plan_goal: goals,
    action_plan_activity: activities,
    action_plan_activity_unit: activityUnits,
    action_plan_followup: followUps,
    action_plan_status: statuses,
  };
}

/** The goals' indicators the year before the plan, from the demo's payments and population. */
function baselineValues(data: Source, year: number): Map<string, number | null> {
  const householdOf = new Map(data.client_case.map((c) => [c.id, c.household_id]));
  const monthOf = new Map(data.decision.map((d) => [d.id, d.month.slice(0, 7)]));
  const paid = new Map<string, AssistanceMonth>();
  for (const p of data.payment) {
    if (p.status !== undefined && p.status !== 'sent') continue;
    const householdId = householdOf.get(p.case_id);
    const month = monthOf.get(p.decision_id);
    if (!householdId || !month) continue;
    const key = `${householdId}|${month}`;
    const entry = paid.get(key) ?? { householdId, month, paidOre: 0, adults: [], children: [] };
    paid.set(key, { ...entry, paidOre: entry.paidOre + p.amount_ore });
  }
  const definitions = GOALS.flatMap((g) => (g.indicator ? [indicatorById(g.indicator.id)!] : []));
  const values = computeIndicators(
    definitions,
    {
      assistance: [...paid.values()],
      population: data.population.map((p) => ({
        year: p.year,
        total: p.total,
        children: p.children,
        youngAdults: p.young_adults,
        source: p.source,
      })),
      referrals: [],
      labourExits: [],
      employments: data.subsidised_employment
        .filter((e) => e.status === 'started' || e.status === 'ended')
        .map((e) => ({
          personId: e.person_id,
          startsOn: e.starts_on,
          endsOn: e.ended_on ?? e.ends_on,
          hoursPerWeek: e.hours_per_week,
          monthlySalaryCostOre: e.monthly_salary_cost_ore,
          monthlySupportOre: e.monthly_support_ore,
        })),
    },
    [{ kind: 'year', year }],
  );
  return new Map(values.map((v) => [v.id, v.value]));
}

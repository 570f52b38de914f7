-- Follow-up: the four-month and annual report (tertialrapport / årsbokslut): budget and outcome per
-- activity, the board's assignments (uppdrag) and the internal-control risks, each followed up per
-- period: 'T1' (January–April), 'T2' (January–August) and 'year' (the annual accounts).
-- Budget amounts are whole thousands of kronor (tkr, the unit of the board's budget and of the
-- report, see seed 003); costs are stored as positive amounts and shown with a minus sign.

CREATE TABLE report_budget_line (
  municipality_id text NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  activity text NOT NULL CHECK (length(activity) BETWEEN 1 AND 200),
  sort_order integer NOT NULL DEFAULT 0,
  budget_income_tkr integer NOT NULL CHECK (budget_income_tkr >= 0),
  budget_cost_tkr integer NOT NULL CHECK (budget_cost_tkr >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, year, activity)
);

-- The outcome up to the end of the period (accumulated from 1 January) and the forecast for the
-- whole year made at that period.
CREATE TABLE report_budget_follow_up (
  municipality_id text NOT NULL,
  line_id uuid NOT NULL,
  period text NOT NULL CHECK (period IN ('T1', 'T2', 'year')),
  outcome_income_tkr integer NOT NULL CHECK (outcome_income_tkr >= 0),
  outcome_cost_tkr integer NOT NULL CHECK (outcome_cost_tkr >= 0),
  forecast_income_tkr integer NOT NULL CHECK (forecast_income_tkr >= 0),
  forecast_cost_tkr integer NOT NULL CHECK (forecast_cost_tkr >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, line_id, period),
  FOREIGN KEY (municipality_id, line_id) REFERENCES report_budget_line (municipality_id, id) ON DELETE CASCADE
);

-- An assignment the board was given (by the council or by itself) for the year.
CREATE TABLE report_assignment (
  municipality_id text NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  given_by text NOT NULL CHECK (given_by IN ('council', 'board')),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
  sort_order integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id)
);
CREATE INDEX report_assignment_year_idx ON report_assignment (municipality_id, year);

CREATE TABLE report_assignment_follow_up (
  municipality_id text NOT NULL,
  assignment_id uuid NOT NULL,
  period text NOT NULL CHECK (period IN ('T1', 'T2', 'year')),
  status text NOT NULL CHECK (status IN ('done', 'in_progress', 'not_done')),
  comment text NOT NULL DEFAULT '' CHECK (length(comment) <= 4000),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, assignment_id, period),
  FOREIGN KEY (municipality_id, assignment_id) REFERENCES report_assignment (municipality_id, id) ON DELETE CASCADE
);

-- A risk of the internal-control plan: likelihood and consequence 1–4 each, the score is their
-- product (16 is the highest; such risks are reported with their actions).
CREATE TABLE report_control_risk (
  municipality_id text NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  process text NOT NULL CHECK (length(process) BETWEEN 1 AND 200),
  risk text NOT NULL CHECK (length(risk) BETWEEN 1 AND 1000),
  likelihood integer NOT NULL CHECK (likelihood BETWEEN 1 AND 4),
  consequence integer NOT NULL CHECK (consequence BETWEEN 1 AND 4),
  control_activity text NOT NULL CHECK (length(control_activity) BETWEEN 1 AND 2000),
  sort_order integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id)
);
CREATE INDEX report_control_risk_year_idx ON report_control_risk (municipality_id, year);

CREATE TABLE report_control_risk_follow_up (
  municipality_id text NOT NULL,
  risk_id uuid NOT NULL,
  period text NOT NULL CHECK (period IN ('T1', 'T2', 'year')),
  comment text NOT NULL CHECK (length(comment) BETWEEN 1 AND 4000),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, risk_id, period),
  FOREIGN KEY (municipality_id, risk_id) REFERENCES report_control_risk (municipality_id, id) ON DELETE CASCADE
);

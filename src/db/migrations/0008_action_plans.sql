-- Follow-up: action plans (handlingsplaner) like Uppsala's 26-point plan (seed 002): numbered
-- activities grouped by area with responsible units and expected effect, goals that should be
-- SMART (tied to an indicator of the indicator engine, a target value and a date), follow-up
-- occasions (e.g. April, August, year-end) and a status per activity at each of them. A comment
-- is required when an activity deviates, is partly on plan or is stopped.

CREATE TABLE action_plan (
  municipality_id text NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description text CHECK (length(description) <= 4000),
  period_from date NOT NULL,
  period_to date NOT NULL,
  -- e.g. 'Arbetsmarknadsnämnden'
  adopted_by text CHECK (length(adopted_by) BETWEEN 1 AND 200),
  adopted_on date,
  -- diarienummer
  reference text CHECK (length(reference) BETWEEN 1 AND 100),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  CHECK (period_to >= period_from),
  FOREIGN KEY (municipality_id, created_by) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX action_plan_created_by_idx ON action_plan (municipality_id, created_by);

CREATE TABLE action_plan_goal (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  plan_id uuid NOT NULL,
  number integer NOT NULL CHECK (number BETWEEN 1 AND 999),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
  -- an id of src/followup/domain/indicators/definitions.ts; null: the goal is not measurable
  indicator_id text CHECK (indicator_id ~ '^[a-z][a-z0-9_]*$'),
  target_value double precision,
  target_date date,
  -- the indicator's value at adoption when entered by hand; else computed from the records
  baseline_value double precision,
  responsible_unit_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, plan_id, number),
  FOREIGN KEY (municipality_id, plan_id) REFERENCES action_plan (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, responsible_unit_id) REFERENCES unit (municipality_id, id)
);
CREATE INDEX action_plan_goal_unit_idx ON action_plan_goal (municipality_id, responsible_unit_id);

CREATE TABLE action_plan_activity (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  plan_id uuid NOT NULL,
  number integer NOT NULL CHECK (number BETWEEN 1 AND 999),
  -- e.g. 'Studierelaterade aktiviteter'
  area text NOT NULL CHECK (length(area) BETWEEN 1 AND 200),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
  -- responsible as written in the plan (e.g. 'VUX, AMA, S-EB'); units also in action_plan_activity_unit
  responsible text CHECK (length(responsible) BETWEEN 1 AND 300),
  expected_effect text CHECK (length(expected_effect) <= 2000),
  goal_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, plan_id, number),
  FOREIGN KEY (municipality_id, plan_id) REFERENCES action_plan (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, goal_id) REFERENCES action_plan_goal (municipality_id, id)
);
CREATE INDEX action_plan_activity_goal_idx ON action_plan_activity (municipality_id, goal_id);

CREATE TABLE action_plan_activity_unit (
  municipality_id text NOT NULL,
  activity_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, activity_id, unit_id),
  FOREIGN KEY (municipality_id, activity_id) REFERENCES action_plan_activity (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, unit_id) REFERENCES unit (municipality_id, id)
);
CREATE INDEX action_plan_activity_unit_unit_idx ON action_plan_activity_unit (municipality_id, unit_id);

-- The occasions the plan is followed up at (Uppsala: per delår april, augusti and helår).
CREATE TABLE action_plan_followup (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  plan_id uuid NOT NULL,
  follow_up_on date NOT NULL,
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, plan_id, follow_up_on),
  FOREIGN KEY (municipality_id, plan_id) REFERENCES action_plan (municipality_id, id) ON DELETE CASCADE
);

-- An activity's status at a follow-up; recording again replaces it (the audit log keeps each).
CREATE TABLE action_plan_status (
  municipality_id text NOT NULL,
  activity_id uuid NOT NULL,
  followup_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('done', 'on_plan', 'partly_on_plan', 'deviating', 'stopped')),
  comment text CHECK (length(comment) <= 2000),
  recorded_by uuid,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, activity_id, followup_id),
  -- a deviation, partial progress or a stop must be explained
  CONSTRAINT action_plan_status_comment_required CHECK (
    status IN ('done', 'on_plan') OR (comment IS NOT NULL AND length(btrim(comment)) > 0)),
  FOREIGN KEY (municipality_id, activity_id) REFERENCES action_plan_activity (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, followup_id) REFERENCES action_plan_followup (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, recorded_by) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX action_plan_status_followup_idx ON action_plan_status (municipality_id, followup_id);
CREATE INDEX action_plan_status_recorded_by_idx ON action_plan_status (municipality_id, recorded_by);

-- The financial-aid unit: applications, intake steps, reason codes, journal, decisions, visits,
-- bank accounts, payment runs, investigations and recovery. Money is integer öre.

-- Routines per municipality; the defaults are Borås' (four visits a day Monday–Thursday, at most
-- 45 cases per caseworker, IB5 follow-up within three months).
CREATE TABLE assistance_setting (
  municipality_id text PRIMARY KEY REFERENCES municipality (id),
  visit_slots_per_day integer NOT NULL DEFAULT 4 CHECK (visit_slots_per_day BETWEEN 0 AND 16),
  visit_weekdays integer[] NOT NULL DEFAULT '{1,2,3,4}',
  visit_required_for_payment boolean NOT NULL DEFAULT false,
  caseload_limit integer NOT NULL DEFAULT 45 CHECK (caseload_limit > 0),
  decision_lead_days integer NOT NULL DEFAULT 10 CHECK (decision_lead_days > 0),
  follow_up_months integer NOT NULL DEFAULT 3 CHECK (follow_up_months > 0),
  reactualisation_months integer NOT NULL DEFAULT 12 CHECK (reactualisation_months > 0),
  -- the municipality's reasonable levels per cost type, öre per month ({"rent": 850000, …})
  cost_limits jsonb NOT NULL DEFAULT '{}',
  debtor_name text,
  debtor_organisation_number text CHECK (debtor_organisation_number ~ '^[0-9]{10}$'),
  debtor_bankgiro text CHECK (debtor_bankgiro ~ '^[0-9]{7,8}$'),
  debtor_bic text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE client_case
  ADD COLUMN exit_reason text CHECK (exit_reason IN (
    'work', 'unemployment_insurance', 'sickness_benefit', 'sickness_benefit_special',
    'sickness_activity_compensation', 'other_social_insurance', 'studies', 'work_with_support',
    'moved', 'plan_broken_off', 'other')),
  ADD CONSTRAINT client_case_exit_reason_when_closed CHECK (exit_reason IS NULL OR closed_on IS NOT NULL);

CREATE TABLE application (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  month date NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
  kind text NOT NULL CHECK (kind IN ('first', 'recurring')),
  channel text NOT NULL CHECK (channel IN ('paper', 'e_application')),
  received_on date NOT NULL,
  -- the day the application was complete; the lead time to the decision runs from it
  complete_on date CHECK (complete_on IS NULL OR complete_on >= received_on),
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'decided', 'withdrawn')),
  self_assessed_unemployed boolean NOT NULL DEFAULT false,
  reactualised boolean NOT NULL DEFAULT false,
  housing_address text,
  housing_apartment text,
  housing_contract text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES client_case (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX application_case_idx ON application (municipality_id, case_id, month);
CREATE INDEX application_created_by_idx ON application (municipality_id, created_by);
CREATE INDEX application_waiting_idx ON application (municipality_id, received_on) WHERE status = 'received';
CREATE INDEX application_housing_idx ON application (municipality_id, month, lower(housing_address), lower(housing_apartment))
  WHERE housing_address IS NOT NULL;

-- Who the application is for, as they were in the month.
CREATE TABLE application_member (
  municipality_id text NOT NULL,
  application_id uuid NOT NULL,
  person_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('applicant', 'partner', 'child', 'other_adult')),
  lunch_away boolean NOT NULL DEFAULT false,
  included boolean NOT NULL DEFAULT true,
  PRIMARY KEY (municipality_id, application_id, person_id),
  FOREIGN KEY (municipality_id, application_id) REFERENCES application (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, id)
);
CREATE INDEX application_member_person_idx ON application_member (municipality_id, person_id);

-- Costs applied for and incomes declared, per month, in öre.
CREATE TABLE application_item (
  municipality_id text NOT NULL,
  application_id uuid NOT NULL,
  line_no integer NOT NULL CHECK (line_no > 0),
  kind text NOT NULL CHECK (kind IN ('cost', 'income')),
  item_type text NOT NULL,
  amount_ore integer NOT NULL CHECK (amount_ore BETWEEN 0 AND 100000000),
  job_stimulus boolean NOT NULL DEFAULT false,
  description text CHECK (length(description) <= 200),
  PRIMARY KEY (municipality_id, application_id, line_no),
  FOREIGN KEY (municipality_id, application_id) REFERENCES application (municipality_id, id) ON DELETE CASCADE
);

-- Reason code (försörjningshinder) per adult and month, from Socialstyrelsen's dated code list.
CREATE TABLE reason_code (
  municipality_id text NOT NULL,
  person_id uuid NOT NULL,
  month date NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
  case_id uuid NOT NULL,
  code text NOT NULL,
  set_by uuid,
  set_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, person_id, month),
  FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES client_case (municipality_id, id),
  FOREIGN KEY (municipality_id, set_by) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX reason_code_case_idx ON reason_code (municipality_id, case_id, month);
CREATE INDEX reason_code_set_by_idx ON reason_code (municipality_id, set_by);
CREATE INDEX reason_code_month_idx ON reason_code (municipality_id, month, code);

-- The intake process: responsibility check, consent, checks, IB1–IB5; each step dated and owned.
CREATE TABLE intake_step (
  municipality_id text NOT NULL,
  case_id uuid NOT NULL,
  step text NOT NULL CHECK (step IN ('responsibility', 'consent', 'checks', 'ib1', 'ib2', 'ib3', 'ib4', 'ib5')),
  owner_id uuid,
  due_on date NOT NULL,
  done_on date,
  done_by uuid,
  -- the IB3 mapping as fields (work history, education, health contacts, the children's
  -- situation…); the same text is kept as a signed journal note
  details jsonb CHECK (details IS NULL OR step = 'ib3'),
  PRIMARY KEY (municipality_id, case_id, step),
  FOREIGN KEY (municipality_id, case_id) REFERENCES client_case (municipality_id, id),
  FOREIGN KEY (municipality_id, owner_id) REFERENCES app_user (municipality_id, id),
  FOREIGN KEY (municipality_id, done_by) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX intake_step_owner_idx ON intake_step (municipality_id, owner_id, due_on) ;
CREATE INDEX intake_step_done_by_idx ON intake_step (municipality_id, done_by);

-- Journal notes: drafts are saved as they are typed; a signed note never changes (a correction
-- is a new note that refers to it).
CREATE TABLE journal_note (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  author_id uuid NOT NULL,
  note_date date NOT NULL,
  body text NOT NULL CHECK (length(body) <= 20000),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
  signed_at timestamptz,
  corrects_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  CHECK ((status = 'signed') = (signed_at IS NOT NULL)),
  FOREIGN KEY (municipality_id, case_id) REFERENCES client_case (municipality_id, id),
  FOREIGN KEY (municipality_id, author_id) REFERENCES app_user (municipality_id, id),
  FOREIGN KEY (municipality_id, corrects_id) REFERENCES journal_note (municipality_id, id)
);
CREATE INDEX journal_note_case_idx ON journal_note (municipality_id, case_id, note_date);
CREATE INDEX journal_note_author_idx ON journal_note (municipality_id, author_id);
CREATE INDEX journal_note_corrects_idx ON journal_note (municipality_id, corrects_id);

-- Requests for completion (begäran om komplettering) with a deadline, open until answered.
CREATE TABLE completion_request (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  application_id uuid,
  requested text NOT NULL CHECK (length(requested) BETWEEN 1 AND 2000),
  deadline date NOT NULL,
  requested_by uuid NOT NULL,
  requested_on date NOT NULL,
  answered_on date,
  PRIMARY KEY (municipality_id, id),
  CHECK (deadline >= requested_on),
  FOREIGN KEY (municipality_id, case_id) REFERENCES client_case (municipality_id, id),
  FOREIGN KEY (municipality_id, application_id) REFERENCES application (municipality_id, id),
  FOREIGN KEY (municipality_id, requested_by) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX completion_request_case_idx ON completion_request (municipality_id, case_id);
CREATE INDEX completion_request_application_idx ON completion_request (municipality_id, application_id);
CREATE INDEX completion_request_requested_by_idx ON completion_request (municipality_id, requested_by);

-- A decision on an application, per cost item. Signed decisions never change; a change is a new
-- decision that supersedes the old one.
CREATE TABLE decision (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  application_id uuid NOT NULL,
  month date NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
  decided_on date NOT NULL,
  decided_by uuid NOT NULL,
  signed_at timestamptz,
  supersedes_id uuid,
  -- the norm calculation the decision rests on, as it was computed (year, lines, totals)
  norm jsonb NOT NULL,
  granted_ore integer NOT NULL CHECK (granted_ore BETWEEN 0 AND 100000000),
  reduction_ore integer NOT NULL DEFAULT 0 CHECK (reduction_ore >= 0),
  reduction_reason text,
  condition text CHECK (condition IN ('practice', 'skills_activity')),
  condition_detail text,
  reasons text NOT NULL DEFAULT '' CHECK (length(reasons) <= 10000),
  payee_person_id uuid NOT NULL,
  pay_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  CHECK ((status = 'signed') = (signed_at IS NOT NULL)),
  CHECK ((reduction_ore = 0) = (reduction_reason IS NULL)),
  FOREIGN KEY (municipality_id, case_id) REFERENCES client_case (municipality_id, id),
  FOREIGN KEY (municipality_id, application_id) REFERENCES application (municipality_id, id),
  FOREIGN KEY (municipality_id, decided_by) REFERENCES app_user (municipality_id, id),
  FOREIGN KEY (municipality_id, supersedes_id) REFERENCES decision (municipality_id, id),
  FOREIGN KEY (municipality_id, payee_person_id) REFERENCES person (municipality_id, id)
);
CREATE INDEX decision_case_idx ON decision (municipality_id, case_id, month);
CREATE INDEX decision_application_idx ON decision (municipality_id, application_id);
CREATE INDEX decision_decided_by_idx ON decision (municipality_id, decided_by);
CREATE INDEX decision_supersedes_idx ON decision (municipality_id, supersedes_id);
CREATE INDEX decision_payee_idx ON decision (municipality_id, payee_person_id);
CREATE INDEX decision_due_idx ON decision (municipality_id, pay_on) WHERE status = 'signed';
-- At most one decision of an application stands (not superseded) at a time.
CREATE UNIQUE INDEX decision_one_superseding_idx ON decision (municipality_id, supersedes_id)
  WHERE supersedes_id IS NOT NULL;

CREATE TABLE decision_item (
  municipality_id text NOT NULL,
  decision_id uuid NOT NULL,
  line_no integer NOT NULL CHECK (line_no > 0),
  item_type text NOT NULL,
  applied_ore integer NOT NULL CHECK (applied_ore BETWEEN 0 AND 100000000),
  granted_ore integer NOT NULL CHECK (granted_ore BETWEEN 0 AND 100000000),
  outcome text NOT NULL CHECK (outcome IN ('granted', 'partly_granted', 'refused')),
  provision text NOT NULL,
  reason text CHECK (length(reason) <= 2000),
  PRIMARY KEY (municipality_id, decision_id, line_no),
  FOREIGN KEY (municipality_id, decision_id) REFERENCES decision (municipality_id, id) ON DELETE CASCADE
);

-- A signed decision or journal note is immutable, in the database itself.
-- The one exception: resetting a demo municipality (`npx kedjan demo --reset`) removes it whole.
CREATE FUNCTION demo_reset_of(municipality text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('kedjan.demo_reset', true), '') = 'on'
     AND EXISTS (SELECT 1 FROM municipality m WHERE m.id = municipality AND m.is_demo);
$$;

CREATE FUNCTION refuse_change_when_signed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND demo_reset_of(OLD.municipality_id) THEN
    RETURN OLD;
  END IF;
  IF OLD.status = 'signed' THEN
    RAISE EXCEPTION '% is signed and cannot change', TG_TABLE_NAME USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER decision_signed_immutable BEFORE UPDATE OR DELETE ON decision
  FOR EACH ROW EXECUTE FUNCTION refuse_change_when_signed();
CREATE TRIGGER journal_note_signed_immutable BEFORE UPDATE OR DELETE ON journal_note
  FOR EACH ROW EXECUTE FUNCTION refuse_change_when_signed();

CREATE FUNCTION refuse_item_change_when_signed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_decision uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.decision_id ELSE OLD.decision_id END;
  row_municipality text := CASE WHEN TG_OP = 'INSERT' THEN NEW.municipality_id ELSE OLD.municipality_id END;
BEGIN
  IF TG_OP = 'DELETE' AND demo_reset_of(OLD.municipality_id) THEN
    RETURN OLD;
  END IF;
  -- An import of history (the demo, a migration) writes signed decisions with their items; it
  -- says so for its own transaction only.
  IF TG_OP = 'INSERT' AND coalesce(current_setting('kedjan.importing_history', true), '') = 'on' THEN
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM decision d WHERE d.municipality_id = row_municipality AND d.id = row_decision
             AND d.status = 'signed') THEN
    RAISE EXCEPTION 'the decision is signed and its items cannot change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER decision_item_signed_immutable BEFORE INSERT OR UPDATE OR DELETE ON decision_item
  FOR EACH ROW EXECUTE FUNCTION refuse_item_change_when_signed();

-- Personal visits booked with the caseworker.
CREATE TABLE visit (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  caseworker_id uuid NOT NULL,
  starts_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'held', 'cancelled', 'no_show')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES client_case (municipality_id, id),
  FOREIGN KEY (municipality_id, caseworker_id) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX visit_case_idx ON visit (municipality_id, case_id, starts_at);
CREATE INDEX visit_caseworker_idx ON visit (municipality_id, caseworker_id, starts_at);
CREATE UNIQUE INDEX visit_slot_taken_idx ON visit (municipality_id, caseworker_id, starts_at)
  WHERE status <> 'cancelled';

-- A payee's bank account. A new or changed account takes effect only when a second person
-- approves it.
CREATE TABLE bank_account (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  person_id uuid NOT NULL,
  clearing_number text NOT NULL CHECK (clearing_number ~ '^[0-9]{4,5}$'),
  account_number text NOT NULL CHECK (account_number ~ '^[0-9]{1,12}$'),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'replaced')),
  requested_by uuid NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  reviewed_by uuid,
  reviewed_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  CHECK (reviewed_by IS NULL OR reviewed_by <> requested_by),
  CHECK ((status IN ('approved', 'rejected')) <= (reviewed_by IS NOT NULL)),
  FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, id),
  FOREIGN KEY (municipality_id, requested_by) REFERENCES app_user (municipality_id, id),
  FOREIGN KEY (municipality_id, reviewed_by) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX bank_account_person_idx ON bank_account (municipality_id, person_id);
CREATE INDEX bank_account_requested_by_idx ON bank_account (municipality_id, requested_by);
CREATE INDEX bank_account_reviewed_by_idx ON bank_account (municipality_id, reviewed_by);
CREATE UNIQUE INDEX bank_account_one_approved_idx ON bank_account (municipality_id, person_id)
  WHERE status = 'approved';

-- The monthly payment run: prepared by one user, approved by another. One active run per month.
CREATE TABLE payment_run (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  month date NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
  pay_on date NOT NULL,
  status text NOT NULL DEFAULT 'prepared' CHECK (status IN ('prepared', 'approved', 'cancelled')),
  prepared_by uuid NOT NULL,
  prepared_at timestamptz NOT NULL DEFAULT now(),
  approved_by uuid,
  approved_at timestamptz,
  message_id text,
  file_sha256 text,
  PRIMARY KEY (municipality_id, id),
  CHECK (approved_by IS NULL OR approved_by <> prepared_by),
  CHECK ((status = 'approved') = (approved_at IS NOT NULL)),
  FOREIGN KEY (municipality_id, prepared_by) REFERENCES app_user (municipality_id, id),
  FOREIGN KEY (municipality_id, approved_by) REFERENCES app_user (municipality_id, id)
);
CREATE UNIQUE INDEX payment_run_one_per_month_idx ON payment_run (municipality_id, month)
  WHERE status <> 'cancelled';
CREATE INDEX payment_run_prepared_by_idx ON payment_run (municipality_id, prepared_by);
CREATE INDEX payment_run_approved_by_idx ON payment_run (municipality_id, approved_by);

-- One payment per decision, ever: the unique key is what makes a re-run, a concurrent run or a run
-- after a crash unable to pay anyone twice.
CREATE TABLE payment (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  run_id uuid NOT NULL,
  decision_id uuid NOT NULL,
  case_id uuid NOT NULL,
  person_id uuid NOT NULL,
  amount_ore integer NOT NULL CHECK (amount_ore > 0),
  clearing_number text NOT NULL,
  account_number text NOT NULL,
  end_to_end_id text NOT NULL,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'sent', 'stopped', 'reversed')),
  status_reason text CHECK (length(status_reason) <= 500),
  status_changed_by uuid,
  status_changed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, decision_id),
  UNIQUE (municipality_id, end_to_end_id),
  CHECK ((status IN ('stopped', 'reversed')) = (status_reason IS NOT NULL)),
  FOREIGN KEY (municipality_id, run_id) REFERENCES payment_run (municipality_id, id),
  FOREIGN KEY (municipality_id, decision_id) REFERENCES decision (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES client_case (municipality_id, id),
  FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, id),
  FOREIGN KEY (municipality_id, status_changed_by) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX payment_run_idx ON payment (municipality_id, run_id);
CREATE INDEX payment_case_idx ON payment (municipality_id, case_id);
CREATE INDEX payment_person_idx ON payment (municipality_id, person_id);
CREATE INDEX payment_status_changed_by_idx ON payment (municipality_id, status_changed_by);

-- Incorrect payments: the investigator's case and the recovery decision with its repayment plan.
CREATE TABLE investigation (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  opened_by uuid NOT NULL,
  opened_on date NOT NULL,
  -- the months under suspicion: the payments made in them are what a recovery can concern
  period_from date NOT NULL,
  period_to date NOT NULL,
  suspicion text NOT NULL CHECK (suspicion IN (
    'undeclared_income', 'undeclared_cohabitation', 'double_rent', 'wrong_household', 'not_resident', 'other')),
  findings text NOT NULL DEFAULT '' CHECK (length(findings) <= 20000),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  outcome text CHECK (outcome IN ('incorrect_payment', 'no_incorrect_payment', 'police_report')),
  closed_on date,
  PRIMARY KEY (municipality_id, id),
  CHECK ((status = 'closed') = (closed_on IS NOT NULL AND outcome IS NOT NULL)),
  CHECK (period_from <= period_to),
  CHECK (closed_on IS NULL OR closed_on >= opened_on),
  FOREIGN KEY (municipality_id, case_id) REFERENCES client_case (municipality_id, id),
  FOREIGN KEY (municipality_id, opened_by) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX investigation_case_idx ON investigation (municipality_id, case_id);
CREATE INDEX investigation_opened_by_idx ON investigation (municipality_id, opened_by);
CREATE INDEX investigation_status_idx ON investigation (municipality_id, status, opened_on);

CREATE TABLE recovery (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  investigation_id uuid NOT NULL,
  case_id uuid NOT NULL,
  decided_by uuid NOT NULL,
  decided_on date NOT NULL,
  amount_ore integer NOT NULL CHECK (amount_ore > 0),
  -- when the recovered assistance was granted: it decides which act's provision applies
  granted_from date NOT NULL,
  -- the provision in force on granted_from, e.g. 'SFS 2001:453 9 kap. 1 §'
  provision text NOT NULL,
  monthly_ore integer NOT NULL CHECK (monthly_ore > 0),
  first_due_on date NOT NULL,
  reasons text NOT NULL CHECK (length(reasons) BETWEEN 1 AND 10000),
  PRIMARY KEY (municipality_id, id),
  CHECK (monthly_ore <= amount_ore),
  FOREIGN KEY (municipality_id, investigation_id) REFERENCES investigation (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES client_case (municipality_id, id),
  FOREIGN KEY (municipality_id, decided_by) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX recovery_investigation_idx ON recovery (municipality_id, investigation_id);
CREATE INDEX recovery_case_idx ON recovery (municipality_id, case_id);
CREATE INDEX recovery_decided_by_idx ON recovery (municipality_id, decided_by);

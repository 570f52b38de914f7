-- The labour-market unit (arbetsmarknadsenhet): referrals, mapping, personal plans, the
-- intervention catalogue with placements and waiting lists, weekly attendance, subsidised
-- employments with the union's review, exits, notices back to assistance, the information flows
-- between the two units (OSL 26 kap, 8 kap 2 §), and summer jobs. Money is integer öre.

-- Routines per municipality (defaults: Borås/Uppsala as in the seeds).
CREATE TABLE labour_setting (
  municipality_id text PRIMARY KEY REFERENCES municipality (id),
  -- work-oriented interventions need a capacity of at least this many hours a week (25 % of 40)
  work_oriented_min_hours integer NOT NULL DEFAULT 10 CHECK (work_oriented_min_hours BETWEEN 0 AND 40),
  -- the unit's introduction day: ISO weekday (1 = Monday) and how many it takes each time
  intro_weekday integer NOT NULL DEFAULT 2 CHECK (intro_weekday BETWEEN 1 AND 5),
  intro_capacity integer NOT NULL DEFAULT 20 CHECK (intro_capacity > 0),
  -- whether assistance and the unit are separate parts of the authority (secrecy between them)
  separate_authority boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A referral (anvisning) of a person to the unit. The referring party owns the person's process;
-- the unit reports progress and the exit back to the owner.
CREATE TABLE referral (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  person_id uuid NOT NULL,
  -- the unit's case about the person's household (client_case.kind = 'labour')
  case_id uuid NOT NULL,
  initiator text NOT NULL CHECK (initiator IN (
    'employment_service', 'employment_service_with_social_services', 'social_insurance',
    'individual', 'social_services')),
  owner_name text NOT NULL CHECK (length(owner_name) BETWEEN 1 AND 200),
  owner_user_id uuid,
  -- when social services refer: the household's assistance case, to which notices go
  assistance_case_id uuid,
  -- direct activation: the application whose applicant said they were unemployed
  application_id uuid,
  referred_on date NOT NULL,
  reason text CHECK (length(reason) <= 2000),
  intro_day date,
  intro_attended boolean,
  exit_on date,
  exit_result text CHECK (exit_result IN (
    'work', 'work_subsidised', 'studies', 'transfer_social_insurance', 'transfer_employment_service',
    'transfer_health_care', 'assignment_completed', 'moved', 'broken_off', 'other')),
  exit_comment text CHECK (length(exit_comment) <= 2000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  CHECK ((exit_on IS NULL) = (exit_result IS NULL)),
  CHECK (exit_on IS NULL OR exit_on >= referred_on),
  CHECK (intro_day IS NULL OR intro_day >= referred_on),
  FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES client_case (municipality_id, id),
  FOREIGN KEY (municipality_id, owner_user_id) REFERENCES app_user (municipality_id, id),
  FOREIGN KEY (municipality_id, assistance_case_id) REFERENCES client_case (municipality_id, id),
  FOREIGN KEY (municipality_id, application_id) REFERENCES application (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX referral_person_idx ON referral (municipality_id, person_id, referred_on);
CREATE INDEX referral_case_idx ON referral (municipality_id, case_id);
CREATE INDEX referral_owner_user_idx ON referral (municipality_id, owner_user_id);
CREATE INDEX referral_assistance_case_idx ON referral (municipality_id, assistance_case_id);
CREATE INDEX referral_application_idx ON referral (municipality_id, application_id);
CREATE INDEX referral_created_by_idx ON referral (municipality_id, created_by);
CREATE INDEX referral_intro_day_idx ON referral (municipality_id, intro_day) WHERE exit_on IS NULL;
CREATE INDEX referral_referred_on_idx ON referral (municipality_id, referred_on, initiator);
-- One open referral per person at a time.
CREATE UNIQUE INDEX referral_one_open_idx ON referral (municipality_id, person_id) WHERE exit_on IS NULL;

-- Registration with Arbetsförmedlingen, as the person or the employment service says.
CREATE TABLE employment_service_registration (
  municipality_id text NOT NULL,
  person_id uuid NOT NULL,
  registered_on date NOT NULL,
  ended_on date,
  recorded_by uuid,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, person_id, registered_on),
  CHECK (ended_on IS NULL OR ended_on >= registered_on),
  FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, id),
  FOREIGN KEY (municipality_id, recorded_by) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX employment_service_registration_recorded_by_idx
  ON employment_service_registration (municipality_id, recorded_by);

-- The mapping (kartläggning): the person's capacity and situation.
CREATE TABLE labour_mapping (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  referral_id uuid NOT NULL,
  mapped_on date NOT NULL,
  capacity_hours integer NOT NULL CHECK (capacity_hours BETWEEN 0 AND 40),
  education text CHECK (length(education) <= 2000),
  work_experience text CHECK (length(work_experience) <= 2000),
  obstacles text CHECK (length(obstacles) <= 2000),
  summary text CHECK (length(summary) <= 4000),
  mapped_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, referral_id) REFERENCES referral (municipality_id, id),
  FOREIGN KEY (municipality_id, mapped_by) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX labour_mapping_referral_idx ON labour_mapping (municipality_id, referral_id, mapped_on);
CREATE INDEX labour_mapping_mapped_by_idx ON labour_mapping (municipality_id, mapped_by);

-- The personal plan (genomförandeplan); a revision is a new version, the old one kept.
CREATE TABLE personal_plan (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  referral_id uuid NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  goal text NOT NULL CHECK (length(goal) BETWEEN 1 AND 4000),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  follow_up_on date NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revised', 'closed')),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, referral_id, version),
  CHECK (ends_on >= starts_on),
  CHECK (follow_up_on >= starts_on),
  FOREIGN KEY (municipality_id, referral_id) REFERENCES referral (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES app_user (municipality_id, id)
);
CREATE UNIQUE INDEX personal_plan_one_active_idx ON personal_plan (municipality_id, referral_id)
  WHERE status = 'active';
CREATE INDEX personal_plan_follow_up_idx ON personal_plan (municipality_id, follow_up_on)
  WHERE status = 'active';
CREATE INDEX personal_plan_created_by_idx ON personal_plan (municipality_id, created_by);

CREATE TABLE plan_follow_up (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  plan_id uuid NOT NULL,
  done_on date NOT NULL,
  comment text NOT NULL CHECK (length(comment) BETWEEN 1 AND 4000),
  done_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, plan_id) REFERENCES personal_plan (municipality_id, id),
  FOREIGN KEY (municipality_id, done_by) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX plan_follow_up_plan_idx ON plan_follow_up (municipality_id, plan_id, done_on);
CREATE INDEX plan_follow_up_done_by_idx ON plan_follow_up (municipality_id, done_by);

-- The unit's intervention catalogue (insatser) with its limits.
CREATE TABLE intervention (
  municipality_id text NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN (
    'low_threshold', 'coaching', 'supported_education', 'job_track', 'work_training',
    'practice_municipal', 'practice_private', 'course', 'matching', 'sheltered_work')),
  -- work-oriented ones need the configured capacity; the others are "step 1"
  work_oriented boolean NOT NULL,
  target_group text CHECK (length(target_group) <= 500),
  min_age integer CHECK (min_age BETWEEN 15 AND 70),
  max_age integer CHECK (max_age BETWEEN 15 AND 70),
  max_weeks integer CHECK (max_weeks > 0),
  max_hours_per_week integer CHECK (max_hours_per_week BETWEEN 1 AND 40),
  -- participants who may start per calendar year; null = no limit
  capacity_per_year integer CHECK (capacity_per_year > 0),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, name),
  CHECK (min_age IS NULL OR max_age IS NULL OR min_age <= max_age)
);

-- A person's place in an intervention, or on its waiting list.
CREATE TABLE placement (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  referral_id uuid NOT NULL,
  intervention_id uuid NOT NULL,
  plan_id uuid,
  status text NOT NULL CHECK (status IN ('waiting', 'active', 'ended', 'cancelled')),
  requested_on date NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  hours_per_week integer NOT NULL CHECK (hours_per_week BETWEEN 1 AND 40),
  ended_on date,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  CHECK (ends_on >= starts_on),
  CHECK ((status = 'ended') = (ended_on IS NOT NULL)),
  FOREIGN KEY (municipality_id, referral_id) REFERENCES referral (municipality_id, id),
  FOREIGN KEY (municipality_id, intervention_id) REFERENCES intervention (municipality_id, id),
  FOREIGN KEY (municipality_id, plan_id) REFERENCES personal_plan (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX placement_referral_idx ON placement (municipality_id, referral_id);
CREATE INDEX placement_intervention_idx ON placement (municipality_id, intervention_id, status, starts_on);
CREATE INDEX placement_plan_idx ON placement (municipality_id, plan_id);
CREATE INDEX placement_created_by_idx ON placement (municipality_id, created_by);

-- Weekly attendance in a placement; week is the Monday.
CREATE TABLE attendance (
  municipality_id text NOT NULL,
  placement_id uuid NOT NULL,
  week date NOT NULL CHECK (EXTRACT(ISODOW FROM week) = 1),
  planned_hours integer NOT NULL CHECK (planned_hours BETWEEN 0 AND 60),
  attended_hours integer NOT NULL CHECK (attended_hours BETWEEN 0 AND 60),
  absence_reason text CHECK (absence_reason IN ('sick', 'valid', 'without_reason')),
  comment text CHECK (length(comment) <= 1000),
  reported_by uuid NOT NULL,
  reported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, placement_id, week),
  FOREIGN KEY (municipality_id, placement_id) REFERENCES placement (municipality_id, id),
  FOREIGN KEY (municipality_id, reported_by) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX attendance_reported_by_idx ON attendance (municipality_id, reported_by);

-- Subsidised employments (arbetsmarknadsanställningar); forms are dated data in the code.
CREATE TABLE subsidised_employment (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  referral_id uuid NOT NULL,
  person_id uuid NOT NULL,
  form text NOT NULL,
  employer text NOT NULL CHECK (length(employer) BETWEEN 1 AND 200),
  workplace text CHECK (length(workplace) <= 200),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  hours_per_week integer NOT NULL CHECK (hours_per_week BETWEEN 1 AND 40),
  monthly_salary_cost_ore integer NOT NULL CHECK (monthly_salary_cost_ore BETWEEN 0 AND 20000000),
  monthly_support_ore integer NOT NULL CHECK (monthly_support_ore BETWEEN 0 AND 20000000),
  -- an extension of an earlier employment (one year, extendable one more)
  extends_id uuid,
  union_review text NOT NULL DEFAULT 'pending' CHECK (union_review IN ('pending', 'approved', 'refused')),
  union_reason text CHECK (length(union_reason) <= 2000),
  union_reviewed_on date,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'started', 'ended', 'cancelled')),
  ended_on date,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  CHECK (ends_on >= starts_on),
  CHECK (monthly_support_ore <= monthly_salary_cost_ore),
  CHECK ((union_review = 'pending') = (union_reviewed_on IS NULL)),
  CHECK (union_review <> 'refused' OR union_reason IS NOT NULL),
  CHECK (status <> 'started' OR union_review = 'approved'),
  CHECK ((status = 'ended') = (ended_on IS NOT NULL)),
  FOREIGN KEY (municipality_id, referral_id) REFERENCES referral (municipality_id, id),
  FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, id),
  FOREIGN KEY (municipality_id, extends_id) REFERENCES subsidised_employment (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX subsidised_employment_person_idx ON subsidised_employment (municipality_id, person_id, starts_on);
CREATE INDEX subsidised_employment_referral_idx ON subsidised_employment (municipality_id, referral_id);
CREATE INDEX subsidised_employment_extends_idx ON subsidised_employment (municipality_id, extends_id);
CREATE INDEX subsidised_employment_created_by_idx ON subsidised_employment (municipality_id, created_by);
CREATE INDEX subsidised_employment_ends_idx ON subsidised_employment (municipality_id, ends_on)
  WHERE status IN ('planned', 'started');

-- What may flow between assistance and the unit about a person: the person's consent or a
-- legal basis, per direction, revocable. Without one the other unit sees nothing.
CREATE TABLE information_flow (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  person_id uuid NOT NULL,
  direction text NOT NULL CHECK (direction IN ('assistance_to_labour', 'labour_to_assistance')),
  basis text NOT NULL CHECK (basis IN ('consent', 'law')),
  legal_reference text CHECK (length(legal_reference) <= 200),
  given_on date NOT NULL,
  revoked_on date,
  recorded_by uuid NOT NULL,
  revoked_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  CHECK (basis <> 'law' OR legal_reference IS NOT NULL),
  CHECK (revoked_on IS NULL OR revoked_on >= given_on),
  CHECK ((revoked_on IS NULL) = (revoked_by IS NULL)),
  FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, id),
  FOREIGN KEY (municipality_id, recorded_by) REFERENCES app_user (municipality_id, id),
  FOREIGN KEY (municipality_id, revoked_by) REFERENCES app_user (municipality_id, id)
);
CREATE UNIQUE INDEX information_flow_one_standing_idx ON information_flow (municipality_id, person_id, direction)
  WHERE revoked_on IS NULL;
CREATE INDEX information_flow_recorded_by_idx ON information_flow (municipality_id, recorded_by);
CREATE INDEX information_flow_revoked_by_idx ON information_flow (municipality_id, revoked_by);

-- What the unit reports back to assistance (absence, deviation, employment, exit), shown to the
-- caseworker of the assistance case; only written while a labour_to_assistance flow stands.
CREATE TABLE labour_notice (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  referral_id uuid NOT NULL,
  person_id uuid NOT NULL,
  assistance_case_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('referred', 'absence', 'deviation', 'employment_started', 'exit')),
  week date,
  -- codes and numbers only (hours, exit result, employment form), never free text
  detail jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  acknowledged_at timestamptz,
  acknowledged_by uuid,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, referral_id) REFERENCES referral (municipality_id, id),
  FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, id),
  FOREIGN KEY (municipality_id, assistance_case_id) REFERENCES client_case (municipality_id, id),
  FOREIGN KEY (municipality_id, acknowledged_by) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX labour_notice_referral_idx ON labour_notice (municipality_id, referral_id);
CREATE INDEX labour_notice_person_idx ON labour_notice (municipality_id, person_id);
CREATE INDEX labour_notice_case_idx ON labour_notice (municipality_id, assistance_case_id, created_at);
CREATE INDEX labour_notice_acknowledged_by_idx ON labour_notice (municipality_id, acknowledged_by);

-- Summer jobs (feriearbeten): a round per year, positions, applicants and the allocation.
CREATE TABLE summer_job_round (
  municipality_id text NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  apply_by date NOT NULL,
  min_age integer NOT NULL DEFAULT 16 CHECK (min_age BETWEEN 13 AND 25),
  max_age integer NOT NULL DEFAULT 19 CHECK (max_age BETWEEN 13 AND 25),
  -- the allocation's lottery seed, kept so that anyone can re-run and check it
  lottery_seed integer,
  allocated_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, year),
  CHECK (min_age <= max_age)
);

CREATE TABLE summer_job_position (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  round_id uuid NOT NULL,
  employer text NOT NULL CHECK (length(employer) BETWEEN 1 AND 200),
  employer_kind text NOT NULL CHECK (employer_kind IN ('department', 'association', 'company')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  places integer NOT NULL CHECK (places BETWEEN 1 AND 500),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, round_id) REFERENCES summer_job_round (municipality_id, id)
);
CREATE INDEX summer_job_position_round_idx ON summer_job_position (municipality_id, round_id);

CREATE TABLE summer_job_applicant (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  round_id uuid NOT NULL,
  person_id uuid NOT NULL,
  applied_on date NOT NULL,
  -- priority facts the rule uses (see labour/domain/summer-jobs)
  household_with_assistance boolean NOT NULL DEFAULT false,
  had_summer_job_before boolean NOT NULL DEFAULT false,
  -- up to three positions in order of preference
  preferences uuid[] NOT NULL DEFAULT '{}',
  position_id uuid,
  offer_status text NOT NULL DEFAULT 'none' CHECK (offer_status IN ('none', 'offered', 'accepted', 'declined')),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, round_id, person_id),
  CHECK ((position_id IS NULL) = (offer_status = 'none')),
  FOREIGN KEY (municipality_id, round_id) REFERENCES summer_job_round (municipality_id, id),
  FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, id),
  FOREIGN KEY (municipality_id, position_id) REFERENCES summer_job_position (municipality_id, id)
);
CREATE INDEX summer_job_applicant_person_idx ON summer_job_applicant (municipality_id, person_id);
CREATE INDEX summer_job_applicant_position_idx ON summer_job_applicant (municipality_id, position_id);

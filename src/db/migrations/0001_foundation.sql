-- Foundation: municipalities, units, users and roles, sessions, persons and households,
-- case assignments (the basis of access), manager alerts and the hash-chained audit log.
-- Every tenant table carries municipality_id first in its primary key so that the data can be
-- distributed by municipality (e.g. Citus) without changing queries.

CREATE TABLE municipality (
  id text PRIMARY KEY CHECK (id ~ '^[0-9]{4}$'),
  name text NOT NULL,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE unit (
  municipality_id text NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('assistance', 'labour', 'management', 'fraud', 'analysis', 'administration')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, name)
);

CREATE TABLE app_user (
  municipality_id text NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  display_name text NOT NULL,
  email text,
  oidc_subject text,
  demo_login boolean NOT NULL DEFAULT false,
  protected_identity_clearance boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, oidc_subject)
);

CREATE TABLE role_assignment (
  municipality_id text NOT NULL,
  user_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('caseworker', 'labour_consultant', 'unit_manager', 'fraud_investigator', 'analyst', 'administrator')),
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, user_id, unit_id, role),
  FOREIGN KEY (municipality_id, user_id) REFERENCES app_user (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, unit_id) REFERENCES unit (municipality_id, id)
);
CREATE INDEX role_assignment_unit_idx ON role_assignment (municipality_id, unit_id);

CREATE TABLE user_session (
  municipality_id text NOT NULL,
  token_hash text NOT NULL,
  user_id uuid NOT NULL,
  csrf_token text NOT NULL,
  auth_method text NOT NULL CHECK (auth_method IN ('oidc', 'demo')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  idle_expires_at timestamptz NOT NULL,
  ended_at timestamptz,
  PRIMARY KEY (municipality_id, token_hash),
  FOREIGN KEY (municipality_id, user_id) REFERENCES app_user (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX user_session_user_idx ON user_session (municipality_id, user_id);

CREATE TABLE person (
  municipality_id text NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  -- normalised: twelve digits YYYYMMDDNNNC (samordningsnummer with day + 60)
  personal_number text NOT NULL CHECK (personal_number ~ '^[0-9]{12}$'),
  number_kind text NOT NULL CHECK (number_kind IN ('personnummer', 'samordningsnummer')),
  first_name text NOT NULL,
  last_name text NOT NULL,
  birth_date date NOT NULL,
  sex text NOT NULL CHECK (sex IN ('female', 'male')),
  street_address text,
  postal_code text,
  city text,
  protected_identity boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, personal_number)
);
-- Name search is by prefix of either name; byte order ("C") makes a prefix a plain index range.
CREATE INDEX person_last_name_idx ON person (municipality_id, (lower(last_name) COLLATE "C"));
CREATE INDEX person_first_name_idx ON person (municipality_id, (lower(first_name) COLLATE "C"));

CREATE TABLE household (
  municipality_id text NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id)
);

-- Composition over time: a member belongs to the household from valid_from to valid_to (exclusive).
CREATE TABLE household_member (
  municipality_id text NOT NULL,
  household_id uuid NOT NULL,
  person_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('applicant', 'co_applicant', 'child', 'other_adult')),
  valid_from date NOT NULL,
  valid_to date,
  PRIMARY KEY (municipality_id, household_id, person_id, valid_from),
  FOREIGN KEY (municipality_id, household_id) REFERENCES household (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, id),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX household_member_person_idx ON household_member (municipality_id, person_id);

-- A case (ärende) of a unit about a household; the assignment of cases to units is what grants
-- caseworkers access to persons. Later parts (assistance, labour) hang their records on it.
CREATE TABLE client_case (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  household_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  caseworker_id uuid,
  kind text NOT NULL CHECK (kind IN ('assistance', 'labour')),
  opened_on date NOT NULL,
  closed_on date,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, household_id) REFERENCES household (municipality_id, id),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES unit (municipality_id, id),
  FOREIGN KEY (municipality_id, caseworker_id) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX client_case_household_idx ON client_case (municipality_id, household_id);
CREATE INDEX client_case_unit_idx ON client_case (municipality_id, unit_id);
CREATE INDEX client_case_caseworker_idx ON client_case (municipality_id, caseworker_id);

CREATE TABLE manager_alert (
  municipality_id text NOT NULL,
  id uuid NOT NULL,
  unit_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('protected_identity_opened')),
  actor_user_id uuid NOT NULL,
  person_id uuid NOT NULL,
  purpose text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  acknowledged_at timestamptz,
  acknowledged_by uuid,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES unit (municipality_id, id),
  FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, id)
);
CREATE INDEX manager_alert_unit_idx ON manager_alert (municipality_id, unit_id, created_at);
CREATE INDEX manager_alert_person_idx ON manager_alert (municipality_id, person_id);

-- The audit log is append-only and hash-chained. Entries are spread over a few chains (shards)
-- per municipality so that concurrent requests do not queue on one chain head; each chain is
-- verified on its own. municipality_id '0000' holds events that belong to no municipality
-- (e.g. unauthenticated requests).
CREATE TABLE audit_chain_head (
  municipality_id text NOT NULL,
  chain smallint NOT NULL,
  seq bigint NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (municipality_id, chain)
);

CREATE TABLE audit_log (
  municipality_id text NOT NULL,
  chain smallint NOT NULL,
  seq bigint NOT NULL,
  id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  payload text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  -- Columns below are copies of payload fields, for searching (loggkontroll); verify checks
  -- them against the hashed payload.
  actor_user_id uuid,
  action text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('allowed', 'denied', 'failed')),
  person_ids uuid[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (municipality_id, chain, seq)
);
-- Append-only and written in time order: a BRIN index finds date ranges at almost no insert cost.
CREATE INDEX audit_log_time_idx ON audit_log USING brin (occurred_at);
CREATE INDEX audit_log_actor_idx ON audit_log (municipality_id, actor_user_id, occurred_at);
CREATE INDEX audit_log_person_idx ON audit_log USING gin (person_ids);

CREATE FUNCTION audit_log_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_forbid_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_forbid_change();

INSERT INTO municipality (id, name) VALUES ('0000', 'Ingen kommun (system)');

-- The facts the assistance indicators are counted from, kept beside the records they come from:
-- each household month with assistance paid (sent payments by the month decided) and each member
-- of those months with their reason code. They are derived data: followup/db/indicator-facts.ts
-- rebuilds the months marked stale here, and triggers on the records mark a month stale whenever
-- something it is counted from changes (a payment made, stopped or reversed; an application's
-- members; a reason code; a household's members, which stand in for an application without any;
-- a person's birth date).
-- Counting from the facts reads one narrow row per household month and per person month instead
-- of joining payments, decisions, cases, applications and their members for every question.

CREATE TABLE indicator_household_month (
  municipality_id text NOT NULL REFERENCES municipality (id),
  month date NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
  household_id uuid NOT NULL,
  paid_ore bigint NOT NULL CHECK (paid_ore > 0),
  -- the application of the month's latest decision: whose members the month counts
  application_id uuid,
  PRIMARY KEY (municipality_id, month, household_id)
);

CREATE TABLE indicator_member_month (
  municipality_id text NOT NULL REFERENCES municipality (id),
  month date NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
  person_id uuid NOT NULL,
  -- an applicant or partner (adult) or a child of the application, in any household that month
  adult boolean NOT NULL,
  child boolean NOT NULL,
  reason_code text,
  birth_date date NOT NULL,
  PRIMARY KEY (municipality_id, month, person_id)
);

-- A work list without a reference to the municipality: deleting a demo municipality's records
-- marks their months as they go.
CREATE TABLE indicator_stale_month (
  municipality_id text NOT NULL,
  month date NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
  -- raised by every change, so that a rebuild forgets only the changes it has seen
  version bigint NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, month)
);

CREATE FUNCTION indicator_months_stale_by_payments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO indicator_stale_month (municipality_id, month)
  SELECT DISTINCT d.municipality_id, d.month
  FROM changed c JOIN decision d ON d.municipality_id = c.municipality_id AND d.id = c.decision_id
  ON CONFLICT (municipality_id, month) DO UPDATE SET version = indicator_stale_month.version + 1;
  RETURN NULL;
END $$;

CREATE FUNCTION indicator_months_stale_by_application_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO indicator_stale_month (municipality_id, month)
  SELECT DISTINCT a.municipality_id, a.month
  FROM changed c JOIN application a ON a.municipality_id = c.municipality_id AND a.id = c.application_id
  ON CONFLICT (municipality_id, month) DO UPDATE SET version = indicator_stale_month.version + 1;
  RETURN NULL;
END $$;

CREATE FUNCTION indicator_months_stale_by_reason_codes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO indicator_stale_month (municipality_id, month)
  SELECT DISTINCT c.municipality_id, c.month FROM changed c
  ON CONFLICT (municipality_id, month) DO UPDATE SET version = indicator_stale_month.version + 1;
  RETURN NULL;
END $$;

-- A household's members count only for months whose application has none recorded; the months
-- with facts of that household in the member's period are marked.
CREATE FUNCTION indicator_months_stale_by_household_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO indicator_stale_month (municipality_id, month)
  SELECT DISTINCT f.municipality_id, f.month
  FROM (SELECT municipality_id, household_id, valid_from, valid_to FROM changed
        UNION ALL
        SELECT municipality_id, household_id, valid_from, valid_to FROM changed_before) c
  JOIN indicator_household_month f
    ON f.municipality_id = c.municipality_id AND f.household_id = c.household_id
   AND f.month >= date_trunc('month', c.valid_from) AND (c.valid_to IS NULL OR f.month < c.valid_to)
  ON CONFLICT (municipality_id, month) DO UPDATE SET version = indicator_stale_month.version + 1;
  RETURN NULL;
END $$;

CREATE FUNCTION indicator_months_stale_by_birth_dates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO indicator_stale_month (municipality_id, month)
  SELECT DISTINCT f.municipality_id, f.month
  FROM changed c
  JOIN changed_before b ON b.municipality_id = c.municipality_id AND b.id = c.id
  JOIN indicator_member_month f ON f.municipality_id = c.municipality_id AND f.person_id = c.id
  WHERE b.birth_date IS DISTINCT FROM c.birth_date
  ON CONFLICT (municipality_id, month) DO UPDATE SET version = indicator_stale_month.version + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER person_updated_stales_indicators AFTER UPDATE ON person
  REFERENCING OLD TABLE AS changed_before NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION indicator_months_stale_by_birth_dates();

CREATE TRIGGER payment_inserted_stales_indicators AFTER INSERT ON payment
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION indicator_months_stale_by_payments();
CREATE TRIGGER payment_updated_stales_indicators AFTER UPDATE ON payment
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION indicator_months_stale_by_payments();
CREATE TRIGGER payment_deleted_stales_indicators AFTER DELETE ON payment
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION indicator_months_stale_by_payments();

CREATE TRIGGER application_member_inserted_stales_indicators AFTER INSERT ON application_member
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION indicator_months_stale_by_application_members();
CREATE TRIGGER application_member_updated_stales_indicators AFTER UPDATE ON application_member
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION indicator_months_stale_by_application_members();
CREATE TRIGGER application_member_deleted_stales_indicators AFTER DELETE ON application_member
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION indicator_months_stale_by_application_members();

CREATE TRIGGER reason_code_inserted_stales_indicators AFTER INSERT ON reason_code
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION indicator_months_stale_by_reason_codes();
CREATE TRIGGER reason_code_updated_stales_indicators AFTER UPDATE ON reason_code
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION indicator_months_stale_by_reason_codes();
CREATE TRIGGER reason_code_deleted_stales_indicators AFTER DELETE ON reason_code
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION indicator_months_stale_by_reason_codes();

CREATE FUNCTION indicator_months_stale_by_household_member_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO indicator_stale_month (municipality_id, month)
  SELECT DISTINCT f.municipality_id, f.month
  FROM changed c
  JOIN indicator_household_month f
    ON f.municipality_id = c.municipality_id AND f.household_id = c.household_id
   AND f.month >= date_trunc('month', c.valid_from) AND (c.valid_to IS NULL OR f.month < c.valid_to)
  ON CONFLICT (municipality_id, month) DO UPDATE SET version = indicator_stale_month.version + 1;
  RETURN NULL;
END $$;

-- (A member of a household without facts marks nothing: its payments will.)
CREATE TRIGGER household_member_inserted_stales_indicators AFTER INSERT ON household_member
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION indicator_months_stale_by_household_member_rows();
CREATE TRIGGER household_member_deleted_stales_indicators AFTER DELETE ON household_member
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION indicator_months_stale_by_household_member_rows();
CREATE TRIGGER household_member_updated_stales_indicators AFTER UPDATE ON household_member
  REFERENCING OLD TABLE AS changed_before NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION indicator_months_stale_by_household_members();

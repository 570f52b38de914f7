-- The whole-chain timeline (issue 4) kept per person: each event of the person's chain as the
-- timeline statement finds it in the records (labour/db/chain-event-sources.ts), so that a page is
-- one index range instead of a statement over a dozen source tables. Derived data:
-- labour/db/chain-events.ts rebuilds a person marked stale before reading them, and triggers on
-- every record the timeline reads mark the persons whose events a change touches. Who may see
-- which part is decided when reading, never stored.

CREATE TABLE chain_event (
  municipality_id text NOT NULL REFERENCES municipality (id),
  person_id uuid NOT NULL,
  on_date date NOT NULL,
  part text NOT NULL CHECK (part IN ('assistance', 'labour')),
  kind text NOT NULL,
  id text NOT NULL,
  -- the case whose unit decides whether a user of the part's own unit sees the event: the
  -- assistance case, or the labour case of the event's referral
  scope_case_id uuid NOT NULL,
  case_id uuid,
  referral_id uuid,
  month date,
  code text,
  status text,
  review text,
  name text,
  amount_ore bigint,
  hours integer,
  version integer,
  attended boolean,
  from_date date,
  to_date date,
  -- newest first is this key read backwards
  PRIMARY KEY (municipality_id, person_id, on_date, part, kind, id),
  -- erasing a person erases their derived events with them
  FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, id) ON DELETE CASCADE
);

-- A work list without references: deleting a person's records marks them as they go.
CREATE TABLE chain_stale_person (
  municipality_id text NOT NULL,
  person_id uuid NOT NULL,
  -- raised by every change, so that a rebuild forgets only the changes it has seen
  version bigint NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, person_id)
);

-- Persons already recorded have no events kept yet: each is built at its first read.
INSERT INTO chain_stale_person (municipality_id, person_id) SELECT municipality_id, id FROM person;

-- One function per kind of record: which persons' chains the changed rows (`changed`: the new rows
-- of an insert or update, the old rows of a delete or update) belong to.

CREATE FUNCTION chain_stale_by_person_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO chain_stale_person (municipality_id, person_id)
  SELECT DISTINCT r.municipality_id, r.person_id FROM changed r
  ON CONFLICT (municipality_id, person_id) DO UPDATE SET version = chain_stale_person.version + 1;
  RETURN NULL;
END $$;

-- A case's events belong to its household's members (of any time) and to the persons referred in it.
CREATE FUNCTION chain_stale_by_cases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO chain_stale_person (municipality_id, person_id)
  SELECT DISTINCT p.municipality_id, p.person_id FROM (
    SELECT hm.municipality_id, hm.person_id FROM changed r
    JOIN household_member hm ON hm.municipality_id = r.municipality_id AND hm.household_id = r.household_id
    UNION ALL
    SELECT rf.municipality_id, rf.person_id FROM changed r
    JOIN referral rf ON rf.municipality_id = r.municipality_id AND rf.case_id = r.id) p
  ON CONFLICT (municipality_id, person_id) DO UPDATE SET version = chain_stale_person.version + 1;
  RETURN NULL;
END $$;

-- Applications, decisions and payments belong to the members of their application.
CREATE FUNCTION chain_stale_by_applications() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO chain_stale_person (municipality_id, person_id)
  SELECT DISTINCT am.municipality_id, am.person_id FROM changed r
  JOIN application_member am ON am.municipality_id = r.municipality_id AND am.application_id = r.id
  ON CONFLICT (municipality_id, person_id) DO UPDATE SET version = chain_stale_person.version + 1;
  RETURN NULL;
END $$;

CREATE FUNCTION chain_stale_by_decisions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO chain_stale_person (municipality_id, person_id)
  SELECT DISTINCT am.municipality_id, am.person_id FROM changed r
  JOIN application_member am ON am.municipality_id = r.municipality_id AND am.application_id = r.application_id
  ON CONFLICT (municipality_id, person_id) DO UPDATE SET version = chain_stale_person.version + 1;
  RETURN NULL;
END $$;

CREATE FUNCTION chain_stale_by_payments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO chain_stale_person (municipality_id, person_id)
  SELECT DISTINCT am.municipality_id, am.person_id FROM changed r
  JOIN decision d ON d.municipality_id = r.municipality_id AND d.id = r.decision_id
  JOIN application_member am ON am.municipality_id = d.municipality_id AND am.application_id = d.application_id
  ON CONFLICT (municipality_id, person_id) DO UPDATE SET version = chain_stale_person.version + 1;
  RETURN NULL;
END $$;

-- A payment's date is its run's.
CREATE FUNCTION chain_stale_by_payment_runs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO chain_stale_person (municipality_id, person_id)
  SELECT DISTINCT am.municipality_id, am.person_id FROM changed r
  JOIN payment pm ON pm.municipality_id = r.municipality_id AND pm.run_id = r.id
  JOIN decision d ON d.municipality_id = pm.municipality_id AND d.id = pm.decision_id
  JOIN application_member am ON am.municipality_id = d.municipality_id AND am.application_id = d.application_id
  ON CONFLICT (municipality_id, person_id) DO UPDATE SET version = chain_stale_person.version + 1;
  RETURN NULL;
END $$;

-- The unit's records belong to the person referred.
CREATE FUNCTION chain_stale_by_referral_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO chain_stale_person (municipality_id, person_id)
  SELECT DISTINCT rf.municipality_id, rf.person_id FROM changed r
  JOIN referral rf ON rf.municipality_id = r.municipality_id AND rf.id = r.referral_id
  ON CONFLICT (municipality_id, person_id) DO UPDATE SET version = chain_stale_person.version + 1;
  RETURN NULL;
END $$;

CREATE FUNCTION chain_stale_by_plan_follow_ups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO chain_stale_person (municipality_id, person_id)
  SELECT DISTINCT rf.municipality_id, rf.person_id FROM changed r
  JOIN personal_plan pl ON pl.municipality_id = r.municipality_id AND pl.id = r.plan_id
  JOIN referral rf ON rf.municipality_id = pl.municipality_id AND rf.id = pl.referral_id
  ON CONFLICT (municipality_id, person_id) DO UPDATE SET version = chain_stale_person.version + 1;
  RETURN NULL;
END $$;

-- A placement shows its intervention's name and kind.
CREATE FUNCTION chain_stale_by_interventions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO chain_stale_person (municipality_id, person_id)
  SELECT DISTINCT rf.municipality_id, rf.person_id FROM changed r
  JOIN placement pc ON pc.municipality_id = r.municipality_id AND pc.intervention_id = r.id
  JOIN referral rf ON rf.municipality_id = pc.municipality_id AND rf.id = pc.referral_id
  ON CONFLICT (municipality_id, person_id) DO UPDATE SET version = chain_stale_person.version + 1;
  RETURN NULL;
END $$;

-- Every record the timeline reads, on insert, update (its rows before and after) and delete.
DO $$
DECLARE
  source record;
BEGIN
  FOR source IN SELECT * FROM (VALUES
    ('household_member', 'chain_stale_by_person_rows'),
    ('reason_code', 'chain_stale_by_person_rows'),
    ('application_member', 'chain_stale_by_person_rows'),
    ('referral', 'chain_stale_by_person_rows'),
    ('client_case', 'chain_stale_by_cases'),
    ('application', 'chain_stale_by_applications'),
    ('decision', 'chain_stale_by_decisions'),
    ('payment', 'chain_stale_by_payments'),
    ('payment_run', 'chain_stale_by_payment_runs'),
    ('labour_mapping', 'chain_stale_by_referral_rows'),
    ('personal_plan', 'chain_stale_by_referral_rows'),
    ('placement', 'chain_stale_by_referral_rows'),
    ('subsidised_employment', 'chain_stale_by_referral_rows'),
    ('plan_follow_up', 'chain_stale_by_plan_follow_ups'),
    ('intervention', 'chain_stale_by_interventions')) AS s (tbl, fn)
  LOOP
    EXECUTE format('CREATE TRIGGER %1$s_inserted_stales_chain AFTER INSERT ON %1$I REFERENCING NEW TABLE AS changed
                    FOR EACH STATEMENT EXECUTE FUNCTION %2$I()', source.tbl, source.fn);
    EXECUTE format('CREATE TRIGGER %1$s_updated_stales_chain AFTER UPDATE ON %1$I REFERENCING NEW TABLE AS changed
                    FOR EACH STATEMENT EXECUTE FUNCTION %2$I()', source.tbl, source.fn);
    EXECUTE format('CREATE TRIGGER %1$s_updated_before_stales_chain AFTER UPDATE ON %1$I REFERENCING OLD TABLE AS changed
                    FOR EACH STATEMENT EXECUTE FUNCTION %2$I()', source.tbl, source.fn);
    EXECUTE format('CREATE TRIGGER %1$s_deleted_stales_chain AFTER DELETE ON %1$I REFERENCING OLD TABLE AS changed
                    FOR EACH STATEMENT EXECUTE FUNCTION %2$I()', source.tbl, source.fn);
  END LOOP;
END $$;

-- Follow-up: Kolada (RKA) benchmarking data, imported from Kolada's public API v3 or from the
-- shipped snapshot (docs/kolada.md). These are published national figures, not a municipality's
-- own records: the same values serve every tenant, so the tables are global (no municipality_id
-- in the key; listed in GLOBAL_TABLES of test/integration/schema-conventions.test.ts).
-- Areas use Kolada's codes: 4 digits ('0000' = the country) or a municipality group 'G…'.

CREATE TABLE kolada_kpi (
  id text PRIMARY KEY CHECK (id ~ '^[A-Z][0-9]{5}$'),
  title text NOT NULL,
  description text,
  is_divided_by_gender boolean NOT NULL DEFAULT false,
  municipality_type text,
  operating_area text,
  auspice text,
  publication_date text,
  fetched_at timestamptz NOT NULL
);

CREATE TABLE kolada_municipality (
  id text PRIMARY KEY CHECK (id ~ '^[0-9]{4}$'),
  title text NOT NULL,
  type text,
  fetched_at timestamptz NOT NULL
);

CREATE TABLE kolada_group (
  id text PRIMARY KEY CHECK (id ~ '^G[0-9]+$'),
  title text NOT NULL,
  fetched_at timestamptz NOT NULL
);

CREATE TABLE kolada_group_member (
  group_id text NOT NULL REFERENCES kolada_group (id) ON DELETE CASCADE,
  member_id text NOT NULL CHECK (member_id ~ '^[0-9]{4}$'),
  member_title text NOT NULL,
  PRIMARY KEY (group_id, member_id)
);

CREATE TABLE kolada_value (
  kpi_id text NOT NULL CHECK (kpi_id ~ '^[A-Z][0-9]{5}$'),
  -- Kolada's municipality code, or a group id (its value: the unweighted mean of the members)
  municipality_code text NOT NULL CHECK (municipality_code ~ '^([0-9]{4}|G[0-9]+)$'),
  year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  -- T = total, K = women, M = men
  gender text NOT NULL CHECK (gender IN ('T', 'K', 'M')),
  -- null: Kolada publishes no value (see status)
  value double precision,
  -- groups: the members behind the mean
  count integer CHECK (count >= 0),
  status text NOT NULL DEFAULT '',
  -- 'api' (with the base URL) or 'snapshot'
  source text NOT NULL CHECK (length(source) BETWEEN 1 AND 300),
  fetched_at timestamptz NOT NULL,
  PRIMARY KEY (kpi_id, municipality_code, year, gender)
);
CREATE INDEX kolada_value_area_idx ON kolada_value (municipality_code, year);

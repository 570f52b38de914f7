-- Follow-up: which Kolada figures a municipality compares itself with (docs/kolada.md,
-- "Comparisons and reconciliation"). One row per municipality; without a row the municipality's
-- own id is taken as its Kolada code (Kolada uses SCB's municipality codes) and no group is shown.
CREATE TABLE benchmark_setting (
  municipality_id text PRIMARY KEY REFERENCES municipality (id),
  -- the municipality's code in Kolada; null = the municipality's own id
  kolada_code text CHECK (kolada_code ~ '^[0-9]{4}$' AND kolada_code <> '0000'),
  -- the comparison group in Kolada (e.g. similar municipalities for financial assistance);
  -- not a foreign key: the setting may name a group before its first import
  comparison_group_id text CHECK (comparison_group_id ~ '^G[0-9]+$'),
  updated_at timestamptz NOT NULL DEFAULT now()
);

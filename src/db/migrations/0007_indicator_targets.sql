-- Follow-up: targets (målvärden) per indicator and year, set by a unit manager. The indicator id
-- is one of the engine's definitions (src/followup/domain/indicators/definitions.ts), which are
-- data in the code rather than rows, so it is checked by the application, not by a foreign key.
CREATE TABLE indicator_target (
  municipality_id text NOT NULL REFERENCES municipality (id),
  indicator_id text NOT NULL CHECK (indicator_id ~ '^[a-z][a-z0-9_]{0,99}$'),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  value double precision NOT NULL,
  comment text CHECK (comment IS NULL OR length(comment) BETWEEN 1 AND 1000),
  set_by uuid NOT NULL,
  set_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, indicator_id, year),
  FOREIGN KEY (municipality_id, set_by) REFERENCES app_user (municipality_id, id)
);
CREATE INDEX indicator_target_set_by_idx ON indicator_target (municipality_id, set_by);
CREATE INDEX indicator_target_year_idx ON indicator_target (municipality_id, year);

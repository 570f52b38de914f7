-- The indicator facts of 0012 put together per year, with the months before it that a period of
-- the year looks back on: one row per household and year with its paid months of the year and
-- the year before, one per person and year with their adult months of the year and the three
-- years before (very long-term: 30 months back from any month of the year), and the year's
-- months as a member and as a child and reason codes. Counting a period then reads one row per
-- household or person and puts nothing together; the month facts stay the source (and give the
-- amounts paid). Bits count months from January of the earliest year: bit 12·k + m - 1 is month
-- m of the k-th year. refreshIndicatorFacts rebuilds the rows of the years a stale month touches,
-- in the same transaction as the month.

CREATE TABLE indicator_household_year (
  municipality_id text NOT NULL,
  year integer NOT NULL,
  household_id uuid NOT NULL,
  -- the year before and this year (24 months); a row when any is paid
  paid_months bigint NOT NULL CHECK (paid_months BETWEEN 1 AND 16777215),
  -- the months from December of the year before to November of this one in which a long-term
  -- stretch ended: paid, not paid the month after, and paid in at least 10 of the 12 months up to it
  long_term_ends bigint NOT NULL CHECK (long_term_ends BETWEEN 0 AND 16777215),
  PRIMARY KEY (municipality_id, year, household_id)
);

CREATE TABLE indicator_person_year (
  municipality_id text NOT NULL,
  year integer NOT NULL,
  person_id uuid NOT NULL,
  -- the three years before and this year (48 months)
  adult_months bigint NOT NULL CHECK (adult_months BETWEEN 0 AND 281474976710655),
  -- this year only
  member_months integer NOT NULL CHECK (member_months BETWEEN 0 AND 4095),
  child_months integer NOT NULL CHECK (child_months BETWEEN 0 AND 4095),
  -- [m]: the reason code of this year's adult month m (null when none); null when none has one
  reason_codes text[] CHECK (cardinality(reason_codes) = 12),
  -- the birth date as the number yyyymmdd: an age on a day is a subtraction
  birth_day integer NOT NULL,
  -- a row when the person is a member this year or an adult in any of the four years
  CHECK (member_months <> 0 OR adult_months <> 0),
  PRIMARY KEY (municipality_id, year, person_id)
);

-- Facts are derived and rebuilt in bulk: checking each row's municipality took a fifth of a
-- rebuild (8 of 40 s for 1.5 million person months). A municipality's facts go with its records
-- (a demo reset deletes every table with a municipality_id; the triggers mark their months).
ALTER TABLE indicator_household_month DROP CONSTRAINT indicator_household_month_municipality_id_fkey;
ALTER TABLE indicator_member_month DROP CONSTRAINT indicator_member_month_municipality_id_fkey;

-- Every month with facts is rebuilt, and the years it touches with it, the next time indicators
-- are counted.
INSERT INTO indicator_stale_month (municipality_id, month)
SELECT DISTINCT municipality_id, month FROM indicator_household_month
ON CONFLICT (municipality_id, month) DO UPDATE SET version = indicator_stale_month.version + 1;

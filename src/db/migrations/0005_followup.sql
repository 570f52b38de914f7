-- Follow-up: the municipality's population per year (SCB, 31 December), the denominators of the
-- indicators that are shares of inhabitants, children or young adults.
CREATE TABLE population (
  municipality_id text NOT NULL REFERENCES municipality (id),
  year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  total integer NOT NULL CHECK (total > 0),
  -- 0–17 years
  children integer NOT NULL CHECK (children >= 0),
  -- 18–24 years
  young_adults integer NOT NULL CHECK (young_adults >= 0),
  source text NOT NULL CHECK (length(source) BETWEEN 1 AND 300),
  PRIMARY KEY (municipality_id, year),
  CHECK (children + young_adults <= total)
);

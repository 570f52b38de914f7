-- Each kept event of the whole-chain timeline (0013) carries itself as the API sends it: a JSON
-- object of the fields its kind uses, written when the person's events are built. A read then
-- sends the stored text and adds only the words of its codes, which depend on the user's
-- language. The columns the object replaces go; those a read still needs stay: the order and the
-- page (on_date, kind, id), who may see the event (part, scope_case_id), the audit (case_id) and
-- the words (code, month).

-- The events kept so far have no body: they go, and their persons are built again at their next read.
INSERT INTO chain_stale_person (municipality_id, person_id)
SELECT DISTINCT municipality_id, person_id FROM chain_event
ON CONFLICT (municipality_id, person_id) DO UPDATE SET version = chain_stale_person.version + 1;

DELETE FROM chain_event;

ALTER TABLE chain_event
  ADD COLUMN body text NOT NULL,
  DROP COLUMN referral_id,
  DROP COLUMN status,
  DROP COLUMN review,
  DROP COLUMN name,
  DROP COLUMN amount_ore,
  DROP COLUMN hours,
  DROP COLUMN version,
  DROP COLUMN attended,
  DROP COLUMN from_date,
  DROP COLUMN to_date;

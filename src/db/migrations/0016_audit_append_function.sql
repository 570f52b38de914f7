-- Appending to the audit log in one call for any number of entries: a request's entry inside its
-- own transaction, or the entries of many read requests at once (the server gathers those that
-- arrive while its previous call runs: audit/db/audit-queue.ts), so that one round trip and one
-- commit serve them all. Each entry goes on the chain of its municipality that the connection
-- picks (its backend's pid modulo `chains`, so parallel connections rarely wait for one another):
-- the head is locked and advanced, and the entry is inserted with the hash of the previous entry,
-- its sequence number and its payload (audit/domain/chain.ts), in the order given. A missing head
-- starts from the genesis hash. The searchable columns are read from the payload itself, so they
-- always agree with it.
CREATE FUNCTION append_audit_entries(payloads text[], chains integer, genesis text) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  payload text;
  entry jsonb;
  head audit_chain_head%ROWTYPE;
  next_hash text;
  written integer := 0;
BEGIN
  FOREACH payload IN ARRAY payloads LOOP
    entry := payload::jsonb;
    SELECT * INTO head FROM audit_chain_head
    WHERE municipality_id = entry->>'municipalityId' AND chain = (pg_backend_pid() % chains)::smallint
    FOR UPDATE;
    IF NOT FOUND THEN
      INSERT INTO audit_chain_head (municipality_id, chain, seq, hash)
      VALUES (entry->>'municipalityId', (pg_backend_pid() % chains)::smallint, 0, genesis)
      ON CONFLICT (municipality_id, chain) DO NOTHING;
      SELECT * INTO STRICT head FROM audit_chain_head
      WHERE municipality_id = entry->>'municipalityId' AND chain = (pg_backend_pid() % chains)::smallint
      FOR UPDATE;
    END IF;
    next_hash := encode(sha256(convert_to(head.hash || E'\n' || (head.seq + 1)::text || E'\n' || payload, 'UTF8')), 'hex');
    UPDATE audit_chain_head SET seq = head.seq + 1, hash = next_hash
    WHERE municipality_id = head.municipality_id AND chain = head.chain;
    INSERT INTO audit_log (municipality_id, chain, seq, id, occurred_at, payload, prev_hash, hash,
                           actor_user_id, action, outcome, person_ids)
    VALUES (head.municipality_id, head.chain, head.seq + 1, (entry->>'id')::uuid,
            (entry->>'occurredAt')::timestamptz, payload, head.hash, next_hash,
            (entry->>'actorUserId')::uuid, entry->>'action', entry->>'outcome',
            ARRAY(SELECT jsonb_array_elements_text(entry->'personIds'))::uuid[]);
    written := written + 1;
  END LOOP;
  RETURN written;
END $$;

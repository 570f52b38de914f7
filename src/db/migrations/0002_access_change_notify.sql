-- Tell every server when access changes (roles, users, ended sessions), so that servers which
-- keep recently checked sessions in memory drop them at once: a revoked role applies on the
-- next request on every server, not only on the one that revoked it.
CREATE FUNCTION notify_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('kedjan_access_changed', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER role_assignment_access_changed AFTER INSERT OR UPDATE OR DELETE ON role_assignment
  FOR EACH STATEMENT EXECUTE FUNCTION notify_access_changed();
CREATE TRIGGER app_user_access_changed AFTER UPDATE OR DELETE ON app_user
  FOR EACH STATEMENT EXECUTE FUNCTION notify_access_changed();
CREATE TRIGGER user_session_ended AFTER UPDATE OF ended_at OR DELETE ON user_session
  FOR EACH STATEMENT EXECUTE FUNCTION notify_access_changed();

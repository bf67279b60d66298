-- The audit log is append-only and signed decisions are never edited: refuse UPDATE and DELETE
-- at the database, whatever code path tries. (A whole-project delete cascades to decisions, so
-- DELETE stays possible there; the audit log has no such path.)
CREATE FUNCTION "launchgate_refuse_change"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'launchgate: % on % is not allowed (append-only)', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "launchgate_refuse_change"();

CREATE TRIGGER "Decision_never_edited"
  BEFORE UPDATE ON "Decision"
  FOR EACH ROW EXECUTE FUNCTION "launchgate_refuse_change"();

-- Council scoping, the application role, the tamper-evident audit log, and tolerant name search.
-- Written for PostgreSQL 15 (Debian) and PGlite (PostgreSQL 18).

CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
--> statement-breakpoint
-- The role the application runs as once started. It is not the tables' owner, so row-level security
-- applies to it; the migrating user must be able to create it (or an administrator creates it first).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hearth_app') THEN
    CREATE ROLE hearth_app NOLOGIN;
  END IF;
  EXECUTE format('GRANT hearth_app TO %I', current_user);
END
$$;
--> statement-breakpoint
-- Grants and council policies for every table that carries local_authority_id. Run after every
-- migration by the migrator, so a table added later is covered without anyone remembering to.
CREATE OR REPLACE FUNCTION hearth_secure_tables() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  t record;
  n integer := 0;
BEGIN
  EXECUTE 'GRANT USAGE ON SCHEMA public TO hearth_app';
  EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO hearth_app';
  EXECUTE 'GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO hearth_app';
  EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM hearth_app';
  EXECUTE 'REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON local_authorities FROM hearth_app';
  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'local_authority_id' AND tb.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.table_name);
    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = t.table_name AND policyname = 'council_scope') THEN
      EXECUTE format(
        'CREATE POLICY council_scope ON %I USING (local_authority_id = nullif(current_setting(''hearth.la_id'', true), '''')::integer) '
        'WITH CHECK (local_authority_id = nullif(current_setting(''hearth.la_id'', true), '''')::integer)',
        t.table_name);
    END IF;
    n := n + 1;
  END LOOP;
  RETURN n;
END
$$;
--> statement-breakpoint
-- Each entry's hash covers the previous entry's hash and its own content, in a per-council chain.
-- The advisory lock serialises writers so two concurrent inserts cannot claim the same predecessor.
CREATE OR REPLACE FUNCTION audit_log_payload(e audit_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_array(
    e.local_authority_id, e.seq, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    e.user_id, e.username, e.action, e.entity, e.entity_id, e.child_id, e.reason, e.detail
  )::text
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  last record;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('hearth.audit_log'), NEW.local_authority_id);
  SELECT seq, hash INTO last FROM audit_log WHERE local_authority_id = NEW.local_authority_id ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last.seq, 0) + 1;
  NEW.prev_hash := coalesce(last.hash, '');
  NEW.hash := encode(sha256(convert_to(NEW.prev_hash || '|' || audit_log_payload(NEW), 'UTF8')), 'hex');
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
-- A council sees only its own row (and the application may not change it: councils are set up by the owner).
ALTER TABLE local_authorities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY council_self ON local_authorities USING (id = nullif(current_setting('hearth.la_id', true), '')::integer);
--> statement-breakpoint
CREATE INDEX people_search_name_trgm ON people USING gin (search_name gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX people_surname_metaphone ON people (dmetaphone(surname));
--> statement-breakpoint
CREATE INDEX people_forename_metaphone ON people (dmetaphone(forename));
--> statement-breakpoint
-- search_name is derived, so no writer can forget it: lower case, hyphens as spaces, apostrophes and
-- punctuation dropped (O'Brien finds OBrien), single spaces.
CREATE OR REPLACE FUNCTION people_search_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_name := trim(regexp_replace(regexp_replace(translate(lower(
    NEW.forename || ' ' || coalesce(NEW.preferred_name || ' ', '') || NEW.surname), '-', ' '), '[''’.,()"]', '', 'g'), '\s+', ' ', 'g'));
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER people_search_name BEFORE INSERT OR UPDATE OF forename, surname, preferred_name ON people
  FOR EACH ROW EXECUTE FUNCTION people_search_name();

-- GIN twins for FerretDB's indexes. up.sh installs this into each FerretDB PostgreSQL
-- database before FerretDB starts; running it again changes nothing.
--
-- Why: FerretDB 1.24 turns an equality filter ({key: v}, {_id: id}) into
--   WHERE _jsonb->$1 @> $2
-- and creates a MongoDB index as a btree on (_jsonb -> 'key'). A btree cannot serve
-- @> (containment), so every find, findOne, _id lookup and count read the whole table.
-- A GIN index on the same expression with jsonb_path_ops does serve @>. It is used
-- only when the query is planned with the real field name instead of $1, which is why
-- up.sh also starts FerretDB with plan_cache_mode=force_custom_plan (docs/development.md).
--
-- What: an event trigger runs after every CREATE INDEX. For a btree index it takes
-- each key column that is exactly (_jsonb -> 'field') and creates
--   CREATE INDEX <table>_<md5>_gin ON <table> USING gin ((_jsonb -> 'field') jsonb_path_ops)
--     WITH (fastupdate = off)
-- unless the table already has a GIN index on that expression (compound indexes get one
-- twin per field). GIN indexes are skipped, so creating a twin does not recurse. Dotted
-- fields ((_jsonb -> 'a') -> 'b') get no twin: FerretDB does not push dotted filters down
-- to PostgreSQL at all. FerretDB's own _ferretdb_* metadata tables are left alone.
-- fastupdate is off because each row adds a single key to a twin, so the pending list
-- saves inserts little, while every lookup reads all of it until the next vacuum
-- (measured after 20,000 inserts: 52 buffers and 0.9 ms per lookup instead of 3 buffers
-- and 0.02 ms; the inserts themselves took ~2 µs per row longer without it).
-- backfill() does the same for the btree indexes that already exist.
--
-- A twin outlives a MongoDB dropIndex of its btree (dropping the collection drops both).
-- A twin that cannot be created is reported as a WARNING and never fails FerretDB's
-- own CREATE INDEX.

SET LOCAL client_min_messages = warning; -- no "already exists, skipping" notices

CREATE SCHEMA IF NOT EXISTS ferretdb_index_twins;

COMMENT ON SCHEMA ferretdb_index_twins IS
  'GIN twins for FerretDB btree indexes; see scripts/infra/ferretdb-index-twins.sql in RewardGraph';

-- Creates the missing GIN twins of one index; returns how many it created.
CREATE OR REPLACE FUNCTION ferretdb_index_twins.twin_index(idx oid) RETURNS integer
LANGUAGE plpgsql AS $fn$
DECLARE
  ix record;
  col integer;
  expr text;
  field text;
  twin text;
  created integer := 0;
BEGIN
  SELECT i.indrelid, i.indnkeyatts, n.nspname, t.relname, am.amname
    INTO ix
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indexrelid
    JOIN pg_am am ON am.oid = c.relam
    JOIN pg_class t ON t.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
   WHERE i.indexrelid = idx;
  IF NOT FOUND OR ix.amname <> 'btree' OR ix.relname LIKE '\_ferretdb\_%' THEN
    RETURN 0;
  END IF;

  FOR col IN 1 .. ix.indnkeyatts LOOP
    -- One key column as text, e.g. (_jsonb -> 'userId'::text)
    expr := pg_get_indexdef(idx, col, true);
    field := substring(expr FROM '^\(_jsonb -> ''((?:[^'']|'''')*)''::text\)$');
    CONTINUE WHEN field IS NULL;
    field := replace(field, '''''', '''');

    -- Already twinned (by us or by hand)?
    CONTINUE WHEN EXISTS (
      SELECT 1
        FROM pg_index gi
        JOIN pg_class gc ON gc.oid = gi.indexrelid
        JOIN pg_am ga ON ga.oid = gc.relam
       WHERE gi.indrelid = ix.indrelid
         AND ga.amname = 'gin'
         AND gi.indnkeyatts = 1
         AND pg_get_indexdef(gi.indexrelid, 1, true) = expr
    );

    -- At most 40 + 1 + 12 + 4 = 57 characters (PostgreSQL's limit is 63), unique in the schema.
    twin := left(ix.relname, 40) || '_' || left(md5(ix.relname || '.' || field), 12) || '_gin';
    BEGIN
      EXECUTE format(
        'CREATE INDEX IF NOT EXISTS %I ON %I.%I USING gin ((_jsonb -> %L) jsonb_path_ops)'
          ' WITH (fastupdate = off)',
        twin, ix.nspname, ix.relname, field
      );
      created := created + 1;
    EXCEPTION WHEN OTHERS THEN
      RAISE WARNING 'ferretdb_index_twins: no GIN twin for %.% (%): %',
        ix.nspname, ix.relname, expr, SQLERRM;
    END;
  END LOOP;
  RETURN created;
END
$fn$;

CREATE OR REPLACE FUNCTION ferretdb_index_twins.on_create_index() RETURNS event_trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  cmd record;
BEGIN
  FOR cmd IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE object_type = 'index' LOOP
    PERFORM ferretdb_index_twins.twin_index(cmd.objid);
  END LOOP;
END
$fn$;

-- Twins for the btree indexes that exist already; returns how many it created.
CREATE OR REPLACE FUNCTION ferretdb_index_twins.backfill() RETURNS integer
LANGUAGE plpgsql AS $fn$
DECLARE
  idx record;
  created integer := 0;
BEGIN
  FOR idx IN
    SELECT format('%I.%I', schemaname, indexname)::regclass::oid AS oid
      FROM pg_indexes
     WHERE schemaname NOT IN ('pg_catalog', 'information_schema', 'ferretdb_index_twins')
       AND schemaname NOT LIKE 'pg\_toast%'
       AND indexdef LIKE '% USING btree %'
  LOOP
    created := created + ferretdb_index_twins.twin_index(idx.oid);
  END LOOP;
  RETURN created;
END
$fn$;

-- up.sh runs this file in one transaction, so the trigger is never missing in between.
DROP EVENT TRIGGER IF EXISTS ferretdb_index_twins;
CREATE EVENT TRIGGER ferretdb_index_twins ON ddl_command_end
  WHEN TAG IN ('CREATE INDEX')
  EXECUTE FUNCTION ferretdb_index_twins.on_create_index();

SELECT ferretdb_index_twins.backfill() AS twins_created;

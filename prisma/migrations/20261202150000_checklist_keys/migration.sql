-- Checklists as code: every item and category gets a stable key, unique in its project; items a
-- pruning apply retired remember the status they had; a project can be "managed by code".
ALTER TABLE "Project" ADD COLUMN "managedByCode" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Category" ADD COLUMN "key" TEXT NOT NULL DEFAULT '';
ALTER TABLE "ChecklistItem"
  ADD COLUMN "key" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "retiredAt" TIMESTAMP(3),
  ADD COLUMN "retiredFromStatus" "ItemStatus";

-- "Backup & Recovery" -> "backup-recovery" (at most 60 characters; "item" when nothing is left).
CREATE FUNCTION "launchgate_slug"(input text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE(NULLIF(rtrim(left(trim(both '-' FROM regexp_replace(lower(COALESCE(input, '')), '[^a-z0-9]+', '-', 'g')), 60), '-'), ''), 'item')
$$;

-- The first free key of a project built on `base`: base, base-2, base-3, ...
CREATE FUNCTION "launchgate_free_key"(tbl text, project text, base text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  candidate text := base;
  n int;
  taken boolean;
BEGIN
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE "projectId" = $1 AND "key" = $2)', tbl) INTO taken USING project, candidate;
  IF NOT taken THEN RETURN candidate; END IF;
  EXECUTE format('SELECT count(*) FROM %I WHERE "projectId" = $1 AND "key" LIKE $2', tbl) INTO n USING project, rtrim(left(base, 52), '-') || '-%';
  n := n + 1;
  LOOP
    candidate := rtrim(left(base, 52), '-') || '-' || n;
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE "projectId" = $1 AND "key" = $2)', tbl) INTO taken USING project, candidate;
    EXIT WHEN NOT taken;
    n := n + 1;
  END LOOP;
  RETURN candidate;
END;
$$;

-- Existing rows: keys from titles and names, de-duplicated per project in creation order.
UPDATE "ChecklistItem" i SET "key" = CASE WHEN r.n = 1 THEN r.base ELSE rtrim(left(r.base, 52), '-') || '-' || r.n END
FROM (
  SELECT id, "launchgate_slug"(title) AS base,
         row_number() OVER (PARTITION BY "projectId", "launchgate_slug"(title) ORDER BY "createdAt", id) AS n
  FROM "ChecklistItem"
) r
WHERE r.id = i.id;
UPDATE "Category" c SET "key" = CASE WHEN r.n = 1 THEN r.base ELSE rtrim(left(r.base, 52), '-') || '-' || r.n END
FROM (
  SELECT id, "launchgate_slug"(name) AS base,
         row_number() OVER (PARTITION BY "projectId", "launchgate_slug"(name) ORDER BY position, id) AS n
  FROM "Category"
) r
WHERE r.id = c.id;

-- A generated "x-2" can meet a title that slugs to "x-2": give the later ones the next free key.
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT id, "projectId", title FROM (
      SELECT id, "projectId", title, row_number() OVER (PARTITION BY "projectId", "key" ORDER BY "createdAt", id) AS n FROM "ChecklistItem"
    ) d WHERE d.n > 1
  LOOP
    UPDATE "ChecklistItem" SET "key" = "launchgate_free_key"('ChecklistItem', r."projectId", "launchgate_slug"(r.title)) WHERE id = r.id;
  END LOOP;
  FOR r IN
    SELECT id, "projectId", name FROM (
      SELECT id, "projectId", name, row_number() OVER (PARTITION BY "projectId", "key" ORDER BY position, id) AS n FROM "Category"
    ) d WHERE d.n > 1
  LOOP
    UPDATE "Category" SET "key" = "launchgate_free_key"('Category', r."projectId", "launchgate_slug"(r.name)) WHERE id = r.id;
  END LOOP;
END;
$$;

CREATE UNIQUE INDEX "ChecklistItem_projectId_key_key" ON "ChecklistItem"("projectId", "key");
CREATE UNIQUE INDEX "Category_projectId_key_key" ON "Category"("projectId", "key");

-- Rows inserted without a key (the UI, the item API, load-test runs, older tools) get one derived
-- from the title or name; an advisory lock per project keeps two concurrent inserts apart.
CREATE FUNCTION "launchgate_default_key"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."key" IS NULL OR NEW."key" = '' THEN
    PERFORM pg_advisory_xact_lock(hashtext('launchgate:key:' || TG_TABLE_NAME || ':' || NEW."projectId"));
    IF TG_TABLE_NAME = 'Category' THEN
      NEW."key" := "launchgate_free_key"(TG_TABLE_NAME, NEW."projectId", "launchgate_slug"(NEW.name));
    ELSE
      NEW."key" := "launchgate_free_key"(TG_TABLE_NAME, NEW."projectId", "launchgate_slug"(NEW.title));
    END IF;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "ChecklistItem_default_key" BEFORE INSERT ON "ChecklistItem" FOR EACH ROW EXECUTE FUNCTION "launchgate_default_key"();
CREATE TRIGGER "Category_default_key" BEFORE INSERT ON "Category" FOR EACH ROW EXECUTE FUNCTION "launchgate_default_key"();

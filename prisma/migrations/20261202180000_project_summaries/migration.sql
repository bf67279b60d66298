-- Portfolio summaries: each project's readiness figures for a day, read by the home page with
-- ORDER BY / LIMIT in SQL instead of computing every project's readiness on every visit.
CREATE TABLE "ProjectSummary" (
    "projectId" TEXT NOT NULL,
    "asOf" DATE NOT NULL,
    "codeVersion" TEXT NOT NULL,
    "scorePercent" DOUBLE PRECISION,
    "verdict" "Verdict" NOT NULL,
    "openBlockers" INTEGER NOT NULL,
    "openBlockerHours" DOUBLE PRECISION NOT NULL,
    "launchDate" DATE,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectSummary_pkey" PRIMARY KEY ("projectId")
);

ALTER TABLE "ProjectSummary" ADD CONSTRAINT "ProjectSummary_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The "data version" signal: a row per project and writing transaction that changed anything a
-- readiness reads (the tables of readiness-fingerprint.ts). A summary refresh deletes exactly the
-- rows it saw before computing, so a change committed meanwhile keeps its project stale.
-- No foreign key on purpose: the trigger must not take a lock on the Project row (writers lock it
-- FOR UPDATE); rows of a deleted project are removed by the Project delete trigger below.
CREATE TABLE "ProjectDataChange" (
    "id" TEXT NOT NULL DEFAULT gen_random_uuid()::text,
    "projectId" TEXT NOT NULL,
    "txid" BIGINT NOT NULL DEFAULT txid_current(),
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectDataChange_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ProjectDataChange_projectId_txid_idx" ON "ProjectDataChange"("projectId", "txid");

-- One row per project a statement touched, once per transaction (statement-level: a bulk insert
-- of 5,000 items adds one row, not 5,000). A project deleted in this statement gets none. A restore
-- (launchgate.restoring = on) brings the backup's own rows instead.
CREATE FUNCTION "launchgate_note_data_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('launchgate.restoring', true) = 'on' THEN RETURN NULL; END IF;
  INSERT INTO "ProjectDataChange" ("projectId")
  SELECT DISTINCT c."projectId" FROM changed_rows c
  WHERE EXISTS (SELECT 1 FROM "Project" p WHERE p.id = c."projectId")
    AND NOT EXISTS (SELECT 1 FROM "ProjectDataChange" d WHERE d."projectId" = c."projectId" AND d.txid = txid_current());
  RETURN NULL;
END $$;

CREATE FUNCTION "launchgate_note_project_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('launchgate.restoring', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "ProjectDataChange" d USING changed_rows c WHERE d."projectId" = c.id;
  ELSE
    INSERT INTO "ProjectDataChange" ("projectId")
    SELECT c.id FROM changed_rows c
    WHERE NOT EXISTS (SELECT 1 FROM "ProjectDataChange" d WHERE d."projectId" = c.id AND d.txid = txid_current());
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['ChecklistItem', 'ItemEvent', 'RiskAcceptance', 'Objective', 'Category', 'TestRun', 'LoadTestSeries', 'ChangeMarker'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "launchgate_note_data_change"()', t || '_note_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "launchgate_note_data_change"()', t || '_note_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "launchgate_note_data_change"()', t || '_note_delete', t);
  END LOOP;
END $$;

CREATE TRIGGER "Project_note_update" AFTER UPDATE ON "Project" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "launchgate_note_project_change"();
CREATE TRIGGER "Project_note_delete" AFTER DELETE ON "Project" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "launchgate_note_project_change"();

-- Load-test series: every run belongs to one. Each project gets a "default" series that is
-- launch evidence and holds the runs it already has, so its figures do not change.
CREATE TABLE "LoadTestSeries" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "description" TEXT,
    "launchEvidence" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "LoadTestSeries_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "LoadTestSeries_projectId_slug_key" ON "LoadTestSeries"("projectId", "slug");
ALTER TABLE "LoadTestSeries" ADD CONSTRAINT "LoadTestSeries_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Dated from the project: the default series has held its runs since the project began (and a
-- backup restored, then migrated, matches the same database migrated in place).
INSERT INTO "LoadTestSeries" ("id", "projectId", "slug", "name", "environment", "description", "launchEvidence", "createdAt", "updatedAt")
SELECT 'ser' || md5(p."id" || ':default'), p."id", 'default', 'Default', 'unspecified',
       'Runs imported without a series', true, p."createdAt", p."createdAt"
FROM "Project" p;

ALTER TABLE "TestRun" ADD COLUMN "seriesId" TEXT;
UPDATE "TestRun" t SET "seriesId" = s."id" FROM "LoadTestSeries" s WHERE s."projectId" = t."projectId" AND s."slug" = 'default';
ALTER TABLE "TestRun" ALTER COLUMN "seriesId" SET NOT NULL;
CREATE INDEX "TestRun_seriesId_runDate_idx" ON "TestRun"("seriesId", "runDate");
ALTER TABLE "TestRun" ADD CONSTRAINT "TestRun_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "LoadTestSeries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Runs open and close blockers (per project, on by default; estimate of the items they open).
ALTER TABLE "Project" ADD COLUMN "runBlockersEnabled" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Project" ADD COLUMN "runBlockerEstimateHours" DOUBLE PRECISION NOT NULL DEFAULT 4;

CREATE TABLE "RunBlocker" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL DEFAULT '',
    "users" INTEGER NOT NULL,
    "openedByRunId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RunBlocker_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "RunBlocker_itemId_key" ON "RunBlocker"("itemId");
CREATE INDEX "RunBlocker_seriesId_rule_endpoint_idx" ON "RunBlocker"("seriesId", "rule", "endpoint");
ALTER TABLE "RunBlocker" ADD CONSTRAINT "RunBlocker_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RunBlocker" ADD CONSTRAINT "RunBlocker_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "LoadTestSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RunBlocker" ADD CONSTRAINT "RunBlocker_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ChecklistItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every run belongs to a series, whoever inserts it: a run inserted without one (raw SQL, an
-- older script) goes to its project's default series, created when missing.
CREATE FUNCTION "launchgate_default_series"() RETURNS trigger AS $$
BEGIN
  IF NEW."seriesId" IS NULL THEN
    INSERT INTO "LoadTestSeries" ("id", "projectId", "slug", "name", "environment", "description", "launchEvidence", "updatedAt")
    VALUES ('ser' || md5(NEW."projectId" || ':default'), NEW."projectId", 'default', 'Default', 'unspecified', 'Runs imported without a series', true, CURRENT_TIMESTAMP)
    ON CONFLICT ("projectId", "slug") DO NOTHING;
    SELECT s."id" INTO NEW."seriesId" FROM "LoadTestSeries" s WHERE s."projectId" = NEW."projectId" AND s."slug" = 'default';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "TestRun_default_series"
  BEFORE INSERT ON "TestRun"
  FOR EACH ROW EXECUTE FUNCTION "launchgate_default_series"();

-- Evidence freshness: a validity per category (items already had one), and when an item's
-- evidence was last given or confirmed.
ALTER TABLE "Category" ADD COLUMN "evidenceValidDays" INTEGER;
ALTER TABLE "ChecklistItem" ADD COLUMN "evidenceAt" TIMESTAMP(3);

-- Backfill: a DONE item's evidence dates from its latest change to DONE, else its last update.
UPDATE "ChecklistItem" i
   SET "evidenceAt" = COALESCE(
     (SELECT max(e.at) FROM "ItemEvent" e
       WHERE e."itemId" = i.id AND e.field = 'status' AND e."toValue" = 'DONE'),
     i."updatedAt")
 WHERE i.status = 'DONE';

-- Measurement confidence: the minimum duration and requests at the decisive level.
ALTER TABLE "Project" ADD COLUMN "confidenceMinRunSeconds" INTEGER NOT NULL DEFAULT 300;
ALTER TABLE "Project" ADD COLUMN "confidenceMinRequests" INTEGER NOT NULL DEFAULT 1000;

-- Change markers: deploys and config changes that date the load-test evidence.
CREATE TABLE "ChangeMarker" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'deploy',
    "version" TEXT,
    "at" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,
    "createdByName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeMarker_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ChangeMarker_projectId_at_idx" ON "ChangeMarker"("projectId", "at");

ALTER TABLE "ChangeMarker" ADD CONSTRAINT "ChangeMarker_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('VIEWER', 'ENGINEER', 'LEAD');

-- CreateEnum
CREATE TYPE "Priority" AS ENUM ('P1', 'P2', 'P3');

-- CreateEnum
CREATE TYPE "ItemStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "RunKind" AS ENUM ('SMOKE', 'LOAD', 'PEAK', 'STRESS', 'SPIKE', 'SOAK', 'ENDURANCE', 'STABILITY');

-- CreateEnum
CREATE TYPE "Verdict" AS ENUM ('GO', 'CONDITIONAL_GO', 'NO_GO');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "expectedProductionUsers" INTEGER NOT NULL DEFAULT 100,
    "requiredHeadroom" DOUBLE PRECISION NOT NULL DEFAULT 2,
    "teamHoursPerDay" DOUBLE PRECISION NOT NULL DEFAULT 8,
    "workingDays" TEXT[] NOT NULL DEFAULT ARRAY['Mon', 'Tue', 'Wed', 'Thu', 'Fri']::TEXT[],
    "targetLaunchDate" DATE,
    "greenP95Ms" DOUBLE PRECISION NOT NULL DEFAULT 100,
    "greenErrorRatePercent" DOUBLE PRECISION NOT NULL DEFAULT 0.1,
    "yellowP95Ms" DOUBLE PRECISION NOT NULL DEFAULT 500,
    "yellowErrorRatePercent" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "redP95Ms" DOUBLE PRECISION NOT NULL DEFAULT 2000,
    "redErrorRatePercent" DOUBLE PRECISION NOT NULL DEFAULT 5,
    "goThresholdPercent" DOUBLE PRECISION NOT NULL DEFAULT 90,
    "conditionalThresholdPercent" DOUBLE PRECISION NOT NULL DEFAULT 80,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Category" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistItem" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "priority" "Priority" NOT NULL,
    "status" "ItemStatus" NOT NULL DEFAULT 'OPEN',
    "estimateHours" DOUBLE PRECISION,
    "estimateLowHours" DOUBLE PRECISION,
    "estimateHighHours" DOUBLE PRECISION,
    "owner" TEXT,
    "dueDate" DATE,
    "evidence" TEXT,
    "evidenceValidDays" INTEGER,
    "source" TEXT,
    "deferrable" BOOLEAN NOT NULL DEFAULT false,
    "runId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChecklistItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ItemEvent" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "itemId" TEXT,
    "actorId" TEXT,
    "actorName" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "field" TEXT NOT NULL,
    "fromValue" TEXT,
    "toValue" TEXT,
    "snapshot" JSONB,

    CONSTRAINT "ItemEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskAcceptance" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "itemId" TEXT,
    "gateId" TEXT,
    "mitigation" TEXT NOT NULL,
    "expiresOn" DATE NOT NULL,
    "acceptedById" TEXT,
    "acceptedByName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "RiskAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objective" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "measured" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Objective_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TestRun" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "RunKind" NOT NULL,
    "tool" TEXT,
    "format" TEXT,
    "users" INTEGER,
    "durationSeconds" DOUBLE PRECISION,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "p50Ms" DOUBLE PRECISION,
    "p90Ms" DOUBLE PRECISION,
    "p95Ms" DOUBLE PRECISION,
    "p99Ms" DOUBLE PRECISION,
    "maxMs" DOUBLE PRECISION,
    "meanMs" DOUBLE PRECISION,
    "throughputRps" DOUBLE PRECISION,
    "runDate" DATE NOT NULL,
    "startedAt" TIMESTAMP(3),
    "intervalSeconds" DOUBLE PRECISION,
    "baselineMeanMs" DOUBLE PRECISION,
    "baselineP99Ms" DOUBLE PRECISION,
    "baselineSuccessRatePercent" DOUBLE PRECISION,
    "fileSha256" TEXT,
    "fileNames" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "fileBytes" BIGINT,
    "warnings" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "importedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TestRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunEndpoint" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "method" TEXT,
    "name" TEXT NOT NULL,
    "requests" INTEGER NOT NULL,
    "failures" INTEGER NOT NULL,
    "p50Ms" DOUBLE PRECISION,
    "p95Ms" DOUBLE PRECISION,
    "p99Ms" DOUBLE PRECISION,
    "meanMs" DOUBLE PRECISION,
    "maxMs" DOUBLE PRECISION,
    "throughputRps" DOUBLE PRECISION,

    CONSTRAINT "RunEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunError" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "endpoint" TEXT,
    "message" TEXT,

    CONSTRAINT "RunError_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunStep" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "users" INTEGER NOT NULL,
    "durationSeconds" DOUBLE PRECISION,
    "requests" INTEGER NOT NULL,
    "failures" INTEGER NOT NULL,
    "errorRatePercent" DOUBLE PRECISION NOT NULL,
    "p50Ms" DOUBLE PRECISION,
    "p95Ms" DOUBLE PRECISION,
    "throughputRps" DOUBLE PRECISION,

    CONSTRAINT "RunStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunSample" (
    "id" BIGSERIAL NOT NULL,
    "runId" TEXT NOT NULL,
    "t" TIMESTAMP(3) NOT NULL,
    "users" INTEGER,
    "requests" INTEGER,
    "failures" INTEGER,
    "rps" DOUBLE PRECISION,
    "failuresPerSec" DOUBLE PRECISION,
    "responseMs" DOUBLE PRECISION,
    "p50Ms" DOUBLE PRECISION,
    "p95Ms" DOUBLE PRECISION,
    "metrics" JSONB,

    CONSTRAINT "RunSample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "verdict" "Verdict" NOT NULL,
    "comment" TEXT NOT NULL,
    "asOf" DATE NOT NULL,
    "snapshot" JSONB NOT NULL,
    "signedById" TEXT,
    "signedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "projectId" TEXT,
    "actorId" TEXT,
    "actorName" TEXT,
    "tokenId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_projectId_userId_key" ON "Membership"("projectId", "userId");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Project_slug_key" ON "Project"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Category_projectId_name_key" ON "Category"("projectId", "name");

-- CreateIndex
CREATE INDEX "ChecklistItem_projectId_priority_status_idx" ON "ChecklistItem"("projectId", "priority", "status");

-- CreateIndex
CREATE INDEX "ChecklistItem_projectId_categoryId_idx" ON "ChecklistItem"("projectId", "categoryId");

-- CreateIndex
CREATE INDEX "ChecklistItem_projectId_createdAt_idx" ON "ChecklistItem"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "ItemEvent_projectId_at_idx" ON "ItemEvent"("projectId", "at");

-- CreateIndex
CREATE INDEX "ItemEvent_itemId_at_idx" ON "ItemEvent"("itemId", "at");

-- CreateIndex
CREATE INDEX "RiskAcceptance_projectId_revokedAt_idx" ON "RiskAcceptance"("projectId", "revokedAt");

-- CreateIndex
CREATE INDEX "RiskAcceptance_itemId_idx" ON "RiskAcceptance"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "Objective_projectId_name_key" ON "Objective"("projectId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "TestRun_projectId_fileSha256_key" ON "TestRun"("projectId", "fileSha256");

-- CreateIndex
CREATE INDEX "TestRun_projectId_runDate_idx" ON "TestRun"("projectId", "runDate");

-- CreateIndex
CREATE INDEX "TestRun_projectId_kind_idx" ON "TestRun"("projectId", "kind");

-- CreateIndex
CREATE INDEX "RunEndpoint_runId_idx" ON "RunEndpoint"("runId");

-- CreateIndex
CREATE INDEX "RunError_runId_idx" ON "RunError"("runId");

-- CreateIndex
CREATE INDEX "RunStep_runId_position_idx" ON "RunStep"("runId", "position");

-- CreateIndex
CREATE INDEX "RunSample_runId_t_idx" ON "RunSample"("runId", "t");

-- CreateIndex
CREATE INDEX "Decision_projectId_createdAt_idx" ON "Decision"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_projectId_at_idx" ON "AuditLog"("projectId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_projectId_idx" ON "ApiToken"("projectId");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Category" ADD CONSTRAINT "Category_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistItem" ADD CONSTRAINT "ChecklistItem_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistItem" ADD CONSTRAINT "ChecklistItem_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistItem" ADD CONSTRAINT "ChecklistItem_runId_fkey" FOREIGN KEY ("runId") REFERENCES "TestRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemEvent" ADD CONSTRAINT "ItemEvent_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAcceptance" ADD CONSTRAINT "RiskAcceptance_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAcceptance" ADD CONSTRAINT "RiskAcceptance_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ChecklistItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objective" ADD CONSTRAINT "Objective_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TestRun" ADD CONSTRAINT "TestRun_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunEndpoint" ADD CONSTRAINT "RunEndpoint_runId_fkey" FOREIGN KEY ("runId") REFERENCES "TestRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunError" ADD CONSTRAINT "RunError_runId_fkey" FOREIGN KEY ("runId") REFERENCES "TestRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunStep" ADD CONSTRAINT "RunStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "TestRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunSample" ADD CONSTRAINT "RunSample_runId_fkey" FOREIGN KEY ("runId") REFERENCES "TestRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Run comparison: a run can be its series' baseline, and each project has comparison tolerances.
ALTER TABLE "TestRun" ADD COLUMN "isBaseline" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "Project" ADD COLUMN "compareP95TolerancePercent" DOUBLE PRECISION NOT NULL DEFAULT 10,
ADD COLUMN "compareErrorRateTolerancePoints" DOUBLE PRECISION NOT NULL DEFAULT 0.5,
ADD COLUMN "compareThroughputTolerancePercent" DOUBLE PRECISION NOT NULL DEFAULT 10;

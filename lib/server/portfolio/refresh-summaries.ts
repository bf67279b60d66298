import "server-only";
import fs from "node:fs";
import path from "node:path";
import { Prisma } from "@/generated/prisma/client";
import { getDb } from "../db";
import { getReadiness } from "../readiness/get-readiness";
import { todayUtc } from "../readiness/load-readiness-input";
import { scopeCondition, type PortfolioScope } from "./portfolio-scope";

export interface StaleProject { id: string; slug: string; name: string }

let codeVersion: string | undefined;
/** The build that computes summaries (.next/BUILD_ID, "dev" without one): a new build's formulas recompute them. */
export function summaryCodeVersion(): string {
  if (codeVersion === undefined) {
    try {
      codeVersion = fs.readFileSync(path.join(process.cwd(), ".next", "BUILD_ID"), "utf8").trim() || "dev";
    } catch {
      codeVersion = "dev";
    }
  }
  return codeVersion;
}

/** SQL: true when the summary `s` of project `p` cannot be shown as today's figures. */
export function staleCondition(today: string): Prisma.Sql {
  return Prisma.sql`(s."projectId" IS NULL OR s."asOf" <> ${today}::date OR s."codeVersion" <> ${summaryCodeVersion()}
    OR EXISTS (SELECT 1 FROM "ProjectDataChange" c WHERE c."projectId" = p.id))`;
}

/** The scope's projects whose summary is missing, of another day or build, or whose data changed since. One statement. */
export async function listStaleProjects(scope: PortfolioScope, today: string, onlyIds?: string[]): Promise<StaleProject[]> {
  const only = onlyIds ? Prisma.sql`AND p.id = ANY(${onlyIds})` : Prisma.empty;
  return getDb().$queryRaw<StaleProject[]>`
    SELECT p.id, p.slug, p.name FROM "Project" p LEFT JOIN "ProjectSummary" s ON s."projectId" = p.id
    WHERE ${scopeCondition(scope)} ${only} AND ${staleCondition(today)}
    ORDER BY p.id`;
}

const BATCH = 4;

/**
 * Recomputes the summaries of `projects` for `today` through getReadiness (its cache: a project
 * whose fingerprint did not change is not recomputed), a few at a time. The change rows read
 * before computing are the ones deleted with the write: a change committed meanwhile stays, so
 * its project stays stale.
 */
export async function refreshSummaries(projects: StaleProject[], today: string): Promise<void> {
  const db = getDb();
  const version = summaryCodeVersion();
  for (let i = 0; i < projects.length; i += BATCH) {
    const batch = projects.slice(i, i + BATCH);
    const ids = batch.map((p) => p.id);
    const seen = await db.$queryRaw<{ id: string }[]>`SELECT id FROM "ProjectDataChange" WHERE "projectId" = ANY(${ids})`;
    const results = await Promise.all(batch.map((p) => getReadiness(p, today)));
    const values = batch.map((p, j) => {
      const r = results[j];
      return Prisma.sql`(${p.id}, ${today}::date, ${version}, ${r.score.overallPercent}::float8, ${r.verdict.value}::"Verdict",
        ${r.blockers.open}::int, ${r.blockers.openHours}::float8, ${r.projection.deterministic?.date ?? null}::date, now())`;
    });
    // Only projects that still exist (one may have been deleted while it was computed).
    await db.$executeRaw`
      WITH written AS (
        INSERT INTO "ProjectSummary" ("projectId", "asOf", "codeVersion", "scorePercent", verdict, "openBlockers", "openBlockerHours", "launchDate", "computedAt")
        SELECT v.* FROM (VALUES ${Prisma.join(values)}) AS v(pid, "asOf", cv, score, verdict, ob, oh, ld, at)
        WHERE EXISTS (SELECT 1 FROM "Project" p WHERE p.id = v.pid)
        ON CONFLICT ("projectId") DO UPDATE SET "asOf" = EXCLUDED."asOf", "codeVersion" = EXCLUDED."codeVersion",
          "scorePercent" = EXCLUDED."scorePercent", verdict = EXCLUDED.verdict, "openBlockers" = EXCLUDED."openBlockers",
          "openBlockerHours" = EXCLUDED."openBlockerHours", "launchDate" = EXCLUDED."launchDate", "computedAt" = EXCLUDED."computedAt"
        RETURNING 1
      )
      DELETE FROM "ProjectDataChange" WHERE id = ANY(${seen.map((s) => s.id)})`;
  }
}

/** Every stale summary of every project (the scheduled check's instance runs this once per slot). */
export async function refreshAllSummaries(): Promise<number> {
  const today = todayUtc();
  const stale = await listStaleProjects({ kind: "all" }, today);
  await refreshSummaries(stale, today);
  return stale.length;
}

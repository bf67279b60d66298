import "server-only";
import { cache } from "react";
import { getDb } from "../db";

/**
 * A cheap fingerprint of everything a readiness computation reads for a project: when any item,
 * event, acceptance, objective, category, run, change marker or setting changes, so does this string (and
 * when a decision is signed: the overview's panels read decisions too, and share it). One query,
 * index-backed aggregates only (runs moved between series: two checksums of id and series, no sort).
 */
export async function getReadinessFingerprint(projectId: string): Promise<string> {
  const rows = await getDb().$queryRaw<{ fp: string }[]>`
    SELECT concat_ws('|',
      (SELECT concat(p.version, ':', extract(epoch FROM p."updatedAt")) FROM "Project" p WHERE p.id = ${projectId}),
      (SELECT concat(count(*), ':', extract(epoch FROM max(i."updatedAt"))) FROM "ChecklistItem" i WHERE i."projectId" = ${projectId}),
      (SELECT concat(count(*), ':', extract(epoch FROM max(e.at))) FROM "ItemEvent" e WHERE e."projectId" = ${projectId}),
      (SELECT concat(count(*), ':', extract(epoch FROM max(r."createdAt")), ':', extract(epoch FROM max(r."revokedAt")), ':', count(r."revokedAt"))
         FROM "RiskAcceptance" r WHERE r."projectId" = ${projectId}),
      (SELECT concat(count(*), ':', extract(epoch FROM max(o."updatedAt"))) FROM "Objective" o WHERE o."projectId" = ${projectId}),
      (SELECT string_agg(concat(c.id, ',', c.name, ',', c.weight, ',', c.position, ',', c."evidenceValidDays"), ';' ORDER BY c.id) FROM "Category" c WHERE c."projectId" = ${projectId}),
      (SELECT concat(count(*), ':', extract(epoch FROM max(t."createdAt")), ':', sum(hashtext(t.id || '@' || t."seriesId")), ':', sum(hashtext(t."seriesId" || '@' || t.id)))
         FROM "TestRun" t WHERE t."projectId" = ${projectId}),
      (SELECT string_agg(concat(s.id, ',', s."launchEvidence"), ';' ORDER BY s.id) FROM "LoadTestSeries" s WHERE s."projectId" = ${projectId}),
      (SELECT concat(count(*), ':', extract(epoch FROM max(m."createdAt")), ':', extract(epoch FROM max(m.at))) FROM "ChangeMarker" m WHERE m."projectId" = ${projectId}),
      (SELECT concat(count(*), ':', extract(epoch FROM max(d."createdAt"))) FROM "Decision" d WHERE d."projectId" = ${projectId})
    ) AS fp`;
  return rows[0]?.fp ?? "";
}

/** The fingerprint once per request (the overview's readiness and panels, the blockers page's readiness and burndown ask alike). */
export const getReadinessFingerprintCached = cache(getReadinessFingerprint);

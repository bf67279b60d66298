import "server-only";
import { getDb } from "../db";

export const EVIDENCE_FILTERS = ["expiring", "expired"] as const;
export type EvidenceFilter = (typeof EVIDENCE_FILTERS)[number];
/** "Expires within 14 days": the expiry day is after today and at most this many days ahead. */
export const EXPIRING_WITHIN_DAYS = 14;

/**
 * Ids of the project's DONE items whose evidence has expired on `today`, or expires within the
 * next 14 days (expiry day in (today, today + 14]), by the rule of lib/domain/evidence/freshness.ts:
 * expiry = UTC day of `evidenceAt` (else of `updatedAt`) + validity (the item's, else its category's).
 */
export async function findItemIdsByEvidence(projectId: string, filter: EvidenceFilter, today: string): Promise<string[]> {
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    SELECT id FROM (
      SELECT i.id,
             (COALESCE(i."evidenceAt", i."updatedAt")::date + COALESCE(i."evidenceValidDays", c."evidenceValidDays")) AS expires_on
        FROM "ChecklistItem" i JOIN "Category" c ON c.id = i."categoryId"
       WHERE i."projectId" = ${projectId} AND i.status = 'DONE'
         AND COALESCE(i."evidenceValidDays", c."evidenceValidDays") > 0
    ) x
    WHERE CASE WHEN ${filter} = 'expired' THEN expires_on <= ${today}::date
               ELSE expires_on > ${today}::date AND expires_on <= ${today}::date + ${EXPIRING_WITHIN_DAYS}::int END`;
  return rows.map((r) => r.id);
}

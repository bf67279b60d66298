import "server-only";
import { getDb } from "../db";
import { toDay } from "../readiness/load-readiness-input";

export interface RiskAcceptanceDto {
  id: string;
  kind: "item" | "gate";
  itemId: string | null;
  itemTitle: string | null;
  itemHours: number | null;
  gateId: string | null;
  mitigation: string;
  expiresOn: string;
  acceptedBy: string | null;
  createdAt: string;
  /** expiresOn < asOf: it no longer waives anything. */
  expired: boolean;
}

/** The project's acceptances that are not revoked (an item's closed acceptances are left out). */
export async function listRiskAcceptances(projectId: string, asOf: string): Promise<RiskAcceptanceDto[]> {
  const rows = await getDb().riskAcceptance.findMany({
    where: { projectId, revokedAt: null, OR: [{ gateId: { not: null } }, { item: { status: { in: ["OPEN", "IN_PROGRESS"] }, priority: "P1" } }] },
    select: {
      id: true, itemId: true, gateId: true, mitigation: true, expiresOn: true, acceptedByName: true, createdAt: true,
      item: { select: { title: true, estimateHours: true } },
    },
    orderBy: [{ expiresOn: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((r) => {
    const expiresOn = toDay(r.expiresOn);
    return {
      id: r.id, kind: r.gateId ? "gate" : "item", itemId: r.itemId, itemTitle: r.item?.title ?? null, itemHours: r.item?.estimateHours ?? null,
      gateId: r.gateId, mitigation: r.mitigation, expiresOn, acceptedBy: r.acceptedByName, createdAt: r.createdAt.toISOString(), expired: expiresOn < asOf,
    };
  });
}

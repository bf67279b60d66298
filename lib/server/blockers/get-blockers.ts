import "server-only";
import { computeBurndown, computeReadiness, type Readiness } from "@/lib/domain";
import { buildBurndownChart, type BurndownChart } from "@/lib/domain/view/burndown-chart";
import { groupBlockers, type BlockerGroups, type BlockerItem } from "@/lib/domain/view/readiness-blocker-groups";
import { getDb } from "../db";
import { loadReadinessInput, toDay } from "../readiness/load-readiness-input";

export interface BlockersPageData {
  readiness: Readiness;
  blockers: BlockerGroups;
  chart: BurndownChart;
  settings: { teamHoursPerDay: number; workingDays: string[]; targetLaunchDate: string | null };
}

/** Open P1 items, plus DONE P1 items whose evidence expired (`expired`: item id → expiry day). */
async function listOpenP1Items(projectId: string, expired: ReadonlyMap<string, string>): Promise<BlockerItem[]> {
  const rows = await getDb().checklistItem.findMany({
    where: { projectId, priority: "P1", OR: [{ status: { in: ["OPEN", "IN_PROGRESS"] } }, { id: { in: [...expired.keys()] } }] },
    select: {
      id: true, title: true, categoryId: true, status: true, estimateHours: true, owner: true, dueDate: true, deferrable: true, version: true,
      category: { select: { name: true, position: true } },
      riskAcceptances: { where: { revokedAt: null }, select: { id: true, mitigation: true, expiresOn: true, acceptedByName: true }, orderBy: { createdAt: "desc" }, take: 1 },
    },
  });
  return rows.map((r) => {
    const ra = r.riskAcceptances[0];
    return {
      id: r.id, title: r.title, categoryId: r.categoryId, category: r.category.name, categoryPosition: r.category.position,
      status: r.status === "IN_PROGRESS" ? "IN_PROGRESS" : "OPEN", evidenceExpiredOn: expired.get(r.id) ?? null, estimateHours: r.estimateHours, owner: r.owner, dueDate: r.dueDate ? toDay(r.dueDate) : null,
      deferrable: r.deferrable, version: r.version,
      riskAcceptance: ra ? { id: ra.id, mitigation: ra.mitigation, expiresOn: toDay(ra.expiresOn), acceptedBy: ra.acceptedByName } : null,
    };
  });
}

/** Everything the blockers page shows: one readiness load, the open P1 items and the burndown chart rows. */
export async function getBlockersPage(projectId: string, asOf: string): Promise<BlockersPageData> {
  const input = await loadReadinessInput(projectId, asOf);
  const readiness = computeReadiness(input);
  const items = await listOpenP1Items(projectId, new Map(readiness.stale.map((s) => [s.itemId, s.expiredOn])));
  const burndown = computeBurndown({ settings: input.settings, items: input.items, events: input.events, asOf, projection: readiness.projection });
  const conditional = readiness.projection.conditional;
  const chart = buildBurndownChart(burndown, { conditional: conditional ? { date: conditional.date, fromHours: conditional.remainingHours } : null });
  return {
    readiness,
    blockers: groupBlockers(items, asOf),
    chart,
    settings: { teamHoursPerDay: input.settings.teamHoursPerDay, workingDays: input.settings.workingDays, targetLaunchDate: input.settings.targetLaunchDate },
  };
}

import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { isRunOpened, type ChecklistState } from "@/lib/domain/checklist-file";
import type { DomainCategory, DomainItem } from "@/lib/domain";
import { toDay } from "../readiness/load-readiness-input";

type Client = Pick<Prisma.TransactionClient, "category" | "checklistItem" | "riskAcceptance">;

export interface LoadedChecklist {
  state: ChecklistState;
  /** The same rows as the score formula reads them (for score before / after). */
  scoreCategories: (DomainCategory & { key: string })[];
  scoreItems: DomainItem[];
}

/** The project's categories and items as a checklist file compares them, in three queries. */
export async function loadChecklistState(db: Client, projectId: string): Promise<LoadedChecklist> {
  const [categories, items, acceptances] = await Promise.all([
    db.category.findMany({ where: { projectId }, select: { id: true, key: true, name: true, weight: true, position: true }, orderBy: [{ position: "asc" }, { name: "asc" }] }),
    db.checklistItem.findMany({
      where: { projectId },
      select: {
        id: true, key: true, categoryId: true, title: true, description: true, priority: true, status: true, estimateHours: true, estimateLowHours: true,
        estimateHighHours: true, owner: true, deferrable: true, evidenceValidDays: true, version: true, retiredAt: true, retiredFromStatus: true,
        runId: true, source: true, createdAt: true,
      },
      orderBy: { id: "asc" },
    }),
    db.riskAcceptance.findMany({ where: { projectId, revokedAt: null, itemId: { not: null } }, select: { itemId: true, mitigation: true, expiresOn: true }, orderBy: { createdAt: "asc" } }),
  ]);
  const acceptance = new Map(acceptances.map((a) => [a.itemId!, { mitigation: a.mitigation, expiresOn: toDay(a.expiresOn) }]));
  return {
    state: {
      categories,
      items: items.map((i) => ({
        id: i.id, key: i.key, categoryId: i.categoryId, title: i.title, description: i.description, priority: i.priority, status: i.status,
        estimateHours: i.estimateHours, estimateLowHours: i.estimateLowHours, estimateHighHours: i.estimateHighHours, owner: i.owner,
        deferrable: i.deferrable, evidenceValidDays: i.evidenceValidDays, version: i.version,
        retired: i.retiredAt !== null && i.status === "NOT_APPLICABLE", retiredFromStatus: i.retiredFromStatus, runOpened: isRunOpened(i),
      })),
    },
    scoreCategories: categories,
    scoreItems: items.map((i) => ({
      id: i.id, categoryId: i.categoryId, title: i.title, priority: i.priority, status: i.status, estimateHours: i.estimateHours,
      estimateLowHours: i.estimateLowHours, estimateHighHours: i.estimateHighHours, deferrable: i.deferrable,
      createdAt: i.createdAt.toISOString(), riskAcceptance: acceptance.get(i.id) ?? null,
    })),
  };
}

import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { isExpired, itemEvidenceExpiry } from "@/lib/domain";
import { RETIRED_REASON } from "@/lib/domain/checklist-file/plan";

export const ITEM_SELECT = {
  id: true, key: true, title: true, description: true, categoryId: true, priority: true, status: true,
  estimateHours: true, estimateLowHours: true, estimateHighHours: true, owner: true, dueDate: true,
  evidence: true, evidenceValidDays: true, evidenceAt: true, source: true, deferrable: true, runId: true, version: true,
  createdAt: true, updatedAt: true, retiredAt: true,
  category: { select: { name: true, evidenceValidDays: true } },
  riskAcceptances: {
    where: { revokedAt: null },
    select: { id: true, mitigation: true, expiresOn: true, acceptedByName: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 1,
  },
} satisfies Prisma.ChecklistItemSelect;

type Row = Prisma.ChecklistItemGetPayload<{ select: typeof ITEM_SELECT }>;

export interface ItemDto {
  id: string;
  /** Stable id in the checklist file, unique in the project. */
  key: string;
  title: string;
  description: string | null;
  categoryId: string;
  category: string;
  priority: "P1" | "P2" | "P3";
  status: "OPEN" | "IN_PROGRESS" | "DONE" | "NOT_APPLICABLE";
  estimateHours: number | null;
  estimateLowHours: number | null;
  estimateHighHours: number | null;
  owner: string | null;
  dueDate: string | null;
  evidence: string | null;
  evidenceValidDays: number | null;
  /** When the evidence was last given or confirmed (ISO instant). */
  evidenceAt: string | null;
  /** DONE items with a validity (the item's or its category's): the day the evidence expires. */
  evidenceExpiresOn: string | null;
  /** True when `evidenceExpiresOn` is today or earlier (UTC): the item counts as not done. */
  evidenceExpired: boolean;
  source: string | null;
  deferrable: boolean;
  runId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  riskAcceptance: { id: string; mitigation: string; expiresOn: string; acceptedBy: string | null } | null;
  /** Why it is NOT_APPLICABLE when a checklist apply retired it ("removed from the checklist file"). */
  retiredReason: string | null;
}

function evidenceExpiryOf(r: Row): string | null {
  if (r.status !== "DONE") return null;
  const at = (r.evidenceAt ?? r.updatedAt).toISOString();
  return itemEvidenceExpiry({ status: r.status, evidenceAt: at, evidenceValidDays: r.evidenceValidDays }, r.category.evidenceValidDays);
}

/** The item as the API and the pages see it; freshness is judged as of `today` (UTC). */
export function toItemDto(r: Row, today = new Date().toISOString().slice(0, 10)): ItemDto {
  const ra = r.riskAcceptances[0];
  const expiresOn = evidenceExpiryOf(r);
  return {
    id: r.id,
    key: r.key,
    title: r.title,
    description: r.description,
    categoryId: r.categoryId,
    category: r.category.name,
    priority: r.priority,
    status: r.status,
    estimateHours: r.estimateHours,
    estimateLowHours: r.estimateLowHours,
    estimateHighHours: r.estimateHighHours,
    owner: r.owner,
    dueDate: r.dueDate ? r.dueDate.toISOString().slice(0, 10) : null,
    evidence: r.evidence,
    evidenceValidDays: r.evidenceValidDays,
    evidenceAt: r.evidenceAt ? r.evidenceAt.toISOString() : null,
    evidenceExpiresOn: expiresOn,
    evidenceExpired: expiresOn !== null && isExpired(expiresOn, today),
    source: r.source,
    deferrable: r.deferrable,
    runId: r.runId,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    riskAcceptance: ra ? { id: ra.id, mitigation: ra.mitigation, expiresOn: ra.expiresOn.toISOString().slice(0, 10), acceptedBy: ra.acceptedByName } : null,
    retiredReason: r.retiredAt && r.status === "NOT_APPLICABLE" ? RETIRED_REASON : null,
  };
}

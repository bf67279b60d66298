import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { BlockerItem } from "@/lib/domain/view/readiness-blocker-groups";
import { roundTo } from "@/lib/domain/format-number";
import type { BlockersQuery } from "@/lib/domain/view/blockers-query";
import { getDb } from "../db";
import { toDay } from "../readiness/load-readiness-input";

/** A category's blockers: all of them, not only those on the page. */
export interface BlockerCategoryTotal {
  categoryId: string;
  category: string;
  count: number;
  hours: number;
}

export interface BlockersList {
  /** The page's blocking items, by category (position), most hours first, then title. */
  items: BlockerItem[];
  /** Every category with blocking items, in category order (project-wide, whatever the filter). */
  categories: BlockerCategoryTotal[];
  /** Blocking items the filter keeps (what the pages run over). */
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  blockingCount: number;
  blockingHours: number;
  /** Blocking items already marked deferrable (project-wide): the what-if starts from these. */
  deferrable: { count: number; hours: number };
  /** Open P1 items under an acceptance that holds on asOf, most hours first. */
  accepted: BlockerItem[];
  acceptedHours: number;
}

const SELECT = {
  id: true, title: true, categoryId: true, status: true, estimateHours: true, owner: true, dueDate: true, deferrable: true, version: true,
  category: { select: { name: true, position: true } },
  riskAcceptances: { where: { revokedAt: null }, select: { id: true, mitigation: true, expiresOn: true, acceptedByName: true }, orderBy: { createdAt: "desc" }, take: 1 },
} satisfies Prisma.ChecklistItemSelect;

type Row = Prisma.ChecklistItemGetPayload<{ select: typeof SELECT }>;

/** Most hours first (no estimate counts as none), then title; id keeps pages from overlapping. */
const BY_HOURS: Prisma.ChecklistItemOrderByWithRelationInput[] = [{ estimateHours: { sort: "desc", nulls: "last" } }, { title: "asc" }, { id: "asc" }];

/**
 * Open P1 items and DONE P1 items whose evidence expired (`expiredIds`), scoped to the project;
 * `accepted` picks those under an acceptance that holds on `asOf` (only one acceptance per item
 * is ever unrevoked), else those without one: the blocking items.
 */
export function blockerWhere(projectId: string, asOf: string, expiredIds: readonly string[], accepted: boolean): Prisma.ChecklistItemWhereInput {
  const current = { revokedAt: null, expiresOn: { gte: new Date(`${asOf}T00:00:00Z`) } };
  return {
    projectId, priority: "P1",
    OR: [{ status: { in: ["OPEN", "IN_PROGRESS"] } }, ...(expiredIds.length ? [{ id: { in: [...expiredIds] } }] : [])],
    riskAcceptances: accepted ? { some: current } : { none: current },
  };
}

function toBlocker(r: Row, expired: ReadonlyMap<string, string>): BlockerItem {
  const ra = r.riskAcceptances[0];
  return {
    id: r.id, title: r.title, categoryId: r.categoryId, category: r.category.name, categoryPosition: r.category.position,
    status: r.status === "IN_PROGRESS" ? "IN_PROGRESS" : "OPEN", evidenceExpiredOn: expired.get(r.id) ?? null, estimateHours: r.estimateHours,
    owner: r.owner, dueDate: r.dueDate ? toDay(r.dueDate) : null, deferrable: r.deferrable, version: r.version,
    riskAcceptance: ra ? { id: ra.id, mitigation: ra.mitigation, expiresOn: toDay(ra.expiresOn), acceptedBy: ra.acceptedByName } : null,
  };
}

/**
 * One page of the blockers as of `asOf` (`expired`: item id → the day its evidence expired, from
 * the readiness computation), with per-category and deferrable totals: filtered, summed, sorted
 * and paged in the database, so the page gets only the rows it shows.
 */
export async function listBlockers(projectId: string, asOf: string, expired: ReadonlyMap<string, string>, q: BlockersQuery): Promise<BlockersList> {
  const db = getDb();
  const ids = [...expired.keys()];
  const blocking = blockerWhere(projectId, asOf, ids, false);
  const shown: Prisma.ChecklistItemWhereInput = q.category ? { AND: [blocking, { categoryId: q.category }] } : blocking;
  const [sums, categories, rows, accepted] = await Promise.all([
    db.checklistItem.groupBy({ by: ["categoryId", "deferrable"], where: blocking, _count: { _all: true }, _sum: { estimateHours: true } }),
    db.category.findMany({ where: { projectId }, select: { id: true, name: true, position: true }, orderBy: [{ position: "asc" }, { name: "asc" }] }),
    db.checklistItem.findMany({
      where: shown, select: SELECT, skip: (q.page - 1) * q.pageSize, take: q.pageSize,
      orderBy: [{ category: { position: "asc" } }, { category: { name: "asc" } }, { categoryId: "asc" }, ...BY_HOURS],
    }),
    db.checklistItem.findMany({ where: blockerWhere(projectId, asOf, ids, true), select: SELECT, orderBy: BY_HOURS }),
  ]);
  const byCategory = new Map<string, { count: number; hours: number }>();
  const deferrable = { count: 0, hours: 0 };
  for (const s of sums) {
    const c = byCategory.get(s.categoryId) ?? byCategory.set(s.categoryId, { count: 0, hours: 0 }).get(s.categoryId)!;
    c.count += s._count._all;
    c.hours += s._sum.estimateHours ?? 0;
    if (s.deferrable) {
      deferrable.count += s._count._all;
      deferrable.hours += s._sum.estimateHours ?? 0;
    }
  }
  const totals = categories.filter((c) => byCategory.has(c.id))
    .map((c) => ({ categoryId: c.id, category: c.name, count: byCategory.get(c.id)!.count, hours: roundTo(byCategory.get(c.id)!.hours, 4) }));
  const blockingCount = totals.reduce((a, c) => a + c.count, 0);
  const total = q.category ? (byCategory.get(q.category)?.count ?? 0) : blockingCount;
  const acceptedItems = accepted.map((r) => toBlocker(r, expired));
  return {
    items: rows.map((r) => toBlocker(r, expired)),
    categories: totals,
    total, page: q.page, pageSize: q.pageSize, pageCount: Math.max(1, Math.ceil(total / q.pageSize)),
    blockingCount,
    blockingHours: roundTo(totals.reduce((a, c) => a + c.hours, 0), 4),
    deferrable: { count: deferrable.count, hours: roundTo(deferrable.hours, 4) },
    accepted: acceptedItems,
    acceptedHours: roundTo(acceptedItems.reduce((a, i) => a + (i.estimateHours ?? 0), 0), 4),
  };
}

import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TItemQuery } from "../schemas/item";
import { getDb } from "../db";
import { findItemIdsByEvidence } from "../evidence/evidence-filter";
import { todayUtc } from "../readiness/load-readiness-input";
import { ITEM_SELECT, toItemDto, type ItemDto } from "./item-dto";

export interface ItemPage {
  items: ItemDto[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/** The sort of a query, ending on title and id so pages never overlap. */
export function itemOrderBy(q: Pick<TItemQuery, "sort" | "dir">): Prisma.ChecklistItemOrderByWithRelationInput[] {
  const dir = q.dir;
  const primary: Prisma.ChecklistItemOrderByWithRelationInput =
    q.sort === "category" ? { category: { position: dir } } : { [q.sort]: q.sort === "dueDate" || q.sort === "estimateHours" || q.sort === "owner" || q.sort === "source" ? { sort: dir, nulls: "last" } : dir };
  return [primary, { title: "asc" }, { id: "asc" }];
}

/** The filter and search of a query, always scoped to the project. */
export function itemWhere(projectId: string, q: Pick<TItemQuery, "q" | "category" | "priority" | "status">): Prisma.ChecklistItemWhereInput {
  const where: Prisma.ChecklistItemWhereInput = { projectId };
  if (q.category) where.categoryId = q.category;
  if (q.priority) where.priority = q.priority;
  if (q.status) where.status = q.status;
  if (q.q) {
    where.OR = [
      { title: { contains: q.q, mode: "insensitive" } },
      { owner: { contains: q.q, mode: "insensitive" } },
      { source: { contains: q.q, mode: "insensitive" } },
      { description: { contains: q.q, mode: "insensitive" } },
    ];
  }
  return where;
}

/** `itemWhere` plus the evidence-freshness filter (judged as of today, UTC). */
export async function resolveItemWhere(
  projectId: string, q: Pick<TItemQuery, "q" | "category" | "priority" | "status" | "evidence">,
): Promise<Prisma.ChecklistItemWhereInput> {
  const where = itemWhere(projectId, q);
  if (q.evidence) where.id = { in: await findItemIdsByEvidence(projectId, q.evidence, todayUtc()) };
  return where;
}

/** One page of a project's items, filtered, searched and sorted in the database. */
export async function listItems(projectId: string, q: TItemQuery): Promise<ItemPage> {
  const where = await resolveItemWhere(projectId, q);
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.checklistItem.count({ where }),
    db.checklistItem.findMany({ where, select: ITEM_SELECT, orderBy: itemOrderBy(q), skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
  ]);
  return { items: rows.map((r) => toItemDto(r)), total, page: q.page, pageSize: q.pageSize, pageCount: Math.max(1, Math.ceil(total / q.pageSize)) };
}

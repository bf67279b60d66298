import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/**
 * Locks one row of a project for the rest of the transaction (SELECT … FOR UPDATE). Optimistic
 * locking reads the version after this: a concurrent writer waits here, then sees the committed
 * version and gets a conflict, instead of both passing a version check made on a stale snapshot.
 */
export async function lockItemRow(tx: Prisma.TransactionClient, itemId: string, projectId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "ChecklistItem" WHERE id = ${itemId} AND "projectId" = ${projectId} FOR UPDATE`;
  return rows.length === 1;
}

/** Locks one item of a project and answers its version; null when the project has no such item. */
export async function lockItemVersion(tx: Prisma.TransactionClient, itemId: string, projectId: string): Promise<number | null> {
  const rows = await tx.$queryRaw<{ version: number }[]>`SELECT version FROM "ChecklistItem" WHERE id = ${itemId} AND "projectId" = ${projectId} FOR UPDATE`;
  return rows.length === 1 ? rows[0].version : null;
}

export async function lockProjectRow(tx: Prisma.TransactionClient, projectId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Project" WHERE id = ${projectId} FOR UPDATE`;
  return rows.length === 1;
}

/** Locks several items of a project in id order (a fixed order: no deadlock between bulk edits). */
export async function lockItemRows(tx: Prisma.TransactionClient, itemIds: string[], projectId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "ChecklistItem" WHERE id = ANY(${itemIds}) AND "projectId" = ${projectId} ORDER BY id FOR UPDATE`;
}

import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { actorOf, type Principal } from "./principal";

type Tx = Prisma.TransactionClient;

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

/** Appends one audit entry (who, when, what, before/after) inside the caller's transaction. */
export async function writeAudit(
  tx: Tx,
  entry: {
    principal: Principal;
    projectId: string | null;
    action: string;
    entity: string;
    entityId?: string | null;
    before?: unknown;
    after?: unknown;
    requestId?: string | null;
  },
): Promise<void> {
  const actor = actorOf(entry.principal);
  await tx.auditLog.create({
    data: {
      projectId: entry.projectId,
      actorId: actor.actorId,
      actorName: actor.actorName,
      tokenId: actor.tokenId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
      requestId: entry.requestId ?? null,
    },
  });
}

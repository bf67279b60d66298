import "server-only";
import type { Prisma } from "@/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Who the item history and the audit log name for what a run did to an item. */
export const RUN_BLOCKER_ACTOR = "Launchgate";
export const RUN_BLOCKER_SOURCE = "load test";
/** The item event field that links a run to an item: fromValue = the change, toValue = the run id. */
export const RUN_EVENT_FIELD = "loadTest";

const json = (v: unknown): Prisma.InputJsonValue => JSON.parse(JSON.stringify(v));

/** One item event (run linked) and one audit entry, both by the system, in the caller's transaction. */
export async function writeItemChange(
  tx: Tx,
  w: { projectId: string; itemId: string; runId: string; change: "opened" | "failed-again" | "resolved"; summary: string; action: string; before?: unknown; after?: unknown; requestId?: string },
): Promise<void> {
  await tx.itemEvent.create({
    data: {
      projectId: w.projectId, itemId: w.itemId, actorName: RUN_BLOCKER_ACTOR, field: RUN_EVENT_FIELD, fromValue: w.change, toValue: w.runId,
      snapshot: { runId: w.runId, summary: w.summary },
    },
  });
  await tx.auditLog.create({
    data: {
      projectId: w.projectId, actorName: RUN_BLOCKER_ACTOR, action: w.action, entity: "ChecklistItem", entityId: w.itemId,
      before: w.before === undefined ? undefined : json(w.before), after: json({ ...(w.after as object), change: w.change, runId: w.runId }),
      requestId: w.requestId ?? null,
    },
  });
}

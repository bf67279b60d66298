import "server-only";
import crypto from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { endpointWants, type DeliveredEvent, type WebhookPayload } from "@/lib/domain/webhooks/events";

type Tx = Prisma.TransactionClient;

/**
 * Writes one outbox row per endpoint of the project that subscribed to `event`, in the caller's
 * transaction: the event is stored exactly when the change that causes it commits, and the worker
 * delivers it (at least once) even if the app restarts in between. Returns the delivery ids.
 *
 * Features that raise events call this inside their own transaction, e.g.
 * `await enqueueWebhookEvent(tx, projectId, "blocker.opened", { itemId, title, runId })`.
 */
export async function enqueueWebhookEvent(tx: Tx, projectId: string, event: DeliveredEvent, data: Record<string, unknown>, opts: { endpointId?: string; at?: Date } = {}): Promise<string[]> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { projectId, ...(opts.endpointId ? { id: opts.endpointId } : {}) },
    select: { id: true, events: true },
  });
  const wanted = endpoints.filter((e) => endpointWants(e.events, event));
  if (wanted.length === 0) return [];
  const project = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { slug: true, name: true } });
  const at = (opts.at ?? new Date()).toISOString();
  const rows = wanted.map((e) => {
    const id = crypto.randomUUID();
    const payload: WebhookPayload = { id, event, project, at, data };
    return { id, endpointId: e.id, projectId, event, payload: JSON.parse(JSON.stringify(payload)) as Prisma.InputJsonValue };
  });
  await tx.webhookDelivery.createMany({ data: rows });
  return rows.map((r) => r.id);
}

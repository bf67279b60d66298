import "server-only";
import { writeAudit } from "../audit";
import { getDb } from "../db";
import { ForbiddenError, NotFoundError } from "../errors";
import { actorOf, type ProjectAccess } from "../principal";
import { roleAtLeast } from "../roles";
import { enqueueWebhookEvent } from "./enqueue";
import type { TWebhookCreate } from "./schemas";

export interface WebhookDeliveryDto {
  id: string; event: string; status: string; attempts: number; lastStatusCode: number | null; lastError: string | null;
  createdAt: string; deliveredAt: string | null; nextAttemptAt: string | null;
}
export interface WebhookDto {
  id: string; url: string; events: string[]; format: string; createdBy: string; createdAt: string; secretHint: string;
  deliveries: WebhookDeliveryDto[];
}

function requireLead(access: ProjectAccess): void {
  if (!roleAtLeast(access.role, "LEAD")) throw new ForbiddenError("Only leads manage webhooks");
}

/** The project's endpoints with their latest deliveries (the delivery log). Secrets are never returned. */
export async function listWebhooks(access: ProjectAccess, deliveries = 10): Promise<WebhookDto[]> {
  requireLead(access);
  const rows = await getDb().webhookEndpoint.findMany({
    where: { projectId: access.project.id },
    orderBy: { createdAt: "asc" },
    select: {
      id: true, url: true, events: true, format: true, createdByName: true, createdAt: true, secret: true,
      deliveries: { orderBy: { createdAt: "desc" }, take: deliveries, select: { id: true, event: true, status: true, attempts: true, lastStatusCode: true, lastError: true, createdAt: true, deliveredAt: true, nextAttemptAt: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id, url: r.url, events: r.events, format: r.format, createdBy: r.createdByName, createdAt: r.createdAt.toISOString(),
    secretHint: `…${r.secret.slice(-4)}`,
    deliveries: r.deliveries.map((d) => ({
      id: d.id, event: d.event, status: d.status, attempts: d.attempts, lastStatusCode: d.lastStatusCode, lastError: d.lastError,
      createdAt: d.createdAt.toISOString(), deliveredAt: d.deliveredAt?.toISOString() ?? null,
      nextAttemptAt: d.status === "PENDING" ? d.nextAttemptAt.toISOString() : null,
    })),
  }));
}

export async function createWebhook(access: ProjectAccess, input: TWebhookCreate, requestId?: string): Promise<Omit<WebhookDto, "deliveries">> {
  requireLead(access);
  const events = [...new Set(input.events ?? [])];
  return getDb().$transaction(async (tx) => {
    const r = await tx.webhookEndpoint.create({
      data: { projectId: access.project.id, url: input.url, secret: input.secret, events, format: input.format, createdByName: actorOf(access.principal).actorName },
    });
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "webhook.create", entity: "WebhookEndpoint", entityId: r.id, after: { url: r.url, events, format: r.format }, requestId });
    return { id: r.id, url: r.url, events: r.events, format: r.format, createdBy: r.createdByName, createdAt: r.createdAt.toISOString(), secretHint: `…${r.secret.slice(-4)}` };
  });
}

export async function deleteWebhook(access: ProjectAccess, id: string, requestId?: string): Promise<void> {
  requireLead(access);
  await getDb().$transaction(async (tx) => {
    const res = await tx.webhookEndpoint.deleteMany({ where: { id, projectId: access.project.id } });
    if (res.count !== 1) throw new NotFoundError("No such webhook in this project");
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "webhook.delete", entity: "WebhookEndpoint", entityId: id, requestId });
  });
}

/** Queues a `test` event for one endpoint; the worker delivers it like any other. */
export async function sendTestEvent(access: ProjectAccess, id: string, requestId?: string): Promise<{ deliveryId: string }> {
  requireLead(access);
  return getDb().$transaction(async (tx) => {
    const ep = await tx.webhookEndpoint.findFirst({ where: { id, projectId: access.project.id }, select: { id: true } });
    if (!ep) throw new NotFoundError("No such webhook in this project");
    const [deliveryId] = await enqueueWebhookEvent(tx, access.project.id, "test", { message: "Sent from the settings page", by: actorOf(access.principal).actorName }, { endpointId: ep.id });
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "webhook.test", entity: "WebhookEndpoint", entityId: id, requestId });
    return { deliveryId };
  });
}

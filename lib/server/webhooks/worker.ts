import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { nextAttemptAt } from "@/lib/domain/webhooks/backoff";
import type { WebhookPayload } from "@/lib/domain/webhooks/events";
import { logger } from "../logger";
import { postDelivery } from "./deliver";

export interface WorkerOptions {
  /** First retry delay; doubles each attempt (capped at 1 h) for 24 h. */
  retryBaseMs: number;
  /** HTTP timeout of one attempt. */
  timeoutMs: number;
  /** A claimed row is invisible to other workers this long; if its worker dies, it is retried after. */
  leaseMs: number;
  batchSize: number;
  appUrl?: string;
}

interface Claimed { id: string; payload: WebhookPayload; attempts: number; createdAt: Date; url: string; secret: string; format: string }

/**
 * Claims due deliveries (FOR UPDATE SKIP LOCKED: several instances never take the same row) and
 * leases them by pushing nextAttemptAt forward, in one short transaction.
 */
export async function claimDueDeliveries(db: PrismaClient, opts: Pick<WorkerOptions, "leaseMs" | "batchSize">): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    WITH due AS (
      SELECT id FROM "WebhookDelivery"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= (now() AT TIME ZONE 'UTC')
      ORDER BY "nextAttemptAt" LIMIT ${opts.batchSize}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "WebhookDelivery" d
       SET attempts = d.attempts + 1,
           "nextAttemptAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${opts.leaseMs / 1000})
      FROM due, "WebhookEndpoint" e
     WHERE d.id = due.id AND e.id = d."endpointId"
    RETURNING d.id, d.payload, d.attempts, d."createdAt", e.url, e.secret, e.format`;
}

/** Sends one claimed delivery and records the outcome: delivered, retry later, or failed for good. */
async function attempt(db: PrismaClient, c: Claimed, opts: WorkerOptions): Promise<void> {
  const r = await postDelivery(c, c.payload, { timeoutMs: opts.timeoutMs, appUrl: opts.appUrl });
  const now = new Date();
  if (r.ok) {
    await db.webhookDelivery.update({ where: { id: c.id }, data: { status: "DELIVERED", deliveredAt: now, lastStatusCode: r.status, lastError: null } });
    return;
  }
  const next = nextAttemptAt(c.createdAt, c.attempts, now, opts.retryBaseMs);
  await db.webhookDelivery.update({
    where: { id: c.id },
    data: next ? { lastStatusCode: r.status, lastError: r.error, nextAttemptAt: next } : { status: "FAILED", lastStatusCode: r.status, lastError: r.error },
  });
  logger.warn({ msg: "webhook delivery failed", deliveryId: c.id, attempt: c.attempts, status: r.status, error: r.error, retry: next?.toISOString() ?? "given up" });
}

/** One pass: claim what is due and send it (in parallel). Returns how many were attempted. */
export async function runDeliveryPass(db: PrismaClient, opts: WorkerOptions): Promise<number> {
  const claimed = await claimDueDeliveries(db, opts);
  await Promise.all(claimed.map((c) => attempt(db, c, opts).catch((err) => logger.error({ msg: "webhook attempt crashed", deliveryId: c.id, err: String(err) }))));
  return claimed.length;
}

import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { logger } from "../logger";
import { refreshAllSummaries } from "../portfolio/refresh-summaries";
import { runScheduledCheck } from "./scheduled-check";
import { runDeliveryPass, type WorkerOptions } from "./worker";

export interface WorkerHandle { stop: () => Promise<void> }

/**
 * The in-app background loop: delivers due webhooks every `pollMs` and runs the scheduled check
 * every `checkMs`. Each tick waits for the previous one; errors (a database that is down) are logged
 * and the next tick tries again.
 */
export function startWebhookWorker(db: PrismaClient, opts: WorkerOptions & { pollMs: number; checkMs: number }): WorkerHandle {
  let stopped = false;
  let running: Promise<void> | null = null;
  let lastCheck = 0;
  const tick = async () => {
    if (Date.now() - lastCheck >= opts.checkMs) {
      lastCheck = Date.now();
      const ran = await runScheduledCheck(db, { slotMs: opts.checkMs }).catch((err) => { logger.warn({ msg: "scheduled check failed", err: String(err) }); return false; });
      // The instance that ran this slot also brings stale portfolio summaries up to date (a new day, changed data).
      if (ran) await refreshAllSummaries().catch((err) => logger.warn({ msg: "portfolio summary refresh failed", err: String(err) }));
    }
    // Drain what is due, a batch at a time.
    while (!stopped && (await runDeliveryPass(db, opts).catch((err) => { logger.warn({ msg: "webhook pass failed", err: String(err) }); return 0; })) === opts.batchSize);
  };
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = tick().finally(() => { running = null; });
  }, opts.pollMs);
  timer.unref?.();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

const g = globalThis as unknown as { launchgateWebhookWorker?: WorkerHandle };

/** Starts the worker once per process (instrumentation.ts calls this at server start). */
export async function ensureWebhookWorker(): Promise<void> {
  if (g.launchgateWebhookWorker) return;
  const { getWebhookEnv } = await import("../env");
  const env = getWebhookEnv();
  if (!env.LAUNCHGATE_WEBHOOK_WORKER) return;
  const { getDb } = await import("../db");
  g.launchgateWebhookWorker = startWebhookWorker(getDb(), {
    pollMs: env.LAUNCHGATE_WEBHOOK_POLL_MS,
    checkMs: env.LAUNCHGATE_SCHEDULED_CHECK_SECONDS * 1000,
    retryBaseMs: env.LAUNCHGATE_WEBHOOK_RETRY_BASE_SECONDS * 1000,
    timeoutMs: 10_000,
    leaseMs: 120_000,
    batchSize: 20,
    appUrl: process.env.NEXTAUTH_URL?.replace(/\/$/, ""),
  });
  logger.info({ msg: "webhook worker started", pollMs: env.LAUNCHGATE_WEBHOOK_POLL_MS, checkSeconds: env.LAUNCHGATE_SCHEDULED_CHECK_SECONDS });
}

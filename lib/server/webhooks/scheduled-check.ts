import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { addDays, type Gate } from "@/lib/domain";
import { GATE_LABEL } from "@/lib/domain/view/readiness-view";
import { getReadiness, type ReadinessReport } from "../readiness/get-readiness";
import { toDay } from "../readiness/load-readiness-input";
import { enqueueWebhookEvent } from "./enqueue";

/** Advisory-lock key of the scheduled check: one instance of the set runs it at a time. */
const CHECK_LOCK = 715_200_115;
/** A risk acceptance raises risk.expiring this many days before it lapses. */
export const RISK_EXPIRING_DAYS = 3;

type Tx = Prisma.TransactionClient;
type GateStatuses = Record<string, { status: string; reason: string }>;

/** Marks `key` as raised; false when some earlier check (any instance, any restart) already did. */
async function firstTime(tx: Tx, key: string, projectId: string): Promise<boolean> {
  const n = await tx.$executeRaw`INSERT INTO "WebhookEventKey" (key, "projectId") VALUES (${key}, ${projectId}) ON CONFLICT (key) DO NOTHING`;
  return n === 1;
}

/** Evidence that expired this long ago or less raises evidence.expired (older expiries are history). */
export const EVIDENCE_EXPIRED_LOOKBACK_DAYS = 7;

type Readiness = Pick<ReadinessReport, "verdict" | "score" | "stale">;

/** verdict.changed / gate.changed against what the last check saw; the first look only records. */
async function checkVerdict(tx: Tx, projectId: string, today: string, r: Readiness): Promise<void> {
  const gates: GateStatuses = Object.fromEntries(r.verdict.gates.map((g: Gate) => [g.id, { status: g.status, reason: g.reason }]));
  const prev = await tx.webhookProjectState.findUnique({ where: { projectId } });
  if (prev) {
    if (prev.verdict !== r.verdict.value) {
      await enqueueWebhookEvent(tx, projectId, "verdict.changed", { from: prev.verdict, to: r.verdict.value, summary: r.verdict.summary, scorePercent: r.score.overallPercent, asOf: today });
    }
    const before = prev.gates as GateStatuses;
    for (const g of r.verdict.gates) {
      const was = before[g.id]?.status;
      if (was && was !== g.status) await enqueueWebhookEvent(tx, projectId, "gate.changed", { gate: g.id, label: GATE_LABEL[g.id], from: was, to: g.status, reason: g.reason, asOf: today });
    }
  }
  const data = { verdict: r.verdict.value, gates: gates as Prisma.InputJsonValue, updatedAt: new Date() };
  await tx.webhookProjectState.upsert({ where: { projectId }, create: { projectId, ...data }, update: data });
}

/** evidence.expired: a DONE item's evidence reached its expiry day (the item counts as not done), once per item and expiry. */
async function checkEvidence(tx: Tx, projectId: string, today: string, r: Readiness): Promise<void> {
  const since = addDays(today, -EVIDENCE_EXPIRED_LOOKBACK_DAYS);
  const recent = r.stale.filter((s) => s.expiredOn >= since);
  if (recent.length === 0) return;
  const keyOf = (s: (typeof recent)[number]) => `evidence.expired:${s.itemId}:${s.expiredOn}`;
  // One statement for every recent expiry: the keys it inserts are the ones not raised before.
  const fresh = await tx.$queryRaw<{ key: string }[]>`
    INSERT INTO "WebhookEventKey" (key, "projectId") SELECT k, ${projectId} FROM unnest(${recent.map(keyOf)}::text[]) AS k
    ON CONFLICT (key) DO NOTHING RETURNING key`;
  const raise = new Set(fresh.map((f) => f.key));
  for (const s of recent) {
    if (raise.has(keyOf(s))) await enqueueWebhookEvent(tx, projectId, "evidence.expired", { itemId: s.itemId, title: s.title, expiredOn: s.expiredOn, asOf: today });
  }
}

/** risk.expiring (within 3 days) and risk.expired (up to a week back), each once per acceptance. */
async function checkRisks(tx: Tx, projectId: string, today: string): Promise<void> {
  const rows = await tx.riskAcceptance.findMany({
    where: { projectId, revokedAt: null, expiresOn: { gte: new Date(`${addDays(today, -7)}T00:00:00Z`), lte: new Date(`${addDays(today, RISK_EXPIRING_DAYS)}T00:00:00Z`) } },
    select: { id: true, itemId: true, gateId: true, mitigation: true, expiresOn: true, item: { select: { title: true } } },
  });
  for (const a of rows) {
    const expiresOn = toDay(a.expiresOn);
    const event = expiresOn < today ? "risk.expired" : "risk.expiring";
    if (!(await firstTime(tx, `${event}:${a.id}:${expiresOn}`, projectId))) continue;
    const subject = a.item?.title ?? (a.gateId ? GATE_LABEL[a.gateId as keyof typeof GATE_LABEL] ?? a.gateId : "risk");
    await enqueueWebhookEvent(tx, projectId, event, { acceptanceId: a.id, kind: a.itemId ? "item" : "gate", itemId: a.itemId, gateId: a.gateId, subject, mitigation: a.mitigation, expiresOn });
  }
}

/**
 * The scheduled check, run by every instance's timer: the one holding the advisory lock does the
 * work, at most once per `slotMs` for the whole instance-set (the slot is recorded in the database,
 * so restarts neither skip nor repeat it). Each project's events and new state commit together.
 * Returns false when another instance ran (or is running) this slot.
 */
export async function runScheduledCheck(db: PrismaClient, opts: { now?: Date; slotMs: number }): Promise<boolean> {
  const now = opts.now ?? new Date();
  const today = toDay(now);
  return db.$transaction(async (tx) => {
    const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${CHECK_LOCK}) AS locked`;
    if (!locked) return false;
    if (!(await firstTime(tx, `check@${Math.floor(now.getTime() / opts.slotMs)}:${opts.slotMs}`, "-"))) return false;
    await tx.webhookEventKey.deleteMany({ where: { key: { startsWith: "check@" }, createdAt: { lt: new Date(now.getTime() - 86_400_000) } } });
    const projects = await tx.webhookEndpoint.findMany({ distinct: ["projectId"], select: { projectId: true, project: { select: { id: true, slug: true, name: true } } } });
    for (const { projectId, project } of projects) {
      // The pages' computation and its cache: a project that did not change since is not recomputed.
      const readiness = await getReadiness(project, today);
      await checkVerdict(tx, projectId, today, readiness);
      await checkEvidence(tx, projectId, today, readiness);
      await checkRisks(tx, projectId, today);
    }
    return true;
  }, { timeout: 120_000, maxWait: 10_000 });
}

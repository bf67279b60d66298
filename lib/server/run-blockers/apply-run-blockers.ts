import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { evaluateRunBlockers, type BlockerRun, type BlockerSettings, type OpenRunBlocker, type RunBlockerAction, type RunBlockerRule } from "@/lib/domain/run-blockers";
import { enqueueWebhookEvent } from "../webhooks/enqueue";
import { RUN_BLOCKER_ACTOR, RUN_BLOCKER_SOURCE, writeItemChange } from "./item-writes";

type Tx = Prisma.TransactionClient;

export interface RunBlockerChange {
  itemId: string;
  title: string;
  change: "opened" | "failed-again" | "resolved";
}

/** The project's settings the rules read, and whether they are on. */
async function loadSettings(tx: Tx, projectId: string) {
  const p = await tx.project.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      slug: true, runBlockersEnabled: true, runBlockerEstimateHours: true, expectedProductionUsers: true, requiredHeadroom: true,
      greenP95Ms: true, greenErrorRatePercent: true, yellowP95Ms: true, yellowErrorRatePercent: true, redP95Ms: true, redErrorRatePercent: true,
    },
  });
  const settings: BlockerSettings = {
    expectedProductionUsers: p.expectedProductionUsers,
    requiredHeadroom: p.requiredHeadroom,
    thresholds: {
      green: { p95Ms: p.greenP95Ms, errorRatePercent: p.greenErrorRatePercent },
      yellow: { p95Ms: p.yellowP95Ms, errorRatePercent: p.yellowErrorRatePercent },
      red: { p95Ms: p.redP95Ms, errorRatePercent: p.redErrorRatePercent },
    },
  };
  return { ...p, settings };
}

/** The Performance category the items go to (created when the project has none). */
async function performanceCategory(tx: Tx, projectId: string): Promise<string> {
  const found = await tx.category.findFirst({ where: { projectId, name: { equals: "Performance", mode: "insensitive" } }, select: { id: true } });
  if (found) return found.id;
  const last = await tx.category.aggregate({ where: { projectId }, _max: { position: true } });
  const created = await tx.category.create({ data: { projectId, name: "Performance", position: (last._max.position ?? -1) + 1 }, select: { id: true } });
  return created.id;
}

async function openItems(tx: Tx, seriesId: string): Promise<(OpenRunBlocker & { title: string; status: string; version: number })[]> {
  const rows = await tx.runBlocker.findMany({
    where: { seriesId, item: { status: { in: ["OPEN", "IN_PROGRESS"] } } },
    select: { itemId: true, rule: true, endpoint: true, users: true, item: { select: { title: true, status: true, version: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ itemId: r.itemId, rule: r.rule as RunBlockerRule, endpoint: r.endpoint, users: r.users, ...r.item }));
}

/**
 * Runs open and close blockers (DESIGN "What no peer has" 2), inside the run's own transaction:
 * a launch-evidence run that fails the rules opens a P1 item in Performance (or adds itself to
 * the item already open for that rule and endpoint in its series), and resolves the open items
 * of its series it passes. Only the newest run of the series (by run date) acts: importing an
 * older file changes no item. Every change is an item event and an audit entry by "Launchgate".
 */
export async function applyRunBlockers(tx: Tx, p: { projectId: string; seriesId: string; run: BlockerRun; requestId?: string }): Promise<RunBlockerChange[]> {
  const project = await loadSettings(tx, p.projectId);
  if (!project.runBlockersEnabled) return [];
  await tx.$queryRaw`SELECT id FROM "LoadTestSeries" WHERE id = ${p.seriesId} FOR UPDATE`;
  const newer = await tx.testRun.count({ where: { seriesId: p.seriesId, runDate: { gt: new Date(`${p.run.runDate}T00:00:00Z`) } } });
  if (newer > 0) return [];
  const open = await openItems(tx, p.seriesId);
  const actions = evaluateRunBlockers(p.run, project.settings, open);
  if (actions.length === 0) return [];
  const runLink = `/projects/${project.slug}/runs/${p.run.id}`;
  const changes: RunBlockerChange[] = [];
  for (const action of actions) {
    const change = await apply(tx, action, { ...p, estimateHours: project.runBlockerEstimateHours, runLink, open });
    changes.push(change);
    // blocker.opened / blocker.resolved, in the run's transaction: sent exactly when the run is stored.
    if (change.change !== "failed-again") {
      await enqueueWebhookEvent(tx, p.projectId, change.change === "opened" ? "blocker.opened" : "blocker.resolved", {
        itemId: change.itemId, title: change.title, runId: p.run.id, runName: p.run.name, run: runLink,
        summary: action.kind === "resolve" ? action.evidence : action.finding.summary,
      });
    }
  }
  return changes;
}

async function apply(
  tx: Tx,
  a: RunBlockerAction,
  c: { projectId: string; seriesId: string; run: BlockerRun; requestId?: string; estimateHours: number; runLink: string; open: Awaited<ReturnType<typeof openItems>> },
): Promise<RunBlockerChange> {
  const base = { projectId: c.projectId, runId: c.run.id, requestId: c.requestId };
  if (a.kind === "open") {
    const categoryId = await performanceCategory(tx, c.projectId);
    const item = await tx.checklistItem.create({
      data: {
        projectId: c.projectId, categoryId, title: a.finding.title, description: a.finding.description, priority: "P1", status: "OPEN",
        estimateHours: c.estimateHours, source: RUN_BLOCKER_SOURCE, runId: c.run.id,
      },
      select: { id: true, title: true, priority: true, status: true, estimateHours: true },
    });
    await tx.runBlocker.create({ data: { projectId: c.projectId, seriesId: c.seriesId, itemId: item.id, rule: a.finding.rule, endpoint: a.finding.endpoint, users: a.finding.users, openedByRunId: c.run.id } });
    await tx.itemEvent.create({
      data: { projectId: c.projectId, itemId: item.id, actorName: RUN_BLOCKER_ACTOR, field: "created", toValue: "OPEN", snapshot: { priority: item.priority, status: item.status, estimateHours: item.estimateHours } },
    });
    await writeItemChange(tx, { ...base, itemId: item.id, change: "opened", summary: a.finding.summary, action: "item.create", after: { ...item, source: RUN_BLOCKER_SOURCE, runId: c.run.id, rule: a.finding.rule, endpoint: a.finding.endpoint, users: a.finding.users } });
    return { itemId: item.id, title: item.title, change: "opened" };
  }
  const current = c.open.find((o) => o.itemId === a.itemId)!;
  if (a.kind === "fail-again") {
    await writeItemChange(tx, { ...base, itemId: a.itemId, change: "failed-again", summary: a.finding.summary, action: "item.loadTestFailed", after: { runId: c.run.id, summary: a.finding.summary } });
    return { itemId: a.itemId, title: current.title, change: "failed-again" };
  }
  const evidence = `${a.evidence} — ${c.runLink}`;
  await tx.$queryRaw`SELECT id FROM "ChecklistItem" WHERE id = ${a.itemId} FOR UPDATE`;
  const updated = await tx.checklistItem.update({
    where: { id: a.itemId },
    data: { status: "DONE", evidence, evidenceAt: new Date(), version: { increment: 1 } },
    select: { status: true, version: true },
  });
  await tx.itemEvent.create({ data: { projectId: c.projectId, itemId: a.itemId, actorName: RUN_BLOCKER_ACTOR, field: "status", fromValue: current.status, toValue: "DONE" } });
  await writeItemChange(tx, {
    ...base, itemId: a.itemId, change: "resolved", summary: a.evidence, action: "item.update",
    before: { status: current.status, version: current.version }, after: { status: updated.status, version: updated.version, evidence, evidenceRunId: c.run.id },
  });
  return { itemId: a.itemId, title: current.title, change: "resolved" };
}

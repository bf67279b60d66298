import "server-only";
import type { DomainItem, DomainItemSnapshot, DomainRun, GateId, Weekday } from "@/lib/domain";
import { computeStaleItemIdsByDay, isEvidenceDating } from "@/lib/domain/history/evidence-as-of";
import type { ProjectTimeline, TimelineStabilityRun, ValueChange } from "@/lib/domain/history/types";
import { addDays } from "@/lib/domain/calendar";
import { getDb } from "../db";

const toDay = (d: Date) => d.toISOString().slice(0, 10);
const GATE_IDS = new Set<string>(["open-p1", "capacity", "anomaly", "stability", "objectives"]);
/** Capacity, anomalies and gates 2–4 read only the runs of launch-evidence series. */
const EVIDENCE = { series: { launchEvidence: true } } as const;
/** Item event fields that date evidence besides status → DONE. */
const EVIDENCE_FIELDS = ["evidence", "evidenceConfirmed"];
/** The item event fields the replay reads. */
export const REPLAYED_FIELDS = ["created", "status", "priority", "estimateHours", "estimateLowHours", "estimateHighHours", "categoryId", "deferrable", "deleted", "restored"];

type Json = Record<string, unknown> | null;
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown) => (typeof v === "string" ? v : v === null ? null : undefined);

async function loadStabilityRuns(projectId: string, from: string, to: string): Promise<TimelineStabilityRun[]> {
  const db = getDb();
  const runs = await db.testRun.findMany({
    where: { projectId, kind: "STABILITY", runDate: { lte: new Date(`${to}T00:00:00Z`) }, ...EVIDENCE },
    select: { id: true, runDate: true, createdAt: true, baselineMeanMs: true, baselineP99Ms: true, baselineSuccessRatePercent: true },
    orderBy: [{ runDate: "desc" }, { createdAt: "desc" }],
  });
  // Samples only for the runs the range can see: every run after `from`, and the latest one up to it.
  const lastBefore = runs.find((r) => toDay(r.runDate) <= from);
  const needed = runs.filter((r) => toDay(r.runDate) > from || r === lastBefore).filter((r) => r.baselineMeanMs != null);
  const samples = needed.length === 0 ? [] : await db.runSample.findMany({
    where: { runId: { in: needed.map((r) => r.id) } },
    select: { runId: true, t: true, responseMs: true, requests: true, failures: true, metrics: true },
    orderBy: [{ runId: "asc" }, { t: "asc" }],
  });
  const byRun = new Map<string, typeof samples>();
  for (const s of samples) (byRun.get(s.runId) ?? byRun.set(s.runId, []).get(s.runId)!).push(s);
  return runs.map((r) => {
    const list = byRun.get(r.id) ?? [];
    return {
      id: r.id, runDate: toDay(r.runDate), createdAt: r.createdAt.toISOString(),
      run: r.baselineMeanMs != null && list.length > 0 ? {
        baseline: { meanMs: r.baselineMeanMs, p99Ms: r.baselineP99Ms, successRatePercent: r.baselineSuccessRatePercent },
        samples: list.map((s) => ({
          t: s.t.toISOString(), responseMs: s.responseMs, requests: s.requests ?? 0, failures: s.failures ?? 0,
          memPercent: (s.metrics as { apiMemPercent?: number } | null)?.apiMemPercent ?? null,
        })),
      } : null,
    };
  });
}

/**
 * Everything the project was over time, in a fixed number of queries: current items, every
 * replayed item event, every risk acceptance (revoked ones too), runs, stability runs (samples
 * only of those the range [from, to] can see), objectives and category weights with their audit
 * history, and deleted items as the audit log last saw them.
 */
export async function loadProjectTimeline(projectId: string, range: { from: string; to: string }): Promise<ProjectTimeline> {
  const db = getDb();
  const [project, categories, items, events, acceptances, runs, steps, objectives, audits, stabilityRuns, evidenceEvents, changeMarkers] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId } }),
    db.category.findMany({ where: { projectId }, select: { id: true, name: true, weight: true, position: true, evidenceValidDays: true }, orderBy: { position: "asc" } }),
    db.checklistItem.findMany({
      where: { projectId },
      select: {
        id: true, categoryId: true, title: true, priority: true, status: true, estimateHours: true, estimateLowHours: true, estimateHighHours: true,
        deferrable: true, createdAt: true, evidenceAt: true, evidenceValidDays: true, updatedAt: true,
      },
    }),
    db.itemEvent.findMany({
      where: { projectId, field: { in: REPLAYED_FIELDS } },
      select: { itemId: true, at: true, field: true, fromValue: true, toValue: true, snapshot: true, actorId: true },
      orderBy: { at: "asc" },
    }),
    db.riskAcceptance.findMany({
      where: { projectId },
      select: { id: true, itemId: true, gateId: true, mitigation: true, expiresOn: true, createdAt: true, revokedAt: true, acceptedById: true },
      orderBy: { createdAt: "asc" },
    }),
    db.testRun.findMany({
      where: { projectId, kind: { not: "STABILITY" }, ...EVIDENCE },
      select: {
        id: true, name: true, kind: true, users: true, durationSeconds: true, requests: true, failures: true, p50Ms: true, p95Ms: true, p99Ms: true,
        maxMs: true, throughputRps: true, runDate: true, createdAt: true, startedAt: true,
      },
    }),
    db.runStep.findMany({
      where: { run: { projectId, kind: { not: "STABILITY" }, ...EVIDENCE } },
      select: { runId: true, users: true, durationSeconds: true, requests: true, failures: true, errorRatePercent: true, p95Ms: true, p50Ms: true, throughputRps: true },
      orderBy: [{ runId: "asc" }, { position: "asc" }],
    }),
    db.objective.findMany({ where: { projectId }, select: { id: true, name: true, target: true, measured: true }, orderBy: { position: "asc" } }),
    db.auditLog.findMany({
      where: { projectId, action: { in: ["category.update", "objective.create", "objective.update", "item.delete"] } },
      select: { at: true, action: true, entityId: true, before: true, after: true, actorId: true },
      orderBy: { at: "asc" },
    }),
    loadStabilityRuns(projectId, range.from, range.to),
    db.itemEvent.findMany({ where: { projectId, field: { in: EVIDENCE_FIELDS } }, select: { itemId: true, at: true }, orderBy: { at: "asc" } }),
    db.changeMarker.findMany({ where: { projectId }, select: { at: true, label: true, kind: true, version: true }, orderBy: { at: "asc" } }),
  ]);
  const stepsByRun = new Map<string, DomainRun["steps"]>();
  for (const { runId, ...s } of steps) (stepsByRun.get(runId) ?? stepsByRun.set(runId, []).get(runId)!).push(s);
  const weightChanges = new Map<string, ValueChange<number>[]>();
  const objectiveCreated = new Map<string, string>();
  const measuredChanges = new Map<string, ValueChange<string | null>[]>();
  const removed = new Map<string, DomainItem>();
  for (const a of audits) {
    const before = a.before as Json, after = a.after as Json, id = a.entityId ?? "";
    if (a.action === "category.update") {
      const from = num(before?.weight), to = num(after?.weight);
      if (from !== null && to !== null && from !== to) (weightChanges.get(id) ?? weightChanges.set(id, []).get(id)!).push({ at: a.at.toISOString(), from, to, actorId: a.actorId });
    } else if (a.action === "objective.create") objectiveCreated.set(id, a.at.toISOString());
    else if (a.action === "objective.update") {
      const from = str(before?.measured), to = str(after?.measured);
      if (from !== undefined && to !== undefined && from !== to) (measuredChanges.get(id) ?? measuredChanges.set(id, []).get(id)!).push({ at: a.at.toISOString(), from, to, actorId: a.actorId });
    } else if (a.action === "item.delete" && before && typeof before.categoryId === "string") {
      removed.set(id, {
        id, categoryId: before.categoryId, title: String(before.title ?? id), priority: before.priority as DomainItem["priority"],
        status: before.status as DomainItem["status"], estimateHours: num(before.estimateHours), estimateLowHours: num(before.estimateLowHours),
        estimateHighHours: num(before.estimateHighHours), deferrable: before.deferrable === true, createdAt: String(before.createdAt ?? a.at.toISOString()), riskAcceptance: null,
      });
    }
  }
  const evidenceDatings = [
    ...events.filter((e) => e.itemId && isEvidenceDating({ field: e.field, to: e.toValue })),
    ...evidenceEvents.filter((e) => e.itemId),
  ].map((e) => ({ itemId: e.itemId!, at: e.at.toISOString() }));
  const timeline: ProjectTimeline = {
    loadedAt: new Date().toISOString(),
    createdOn: toDay(project.createdAt),
    settings: {
      expectedProductionUsers: project.expectedProductionUsers, requiredHeadroom: project.requiredHeadroom,
      teamHoursPerDay: project.teamHoursPerDay, workingDays: project.workingDays as Weekday[],
      targetLaunchDate: project.targetLaunchDate ? toDay(project.targetLaunchDate) : null,
      thresholds: {
        green: { p95Ms: project.greenP95Ms, errorRatePercent: project.greenErrorRatePercent },
        yellow: { p95Ms: project.yellowP95Ms, errorRatePercent: project.yellowErrorRatePercent },
        red: { p95Ms: project.redP95Ms, errorRatePercent: project.redErrorRatePercent },
      },
      goThresholdPercent: project.goThresholdPercent, conditionalThresholdPercent: project.conditionalThresholdPercent,
      confidence: { minRunSeconds: project.confidenceMinRunSeconds, minRequests: project.confidenceMinRequests },
    },
    categories: categories.map((c) => ({ ...c, weightChanges: weightChanges.get(c.id) ?? [] })),
    items: items.map(({ updatedAt, evidenceAt, ...i }) => ({
      ...i, createdAt: i.createdAt.toISOString(), riskAcceptance: null,
      // Items marked DONE before evidence was dated count from their last change.
      evidenceAt: (evidenceAt ?? (i.status === "DONE" ? updatedAt : null))?.toISOString() ?? null,
    })),
    removedItems: [...removed.values()],
    events: events.filter((e) => e.itemId).map((e) => ({
      itemId: e.itemId!, at: e.at.toISOString(), field: e.field, from: e.fromValue, to: e.toValue, actorId: e.actorId,
      ...(e.snapshot ? { snapshot: e.snapshot as unknown as DomainItemSnapshot } : {}),
    })),
    acceptances: acceptances
      .filter((a) => a.itemId || (a.gateId && GATE_IDS.has(a.gateId)))
      .map((a) => ({
        id: a.id, itemId: a.itemId, gateId: a.itemId ? null : (a.gateId as GateId), mitigation: a.mitigation, expiresOn: toDay(a.expiresOn),
        createdAt: a.createdAt.toISOString(), revokedAt: a.revokedAt?.toISOString() ?? null, acceptedById: a.acceptedById,
      })),
    runs: runs.map((r) => ({
      ...r, startedAt: r.startedAt?.toISOString() ?? null, durationSeconds: r.durationSeconds ?? 0, runDate: toDay(r.runDate),
      createdAt: r.createdAt.toISOString(), steps: stepsByRun.get(r.id) ?? [],
    })),
    stabilityRuns,
    objectives: objectives.map((o) => ({ name: o.name, target: o.target, measured: o.measured, createdAt: objectiveCreated.get(o.id) ?? null, measuredChanges: measuredChanges.get(o.id) ?? [] })),
    evidenceDatings,
    changeMarkers: changeMarkers.map((m) => ({ at: m.at.toISOString(), label: m.label, kind: m.kind === "config" ? "config" : "deploy", version: m.version })),
  };
  // The day before `from` too, so the replay knows which evidence was already expired at the start.
  return { ...timeline, staleItemIdsByDay: computeStaleItemIdsByDay(timeline, addDays(range.from, -1), range.to) };
}

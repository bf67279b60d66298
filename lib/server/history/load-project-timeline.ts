import "server-only";
import type { DomainItem, GateId, Weekday } from "@/lib/domain";
import { computeStaleItemIdsByDay, isEvidenceDating } from "@/lib/domain/history/evidence-as-of";
import type { ProjectTimeline, TimelineStabilityRun, ValueChange } from "@/lib/domain/history/types";
import { addDays } from "@/lib/domain/calendar";
import { getDb } from "../db";
import { loadTimelineRuns } from "./load-timeline-rows";
import { loadTimelineEventsCached, loadTimelineItemsCached } from "./timeline-row-cache";

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
  const [project, categories, items, { replayed: events, evidence: evidenceEvents }, acceptances, runs, objectives, audits, stabilityRuns, changeMarkers] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId } }),
    db.category.findMany({ where: { projectId }, select: { id: true, name: true, weight: true, position: true, evidenceValidDays: true }, orderBy: { position: "asc" } }),
    // The two big tables: only what changed since the last load is read (timeline-row-cache.ts).
    loadTimelineItemsCached(projectId),
    loadTimelineEventsCached(projectId, REPLAYED_FIELDS, EVIDENCE_FIELDS),
    db.riskAcceptance.findMany({
      where: { projectId },
      select: { id: true, itemId: true, gateId: true, mitigation: true, expiresOn: true, createdAt: true, revokedAt: true, acceptedById: true },
      orderBy: { createdAt: "asc" },
    }),
    // Runs after the range's last day are never replayed (history and as-of cut at that day).
    loadTimelineRuns(projectId, range.to),
    db.objective.findMany({ where: { projectId }, select: { id: true, name: true, target: true, measured: true }, orderBy: { position: "asc" } }),
    db.auditLog.findMany({
      where: { projectId, action: { in: ["category.update", "objective.create", "objective.update", "item.delete"] } },
      select: { at: true, action: true, entityId: true, before: true, after: true, actorId: true },
      orderBy: { at: "asc" },
    }),
    loadStabilityRuns(projectId, range.from, range.to),
    db.changeMarker.findMany({ where: { projectId }, select: { at: true, label: true, kind: true, version: true }, orderBy: { at: "asc" } }),
  ]);
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
    ...events.filter((e) => isEvidenceDating(e)).map((e) => ({ itemId: e.itemId, at: e.at })),
    ...evidenceEvents,
  ];
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
    items,
    removedItems: [...removed.values()],
    events,
    acceptances: acceptances
      .filter((a) => a.itemId || (a.gateId && GATE_IDS.has(a.gateId)))
      .map((a) => ({
        id: a.id, itemId: a.itemId, gateId: a.itemId ? null : (a.gateId as GateId), mitigation: a.mitigation, expiresOn: toDay(a.expiresOn),
        createdAt: a.createdAt.toISOString(), revokedAt: a.revokedAt?.toISOString() ?? null, acceptedById: a.acceptedById,
      })),
    runs,
    stabilityRuns,
    objectives: objectives.map((o) => ({ name: o.name, target: o.target, measured: o.measured, createdAt: objectiveCreated.get(o.id) ?? null, measuredChanges: measuredChanges.get(o.id) ?? [] })),
    evidenceDatings,
    changeMarkers: changeMarkers.map((m) => ({ at: m.at.toISOString(), label: m.label, kind: m.kind === "config" ? "config" : "deploy", version: m.version })),
  };
  // The day before `from` too, so the replay knows which evidence was already expired at the start.
  return { ...timeline, staleItemIdsByDay: computeStaleItemIdsByDay(timeline, addDays(range.from, -1), range.to) };
}

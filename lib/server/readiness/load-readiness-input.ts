import "server-only";
import type { ReadinessInput, DomainRun, Weekday, GateId, DomainItemSnapshot } from "@/lib/domain";
import { getDb } from "../db";

export function toDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function todayUtc(): string {
  return toDay(new Date());
}

/** Capacity, anomalies and gates 2–4 read only the runs of launch-evidence series. */
const EVIDENCE = { series: { launchEvidence: true } } as const;

const GATE_IDS = new Set<GateId>(["open-p1", "capacity", "anomaly", "stability", "objectives"]);

/**
 * Reads everything a readiness computation needs in a fixed number of queries (no query per item
 * or per run) and maps the rows to the pure domain input.
 */
export async function loadReadinessInput(projectId: string, asOf: string): Promise<ReadinessInput> {
  const db = getDb();
  const [project, categories, items, events, acceptances, runs, steps, objectives, stabilityRun, changeMarkers] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId } }),
    db.category.findMany({ where: { projectId }, select: { id: true, name: true, weight: true, position: true, evidenceValidDays: true }, orderBy: { position: "asc" } }),
    db.checklistItem.findMany({
      where: { projectId },
      select: {
        id: true, categoryId: true, title: true, priority: true, status: true, estimateHours: true,
        estimateLowHours: true, estimateHighHours: true, deferrable: true, createdAt: true,
        evidenceAt: true, evidenceValidDays: true, updatedAt: true,
      },
    }),
    db.itemEvent.findMany({
      where: { projectId, field: { in: ["created", "status", "priority", "estimateHours", "deleted"] } },
      select: { itemId: true, at: true, field: true, fromValue: true, toValue: true, snapshot: true },
      orderBy: { at: "asc" },
    }),
    db.riskAcceptance.findMany({
      where: { projectId, revokedAt: null },
      select: { itemId: true, gateId: true, mitigation: true, expiresOn: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
    db.testRun.findMany({
      where: { projectId, kind: { not: "STABILITY" }, ...EVIDENCE },
      select: {
        id: true, name: true, kind: true, users: true, durationSeconds: true, requests: true, failures: true,
        p50Ms: true, p95Ms: true, p99Ms: true, maxMs: true, throughputRps: true, runDate: true, createdAt: true,
        startedAt: true,
      },
    }),
    db.runStep.findMany({
      where: { run: { projectId, kind: { not: "STABILITY" }, ...EVIDENCE } },
      select: { runId: true, users: true, durationSeconds: true, requests: true, failures: true, errorRatePercent: true, p95Ms: true, p50Ms: true, throughputRps: true },
      orderBy: [{ runId: "asc" }, { position: "asc" }],
    }),
    db.objective.findMany({ where: { projectId }, select: { name: true, target: true, measured: true }, orderBy: { position: "asc" } }),
    db.testRun.findFirst({
      where: { projectId, kind: "STABILITY", ...EVIDENCE },
      orderBy: [{ runDate: "desc" }, { createdAt: "desc" }],
      select: { id: true, baselineMeanMs: true, baselineP99Ms: true, baselineSuccessRatePercent: true },
    }),
    db.changeMarker.findMany({ where: { projectId }, select: { at: true, label: true, kind: true, version: true }, orderBy: { at: "asc" } }),
  ]);
  const stabilitySamples = stabilityRun
    ? await db.runSample.findMany({
        where: { runId: stabilityRun.id },
        select: { t: true, responseMs: true, requests: true, failures: true, metrics: true },
        orderBy: { t: "asc" },
      })
    : [];

  const acceptanceByItem = new Map<string, { mitigation: string; expiresOn: string }>();
  const gateWaivers: ReadinessInput["gateWaivers"][number][] = [];
  for (const a of acceptances) {
    const w = { mitigation: a.mitigation, expiresOn: toDay(a.expiresOn) };
    if (a.itemId) acceptanceByItem.set(a.itemId, w);
    else if (a.gateId && GATE_IDS.has(a.gateId as GateId)) gateWaivers.push({ gateId: a.gateId as GateId, ...w });
  }
  const stepsByRun = new Map<string, DomainRun["steps"]>();
  for (const s of steps) {
    const list = stepsByRun.get(s.runId) ?? [];
    list.push({ users: s.users, durationSeconds: s.durationSeconds, requests: s.requests, failures: s.failures, errorRatePercent: s.errorRatePercent, p95Ms: s.p95Ms, p50Ms: s.p50Ms, throughputRps: s.throughputRps });
    stepsByRun.set(s.runId, list);
  }

  return {
    asOf,
    settings: {
      expectedProductionUsers: project.expectedProductionUsers,
      requiredHeadroom: project.requiredHeadroom,
      teamHoursPerDay: project.teamHoursPerDay,
      workingDays: project.workingDays as Weekday[],
      targetLaunchDate: project.targetLaunchDate ? toDay(project.targetLaunchDate) : null,
      thresholds: {
        green: { p95Ms: project.greenP95Ms, errorRatePercent: project.greenErrorRatePercent },
        yellow: { p95Ms: project.yellowP95Ms, errorRatePercent: project.yellowErrorRatePercent },
        red: { p95Ms: project.redP95Ms, errorRatePercent: project.redErrorRatePercent },
      },
      goThresholdPercent: project.goThresholdPercent,
      conditionalThresholdPercent: project.conditionalThresholdPercent,
      confidence: { minRunSeconds: project.confidenceMinRunSeconds, minRequests: project.confidenceMinRequests },
    },
    categories,
    items: items.map(({ updatedAt, evidenceAt, ...i }) => ({
      ...i,
      createdAt: i.createdAt.toISOString(),
      // Items marked DONE before evidence was dated count from their last change.
      evidenceAt: i.status === "DONE" ? (evidenceAt ?? updatedAt).toISOString() : null,
      riskAcceptance: acceptanceByItem.get(i.id) ?? null,
    })),
    events: events
      .filter((e) => e.itemId)
      .map((e) => ({
        itemId: e.itemId!,
        at: e.at.toISOString(),
        field: e.field,
        from: e.fromValue,
        to: e.toValue,
        ...(e.snapshot ? { snapshot: e.snapshot as unknown as DomainItemSnapshot } : {}),
      })),
    runs: runs.map((r) => ({
      ...r,
      startedAt: r.startedAt ? r.startedAt.toISOString() : null,
      durationSeconds: r.durationSeconds ?? 0,
      runDate: toDay(r.runDate),
      createdAt: r.createdAt.toISOString(),
      steps: stepsByRun.get(r.id) ?? [],
    })),
    stabilityRun:
      stabilityRun && stabilityRun.baselineMeanMs != null && stabilitySamples.length > 0
        ? {
            baseline: { meanMs: stabilityRun.baselineMeanMs, p99Ms: stabilityRun.baselineP99Ms, successRatePercent: stabilityRun.baselineSuccessRatePercent },
            samples: stabilitySamples.map((s) => ({
              t: s.t.toISOString(),
              responseMs: s.responseMs,
              requests: s.requests ?? 0,
              failures: s.failures ?? 0,
              memPercent: (s.metrics as { apiMemPercent?: number } | null)?.apiMemPercent ?? null,
            })),
          }
        : null,
    objectives,
    gateWaivers,
    changeMarkers: changeMarkers.map((m) => ({
      at: m.at.toISOString(), label: m.label, kind: m.kind === "config" ? "config" : "deploy", version: m.version,
    })),
  };
}

import { parseInstantMs } from "../calendar";
import type { ReadinessInput } from "../compute-readiness";
import { replayItemStatesAt, type ReplayedItemState } from "../replay-item-events";
import type { DomainGateWaiver, DomainItem } from "../types";
import { endOfDayMs, valueAt } from "./day-bounds";
import { evidenceDater } from "./evidence-as-of";
import type { ProjectTimeline, TimelineAcceptance } from "./types";

/** An acceptance in force (created, not yet revoked) just before `endMs`; expiry is judged by the verdict. */
function inForce(a: TimelineAcceptance, endMs: number): boolean {
  return Date.parse(a.createdAt) < endMs && (a.revokedAt === null || Date.parse(a.revokedAt) >= endMs);
}

/** The latest acceptance in force per item / per gate. */
function acceptancesAt(acceptances: readonly TimelineAcceptance[], endMs: number) {
  const byItem = new Map<string, TimelineAcceptance>();
  const gates: DomainGateWaiver[] = [];
  const ordered = [...acceptances].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  for (const a of ordered) {
    if (!inForce(a, endMs)) continue;
    if (a.itemId) byItem.set(a.itemId, a);
    else if (a.gateId) gates.push({ gateId: a.gateId, mitigation: a.mitigation, expiresOn: a.expiresOn });
  }
  return { byItem, gates };
}

/** Item states at the end of `asOf`: the replay of every event before then. */
export function itemStatesAsOf(timeline: ProjectTimeline, endMs: number): Map<string, ReplayedItemState> {
  return replayItemStatesAt(timeline.items, timeline.events, timeline.removedItems, timeline.loadedAt ? Date.parse(timeline.loadedAt) : undefined, endMs);
}

/**
 * The readiness input of the project as it was at the end of `asOf` (UTC): items replayed from
 * their events (born, changed, deleted), risk acceptances by createdAt / revokedAt (expiry is
 * judged by the verdict as always), load-test runs by runDate, the latest stability run by
 * runDate, objectives and category weights by their audit history, DONE items with stale
 * evidence that day as not done. For today this is today's live state.
 */
export function readinessInputAsOf(timeline: ProjectTimeline, asOf: string): ReadinessInput {
  const endMs = endOfDayMs(asOf);
  const reference = new Map<string, DomainItem>();
  for (const item of timeline.removedItems) reference.set(item.id, item);
  for (const item of timeline.items) reference.set(item.id, item);
  const stale = new Set(timeline.staleItemIdsByDay?.[asOf] ?? []);
  const { byItem, gates } = acceptancesAt(timeline.acceptances, endMs);
  const validity = new Map(timeline.categories.map((c) => [c.id, c.evidenceValidDays ?? null]));
  const dateEvidence = evidenceDater(timeline, reference);
  const items: DomainItem[] = [];
  for (const [id, state] of itemStatesAsOf(timeline, endMs)) {
    if (!state.exists || state.categoryId === null) continue;
    const ref = reference.get(id);
    const acceptance = byItem.get(id);
    const evidenceAt = state.status === "DONE" ? dateEvidence(id, endMs) : null;
    const evidenceValidDays = ref?.evidenceValidDays ?? null;
    // Dated evidence with a validity is judged by computeReadiness's freshness rule (the same rule
    // that fills staleItemIdsByDay); the stale-id seam decides for everything else.
    const judgedByFreshness = evidenceAt !== null && (evidenceValidDays ?? validity.get(state.categoryId) ?? null) !== null;
    items.push({
      id, title: ref?.title ?? id, createdAt: ref?.createdAt ?? "",
      categoryId: state.categoryId, priority: state.priority,
      status: state.status === "DONE" && stale.has(id) && !judgedByFreshness ? "OPEN" : state.status,
      evidenceAt, evidenceValidDays,
      estimateHours: state.estimateHours, estimateLowHours: state.estimateLowHours, estimateHighHours: state.estimateHighHours,
      deferrable: state.deferrable,
      riskAcceptance: acceptance ? { mitigation: acceptance.mitigation, expiresOn: acceptance.expiresOn } : null,
    });
  }
  const stabilityRun = [...timeline.stabilityRuns]
    .filter((r) => r.runDate <= asOf)
    .sort((a, b) => (a.runDate === b.runDate ? b.createdAt.localeCompare(a.createdAt) : b.runDate.localeCompare(a.runDate)))[0];
  return {
    asOf,
    settings: timeline.settings,
    categories: timeline.categories.map(({ weightChanges, ...c }) => ({ ...c, weight: valueAt(c.weight, weightChanges, endMs) })),
    items,
    events: timeline.events.filter((e) => parseInstantMs(e.at) < endMs),
    runs: timeline.runs.filter((r) => r.runDate <= asOf),
    stabilityRun: stabilityRun?.run ?? null,
    objectives: timeline.objectives
      .filter((o) => o.createdAt === null || Date.parse(o.createdAt) < endMs)
      .map(({ name, target, measured, measuredChanges }) => ({ name, target, measured: valueAt(measured, measuredChanges, endMs) })),
    gateWaivers: gates,
    changeMarkers: timeline.changeMarkers ?? [],
  };
}

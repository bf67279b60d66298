import type { GateCheck } from "../compute-gates";
import type { VerdictValue } from "../compute-verdict";
import { roundTo } from "../format-number";
import type { DomainItem, GateId } from "../types";
import { classifyTransition, contributionChanged, type ChangeKind } from "./change-kinds";
import { endOfDayMs } from "./day-bounds";
import { buildTimelineEntries, type TimelineEntry } from "./timeline-entries";
import { TimelineState, type StateFigures } from "./timeline-state";
import type { ProjectTimeline } from "./types";

export interface ScoreChange {
  /** null for a category weight change. */
  itemId: string | null;
  title: string;
  category: string | null;
  kind: ChangeKind;
  detail: string;
  byUserId: string | null;
  at: string;
  /** This change's share of `to.scorePercent − from.scorePercent` (see ATTRIBUTION_RULE). */
  scoreDeltaPoints: number;
}

export interface GateChange {
  gate: GateId;
  at: string;
  from: GateCheck["status"];
  to: GateCheck["status"];
  reason: string;
  /** What moved it: a run, an objective measurement, a waiver, an item. */
  cause: string;
}

export interface ChangesEnd { date: string; scorePercent: number | null; verdict: VerdictValue }

export interface ChangesResult {
  from: ChangesEnd;
  to: ChangesEnd;
  changes: ScoreChange[];
  gateChanges: GateChange[];
}

export const ATTRIBUTION_RULE =
  "Changes are applied in time order; each one is credited with the change it made to the displayed (one-decimal) "
  + "overall score, so the deltas add up exactly to to.scorePercent − from.scorePercent (an undefined score counts as 0).";

/** The displayed score in integer tenths of a point (undefined = 0): integer sums are exact. */
const tenths = (exact: number | null) => (exact === null ? 0 : Math.round(roundTo(exact, 1) * 10));

function describeCause(entry: TimelineEntry, title: (id: string) => string): string {
  switch (entry.type) {
    case "item": return `item “${title(entry.transition.itemId)}”`;
    case "stale": return `evidence of “${title(entry.itemId)}”`;
    case "acceptance": {
      const a = entry.acceptance;
      const what = entry.active ? "risk accepted" : entry.ending === "revoked" ? "waiver withdrawn" : `waiver expired (until ${a.expiresOn})`;
      return a.itemId ? `${what}: “${title(a.itemId)}”` : `${what}: ${a.mitigation}`;
    }
    case "weight": return "category weight";
    case "run": return `run “${entry.run.name}” (${entry.run.runDate})`;
    case "stability": return `stability run of ${entry.run.runDate}`;
    case "objective": return `objective ${entry.name} ${entry.created ? "added" : `measured ${entry.measured ?? "(cleared)"}`}`;
  }
}

/**
 * Why the score changed between the end of `from` and the end of `to`: every item, evidence,
 * risk and category-weight change in between that moved the score, the open P1 blockers or
 * their hours, each with its score delta (ATTRIBUTION_RULE), and every gate status change with
 * its cause. One pass over the timeline.
 */
export function computeChanges(timeline: ProjectTimeline, from: string, to: string, entries?: readonly TimelineEntry[]): ChangesResult {
  const all = entries ?? buildTimelineEntries(timeline);
  const state = new TimelineState(timeline);
  const reference = new Map<string, DomainItem>();
  for (const item of [...timeline.removedItems, ...timeline.items]) reference.set(item.id, item);
  const title = (id: string) => reference.get(id)?.title ?? id;
  const categoryName = (id: string | null) => timeline.categories.find((c) => c.id === id)?.name ?? "—";
  const fromEnd = endOfDayMs(from), toEnd = endOfDayMs(to);
  let next = 0;
  while (next < all.length && all[next].at < fromEnd) state.apply(all[next++]);
  const end = (date: string, f: StateFigures): ChangesEnd => ({ date, scorePercent: f.scorePercent, verdict: f.verdict });
  const start = state.figures();
  const changes: ScoreChange[] = [];
  const gateChanges: GateChange[] = [];
  let gates = start.gates;
  let score = tenths(start.exactScore);
  for (; next < all.length && all[next].at < toEnd; next++) {
    const entry = all[next];
    const itemId = entry.type === "item" ? entry.transition.itemId : entry.type === "stale" ? entry.itemId
      : entry.type === "acceptance" ? entry.acceptance.itemId : null;
    const before = itemId ? state.contributionOf(itemId) : null;
    const weightBefore = entry.type === "weight" ? state.weights.get(entry.categoryId) : undefined;
    state.apply(entry);
    const after = itemId ? state.contributionOf(itemId) : null;
    const nextScore = tenths(state.exactScore());
    const at = new Date(entry.at).toISOString();
    const row = (r: Omit<ScoreChange, "at" | "scoreDeltaPoints">) => changes.push({ ...r, at, scoreDeltaPoints: (nextScore - score) / 10 });
    if (itemId && before && after && contributionChanged(before, after)) {
      const category = categoryName(after.categoryId ?? before.categoryId);
      const base = { itemId, title: title(itemId), category };
      if (entry.type === "item") {
        const k = classifyTransition(entry.transition, categoryName);
        if (k) row({ ...base, ...k, byUserId: entry.transition.actorId });
      } else if (entry.type === "stale") {
        row({ ...base, kind: entry.stale ? "evidence-expired" : "resolved", detail: entry.stale ? "evidence no longer valid" : "evidence valid again", byUserId: null });
      } else if (entry.type === "acceptance") {
        const a = entry.acceptance;
        row(entry.active
          ? { ...base, kind: "risk-accepted", detail: `until ${a.expiresOn}: ${a.mitigation}`, byUserId: a.acceptedById }
          : { ...base, kind: "risk-expired", detail: entry.ending === "revoked" ? "acceptance withdrawn" : `expired after ${a.expiresOn}`, byUserId: null });
      }
    } else if (entry.type === "weight" && weightBefore !== undefined && weightBefore !== entry.weight) {
      row({ itemId: null, title: categoryName(entry.categoryId), category: categoryName(entry.categoryId), kind: "category-weight-changed", detail: `weight ${weightBefore} → ${entry.weight}`, byUserId: entry.actorId });
    }
    score = nextScore;
    const nowGates = state.gates();
    nowGates.forEach((g, i) => {
      if (g.status !== gates[i].status) gateChanges.push({ gate: g.id, at, from: gates[i].status, to: g.status, reason: g.reason, cause: describeCause(entry, title) });
    });
    gates = nowGates;
  }
  while (next < all.length && all[next].at < toEnd) state.apply(all[next++]);
  return { from: end(from, start), to: end(to, state.figures()), changes, gateChanges };
}

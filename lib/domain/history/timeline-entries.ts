import { addDays } from "../calendar";
import { replayItemStates, type ItemTransition } from "../replay-item-events";
import type { DomainRun } from "../types";
import { endOfDayMs, startOfDayMs, valueAt } from "./day-bounds";
import type { ProjectTimeline, TimelineAcceptance, TimelineStabilityRun } from "./types";

/** One thing that happened to the project, at an instant (epoch ms). */
export type TimelineEntry =
  | { type: "item"; at: number; transition: ItemTransition }
  | { type: "stale"; at: number; itemId: string; stale: boolean }
  | { type: "acceptance"; at: number; acceptance: TimelineAcceptance; active: boolean; ending: "expired" | "revoked" | null }
  | { type: "weight"; at: number; categoryId: string; weight: number; actorId: string | null }
  | { type: "run"; at: number; run: DomainRun }
  | { type: "stability"; at: number; run: TimelineStabilityRun }
  | { type: "objective"; at: number; name: string; measured: string | null; actorId: string | null; created: boolean };

/** Stale-evidence sets of consecutive days, as entries at the end of the day they start or stop. */
function staleEntries(byDay: Readonly<Record<string, readonly string[]>>): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const days = new Set(Object.keys(byDay));
  const candidates = new Set<string>();
  for (const day of days) { candidates.add(day); candidates.add(addDays(day, 1)); }
  for (const day of candidates) {
    const now = new Set(byDay[day] ?? []);
    const before = new Set(byDay[addDays(day, -1)] ?? []);
    const at = endOfDayMs(day) - 1;
    for (const id of now) if (!before.has(id)) out.push({ type: "stale", at, itemId: id, stale: true });
    for (const id of before) if (!now.has(id)) out.push({ type: "stale", at, itemId: id, stale: false });
  }
  return out;
}

function acceptanceEntries(a: TimelineAcceptance): TimelineEntry[] {
  const created = Date.parse(a.createdAt);
  const expiry = startOfDayMs(addDays(a.expiresOn, 1));
  const revoked = a.revokedAt === null ? Infinity : Date.parse(a.revokedAt);
  const out: TimelineEntry[] = [{ type: "acceptance", at: created, acceptance: a, active: true, ending: null }];
  const end = Math.min(expiry, revoked);
  if (end <= created) return [];
  if (Number.isFinite(end)) out.push({ type: "acceptance", at: end, acceptance: a, active: false, ending: end === revoked ? "revoked" : "expired" });
  return out;
}

/**
 * Every entry of the project's life in time order: item transitions (the one item replay),
 * stale-evidence days, acceptances starting and ending (revoked, or the day after `expiresOn`),
 * category weight changes, runs (from the start of their runDate) and objective measurements.
 */
export function buildTimelineEntries(timeline: ProjectTimeline): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const transition of replayItemStates(timeline.items, timeline.events, timeline.removedItems, timeline.loadedAt ? Date.parse(timeline.loadedAt) : undefined)) {
    entries.push({ type: "item", at: transition.at, transition });
  }
  entries.push(...staleEntries(timeline.staleItemIdsByDay ?? {}));
  for (const a of timeline.acceptances) entries.push(...acceptanceEntries(a));
  for (const c of timeline.categories) {
    for (const w of c.weightChanges) entries.push({ type: "weight", at: Date.parse(w.at), categoryId: c.id, weight: w.to, actorId: w.actorId });
  }
  for (const run of timeline.runs) entries.push({ type: "run", at: startOfDayMs(run.runDate), run });
  for (const run of timeline.stabilityRuns) entries.push({ type: "stability", at: startOfDayMs(run.runDate), run });
  for (const o of timeline.objectives) {
    const createdAt = o.createdAt === null ? -Infinity : Date.parse(o.createdAt);
    const measured = valueAt(o.measured, o.measuredChanges, createdAt === -Infinity ? -Infinity : createdAt + 1);
    entries.push({ type: "objective", at: createdAt, name: o.name, measured, actorId: null, created: true });
    for (const c of o.measuredChanges) {
      const at = Date.parse(c.at);
      if (at > createdAt) entries.push({ type: "objective", at, name: o.name, measured: c.to, actorId: c.actorId, created: false });
    }
  }
  return entries.filter((e) => !Number.isNaN(e.at)).sort((a, b) => a.at - b.at);
}

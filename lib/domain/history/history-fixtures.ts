/** Builders of project timelines for the history and paths tests. */
import { createRandom } from "../random";
import { makeSettings } from "../test-fixtures";
import type { DomainItem, DomainItemEvent, ItemStatus, Priority } from "../types";
import type { ProjectTimeline, TimelineAcceptance } from "./types";

export function makeTimeline(overrides: Partial<ProjectTimeline> = {}): ProjectTimeline {
  return {
    settings: makeSettings(), createdOn: "2026-01-01",
    categories: [{ id: "sec", name: "Security", weight: 1, position: 0, weightChanges: [] }, { id: "ops", name: "Operations", weight: 1, position: 1, weightChanges: [] }],
    items: [], removedItems: [], events: [], acceptances: [], runs: [], stabilityRuns: [], objectives: [],
    ...overrides,
  };
}

export function timelineItem(id: string, o: Partial<DomainItem> = {}): DomainItem {
  return {
    id, categoryId: "sec", title: `Item ${id}`, priority: "P1", status: "OPEN", estimateHours: 4,
    estimateLowHours: null, estimateHighHours: null, deferrable: false, createdAt: "2026-01-01T09:00:00.000Z",
    riskAcceptance: null, ...o,
  };
}

export const event = (itemId: string, at: string, field: string, from: string | null, to: string | null, actorId = "u1"): DomainItemEvent =>
  ({ itemId, at, field, from, to, actorId });

export const created = (item: DomainItem, at: string): DomainItemEvent => ({
  itemId: item.id, at, field: "created", from: null, to: item.status, actorId: "u1",
  snapshot: { priority: item.priority, status: item.status, estimateHours: item.estimateHours },
});

const STATUSES: ItemStatus[] = ["OPEN", "IN_PROGRESS", "DONE", "NOT_APPLICABLE"];
const PRIORITIES: Priority[] = ["P1", "P1", "P2", "P3"];

/**
 * A random project over January 2026: items born, re-estimated, re-prioritized, moved, resolved,
 * reopened, deleted; risks accepted, revoked and expiring; weights changed; stale evidence days.
 * The current items are the end state of the events, as the database would hold them.
 */
export function randomTimeline(seed: number): ProjectTimeline {
  const rnd = createRandom(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const cats = ["sec", "ops", "perf"];
  const categories = cats.map((id, position) => ({ id, name: id.toUpperCase(), weight: 1, position, weightChanges: [] as { at: string; from: number; to: number; actorId: string | null }[] }));
  const items: DomainItem[] = [], removed: DomainItem[] = [], events: DomainItemEvent[] = [], acceptances: TimelineAcceptance[] = [];
  const at = (day: number, hour: number) => `2026-01-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:${String(Math.floor(rnd() * 60)).padStart(2, "0")}:00.000Z`;
  const n = 4 + Math.floor(rnd() * 10);
  for (let i = 0; i < n; i++) {
    const item = timelineItem(`i${i}`, { categoryId: pick(cats), priority: pick(PRIORITIES), status: pick(["OPEN", "OPEN", "DONE"] as ItemStatus[]), estimateHours: pick([null, 0.5, 2, 3.5, 8]) });
    let day = 1 + Math.floor(rnd() * 8);
    events.push(created(item, at(day, 8)));
    let alive = true;
    for (let k = 1, steps = Math.floor(rnd() * 6); k <= steps && alive; k++) {
      day = Math.min(28, day + Math.floor(rnd() * 4));
      const r = rnd(), when = at(day, 9 + k);
      if (r < 0.35) { const to = pick(STATUSES); events.push(event(item.id, when, "status", item.status, to)); item.status = to; }
      else if (r < 0.5) { const to = pick([1, 2.5, 6, 10]); events.push(event(item.id, when, "estimateHours", String(item.estimateHours), String(to))); item.estimateHours = to; }
      else if (r < 0.6) { const to = pick(PRIORITIES); events.push(event(item.id, when, "priority", item.priority, to)); item.priority = to; }
      else if (r < 0.7) { const to = pick(cats); events.push(event(item.id, when, "categoryId", item.categoryId, to)); item.categoryId = to; }
      else if (r < 0.78) { events.push(event(item.id, when, "deleted", item.status, null)); alive = false; }
      else if (r < 0.92) {
        const revoked = rnd() < 0.3 ? at(Math.min(28, day + 2), 20) : null;
        const last = acceptances.findLast((a) => a.itemId === item.id);
        if (last && (last.revokedAt === null || last.revokedAt > when)) last.revokedAt = when;
        acceptances.push({ id: `a${i}-${k}`, itemId: item.id, gateId: null, mitigation: "m", expiresOn: `2026-01-${String(Math.min(28, day + 1 + Math.floor(rnd() * 5))).padStart(2, "0")}`, createdAt: when, revokedAt: revoked, acceptedById: "lead" });
      } else {
        const c = pick(categories), to = pick([0, 1, 2, 3]);
        c.weightChanges.push({ at: when, from: c.weight, to, actorId: "lead" }); c.weight = to;
      }
    }
    (alive ? items : removed).push(item);
  }
  for (const c of categories) {
    c.weightChanges.sort((a, b) => a.at.localeCompare(b.at));
    let w = 1;
    for (const change of c.weightChanges) { change.from = w; w = change.to; }
    c.weight = w;
  }
  const staleItemIdsByDay: Record<string, string[]> = {};
  for (let d = 10; d < 10 + Math.floor(rnd() * 6); d++) staleItemIdsByDay[`2026-01-${d}`] = [pick(items.concat(removed))?.id ?? "none"];
  return makeTimeline({ categories, items, removedItems: removed, events, acceptances, staleItemIdsByDay });
}

import { addDays, parseDay, parseInstantMs } from "../calendar";
import { computeExpiryDay, isExpired } from "../evidence/freshness";
import { endOfDayMs } from "./day-bounds";
import type { ProjectTimeline } from "./types";

/** The item events that date evidence: marked DONE, evidence given, evidence re-confirmed. */
export function isEvidenceDating(e: { field: string; to: string | null }): boolean {
  return (e.field === "status" && e.to === "DONE") || e.field === "evidence" || e.field === "evidenceConfirmed";
}

/**
 * When each item's evidence was dated as of an instant: the latest dating event before it, else
 * the item's current `evidenceAt` when that is before it (dates backfilled without an event),
 * else unknown (null: such evidence cannot expire that day).
 */
export function evidenceDater(
  timeline: ProjectTimeline,
  /** The removed and current items by id (current ones winning), when the caller has it already. */
  itemsById?: ReadonlyMap<string, { evidenceAt?: string | null }>,
): (itemId: string, endMs: number) => string | null {
  const datings = new Map<string, number[]>();
  for (const d of timeline.evidenceDatings ?? []) {
    const at = parseInstantMs(d.at);
    if (!Number.isNaN(at)) (datings.get(d.itemId) ?? datings.set(d.itemId, []).get(d.itemId)!).push(at);
  }
  for (const list of datings.values()) list.sort((a, b) => a - b);
  let current = itemsById;
  if (!current) {
    const byId = new Map<string, { evidenceAt?: string | null }>();
    for (const i of timeline.removedItems) byId.set(i.id, i);
    for (const i of timeline.items) byId.set(i.id, i);
    current = byId;
  }
  return (itemId, endMs) => {
    const list = datings.get(itemId);
    let best: number | null = null;
    if (list) for (const at of list) if (at < endMs) best = at; else break;
    if (best !== null) return new Date(best).toISOString();
    const now = current.get(itemId)?.evidenceAt;
    return now && parseInstantMs(now) < endMs ? now : null;
  };
}

/** Each item's validity in days (its own, else its category's today), or none. */
function validityByItem(timeline: ProjectTimeline): Map<string, number> {
  const byCategory = new Map(timeline.categories.map((c) => [c.id, c.evidenceValidDays ?? null]));
  const out = new Map<string, number>();
  for (const i of [...timeline.removedItems, ...timeline.items]) {
    const days = (i.evidenceValidDays && i.evidenceValidDays > 0 ? i.evidenceValidDays : null) ?? byCategory.get(i.categoryId) ?? null;
    if (days && days > 0) out.set(i.id, days);
  }
  return out;
}

/**
 * The evidence-freshness rule (lib/domain/evidence/freshness.ts) applied to every day from `from`
 * to `to`: per day, the items whose evidence, dated as of the end of that day, has expired. The
 * replay decides whether the item is DONE that day; only DONE items count as stale.
 */
export function computeStaleItemIdsByDay(timeline: ProjectTimeline, from: string, to: string): Record<string, string[]> {
  const validity = validityByItem(timeline);
  const out: Record<string, string[]> = {};
  if (validity.size === 0 || from > to) return out;
  const dateOf = evidenceDater(timeline);
  for (let d = parseDay(from), end = parseDay(to), day = from; d <= end; d += 1, day = addDays(day, 1)) {
    const endMs = endOfDayMs(day);
    const ids: string[] = [];
    for (const [itemId, days] of validity) {
      const at = dateOf(itemId, endMs);
      if (at && isExpired(computeExpiryDay(at, days), day)) ids.push(itemId);
    }
    if (ids.length) out[day] = ids;
  }
  return out;
}

import "server-only";
import type { DomainItem } from "@/lib/domain";
import { addTimelineEvent, EVENT_COLUMNS, ITEM_COLUMNS, rows, toTimelineItem, type Row, type TimelineEventRows } from "./load-timeline-rows";

/**
 * The timeline's two big tables kept between computations, per project: an engineer's edit changes
 * one item and appends one event, so the next reader reads those rows instead of every row (5,000
 * items and 7,500 events at 100× the demo). What is kept is checked against the database on every
 * load, so nothing stale is ever served:
 * - items by (id, xmin): PostgreSQL gives every inserted or updated row version a new xmin, so a
 *   row whose xmin is unchanged is the row that was read; new and changed rows are read again,
 *   rows gone are dropped (a project of fewer than 1,000 items is simply read whole: one statement).
 * - events are never updated or deleted by the application (a project delete removes them all):
 *   the events after the last instant read are read, with the count and a checksum of all of them
 *   in the same statement; when those do not add up (an event committed late with an earlier time,
 *   a restore, a write outside the application) everything is read again.
 */
const MAX_PROJECTS = 8;
/** Below this many items one statement reading every row is cheaper than checking versions first. */
const SMALL_PROJECT_ITEMS = 1000;

interface ItemsEntry {
  /** id → xmin of the row version read. */
  versions: Map<string, string>;
  items: Map<string, DomainItem>;
}

interface EventsEntry {
  rows: TimelineEventRows;
  count: number;
  /** Sum of hashtext(id) over the events read (exact in a double below ~4 M events). */
  checksum: number;
  /** PostgreSQL's text of the latest `at` read. */
  lastAt: string | null;
}

const g = globalThis as unknown as { launchgateTimelineRows?: Map<string, { items?: ItemsEntry; events?: EventsEntry; fields?: string }> };
const cache = (g.launchgateTimelineRows ??= new Map());

function entryOf(projectId: string) {
  let e = cache.get(projectId);
  if (e) cache.delete(projectId);
  else e = {};
  cache.set(projectId, e);
  while (cache.size > MAX_PROJECTS) cache.delete(cache.keys().next().value!);
  return e;
}

/** Current items, in the order the database lists them. */
export async function loadTimelineItemsCached(projectId: string, smallProjectItems = SMALL_PROJECT_ITEMS): Promise<DomainItem[]> {
  const entry = entryOf(projectId);
  const known = entry.items;
  if (!known || known.items.size < smallProjectItems) {
    const list = await rows(`SELECT xmin::text, ${ITEM_COLUMNS} FROM "ChecklistItem" WHERE "projectId" = $1`, [projectId]);
    const fresh: ItemsEntry = { versions: new Map(), items: new Map() };
    for (const r of list) {
      const item = toTimelineItem(r, 1);
      fresh.versions.set(item.id, r[0] as string);
      fresh.items.set(item.id, item);
    }
    entry.items = fresh;
    return [...fresh.items.values()];
  }
  const current = await rows(`SELECT id, xmin::text FROM "ChecklistItem" WHERE "projectId" = $1`, [projectId]);
  const changed = current.filter((r) => known.versions.get(r[0] as string) !== r[1]).map((r) => r[0] as string);
  const reread = changed.length === 0 ? [] : await rows(`SELECT xmin::text, ${ITEM_COLUMNS} FROM "ChecklistItem" WHERE "projectId" = $1 AND id = ANY($2::text[])`, [projectId, changed]);
  const next: ItemsEntry = { versions: new Map(), items: new Map() };
  const byId = new Map<string, Row>();
  for (const r of reread) byId.set(r[1] as string, r);
  for (const [id, xmin] of current as [string, string][]) {
    const r = byId.get(id);
    if (r) {
      next.versions.set(id, r[0] as string);
      next.items.set(id, toTimelineItem(r, 1));
    } else if (known.versions.get(id) === xmin) {
      next.versions.set(id, xmin);
      next.items.set(id, known.items.get(id)!);
    }
    // Else it was deleted between the two statements: left out, as the second one saw it.
  }
  entry.items = next;
  return [...next.items.values()];
}

/** Item events of the given fields (events without an item left out), in time order. */
export async function loadTimelineEventsCached(projectId: string, replayed: readonly string[], evidence: readonly string[]): Promise<TimelineEventRows> {
  const entry = entryOf(projectId);
  const fields = [...replayed, ...evidence];
  const fieldsKey = fields.join(",");
  const isEvidence = new Set(evidence);
  const known = entry.fields === fieldsKey ? entry.events : undefined;
  const where = `e."projectId" = $1 AND e.field = ANY($2::text[]) AND e."itemId" IS NOT NULL`;
  if (known && known.lastAt !== null) {
    // The events after the last instant read, and the count and checksum of all, in one snapshot.
    const list = await rows(
      `SELECT t.n, t.h, d.* FROM (SELECT count(*)::int AS n, coalesce(sum(hashtext(e.id)), 0)::text AS h FROM "ItemEvent" e WHERE ${where}) t
         LEFT JOIN LATERAL (SELECT (e.at)::text AS at_text, hashtext(e.id) AS hash, ${EVENT_COLUMNS}, e.at AS at_ts FROM "ItemEvent" e WHERE ${where} AND e.at > $3::timestamp(3)) d ON true
        ORDER BY d.at_ts`,
      [projectId, fields, known.lastAt],
    );
    const added = list.filter((r) => r[2] !== null);
    const total = list[0]?.[0] as number | undefined;
    const checksum = known.checksum + added.reduce((sum, r) => sum + (r[3] as number), 0);
    if (total === known.count + added.length && Number(list[0]?.[1]) === checksum) {
      if (added.length === 0) return known.rows;
      const next: TimelineEventRows = { replayed: [...known.rows.replayed], evidence: [...known.rows.evidence] };
      for (const r of added) addTimelineEvent(next, r, isEvidence, 4);
      entry.events = { rows: next, count: total, checksum, lastAt: added[added.length - 1][2] as string };
      return next;
    }
  }
  const list = await rows(`SELECT (e.at)::text AS at_text, hashtext(e.id), ${EVENT_COLUMNS} FROM "ItemEvent" e WHERE ${where} ORDER BY e.at`, [projectId, fields]);
  const out: TimelineEventRows = { replayed: [], evidence: [] };
  let checksum = 0;
  for (const r of list) {
    addTimelineEvent(out, r, isEvidence, 2);
    checksum += r[1] as number;
  }
  entry.fields = fieldsKey;
  entry.events = { rows: out, count: list.length, checksum, lastAt: list.length > 0 ? (list[list.length - 1][0] as string) : null };
  return out;
}

/** For tests and benchmarks: forget every project's rows. */
export function clearTimelineRowCache(): void {
  cache.clear();
}

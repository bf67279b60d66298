import "server-only";
import type { DomainItem } from "@/lib/domain";
import { addTimelineEvent, EVENT_COLUMNS, ITEM_COLUMNS, rows, toTimelineItem, type Row, type TimelineEventRows } from "./load-timeline-rows";

/**
 * The timeline's two big tables kept between computations, per project: an engineer's edit changes
 * one item and appends one event, so the next reader reads those rows instead of every row (5,000
 * items and 7,500 events at 100× the demo). What is kept is checked against the database on every
 * load, so nothing stale is ever served:
 * - items by (id, xmin): PostgreSQL gives every inserted or updated row version a new xmin. The
 *   items fall in 128 groups by a hash of their id; a group's signature is its count and two
 *   checksums of (id, xmin), asked for in one statement (128 short rows instead of 5,000 long
 *   ones); a group whose signature moved is read again whole, with the signature its rows give.
 *   A project of fewer than 1,000 items is simply read whole: one statement.
 * - events are never updated or deleted by the application (a project delete removes them all):
 *   the events after the last instant read are read, with the count and a checksum of all of them
 *   in the same statement; when those do not add up (an event committed late with an earlier time,
 *   a restore, a write outside the application) everything is read again.
 */
const MAX_PROJECTS = 8;
/** Below this many items one statement reading every row is cheaper than checking versions first. */
const SMALL_PROJECT_ITEMS = 1000;
/** Items are checked in this many groups (by a hash of the id): a change re-reads its group only. */
const GROUPS = 128;

/** One group of items: its rows as read, and its signature (count and two checksums of id and xmin). */
interface ItemGroup {
  items: DomainItem[];
  signature: string;
}

interface ItemsEntry {
  groups: Map<number, ItemGroup>;
  /** Every group's items, in group order: what a load returns while nothing changed. */
  all: DomainItem[];
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

/**
 * Per row: its group, two checksums of (id, xmin) — any insert, update or delete changes its
 * group's count or sums, but for odds of 2⁻⁶⁴ — then the item's columns.
 */
const GROUPED_ITEM = `hashtext(id) & ${GROUPS - 1}, hashtext(id || ':' || xmin::text), hashtext(xmin::text || ':' || id), ${ITEM_COLUMNS}`;

/** The groups of these rows (GROUPED_ITEM), each with the signature its rows give; and the items in the rows' order. */
function groupRows(list: Row[]): { groups: Map<number, ItemGroup>; inOrder: DomainItem[] } {
  const sums = new Map<number, { items: DomainItem[]; a: number; b: number }>();
  const inOrder: DomainItem[] = [];
  for (const r of list) {
    const id = r[0] as number;
    let acc = sums.get(id);
    if (!acc) sums.set(id, (acc = { items: [], a: 0, b: 0 }));
    const item = toTimelineItem(r, 3);
    inOrder.push(item);
    acc.items.push(item);
    acc.a += r[1] as number;
    acc.b += r[2] as number;
  }
  const groups = new Map<number, ItemGroup>();
  for (const [id, acc] of sums) groups.set(id, { items: acc.items, signature: `${acc.items.length}:${acc.a}:${acc.b}` });
  return { groups, inOrder };
}

function allItems(groups: Map<number, ItemGroup>): DomainItem[] {
  const out: DomainItem[] = [];
  for (const id of [...groups.keys()].sort((a, b) => a - b)) out.push(...groups.get(id)!.items);
  return out;
}

/** Current items: a small project in the order the database lists them, a large one by group. */
export async function loadTimelineItemsCached(projectId: string, smallProjectItems = SMALL_PROJECT_ITEMS): Promise<DomainItem[]> {
  const entry = entryOf(projectId);
  const known = entry.items;
  if (!known || known.all.length < smallProjectItems) {
    const list = await rows(`SELECT ${GROUPED_ITEM} FROM "ChecklistItem" WHERE "projectId" = $1`, [projectId]);
    const { groups, inOrder } = groupRows(list);
    // A small project keeps the database's order (and is read whole again next time).
    entry.items = { groups, all: list.length < smallProjectItems ? inOrder : allItems(groups) };
    return entry.items.all;
  }
  // Each group's signature now; the groups whose signature moved are read again, in one statement.
  const summary = await rows(
    `SELECT hashtext(id) & ${GROUPS - 1} AS grp, count(*)::int || ':' || sum(hashtext(id || ':' || xmin::text)) || ':' || sum(hashtext(xmin::text || ':' || id))
       FROM "ChecklistItem" WHERE "projectId" = $1 GROUP BY 1`,
    [projectId],
  );
  const now = new Map(summary.map((r) => [r[0] as number, r[1] as string]));
  const moved = [...new Set([...now.keys(), ...known.groups.keys()])].filter((id) => known.groups.get(id)?.signature !== now.get(id));
  if (moved.length === 0) return known.all;
  const { groups: reread } = groupRows(await rows(
    `SELECT ${GROUPED_ITEM} FROM "ChecklistItem" WHERE "projectId" = $1 AND hashtext(id) & ${GROUPS - 1} = ANY($2::int[])`,
    [projectId, moved],
  ));
  const groups = new Map<number, ItemGroup>(known.groups);
  for (const id of moved) {
    const group = reread.get(id);
    if (group) groups.set(id, group);
    else groups.delete(id);
  }
  entry.items = { groups, all: allItems(groups) };
  return entry.items.all;
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

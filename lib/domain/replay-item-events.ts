import { dayOfEpochMs, parseInstantMs } from "./calendar";
import { isOpenStatus } from "./summarize-blockers";
import type { DomainItem, DomainItemEvent, DomainItemSnapshot, ItemStatus, Priority } from "./types";

export type OpenP1ChangeKind = "added" | "closed" | "reopened" | "removed" | "reestimated";

/** A change of the open-P1 backlog (hours and count) caused by one item event. */
export interface OpenP1Change {
  itemId: string;
  at: number;
  day: string;
  kind: OpenP1ChangeKind;
  hoursDelta: number;
  countDelta: number;
}

/** What the replay knows of an item at one instant. */
export interface ReplayedItemState {
  exists: boolean;
  priority: Priority;
  status: ItemStatus;
  estimateHours: number | null;
  estimateLowHours: number | null;
  estimateHighHours: number | null;
  /** null when no event nor reference item tells (an item known only from its events). */
  categoryId: string | null;
  deferrable: boolean;
}

/** One replayed event: the item's state before (null before its birth) and after it. */
export interface ItemTransition {
  itemId: string;
  at: number;
  /** The event field; "created" for the birth. */
  field: string;
  actorId: string | null;
  before: ReplayedItemState | null;
  after: ReplayedItemState;
}

const PRIORITIES = new Set<string>(["P1", "P2", "P3"]);
const STATUSES = new Set<string>(["OPEN", "IN_PROGRESS", "DONE", "NOT_APPLICABLE"]);

function parseHours(text: string | null): number | null {
  if (text === null || text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Applies one event; returns false when it does not concern the replayed fields. */
function apply(state: ReplayedItemState, event: DomainItemEvent): boolean {
  switch (event.field) {
    case "status":
      if (event.to === null || !STATUSES.has(event.to)) return false;
      state.status = event.to as ItemStatus;
      return true;
    case "priority":
      if (event.to === null || !PRIORITIES.has(event.to)) return false;
      state.priority = event.to as Priority;
      return true;
    case "estimateHours":
    case "estimateLowHours":
    case "estimateHighHours":
      state[event.field as "estimateHours" | "estimateLowHours" | "estimateHighHours"] = parseHours(event.to);
      return true;
    case "categoryId":
      if (!event.to) return false;
      state.categoryId = event.to;
      return true;
    case "deferrable":
      state.deferrable = event.to === "true";
      return true;
    case "deleted":
      state.exists = false;
      return true;
    case "restored":
      state.exists = true;
      return true;
    default:
      return false;
  }
}

interface TimedEvent {
  event: DomainItemEvent;
  at: number;
}

/** A field's hours before its first recorded change (`from`), else the reference item's. */
const hoursBefore = (from: string | null | undefined, current: number | null | undefined) => (from !== undefined ? parseHours(from) : (current ?? null));

/**
 * The state an item starts in: its "created" snapshot (fields it lacks, and every field without
 * a snapshot, from the reference item with the first recorded `from` of that field undone).
 */
function initialState(item: DomainItem | undefined, timed: readonly TimedEvent[]): ReplayedItemState | null {
  // One pass: the first snapshot, and the first recorded `from` of each field (undefined: none).
  let snapshot: DomainItemSnapshot | undefined;
  let priority: string | null | undefined, status: string | null | undefined, category: string | null | undefined, deferrable: string | null | undefined;
  let ml: string | null | undefined, low: string | null | undefined, high: string | null | undefined;
  for (const { event: e } of timed) {
    switch (e.field) {
      case "created": if (snapshot === undefined && e.snapshot) snapshot = e.snapshot; break;
      case "priority": if (priority === undefined) priority = e.from ?? null; break;
      case "status": if (status === undefined) status = e.from ?? null; break;
      case "categoryId": if (category === undefined) category = e.from ?? null; break;
      case "deferrable": if (deferrable === undefined) deferrable = e.from ?? null; break;
      case "estimateHours": if (ml === undefined) ml = e.from ?? null; break;
      case "estimateLowHours": if (low === undefined) low = e.from ?? null; break;
      case "estimateHighHours": if (high === undefined) high = e.from ?? null; break;
    }
  }
  if (!snapshot && !item) return null;
  return {
    exists: true,
    priority: snapshot?.priority ?? (priority && PRIORITIES.has(priority) ? (priority as Priority) : item!.priority),
    status: snapshot?.status ?? (status && STATUSES.has(status) ? (status as ItemStatus) : item!.status),
    estimateHours: snapshot ? snapshot.estimateHours : hoursBefore(ml, item?.estimateHours),
    estimateLowHours: hoursBefore(low, item?.estimateLowHours),
    estimateHighHours: hoursBefore(high, item?.estimateHighHours),
    categoryId: category || item?.categoryId || null,
    deferrable: deferrable !== undefined ? deferrable === "true" : (item?.deferrable ?? false),
  };
}

const RECONCILED: (keyof ReplayedItemState)[] = ["priority", "status", "estimateHours", "estimateLowHours", "estimateHighHours", "categoryId", "deferrable"];

function agrees(state: ReplayedItemState, item: DomainItem): boolean {
  for (const k of RECONCILED) if (state[k] !== (item as unknown as ReplayedItemState)[k]) return false;
  return true;
}

/** The current row, when it disagrees with the replay (a change written without its event), as a last transition. */
function reconcile(item: DomainItem | undefined, state: ReplayedItemState, lastAt: number, at: number): ItemTransition | null {
  if (!item) {
    if (!state.exists) return null;
  } else if (state.exists && agrees(state, item)) return null;
  const before = { ...state };
  if (!item) state.exists = false;
  else Object.assign(state, { ...item, exists: true });
  return { itemId: item?.id ?? "", at: Math.max(at, lastAt), field: "reconciled", actorId: null, before, after: { ...state } };
}

const byTimeCreatedFirst = (a: TimedEvent, b: TimedEvent) => a.at - b.at || Number(b.event.field === "created") - Number(a.event.field === "created");

/** An item's replay before its first event: its events in order, its starting state and its birth. */
interface ItemStart {
  itemId: string;
  state: ReplayedItemState;
  birth: number;
  created: DomainItemEvent | undefined;
  /** The instant of the last event (NaN: unreadable), the birth without events. */
  lastAt: number;
}

const validOrInfinity = (at: number | undefined) => (at === undefined || Number.isNaN(at) ? Infinity : at);

/** Sorts `timed` in place and finds where the item starts; null for an item the replay skips. */
function startItem(item: DomainItem | undefined, timed: TimedEvent[]): ItemStart | null {
  if (timed.length > 1) timed.sort(byTimeCreatedFirst);
  const state = initialState(item, timed);
  if (!state) return null;
  const itemId = item?.id ?? timed[0].event.itemId;
  let createdAt: TimedEvent | undefined;
  for (const t of timed) if (t.event.field === "created") { createdAt = t; break; }
  const created = createdAt?.event;
  // The earliest valid of: the "created" event, the row's createdAt (without one), the first event.
  const birth = Math.min(validOrInfinity(createdAt?.at), validOrInfinity(item && !created ? parseInstantMs(item.createdAt) : undefined), validOrInfinity(timed[0]?.at));
  if (birth === Infinity) return null;
  return { itemId, state, birth, created, lastAt: timed.length > 0 ? timed[timed.length - 1].at : birth };
}

function replayItem(item: DomainItem | undefined, timed: TimedEvent[], out: ItemTransition[], reconcileAt?: number, isCurrent = true): void {
  const start = startItem(item, timed);
  if (!start) return;
  const { itemId, state, birth, created, lastAt } = start;
  out.push({ itemId, at: birth, field: "created", actorId: created?.actorId ?? null, before: null, after: { ...state } });
  for (const { event, at } of timed) {
    if (event.field === "created" || Number.isNaN(at)) continue;
    const before = { ...state };
    if (!apply(state, event)) continue;
    out.push({ itemId, at, field: event.field, actorId: event.actorId ?? null, before, after: { ...state } });
  }
  if (reconcileAt === undefined) return;
  const fix = reconcile(isCurrent ? item : undefined, state, Number.isNaN(lastAt) ? birth : lastAt, reconcileAt);
  if (fix) out.push({ ...fix, itemId });
}

/**
 * Replays item events into every item's state over time, in time order (births first on ties).
 * Each item starts from its "created" snapshot; fields the snapshot lacks (and every field
 * without one) come from the reference item — the current item, or `removedItems` for deleted
 * ones — with the first recorded `from` of that field undone; it is born at the earlier of its
 * createdAt and first event. Items known only from events and without a snapshot are skipped.
 * With `reconcileAt`, a current row that disagrees with its replayed end state (a change written
 * without an event) becomes a "reconciled" transition at that instant, and an item that is no
 * longer a current row is removed then. O(events log events + items). The one replay: the burndown, projection and history use it.
 */
export function replayItemStates(
  items: readonly DomainItem[],
  events: readonly DomainItemEvent[],
  removedItems: readonly DomainItem[] = [],
  /** When given (epoch ms the current rows were read): a current row that disagrees with the replay wins from then on. */
  reconcileAt?: number,
): ItemTransition[] {
  const out: ItemTransition[] = [];
  forEachItem(items, events, removedItems, (item, timed, isCurrent) => replayItem(item, timed, out, reconcileAt, isCurrent));
  return out.sort((a, b) => a.at - b.at || Number(a.before !== null) - Number(b.before !== null));
}

/**
 * Calls `visit` once per replayed item, in the replay's order: every current item with its events,
 * then each item known only from events (with its `removedItems` row, if any).
 */
function forEachItem(
  items: readonly DomainItem[], events: readonly DomainItemEvent[], removedItems: readonly DomainItem[],
  visit: (item: DomainItem | undefined, timed: TimedEvent[], isCurrent: boolean) => void,
): void {
  const byItem = new Map<string, TimedEvent[]>();
  for (const event of events) {
    const entry = { event, at: parseInstantMs(event.at) };
    const list = byItem.get(event.itemId);
    if (list) list.push(entry);
    else byItem.set(event.itemId, [entry]);
  }
  const itemsById = new Map<string, DomainItem>();
  for (const item of items) itemsById.set(item.id, item);
  const removedById = new Map<string, DomainItem>();
  for (const item of removedItems) if (!itemsById.has(item.id)) removedById.set(item.id, item);
  for (const item of items) visit(item, byItem.get(item.id) ?? [], true);
  for (const [itemId, list] of byItem) {
    if (!itemsById.has(itemId)) visit(removedById.get(itemId), list, false);
  }
}

/**
 * Each item's state just before `endMs`, keyed in the order `replayItemStates` first shows the
 * items (by birth): exactly what taking the last transition before `endMs` of every item gives,
 * without building every transition and sorting them all — a day's readiness needs only that.
 */
export function replayItemStatesAt(
  items: readonly DomainItem[],
  events: readonly DomainItemEvent[],
  removedItems: readonly DomainItem[],
  reconcileAt: number | undefined,
  endMs: number,
): Map<string, ReplayedItemState> {
  const found: { itemId: string; at: number; birth: boolean; state: ReplayedItemState }[] = [];
  forEachItem(items, events, removedItems, (item, timed, isCurrent) => {
    const f = hasUnreadableTime(timed) ? lastTransitionBefore(item, timed, reconcileAt, isCurrent, endMs) : stateBefore(item, timed, reconcileAt, isCurrent, endMs);
    if (f) found.push(f);
  });
  // Stable: equal instants keep the replay's order, births before other transitions.
  found.sort((a, b) => a.at - b.at || Number(b.birth) - Number(a.birth));
  const out = new Map<string, ReplayedItemState>();
  for (const f of found) out.set(f.itemId, f.state);
  return out;
}

function hasUnreadableTime(timed: readonly TimedEvent[]): boolean {
  for (const t of timed) if (Number.isNaN(t.at)) return true;
  return false;
}

/** The item's events applied in place up to `endMs` (its events are in time order): no copies. */
function stateBefore(item: DomainItem | undefined, timed: TimedEvent[], reconcileAt: number | undefined, isCurrent: boolean, endMs: number) {
  const start = startItem(item, timed);
  if (!start || start.birth >= endMs) return null;
  const { itemId, state, birth, lastAt } = start;
  for (const { event, at } of timed) {
    if (at >= endMs) break;
    if (event.field !== "created") apply(state, event);
  }
  // The reconciliation comes after every event (at the later of reconcileAt and the last event).
  if (reconcileAt !== undefined && Math.max(reconcileAt, lastAt) < endMs) reconcile(isCurrent ? item : undefined, state, lastAt, reconcileAt);
  return { itemId, at: birth, birth: true, state };
}

/** An item with an unreadable event time: its transitions as `replayItemStates` orders them, the last before `endMs`. */
function lastTransitionBefore(item: DomainItem | undefined, timed: TimedEvent[], reconcileAt: number | undefined, isCurrent: boolean, endMs: number) {
  const transitions: ItemTransition[] = [];
  replayItem(item, timed, transitions, reconcileAt, isCurrent);
  const before = transitions.filter((t) => t.at < endMs);
  if (before.length === 0) return null;
  const first = before.reduce((a, b) => (b.at < a.at || (b.at === a.at && b.before === null && a.before !== null) ? b : a));
  const last = before.reduce((a, b) => (b.at >= a.at ? b : a));
  return { itemId: first.itemId, at: first.at, birth: first.before === null, state: last.after };
}

function openHours(state: ReplayedItemState | null): number | null {
  return state && state.exists && state.priority === "P1" && isOpenStatus(state.status) ? (state.estimateHours ?? 0) : null;
}

function classify(field: string, before: number | null, after: number | null): OpenP1ChangeKind {
  if (before === null) return field === "status" ? "reopened" : "added";
  if (after === null) return field === "status" ? "closed" : "removed";
  return "reestimated";
}

/**
 * Replays item events into changes of the open-P1 backlog, in time order (see
 * `replayItemStates`). An item without an estimate counts 0 h.
 */
export function replayItemEvents(items: readonly DomainItem[], events: readonly DomainItemEvent[]): OpenP1Change[] {
  const changes: OpenP1Change[] = [];
  for (const t of replayItemStates(items, events)) {
    const before = openHours(t.before);
    const after = openHours(t.after);
    if (before === after) continue;
    const kind = t.before === null ? "added" : classify(t.field, before, after);
    changes.push({
      itemId: t.itemId, at: t.at, day: dayOfEpochMs(t.at), kind,
      hoursDelta: (after ?? 0) - (before ?? 0), countDelta: (after === null ? 0 : 1) - (before === null ? 0 : 1),
    });
  }
  return changes;
}

import { dayOfEpochMs } from "./calendar";
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

interface ItemState extends DomainItemSnapshot {
  exists: boolean;
}

const PRIORITIES = new Set<string>(["P1", "P2", "P3"]);
const STATUSES = new Set<string>(["OPEN", "IN_PROGRESS", "DONE", "NOT_APPLICABLE"]);

function parseHours(text: string | null): number | null {
  if (text === null || text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function openHours(state: ItemState): number | null {
  return state.exists && state.priority === "P1" && isOpenStatus(state.status) ? (state.estimateHours ?? 0) : null;
}

/** Applies one event; returns false when it does not concern the replayed fields. */
function apply(state: ItemState, event: DomainItemEvent): boolean {
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
      state.estimateHours = parseHours(event.to);
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

function classify(field: string, before: number | null, after: number | null): OpenP1ChangeKind {
  if (before === null) return field === "status" ? "reopened" : "added";
  if (after === null) return field === "status" ? "closed" : "removed";
  return "reestimated";
}

/** The state an item starts in: its "created" snapshot, else undone from the first `from` values. */
function initialState(item: DomainItem | undefined, events: readonly DomainItemEvent[]): ItemState | null {
  const created = events.find((e) => e.field === "created" && e.snapshot);
  if (created?.snapshot) return { ...created.snapshot, exists: true };
  if (!item) return null;
  const firstFrom = (field: string) => events.find((e) => e.field === field)?.from ?? undefined;
  const priority = firstFrom("priority");
  const status = firstFrom("status");
  const estimate = firstFrom("estimateHours");
  return {
    exists: true,
    priority: priority && PRIORITIES.has(priority) ? (priority as Priority) : item.priority,
    status: status && STATUSES.has(status) ? (status as ItemStatus) : item.status,
    estimateHours: estimate !== undefined ? parseHours(estimate) : item.estimateHours,
  };
}

interface TimedEvent {
  event: DomainItemEvent;
  at: number;
}

function replayItem(item: DomainItem | undefined, timed: TimedEvent[], out: OpenP1Change[]): void {
  timed.sort((a, b) => a.at - b.at || Number(b.event.field === "created") - Number(a.event.field === "created"));
  const events = timed.map((t) => t.event);
  const state = initialState(item, events);
  if (!state) return;
  const itemId = item?.id ?? events[0].itemId;
  const created = events.find((e) => e.field === "created");
  const candidates = [created?.at, item && !created ? item.createdAt : undefined, events[0]?.at]
    .filter((at): at is string => at !== undefined && !Number.isNaN(Date.parse(at)));
  if (candidates.length === 0) return;
  const birth = Math.min(...candidates.map((at) => Date.parse(at)));
  const push = (at: number, kind: OpenP1ChangeKind, hoursDelta: number, countDelta: number) => {
    out.push({ itemId, at, day: dayOfEpochMs(at), kind, hoursDelta, countDelta });
  };
  const initial = openHours(state);
  if (initial !== null) push(birth, "added", initial, 1);
  for (const { event, at } of timed) {
    if (event.field === "created" || Number.isNaN(at)) continue;
    const before = openHours(state);
    if (!apply(state, event)) continue;
    const after = openHours(state);
    if (before === after) continue;
    push(at, classify(event.field, before, after), (after ?? 0) - (before ?? 0), (after === null ? 0 : 1) - (before === null ? 0 : 1));
  }
}

/**
 * Replays item events into changes of the open-P1 backlog, in time order. Each item
 * starts from its "created" snapshot; without one, from the current item with the
 * first recorded `from` of each field undone, born at the earlier of its createdAt
 * and first event. Items known only from events and without a snapshot are skipped.
 * An item without an estimate counts 0 h. O(events log events + items).
 */
export function replayItemEvents(items: readonly DomainItem[], events: readonly DomainItemEvent[]): OpenP1Change[] {
  const byItem = new Map<string, TimedEvent[]>();
  for (const event of events) {
    const entry = { event, at: Date.parse(event.at) };
    const list = byItem.get(event.itemId);
    if (list) list.push(entry);
    else byItem.set(event.itemId, [entry]);
  }
  const itemsById = new Map(items.map((item) => [item.id, item]));
  const changes: OpenP1Change[] = [];
  for (const item of items) replayItem(item, byItem.get(item.id) ?? [], changes);
  for (const [itemId, list] of byItem) {
    if (!itemsById.has(itemId)) replayItem(undefined, list, changes);
  }
  return changes.sort((a, b) => a.at - b.at);
}

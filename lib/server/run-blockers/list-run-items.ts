import "server-only";
import { cache } from "react";
import { getDb } from "../db";
import { RUN_EVENT_FIELD } from "./item-writes";

export interface RunItemLink {
  itemId: string;
  title: string;
  status: "OPEN" | "IN_PROGRESS" | "DONE" | "NOT_APPLICABLE";
  change: "opened" | "failed-again" | "resolved";
  at: string;
}

/** The checklist items this run opened, failed again or resolved (from their item events), oldest first. */
export const listRunItems = cache(async (projectId: string, runId: string): Promise<RunItemLink[]> => {
  const db = getDb();
  const events = await db.itemEvent.findMany({
    where: { projectId, field: RUN_EVENT_FIELD, toValue: runId },
    select: { itemId: true, fromValue: true, at: true },
    orderBy: { at: "asc" },
  });
  const ids = [...new Set(events.flatMap((e) => (e.itemId ? [e.itemId] : [])))];
  const items = await db.checklistItem.findMany({ where: { projectId, id: { in: ids } }, select: { id: true, title: true, status: true } });
  const byId = new Map(items.map((i) => [i.id, i]));
  return events.flatMap((e) => {
    const item = e.itemId ? byId.get(e.itemId) : undefined;
    if (!item) return [];
    return [{ itemId: item.id, title: item.title, status: item.status, change: e.fromValue as RunItemLink["change"], at: e.at.toISOString() }];
  });
});

import type { ItemStatus, Priority } from "../types";
import { estimateColumns, type TChecklistFileItem } from "./schema";

/** A category of the project as the checklist file sees it. */
export interface ChecklistCategoryState {
  id: string;
  key: string;
  name: string;
  weight: number;
  position: number;
}

/** The definition of an item: what a checklist file says (never status, evidence or history). */
export interface ItemDefinition {
  title: string;
  description: string | null;
  priority: Priority;
  estimateHours: number | null;
  estimateLowHours: number | null;
  estimateHighHours: number | null;
  owner: string | null;
  deferrable: boolean;
  evidenceValidDays: number | null;
}

export interface ChecklistItemState extends ItemDefinition {
  id: string;
  key: string;
  categoryId: string;
  status: ItemStatus;
  version: number;
  /** NOT_APPLICABLE because a pruning apply removed it from the file. */
  retired: boolean;
  /** The status it had before it was retired; it gets it back when its key returns. */
  retiredFromStatus: ItemStatus | null;
  /** Opened by a load-test run: outside the file, never touched by an apply. */
  runOpened: boolean;
}

export interface ChecklistState {
  categories: ChecklistCategoryState[];
  items: ChecklistItemState[];
}

/** The fields a file compares, in the order a plan lists them. */
export const DEFINITION_FIELDS = [
  "title", "description", "priority", "estimateHours", "estimateLowHours", "estimateHighHours", "owner", "deferrable", "evidenceValidDays",
] as const satisfies readonly (keyof ItemDefinition)[];

/** The definition a file item asks for; `owner` left out keeps the current owner. */
export function definitionOf(item: TChecklistFileItem, currentOwner: string | null): ItemDefinition {
  const est = estimateColumns(item.estimate);
  const description = item.description?.trim() ? item.description : null;
  return {
    title: item.title,
    description,
    priority: item.priority,
    estimateHours: est.likely,
    estimateLowHours: est.low,
    estimateHighHours: est.high,
    owner: item.owner === undefined ? currentOwner : item.owner,
    deferrable: item.deferrable ?? false,
    evidenceValidDays: item.evidenceValidDays ?? null,
  };
}

/** True for an item a load-test run opened: linked to a run, or with the source "load test". */
export function isRunOpened(item: { runId: string | null; source: string | null }): boolean {
  return item.runId !== null || item.source?.trim().toLowerCase() === "load test";
}

import type { ItemDto } from "@/lib/server/items/item-dto";

export type ChecklistItem = ItemDto;

export interface CategoryOption {
  id: string;
  name: string;
}

/** What the signed-in user may do here; the server checks the same on every action. */
export interface ChecklistCaps {
  /** ENGINEER and up: status (with evidence). */
  canChangeStatus: boolean;
  /** LEAD: create, edit, delete, bulk edit, accept risks. */
  canManage: boolean;
}

/** The table's callbacks, passed as TanStack table meta so the column defs stay stable. */
export interface ChecklistMeta {
  slug: string;
  today: string;
  caps: ChecklistCaps;
  requestDone: (item: ChecklistItem) => void;
  conflict: (current: ChecklistItem | null, message: string) => void;
  notify: (message: string, tone?: "ok" | "error") => void;
  edit: (item: ChecklistItem) => void;
  remove: (item: ChecklistItem) => void;
  risk: (item: ChecklistItem) => void;
  /** Engineers: re-confirm a DONE item's evidence with a new entry. */
  reconfirm: (item: ChecklistItem) => void;
}

/**
 * The checklist's URL state (`?q=&category=&priority=&status=&sort=&dir=&page=`): parsed tolerantly
 * (a bad value falls back to its default instead of failing the page) and written back with the
 * defaults left out, so links stay short and shareable.
 */
import type { ItemStatus, Priority } from "../types";

export const CHECKLIST_SORTS = ["title", "category", "priority", "status", "estimateHours", "owner", "dueDate", "source", "updatedAt"] as const;
export type ChecklistSort = (typeof CHECKLIST_SORTS)[number];
export const PRIORITIES: readonly Priority[] = ["P1", "P2", "P3"];
export const ITEM_STATUSES: readonly ItemStatus[] = ["OPEN", "IN_PROGRESS", "DONE", "NOT_APPLICABLE"];
export const EVIDENCE_QUERIES = ["expiring", "expired"] as const;
export type EvidenceQuery = (typeof EVIDENCE_QUERIES)[number];
export const CHECKLIST_PAGE_SIZES = [25, 50, 100, 200] as const;

export interface ChecklistQuery {
  q: string;
  /** A category id. */
  category: string | null;
  priority: Priority | null;
  status: ItemStatus | null;
  /** Evidence freshness: "expiring" (within 14 days) or "expired". */
  evidence: EvidenceQuery | null;
  sort: ChecklistSort;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
}

export const DEFAULT_CHECKLIST_QUERY: ChecklistQuery = {
  q: "", category: null, priority: null, status: null, evidence: null, sort: "priority", dir: "asc", page: 1, pageSize: 50,
};

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: RawParams, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | null {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function positiveInt(value: string | undefined, max: number): number | null {
  if (value === undefined || !/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 && n <= max ? n : null;
}

export function parseChecklistQuery(params: RawParams): ChecklistQuery {
  const d = DEFAULT_CHECKLIST_QUERY;
  const category = read(params, "category")?.trim();
  const size = positiveInt(read(params, "pageSize"), 500);
  return {
    q: (read(params, "q") ?? "").trim().slice(0, 200),
    category: category && /^[\w-]{1,64}$/.test(category) ? category : null,
    priority: oneOf(read(params, "priority"), PRIORITIES),
    status: oneOf(read(params, "status"), ITEM_STATUSES),
    evidence: oneOf(read(params, "evidence"), EVIDENCE_QUERIES),
    sort: oneOf(read(params, "sort"), CHECKLIST_SORTS) ?? d.sort,
    dir: oneOf(read(params, "dir"), ["asc", "desc"] as const) ?? d.dir,
    page: positiveInt(read(params, "page"), 1_000_000) ?? d.page,
    pageSize: size !== null && (CHECKLIST_PAGE_SIZES as readonly number[]).includes(size) ? size : d.pageSize,
  };
}

/** `?q=…&page=2` with defaults left out; "" for the default view. */
export function checklistSearch(query: ChecklistQuery): string {
  const d = DEFAULT_CHECKLIST_QUERY;
  const p = new URLSearchParams();
  if (query.q) p.set("q", query.q);
  if (query.category) p.set("category", query.category);
  if (query.priority) p.set("priority", query.priority);
  if (query.status) p.set("status", query.status);
  if (query.evidence) p.set("evidence", query.evidence);
  if (query.sort !== d.sort || query.dir !== d.dir) {
    p.set("sort", query.sort);
    p.set("dir", query.dir);
  }
  if (query.page !== d.page) p.set("page", String(query.page));
  if (query.pageSize !== d.pageSize) p.set("pageSize", String(query.pageSize));
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** Applies a change; any change other than the page itself goes back to page 1. */
export function updateChecklistQuery(query: ChecklistQuery, patch: Partial<ChecklistQuery>): ChecklistQuery {
  const next = { ...query, ...patch };
  if (patch.page === undefined) next.page = 1;
  return next;
}

/** True when a filter or search narrows the list (for the empty state's wording). */
export function isChecklistFiltered(query: ChecklistQuery): boolean {
  return Boolean(query.q || query.category || query.priority || query.status || query.evidence);
}

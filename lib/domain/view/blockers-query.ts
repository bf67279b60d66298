/**
 * The blockers page's URL state (`?category=&page=&pageSize=`, besides `asOf`): parsed tolerantly
 * (a bad value falls back to its default) and written back with the defaults left out. The list
 * is ordered by category, then most hours first, then title (in the database).
 */
export const BLOCKER_PAGE_SIZES = [25, 50, 100, 200] as const;

export interface BlockersQuery {
  /** A category id: only its blockers are listed (the totals and the what-if stay project-wide). */
  category: string | null;
  page: number;
  pageSize: number;
}

export const DEFAULT_BLOCKERS_QUERY: BlockersQuery = { category: null, page: 1, pageSize: 50 };

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: RawParams, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
}

function positiveInt(value: string | undefined, max: number): number | null {
  if (value === undefined || !/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 && n <= max ? n : null;
}

export function parseBlockersQuery(params: RawParams): BlockersQuery {
  const d = DEFAULT_BLOCKERS_QUERY;
  const category = read(params, "category")?.trim();
  const size = positiveInt(read(params, "pageSize"), 500);
  return {
    category: category && /^[\w-]{1,64}$/.test(category) ? category : null,
    page: positiveInt(read(params, "page"), 1_000_000) ?? d.page,
    pageSize: size !== null && (BLOCKER_PAGE_SIZES as readonly number[]).includes(size) ? size : d.pageSize,
  };
}

/** `?asOf=…&category=…&page=2` with defaults left out (`asOf` only when given); "" for the default view. */
export function blockersSearch(query: BlockersQuery, asOf: string | null = null): string {
  const d = DEFAULT_BLOCKERS_QUERY;
  const p = new URLSearchParams();
  if (asOf) p.set("asOf", asOf);
  if (query.category) p.set("category", query.category);
  if (query.page !== d.page) p.set("page", String(query.page));
  if (query.pageSize !== d.pageSize) p.set("pageSize", String(query.pageSize));
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** Rows x–y of a page ("0–0" when empty) and the page count (at least 1). */
export function pageWindow(total: number, page: number, pageSize: number): { from: number; to: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (total === 0) return { from: 0, to: 0, pageCount };
  const from = Math.min(total, (page - 1) * pageSize + 1);
  return { from, to: Math.min(total, page * pageSize), pageCount };
}

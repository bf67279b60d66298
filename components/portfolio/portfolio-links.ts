import { nextSortDir, type PortfolioSortKey, type SortDir } from "@/lib/domain/view/portfolio-rows";

export interface PortfolioView { sort: PortfolioSortKey; dir: SortDir; page: number; pageSize: number; defaultPageSize: number }

/** The home page's URL for a sort and page; defaults (name ascending, page 1) are left out. */
export function portfolioHref(v: PortfolioView, change: Partial<Pick<PortfolioView, "sort" | "dir" | "page">>): string {
  const sort = change.sort ?? v.sort;
  const dir = change.dir ?? v.dir;
  const page = change.page ?? v.page;
  const q = new URLSearchParams();
  if (sort !== "name" || dir !== "asc") q.set("sort", sort);
  if (dir !== (sort === "score" ? "desc" : "asc")) q.set("dir", dir);
  if (page > 1) q.set("page", String(page));
  if (v.pageSize !== v.defaultPageSize) q.set("pageSize", String(v.pageSize));
  const s = q.toString();
  return s ? `/?${s}` : "/";
}

/** Where a column header leads: the same column flips direction; a new column starts at its default, page 1. */
export function sortHref(v: PortfolioView, key: PortfolioSortKey): string {
  return portfolioHref(v, { sort: key, dir: nextSortDir({ key: v.sort, dir: v.dir }, key), page: 1 });
}

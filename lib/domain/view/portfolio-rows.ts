import type { VerdictValue } from "../compute-verdict";

export interface PortfolioRow {
  slug: string;
  name: string;
  description: string | null;
  role: string;
  /** null = no counted P1 item yet. */
  scorePercent: number | null;
  verdict: VerdictValue;
  openBlockers: number;
  openBlockerHours: number;
  /** Deterministic projected launch date, YYYY-MM-DD; null when it cannot be computed. */
  launchDate: string | null;
}

export type PortfolioSortKey = "name" | "score" | "blockers" | "date";
export type SortDir = "asc" | "desc";

export const PORTFOLIO_SORT_KEYS: readonly PortfolioSortKey[] = ["name", "score", "blockers", "date"];

function compareNullable<T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number, dir: SortDir): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1; // nulls last in both directions
  if (b === null) return -1;
  return dir === "asc" ? cmp(a, b) : -cmp(a, b);
}

const byNumber = (x: number, y: number) => x - y;
const byText = (x: string, y: string) => x.localeCompare(y, "en", { sensitivity: "base" });

/** A sorted copy: unknown values last, ties by name then slug. */
export function sortPortfolioRows(rows: readonly PortfolioRow[], key: PortfolioSortKey, dir: SortDir): PortfolioRow[] {
  const primary = (a: PortfolioRow, b: PortfolioRow): number => {
    switch (key) {
      case "name": return compareNullable(a.name, b.name, byText, dir);
      case "score": return compareNullable(a.scorePercent, b.scorePercent, byNumber, dir);
      case "blockers": return compareNullable(a.openBlockers, b.openBlockers, byNumber, dir) || compareNullable(a.openBlockerHours, b.openBlockerHours, byNumber, dir);
      case "date": return compareNullable(a.launchDate, b.launchDate, byText, dir);
    }
  };
  return [...rows].sort((a, b) => primary(a, b) || byText(a.name, b.name) || byText(a.slug, b.slug));
}

/** The direction a column header should switch to when clicked. */
export function nextSortDir(current: { key: PortfolioSortKey; dir: SortDir }, clicked: PortfolioSortKey): SortDir {
  if (current.key === clicked) return current.dir === "asc" ? "desc" : "asc";
  return clicked === "score" ? "desc" : "asc";
}

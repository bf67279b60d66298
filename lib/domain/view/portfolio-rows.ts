import type { VerdictValue } from "../compute-verdict";

export interface PortfolioRow {
  slug: string;
  name: string;
  description: string | null;
  role: string;
  /** null = no counted P1 item yet. */
  scorePercent: number | null;
  /** null only while a project's figures were never computed (see `computedAt`). */
  verdict: VerdictValue | null;
  openBlockers: number | null;
  openBlockerHours: number | null;
  /** Deterministic projected launch date, YYYY-MM-DD; null when it cannot be computed. */
  launchDate: string | null;
  /** When the figures were computed (ISO); null = never. */
  computedAt?: string | null;
  /** True when the figures are not today's for the current data (shown with `computedAt`). */
  stale?: boolean;
}

export type PortfolioSortKey = "name" | "score" | "verdict" | "blockers" | "date";
export type SortDir = "asc" | "desc";

export const PORTFOLIO_SORT_KEYS = ["name", "score", "verdict", "blockers", "date"] as const satisfies readonly PortfolioSortKey[];

/** Verdict order, best first (ascending): GO, CONDITIONAL GO, NO-GO — the enum's order in the database too. */
export const VERDICT_RANK: Record<VerdictValue, number> = { GO: 0, CONDITIONAL_GO: 1, NO_GO: 2 };

function compareNullable<T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number, dir: SortDir): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1; // nulls last in both directions
  if (b === null) return -1;
  return dir === "asc" ? cmp(a, b) : -cmp(a, b);
}

const byNumber = (x: number, y: number) => x - y;
const byText = (x: string, y: string) => x.localeCompare(y, "en", { sensitivity: "base" });

/** A sorted copy: unknown values last, ties by name then slug (the order list-portfolio-page.ts gives in SQL). */
export function sortPortfolioRows(rows: readonly PortfolioRow[], key: PortfolioSortKey, dir: SortDir): PortfolioRow[] {
  const primary = (a: PortfolioRow, b: PortfolioRow): number => {
    switch (key) {
      case "name": return compareNullable(a.name, b.name, byText, dir);
      case "score": return compareNullable(a.scorePercent, b.scorePercent, byNumber, dir);
      case "verdict": return compareNullable(a.verdict && VERDICT_RANK[a.verdict], b.verdict && VERDICT_RANK[b.verdict], byNumber, dir);
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

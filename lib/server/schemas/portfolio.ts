import { z } from "zod";
import { PORTFOLIO_SORT_KEYS } from "@/lib/domain/view/portfolio-rows";

// The portfolio's query string (home page and GET /api/v1/projects): no server-only here.

export const PORTFOLIO_PAGE_SIZE = 50;
export const PORTFOLIO_MAX_PAGE_SIZE = 200;

const int = (what: string, max: number) =>
  z.coerce.number({ message: `${what} must be a whole number` }).int(`${what} must be a whole number`).min(1, `${what} must be at least 1`).max(max, `${what} must be at most ${max}`);

/** `?sort=score&dir=desc&page=2&pageSize=50`; every field optional. The default direction: score descending, others ascending. */
export const ZPortfolioQuery = z
  .object({
    sort: z.enum(PORTFOLIO_SORT_KEYS, { message: `sort must be one of ${PORTFOLIO_SORT_KEYS.join(", ")}` }).default("name"),
    dir: z.enum(["asc", "desc"], { message: "dir must be asc or desc" }).optional(),
    page: int("page", 1_000_000).default(1),
    pageSize: int("pageSize", PORTFOLIO_MAX_PAGE_SIZE).default(PORTFOLIO_PAGE_SIZE),
  })
  .transform((q) => ({ ...q, dir: q.dir ?? (q.sort === "score" ? "desc" : "asc") }) as const);

export type TPortfolioQuery = z.output<typeof ZPortfolioQuery>;

/** A query object from URL parameters (first value of each; empty values are absent). */
export function portfolioQueryInput(get: (name: string) => string | string[] | null | undefined, names: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const raw = get(name);
    const v = Array.isArray(raw) ? raw[0] : raw;
    if (v !== null && v !== undefined && v !== "") out[name] = v;
  }
  return out;
}

import "server-only";
import { portfolioQueryInput, ZPortfolioQuery, type TPortfolioQuery } from "../schemas/portfolio";

const NAMES = ["sort", "dir", "page", "pageSize"];

/** The home page's `?sort&dir&page&pageSize`: a bad value falls back to the defaults and is reported, never a crash. */
export function resolvePortfolioQuery(params: Record<string, string | string[] | undefined>): { query: TPortfolioQuery; invalid: string | null } {
  const input = portfolioQueryInput((n) => params[n], NAMES);
  const r = ZPortfolioQuery.safeParse(input);
  if (r.success) return { query: r.data, invalid: null };
  return { query: ZPortfolioQuery.parse({}), invalid: r.error.issues.map((i) => i.message).join("; ").slice(0, 120) };
}

import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { PortfolioRow, PortfolioSortKey, SortDir } from "@/lib/domain/view/portfolio-rows";
import type { TPortfolioQuery } from "../schemas/portfolio";
import { getDb } from "../db";
import type { Principal } from "../principal";
import { todayUtc, toDay } from "../readiness/load-readiness-input";
import { scopeCondition, scopeOf, type PortfolioScope } from "./portfolio-scope";
import { listStaleProjects, refreshSummaries, staleCondition } from "./refresh-summaries";
import { refreshInBackground } from "./refresh-in-background";

export interface PortfolioPage {
  asOf: string;
  rows: PortfolioRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  sort: PortfolioSortKey;
  dir: SortDir;
  /** Projects of the whole scope whose figures are not yet today's (being refreshed in the background). */
  staleCount: number;
}

/** At most this many stale projects are recomputed before answering; beyond it, the page's own first. */
export const REFRESH_BUDGET = 50;

const SORT_SQL: Record<PortfolioSortKey, (dir: Prisma.Sql) => Prisma.Sql> = {
  name: (d) => Prisma.sql`lower(p.name) ${d}`,
  score: (d) => Prisma.sql`s."scorePercent" ${d} NULLS LAST`,
  verdict: (d) => Prisma.sql`s.verdict ${d} NULLS LAST`,
  blockers: (d) => Prisma.sql`s."openBlockers" ${d} NULLS LAST, s."openBlockerHours" ${d} NULLS LAST`,
  date: (d) => Prisma.sql`s."launchDate" ${d} NULLS LAST`,
};

interface Row {
  id: string; slug: string; name: string; description: string | null; role: string | null;
  scorePercent: number | null; verdict: PortfolioRow["verdict"]; openBlockers: number | null; openBlockerHours: number | null;
  launchDate: Date | null; computedAt: Date | null; stale: boolean; total: bigint;
}

async function readPage(scope: PortfolioScope, q: TPortfolioQuery, today: string, page: number): Promise<Row[]> {
  const dir = q.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const role = scope.kind === "member"
    ? Prisma.sql`(SELECT m.role::text FROM "Membership" m WHERE m."projectId" = p.id AND m."userId" = ${scope.userId})`
    : Prisma.sql`NULL::text`;
  return getDb().$queryRaw<Row[]>`
    SELECT p.id, p.slug, p.name, p.description, ${role} AS role,
      s."scorePercent", s.verdict::text AS verdict, s."openBlockers", s."openBlockerHours", s."launchDate", s."computedAt",
      ${staleCondition(today)} AS stale, count(*) OVER () AS total
    FROM "Project" p LEFT JOIN "ProjectSummary" s ON s."projectId" = p.id
    WHERE ${scopeCondition(scope)}
    ORDER BY ${SORT_SQL[q.sort](dir)}, lower(p.name) ASC, p.slug ASC
    LIMIT ${q.pageSize} OFFSET ${(page - 1) * q.pageSize}`;
}

function toPortfolioRow(r: Row, roleOf: (r: Row) => string): PortfolioRow {
  return {
    slug: r.slug, name: r.name, description: r.description, role: roleOf(r),
    scorePercent: r.scorePercent, verdict: r.verdict, openBlockers: r.openBlockers, openBlockerHours: r.openBlockerHours,
    launchDate: r.launchDate ? toDay(r.launchDate) : null, computedAt: r.computedAt?.toISOString() ?? null, stale: r.stale,
  };
}

/**
 * One page of a scope's portfolio, sorted in SQL over all its projects. Stale summaries are
 * recomputed first (all of them up to REFRESH_BUDGET, or all with `refreshAll`; beyond, the
 * page's own, and the rest in the background), so what is shown is today's unless a row says otherwise.
 */
export async function listPortfolioForScope(
  scope: PortfolioScope, q: TPortfolioQuery, opts: { refreshAll?: boolean; roleOf?: (memberRole: string | null) => string } = {},
): Promise<PortfolioPage> {
  const today = todayUtc();
  const stale = await listStaleProjects(scope, today);
  const overBudget = !opts.refreshAll && stale.length > REFRESH_BUDGET;
  if (!overBudget && stale.length > 0) await refreshSummaries(stale, today);

  let page = q.page;
  let rows = await readPage(scope, q, today, page);
  if (rows.length === 0 && page > 1) {
    // Past the last page: show the last one.
    const [{ n }] = await getDb().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Project" p WHERE ${scopeCondition(scope)}`;
    page = Math.max(1, Math.ceil(Number(n) / q.pageSize));
    rows = await readPage(scope, q, today, page);
  }
  const staleHere = rows.filter((r) => r.stale);
  if (staleHere.length > 0) {
    await refreshSummaries(staleHere, today);
    rows = await readPage(scope, q, today, page);
  }
  const remaining = overBudget ? (await listStaleProjects(scope, today)).length : rows.filter((r) => r.stale).length;
  if (remaining > 0) refreshInBackground(scope, today);

  const total = rows.length > 0 ? Number(rows[0].total) : 0;
  const roleOf = (r: Row) => (opts.roleOf ? opts.roleOf(r.role) : r.role ?? "LEAD");
  return {
    asOf: today, rows: rows.map((r) => toPortfolioRow(r, roleOf)), total, page, pageSize: q.pageSize,
    pageCount: Math.max(1, Math.ceil(total / q.pageSize)), sort: q.sort, dir: q.dir, staleCount: remaining,
  };
}

/** The caller's portfolio page: a user's projects (admins: all, shown as ADMIN), a token's one project. */
export function listPortfolioPage(principal: Principal, q: TPortfolioQuery): Promise<PortfolioPage> {
  const roleOf = (memberRole: string | null) =>
    principal.kind === "token" ? principal.role : principal.isAdmin ? "ADMIN" : memberRole ?? "VIEWER";
  return listPortfolioForScope(scopeOf(principal), q, { roleOf });
}

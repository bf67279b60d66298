import { apiRoute } from "@/lib/server/api/route-handler";
import { listPortfolioPage } from "@/lib/server/portfolio/list-portfolio-page";
import { portfolioQueryInput, ZPortfolioQuery } from "@/lib/server/schemas/portfolio";

export const dynamic = "force-dynamic";

/**
 * The caller's projects with today's score, verdict, blockers and launch date, sorted and paged in
 * the database: `?sort=name|score|verdict|blockers|date&dir=asc|desc&page=1&pageSize=50`.
 * A user sees their projects (admins: all); a project token sees its project.
 */
export const GET = apiRoute({ route: "/api/v1/projects", project: false, allowTokens: true }, async ({ req, principal }) => {
  const sp = req.nextUrl.searchParams;
  const q = ZPortfolioQuery.parse(portfolioQueryInput((n) => sp.get(n), ["sort", "dir", "page", "pageSize"]));
  const p = await listPortfolioPage(principal, q);
  return {
    asOf: p.asOf, sort: p.sort, dir: p.dir, page: p.page, pageSize: p.pageSize, pageCount: p.pageCount, total: p.total, staleCount: p.staleCount,
    projects: p.rows,
  };
});

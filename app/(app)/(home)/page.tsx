import type { Metadata } from "next";
import { NewProjectForm } from "@/components/portfolio/new-project-form";
import { PortfolioPager } from "@/components/portfolio/portfolio-pager";
import { PortfolioTable } from "@/components/portfolio/portfolio-table";
import { EmptyState } from "@/components/readiness/card";
import { requireUser } from "@/lib/server/access";
import { listTemplates } from "@/lib/server/checklist-file/templates";
import { resolvePortfolioQuery } from "@/lib/server/portfolio/resolve-portfolio-query";
import { listPortfolioPage } from "@/lib/server/portfolio/list-portfolio-page";
import { PORTFOLIO_PAGE_SIZE } from "@/lib/server/schemas/portfolio";

export const metadata: Metadata = { title: "Portfolio" };

export default async function PortfolioPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { query, invalid } = resolvePortfolioQuery(await searchParams);
  const p = await listPortfolioPage(user, query);
  const view = { sort: p.sort, dir: p.dir, page: p.page, pageSize: p.pageSize, defaultPageSize: PORTFOLIO_PAGE_SIZE };
  return (
    <main>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Your projects</h1>
          <p className="mt-1 text-sm text-slate-600">Readiness as of today: score, verdict, open P1 blockers and the deterministic launch date.</p>
        </div>
        {/* Copy-from offers the projects on this page (all of them up to 50). */}
        {user.isAdmin && <NewProjectForm templates={listTemplates()} projects={p.rows.map((r) => ({ slug: r.slug, name: r.name }))} />}
      </div>
      {invalid && <p role="status" className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">Ignored an invalid address parameter ({invalid}); showing the default order.</p>}
      {p.staleCount > 0 && (
        <p role="status" className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
          {p.staleCount} project{p.staleCount === 1 ? "" : "s"} still show{p.staleCount === 1 ? "s" : ""} figures computed before today&apos;s data and are being recomputed; the order may change on reload.
        </p>
      )}
      {p.total === 0 ? (
        <EmptyState title="You are not a member of any project yet.">
          {user.isAdmin ? "Create the first one with “New project”." : "Ask an administrator to add you to a project."}
        </EmptyState>
      ) : (
        <>
          <PortfolioTable rows={p.rows} view={view} />
          <PortfolioPager view={view} total={p.total} pageCount={p.pageCount} />
        </>
      )}
    </main>
  );
}

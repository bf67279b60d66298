import type { Metadata } from "next";
import { NewProjectForm } from "@/components/portfolio/new-project-form";
import { PortfolioTable } from "@/components/portfolio/portfolio-table";
import { EmptyState } from "@/components/readiness/card";
import { requireUser } from "@/lib/server/access";
import { listTemplates } from "@/lib/server/checklist-file/templates";
import { listPortfolio } from "@/lib/server/projects/list-portfolio";

export const metadata: Metadata = { title: "Portfolio" };

export default async function PortfolioPage() {
  const user = await requireUser();
  const rows = await listPortfolio(user);
  return (
    <main>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Your projects</h1>
          <p className="mt-1 text-sm text-slate-600">Readiness as of today: score, verdict, open P1 blockers and the deterministic launch date.</p>
        </div>
        {user.isAdmin && <NewProjectForm templates={listTemplates()} projects={rows.map((r) => ({ slug: r.slug, name: r.name }))} />}
      </div>
      {rows.length === 0 ? (
        <EmptyState title="You are not a member of any project yet.">
          {user.isAdmin ? "Create the first one with “New project”." : "Ask an administrator to add you to a project."}
        </EmptyState>
      ) : (
        <PortfolioTable rows={rows} />
      )}
    </main>
  );
}

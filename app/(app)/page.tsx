import type { Metadata } from "next";
import Link from "next/link";
import { RoleBadge } from "@/components/ui/role-badge";
import { requireUser } from "@/lib/server/access";
import { listProjectsForUser } from "@/lib/server/queries/list-projects";

export const metadata: Metadata = { title: "Portfolio" };

export default async function PortfolioPage() {
  const user = await requireUser();
  const projects = await listProjectsForUser(user);
  return (
    <main>
      <h1 className="mb-4 text-2xl font-semibold">Your projects</h1>
      {projects.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          You are not a member of any project yet. Ask an administrator to add you.
        </div>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {projects.map((p) => (
            <li key={p.id}>
              <Link href={`/projects/${p.slug}`} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-slate-400">
                <div className="flex items-center justify-between gap-2">
                  <span className="font-medium">{p.name}</span>
                  <RoleBadge role={p.role} isAdmin={user.isAdmin} />
                </div>
                {p.description && <p className="mt-2 line-clamp-2 text-sm text-slate-600">{p.description}</p>}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

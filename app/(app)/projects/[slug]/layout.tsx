import { ProjectNav } from "@/components/layout/project-nav";
import { RoleBadge } from "@/components/ui/role-badge";
import { getPageAccess } from "@/lib/server/page-access";

export default async function ProjectLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await getPageAccess(slug);
  return (
    <div>
      <div className="mb-6 border-b border-slate-200">
        <div className="mb-3 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{access.project.name}</h1>
          <RoleBadge role={access.role} isAdmin={access.isAdmin} />
        </div>
        <ProjectNav slug={slug} />
      </div>
      {children}
    </div>
  );
}

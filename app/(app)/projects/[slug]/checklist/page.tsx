import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChecklistTable } from "@/components/checklist/checklist-table";
import { checklistSearch, parseChecklistQuery } from "@/lib/domain/view/checklist-query";
import { isManagedByCode } from "@/lib/server/checklist-file/managed-by-code";
import { getDb } from "@/lib/server/db";
import { listItems } from "@/lib/server/items/list-items";
import { getPageAccess } from "@/lib/server/page-access";
import { listCategories } from "@/lib/server/projects/manage-categories";
import { todayUtc } from "@/lib/server/readiness/load-readiness-input";
import { roleAtLeast } from "@/lib/server/roles";

export const metadata: Metadata = { title: "Checklist" };

export default async function ChecklistPage({ params, searchParams }: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const access = await getPageAccess(slug);
  const query = parseChecklistQuery(await searchParams);
  const [page, categories, managedByCode] = await Promise.all([
    listItems(access.project.id, {
      q: query.q || undefined, category: query.category ?? undefined, priority: query.priority ?? undefined, status: query.status ?? undefined,
      evidence: query.evidence ?? undefined, sort: query.sort, dir: query.dir, page: query.page, pageSize: query.pageSize,
    }),
    listCategories(access.project.id),
    isManagedByCode(getDb(), access.project.id),
  ]);
  if (page.items.length === 0 && page.total > 0 && query.page > page.pageCount) {
    redirect(`/projects/${encodeURIComponent(slug)}/checklist${checklistSearch({ ...query, page: page.pageCount })}`);
  }
  const caps = { canChangeStatus: roleAtLeast(access.role, "ENGINEER"), canManage: roleAtLeast(access.role, "LEAD") };
  return (
    <main className="min-w-0 space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-xl font-semibold">Checklist</h2>
        <p className="text-sm text-slate-600">
          {caps.canManage
            ? "You can edit every field, bulk-edit selected rows and accept P1 items as risks."
            : caps.canChangeStatus
              ? "You can change the status of items; marking one done asks for evidence."
              : "Read-only: your role can view the checklist and export it."}
        </p>
      </div>
      {managedByCode && (
        <p role="note" className="rounded-md bg-blue-50 px-3 py-2 text-sm text-blue-900" data-testid="managed-by-code">
          Managed by code: titles, priorities, estimates and categories change only by applying the checklist file
          (<a className="underline" href={`/projects/${encodeURIComponent(slug)}/settings#checklist-as-code`}>Settings → Checklist as code</a>). Status, evidence and owner stay editable here.
        </p>
      )}
      <ChecklistTable slug={slug} data={page} query={query} categories={categories.map((c) => ({ id: c.id, name: c.name }))}
        caps={caps} today={todayUtc()} />
    </main>
  );
}

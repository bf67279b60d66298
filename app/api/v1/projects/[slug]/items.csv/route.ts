import { apiRoute } from "@/lib/server/api/route-handler";
import { checklistCsvFileName } from "@/lib/domain/view/checklist-csv";
import { exportItemsCsvStream } from "@/lib/server/items/export-items-csv";
import { todayUtc } from "@/lib/server/readiness/load-readiness-input";
import { ZItemQuery } from "@/lib/server/schemas/item";

export const dynamic = "force-dynamic";

/** The checklist items a query selects (`?q=&category=&priority=&status=&sort=&dir=`), all pages, as CSV. */
export const GET = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/items.csv" }, async ({ req, access }) => {
  const query = ZItemQuery.omit({ page: true, pageSize: true }).parse(Object.fromEntries(req.nextUrl.searchParams));
  const body = await exportItemsCsvStream(access!.project.id, query);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${checklistCsvFileName(access!.project.slug, todayUtc())}"`,
      "x-content-type-options": "nosniff",
    },
  });
});

import { apiRoute } from "@/lib/server/api/route-handler";
import { getRunComparison } from "@/lib/server/compare/get-run-comparison";
import { ZCompareQuery } from "@/lib/server/schemas/compare";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string; id: string }>({ route: "/api/v1/projects/{slug}/runs/{id}/compare" }, async ({ req, access, params }) => {
  const { baseline } = ZCompareQuery.parse({ baseline: req.nextUrl.searchParams.get("baseline")?.trim() || undefined });
  return getRunComparison(access!.project.id, params.id, baseline);
});

import { apiRoute } from "@/lib/server/api/route-handler";
import { getReadinessHistory } from "@/lib/server/history/get-history";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/readiness/history" }, async ({ req, access }) => {
  const q = req.nextUrl.searchParams;
  return (await getReadinessHistory(access!.project, { from: q.get("from"), to: q.get("to") })).days;
});

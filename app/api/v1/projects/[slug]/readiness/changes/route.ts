import { apiRoute } from "@/lib/server/api/route-handler";
import { getReadinessChanges } from "@/lib/server/history/get-history";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/readiness/changes" }, async ({ req, access }) => {
  const q = req.nextUrl.searchParams;
  return getReadinessChanges(access!.project, { from: q.get("from"), to: q.get("to") });
});

import { apiRoute } from "@/lib/server/api/route-handler";
import { getReadiness, parseAsOf } from "@/lib/server/readiness/get-readiness";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/readiness" }, async ({ req, access }) =>
  getReadiness(access!.project, parseAsOf(req.nextUrl.searchParams.get("asOf"))),
);

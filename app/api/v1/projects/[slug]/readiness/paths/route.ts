import { apiRoute } from "@/lib/server/api/route-handler";
import { getFastestPaths } from "@/lib/server/paths/get-paths";
import { parseAsOf } from "@/lib/server/readiness/get-readiness";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/readiness/paths" }, async ({ req, access }) =>
  getFastestPaths(access!.project, parseAsOf(req.nextUrl.searchParams.get("asOf"))),
);

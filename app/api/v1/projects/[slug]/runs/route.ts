import { apiRoute } from "@/lib/server/api/route-handler";
import { importRunFromRequest } from "@/lib/server/runs/import-request";
import { listRuns } from "@/lib/server/runs/run-queries";

export const dynamic = "force-dynamic";
// Uploads are streamed from `request.body` (route handlers have no body limit; proxy.ts does not
// match /api, so Next never buffers it) and can take minutes for a 1 GB file.
export const runtime = "nodejs";
export const maxDuration = 900;

export const GET = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/runs" }, async ({ access }) => ({
  runs: await listRuns(access!.project.id),
}));

export const POST = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/runs", role: "ENGINEER" }, ({ req, access, requestId }) =>
  importRunFromRequest(req, access!, requestId),
);

import { apiRoute, parseJsonBody } from "@/lib/server/api/route-handler";
import { getRun } from "@/lib/server/runs/run-queries";
import { ZRunPatch } from "@/lib/server/schemas/series";
import { moveRunToSeries } from "@/lib/server/series/move-run";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string; id: string }>({ route: "/api/v1/projects/{slug}/runs/{id}" }, async ({ access, params }) =>
  getRun(access!.project.id, params.id),
);

/** `{ seriesSlug }`: move the run to another series of the project (LEAD, audited). */
export const PATCH = apiRoute<{ slug: string; id: string }>({ route: "/api/v1/projects/{slug}/runs/{id}", role: "LEAD" }, async ({ req, access, params, requestId }) => {
  const { seriesSlug } = await parseJsonBody(req, ZRunPatch);
  return moveRunToSeries(access!, params.id, seriesSlug, requestId);
});

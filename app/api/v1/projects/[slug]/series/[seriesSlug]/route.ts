import { apiRoute, parseJsonBody } from "@/lib/server/api/route-handler";
import { ZSeriesPatch } from "@/lib/server/schemas/series";
import { updateSeries } from "@/lib/server/series/manage-series";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute<{ slug: string; seriesSlug: string }>(
  { route: "/api/v1/projects/{slug}/series/{seriesSlug}", role: "LEAD" },
  async ({ req, access, params, requestId }) => updateSeries(access!, params.seriesSlug, await parseJsonBody(req, ZSeriesPatch), requestId),
);

import { NextResponse } from "next/server";
import { apiRoute, parseJsonBody } from "@/lib/server/api/route-handler";
import { ZSeriesCreate } from "@/lib/server/schemas/series";
import { createSeries, listSeries } from "@/lib/server/series/manage-series";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/series" }, async ({ access }) => ({
  series: await listSeries(access!.project.id),
}));

export const POST = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/series", role: "LEAD" }, async ({ req, access, requestId }) =>
  NextResponse.json(await createSeries(access!, await parseJsonBody(req, ZSeriesCreate), requestId), { status: 201 }),
);

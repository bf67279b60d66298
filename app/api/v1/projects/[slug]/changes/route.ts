import { NextResponse } from "next/server";
import { apiRoute, parseJsonBody } from "@/lib/server/api/route-handler";
import { createChangeMarker, listChangeMarkers } from "@/lib/server/change-markers/change-markers";
import { ZChangeMarkerCreate } from "@/lib/server/change-markers/schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/changes" }, async ({ access }) => ({
  changes: await listChangeMarkers(access!.project.id),
}));

export const POST = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/changes", role: "ENGINEER" }, async ({ req, access, requestId }) =>
  NextResponse.json(await createChangeMarker(access!, await parseJsonBody(req, ZChangeMarkerCreate), requestId), { status: 201 }),
);

import { NextResponse } from "next/server";
import { apiRoute, parseJsonBody } from "@/lib/server/api/route-handler";
import { createShareLink, listShareLinks, ZShareLinkCreate } from "@/lib/server/share-links/manage-share-links";
import { publicBaseUrl } from "@/lib/server/share-links/public-base-url";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/share-links", role: "LEAD" }, async ({ access }) => ({
  shareLinks: await listShareLinks(access!),
}));

export const POST = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/share-links", role: "LEAD" }, async ({ req, access, requestId }) =>
  NextResponse.json(await createShareLink(access!, await parseJsonBody(req, ZShareLinkCreate), publicBaseUrl(req.headers), requestId), { status: 201 }),
);

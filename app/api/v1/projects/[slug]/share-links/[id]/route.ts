import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/server/api/route-handler";
import { revokeShareLink } from "@/lib/server/share-links/manage-share-links";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute<{ slug: string; id: string }>({ route: "/api/v1/projects/{slug}/share-links/{id}", role: "LEAD" }, async ({ access, params, requestId }) => {
  await revokeShareLink(access!, params.id, requestId);
  return new NextResponse(null, { status: 204 });
});

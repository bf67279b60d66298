import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/server/api/route-handler";
import { revokeToken } from "@/lib/server/tokens/manage-tokens";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute<{ slug: string; id: string }>({ route: "/api/v1/projects/{slug}/tokens/{id}", role: "LEAD" }, async ({ access, params, requestId }) => {
  await revokeToken(access!, params.id, requestId);
  return new NextResponse(null, { status: 204 });
});

import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/server/api/route-handler";
import { revokeRisk } from "@/lib/server/items/accept-risk";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute<{ slug: string; id: string }>(
  { route: "/api/v1/projects/{slug}/risk-acceptances/{id}", role: "LEAD" },
  async ({ access, params, requestId }) => {
    await revokeRisk(access!, params.id, requestId);
    return new NextResponse(null, { status: 204 });
  },
);

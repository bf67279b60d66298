import { NextResponse } from "next/server";
import { apiRoute, parseJsonBody } from "@/lib/server/api/route-handler";
import { acceptItemRisk } from "@/lib/server/items/accept-risk";
import { todayUtc } from "@/lib/server/readiness/load-readiness-input";
import { ZRiskAcceptance } from "@/lib/server/schemas/item";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ slug: string; id: string }>(
  { route: "/api/v1/projects/{slug}/items/{id}/risk-acceptance", role: "LEAD" },
  async ({ req, access, params, requestId }) =>
    NextResponse.json(await acceptItemRisk(access!, params.id, await parseJsonBody(req, ZRiskAcceptance), todayUtc(), requestId), { status: 201 }),
);

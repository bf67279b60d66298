import { NextResponse } from "next/server";
import { apiRoute, parseJsonBody } from "@/lib/server/api/route-handler";
import { acceptGateRisk } from "@/lib/server/items/accept-risk";
import { todayUtc } from "@/lib/server/readiness/load-readiness-input";
import { ZRiskAcceptance } from "@/lib/server/schemas/item";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ slug: string; gateId: string }>(
  { route: "/api/v1/projects/{slug}/gates/{gateId}/risk-acceptance", role: "LEAD" },
  async ({ req, access, params, requestId }) =>
    NextResponse.json(await acceptGateRisk(access!, params.gateId, await parseJsonBody(req, ZRiskAcceptance), todayUtc(), requestId), { status: 201 }),
);

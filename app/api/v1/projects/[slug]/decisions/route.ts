import { NextResponse } from "next/server";
import { apiRoute, parseJsonBody } from "@/lib/server/api/route-handler";
import { listDecisions, signDecision, ZDecisionCreate } from "@/lib/server/decisions/decisions";
import { todayUtc } from "@/lib/server/readiness/load-readiness-input";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/decisions" }, async ({ access }) => ({
  decisions: await listDecisions(access!.project.id),
}));

export const POST = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/decisions", role: "LEAD" }, async ({ req, access, requestId }) =>
  NextResponse.json(await signDecision(access!, await parseJsonBody(req, ZDecisionCreate), todayUtc(), requestId), { status: 201 }),
);

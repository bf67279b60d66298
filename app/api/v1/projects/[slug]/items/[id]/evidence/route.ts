import { NextResponse } from "next/server";
import { apiRoute, parseJsonBody } from "@/lib/server/api/route-handler";
import { confirmEvidence } from "@/lib/server/evidence/confirm-evidence";
import { ZEvidenceConfirm } from "@/lib/server/evidence/schemas";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ slug: string; id: string }>(
  { route: "/api/v1/projects/{slug}/items/{id}/evidence", role: "ENGINEER" },
  async ({ req, access, params, requestId }) =>
    NextResponse.json(await confirmEvidence(access!, params.id, await parseJsonBody(req, ZEvidenceConfirm), requestId), { status: 201 }),
);

import { NextResponse } from "next/server";
import { apiRoute, parseJsonBody } from "@/lib/server/api/route-handler";
import { createToken, listTokens, ZTokenCreate } from "@/lib/server/tokens/manage-tokens";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/tokens", role: "LEAD" }, async ({ access }) => ({
  tokens: await listTokens(access!),
}));

export const POST = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/tokens", role: "LEAD" }, async ({ req, access, requestId }) =>
  NextResponse.json(await createToken(access!, await parseJsonBody(req, ZTokenCreate), requestId), { status: 201 }),
);

import { NextResponse } from "next/server";
import { apiRoute, parseJsonBody } from "@/lib/server/api/route-handler";
import { createWebhook, listWebhooks } from "@/lib/server/webhooks/manage-webhooks";
import { ZWebhookCreate } from "@/lib/server/webhooks/schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/webhooks", role: "LEAD" }, async ({ access }) => ({
  webhooks: await listWebhooks(access!),
}));

export const POST = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/webhooks", role: "LEAD" }, async ({ req, access, requestId }) =>
  NextResponse.json(await createWebhook(access!, await parseJsonBody(req, ZWebhookCreate), requestId), { status: 201 }),
);

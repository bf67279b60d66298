import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/server/api/route-handler";
import { deleteWebhook } from "@/lib/server/webhooks/manage-webhooks";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute<{ slug: string; id: string }>({ route: "/api/v1/projects/{slug}/webhooks/{id}", role: "LEAD" }, async ({ access, params, requestId }) => {
  await deleteWebhook(access!, params.id, requestId);
  return new NextResponse(null, { status: 204 });
});

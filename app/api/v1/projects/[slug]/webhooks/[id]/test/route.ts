import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/server/api/route-handler";
import { sendTestEvent } from "@/lib/server/webhooks/manage-webhooks";

export const dynamic = "force-dynamic";

/** Queues a `test` event for this endpoint → 202 with the delivery id. */
export const POST = apiRoute<{ slug: string; id: string }>({ route: "/api/v1/projects/{slug}/webhooks/{id}/test", role: "LEAD" }, async ({ access, params, requestId }) =>
  NextResponse.json(await sendTestEvent(access!, params.id, requestId), { status: 202 }),
);

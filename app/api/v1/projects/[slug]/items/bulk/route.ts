import { apiRoute, parseJsonBody } from "@/lib/server/api/route-handler";
import { bulkUpdateItems, ZBulkUpdate } from "@/lib/server/items/bulk-update-items";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/items/bulk", role: "LEAD" }, async ({ req, access, requestId }) =>
  bulkUpdateItems(access!, await parseJsonBody(req, ZBulkUpdate), requestId),
);

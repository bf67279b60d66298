import { apiRoute } from "@/lib/server/api/route-handler";
import { clearRunBaseline, setRunBaseline } from "@/lib/server/compare/baselines";

export const dynamic = "force-dynamic";

const route = "/api/v1/projects/{slug}/runs/{id}/baseline";

export const PUT = apiRoute<{ slug: string; id: string }>({ route, role: "LEAD" }, async ({ access, params, requestId }) =>
  setRunBaseline(access!, params.id, requestId),
);

export const DELETE = apiRoute<{ slug: string; id: string }>({ route, role: "LEAD" }, async ({ access, params, requestId }) =>
  clearRunBaseline(access!, params.id, requestId),
);

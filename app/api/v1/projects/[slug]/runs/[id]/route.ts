import { apiRoute } from "@/lib/server/api/route-handler";
import { getRun } from "@/lib/server/runs/run-queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string; id: string }>({ route: "/api/v1/projects/{slug}/runs/{id}" }, async ({ access, params }) =>
  getRun(access!.project.id, params.id),
);

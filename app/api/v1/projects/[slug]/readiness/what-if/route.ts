import { apiRoute, parseJsonBody } from "@/lib/server/api/route-handler";
import { computeWhatIfFor, ZWhatIf } from "@/lib/server/paths/get-paths";
import { parseAsOf } from "@/lib/server/readiness/get-readiness";

export const dynamic = "force-dynamic";

/** Computes only: readiness with the given items done and gates passing; nothing is stored. */
export const POST = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/readiness/what-if" }, async ({ req, access }) =>
  computeWhatIfFor(access!.project, parseAsOf(req.nextUrl.searchParams.get("asOf")), await parseJsonBody(req, ZWhatIf)),
);

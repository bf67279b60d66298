import { z } from "zod";
import { apiRoute } from "@/lib/server/api/route-handler";
import { applyChecklist } from "@/lib/server/checklist-file/apply-checklist";
import { exportChecklist } from "@/lib/server/checklist-file/export-checklist";
import { formatOfContentType, readChecklistBody } from "@/lib/server/checklist-file/read-body";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const ZFormat = z.enum(["yaml", "json"], { message: "format must be yaml or json" }).default("yaml");
const flag = (v: string | null) => v === "1" || v === "true";

/** The checklist as a file (`?format=yaml|json`); applying it back is a no-op. */
export const GET = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/checklist" }, async ({ req, access }) => {
  const format = ZFormat.parse(req.nextUrl.searchParams.get("format") ?? undefined);
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const origin = host ? `${req.headers.get("x-forwarded-proto") ?? req.nextUrl.protocol.replace(":", "")}://${host}` : req.nextUrl.origin;
  const out = await exportChecklist(access!.project, format, { schemaUrl: `${origin}/api/v1/schema/checklist.json` });
  return new Response(out.text, {
    headers: { "content-type": out.contentType, "content-disposition": `attachment; filename="${out.fileName}"`, "x-content-type-options": "nosniff" },
  });
});

/** Applies a checklist file (body YAML or JSON by content type): `?dryRun=1` plans only, `?prune=1` retires what the file leaves out. */
export const PUT = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/checklist", role: "LEAD" }, async ({ req, access, requestId }) => {
  const text = await readChecklistBody(req);
  const q = req.nextUrl.searchParams;
  return applyChecklist(access!, { text, format: formatOfContentType(req.headers.get("content-type")), dryRun: flag(q.get("dryRun")), prune: flag(q.get("prune")) }, requestId);
});

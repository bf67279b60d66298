import { clientIpOf } from "@/lib/server/api/route-handler";
import { publicRoute } from "@/lib/server/api/public-route";
import { NotFoundError } from "@/lib/server/errors";
import { todayUtc } from "@/lib/server/readiness/load-readiness-input";
import { getReadinessReport } from "@/lib/server/report/get-report";
import { recordShareView, resolveShareLink } from "@/lib/server/share-links/resolve-share-link";

export const dynamic = "force-dynamic";

/** The Markdown report through a share link (no account): today's readiness, nothing else. */
export const GET = publicRoute<{ token: string }>({ route: "/share/{token}/report.md" }, async ({ req, params }) => {
  const link = await resolveShareLink(params.token);
  if (!link) throw new NotFoundError("This link is unknown, expired or revoked");
  await recordShareView(link.linkId, { clientIp: clientIpOf(req), userAgent: req.headers.get("user-agent"), path: "report.md" });
  const { markdown, fileName } = await getReadinessReport({ project: link.project }, todayUtc());
  return new Response(markdown, {
    status: 200,
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
      "referrer-policy": "no-referrer",
      "x-robots-tag": "noindex",
    },
  });
});

import { apiRoute } from "@/lib/server/api/route-handler";
import { parseAsOf } from "@/lib/server/readiness/get-readiness";
import { getReadinessReport } from "@/lib/server/report/get-report";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/report.md" }, async ({ req, access }) => {
  const { markdown, fileName } = await getReadinessReport(access!, parseAsOf(req.nextUrl.searchParams.get("asOf")));
  return new Response(markdown, {
    status: 200,
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
    },
  });
});

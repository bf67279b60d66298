import crypto from "node:crypto";
import { renderMetrics } from "@/lib/server/metrics-render";

export const dynamic = "force-dynamic";

function allowed(req: Request): boolean {
  const token = process.env.LAUNCHGATE_METRICS_TOKEN;
  if (!token) return true;
  const given = /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "")?.[1] ?? "";
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Prometheus scrape endpoint; protected by LAUNCHGATE_METRICS_TOKEN when set. */
export async function GET(req: Request) {
  if (!allowed(req)) {
    return new Response("unauthorized\n", { status: 401, headers: { "www-authenticate": "Bearer", "content-type": "text/plain" } });
  }
  return new Response(await renderMetrics(), {
    headers: { "content-type": "text/plain; version=0.0.4; charset=utf-8", "cache-control": "no-store" },
  });
}

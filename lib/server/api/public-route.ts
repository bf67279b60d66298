import "server-only";
import type { NextRequest } from "next/server";
import { logger } from "../logger";
import { recordHttpRequest } from "../metrics";
import { errorResponse, newRequestId } from "./respond";

/**
 * The way into a route that needs no session or token (a share link carries its own secret in the
 * path): request id, error mapping, metrics and the request log, as apiRoute does.
 */
export function publicRoute<P extends Record<string, string>>(
  opts: { route: string },
  handler: (ctx: { req: NextRequest; params: P; requestId: string }) => Promise<Response>,
) {
  return async (req: NextRequest, ctx: { params: Promise<P> }): Promise<Response> => {
    const requestId = newRequestId(req.headers);
    const started = performance.now();
    let status = 500;
    try {
      const res = await handler({ req, params: await ctx.params, requestId });
      res.headers.set("x-request-id", requestId);
      if (!res.headers.has("cache-control")) res.headers.set("cache-control", "no-store");
      status = res.status;
      return res;
    } catch (err) {
      const res = errorResponse(err, requestId);
      status = res.status;
      return res;
    } finally {
      const ms = performance.now() - started;
      recordHttpRequest(opts.route, req.method, status, ms);
      logger.info({ msg: "request", requestId, method: req.method, route: opts.route, status, ms: Math.round(ms) });
    }
  };
}

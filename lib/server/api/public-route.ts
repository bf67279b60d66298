import "server-only";
import type { NextRequest } from "next/server";
import { observeRequest } from "./observe-request";
import { newRequestId } from "./respond";

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
    return observeRequest(opts.route, req, requestId, async () => handler({ req, params: await ctx.params, requestId }));
  };
}

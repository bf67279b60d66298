import "server-only";
import type { NextRequest } from "next/server";
import { logger } from "../logger";
import { recordHttpRequest } from "../metrics";
import { errorResponse } from "./respond";

/**
 * Runs a route's work with what every route does around it: the request id and `no-store` on the
 * response, every error mapped to its JSON answer (respond.ts), the metrics and the request log.
 */
export async function observeRequest(route: string, req: NextRequest, requestId: string, run: () => Promise<Response>): Promise<Response> {
  const started = performance.now();
  let status = 500;
  try {
    const res = await run();
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
    recordHttpRequest(route, req.method, status, ms);
    logger.info({ msg: "request", requestId, method: req.method, route, status, ms: Math.round(ms) });
  }
}

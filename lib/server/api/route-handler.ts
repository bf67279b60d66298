import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { getProjectAccess, getSessionUser, getTokenPrincipal, type Principal, type ProjectAccess } from "../access";
import { clientAddressOf } from "../client-address";
import { ForbiddenError, InvalidInputError, UnauthorizedError } from "../errors";
import type { Role } from "../roles";
import { observeRequest } from "./observe-request";
import { newRequestId } from "./respond";

export interface HandlerContext<P> {
  req: NextRequest;
  params: P;
  requestId: string;
  principal: Principal;
  access: ProjectAccess | null;
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The client address (see client-address.ts: the socket, or LAUNCHGATE_TRUSTED_PROXIES hops of X-Forwarded-For). */
export function clientIpOf(req: Request): string {
  return clientAddressOf((name) => req.headers.get(name));
}

/** Session-authenticated mutations must come from our own origin (CSRF); token calls carry no cookie. */
function checkSameOrigin(req: NextRequest): void {
  const origin = req.headers.get("origin");
  const fetchSite = req.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") {
    throw new ForbiddenError("Cross-site request refused");
  }
  if (origin) {
    const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
    if (!host || new URL(origin).host !== host) throw new ForbiddenError("Cross-origin request refused");
  }
}

/**
 * The one way into an API route: request id → session or token → project role → handler →
 * JSON, with every error mapped in one place (respond.ts).
 */
export function apiRoute<P extends Record<string, string>>(
  opts: { route: string; role?: Role; project?: boolean; allowAnonymous?: boolean; /** With project: false, let project tokens in too (the handler scopes to their project). */ allowTokens?: boolean },
  handler: (ctx: HandlerContext<P>) => Promise<Response | unknown>,
) {
  return async (req: NextRequest, ctx: { params: Promise<P> }): Promise<Response> => {
    const requestId = newRequestId(req.headers);
    return observeRequest(opts.route, req, requestId, async () => {
      const params = await ctx.params;
      const token = await getTokenPrincipal(req.headers.get("authorization"), clientIpOf(req));
      let principal: Principal | null = token;
      if (!principal) {
        principal = await getSessionUser();
        if (principal && MUTATING.has(req.method)) checkSameOrigin(req);
      }
      if (!principal) throw new UnauthorizedError();
      let access: ProjectAccess | null = null;
      if (opts.project !== false && "slug" in params) {
        access = await getProjectAccess(principal, params.slug, opts.role ?? "VIEWER");
      } else if (principal.kind === "token" && opts.project === false && !opts.allowTokens) {
        throw new ForbiddenError("Project tokens cannot call this route");
      }
      const result = await handler({ req, params, requestId, principal, access });
      return result instanceof Response ? result : NextResponse.json(result);
    });
  };
}

/** Parses a JSON body with a zod schema; malformed JSON is a 422 with a clear message. */
export async function parseJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new InvalidInputError("The request body must be valid JSON");
  }
  return schema.parse(body);
}

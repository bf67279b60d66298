import "server-only";
import crypto from "node:crypto";
import { ZodError, type z } from "zod";
import { getSessionUser, type Principal } from "../access";
import { AppError, ForbiddenError, UnauthorizedError, UnavailableError, isDatabaseUnavailable } from "../errors";
import { logger } from "../logger";
import type { ActionResult } from "./project-action";

/**
 * Server actions outside a project (creating a project): session → administrator → zod → call,
 * with the same result shape and error handling as `projectAction`.
 */
export function adminAction<S extends z.ZodType, T>(
  opts: { name: string; schema: S },
  fn: (principal: Extract<Principal, { kind: "user" }>, input: z.infer<S>, requestId: string) => Promise<T>,
) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const requestId = crypto.randomUUID();
    try {
      const user = await getSessionUser();
      if (!user) throw new UnauthorizedError();
      if (!user.isAdmin) throw new ForbiddenError("Only administrators may do this");
      return { ok: true, data: await fn(user, opts.schema.parse(raw), requestId) };
    } catch (err) {
      if (err instanceof ZodError) {
        return {
          ok: false,
          error: {
            code: "invalid_input", status: 422,
            message: err.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; "),
            details: err.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
          },
        };
      }
      const e = !(err instanceof AppError) && isDatabaseUnavailable(err) ? new UnavailableError() : err;
      if (e instanceof AppError) return { ok: false, error: { code: e.code, message: e.message, details: e.details, status: e.status } };
      logger.error({ msg: "action failed", action: opts.name, requestId, err: err instanceof Error ? err.stack : String(err) });
      return { ok: false, error: { code: "internal", status: 500, message: `Something went wrong (request ${requestId}); it has been logged.` } };
    }
  };
}

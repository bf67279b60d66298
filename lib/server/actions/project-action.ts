import "server-only";
import crypto from "node:crypto";
import { ZodError, type z } from "zod";
import { requireProjectRole, type ProjectAccess } from "../access";
import { AppError, UnavailableError, isDatabaseUnavailable } from "../errors";
import { logger } from "../logger";
import type { Role } from "../roles";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string; details?: unknown; status: number } };

/**
 * The one way into a server action: session → project role → zod parse → call, with expected
 * errors returned as data (the form shows the message) and anything else logged with a request id.
 * Audit entries are written by the lib/server service the action calls, in its transaction.
 */
export function projectAction<S extends z.ZodType, T>(
  opts: { name: string; role: Role; schema: S },
  fn: (access: ProjectAccess, input: z.infer<S>, requestId: string) => Promise<T>,
) {
  return async (slug: string, raw: unknown): Promise<ActionResult<T>> => {
    const requestId = crypto.randomUUID();
    try {
      const access = await requireProjectRole(slug, opts.role);
      const input = opts.schema.parse(raw);
      return { ok: true, data: await fn(access, input, requestId) };
    } catch (err) {
      return toActionError(err, opts.name, requestId);
    }
  };
}

/** Expected errors become data the form shows; anything else is logged with the request id. */
export function toActionError(err: unknown, name: string, requestId: string): Extract<ActionResult<never>, { ok: false }> {
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
  logger.error({ msg: "action failed", action: name, requestId, err: err instanceof Error ? err.stack : String(err) });
  return { ok: false, error: { code: "internal", status: 500, message: `Something went wrong (request ${requestId}); it has been logged.` } };
}

import "server-only";
import crypto from "node:crypto";
import type { z } from "zod";
import { getSessionUser, type Principal } from "../access";
import { ForbiddenError, UnauthorizedError } from "../errors";
import { toActionError, type ActionResult } from "./project-action";

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
      return toActionError(err, opts.name, requestId);
    }
  };
}

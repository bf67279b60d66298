import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { requireProjectRole, type ProjectAccess } from "./access";
import { ForbiddenError, NotFoundError, UnauthorizedError } from "./errors";
import type { Role } from "./roles";

/**
 * For pages: access to a project, else login (anonymous), 404 (not a member) or the forbidden page.
 * Once per request and arguments (the project layout and its page both ask).
 */
export const getPageAccess = cache(async (slug: string, need: Role = "VIEWER"): Promise<ProjectAccess> => {
  try {
    return await requireProjectRole(slug, need);
  } catch (err) {
    if (err instanceof UnauthorizedError) redirect("/login");
    if (err instanceof NotFoundError) notFound();
    if (err instanceof ForbiddenError) redirect(`/projects/${encodeURIComponent(slug)}?forbidden=${need}`);
    throw err;
  }
});

import "server-only";
import type { Principal } from "../access";
import { writeAudit } from "../audit";
import { getDb } from "../db";
import { ConflictError, ForbiddenError } from "../errors";
import { DEFAULT_CATEGORIES, type TProjectCreate } from "../schemas/project";

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}

/**
 * An administrator creates a project with the default categories; the administrator becomes its
 * LEAD. One transaction, one audit entry.
 */
export async function createProject(principal: Principal, input: TProjectCreate, requestId?: string): Promise<{ id: string; slug: string; name: string }> {
  if (principal.kind !== "user" || !principal.isAdmin) throw new ForbiddenError("Only administrators create projects");
  const db = getDb();
  if (await db.project.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
    throw new ConflictError(`A project with the slug '${input.slug}' exists already`);
  }
  try {
    return await db.$transaction(async (tx) => {
      const project = await tx.project.create({
        data: {
          slug: input.slug,
          name: input.name,
          description: input.description || null,
          categories: { create: DEFAULT_CATEGORIES.map((name, position) => ({ name, position })) },
          memberships: { create: { userId: principal.userId, role: "LEAD" } },
        },
        select: { id: true, slug: true, name: true },
      });
      await writeAudit(tx, {
        principal, projectId: project.id, action: "project.create", entity: "Project", entityId: project.id,
        after: { slug: project.slug, name: project.name, categories: DEFAULT_CATEGORIES }, requestId,
      });
      return project;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError(`A project with the slug '${input.slug}' exists already`);
    throw err;
  }
}

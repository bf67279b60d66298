import "server-only";
import { cache } from "react";
import { getDb } from "../db";
import type { Principal } from "../access";
import type { Role } from "../roles";

export interface ProjectListEntry {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  role: Role;
}

/** The projects a user belongs to (admins: all projects, as LEAD). */
export const listProjectsForUser = cache(async (user: Extract<Principal, { kind: "user" }>): Promise<ProjectListEntry[]> => {
  const db = getDb();
  if (user.isAdmin) {
    const projects = await db.project.findMany({ select: { id: true, slug: true, name: true, description: true }, orderBy: { name: "asc" } });
    return projects.map((p) => ({ ...p, role: "LEAD" as Role }));
  }
  const memberships = await db.membership.findMany({
    where: { userId: user.userId },
    select: { role: true, project: { select: { id: true, slug: true, name: true, description: true } } },
    orderBy: { project: { name: "asc" } },
  });
  return memberships.map((m) => ({ ...m.project, role: m.role }));
});

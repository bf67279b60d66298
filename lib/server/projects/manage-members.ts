import "server-only";
import crypto from "node:crypto";
import type { ProjectAccess } from "../access";
import { writeAudit } from "../audit";
import { getDb } from "../db";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { hashPassword } from "../passwords";
import type { TMemberAdd, TMemberRole } from "../schemas/project";

export interface MemberDto {
  membershipId: string;
  userId: string;
  email: string;
  name: string;
  role: "VIEWER" | "ENGINEER" | "LEAD";
  isAdmin: boolean;
}

function requireAdmin(access: ProjectAccess): void {
  if (!access.isAdmin) throw new ForbiddenError("Only administrators manage members");
}

/** Any member may see who else is in the project. */
export async function listMembers(projectId: string): Promise<MemberDto[]> {
  const rows = await getDb().membership.findMany({
    where: { projectId },
    select: { id: true, role: true, user: { select: { id: true, email: true, name: true, isAdmin: true } } },
    orderBy: { user: { email: "asc" } },
  });
  return rows.map((m) => ({ membershipId: m.id, userId: m.user.id, email: m.user.email, name: m.user.name, role: m.role, isAdmin: m.user.isAdmin }));
}

/**
 * An administrator adds a user by email. A new user is created with a generated password that is
 * returned once (only its hash is stored).
 */
export async function addMember(access: ProjectAccess, input: TMemberAdd, requestId?: string): Promise<{ member: MemberDto; generatedPassword: string | null }> {
  requireAdmin(access);
  const db = getDb();
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  const password = existing ? null : crypto.randomBytes(12).toString("base64url");
  const passwordHash = password ? await hashPassword(password) : null;
  return db.$transaction(async (tx) => {
    let userId = existing?.id;
    if (!userId) {
      const user = await tx.user.create({ data: { email: input.email, name: input.name || input.email.split("@")[0], passwordHash: passwordHash! }, select: { id: true } });
      userId = user.id;
      await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "user.create", entity: "User", entityId: userId, after: { email: input.email }, requestId });
    } else if (await tx.membership.findUnique({ where: { projectId_userId: { projectId: access.project.id, userId } }, select: { id: true } })) {
      throw new ConflictError(`${input.email} is a member already; change their role instead`);
    }
    const m = await tx.membership.create({
      data: { projectId: access.project.id, userId, role: input.role },
      select: { id: true, role: true, user: { select: { id: true, email: true, name: true, isAdmin: true } } },
    });
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "member.add", entity: "Membership", entityId: m.id, after: { email: input.email, role: input.role }, requestId });
    return {
      member: { membershipId: m.id, userId: m.user.id, email: m.user.email, name: m.user.name, role: m.role, isAdmin: m.user.isAdmin },
      generatedPassword: password,
    };
  });
}

export async function changeMemberRole(access: ProjectAccess, input: TMemberRole, requestId?: string): Promise<void> {
  requireAdmin(access);
  await getDb().$transaction(async (tx) => {
    const m = await tx.membership.findFirst({ where: { id: input.membershipId, projectId: access.project.id }, select: { role: true, user: { select: { email: true } } } });
    if (!m) throw new NotFoundError("No such member of this project");
    if (m.role === input.role) return;
    await tx.membership.update({ where: { id: input.membershipId }, data: { role: input.role } });
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "member.role", entity: "Membership", entityId: input.membershipId, before: { email: m.user.email, role: m.role }, after: { role: input.role }, requestId });
  });
}

export async function removeMember(access: ProjectAccess, membershipId: string, requestId?: string): Promise<void> {
  requireAdmin(access);
  await getDb().$transaction(async (tx) => {
    const m = await tx.membership.findFirst({ where: { id: membershipId, projectId: access.project.id }, select: { role: true, user: { select: { email: true } } } });
    if (!m) throw new NotFoundError("No such member of this project");
    await tx.membership.delete({ where: { id: membershipId } });
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "member.remove", entity: "Membership", entityId: membershipId, before: { email: m.user.email, role: m.role }, requestId });
  });
}

import "server-only";
import crypto from "node:crypto";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./auth-options";
import { getDb } from "./db";
import { ForbiddenError, NotFoundError, TooManyRequestsError, UnauthorizedError } from "./errors";
import { limiters } from "./rate-limit";
import { roleAtLeast, type Role } from "./roles";

export type Principal =
  | { kind: "user"; userId: string; email: string; name: string; isAdmin: boolean }
  | { kind: "token"; tokenId: string; projectId: string; role: Role; name: string };

export interface ProjectAccess {
  principal: Principal;
  project: { id: string; slug: string; name: string };
  /** The caller's role in this project; admins act as LEAD everywhere. */
  role: Role;
  isAdmin: boolean;
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** The signed-in user of this request, or null. */
export const getSessionUser = cache(async (): Promise<Extract<Principal, { kind: "user" }> | null> => {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await getDb().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, isAdmin: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return null;
  return { kind: "user", userId: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
});

/** For pages: the signed-in user, else a redirect to the login page. */
export async function requireUser() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}

/** Resolves `Authorization: Bearer <token>` to a token principal; throttles bad guesses per IP. */
export async function getTokenPrincipal(authorization: string | null, ip: string): Promise<Principal | null> {
  if (!authorization) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!m) throw new UnauthorizedError("The Authorization header must be 'Bearer <token>'");
  const wait = limiters.tokenIp.hit(`t:${ip}`);
  if (wait > 0) throw new TooManyRequestsError("Too many API requests; slow down", wait);
  const token = await getDb().apiToken.findUnique({
    where: { tokenHash: hashToken(m[1]) },
    select: { id: true, projectId: true, role: true, name: true, revokedAt: true, expiresAt: true },
  });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt < new Date())) {
    const badWait = limiters.badTokenIp.hit(`b:${ip}`);
    if (badWait > 0) throw new TooManyRequestsError("Too many invalid tokens from this address", badWait);
    throw new UnauthorizedError("The API token is invalid, expired or revoked");
  }
  void getDb()
    .apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } })
    .catch(() => {});
  return { kind: "token", tokenId: token.id, projectId: token.projectId, role: token.role, name: `token ${token.name}` };
}

/** The caller's access to a project, or NotFound (non-members must not learn it exists) / Forbidden. */
export async function getProjectAccess(principal: Principal, slug: string, need: Role = "VIEWER"): Promise<ProjectAccess> {
  const project = await getDb().project.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!project) throw new NotFoundError(`No project '${slug}'`);
  let role: Role | null = null;
  let isAdmin = false;
  if (principal.kind === "token") {
    if (principal.projectId === project.id) role = principal.role;
  } else if (principal.isAdmin) {
    role = "LEAD";
    isAdmin = true;
  } else {
    const m = await getDb().membership.findUnique({
      where: { projectId_userId: { projectId: project.id, userId: principal.userId } },
      select: { role: true },
    });
    role = m?.role ?? null;
  }
  if (!role) throw new NotFoundError(`No project '${slug}'`);
  if (!roleAtLeast(role, need)) throw new ForbiddenError(`This needs the ${need} role; you are ${role}`);
  return { principal, project, role, isAdmin };
}

/** For pages and server actions: the signed-in user's access to a project with at least `need`. */
export async function requireProjectRole(slug: string, need: Role = "VIEWER"): Promise<ProjectAccess> {
  const user = await getSessionUser();
  if (!user) throw new UnauthorizedError();
  return getProjectAccess(user, slug, need);
}

export function actorOf(p: Principal): { actorId: string | null; actorName: string; tokenId: string | null } {
  return p.kind === "user"
    ? { actorId: p.userId, actorName: p.name, tokenId: null }
    : { actorId: null, actorName: p.name, tokenId: p.tokenId };
}

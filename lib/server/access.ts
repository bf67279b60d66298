import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./auth-options";
import { getDb } from "./db";
import { ForbiddenError, NotFoundError, TooManyRequestsError, UnauthorizedError } from "./errors";
import { limiters } from "./rate-limit";
import { roleAtLeast, type Role } from "./roles";
import { hashToken } from "./tokens/hash-token";
import { actorOf, type Principal, type ProjectAccess } from "./principal";

export { actorOf, type Principal, type ProjectAccess };

export { hashToken };

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
  // Guessing is throttled: an address that sent 20 bad tokens in 15 minutes is refused for a while.
  const blocked = await limiters.badTokenIp.check(`b:${ip}`);
  if (blocked > 0) throw new TooManyRequestsError("Too many invalid tokens from this address", blocked);
  const token = await getDb().apiToken.findUnique({
    where: { tokenHash: hashToken(m[1]) },
    select: { id: true, projectId: true, role: true, name: true, revokedAt: true, expiresAt: true },
  });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt < new Date())) {
    await limiters.badTokenIp.hit(`b:${ip}`);
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

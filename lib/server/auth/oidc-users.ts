import "server-only";
import { getDb } from "../db";
import type { TAuthEnv } from "../env";
import { logger } from "../logger";
import { emailDomainAllowed, mapClaimsToRole } from "./oidc-policy";

/** Accounts created by single sign-on get no usable password (bcrypt never matches this). */
export const NO_PASSWORD = "!oidc";

export type OidcOutcome = { ok: true; userId: string; isAdmin: boolean; created: boolean } | { ok: false; reason: "domain" | "email" | "disabled" };

/**
 * Signs in an OpenID Connect identity: a verified email of an allowed domain; the first login
 * creates the user. Roles: a matching OIDC_ROLE_MAP entry sets the role (at every login) in the
 * default projects, ADMIN makes a global administrator; else a new user gets OIDC_DEFAULT_ROLE there.
 */
export async function signInOidcUser(claims: Record<string, unknown>, env: TAuthEnv): Promise<OidcOutcome> {
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  if (!email || claims.email_verified === false) return { ok: false, reason: "email" };
  if (!emailDomainAllowed(email, env)) {
    logger.warn({ msg: "oidc sign-in refused: domain not allowed", domain: email.split("@").pop() });
    return { ok: false, reason: "domain" };
  }
  const name = (typeof claims.name === "string" && claims.name.trim()) || email.split("@")[0];
  const mapped = mapClaimsToRole(claims, env);
  const db = getDb();
  return db.$transaction(async (tx) => {
    let user = await tx.user.findUnique({ where: { email }, select: { id: true, isAdmin: true, disabledAt: true } });
    const created = !user;
    if (!user) user = await tx.user.create({ data: { email, name, passwordHash: NO_PASSWORD }, select: { id: true, isAdmin: true, disabledAt: true } });
    if (user.disabledAt) return { ok: false as const, reason: "disabled" as const };
    if (mapped === "ADMIN" && !user.isAdmin) user = await tx.user.update({ where: { id: user.id }, data: { isAdmin: true }, select: { id: true, isAdmin: true, disabledAt: true } });
    const role = mapped && mapped !== "ADMIN" ? mapped : created ? env.OIDC_DEFAULT_ROLE : undefined;
    if (role) {
      const projects = await tx.project.findMany({ where: env.OIDC_DEFAULT_PROJECTS.length ? { slug: { in: env.OIDC_DEFAULT_PROJECTS } } : {}, select: { id: true } });
      for (const p of projects) {
        await tx.membership.upsert({
          where: { projectId_userId: { projectId: p.id, userId: user.id } },
          create: { projectId: p.id, userId: user.id, role },
          update: mapped ? { role } : {},
        });
      }
    }
    if (created) logger.info({ msg: "oidc user created", userId: user.id, role: mapped ?? role ?? "none" });
    return { ok: true as const, userId: user.id, isAdmin: user.isAdmin, created };
  }, { maxWait: 10_000, timeout: 20_000 });
}

import type { TAuthEnv } from "../env";

type Policy = Pick<TAuthEnv, "OIDC_ALLOWED_DOMAINS" | "OIDC_ROLE_CLAIM" | "OIDC_ROLE_MAP">;
const RANK = { VIEWER: 1, ENGINEER: 2, LEAD: 3, ADMIN: 4 } as const;
export type MappedRole = keyof typeof RANK;

/** Whether an email's domain may sign in (no list = every domain). */
export function emailDomainAllowed(email: string, policy: Policy): boolean {
  if (policy.OIDC_ALLOWED_DOMAINS.length === 0) return true;
  const domain = email.split("@").pop()?.toLowerCase() ?? "";
  return policy.OIDC_ALLOWED_DOMAINS.includes(domain);
}

/** A claim by name, also nested (`realm_access.roles`); a string becomes a one-element list. */
function claimValues(claims: Record<string, unknown>, name: string): string[] {
  let v: unknown = claims;
  for (const part of name.split(".")) v = v && typeof v === "object" ? (v as Record<string, unknown>)[part] : undefined;
  if (typeof v === "string") return v.split(/[\s,]+/).filter(Boolean);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** The highest role the mapping gives these claims, or null when nothing matches. */
export function mapClaimsToRole(claims: Record<string, unknown>, policy: Policy): MappedRole | null {
  if (!policy.OIDC_ROLE_CLAIM || policy.OIDC_ROLE_MAP.length === 0) return null;
  const have = new Set(claimValues(claims, policy.OIDC_ROLE_CLAIM));
  let best: MappedRole | null = null;
  for (const m of policy.OIDC_ROLE_MAP) if (have.has(m.value) && (!best || RANK[m.role] > RANK[best])) best = m.role;
  return best;
}

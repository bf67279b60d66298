// Shared by server and client code: role order and labels (no server-only here).
export type Role = "VIEWER" | "ENGINEER" | "LEAD";
export const ROLE_ORDER: Record<Role, number> = { VIEWER: 1, ENGINEER: 2, LEAD: 3 };
export const ROLES: Role[] = ["VIEWER", "ENGINEER", "LEAD"];

export function roleAtLeast(have: Role, need: Role): boolean {
  return ROLE_ORDER[have] >= ROLE_ORDER[need];
}

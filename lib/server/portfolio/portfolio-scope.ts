import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Principal } from "../principal";

/** Whose projects a portfolio query covers: every project (admins, the local CLI), a user's, or a token's one. */
export type PortfolioScope = { kind: "all" } | { kind: "member"; userId: string } | { kind: "project"; projectId: string };

export function scopeOf(principal: Principal): PortfolioScope {
  if (principal.kind === "token") return { kind: "project", projectId: principal.projectId };
  return principal.isAdmin ? { kind: "all" } : { kind: "member", userId: principal.userId };
}

/** A WHERE condition on `p` (the Project alias) that keeps the scope's projects only. */
export function scopeCondition(scope: PortfolioScope): Prisma.Sql {
  switch (scope.kind) {
    case "all": return Prisma.sql`TRUE`;
    case "member": return Prisma.sql`EXISTS (SELECT 1 FROM "Membership" m WHERE m."projectId" = p.id AND m."userId" = ${scope.userId})`;
    case "project": return Prisma.sql`p.id = ${scope.projectId}`;
  }
}

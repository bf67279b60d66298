import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import type { Db } from "../db";
import { getDb } from "../db";
import type { ProjectAccess } from "../principal";
import { hashToken } from "./hash-token";
import { writeAudit } from "../audit";
import { ForbiddenError, NotFoundError } from "../errors";
import { roleAtLeast } from "../roles";

export const ZTokenCreate = z
  .object({
    name: z.string().trim().min(1, "give the token a name").max(100),
    role: z.enum(["VIEWER", "ENGINEER", "LEAD"]),
    expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
  })
  .strict();
export type TTokenCreate = z.infer<typeof ZTokenCreate>;

export interface TokenDto {
  id: string;
  name: string;
  role: "VIEWER" | "ENGINEER" | "LEAD";
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** A new random token: `lg_` + 32 bytes base64url. Only its SHA-256 is stored. */
export function generateToken(): { token: string; hash: string; prefix: string } {
  const token = `lg_${crypto.randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, 10) };
}

/** Creates a project token in any database client (the CLI passes its own). */
export async function insertToken(db: Db, projectId: string, input: TTokenCreate, createdById: string | null) {
  const { token, hash, prefix } = generateToken();
  const row = await db.apiToken.create({
    data: {
      projectId, name: input.name, role: input.role, tokenHash: hash, prefix, createdById,
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    },
  });
  return { token, row };
}

function toDto(r: { id: string; name: string; role: TokenDto["role"]; prefix: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null }): TokenDto {
  return {
    id: r.id, name: r.name, role: r.role, prefix: r.prefix, createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null, expiresAt: r.expiresAt?.toISOString() ?? null, revokedAt: r.revokedAt?.toISOString() ?? null,
  };
}

function requireLeadSession(access: ProjectAccess): void {
  if (!roleAtLeast(access.role, "LEAD")) throw new ForbiddenError("Only leads manage API tokens");
  if (access.principal.kind === "token") throw new ForbiddenError("API tokens cannot manage tokens; sign in");
}

export async function listTokens(access: ProjectAccess): Promise<TokenDto[]> {
  requireLeadSession(access);
  const rows = await getDb().apiToken.findMany({ where: { projectId: access.project.id }, orderBy: { createdAt: "desc" } });
  return rows.map(toDto);
}

/** Returns the token once; it cannot be shown again. */
export async function createToken(access: ProjectAccess, input: TTokenCreate, requestId?: string): Promise<TokenDto & { token: string }> {
  requireLeadSession(access);
  return getDb().$transaction(async (tx) => {
    const { token, row } = await insertToken(tx as unknown as Db, access.project.id, input, access.principal.kind === "user" ? access.principal.userId : null);
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "token.create", entity: "ApiToken", entityId: row.id, after: { name: row.name, role: row.role, prefix: row.prefix }, requestId });
    return { ...toDto(row), token };
  });
}

export async function revokeToken(access: ProjectAccess, tokenId: string, requestId?: string): Promise<void> {
  requireLeadSession(access);
  await getDb().$transaction(async (tx) => {
    const res = await tx.apiToken.updateMany({ where: { id: tokenId, projectId: access.project.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (res.count !== 1) throw new NotFoundError("No such active token in this project");
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "token.revoke", entity: "ApiToken", entityId: tokenId, requestId });
  });
}

import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { writeAudit } from "../audit";
import { getDb } from "../db";
import { ForbiddenError, NotFoundError } from "../errors";
import { actorOf, type ProjectAccess } from "../principal";
import { roleAtLeast } from "../roles";
import { hashToken } from "../tokens/hash-token";

export const ZShareLinkCreate = z
  .object({ expiresInDays: z.number({ message: "expiresInDays must be a number of days" }).int("expiresInDays must be a whole number").min(1, "a link lasts at least 1 day").max(365, "a link lasts at most 365 days") })
  .strict();
export type TShareLinkCreate = z.infer<typeof ZShareLinkCreate>;

export interface ShareLinkDto {
  id: string;
  prefix: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
  revokedAt: string | null;
  status: "active" | "expired" | "revoked";
  views: number;
  recentViews: { at: string; clientIp: string; path: string }[];
}

/** The public path of a share token (the page; the report is `<path>/report.md`). */
export function sharePath(token: string): string {
  return `/share/${token}`;
}

/** A new share token: 32 random bytes, base64url (43 characters). Only its SHA-256 is stored. */
export function generateShareToken(): { token: string; hash: string; prefix: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token), prefix: token.slice(0, 6) };
}

function requireLead(access: ProjectAccess): void {
  if (!roleAtLeast(access.role, "LEAD")) throw new ForbiddenError("Only leads manage share links");
}

export async function listShareLinks(access: ProjectAccess, now = new Date()): Promise<ShareLinkDto[]> {
  requireLead(access);
  const rows = await getDb().shareLink.findMany({
    where: { projectId: access.project.id },
    orderBy: { createdAt: "desc" },
    select: {
      id: true, prefix: true, createdAt: true, createdByName: true, expiresAt: true, revokedAt: true,
      _count: { select: { views: true } },
      views: { orderBy: { at: "desc" }, take: 5, select: { at: true, clientIp: true, path: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id, prefix: r.prefix, createdAt: r.createdAt.toISOString(), createdBy: r.createdByName, expiresAt: r.expiresAt.toISOString(),
    revokedAt: r.revokedAt?.toISOString() ?? null,
    status: r.revokedAt ? "revoked" : r.expiresAt <= now ? "expired" : "active",
    views: r._count.views,
    recentViews: r.views.map((v) => ({ at: v.at.toISOString(), clientIp: v.clientIp, path: v.path })),
  }));
}

/** Creates a link; its URL (with the token) is in the result only, once. */
export async function createShareLink(access: ProjectAccess, input: TShareLinkCreate, baseUrl: string, requestId?: string): Promise<{ id: string; url: string; expiresAt: string }> {
  requireLead(access);
  const { token, hash, prefix } = generateShareToken();
  const actor = actorOf(access.principal);
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  const row = await getDb().$transaction(async (tx) => {
    const created = await tx.shareLink.create({
      data: { projectId: access.project.id, tokenHash: hash, prefix, createdById: actor.actorId, createdByName: actor.actorName, expiresAt },
      select: { id: true },
    });
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "share-link.create", entity: "ShareLink", entityId: created.id, after: { prefix, expiresAt }, requestId });
    return created;
  });
  return { id: row.id, url: `${baseUrl.replace(/\/$/, "")}${sharePath(token)}`, expiresAt: expiresAt.toISOString() };
}

export async function revokeShareLink(access: ProjectAccess, id: string, requestId?: string): Promise<void> {
  requireLead(access);
  await getDb().$transaction(async (tx) => {
    const res = await tx.shareLink.updateMany({ where: { id, projectId: access.project.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (res.count !== 1) throw new NotFoundError("No such active share link in this project");
    await writeAudit(tx, { principal: access.principal, projectId: access.project.id, action: "share-link.revoke", entity: "ShareLink", entityId: id, requestId });
  });
}

import "server-only";
import { getDb } from "../db";
import { hashToken } from "../tokens/hash-token";

export interface SharedProject {
  linkId: string;
  project: { id: string; slug: string; name: string };
  expiresAt: string;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The project a share token opens, or null when unknown, expired or revoked (all look the same). */
export async function resolveShareLink(token: string, now = new Date()): Promise<SharedProject | null> {
  if (!TOKEN.test(token)) return null;
  const link = await getDb().shareLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, expiresAt: true, revokedAt: true, project: { select: { id: true, slug: true, name: true } } },
  });
  if (!link || link.revokedAt || link.expiresAt <= now) return null;
  return { linkId: link.id, project: link.project, expiresAt: link.expiresAt.toISOString() };
}

/** Logs one view of a link: when, from which address, which page. */
export async function recordShareView(linkId: string, view: { clientIp: string; userAgent: string | null; path: "page" | "report.md" }): Promise<void> {
  await getDb().shareLinkView.create({
    data: { shareLinkId: linkId, clientIp: view.clientIp.slice(0, 100), userAgent: view.userAgent?.slice(0, 300) ?? null, path: view.path },
  });
}

import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProjectAccess } from "@/lib/server/access";
import { seedDemo } from "@/lib/server/runtime/seed-demo";
import { createTestDatabase } from "@/tests/helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let lead: ProjectAccess;
let viewer: ProjectAccess;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, "share-links-test");
  process.env.DATABASE_URL = t.url;
  const project = await t.db.project.findUniqueOrThrow({ where: { slug: "agent-platform" }, select: { id: true, slug: true, name: true } });
  const u = await t.db.user.findUniqueOrThrow({ where: { email: "lead@example.com" } });
  const principal = { kind: "user" as const, userId: u.id, email: u.email, name: u.name, isAdmin: false };
  lead = { principal, project, role: "LEAD", isAdmin: false };
  viewer = { ...lead, role: "VIEWER" };
});
afterAll(async () => {
  const { getDb } = await import("@/lib/server/db");
  await getDb().$disconnect();
  await t.drop();
});

const tokenOf = (url: string) => url.split("/share/")[1];

describe("share links", () => {
  it("creates an unguessable link whose token is stored only as its SHA-256, with an audit entry", async () => {
    const { createShareLink } = await import("./manage-share-links");
    const link = await createShareLink(lead, { expiresInDays: 7 }, "https://lg.example.com/");
    expect(link.url).toMatch(/^https:\/\/lg\.example\.com\/share\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(link.url);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const row = await t.db.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(Math.abs(new Date(link.expiresAt).getTime() - (Date.now() + 7 * 86_400_000))).toBeLessThan(60_000);
    expect(await t.db.auditLog.count({ where: { action: "share-link.create", entityId: link.id } })).toBe(1);
  });

  it("opens the project while valid, logs views, and is refused once expired or revoked", async () => {
    const { createShareLink, listShareLinks, revokeShareLink } = await import("./manage-share-links");
    const { resolveShareLink, recordShareView } = await import("./resolve-share-link");
    const link = await createShareLink(lead, { expiresInDays: 1 }, "http://x");
    const token = tokenOf(link.url);
    const open = await resolveShareLink(token);
    expect(open?.project.slug).toBe("agent-platform");
    await recordShareView(open!.linkId, { clientIp: "203.0.113.9", userAgent: "test", path: "page" });
    await recordShareView(open!.linkId, { clientIp: "203.0.113.10", userAgent: null, path: "report.md" });
    let listed = (await listShareLinks(lead)).find((l) => l.id === link.id)!;
    expect(listed.status).toBe("active");
    expect(listed.views).toBe(2);
    expect(listed.recentViews.map((v) => v.clientIp)).toEqual(["203.0.113.10", "203.0.113.9"]);

    // One day later (and a second) it is expired: the same answer as an unknown token.
    const later = new Date(Date.now() + 86_400_000 + 1000);
    expect(await resolveShareLink(token, later)).toBeNull();
    expect((await listShareLinks(lead, later)).find((l) => l.id === link.id)!.status).toBe("expired");

    await revokeShareLink(lead, link.id);
    expect(await resolveShareLink(token)).toBeNull();
    listed = (await listShareLinks(lead)).find((l) => l.id === link.id)!;
    expect(listed.status).toBe("revoked");
    await expect(revokeShareLink(lead, link.id)).rejects.toThrow(/No such active share link/);
  });

  it("refuses unknown and malformed tokens, non-leads, and out-of-range expiries", async () => {
    const { createShareLink, listShareLinks, ZShareLinkCreate } = await import("./manage-share-links");
    const { resolveShareLink } = await import("./resolve-share-link");
    expect(await resolveShareLink(crypto.randomBytes(32).toString("base64url"))).toBeNull();
    expect(await resolveShareLink("../../etc")).toBeNull();
    await expect(createShareLink(viewer, { expiresInDays: 1 }, "http://x")).rejects.toThrow(/Only leads/);
    await expect(listShareLinks(viewer)).rejects.toThrow(/Only leads/);
    for (const bad of [{ expiresInDays: 0 }, { expiresInDays: 366 }, { expiresInDays: 1.5 }, {}, { expiresInDays: 3, extra: 1 }]) {
      expect(ZShareLinkCreate.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

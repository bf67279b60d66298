import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import bcrypt from "bcryptjs";
import { test, expect, apiAs, SLUG } from "../fixtures";
import { query } from "../server-tools";

/**
 * Every route handler × every kind of caller → the expected status. Routes are enumerated from
 * app/ so a new one (or a new method) fails this test until it has a row here.
 */
type Who = "anonymous" | "viewer" | "engineer" | "lead" | "admin" | "outsider" | "revokedToken" | "viewerToken" | "leadToken";
type Expect = Record<Who, number | number[]>;

const OTHER = "matrix-other-project";
const OUTSIDER = { email: "matrix-outsider@example.com", password: "outsider-password-1" };
const NONE = "00000000-0000-0000-0000-000000000000";

const publicRoute = (status = 200): Expect => ({ anonymous: status, viewer: status, engineer: status, lead: status, admin: status, outsider: status, revokedToken: status, viewerToken: status, leadToken: status });
/** Readable by every member (and project tokens); hidden (404) from outsiders. */
const read: Expect = { anonymous: 401, viewer: 200, engineer: 200, lead: 200, admin: 200, outsider: 404, revokedToken: 401, viewerToken: 200, leadToken: 200 };
/** A mutation that needs `role`, sent with an invalid body: members who may get past auth to 422. */
const mutation = (role: "ENGINEER" | "LEAD", passed = 422, tokenPassed = passed): Expect => ({
  anonymous: 401, viewer: 403, engineer: role === "ENGINEER" ? passed : 403, lead: passed, admin: passed, outsider: 404, revokedToken: 401, viewerToken: 403, leadToken: tokenPassed,
});

interface Row { method: string; route: string; path: string; body?: unknown; expect: Expect }
const P = `/api/v1/projects/${SLUG}`;
const MATRIX: Row[] = [
  { method: "GET", route: "/api/health", path: "/api/health", expect: publicRoute() },
  { method: "GET", route: "/api/live", path: "/api/live", expect: publicRoute() },
  { method: "GET", route: "/metrics", path: "/metrics", expect: publicRoute() },
  { method: "GET", route: "/api/v1/schema/checklist.json", path: "/api/v1/schema/checklist.json", expect: publicRoute() },
  // The portfolio: everyone signed in gets their own projects (an outsider theirs, a token its one).
  { method: "GET", route: "/api/v1/projects", path: "/api/v1/projects?sort=score", expect: { ...read, outsider: 200 } },
  { method: "GET", route: "/api/v1/projects/[slug]/checklist", path: `${P}/checklist`, expect: read },
  // A checklist file with a YAML syntax error: leads (and LEAD tokens) get 422 with the line.
  { method: "PUT", route: "/api/v1/projects/[slug]/checklist", path: `${P}/checklist?dryRun=1`, body: "version: [1\n", expect: mutation("LEAD") },
  { method: "GET", route: "/api/v1/projects/[slug]/readiness", path: `${P}/readiness`, expect: read },
  { method: "GET", route: "/api/v1/projects/[slug]/readiness/history", path: `${P}/readiness/history?from=2026-01-18&to=2026-01-20`, expect: read },
  { method: "GET", route: "/api/v1/projects/[slug]/readiness/changes", path: `${P}/readiness/changes?from=2026-01-18&to=2026-01-20`, expect: read },
  { method: "GET", route: "/api/v1/projects/[slug]/readiness/paths", path: `${P}/readiness/paths?asOf=2026-01-18`, expect: read },
  // Computes only, stores nothing: open to every member, like the reads.
  { method: "POST", route: "/api/v1/projects/[slug]/readiness/what-if", path: `${P}/readiness/what-if?asOf=2026-01-18`, body: {}, expect: read },
  { method: "GET", route: "/api/v1/projects/[slug]/items", path: `${P}/items`, expect: read },
  { method: "POST", route: "/api/v1/projects/[slug]/items", path: `${P}/items`, body: {}, expect: mutation("LEAD") },
  { method: "PATCH", route: "/api/v1/projects/[slug]/items/[id]", path: `${P}/items/${NONE}`, body: { version: 1, status: "IN_PROGRESS" }, expect: mutation("ENGINEER", 404) },
  { method: "DELETE", route: "/api/v1/projects/[slug]/items/[id]", path: `${P}/items/${NONE}`, expect: mutation("LEAD", 404) },
  { method: "POST", route: "/api/v1/projects/[slug]/items/[id]/risk-acceptance", path: `${P}/items/${NONE}/risk-acceptance`, body: {}, expect: mutation("LEAD") },
  { method: "POST", route: "/api/v1/projects/[slug]/items/[id]/evidence", path: `${P}/items/${NONE}/evidence`, body: {}, expect: mutation("ENGINEER") },
  { method: "GET", route: "/api/v1/projects/[slug]/changes", path: `${P}/changes`, expect: read },
  { method: "POST", route: "/api/v1/projects/[slug]/changes", path: `${P}/changes`, body: {}, expect: mutation("ENGINEER") },
  { method: "POST", route: "/api/v1/projects/[slug]/items/bulk", path: `${P}/items/bulk`, body: {}, expect: mutation("LEAD") },
  { method: "POST", route: "/api/v1/projects/[slug]/gates/[gateId]/risk-acceptance", path: `${P}/gates/capacity/risk-acceptance`, body: {}, expect: mutation("LEAD") },
  { method: "DELETE", route: "/api/v1/projects/[slug]/risk-acceptances/[id]", path: `${P}/risk-acceptances/${NONE}`, expect: mutation("LEAD", 404) },
  // Tokens are managed by signed-in leads only: a token gets 403 even with the LEAD role.
  { method: "GET", route: "/api/v1/projects/[slug]/tokens", path: `${P}/tokens`, expect: { ...mutation("LEAD", 200), leadToken: 403 } },
  { method: "POST", route: "/api/v1/projects/[slug]/tokens", path: `${P}/tokens`, body: {}, expect: { ...mutation("LEAD"), leadToken: [403, 422] } },
  { method: "DELETE", route: "/api/v1/projects/[slug]/tokens/[id]", path: `${P}/tokens/${NONE}`, expect: { ...mutation("LEAD", 404), leadToken: 403 } },
  { method: "GET", route: "/api/v1/projects/[slug]/decisions", path: `${P}/decisions`, expect: read },
  { method: "GET", route: "/api/v1/projects/[slug]/items.csv", path: `${P}/items.csv`, expect: read },
  { method: "GET", route: "/api/v1/projects/[slug]/report.md", path: `${P}/report.md`, expect: read },
  { method: "GET", route: "/api/v1/projects/[slug]/runs", path: `${P}/runs`, expect: read },
  { method: "GET", route: "/api/v1/projects/[slug]/runs/[id]", path: `${P}/runs/${NONE}`, expect: { ...read, viewer: 404, engineer: 404, lead: 404, admin: 404, viewerToken: 404, leadToken: 404 } },
  // Comparison of an unknown run: members get 404 (past auth), outsiders 404 too.
  { method: "GET", route: "/api/v1/projects/[slug]/runs/[id]/compare", path: `${P}/runs/${NONE}/compare`, expect: { ...read, viewer: 404, engineer: 404, lead: 404, admin: 404, viewerToken: 404, leadToken: 404 } },
  { method: "PUT", route: "/api/v1/projects/[slug]/runs/[id]/baseline", path: `${P}/runs/${NONE}/baseline`, expect: mutation("LEAD", 404) },
  { method: "DELETE", route: "/api/v1/projects/[slug]/runs/[id]/baseline", path: `${P}/runs/${NONE}/baseline`, expect: mutation("LEAD", 404) },
  // An upload that is not a load-test file: members allowed to import get 422 with the reason.
  { method: "POST", route: "/api/v1/projects/[slug]/runs", path: `${P}/runs?fileName=x.txt`, body: "not a load test", expect: mutation("ENGINEER") },
  { method: "PATCH", route: "/api/v1/projects/[slug]/runs/[id]", path: `${P}/runs/${NONE}`, body: { seriesSlug: "NOT A SLUG" }, expect: mutation("LEAD") },
  { method: "GET", route: "/api/v1/projects/[slug]/series", path: `${P}/series`, expect: read },
  { method: "POST", route: "/api/v1/projects/[slug]/series", path: `${P}/series`, body: {}, expect: mutation("LEAD") },
  { method: "PATCH", route: "/api/v1/projects/[slug]/series/[seriesSlug]", path: `${P}/series/no-such-series`, body: { launchEvidence: true }, expect: mutation("LEAD", 404) },
  { method: "GET", route: "/api/v1/projects/[slug]/share-links", path: `${P}/share-links`, expect: mutation("LEAD", 200) },
  { method: "POST", route: "/api/v1/projects/[slug]/share-links", path: `${P}/share-links`, body: {}, expect: mutation("LEAD") },
  { method: "DELETE", route: "/api/v1/projects/[slug]/share-links/[id]", path: `${P}/share-links/${NONE}`, expect: mutation("LEAD", 404) },
  { method: "GET", route: "/api/v1/projects/[slug]/webhooks", path: `${P}/webhooks`, expect: mutation("LEAD", 200) },
  { method: "POST", route: "/api/v1/projects/[slug]/webhooks", path: `${P}/webhooks`, body: {}, expect: mutation("LEAD") },
  { method: "DELETE", route: "/api/v1/projects/[slug]/webhooks/[id]", path: `${P}/webhooks/${NONE}`, expect: mutation("LEAD", 404) },
  { method: "POST", route: "/api/v1/projects/[slug]/webhooks/[id]/test", path: `${P}/webhooks/${NONE}/test`, expect: mutation("LEAD", 404) },
  // A share link is its own credential: an unknown token is 404 for everyone, signed in or not.
  { method: "GET", route: "/share/[token]/report.md", path: "/share/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/report.md", expect: publicRoute(404) },
  // A decision is signed by a person: tokens are refused after validation.
  { method: "POST", route: "/api/v1/projects/[slug]/decisions", path: `${P}/decisions`, body: {}, expect: mutation("LEAD") },
];

/** Route handlers and their exported methods, from the files under app/. */
function discoverRoutes(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === "route.ts") {
        const src = fs.readFileSync(p, "utf8");
        const route = "/" + path.relative("app", path.dirname(p)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).join("/");
        const methods = new Set<string>();
        for (const m of src.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]);
        for (const m of src.matchAll(/export\s*\{([^}]*)\}/g)) for (const x of m[1].matchAll(/as\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(x[1]);
        for (const m of methods) out.push(`${m} ${route}`);
      }
    }
  };
  walk("app");
  return out.sort();
}

const EXEMPT = new Set(["GET /api/auth/[...nextauth]", "POST /api/auth/[...nextauth]"]); // next-auth's own handler

test("every route handler has a row in the authorization matrix", () => {
  const known = new Set(MATRIX.map((r) => `${r.method} ${r.route}`));
  const missing = discoverRoutes().filter((r) => !known.has(r) && !EXEMPT.has(r));
  expect(missing, "add these to MATRIX in e2e/api/authorization-matrix.spec.ts").toEqual([]);
});

test("every route answers each kind of caller as the matrix says", async ({ baseURL, playwright }) => {
  test.setTimeout(180_000);
  // Another project with its own member: an outsider to agent-platform.
  const hash = await bcrypt.hash(OUTSIDER.password, 4);
  await query(`INSERT INTO "Project" (id, slug, name, "updatedAt") VALUES ($1, $2, 'Matrix other', now()) ON CONFLICT (slug) DO NOTHING`, [crypto.randomUUID(), OTHER]);
  await query(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, 'Outsider', $3, now()) ON CONFLICT (email) DO NOTHING`, [crypto.randomUUID(), OUTSIDER.email, hash]);
  await query(`INSERT INTO "Membership" (id, "userId", "projectId", role) SELECT $1, u.id, p.id, 'LEAD' FROM "User" u, "Project" p WHERE u.email = $2 AND p.slug = $3 ON CONFLICT DO NOTHING`, [crypto.randomUUID(), OUTSIDER.email, OTHER]);
  const token = async (role: string, revoked: boolean) => {
    const t = `lg_${crypto.randomBytes(24).toString("base64url")}`;
    await query(`INSERT INTO "ApiToken" (id, "projectId", name, role, "tokenHash", prefix, "revokedAt") SELECT $1, id, 'matrix', $2::"Role", $3, $4, $5 FROM "Project" WHERE slug = $6`,
      [crypto.randomUUID(), role, crypto.createHash("sha256").update(t).digest("hex"), t.slice(0, 10), revoked ? new Date() : null, SLUG]);
    return t;
  };
  const bearer = async (t: string) => playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${t}` } });
  const callers: Record<Who, Awaited<ReturnType<typeof apiAs>>> = {
    anonymous: await playwright.request.newContext({ baseURL }),
    viewer: await apiAs(baseURL!, "viewer"),
    engineer: await apiAs(baseURL!, "engineer"),
    lead: await apiAs(baseURL!, "lead"),
    admin: await apiAs(baseURL!, "admin"),
    outsider: await apiAs(baseURL!, OUTSIDER),
    revokedToken: await bearer(await token("LEAD", true)),
    viewerToken: await bearer(await token("VIEWER", false)),
    leadToken: await bearer(await token("LEAD", false)),
  };
  const failures: string[] = [];
  for (const row of MATRIX) {
    for (const who of Object.keys(callers) as Who[]) {
      const res = await callers[who].fetch(row.path, { method: row.method, data: row.body, maxRedirects: 0 });
      const want = row.expect[who];
      const ok = Array.isArray(want) ? want.includes(res.status()) : res.status() === want;
      if (!ok) failures.push(`${row.method} ${row.path} as ${who}: got ${res.status()}, want ${want}`);
    }
  }
  expect(failures).toEqual([]);
  await Promise.all(Object.values(callers).map((c) => c.dispose()));
});

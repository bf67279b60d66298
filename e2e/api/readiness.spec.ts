import { test, expect, apiAs, SLUG } from "../fixtures";

const R = `/api/v1/projects/${SLUG}/readiness?asOf=2026-01-18`;

test.describe("readiness API", () => {
  test("reproduces the week9-day4 and plan-a-day3 figures for every role", async ({ baseURL }) => {
    for (const who of ["viewer", "engineer", "lead", "admin"] as const) {
      const ctx = await apiAs(baseURL!, who);
      const res = await ctx.get(R);
      expect(res.status()).toBe(200);
      const r = await res.json();
      expect(r.project).toEqual({ slug: SLUG, name: "Agent platform (L01-L12)" });
      expect(r.asOf).toBe("2026-01-18");
      expect(r.score).toMatchObject({ overallPercent: 58, criticalDone: 29, criticalTotal: 50 });
      expect(r.score.categories.find((c: { name: string }) => c.name === "Monitoring")).toMatchObject({
        scorePercent: 20, criticalDone: 1, criticalTotal: 5, openBlockers: 4, openBlockerHours: 19,
      });
      expect(r.blockers).toMatchObject({ open: 21, openHours: 89 });
      expect(r.verdict.value).toBe("NO_GO");
      expect(r.verdict.gates.map((g: { id: string; status: string }) => [g.id, g.status])).toEqual([
        ["open-p1", "fail"], ["capacity", "pass"], ["anomaly", "fail"], ["stability", "pass"], ["objectives", "fail"],
      ]);
      expect(r.projection.deterministic).toEqual({ date: "2026-01-30", workingDays: 12 });
      expect(r.projection.probabilistic.p50 <= r.projection.probabilistic.p85).toBe(true);
      expect(r.projection.velocity).toBeNull();
      expect(r.projection.conditional).toBeNull();
      expect(r.capacity.zones).toEqual([
        { zone: "green", fromUsers: 0, toUsers: 150 },
        { zone: "yellow", fromUsers: 150, toUsers: 250 },
        { zone: "red", fromUsers: 250, toUsers: 300 },
        { zone: "death", fromUsers: 300, toUsers: null },
      ]);
      expect(r.capacity).toMatchObject({ safeCapacityUsers: 200, breakingPointUsers: 300, throughputCeilingRps: 154.2 });
      expect(r.capacity.anomalies).toHaveLength(1);
      expect(r.capacity.anomalies[0]).toMatchObject({ users: 300, kind: "non-monotonic-errors" });
      expect(r.stability).toMatchObject({ score: 80, health: "DEGRADED", verdict: "PROCEED_WITH_MONITORING" });
      await ctx.dispose();
    }
  });

  test("answers 401 anonymously, 422 for a bad asOf, 404 for an unknown project", async ({ request, baseURL }) => {
    const anon = await request.get(R);
    expect(anon.status()).toBe(401);
    expect((await anon.json()).error.code).toBe("unauthorized");
    const ctx = await apiAs(baseURL!, "viewer");
    const bad = await ctx.get(`/api/v1/projects/${SLUG}/readiness?asOf=2026-13-45`);
    expect(bad.status()).toBe(422);
    expect((await bad.json()).error.message).toContain("asOf");
    expect((await ctx.get(`/api/v1/projects/nope/readiness`)).status()).toBe(404);
    await ctx.dispose();
  });
});

test.describe("API tokens", () => {
  test("a lead creates a token shown once; it works as Bearer with its role until revoked", async ({ baseURL, playwright }) => {
    const lead = await apiAs(baseURL!, "lead");
    const created = await lead.post(`/api/v1/projects/${SLUG}/tokens`, { data: { name: "ci pipeline", role: "ENGINEER" } });
    expect(created.status()).toBe(201);
    const tok = await created.json();
    expect(tok.token).toMatch(/^lg_/);
    const list = await (await lead.get(`/api/v1/projects/${SLUG}/tokens`)).json();
    expect(JSON.stringify(list)).not.toContain(tok.token);
    expect(list.tokens.find((t: { id: string }) => t.id === tok.id).prefix).toBe(tok.token.slice(0, 10));

    const bearer = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${tok.token}` } });
    expect((await bearer.get(R)).status()).toBe(200);
    const items = await (await bearer.get(`/api/v1/projects/${SLUG}/items?priority=P3&status=OPEN&pageSize=1`)).json();
    const item = items.items[0];
    // ENGINEER token: may set status with evidence, may not retitle; tokens cannot manage tokens.
    const ok = await bearer.patch(`/api/v1/projects/${SLUG}/items/${item.id}`, { data: { status: "IN_PROGRESS", version: item.version } });
    expect(ok.status()).toBe(200);
    expect((await ok.json()).version).toBe(item.version + 1);
    expect((await bearer.patch(`/api/v1/projects/${SLUG}/items/${item.id}`, { data: { title: "x", version: item.version + 1 } })).status()).toBe(403);
    expect((await bearer.post(`/api/v1/projects/${SLUG}/tokens`, { data: { name: "x", role: "LEAD" } })).status()).toBe(403);
    // Put the item back for the other specs.
    expect((await bearer.patch(`/api/v1/projects/${SLUG}/items/${item.id}`, { data: { status: "OPEN", version: item.version + 1 } })).status()).toBe(200);

    expect((await lead.delete(`/api/v1/projects/${SLUG}/tokens/${tok.id}`)).status()).toBe(204);
    const revoked = await bearer.get(R);
    expect(revoked.status()).toBe(401);
    expect((await revoked.json()).error.message).toContain("revoked");
    const garbage = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: "Bearer lg_not-a-token" } });
    expect((await garbage.get(R)).status()).toBe(401);
    await Promise.all([lead.dispose(), bearer.dispose(), garbage.dispose()]);
  });

  test("only leads create tokens; bad input is a 422", async ({ baseURL }) => {
    const eng = await apiAs(baseURL!, "engineer");
    expect((await eng.post(`/api/v1/projects/${SLUG}/tokens`, { data: { name: "x", role: "VIEWER" } })).status()).toBe(403);
    const lead = await apiAs(baseURL!, "lead");
    const bad = await lead.post(`/api/v1/projects/${SLUG}/tokens`, { data: { name: "", role: "OWNER" } });
    expect(bad.status()).toBe(422);
    await Promise.all([eng.dispose(), lead.dispose()]);
  });
});

test.describe("items and decisions", () => {
  test("roles: viewer 403, engineer status only, lead anything; stale version 409; bad body 422", async ({ baseURL }) => {
    const viewer = await apiAs(baseURL!, "viewer");
    const eng = await apiAs(baseURL!, "engineer");
    const lead = await apiAs(baseURL!, "lead");
    const page = await (await viewer.get(`/api/v1/projects/${SLUG}/items?priority=P2&pageSize=5`)).json();
    expect(page.total).toBe(5);
    const it = page.items[0];
    const url = `/api/v1/projects/${SLUG}/items/${it.id}`;
    expect((await viewer.patch(url, { data: { status: "IN_PROGRESS", version: it.version } })).status()).toBe(403);
    expect((await eng.patch(url, { data: { owner: "me", version: it.version } })).status()).toBe(403);
    const done = await eng.patch(url, { data: { status: "DONE", version: it.version } });
    expect(done.status()).toBe(422);
    expect((await done.json()).error.message).toContain("evidence");
    const r1 = await eng.patch(url, { data: { status: "DONE", evidence: "https://ci.example/run/1", version: it.version } });
    expect(r1.status()).toBe(200);
    const stale = await lead.patch(url, { data: { owner: "Lee", version: it.version } });
    expect(stale.status()).toBe(409);
    const body = await stale.json();
    expect(body.error.details.current.status).toBe("DONE");
    expect(body.error.details.current.version).toBe(it.version + 1);
    expect((await lead.patch(url, { data: { owner: "Lee", version: it.version + 1 } })).status()).toBe(200);
    expect((await lead.patch(url, { data: { priority: "P9", version: it.version + 2 } })).status()).toBe(422);
    expect((await lead.patch(url, { data: "not json", headers: { "content-type": "application/json" } })).status()).toBe(422);
    await Promise.all([viewer.dispose(), eng.dispose(), lead.dispose()]);
  });

  test("a lead signs a decision with the full snapshot; viewers cannot; the list shows it", async ({ baseURL }) => {
    const lead = await apiAs(baseURL!, "lead");
    const viewer = await apiAs(baseURL!, "viewer");
    const url = `/api/v1/projects/${SLUG}/decisions`;
    expect((await viewer.post(url, { data: { comment: "go go go" } })).status()).toBe(403);
    const override = await lead.post(url, { data: { comment: "ship", verdict: "GO", asOf: "2026-01-18" } });
    expect(override.status()).toBe(422);
    const signed = await lead.post(url, { data: { comment: "Not ready: 21 blockers and the 300-user anomaly.", asOf: "2026-01-18" } });
    expect(signed.status()).toBe(201);
    const d = await signed.json();
    expect(d).toMatchObject({ verdict: "NO_GO", computedVerdict: "NO_GO", asOf: "2026-01-18", signedBy: "Lee Lead" });
    const list = await (await viewer.get(url)).json();
    expect(list.decisions[0].id).toBe(d.id);
    await Promise.all([lead.dispose(), viewer.dispose()]);
  });

  test("mutations from another origin with a session cookie are refused (CSRF)", async ({ baseURL }) => {
    const lead = await apiAs(baseURL!, "lead");
    const res = await lead.post(`/api/v1/projects/${SLUG}/decisions`, { data: { comment: "cross-site attempt" }, headers: { origin: "https://evil.example" } });
    expect(res.status()).toBe(403);
    await lead.dispose();
  });
});

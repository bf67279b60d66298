import { test, expect, apiAs, SLUG } from "../fixtures";

const P = `/api/v1/projects/${SLUG}/readiness`;

test.describe("readiness history, changes, paths and what-if (API)", () => {
  test("history: a viewer reads the days as they were; bad ranges are 422 with a clear message", async ({ baseURL }) => {
    const viewer = await apiAs(baseURL!, "viewer");
    const res = await viewer.get(`${P}/history?from=2026-01-18&to=2026-01-20`);
    expect(res.status()).toBe(200);
    const days = await res.json();
    expect(days).toEqual([0, 1, 2].map((i) => ({ date: `2026-01-${18 + i}`, scorePercent: 58, verdict: "NO_GO", openP1: 21, remainingHours: 89 })));
    const bad = async (q: string, text: string) => {
      const r = await viewer.get(`${P}/history?${q}`);
      expect(r.status(), q).toBe(422);
      expect((await r.json()).error.message, q).toContain(text);
    };
    await bad("from=2026-01-20&to=2026-01-18", "must not be after");
    await bad("from=2026-01-10&to=2026-01-20", "before the project existed: it was created on 2026-01-18");
    await bad("from=2026-13-01&to=2026-01-20", "from must be a date");
    await bad("from=2026-01-18&to=2099-01-01", "in the future");
    await viewer.dispose();
  });

  test("changes: the demo's first day explained item by item; from > to and dates before the project are 422", async ({ baseURL }) => {
    const viewer = await apiAs(baseURL!, "viewer");
    const res = await viewer.get(`${P}/changes?from=2026-01-17&to=2026-01-18`);
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.from).toEqual({ date: "2026-01-17", scorePercent: null, verdict: "NO_GO" });
    expect(body.to).toEqual({ date: "2026-01-18", scorePercent: 58, verdict: "NO_GO" });
    expect(body.changes).toHaveLength(50);
    expect(new Set(body.changes.map((c: { kind: string }) => c.kind))).toEqual(new Set(["added"]));
    const sum = body.changes.reduce((s: number, c: { scoreDeltaPoints: number }) => s + Math.round(c.scoreDeltaPoints * 10), 0);
    expect(sum).toBe(580);
    expect(body.changes[0]).toEqual(expect.objectContaining({ itemId: expect.any(String), title: expect.any(String), category: expect.any(String), byUserId: null, at: "2026-01-18T12:00:00.000Z" }));
    expect(body.gateChanges.map((g: { gate: string }) => g.gate)).toContain("anomaly");
    expect((await viewer.get(`${P}/changes?from=2026-01-19&to=2026-01-18`)).status()).toBe(422);
    const early = await viewer.get(`${P}/changes?from=2026-01-01&to=2026-01-18`);
    expect(early.status()).toBe(422);
    expect((await early.json()).error.message).toContain("before the project existed");
    await viewer.dispose();
  });

  test("paths and what-if: a viewer sees both paths and a what-if that stores nothing", async ({ baseURL }) => {
    const viewer = await apiAs(baseURL!, "viewer");
    const paths = await (await viewer.get(`${P}/paths?asOf=2026-01-18`)).json();
    expect(paths.go).toMatchObject({ hours: 89, date: "2026-01-30" });
    expect(paths.go.items).toHaveLength(21);
    expect(paths.go.items[0]).toEqual(expect.objectContaining({ id: expect.any(String), title: expect.any(String), hours: expect.any(Number), owner: null }));
    expect(paths.go.gates.map((g: { gate: string }) => g.gate)).toEqual(["anomaly", "objectives"]);
    expect(paths.conditionalGo.items).toHaveLength(11);
    expect(paths.conditionalGo.acceptRisks).toHaveLength(10);
    expect(paths.conditionalGo.algorithm).toBe("exact");

    const before = await (await viewer.get(`${P}?asOf=2026-01-18`)).json();
    const whatIf = await viewer.post(`${P}/what-if?asOf=2026-01-18`, { data: { itemIds: paths.go.items.map((i: { id: string }) => i.id), gates: ["anomaly", "objectives"] } });
    expect(whatIf.status()).toBe(200);
    expect(await whatIf.json()).toMatchObject({ verdict: "GO", scorePercent: 100, openP1: 0, remainingHours: 0 });
    const after = await (await viewer.get(`${P}?asOf=2026-01-18`)).json();
    expect(after.score).toEqual(before.score);
    expect(after.verdict.value).toBe("NO_GO");
    const bad = await viewer.post(`${P}/what-if`, { data: { gates: ["nope"] } });
    expect(bad.status()).toBe(422);
    await viewer.dispose();
  });
});

import { test, expect, apiAs, SLUG } from "../fixtures";

test("the JSON Schema is public and the demo's checklist round-trips over HTTP", async ({ baseURL, playwright }) => {
  const anon = await playwright.request.newContext({ baseURL });
  const schema = await anon.get("/api/v1/schema/checklist.json");
  expect(schema.status()).toBe(200);
  expect((await schema.json()).required).toEqual(expect.arrayContaining(["version", "categories"]));
  await anon.dispose();

  const viewer = await apiAs(baseURL!, "viewer");
  const yaml = await viewer.get(`/api/v1/projects/${SLUG}/checklist?format=yaml`);
  expect(yaml.status()).toBe(200);
  expect(yaml.headers()["content-type"]).toContain("application/yaml");
  const text = await yaml.text();
  expect(text).toMatch(/\n# yaml-language-server: \$schema=http:\/\/(127\.0\.0\.1|localhost):\d+\/api\/v1\/schema\/checklist\.json\n/);
  expect((await viewer.put(`/api/v1/projects/${SLUG}/checklist?dryRun=1`, { data: text })).status()).toBe(403);
  const json = await (await viewer.get(`/api/v1/projects/${SLUG}/checklist?format=json`)).text();
  await viewer.dispose();

  const lead = await apiAs(baseURL!, "lead");
  const plan = await lead.put(`/api/v1/projects/${SLUG}/checklist?dryRun=1&prune=1`, { data: text, headers: { "content-type": "application/yaml" } });
  expect(plan.status()).toBe(200);
  expect(await plan.json()).toMatchObject({ applied: false, plan: { create: [], update: [], retire: [], unchanged: 59 }, score: { before: 58, after: 58 } });
  const byJson = await lead.put(`/api/v1/projects/${SLUG}/checklist?dryRun=1`, { data: json, headers: { "content-type": "application/json" } });
  expect((await byJson.json()).plan.unchanged).toBe(59);

  const bad = await lead.put(`/api/v1/projects/${SLUG}/checklist?dryRun=1`, { data: text.replace("priority: P1", "priorty: P1") });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.message).toMatch(/^categories\[0\]\.items\[0\]\.priorty: unknown field \(line \d+, column \d+\)/);
  const big = await lead.put(`/api/v1/projects/${SLUG}/checklist`, { data: "#".repeat(2 * 1024 * 1024 + 1) });
  expect(big.status()).toBe(413);
  await lead.dispose();
});

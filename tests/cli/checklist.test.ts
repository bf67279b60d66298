import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/server/runtime/seed-demo";
import { createTestDatabase } from "@/tests/helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let dir: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/launchgate.mjs", ...args], { env: { ...process.env, DATABASE_URL: t.url, LAUNCHGATE_URL: "" }, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, "cli-checklist-password");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "lg-checklist-"));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await t.drop();
});

describe("npx launchgate checklist", () => {
  it("exports, checks (0 matches, 2 differs, 1 bad file, 3 unknown project or server) and applies", { timeout: 300_000 }, () => {
    const exported = cli("checklist", "export", "agent-platform");
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/^# Launchgate checklist of Agent platform/);
    const file = path.join(dir, "checklist.yaml");
    fs.writeFileSync(file, exported.out);
    const same = cli("checklist", "apply", "agent-platform", file, "--check");
    expect([same.code, same.out]).toEqual([0, expect.stringContaining("The project matches the file.")]);

    fs.writeFileSync(file, exported.out.replace("title: Health checks on every service", "title: Health checks on every service and job"));
    const differs = cli("checklist", "apply", "agent-platform", file, "--check");
    expect(differs.code).toBe(2);
    expect(differs.out).toContain('~ health-checks: title "Health checks on every service" → "Health checks on every service and job"');
    expect(differs.out).toContain("Score 58.0 % → 58.0 %");

    const bad = path.join(dir, "bad.yaml");
    fs.writeFileSync(bad, exported.out.replace("priority: P1", "priorty: P1"));
    const refused = cli("checklist", "apply", "agent-platform", bad, "--check");
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/categories\[0\]\.items\[0\]\.priorty: unknown field \(line \d+, column \d+\)/);
    expect(cli("checklist", "apply", "agent-platform", path.join(dir, "missing.yaml")).code).toBe(1);
    expect(cli("checklist", "apply", "nope", file, "--check").code).toBe(3);
    expect(cli("checklist", "apply", "agent-platform", file, "--check", "--url", "http://127.0.0.1:9", "--token", "lg_x").code).toBe(3);

    const applied = cli("checklist", "apply", "agent-platform", file);
    expect([applied.code, applied.out]).toEqual([0, expect.stringContaining("Applied.")]);
    expect(cli("checklist", "apply", "agent-platform", file, "--check").code).toBe(0);
    const json = cli("checklist", "export", "agent-platform", "--format", "json");
    expect(JSON.parse(json.out).categories[0].key).toBe("infrastructure");
  });

  it("lists templates and creates projects from a template or a file", { timeout: 300_000 }, async () => {
    const list = cli("template", "list");
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/web-service\s+8 categories\s+46 items/);
    const created = cli("project", "create", "--slug", "shop", "--name", "Shop", "--template", "web-service", "--lead", "lead@example.com");
    expect([created.code, created.out]).toEqual([0, "Created shop (Shop) with 46 items; lead@example.com is its LEAD.\n"]);
    const file = path.join(dir, "mine.json");
    fs.writeFileSync(file, JSON.stringify({ version: 1, categories: [{ key: "ops", name: "Ops", items: [{ key: "pager", title: "Pager works", priority: "P1", estimate: 2 }] }] }));
    expect(cli("project", "create", "--slug", "mine", "--name", "Mine", "--template", file).code).toBe(0);
    expect(await t.db.checklistItem.count({ where: { project: { slug: "mine" } } })).toBe(1);
    expect(cli("project", "create", "--slug", "shop", "--name", "Again", "--template", "empty").code).toBe(1);
    expect(cli("project", "create", "--slug", "x1", "--name", "Xx", "--template", "nope").code).toBe(1);
  });
});

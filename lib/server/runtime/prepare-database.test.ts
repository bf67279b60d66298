import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/tests/helpers/test-db";
import { prepareSchemaAndDemo, wantsDemo } from "./prepare-database";

describe("wantsDemo", () => {
  it("loads the demo into the embedded database, never into your own unless LAUNCHGATE_DEMO=1", () => {
    expect(wantsDemo(true, {})).toBe(true);
    expect(wantsDemo(false, {})).toBe(false);
    expect(wantsDemo(false, { LAUNCHGATE_DEMO: "1" })).toBe(true);
    expect(wantsDemo(true, { LAUNCHGATE_DEMO: "0" })).toBe(false);
  });
});

describe("prepareSchemaAndDemo on an empty database", () => {
  let own: Awaited<ReturnType<typeof createTestDatabase>>;
  let embeddedLike: Awaited<ReturnType<typeof createTestDatabase>>;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "launchgate-prepare-"));
  beforeAll(async () => {
    [own, embeddedLike] = await Promise.all([createTestDatabase({ migrate: false }), createTestDatabase({ migrate: false })]);
  });
  afterAll(async () => {
    await Promise.all([own?.drop(), embeddedLike?.drop()]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("DATABASE_URL: migrates, loads no demo and no user, and says how to create the first administrator", async () => {
    const lines: string[] = [];
    const r = await prepareSchemaAndDemo(own.url, dataDir, (l) => lines.push(l), { demo: wantsDemo(false, {}) });
    expect(r.demoPassword).toBeNull();
    expect(await own.db.user.count()).toBe(0);
    expect(await own.db.project.count()).toBe(0);
    const log = lines.join("\n");
    expect(log).toMatch(/no users yet/);
    expect(log).toContain("npx launchgate user create --email");
    expect(log).toContain("--role ADMIN");
    // Again (a restart before anyone acted): still no demo, still the instructions.
    const again: string[] = [];
    await prepareSchemaAndDemo(own.url, dataDir, (l) => again.push(l), { demo: false });
    expect(again.join("\n")).toContain("--role ADMIN");
    expect(await own.db.user.count()).toBe(0);
  });

  it("the embedded default still loads the demo", async () => {
    process.env.LAUNCHGATE_DEMO_PASSWORD = "prepare-test-pass";
    try {
      const r = await prepareSchemaAndDemo(embeddedLike.url, dataDir, () => {}, { demo: wantsDemo(true, {}) });
      expect(r.demoPassword).toBe("prepare-test-pass");
      expect(await embeddedLike.db.user.count()).toBe(4);
      expect(await embeddedLike.db.project.findMany({ select: { slug: true } })).toEqual([{ slug: "agent-platform" }]);
    } finally {
      delete process.env.LAUNCHGATE_DEMO_PASSWORD;
    }
  });
});

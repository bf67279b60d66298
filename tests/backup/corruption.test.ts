import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/server/runtime/seed-demo";
import { BackupFileError } from "@/lib/server/backup/format";
import { restoreBackup } from "@/lib/server/backup/restore-backup";
import { createBackup } from "@/lib/server/backup/write-backup";
import { createTestDatabase } from "@/tests/helpers/test-db";
import { dumpTables, runCli, tempDir } from "./helpers";

let source: Awaited<ReturnType<typeof createTestDatabase>>;
let target: Awaited<ReturnType<typeof createTestDatabase>>;
let good: Buffer;
let before: Record<string, string>;
const dir = tempDir();

beforeAll(async () => {
  source = await createTestDatabase();
  await seedDemo(source.db, "pw");
  const file = path.join(dir, "good.lgbak.gz");
  await createBackup(source.url, file);
  good = fs.readFileSync(file);
  target = await createTestDatabase();
  await seedDemo(target.db, "target");
  await target.db.auditLog.create({ data: { action: "target.only", entity: "Test" } });
  before = await dumpTables(target.url);
});
afterAll(async () => {
  await Promise.all([source.drop(), target.drop()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

function lines(): string[] {
  return zlib.gunzipSync(good).toString("utf8").trimEnd().split("\n");
}
/** Re-gzips edited lines; `rehash` recomputes the trailer's SHA-256 so only the intended defect remains. */
function pack(ls: string[], rehash = false): Buffer {
  if (rehash) {
    const body = ls.slice(0, -1).map((l) => l + "\n").join("");
    const trailer = JSON.parse(ls.at(-1)!);
    trailer.trailer.sha256 = crypto.createHash("sha256").update(body).digest("hex");
    ls = [...ls.slice(0, -1), JSON.stringify(trailer)];
  }
  return zlib.gzipSync(ls.map((l) => l + "\n").join(""));
}

const cases: [string, () => Buffer, RegExp][] = [
  ["a flipped byte", () => {
    const b = Buffer.from(good);
    b[Math.floor(b.length / 2)] ^= 0x40;
    return b;
    // Where the flip lands decides which check catches it first (the backup's timestamps vary).
  }, /corrupt gzip data|checksum mismatch|not valid JSON|not a row|values, the header lists|line \d+:/],
  ["a truncated file", () => good.subarray(0, Math.floor(good.length * 0.7)), /truncated/],
  ["a wrong checksum", () => {
    const ls = lines();
    ls[ls.length - 1] = ls.at(-1)!.replace(/"sha256":"[0-9a-f]{64}"/, `"sha256":"${"0".repeat(64)}"`);
    return pack(ls);
  }, /checksum mismatch/],
  ["an edited row", () => pack(lines().map((l) => l.replace("agent-platform", "agent-platfarm"))), /checksum mismatch/],
  ["a missing trailer", () => pack(lines().slice(0, -1)), /missing trailer/],
  ["a dropped row (count mismatch)", () => {
    const ls = lines();
    return pack(ls.filter((_, i) => i !== ls.findIndex((l) => l.startsWith('{"t":"RunSample"'))), true);
  }, /row counts do not match the trailer \(RunSample\)/],
  ["an unknown format version", () => {
    const ls = lines();
    ls[0] = ls[0].replace('"version":1', '"version":2');
    return pack(ls, true);
  }, /unknown backup format version 2/],
  ["a file that is not gzip", () => Buffer.from("id,name\n1,hello\n"), /not a gzip file/],
  ["an empty file", () => Buffer.alloc(0), /truncated|empty/],
  ["gzip'd JSON that is no backup", () => zlib.gzipSync('{"hello":"world"}\n'), /not a Launchgate backup/],
];

describe("restore refuses a damaged file and changes nothing", () => {
  it.each(cases)("%s", async (name, make, message) => {
    const file = path.join(dir, `${name.replace(/\W+/g, "-")}.lgbak.gz`);
    fs.writeFileSync(file, make());
    const err = await restoreBackup(target.url, file, { yes: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupFileError);
    expect((err as Error).message).toMatch(message);
    expect(await dumpTables(target.url)).toEqual(before);
  });

  it("answers exit 1 with a clear message from the CLI", () => {
    const file = path.join(dir, "cli-truncated.lgbak.gz");
    fs.writeFileSync(file, good.subarray(0, 200));
    const r = runCli(["restore", file, "--yes"], { DATABASE_URL: target.url });
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Refusing to restore: ${file}: the file is truncated`);
    expect(r.err).toContain("The database was not changed.");
  });

  it("rolls everything back when an intact file's rows fail to insert half-way", async () => {
    const ls = lines();
    const i = ls.findIndex((l) => l.startsWith('{"t":"Membership"'));
    ls[i] = ls[i].replace(/"r":\["([^"]+)", "([^"]+)"/, '"r":["$1", "no-such-user"');
    const file = path.join(dir, "bad-fk.lgbak.gz");
    fs.writeFileSync(file, pack(ls, true));
    await expect(restoreBackup(target.url, file, { yes: true })).rejects.toThrow(/foreign key/);
    expect(await dumpTables(target.url)).toEqual(before);
  });

  it("refuses a missing file", async () => {
    await expect(restoreBackup(target.url, path.join(dir, "nope.lgbak.gz"), { yes: true })).rejects.toThrow(/no such file/);
  });
});

import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestDatabase } from "@/tests/helpers/test-db";
import type { ProjectAccess } from "../principal";
import { BUNDLED_FIXTURES, runTableCounts } from "@/tests/helpers/import-fixtures";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let access: ProjectAccess;
let importRunFromRequest: typeof import("./import-request").importRunFromRequest;

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  ({ importRunFromRequest } = await import("./import-request"));
  const project = await t.db.project.create({ data: { slug: "http", name: "HTTP" }, select: { id: true, slug: true, name: true } });
  access = { principal: { kind: "token", tokenId: "tok1", projectId: project.id, role: "ENGINEER", name: "token ci" }, project, role: "ENGINEER", isAdmin: false };
});
afterAll(async () => {
  const { getDb } = await import("../db");
  await getDb().$disconnect();
  await t?.drop();
});

const URL_BASE = "http://127.0.0.1/api/v1/projects/http/runs";
const HEADER = "timeStamp,elapsed,label,responseCode,success,allThreads\n";
const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `${1_700_000_000_000 + (from + i) * 1000},${100 + i},home,200,true,4\n`).join("");

/** A body that says how much of it was pulled: the adapter must read it all, even after an error. */
function countingBody(chunks: string[]) {
  const state = { pulled: 0 };
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (i >= chunks.length) return c.close();
      const b = new TextEncoder().encode(chunks[i++]);
      state.pulled += b.byteLength;
      c.enqueue(b);
    },
  });
  return { stream, state };
}

type Init = ConstructorParameters<typeof NextRequest>[1];
const post = (query: string, init: { body: BodyInit | null; headers?: Record<string, string> }) =>
  importRunFromRequest(new NextRequest(`${URL_BASE}${query}`, { method: "POST", duplex: "half", ...init } as Init), access, "req-1");

describe("POST /api/v1/projects/{slug}/runs (the request adapter)", () => {
  it("a raw body → 201 with the summary; the same bytes again → 409 naming the run", async () => {
    const body = HEADER + rows(30);
    const res = await post("?fileName=ci.jtl&users=7", { body, headers: { "content-type": "text/csv" } });
    expect(res.status).toBe(201);
    const run = await res.json();
    expect(run).toMatchObject({ id: expect.any(String), tool: "jmeter", requests: 30, users: 7, name: "ci", fileNames: ["ci.jtl"], fileBytes: body.length });
    const again = await post("", { body, headers: { "x-file-name": encodeURIComponent("résultat.jtl") } });
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatchObject({ code: "conflict", details: { runId: run.id } });
  });

  it("a multipart form with several `file` fields is one run; a dry run stores nothing", async () => {
    const form = () => {
      const f = new FormData();
      for (const n of ["PressureTest__result_requests.csv", "PressureTest__result_distribution.csv"]) {
        f.append("file", new Blob([fs.readFileSync(path.join(BUNDLED_FIXTURES, "locust", n))]), n);
      }
      return f;
    };
    const before = await runTableCounts(t.db);
    const dry = await post("?dryRun=1", { body: form() });
    expect(dry.status).toBe(200);
    const preview = await dry.json();
    expect(preview).toMatchObject({ id: null, dryRun: true, tool: "locust", duplicateOf: null, fileNames: ["PressureTest__result_requests.csv", "PressureTest__result_distribution.csv"] });
    expect(await runTableCounts(t.db)).toEqual(before);
    const res = await post("?name=Pressure&kind=spike", { body: form() });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ name: "Pressure", kind: "SPIKE", requests: preview.requests, p95Ms: preview.p95Ms, endpoints: preview.endpoints });
  });

  it("a bad file → 422 with file, line and reason; the rest of the body is still read; nothing stored", async () => {
    const before = await runTableCounts(t.db);
    const { stream, state } = countingBody([HEADER, rows(5), "1700000999000,12\n", ...Array.from({ length: 50 }, (_, i) => rows(200, 100 + i * 200))]);
    const res = await post("?fileName=bad.jtl", { body: stream });
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: "invalid_input", details: { file: "bad.jtl", line: 7, reason: expect.stringMatching(/wrong number of fields/) } });
    expect(state.pulled).toBeGreaterThan(50 * 200 * 30);
    expect(await runTableCounts(t.db)).toEqual(before);
    const form = new FormData();
    form.append("upload", new Blob([HEADER + rows(2)]), "r.jtl");
    const wrongField = await post("", { body: form });
    expect(wrongField.status).toBe(422);
    expect((await wrongField.json()).error.message).toMatch(/fields named 'file'/);
    const noBoundary = await post("", { body: "x", headers: { "content-type": "multipart/form-data" } });
    expect(noBoundary.status).toBe(422);
    await expect(post("?kind=HUGE", { body: "x" })).rejects.toBeInstanceOf(ZodError);
    expect(await runTableCounts(t.db)).toEqual(before);
  });

  it("a client that goes away mid-upload → 400 upload_interrupted, nothing stored", async () => {
    const before = await runTableCounts(t.db);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent++ < 5) c.enqueue(new TextEncoder().encode(sent === 1 ? HEADER : rows(100, sent * 100)));
        else c.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      },
    });
    const res = await post("?fileName=cut.jtl", { body: stream });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("upload_interrupted");
    expect(await runTableCounts(t.db)).toEqual(before);
  });

  it("over LAUNCHGATE_MAX_UPLOAD_BYTES → 413, by Content-Length before reading or while streaming", async () => {
    process.env.LAUNCHGATE_MAX_UPLOAD_BYTES = "20000";
    try {
      const before = await runTableCounts(t.db);
      const declared = await post("?fileName=big.jtl", { body: HEADER + rows(1000), headers: { "content-length": "70000" } });
      expect(declared.status).toBe(413);
      expect(declared.headers.get("connection")).toBe("close");
      const { stream } = countingBody([HEADER, ...Array.from({ length: 100 }, (_, i) => rows(20, i * 20))]);
      const streamed = await post("?fileName=big.jtl", { body: stream });
      expect(streamed.status).toBe(413);
      expect((await streamed.json()).error.message).toMatch(/larger than the limit of 19\.5 KiB/);
      expect(await runTableCounts(t.db)).toEqual(before);
    } finally {
      delete process.env.LAUNCHGATE_MAX_UPLOAD_BYTES;
    }
  });
});

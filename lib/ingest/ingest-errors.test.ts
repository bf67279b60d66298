import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { IngestError } from "./errors";
import { parseRun } from "./parse-run";
import { parseRunFiles } from "./parse-run-files";
import { streamFromBuffer } from "./stream-from-buffer";
import { ingestError, parseText } from "./ingest-test-utils";

const STATS_HEADER =
  "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,95%,100%";
const STATS = `${STATS_HEADER}\nGET,/a,4,1,10,12.5,5,30,100,2,0.5,10,30,30\n,Aggregated,4,1,10,12.5,5,30,100,2,0.5,10,30,30\n`;

function jtl(rows: number): string {
  const out = ["timeStamp,elapsed,label,responseCode,responseMessage,threadName,success,allThreads"];
  for (let i = 0; i < rows; i++) out.push(`${1700000000000 + i * 10},${i % 50},lbl${i % 3},200,OK,T 1-1,true,1`);
  return out.join("\n") + "\n";
}

describe("bad input is an IngestError with line and reason", () => {
  it("empty file", async () => {
    for (const content of ["", "  \n\r\n"]) {
      const err = await ingestError(parseText(content, "empty.csv"));
      expect([err.file, err.line, err.reason]).toEqual(["empty.csv", 1, "empty file"]);
    }
  });

  it("binary garbage", async () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    const err = await ingestError(parseText(bytes, "garbage.jtl"));
    expect(err.line).toBeGreaterThanOrEqual(1);
    expect(err.reason).toMatch(/^binary content/);
  });

  it("binary bytes after a text start, with the line they are on", async () => {
    const text = new TextEncoder().encode(jtl(2000));
    const bytes = new Uint8Array(text.length + 3);
    bytes.set(text);
    bytes.set([0, 1, 2], text.length);
    const err = await ingestError(parseText(bytes, "x.jtl", {}, 4096));
    expect([err.line, err.reason]).toEqual([2002, "binary content (NUL byte); expected a text file"]);
  });

  it("gzip-compressed upload", async () => {
    const err = await ingestError(parseText(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]), "x.jtl.gz"));
    expect(err.reason).toMatch(/gzip-compressed/);
  });

  it("a huge single line", async () => {
    const huge = `${STATS_HEADER}\nGET,/${"x".repeat(2_000_000)},1,0,1,1,1,1,1,1,0,1,1,1\n`;
    const err = await ingestError(parseText(huge, "huge_stats.csv"));
    expect([err.line, err.reason]).toEqual([2, "line is longer than the limit of 1048576 characters"]);
    const noNewline = await ingestError(parseText("x".repeat(3_000_000), "one-line.csv", { maxLineBytes: 1_000_000, maxJsonBytes: 2_000_000 }));
    expect(noNewline.line).toBe(1);
    expect(noNewline.reason).toMatch(/line is longer than the limit/);
  });

  it("a byte limit exceeded mid-stream stops reading at once", async () => {
    const bytes = new TextEncoder().encode(jtl(5000));
    let pulled = 0;
    async function* counting() {
      for await (const c of streamFromBuffer(bytes, 1024)) {
        pulled++;
        yield c;
      }
    }
    const err = await ingestError(parseRun(counting(), { fileName: "big.jtl", maxBytes: 20_000 }));
    expect(err.reason).toBe("file exceeds the size limit of 20000 bytes");
    expect(err.line).toBeGreaterThan(100);
    expect(err.line).toBeLessThan(1000);
    expect(pulled).toBe(20);
  });

  it("unknown content", async () => {
    const err = await ingestError(parseText("hello,world\n1,2\n", "notes.csv"));
    expect(err.line).toBe(1);
    expect(err.reason).toMatch(/^unknown format/);
  });

  it("a JSON document over the JSON limit", async () => {
    const err = await ingestError(parseText(`{"aggregate": {}, "pad": "${"x".repeat(5000)}"}`, "r.json", { maxJsonBytes: 1000 }));
    expect(err.reason).toMatch(/larger than the 1000-character limit/);
  });

  it("IngestError carries file, line and reason in its message and JSON", () => {
    const e = new IngestError({ file: "a.csv", line: 3, reason: "bad" });
    expect(e.message).toBe("a.csv, line 3: bad");
    expect(JSON.parse(JSON.stringify(e))).toEqual({ file: "a.csv", line: 3, reason: "bad" });
  });

  it("files of different tools do not form one run", async () => {
    const err = await ingestError(
      parseRunFiles([
        { name: "a_stats.csv", stream: streamFromBuffer(STATS) },
        { name: "b.jtl", stream: streamFromBuffer(jtl(3)) },
      ]),
    );
    expect(err.reason).toMatch(/different tools/);
  });
});

describe("encodings and line endings", () => {
  it("UTF-16LE and UTF-16BE with BOM", async () => {
    const le = iconv.encode(STATS.replace("/a", "/ünï"), "utf-16le", { addBOM: true });
    const a = await parseText(le, "u16_stats.csv", {}, 5);
    expect([a.requests, a.failures, a.endpoints[0].name]).toEqual([4, 1, "/ünï"]);
    const be = iconv.encode(STATS, "utf-16be", { addBOM: true });
    expect((await parseText(be, "u16be_stats.csv")).requests).toBe(4);
  });

  it("UTF-16LE without BOM", async () => {
    const run = await parseText(iconv.encode(STATS, "utf-16le"), "u16_stats.csv");
    expect(run.requests).toBe(4);
  });

  it("UTF-8 BOM and CRLF", async () => {
    const run = await parseText(`\uFEFF${jtl(10).replace(/\n/g, "\r\n")}`, "bom.jtl");
    expect([run.format, run.requests, run.endpoints.map((e) => e.name).sort()]).toEqual(["jmeter-csv", 10, ["lbl0", "lbl1", "lbl2"]]);
  });

  it("a format override skips detection", async () => {
    const err = await ingestError(parseText(STATS, "x.csv", { format: "jmeter-csv" }));
    expect([err.line, err.reason]).toEqual([1, expect.stringMatching(/^wrong columns: missing "timeStamp"/)]);
  });
});

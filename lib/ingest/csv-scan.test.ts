import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readCsvRecords } from "./csv-records";
import { scanCsv, type RecordSink } from "./csv-scan";
import { IngestError } from "./errors";
import { parseText } from "./ingest-test-utils";
import { readLines } from "./line-reader";

type Log = unknown[];

async function* chunksOf(parts: string[]): AsyncGenerator<string> {
  for (const p of parts) yield p;
}

/** A sink like readCsvTable's: logs records and refuses one with a "bad" first field. */
function sinkInto(log: Log): RecordSink {
  return (fields, line, complete) => {
    if (fields[0] === "bad") throw new IngestError({ line, reason: "bad row" });
    log.push([fields, line, complete]);
  };
}

async function settle(log: Log, run: () => Promise<void>): Promise<Log> {
  try {
    await run();
  } catch (e) {
    log.push(e instanceof IngestError ? ["error", e.line, e.reason] : e);
  }
  return log;
}

/** What the line reader and the line-based record reader (the old path) give for the same chunks. */
function viaLines(parts: string[], max: number, delimiter?: string): Promise<Log> {
  const log: Log = [];
  const sink = sinkInto(log);
  return settle(log, async () => {
    const records = readCsvRecords(readLines(chunksOf(parts), { maxLineChars: max }), { maxRecordChars: max, delimiter });
    for await (const batch of records) for (const r of batch) sink(r.fields, r.line, r.complete);
  });
}

function viaScan(parts: string[], max: number, delimiter?: string): Promise<Log> {
  const log: Log = [];
  return settle(log, () => scanCsv(chunksOf(parts), { maxLineChars: max, maxRecordChars: max, delimiter, columns: { wanted: null } }, sinkInto(log)));
}

const SAMPLES: Record<string, string> = {
  plain: "a,b,c\n1,2,3\n4,5,6\n",
  crlf: "a,b,c\r\n1,2,3\r\n4,5,6\r\n",
  "no final newline": "a,b,c\n1,2,3\n4,5",
  "no final newline, CRLF": "a,b,c\r\n1,2,3\r\n4,5,6\r",
  "quoted commas, escaped quotes, newlines": 'a,b,c\n1,"x, y",3\n"say ""hi""",2,"multi\nline\r\nfield"\n5,"",6\n',
  "quote left open at the end": 'a,b\n1,"never closed\nstill open',
  "blank lines and CR-only lines": "a,b\n\n1,2\r\n\r\n\n3,4\n",
  semicolons: "a;b;c\n1;2;3\n\"x;y\";2;3\n",
  "a bad row among good ones": "a,b\n1,2\nbad,row\n3,4\n",
  "a bad row before a too-long quoted record": 'a,b\nbad,1\n"' + "z".repeat(40) + '",2\n',
  "non-ASCII": "name,ms\nпривет,1\n汉字,2\n\"é,ü\",3\n",
  "lines without a delimiter": "x\ny\nz\n",
};

describe("scanCsv gives the line-based reader's records, line numbers and errors", () => {
  for (const [name, text] of Object.entries(SAMPLES)) {
    it(`${name}: split at every offset and pair of offsets`, async () => {
      const max = name.includes("too-long") ? 30 : 1000;
      const whole = await viaLines([text], max);
      expect(await viaScan([text], max)).toEqual(whole);
      for (let i = 0; i <= text.length; i++) {
        const two = [text.slice(0, i), text.slice(i)];
        expect(await viaScan(two, max), `split at ${i}`).toEqual(await viaLines(two, max));
        for (let j = i; j <= text.length && text.length <= 60; j += 3) {
          const three = [text.slice(0, i), text.slice(i, j), text.slice(j)];
          expect(await viaScan(three, max), `split at ${i}, ${j}`).toEqual(await viaLines(three, max));
        }
      }
    });
  }

  it("refuses a too-long line where the line reader does, in the middle and at the end of a chunk", async () => {
    const text = `a,b\n1,2\n${"x".repeat(50)}\n3,4\n${"y".repeat(50)}`;
    for (let i = 0; i <= text.length; i += 7) {
      const parts = [text.slice(0, i), text.slice(i)];
      const got = await viaScan(parts, 20);
      expect(got).toEqual(await viaLines(parts, 20));
      expect(got[got.length - 1]).toEqual(["error", expect.any(Number), "line is longer than the limit of 20 characters"]);
    }
  });

  it("slices only the wanted columns of unquoted lines and keeps the field count", async () => {
    const log: Log = [];
    const columns: { wanted: boolean[] | null } = { wanted: null };
    await scanCsv(chunksOf(["h1,h2,h3\n1,2,3\nx\n", '4,"5,5",6\n7,8,9,10\n']), { maxLineChars: 100, maxRecordChars: 100, columns }, (f, line) => {
      log.push([f, line]);
      if (line === 1) columns.wanted = [false, true, false];
    });
    expect(log).toEqual([
      [["h1", "h2", "h3"], 1],
      [["", "2", ""], 2],
      [["x"], 3],
      [["4", "5,5", "6"], 4],
      [["", "8", "", "10"], 5],
    ]);
  });

  it("reads digits columns of unquoted lines in place, and leaves other values and quoted records as text", async () => {
    const rows: [string[], number[]][] = [];
    const columns = { wanted: null, digits: [true, false], numbers: new Float64Array(2).fill(NaN) };
    const text = '1768726800000,a\n1768726800000.5,b\n"12",c\n1234567890123456,d\n,e\n';
    await scanCsv(chunksOf([text]), { maxLineChars: 100, maxRecordChars: 100, columns }, (f) => {
      rows.push([[...f], [...columns.numbers]]);
    });
    expect(rows).toEqual([
      [["", "a"], [1768726800000, NaN]],
      [["1768726800000.5", "b"], [NaN, NaN]],
      [["12", "c"], [NaN, NaN]],
      [["1234567890123456", "d"], [NaN, NaN]],
      [["", "e"], [NaN, NaN]],
    ]);
  });

  it("gives repeated columns of unquoted lines as one string object per value", async () => {
    const rows: string[][] = [];
    const columns = { wanted: null, repeated: [false, true] };
    await scanCsv(chunksOf(["t,GET /api/products/{id},1\nt,GET /api/products/{id},2\n", "t,other,3\nt,GET /api/products/{id}"]), { maxLineChars: 100, maxRecordChars: 100, columns }, (f) => {
      rows.push(f);
    });
    expect(rows.map((f) => f[1])).toEqual(["GET /api/products/{id}", "GET /api/products/{id}", "other", "GET /api/products/{id}"]);
    expect(Object.is(rows[0][1], rows[1][1]) && Object.is(rows[0][1], rows[3][1])).toBe(true);
  });
});

const JTL_HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect";
const JTL_ROWS = [
  "1768726800000,120,GET /api/a,200,OK,T 1-1,text,true,,2300,180,10,10,https://x.test/a,100,0,3",
  '1768726800100,250,"POST /api/b, with comma",500,Internal Server Error,T 1-2,text,false,"Assertion failed: ""status"" was 500\nsecond line",2300,180,10,10,https://x.test/b,200,0,0',
  "1768726800200,80,GET /api/a,200,OK,T 1-3,text,true,,2300,180,10,20,https://x.test/a,70,0,0",
  "1768726801300,90,GET /api/é,503,Service Unavailable,T 1-4,text,false,,2300,180,10,20,https://x.test/e,70,0,0",
  "1768726802300,95,GET /api/a,200,OK,T 1-5,text,true,,2300,180,10,20,https://x.test/a,70,0,0",
];

describe("a JMeter CSV JTL parses the same whatever the chunk boundaries", () => {
  const variants: Record<string, Uint8Array> = {
    "UTF-8, LF": Buffer.from(`${JTL_HEADER}\n${JTL_ROWS.join("\n")}\n`),
    "UTF-8 with BOM, CRLF, no final newline": Buffer.from(`\ufeff${JTL_HEADER}\r\n${JTL_ROWS.join("\r\n")}`),
    "windows-1252": iconv.encode(`${JTL_HEADER}\n${JTL_ROWS.join("\n")}\n`, "windows-1252"),
    "UTF-16LE with BOM": iconv.encode(`\ufeff${JTL_HEADER}\r\n${JTL_ROWS.join("\r\n")}\r\n`, "utf-16le"),
  };
  for (const [name, bytes] of Object.entries(variants)) {
    it(`${name}: every chunk size from 1 byte up`, async () => {
      const whole = await parseText(bytes, "results.jtl");
      expect(whole.requests).toBe(5);
      expect(whole.failures).toBe(2);
      expect(whole.endpoints.map((e) => e.name).sort()).toEqual(["GET /api/a", "GET /api/é", "POST /api/b, with comma"]);
      for (let size = 1; size <= bytes.length; size += size < 40 ? 1 : 37) {
        expect(await parseText(bytes, "results.jtl", {}, size), `chunks of ${size} bytes`).toEqual(whole);
      }
    });
  }
});

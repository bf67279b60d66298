import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUNDLED_FIXTURES, ingestError, listFixtures, parseFixture, parseText } from "./ingest-test-utils";

const SHARED = path.resolve(__dirname, "../../../shared/fixtures/loadtests");
const hasShared = fs.existsSync(SHARED);
const sharedDescribe = hasShared ? describe : describe.skip;
const sharedTitle = hasShared
  ? "JMeter: shared real-tool fixtures"
  : "JMeter: shared fixtures absent (../shared/fixtures/loadtests), skipped; a user's clone has none";

interface Exp {
  format: string;
  requests: number;
  failures: number;
  endpoints: number;
  p95: number;
  users: number | null;
  steps: number[];
  transactions?: [number, number];
}

/**
 * Derived from the files: counts by reading every row; p95 by linear interpolation between
 * closest ranks (checked with an independent script). JMeter writes no summary of its own.
 */
const EXPECTED: Record<string, Exp> = {
  "PerfAction__CSVSample.jtl": { format: "jmeter-xml", requests: 12, failures: 0, endpoints: 9, p95: 287.45, users: null, steps: [] },
  "Taurus__error.jtl": { format: "jmeter-xml", requests: 5, failures: 5, endpoints: 1, p95: 48087.4, users: 17, steps: [] },
  "Taurus__kpi.jtl": { format: "jmeter-csv", requests: 20, failures: 14, endpoints: 1, p95: 48778.05, users: 20, steps: [] },
  "ehrbase-load-test__result.jtl": { format: "jmeter-csv", requests: 2205, failures: 0, endpoints: 49, p95: 1294.6, users: 5, steps: [] },
  "jtl-viewer__fakestore_v2.jtl": {
    format: "jmeter-csv",
    requests: 4955,
    failures: 109,
    endpoints: 17,
    p95: 263,
    users: 6,
    steps: [2, 4, 6],
    transactions: [1484, 108],
  },
  "perf__result.jtl": { format: "jmeter-csv", requests: 10, failures: 0, endpoints: 1, p95: 234.45, users: 1, steps: [] },
};

function check(run: Awaited<ReturnType<typeof parseFixture>>, exp: Exp): void {
  expect(run.format).toBe(exp.format);
  expect([run.requests, run.failures, run.endpoints.length, run.p95Ms, run.users]).toEqual([
    exp.requests,
    exp.failures,
    exp.endpoints,
    exp.p95,
    exp.users,
  ]);
  expect(run.steps.map((s) => s.users)).toEqual(exp.steps);
  expect(run.endpoints.reduce((n, e) => n + e.requests, 0)).toBe(exp.requests);
  expect(run.samples.reduce((n, s) => n + (s.requests ?? 0), 0)).toBe(exp.requests);
  expect(run.errors.reduce((n, e) => n + e.count, 0)).toBe(exp.failures);
  if (exp.transactions) {
    const tx = run.transactions ?? [];
    expect([tx.reduce((n, t) => n + t.requests, 0), tx.reduce((n, t) => n + t.failures, 0)]).toEqual(exp.transactions);
  } else {
    expect(run.transactions).toBeUndefined();
  }
}

sharedDescribe(sharedTitle, () => {
  it("has an expectation for every JMeter fixture", () => {
    expect(listFixtures(SHARED, "jmeter")).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const [name, exp] of Object.entries(EXPECTED)) {
    it(`parses ${name}`, async () => check(await parseFixture(SHARED, "jmeter", name), exp));
  }

  it("fakestore: the cut-off last row is a warning, the Ultimate Thread Group plateaus are steps", async () => {
    const run = await parseFixture(SHARED, "jmeter", "jtl-viewer__fakestore_v2.jtl");
    expect(run.warnings).toContain("line 6441: truncated last line ignored (8 of 17 fields)");
    expect(run.steps.map((s) => [s.users, s.requests, s.failures])).toEqual([
      [2, 1230, 29],
      [4, 2460, 51],
      [6, 1130, 25],
    ]);
    expect(run.transactions?.map((t) => t.name).sort()).toEqual([
      "UC01__Create_User",
      "UC02__Get_product",
      "UC03__Get_carts",
      "UC04__Update_product",
      "UC05__Update_cart",
    ]);
    expect(run.errors[0]).toEqual({ kind: "assertion failed", count: 65, endpoint: "UC02_03_Get_product", message: "Response was null" });
  });

  it("Taurus XML and CSV of the same run agree on the samples they share", async () => {
    const xml = await parseFixture(SHARED, "jmeter", "Taurus__error.jtl");
    expect(xml.warnings).toContain("195 sub-results (embedded resources, redirects) inside samples were not counted as requests");
    expect(xml.endpoints[0]).toMatchObject({ method: "GET", name: "home" });
    expect(xml.maxMs).toBe(48112);
  });
});

describe("JMeter: bundled fixtures", () => {
  it("ehrbase CSV JTL (17 columns, quotes in labels)", async () => {
    const run = await parseFixture(BUNDLED_FIXTURES, "jmeter", "ehrbase-load-test__result.jtl");
    check(run, EXPECTED["ehrbase-load-test__result.jtl"]);
    expect([run.p50Ms, run.p99Ms, run.maxMs, run.meanMs, run.startedAt]).toEqual([18, 2309.76, 3216, 211.22, "2022-04-25T16:15:18.370Z"]);
    expect(run.endpoints.map((e) => e.name)).toContain("Setup - Upload template 'Corona Anamnese'");
  });
  it("PerfAction XML JTL with flat <sample> elements", async () => {
    const run = await parseFixture(BUNDLED_FIXTURES, "jmeter", "PerfAction__CSVSample.jtl");
    check(run, EXPECTED["PerfAction__CSVSample.jtl"]);
    expect(run.endpoints.map((e) => e.name)).toContain("Action = <EOF>");
  });
});

const HEADER =
  "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect";
const row = (ts: number, elapsed: number, label: string, ok = true, msg = "OK") =>
  `${ts},${elapsed},${label},${ok ? 200 : 500},${msg},TG 1-1,text,${ok},${ok ? "" : "boom"},10,10,1,1,http://x/${label},1,0,0`;

describe("JMeter: synthetic files", () => {
  it("thread groups started 15 s apart: each 15-second plateau of allThreads is a step", async () => {
    const h = "timeStamp,elapsed,label,responseCode,responseMessage,success,allThreads";
    const rows: string[] = [];
    [2, 4, 6, 8].forEach((threads, level) => {
      for (let sec = 0; sec < 15; sec++) {
        for (let i = 0; i < threads; i++) rows.push(`${1700000000000 + (level * 15 + sec) * 1000 + i * 50},${20 + threads},/api/products,200,OK,true,${threads}`);
      }
    });
    const run = await parseText([h, ...rows].join("\n"), "plateaus.jtl");
    expect(run.steps.map((s) => [s.users, s.requests, s.durationSeconds])).toEqual([[2, 30, 15], [4, 60, 15], [6, 90, 15], [8, 120, 15]]);
  });

  it("a truncated last line is a warning, not an error", async () => {
    const text = [HEADER, row(1700000000000, 10, "a"), row(1700000000100, 20, "b"), "1700000000200,30,c,200,OK,TG"].join("\n");
    const run = await parseText(text, "cut.jtl");
    expect(run.requests).toBe(2);
    expect(run.warnings).toEqual(["line 4: truncated last line ignored (6 of 17 fields)"]);
  });

  it("a short row in the middle is an IngestError with its line", async () => {
    const text = [HEADER, row(1700000000000, 10, "a"), "1700000000100,20,b", row(1700000000200, 30, "c")].join("\n") + "\n";
    const err = await ingestError(parseText(text, "bad.jtl"));
    expect([err.file, err.line, err.reason]).toEqual(["bad.jtl", 3, "wrong number of fields: expected 17 as in the header, found 3"]);
  });

  it("wrong columns: a header without elapsed is refused at line 1", async () => {
    const err = await ingestError(parseText("timeStamp,label,success\n1700000000000,a,true\n", "x.jtl", { format: "jmeter-csv" }));
    expect(err.line).toBe(1);
    expect(err.reason).toMatch(/^wrong columns: missing "timeStamp"|^wrong columns: missing "elapsed"/);
  });

  it("a JTL without header line says how to fix it", async () => {
    const err = await ingestError(parseText(row(1700000000000, 10, "a") + "\n", "nohead.jtl"));
    expect(err.line).toBe(1);
    expect(err.reason).toMatch(/print_field_names=true/);
  });

  it("transaction-controller rows are transactions, semicolon delimiter, formatted timestamps", async () => {
    const h = "timeStamp;elapsed;label;responseCode;responseMessage;success;allThreads";
    const rows = [
      "2024/01/01 10:00:00;100;req1;200;OK;true;1",
      "2024/01/01 10:00:01;200;req2;500;Internal Server Error;false;1",
      '2024/01/01 10:00:00;300;TX;;"Number of samples in transaction : 2, number of failing samples : 1";false;1',
    ];
    const run = await parseText([h, ...rows].join("\r\n"), "semi.jtl");
    expect([run.requests, run.failures, run.startedAt]).toEqual([2, 1, "2024-01-01T10:00:00.000Z"]);
    expect(run.transactions).toEqual([
      expect.objectContaining({ name: "TX", requests: 1, failures: 1, p50Ms: 300 }),
    ]);
    expect(run.errors).toEqual([{ kind: "HTTP 500", count: 1, endpoint: "req2", message: "Internal Server Error" }]);
  });

  it("XML: nested samples of a transaction parent are requests; a cut-off file is a warning", async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<testResults version="1.2">
<sample t="300" ts="1700000000000" s="false" lb="TX" rc="" rm="Number of samples in transaction : 2, number of failing samples : 1" na="3">
  <httpSample t="100" ts="1700000000000" s="true" lb="a" rc="200" rm="OK" na="3"><method>GET</method></httpSample>
  <httpSample t="200" ts="1700000000100" s="false" lb="b" rc="200" rm="OK" na="3">
    <assertionResult><name>x</name><failure>true</failure><error>false</error><failureMessage>expected foo</failureMessage></assertionResult>
    <method>POST</method>
  </httpSample>
</sample>
<httpSample t="50" ts="1700000001000" s="true" lb="c" rc="200" rm="OK" na="3">
  <httpSample t="20" ts="1700000001000" s="true" lb="c-0" rc="200" rm="OK" na="3"/>
</httpSample>
<httpSample t="60" ts="1700000002000" s="true" lb="d" rc="200" rm="OK" na="3">
  <responseData class="java.lang.String">partial`;
    const run = await parseText(xml, "t.xml");
    expect(run.format).toBe("jmeter-xml");
    expect([run.requests, run.failures, run.users]).toEqual([3, 1, 3]);
    expect(run.transactions).toEqual([expect.objectContaining({ name: "TX", requests: 1, failures: 1 })]);
    expect(run.endpoints.find((e) => e.name === "b")).toMatchObject({ method: "POST", failures: 1 });
    expect(run.errors).toEqual([{ kind: "assertion failed", count: 1, endpoint: "b", message: "expected foo" }]);
    expect(run.warnings[0]).toBe("1 sub-results (embedded resources, redirects) inside samples were not counted as requests");
    expect(run.warnings[1]).toMatch(/^line 14: the XML ends early \(truncated file\); 1 incomplete sample element\(s\) ignored$/);
  });

  it("XML: malformed markup is an IngestError with its line", async () => {
    const err = await ingestError(parseText('<testResults>\n<httpSample t="1" ts="1700000000000" s="true" lb="a"/>\n<httpSample t=1 />\n</testResults>', "bad.xml"));
    expect(err.line).toBe(3);
    expect(err.reason).toMatch(/^invalid XML JTL/);
  });
});

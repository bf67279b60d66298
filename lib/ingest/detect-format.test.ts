import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectFormat } from "./detect-format";

const SHARED = path.resolve(__dirname, "../../../shared/fixtures/loadtests");
const hasShared = fs.existsSync(SHARED);

const EXPECTED: Record<string, string | null> = {
  "artillery/task_manager_api__artillery-report.json": "artillery-v2-json",
  "artillery/web-load-test__report.json": "artillery-v1-json",
  "gatling/orangehrm-gatling-test__simulation.log": "gatling-simulation-log",
  "gatling/orangehrm-gatling-test__stats.json": "gatling-stats-json",
  "gatling/pix__simulation.log": "gatling-simulation-log",
  "gatling/pix__stats.json": "gatling-stats-json",
  "jmeter/PerfAction__CSVSample.jtl": "jmeter-xml",
  "jmeter/Taurus__error.jtl": "jmeter-xml",
  "jmeter/Taurus__kpi.jtl": "jmeter-csv",
  "jmeter/ehrbase-load-test__result.jtl": "jmeter-csv",
  "jmeter/jtl-viewer__fakestore_v2.jtl": "jmeter-csv",
  "jmeter/perf__result.jtl": "jmeter-csv",
  "k6/300-jpo-leaderboard__k6-summary.json": "k6-handle-summary-json",
  "k6/qr-code-generator__summary-export.json": "k6-summary-export-json",
  "k6/ticket-reserve__output.json": "k6-ndjson",
  "k6/ticket-reserve__summary-export.json": "k6-summary-export-json",
  "locust/20200823__locust_stats.csv": "locust-stats-csv",
  "locust/PressureTest__result_distribution.csv": "locust-distribution-csv",
  "locust/PressureTest__result_requests.csv": "locust-requests-csv",
  "locust/XFJ__example_stats.csv": "locust-stats-csv",
  "locust/XFJ__example_stats_history.csv": "locust-stats-history-csv",
  "locust/odoo-locust__results_exceptions.csv": "locust-exceptions-csv",
  "locust/odoo-locust__results_failures.csv": "locust-failures-csv",
  "locust/odoo-locust__results_stats.csv": "locust-stats-csv",
  "locust/odoo-locust__results_stats_history.csv": "locust-stats-history-csv",
};

(hasShared ? describe : describe.skip)(
  hasShared ? "detectFormat on every shared fixture" : "detectFormat: shared fixtures absent (../shared/fixtures/loadtests), skipped",
  () => {
    it("knows all 25 fixtures", () => {
      const all = fs
        .readdirSync(SHARED)
        .filter((d) => fs.statSync(path.join(SHARED, d)).isDirectory())
        .flatMap((d) => fs.readdirSync(path.join(SHARED, d)).map((f) => `${d}/${f}`))
        .sort();
      expect(all).toEqual(Object.keys(EXPECTED).sort());
    });
    for (const [rel, format] of Object.entries(EXPECTED)) {
      it(`${rel} → ${format}`, () => {
        const head = fs.readFileSync(path.join(SHARED, rel)).subarray(0, 16 * 1024);
        expect(detectFormat(head, path.basename(rel))).toBe(format);
      });
    }
  },
);

describe("detectFormat on synthetic heads", () => {
  it.each([
    ['"Name","# requests","50%","66%","100%"', "locust-distribution-csv"],
    ['"Type","Name","# requests","# failures","Median response time","Average response time","Min response time","Max response time","Average Content Size","Requests/s","Requests Failed/s","50%"', "locust-stats-csv"],
    ["timeStamp;elapsed;label;responseCode;success", "jmeter-csv"],
    ["1553582962384,360,createCustomer,200,,T 1-1,text,true", "jmeter-csv"],
    ['<?xml version="1.0"?>\n<testResults version="1.2">', "jmeter-xml"],
    ["REQUEST\t\treq\t1\t2\tOK\t ", "gatling-simulation-log"],
    ['{"metric":"vus","type":"Point","data":{"time":"2024-01-01T00:00:00Z","value":1,"tags":{}}}', "k6-ndjson"],
    ['{"aggregate":{"counters":{"http.requests":1}},"intermediate":[]}', "artillery-v2-json"],
    ["hello", null],
    ["<html></html>", null],
  ])("%s", (head, format) => {
    expect(detectFormat(head)).toBe(format);
  });
});

import type { FormatId } from "./types";

function firstLine(text: string): string {
  const t = text.replace(/^\uFEFF/, "");
  const i = t.search(/\r?\n/);
  return i === -1 ? t : t.slice(0, i);
}

/** Lower-cased header cells with surrounding quotes removed. */
export function headerCells(line: string): string[] {
  const delim = line.includes("\t") && !line.includes(",") ? "\t" : line.includes(";") && !line.includes(",") ? ";" : ",";
  return line.split(delim).map((c) => c.trim().replace(/^"(.*)"$/, "$1").trim().toLowerCase());
}

function detectCsv(cells: string[], line: string): FormatId | null {
  const has = (...names: string[]) => names.every((n) => cells.includes(n));
  if (has("timestamp", "elapsed", "label") || (has("timestamp", "elapsed") && has("success"))) return "jmeter-csv";
  if (/^\d{13},-?\d+,/.test(line)) return "jmeter-csv";
  if (has("timestamp", "user count")) return "locust-stats-history-csv";
  if (has("method", "name", "error", "occurrences")) return "locust-failures-csv";
  if (has("count", "message", "traceback")) return "locust-exceptions-csv";
  const requests = cells.includes("# requests") || cells.includes("request count");
  const failures = cells.includes("# failures") || cells.includes("failure count");
  if (cells.includes("name") && requests && failures) {
    return cells.includes("50%") || cells.includes("type") ? "locust-stats-csv" : "locust-requests-csv";
  }
  if (cells.includes("name") && requests && cells.includes("50%")) return "locust-distribution-csv";
  return null;
}

function detectJson(text: string): FormatId | null {
  const line = firstLine(text).trim();
  if (/^\{\s*"(type|metric)"\s*:/.test(line) && /"type"\s*:\s*"(Metric|Point)"/.test(line)) return "k6-ndjson";
  if (/"root_group"\s*:/.test(text) || (/"metrics"\s*:/.test(text) && /"(http_reqs|http_req_duration|iterations|vus)"/.test(text))) {
    return /"state"\s*:\s*\{|"options"\s*:\s*\{|"values"\s*:\s*\{/.test(text)
      ? "k6-handle-summary-json"
      : "k6-summary-export-json";
  }
  if (/"aggregate"\s*:/.test(text) || /"intermediate"\s*:/.test(text)) {
    return /"(summaries|histograms)"\s*:|"(http\.requests|vusers\.created)"\s*:/.test(text)
      ? "artillery-v2-json"
      : "artillery-v1-json";
  }
  if (/"type"\s*:\s*"GROUP"/.test(text) && /"(stats|contents)"\s*:/.test(text)) return "gatling-stats-json";
  return null;
}

/**
 * The format of a load-test result from its first characters (at least the first line;
 * 16 KB is plenty) and, as a tie-breaker, its file name. Returns null when unknown.
 */
export function detectFormat(head: string | Uint8Array, fileName?: string): FormatId | null {
  const text = typeof head === "string" ? head : new TextDecoder("utf-8").decode(head);
  const trimmed = text.replace(/^\uFEFF/, "").trimStart();
  const name = (fileName ?? "").toLowerCase();
  if (!trimmed) return null;
  if (trimmed.startsWith("<")) return /<testResults[\s>]/.test(trimmed) ? "jmeter-xml" : null;
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) return detectJson(trimmed);
  const line = firstLine(trimmed);
  if (/^(RUN|USER|REQUEST|GROUP|ERROR|ASSERTION)\t/.test(line)) return "gatling-simulation-log";
  const csv = detectCsv(headerCells(line), line);
  if (csv) return csv;
  if (name.endsWith("simulation.log")) return "gatling-simulation-log";
  return null;
}

export const FORMAT_TOOL: Record<FormatId, "locust" | "k6" | "jmeter" | "gatling" | "artillery"> = {
  "locust-stats-csv": "locust",
  "locust-requests-csv": "locust",
  "locust-distribution-csv": "locust",
  "locust-stats-history-csv": "locust",
  "locust-failures-csv": "locust",
  "locust-exceptions-csv": "locust",
  "k6-summary-export-json": "k6",
  "k6-handle-summary-json": "k6",
  "k6-ndjson": "k6",
  "jmeter-csv": "jmeter",
  "jmeter-xml": "jmeter",
  "gatling-simulation-log": "gatling",
  "gatling-stats-json": "gatling",
  "artillery-v1-json": "artillery",
  "artillery-v2-json": "artillery",
};

export function isFormatId(v: string): v is FormatId {
  return Object.prototype.hasOwnProperty.call(FORMAT_TOOL, v);
}

import { IngestError } from "./errors";
import { isObject, obj } from "./json-input";
import { RequestAccumulator } from "./request-accumulator";
import { linesOf, type ParseContext, type TextInput } from "./text-input";
import type { NormalizedRun } from "./types";
import { parseTimeMs, toNum } from "./values";

/** k6 writes `{"metric":"<name>","type":"Point",...}`: lets us skip metrics we do not use unparsed. */
const FAST_POINT = /^\{"metric":"([^"]+)","type":"Point"/;
const USED = new Set(["http_reqs", "http_req_duration", "vus", "checks"]);

function failureKind(tags: Record<string, unknown>): { kind: string; message: string | null } {
  const status = toNum(tags.status) ?? 0;
  if (status >= 400) return { kind: `HTTP ${status}`, message: null };
  if (status === 0) {
    const code = tags.error_code;
    return { kind: code ? `k6 error ${String(code)}` : "no response", message: tags.error ? String(tags.error) : null };
  }
  return { kind: `unexpected status ${status}`, message: null };
}

/**
 * k6 `--out json` NDJSON, streamed line by line. Each `http_req_duration` point is one
 * request: its latency feeds HDR-backed recorders (overall and per method+name tag) and a
 * per-second series; it failed when its `expected_response` tag is "false" (what
 * `http_req_failed` records), or, before k6 v0.31, when its status is 0 or ≥ 400.
 * `vus` points give the user level of each second (→ steps); failed `checks` points are
 * listed as errors. `requests` is the number of `http_reqs` points when there are any.
 */
export async function parseK6Ndjson(input: TextInput, ctx: ParseContext): Promise<NormalizedRun> {
  const acc = new RequestAccumulator(ctx);
  const warnings: string[] = [];
  let httpReqs = 0;
  let points = 0;
  for await (const batch of linesOf(input, ctx)) {
    for (let i = 0; i < batch.lines.length; i++) {
      const line = batch.lines[i].trim();
      if (!line) continue;
      const lineNo = batch.first + i;
      const cut = batch.unterminatedTail && i === batch.lines.length - 1;
      const fast = FAST_POINT.exec(line);
      if (fast && !USED.has(fast[1])) {
        if (cut && !line.endsWith("}")) warnings.push(`line ${lineNo}: truncated last line ignored`);
        continue;
      }
      let rec: unknown;
      try {
        rec = JSON.parse(line);
      } catch {
        if (cut) {
          warnings.push(`line ${lineNo}: truncated last line ignored`);
          continue;
        }
        throw new IngestError({ file: ctx.fileName, line: lineNo, reason: "not a JSON object (k6 --out json writes one per line)" });
      }
      if (!isObject(rec)) {
        throw new IngestError({ file: ctx.fileName, line: lineNo, reason: "not a JSON object (k6 --out json writes one per line)" });
      }
      if (rec.type !== "Point") continue;
      points++;
      const data = obj(rec.data);
      const tags = obj(data.tags);
      const tMs = parseTimeMs(data.time);
      const value = toNum(data.value);
      switch (rec.metric) {
        case "http_reqs":
          httpReqs += value ?? 1;
          break;
        case "http_req_duration": {
          const expected = tags.expected_response;
          const status = toNum(tags.status) ?? 0;
          const failed = expected === undefined ? status === 0 || status >= 400 : String(expected) === "false";
          const err = failed ? failureKind(tags) : null;
          // k6 stamps a request's samples when it ends.
          acc.add({
            tMs: tMs === null || value === null ? tMs : tMs - value,
            endMs: tMs,
            latencyMs: value,
            failed,
            method: tags.method ? String(tags.method) : null,
            name: String(tags.name ?? tags.url ?? "(unnamed)"),
            errorKind: err?.kind,
            errorMessage: err?.message,
          });
          break;
        }
        case "vus":
          if (value !== null) acc.users(tMs, value);
          if (tMs !== null) acc.seen(tMs);
          break;
        case "checks":
          if (value === 0) acc.errors.add("check failed", 1, null, String(tags.check ?? "check"));
          break;
      }
    }
  }
  if (points === 0) throw new IngestError({ file: ctx.fileName, line: 1, reason: "no metric points found in the k6 JSON output" });
  const run = acc.buildRun("k6", "k6-ndjson");
  if (httpReqs > 0 && httpReqs !== run.requests) {
    warnings.push(`${httpReqs} http_reqs points but ${run.requests} http_req_duration points: requests taken from http_reqs`);
    run.requests = httpReqs;
    run.errorRatePercent = run.requests ? Math.round((run.failures / run.requests) * 1e6) / 1e4 : 0;
  }
  run.warnings.push(...warnings);
  return run;
}

import { IngestError } from "./errors";
import { RequestAccumulator } from "./request-accumulator";
import { linesOf, type ParseContext, type TextInput } from "./text-input";
import type { NormalizedRun } from "./types";
import { errorKindOf, isoOrNull } from "./values";

const EPOCH_MS = /^\d{12,14}$/;

interface RequestFields {
  name: string;
  start: number;
  end: number;
  ok: boolean;
  message: string;
}

/**
 * REQUEST records differ by version; they are read from the status field backwards:
 * 3.x `REQUEST groups name start end status message` (3.0-3.3 add a user id first),
 * 2.2+ `REQUEST scenario userId groups name start end status message`,
 * 2.0/2.1 `REQUEST scenario userId groups name reqStart reqEnd respStart respEnd status message`.
 */
function readRequest(f: string[]): RequestFields | null {
  let s = -1;
  for (let i = f.length - 1; i >= 3; i--) {
    if ((f[i] === "OK" || f[i] === "KO") && EPOCH_MS.test(f[i - 1]) && EPOCH_MS.test(f[i - 2])) {
      s = i;
      break;
    }
  }
  if (s === -1) return null;
  const end = Number(f[s - 1]);
  const fourStamps = s >= 6 && EPOCH_MS.test(f[s - 3]) && EPOCH_MS.test(f[s - 4]);
  const start = Number(fourStamps ? f[s - 4] : f[s - 2]);
  const name = fourStamps ? f[s - 5] : f[s - 3];
  return { name, start, end, ok: f[s] === "OK", message: f.slice(s + 1).join("\t").trim() };
}

function kindOf(message: string): string {
  const status = /found (\d{3})\b/.exec(message);
  return status ? `HTTP ${status[1]}` : errorKindOf(message);
}

/**
 * Gatling `simulation.log` (tab-separated, 2.x to 3.9). Response time = end − start.
 * Active users come from USER START/END records (2.x: `USER scenario id START|END start end`,
 * 3.x: `USER scenario START|END timestamp`), counted in file order. ERROR records (3.x) are
 * listed as errors without being request failures. Gatling ≥ 3.10 writes a binary log,
 * which is refused (upload js/stats.json from the report instead).
 */
export async function parseGatlingLog(input: TextInput, ctx: ParseContext): Promise<NormalizedRun> {
  const acc = new RequestAccumulator(ctx);
  const warnings: string[] = [];
  let name: string | null = null;
  let testName: string | null = null;
  let runStart: number | null = null;
  let active = 0;
  let records = 0;
  for await (const batch of linesOf(input, ctx)) {
    for (let i = 0; i < batch.lines.length; i++) {
      const line = batch.lines[i];
      if (!line) continue;
      const lineNo = batch.first + i;
      const cut = batch.unterminatedTail && i === batch.lines.length - 1;
      const f = line.split("\t");
      const type = f[0];
      if (type === "REQUEST") {
        const r = readRequest(f);
        if (!r) {
          if (cut) {
            warnings.push(`line ${lineNo}: truncated last line ignored`);
            continue;
          }
          throw new IngestError({ file: ctx.fileName, line: lineNo, reason: "REQUEST record without start, end and OK/KO fields" });
        }
        records++;
        acc.add({
          tMs: r.start,
          endMs: r.end,
          latencyMs: Math.max(0, r.end - r.start),
          failed: !r.ok,
          method: null,
          name: r.name,
          errorKind: r.ok ? null : kindOf(r.message),
          errorMessage: r.ok ? null : r.message || null,
        });
      } else if (type === "USER") {
        const idx = f.findIndex((x) => x === "START" || x === "END");
        if (idx === -1) continue;
        const stamps = f.slice(idx + 1).filter((x) => EPOCH_MS.test(x)).map(Number);
        const t = f[idx] === "START" ? stamps[0] : stamps[stamps.length - 1];
        active = Math.max(0, active + (f[idx] === "START" ? 1 : -1));
        if (t !== undefined) acc.users(t, active);
        records++;
      } else if (type === "RUN") {
        const stamp = f.find((x) => EPOCH_MS.test(x));
        runStart = stamp ? Number(stamp) : null;
        name = f[3] && !EPOCH_MS.test(f[3]) ? f[3] : f[2] || f[1] || null;
        testName = f[1]?.trim() || name;
        records++;
      } else if (type === "ERROR") {
        acc.errors.add(errorKindOf(f[1] ?? "error"), 1, null, f[1] ?? null);
        records++;
      } else if (type === "GROUP" || type === "ASSERTION") {
        records++;
      } else if (!cut) {
        throw new IngestError({ file: ctx.fileName, line: lineNo, reason: `unknown record type "${type.slice(0, 40)}" in simulation.log` });
      }
    }
  }
  if (records === 0) throw new IngestError({ file: ctx.fileName, line: 1, reason: "empty file" });
  const run = acc.buildRun("gatling", "gatling-simulation-log");
  run.name = name;
  run.testName = testName;
  if (runStart !== null) run.startedAt = isoOrNull(runStart);
  run.warnings.push(...warnings);
  return run;
}

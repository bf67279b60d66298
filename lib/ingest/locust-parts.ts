import { IngestError } from "./errors";
import { readLocustHistory } from "./locust-history";
import type { LocustParts } from "./locust-run";
import { readLocustExceptions, readLocustFailures, readLocustTable } from "./locust-tables";
import type { ParseContext, TextInput } from "./text-input";
import type { FormatId } from "./types";

function once<K extends keyof LocustParts>(parts: LocustParts, key: K, ctx: ParseContext): void {
  if (parts[key] !== undefined) {
    throw new IngestError({ file: ctx.fileName, reason: `two Locust ${String(key)} files for one run` });
  }
}

/** Reads one Locust CSV into its slot of `parts` (stats, distribution, history, failures, exceptions). */
export async function readLocustPart(
  format: FormatId,
  input: TextInput,
  ctx: ParseContext,
  parts: LocustParts,
  w: string[] = parts.warnings,
): Promise<void> {
  switch (format) {
    case "locust-stats-csv":
    case "locust-requests-csv":
      once(parts, "stats", ctx);
      parts.stats = await readLocustTable(input, ctx, format === "locust-stats-csv" ? "stats" : "requests", w);
      break;
    case "locust-distribution-csv":
      once(parts, "distribution", ctx);
      parts.distribution = await readLocustTable(input, ctx, "distribution", w);
      break;
    case "locust-stats-history-csv":
      once(parts, "history", ctx);
      parts.history = await readLocustHistory(input, ctx, w);
      break;
    case "locust-failures-csv":
      once(parts, "failures", ctx);
      parts.failures = await readLocustFailures(input, ctx, w);
      break;
    case "locust-exceptions-csv":
      once(parts, "exceptions", ctx);
      parts.exceptions = await readLocustExceptions(input, ctx, w);
      break;
    default:
      throw new IngestError({ file: ctx.fileName, reason: `${format} is not a Locust CSV` });
  }
}

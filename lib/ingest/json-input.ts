import { IngestError } from "./errors";
import { readAllText } from "./line-reader";
import type { ParseContext, TextInput } from "./text-input";

function lineAt(text: string, pos: number): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < pos; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * Whole-document JSON (summaries and reports are small in practice): buffered up to
 * `maxJsonBytes`, then parsed; a syntax error reports its line.
 */
export async function readJson(input: TextInput, ctx: ParseContext): Promise<unknown> {
  const text = await readAllText(input.chunks, ctx.maxJsonBytes, ctx.fileName);
  if (!text.trim()) throw new IngestError({ file: ctx.fileName, line: 1, reason: "empty file" });
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const lc = /line (\d+) column/.exec(msg);
    const pos = /position (\d+)/.exec(msg);
    const line = lc ? Number(lc[1]) : pos ? lineAt(text, Number(pos[1])) : lineAt(text, text.length);
    throw new IngestError({ file: ctx.fileName, line, reason: `invalid JSON: ${msg}` });
  }
}

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function obj(v: unknown): JsonObject {
  return isObject(v) ? v : {};
}

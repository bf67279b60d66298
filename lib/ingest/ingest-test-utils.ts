/** Helpers for the ingest tests (imported by *.test.ts only). */
import fs from "node:fs";
import path from "node:path";
import { IngestError } from "./errors";
import { parseRun } from "./parse-run";
import { streamFromBuffer } from "./stream-from-buffer";
import { streamFromFile } from "./stream-from-file";
import type { NormalizedRun, ParseOptions } from "./types";

/** Fixtures bundled in the repository (redistributable ones only). */
export const BUNDLED_FIXTURES = path.resolve(__dirname, "../../tests/fixtures/loadtests");

export function fixtureExists(dir: string, ...parts: string[]): boolean {
  return fs.existsSync(path.join(dir, ...parts));
}

export function listFixtures(dir: string, tool: string): string[] {
  const d = path.join(dir, tool);
  return fs.existsSync(d) ? fs.readdirSync(d).filter((f) => !f.endsWith(".md")).sort() : [];
}

export function parseFixture(dir: string, tool: string, file: string, opts: ParseOptions = {}): Promise<NormalizedRun> {
  return parseRun(streamFromFile(path.join(dir, tool, file)), { fileName: file, ...opts });
}

export function parseText(text: string | Uint8Array, fileName: string, opts: ParseOptions = {}, chunk = 64 * 1024): Promise<NormalizedRun> {
  return parseRun(streamFromBuffer(text, chunk), { fileName, ...opts });
}

/** Resolves to the IngestError the promise rejects with (fails the test otherwise). */
export async function ingestError(p: Promise<unknown>): Promise<IngestError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof IngestError) return e;
    throw e;
  }
  throw new Error("expected an IngestError, but parsing succeeded");
}

/** |actual − expected| ≤ max(absolute, relative × |expected|). */
export function near(actual: number | null, expected: number, relative = 0.01, absolute = 0.5): boolean {
  return actual !== null && Math.abs(actual - expected) <= Math.max(absolute, relative * Math.abs(expected));
}

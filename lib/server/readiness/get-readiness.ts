import "server-only";
import { cache } from "react";
import { z } from "zod";
import { computeReadiness, type Readiness } from "@/lib/domain";
import { InvalidInputError } from "../errors";
import { loadReadinessInput, todayUtc } from "./load-readiness-input";
import { getReadinessFingerprintCached } from "./readiness-fingerprint";

export interface ReadinessReport extends Readiness {
  project: { slug: string; name: string };
  asOf: string;
}

const ZAsOf = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));

/** `asOf` from a query string: YYYY-MM-DD, default today (UTC). */
export function parseAsOf(raw: string | null | undefined): string {
  if (raw === null || raw === undefined || raw === "") return todayUtc();
  const r = ZAsOf.safeParse(raw);
  if (!r.success) throw new InvalidInputError(`asOf must be a date YYYY-MM-DD, got '${raw.slice(0, 40)}'`);
  return r.data;
}

/** Computed readiness by (project, asOf, data fingerprint): unchanged data is not recomputed. */
const MAX_ENTRIES = 64;
const g = globalThis as unknown as { launchgateReadinessCache?: Map<string, Readiness> };
const memo = (g.launchgateReadinessCache ??= new Map());

const inFlight = new Map<string, Promise<Readiness>>();

function remember(key: string, value: Readiness): void {
  memo.delete(key);
  memo.set(key, value);
  while (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value!);
}

/**
 * The whole readiness of a project as of a day. A fingerprint query tells whether anything it
 * depends on changed; if not, the last result is reused, else a few queries load the data and the
 * pure domain computes it.
 */
export const getReadiness = cache(async (project: { id: string; slug: string; name: string }, asOf: string): Promise<ReadinessReport> => {
  const key = `${project.id}|${asOf}|${await getReadinessFingerprintCached(project.id)}`;
  let readiness = memo.get(key);
  if (readiness) remember(key, readiness);
  else {
    // Readers arriving while the same computation runs wait for it instead of repeating it.
    let pending = inFlight.get(key);
    if (!pending) {
      pending = loadReadinessInput(project.id, asOf).then(computeReadiness);
      inFlight.set(key, pending);
      pending.then((r) => remember(key, r), () => {}).finally(() => inFlight.delete(key));
    }
    readiness = await pending;
  }
  return { project: { slug: project.slug, name: project.name }, asOf, ...readiness };
});

/** For benchmarks and tests: forget every cached result. */
export function clearReadinessCache(): void {
  memo.clear();
}

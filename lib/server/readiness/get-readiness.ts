import "server-only";
import { cache } from "react";
import { z } from "zod";
import { computeReadiness, type Readiness } from "@/lib/domain";
import { InvalidInputError } from "../errors";
import { loadReadinessInput, todayUtc } from "./load-readiness-input";

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

/** The whole readiness of a project as of a day: a few queries, then pure computation. */
export const getReadiness = cache(async (project: { id: string; slug: string; name: string }, asOf: string): Promise<ReadinessReport> => {
  const input = await loadReadinessInput(project.id, asOf);
  return { project: { slug: project.slug, name: project.name }, asOf, ...computeReadiness(input) };
});

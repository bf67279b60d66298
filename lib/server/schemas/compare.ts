import { z } from "zod";

// Shared by the settings form (client), the server action and the service: no server-only here.

const num = (what: string, max: number) =>
  z.number({ message: `${what} must be a number` }).finite().min(0, `${what} must be 0 or more`).max(max, `${what} must be at most ${max}`);

/** Run comparison tolerances of a project. */
export const ZCompareTolerances = z
  .object({
    p95Percent: num("P95 tolerance", 1000),
    errorRatePoints: num("error rate tolerance", 100),
    throughputPercent: num("throughput tolerance", 100),
  })
  .strict();
export type TCompareTolerances = z.infer<typeof ZCompareTolerances>;

/** `?baseline=` of the compare route: a run id, or absent for the default baseline. */
export const ZCompareQuery = z.object({ baseline: z.string().trim().min(1, "baseline must be a run id").max(100).optional() });

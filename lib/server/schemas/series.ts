import { z } from "zod";
import { SERIES_SLUG_PATTERN } from "@/lib/domain/series/series-slug";

const SLUG_MESSAGE = "must be 1–64 lowercase letters, digits or dashes, starting and ending with a letter or digit";

/** A series slug as `?series=`, `--series` and the API paths take it. */
export const ZSeriesSlug = z.string().trim().toLowerCase().pipe(z.string().regex(SERIES_SLUG_PATTERN, SLUG_MESSAGE));

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

export const ZSeriesCreate = z.object({
  name: z.string().trim().min(1, "is required").max(120, "must be at most 120 characters"),
  slug: ZSeriesSlug.optional(),
  environment: z.string().trim().min(1, "is required (e.g. staging, prod-like)").max(60, "must be at most 60 characters"),
  description: z.preprocess(blankToNull, z.string().trim().max(1000, "must be at most 1000 characters").nullable().optional()),
  launchEvidence: z.boolean().optional(),
});
export type TSeriesCreate = z.infer<typeof ZSeriesCreate>;

export const ZSeriesPatch = ZSeriesCreate.omit({ slug: true }).partial().refine((v) => Object.keys(v).length > 0, "nothing to change");
export type TSeriesPatch = z.infer<typeof ZSeriesPatch>;

/** `PATCH /api/v1/projects/{slug}/runs/{id}`: move a run to another series. */
export const ZRunPatch = z.object({ seriesSlug: ZSeriesSlug }).strict();
export type TRunPatch = z.infer<typeof ZRunPatch>;

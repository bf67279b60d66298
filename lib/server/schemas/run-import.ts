import { z } from "zod";
import { FORMAT_TOOL } from "@/lib/ingest/detect-format";
import type { FormatId } from "@/lib/ingest/types";
import { ZSeriesSlug } from "./series";

export const FORMAT_IDS = Object.keys(FORMAT_TOOL) as [FormatId, ...FormatId[]];

/** Shared by the import API (`?format=&users=&kind=&name=&runDate=&dryRun=`), the CLI and the upload form. */
export const RUN_KINDS = ["SMOKE", "LOAD", "PEAK", "STRESS", "SPIKE", "SOAK", "ENDURANCE", "STABILITY"] as const;
export type TRunKind = (typeof RUN_KINDS)[number];

/** Query strings and form fields send "" for "not given". */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <S extends z.ZodType>(s: S) => z.preprocess(blankToUndefined, s.optional());

export const ZRunImportOptions = z.object({
  format: optional(z.enum(FORMAT_IDS, { message: `must be one of ${FORMAT_IDS.join(", ")} (or left out: the format is detected)` })),
  name: optional(z.string().trim().min(1).max(200, "must be at most 200 characters")),
  kind: optional(z.string().trim().toUpperCase().pipe(z.enum(RUN_KINDS, { message: `must be one of ${RUN_KINDS.join(", ")}` }))),
  users: optional(z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(10_000_000, "is too large")),
  /** The series slug; created when it does not exist. Without it: the tool's test name, else the default series. */
  series: optional(ZSeriesSlug),
  runDate: optional(
    z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD").refine((s) => !Number.isNaN(Date.parse(s)), "is not a real date"),
  ),
});
export type TRunImportOptions = z.infer<typeof ZRunImportOptions>;

/** The import API's query string: the options plus `dryRun` and, for a raw body, `fileName`. */
export const ZRunImportQuery = ZRunImportOptions.extend({
  dryRun: optional(z.enum(["1", "0", "true", "false"], { message: "must be 1 or 0" })).transform((v) => v === "1" || v === "true"),
  fileName: optional(z.string().trim().min(1).max(255, "must be at most 255 characters")),
});
export type TRunImportQuery = z.infer<typeof ZRunImportQuery>;

import { z } from "zod";

/** Limits of one checklist file: more is refused with 413 before anything is read into the database. */
export const CHECKLIST_MAX_ITEMS = 5_000;
export const CHECKLIST_MAX_BYTES = 2 * 1024 * 1024;
/** YAML aliases a file may use (a guard against "billion laughs" expansion). */
export const CHECKLIST_MAX_ALIASES = 100;

export const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const ZChecklistKey = z
  .string()
  .min(1, "is required")
  .max(80, "must be at most 80 characters")
  .regex(KEY_PATTERN, "must use lowercase letters, digits and single dashes (e.g. alert-on-error-rate)");

const hours = z.number().finite().min(0, "cannot be negative").max(10_000, "is too large");

/** `estimate: 4` (most likely) or `estimate: { low: 2, likely: 4, high: 8 }`, in hours. */
export const ZChecklistEstimate = z.union([
  hours,
  z
    .strictObject({ low: hours.optional(), likely: hours.optional(), high: hours.optional() })
    .refine((e) => e.low !== undefined || e.likely !== undefined || e.high !== undefined, "give at least one of low, likely, high")
    .refine((e) => e.low === undefined || e.likely === undefined || e.low <= e.likely, "low must not exceed likely")
    .refine((e) => e.high === undefined || e.likely === undefined || e.high >= e.likely, "high must not be below likely")
    .refine((e) => e.low === undefined || e.high === undefined || e.low <= e.high, "low must not exceed high"),
]);

export const ZChecklistFileItem = z.strictObject({
  key: ZChecklistKey.describe("Stable id of the item, unique in the project"),
  title: z.string().trim().min(1, "is required").max(300, "must be at most 300 characters"),
  priority: z.enum(["P1", "P2", "P3"]).describe("P1 is critical: a blocker while open"),
  estimate: ZChecklistEstimate.optional().describe("Hours: a number (most likely) or { low, likely, high }"),
  owner: z.string().trim().min(1).max(200).nullable().optional().describe("Left out: the owner set in the dashboard stays; null clears it"),
  description: z.string().max(5000, "must be at most 5000 characters").optional().describe("Markdown"),
  deferrable: z.boolean().optional(),
  evidenceValidDays: z.number().int("must be a whole number").min(1).max(3650).optional().describe("Days evidence stays valid"),
});

export const ZChecklistFileCategory = z.strictObject({
  key: ZChecklistKey.describe("Stable id of the category, unique in the file"),
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  weight: z.number().finite().min(0).max(100).optional().describe("Default 1"),
  items: z.array(ZChecklistFileItem).default([]),
});

/** The checklist as code, format version 1 (YAML or JSON). */
export const ZChecklistFile = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(1, "must be 1 (the only format version)"),
  categories: z.array(ZChecklistFileCategory),
});

export type TChecklistFile = z.infer<typeof ZChecklistFile>;
export type TChecklistFileCategory = z.infer<typeof ZChecklistFileCategory>;
export type TChecklistFileItem = z.infer<typeof ZChecklistFileItem>;
export type TChecklistEstimate = z.infer<typeof ZChecklistEstimate>;

/** The JSON Schema editors use to complete and check a file (`# yaml-language-server: $schema=…`). */
export function checklistJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ZChecklistFile, { io: "input", target: "draft-2020-12" }),
    title: "Launchgate checklist, version 1",
  };
}

/** The three estimate columns an estimate stands for. */
export function estimateColumns(e: TChecklistEstimate | undefined): { low: number | null; likely: number | null; high: number | null } {
  if (e === undefined) return { low: null, likely: null, high: null };
  if (typeof e === "number") return { low: null, likely: e, high: null };
  return { low: e.low ?? null, likely: e.likely ?? null, high: e.high ?? null };
}

/** "Backup & Recovery" → "backup-recovery"; at most `max` characters, cut at a dash. */
export function slugifyKey(text: string, max = 60): string {
  const slug = text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length <= max) return slug || "item";
  const cut = slug.slice(0, max + 1);
  const at = cut.lastIndexOf("-");
  return (at > 10 ? cut.slice(0, at) : slug.slice(0, max)).replace(/-+$/g, "");
}

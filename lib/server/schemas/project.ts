import { z } from "zod";
import { parseQuantity } from "@/lib/domain/evaluate-objectives";

// Shared by the settings forms (client), the server actions and the services: no server-only here.

export const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
export const DEFAULT_CATEGORIES = ["Infrastructure", "Security", "Performance", "Monitoring", "Backup & Recovery", "Documentation", "Operations"] as const;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "is not a real date");
const positive = (what: string, max: number) => z.number({ message: `${what} must be a number` }).finite().gt(0, `${what} must be above 0`).max(max, `${what} must be at most ${max}`);
const percent = (what: string) => z.number({ message: `${what} must be a number` }).finite().min(0, `${what} must be 0–100`).max(100, `${what} must be 0–100`);

export const ZSlug = z
  .string()
  .trim()
  .min(2, "slug must be at least 2 characters")
  .max(50, "slug must be at most 50 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug may use lowercase letters, digits and single hyphens, not at the start or end")
  .refine((s) => !["new", "api", "settings"].includes(s), "this slug is reserved");

const optionalText = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

export const ZProjectCreate = z
  .object({
    name: z.string().trim().min(2, "name must be at least 2 characters").max(100, "name must be at most 100 characters"),
    slug: ZSlug,
    description: z.string().trim().max(1000, "description must be at most 1000 characters").optional(),
    /** A built-in checklist template (`templates/<name>.yaml`). */
    template: optionalText(z.string().max(50).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "template must be a template name")),
    /** Copy the checklist definitions (not progress) of a project the caller leads. */
    copyFrom: optionalText(ZSlug),
  })
  .strict()
  .refine((p) => !(p.template && p.copyFrom), { path: ["copyFrom"], message: "choose a template or a project to copy from, not both" });
export type TProjectCreate = z.infer<typeof ZProjectCreate>;

/** Project settings and thresholds; `version` is the optimistic lock. */
export const ZProjectSettings = z
  .object({
    version: z.number().int().min(1),
    name: z.string().trim().min(2, "name must be at least 2 characters").max(100, "name must be at most 100 characters"),
    description: z.string().trim().max(1000, "description must be at most 1000 characters").nullable(),
    expectedProductionUsers: z.number({ message: "expected users must be a number" }).int("expected users must be a whole number").min(1, "expected users must be at least 1").max(100_000_000, "expected users is too large"),
    requiredHeadroom: z.number({ message: "headroom must be a number" }).finite().min(1, "headroom must be at least 1×").max(100, "headroom must be at most 100×"),
    teamHoursPerDay: positive("team hours per day", 1000),
    workingDays: z.array(z.enum(WEEKDAYS)).min(1, "choose at least one working day").refine((d) => new Set(d).size === d.length, "working days repeat"),
    targetLaunchDate: day.nullable(),
    greenP95Ms: positive("green P95", 600_000),
    yellowP95Ms: positive("yellow P95", 600_000),
    redP95Ms: positive("red P95", 600_000),
    greenErrorRatePercent: percent("green error rate"),
    yellowErrorRatePercent: percent("yellow error rate"),
    redErrorRatePercent: percent("red error rate"),
    goThresholdPercent: percent("GO threshold"),
    conditionalThresholdPercent: percent("conditional threshold"),
    confidenceMinRunSeconds: z.number({ message: "minimum duration must be a number" }).int("minimum duration must be whole seconds").min(1, "minimum duration must be at least 1 s").max(604_800, "minimum duration must be at most 7 days"),
    confidenceMinRequests: z.number({ message: "minimum requests must be a number" }).int("minimum requests must be a whole number").min(1, "minimum requests must be at least 1").max(1_000_000_000, "minimum requests is too large"),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (!(s.greenP95Ms < s.yellowP95Ms)) ctx.addIssue({ code: "custom", path: ["yellowP95Ms"], message: "yellow P95 must be above green P95" });
    if (!(s.yellowP95Ms < s.redP95Ms)) ctx.addIssue({ code: "custom", path: ["redP95Ms"], message: "red P95 must be above yellow P95" });
    if (!(s.greenErrorRatePercent < s.yellowErrorRatePercent)) ctx.addIssue({ code: "custom", path: ["yellowErrorRatePercent"], message: "yellow error rate must be above green" });
    if (!(s.yellowErrorRatePercent < s.redErrorRatePercent)) ctx.addIssue({ code: "custom", path: ["redErrorRatePercent"], message: "red error rate must be above yellow" });
    if (!(s.conditionalThresholdPercent <= s.goThresholdPercent)) {
      ctx.addIssue({ code: "custom", path: ["conditionalThresholdPercent"], message: "the conditional threshold must not exceed the GO threshold" });
    }
  });
export type TProjectSettings = z.infer<typeof ZProjectSettings>;

const quantity = (what: string) =>
  z.string().trim().min(1, `${what} is required`).max(50).refine((s) => parseQuantity(s) !== null, `${what} must read like "< 4 h", "<= 250 ms" or ">= 99.9 %"`);

export const ZObjectiveFields = z
  .object({
    name: z.string().trim().min(1, "name is required").max(100, "name must be at most 100 characters"),
    target: quantity("target").refine((s) => parseQuantity(s)?.comparator !== null, "target needs a comparison, e.g. \"< 4 h\""),
    measured: quantity("measured value").nullable(),
  })
  .strict();
export const ZObjectiveUpdate = ZObjectiveFields.extend({ id: z.string().min(1) }).strict();
export type TObjectiveFields = z.infer<typeof ZObjectiveFields>;
export type TObjectiveUpdate = z.infer<typeof ZObjectiveUpdate>;

const weight = z.number({ message: "weight must be a number" }).finite().min(0, "weight must be 0 or more").max(100, "weight must be at most 100");
/** Days evidence stays current in a category; null = it never expires. */
export const ZEvidenceValidDays = z.number({ message: "evidence validity must be a number of days" }).int("evidence validity must be whole days").min(1, "evidence validity must be at least 1 day").max(3650, "evidence validity must be at most 3650 days").nullable();
export const ZCategoryCreate = z.object({ name: z.string().trim().min(1, "name is required").max(100), weight: weight.default(1), evidenceValidDays: ZEvidenceValidDays.optional() }).strict();
export const ZCategoryUpdate = z.object({ id: z.string().min(1), name: z.string().trim().min(1, "name is required").max(100), weight, evidenceValidDays: ZEvidenceValidDays.optional() }).strict();
export const ZCategoryMove = z.object({ id: z.string().min(1), direction: z.enum(["up", "down"]) }).strict();
export const ZIdOnly = z.object({ id: z.string().min(1) }).strict();
export type TCategoryCreate = z.infer<typeof ZCategoryCreate>;
export type TCategoryUpdate = z.infer<typeof ZCategoryUpdate>;
export type TCategoryMove = z.infer<typeof ZCategoryMove>;

export const ZMemberAdd = z
  .object({
    email: z.string().trim().toLowerCase().email("enter a valid email address").max(200),
    name: z.string().trim().max(200).optional(),
    role: z.enum(["VIEWER", "ENGINEER", "LEAD"]),
  })
  .strict();
export const ZMemberRole = z.object({ membershipId: z.string().min(1), role: z.enum(["VIEWER", "ENGINEER", "LEAD"]) }).strict();
export const ZMemberRemove = z.object({ membershipId: z.string().min(1) }).strict();
export type TMemberAdd = z.infer<typeof ZMemberAdd>;
export type TMemberRole = z.infer<typeof ZMemberRole>;

import { z } from "zod";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD").refine((s) => !Number.isNaN(Date.parse(s)), "is not a real date");
const hours = z.number().finite().min(0, "cannot be negative").max(10_000, "is too large");
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

export const ZItemStatus = z.enum(["OPEN", "IN_PROGRESS", "DONE", "NOT_APPLICABLE"]);
export const ZPriority = z.enum(["P1", "P2", "P3"]);

/** Fields of a checklist item a client may set. */
export const ZItemFields = z.object({
  title: text(300).min(1, "is required"),
  description: text(5000).nullable(),
  categoryId: z.string().min(1),
  priority: ZPriority,
  status: ZItemStatus,
  estimateHours: hours.nullable(),
  estimateLowHours: hours.nullable(),
  estimateHighHours: hours.nullable(),
  owner: text(200).nullable(),
  dueDate: day.nullable(),
  evidence: text(5000).nullable(),
  evidenceValidDays: z.number().int().min(1).max(3650).nullable(),
  source: text(200).nullable(),
  deferrable: z.boolean(),
});
export type TItemFields = z.infer<typeof ZItemFields>;

/** PATCH body: any subset of the fields plus the version the client last saw. */
export const ZItemPatch = ZItemFields.partial()
  .extend({ version: z.number().int().min(1, "version is required") })
  .strict();
export type TItemPatch = z.infer<typeof ZItemPatch>;

export const ZItemCreate = ZItemFields.partial()
  .required({ title: true, categoryId: true, priority: true })
  .extend({
    /** Stable id in the checklist file; derived from the title when left out. */
    key: z.string().max(80).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "key may use lowercase letters, digits and single dashes").optional(),
  })
  .strict();
export type TItemCreate = z.infer<typeof ZItemCreate>;

/** Fields an ENGINEER may change; everything else needs LEAD. */
export const ENGINEER_FIELDS = new Set<keyof TItemFields>(["status", "evidence"]);

export const ZRiskAcceptance = z
  .object({
    mitigation: text(2000).min(3, "describe the mitigation"),
    expiresOn: day,
  })
  .strict();

export const ZItemQuery = z.object({
  q: z.string().trim().max(200).optional(),
  category: z.string().optional(),
  priority: ZPriority.optional(),
  status: ZItemStatus.optional(),
  /** `expiring`: DONE items whose evidence expires within 14 days; `expired`: already stale. */
  evidence: z.enum(["expiring", "expired"]).optional(),
  sort: z.enum(["title", "category", "priority", "status", "estimateHours", "owner", "dueDate", "source", "updatedAt"]).default("priority"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type TItemQuery = z.infer<typeof ZItemQuery>;

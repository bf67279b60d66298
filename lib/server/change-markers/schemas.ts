import { z } from "zod";

export const CHANGE_KINDS = ["deploy", "config"] as const;

/** An ISO instant (`2026-01-19T14:00:00Z`, offsets allowed) or a day (`2026-01-19` = its start, UTC). */
const ZInstant = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/, "must be a date YYYY-MM-DD or an ISO time like 2026-01-19T14:00:00Z")
  .refine((s) => {
    const day = s.slice(0, 10);
    const start = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(start.getTime()) && start.toISOString().startsWith(day) && !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s));
  }, "is not a real date or time")
  .transform((s) => new Date(s.length === 10 ? `${s}T00:00:00Z` : /Z|[+-]\d{2}:?\d{2}$/.test(s) ? s : `${s}Z`));

/** `POST /api/v1/projects/{slug}/changes`. */
export const ZChangeMarkerCreate = z
  .object({
    label: z.string().trim().min(1, "is required (e.g. \"Deploy API 2.4\")").max(200, "must be at most 200 characters"),
    kind: z.enum(CHANGE_KINDS, { message: "must be \"deploy\" or \"config\"" }).default("deploy"),
    version: z.string().trim().max(100, "must be at most 100 characters").nullish().transform((v) => (v ? v : null)),
    at: ZInstant.optional(),
  })
  .strict();
export type TChangeMarkerCreate = z.infer<typeof ZChangeMarkerCreate>;

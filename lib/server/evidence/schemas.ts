import { z } from "zod";

/** `POST …/items/{id}/evidence`: a new evidence entry that re-confirms a DONE item. */
export const ZEvidenceConfirm = z
  .object({
    evidence: z.string().trim().min(1, "is required: a link or a note that shows it still holds").max(5000, "must be at most 5000 characters"),
    /** The version the client last saw; when given and stale, 409. */
    version: z.number().int().min(1).optional(),
  })
  .strict();
export type TEvidenceConfirm = z.infer<typeof ZEvidenceConfirm>;

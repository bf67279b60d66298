import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/lib/domain/webhooks/events";

export const ZWebhookCreate = z
  .object({
    url: z.string().trim().url("url must be an http:// or https:// URL").max(2000).refine((u) => /^https?:\/\//i.test(u), "url must be an http:// or https:// URL"),
    secret: z.string().min(16, "the secret must be at least 16 characters").max(200),
    events: z.array(z.enum(WEBHOOK_EVENTS, { message: `events must be among ${WEBHOOK_EVENTS.join(", ")}` })).max(WEBHOOK_EVENTS.length).optional(),
    format: z.enum(["json", "slack"], { message: "format must be json or slack" }).default("json"),
  })
  .strict();
export type TWebhookCreate = z.infer<typeof ZWebhookCreate>;

import "server-only";
import { z } from "zod";

/** Every environment variable Launchgate reads, parsed once with a clear message per problem. */
export const ZEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL"),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters"),
  NEXTAUTH_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  DATABASE_POOL_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  LAUNCHGATE_MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).default(1024 ** 3),
  LAUNCHGATE_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  LAUNCHGATE_WEBHOOK_WORKER: z.enum(["0", "1"], { message: "LAUNCHGATE_WEBHOOK_WORKER must be 0 or 1" }).default("1").transform((v) => v === "1"),
  LAUNCHGATE_WEBHOOK_POLL_MS: z.coerce.number().int().min(100, "LAUNCHGATE_WEBHOOK_POLL_MS must be at least 100").default(2000),
  LAUNCHGATE_WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().min(0.05, "LAUNCHGATE_WEBHOOK_RETRY_BASE_SECONDS must be at least 0.05").default(30),
  LAUNCHGATE_SCHEDULED_CHECK_SECONDS: z.coerce.number().int().min(1, "LAUNCHGATE_SCHEDULED_CHECK_SECONDS must be at least 1").default(60),
});
export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | null = null;

export function getEnv(): TEnv {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}\nSee the README's Configuration section.`);
  }
  cached = parsed.data;
  return cached;
}

const ZDbEnv = ZEnv.pick({ DATABASE_URL: true, DATABASE_POOL_SIZE: true, DATABASE_POOL_TIMEOUT_MS: true });

/** The database settings alone (the CLI needs no session secret). */
export function getDbEnv(): z.infer<typeof ZDbEnv> {
  const parsed = ZDbEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}\nSee the README's Configuration section.`);
  }
  return parsed.data;
}

const ZWebhookEnv = ZEnv.pick({ LAUNCHGATE_WEBHOOK_WORKER: true, LAUNCHGATE_WEBHOOK_POLL_MS: true, LAUNCHGATE_WEBHOOK_RETRY_BASE_SECONDS: true, LAUNCHGATE_SCHEDULED_CHECK_SECONDS: true });

/** The webhook worker's settings alone. */
export function getWebhookEnv(): z.infer<typeof ZWebhookEnv> {
  const parsed = ZWebhookEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}\nSee the README's Configuration section.`);
  }
  return parsed.data;
}


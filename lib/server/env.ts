import "server-only";
import { z } from "zod";

/** Every environment variable Launchgate reads, parsed once with a clear message per problem. */
const ROLE_MAP = /^\s*[^=,\s][^=,]*=(VIEWER|ENGINEER|LEAD|ADMIN)\s*(,\s*[^=,\s][^=,]*=(VIEWER|ENGINEER|LEAD|ADMIN)\s*)*$/;
const list = (v: string | undefined) => (v ?? "").split(",").map((x) => x.trim().toLowerCase()).filter(Boolean);

export const ZEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL"),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters"),
  NEXTAUTH_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  DATABASE_POOL_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(4000),
  LAUNCHGATE_MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).default(1024 ** 3),
  LAUNCHGATE_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  LAUNCHGATE_WEBHOOK_WORKER: z.enum(["0", "1"], { message: "LAUNCHGATE_WEBHOOK_WORKER must be 0 or 1" }).default("1").transform((v) => v === "1"),
  LAUNCHGATE_WEBHOOK_POLL_MS: z.coerce.number().int().min(100, "LAUNCHGATE_WEBHOOK_POLL_MS must be at least 100").default(2000),
  LAUNCHGATE_WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().min(0.05, "LAUNCHGATE_WEBHOOK_RETRY_BASE_SECONDS must be at least 0.05").default(30),
  LAUNCHGATE_SCHEDULED_CHECK_SECONDS: z.coerce.number().int().min(1, "LAUNCHGATE_SCHEDULED_CHECK_SECONDS must be at least 1").default(60),
  OIDC_ISSUER: z.string().url("OIDC_ISSUER must be the issuer URL, e.g. https://login.example.com/realms/main").optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).max(60).default("single sign-on"),
  OIDC_ALLOWED_DOMAINS: z.string().optional().transform(list),
  OIDC_DEFAULT_ROLE: z.enum(["VIEWER", "ENGINEER", "LEAD"], { message: "OIDC_DEFAULT_ROLE must be VIEWER, ENGINEER or LEAD" }).optional(),
  OIDC_DEFAULT_PROJECTS: z.string().optional().transform(list),
  OIDC_ROLE_CLAIM: z.string().min(1).optional(),
  OIDC_ROLE_MAP: z
    .string()
    .regex(ROLE_MAP, "OIDC_ROLE_MAP must be value=ROLE pairs separated by commas, ROLE one of VIEWER, ENGINEER, LEAD, ADMIN")
    .optional()
    .transform((v) => (v ? v.split(",").map((p) => { const i = p.lastIndexOf("="); return { value: p.slice(0, i).trim(), role: p.slice(i + 1).trim() as "VIEWER" | "ENGINEER" | "LEAD" | "ADMIN" }; }) : [])),
  LAUNCHGATE_PASSWORD_LOGIN: z.enum(["0", "1"], { message: "LAUNCHGATE_PASSWORD_LOGIN must be 0 or 1" }).default("1").transform((v) => v === "1"),
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

const ZDbEnv = ZEnv.pick({ DATABASE_URL: true, DATABASE_POOL_SIZE: true, DATABASE_POOL_TIMEOUT_MS: true, DATABASE_STATEMENT_TIMEOUT_MS: true });

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

const ZAuthEnv = ZEnv.pick({
  OIDC_ISSUER: true, OIDC_CLIENT_ID: true, OIDC_CLIENT_SECRET: true, OIDC_NAME: true, OIDC_ALLOWED_DOMAINS: true, OIDC_DEFAULT_ROLE: true,
  OIDC_DEFAULT_PROJECTS: true, OIDC_ROLE_CLAIM: true, OIDC_ROLE_MAP: true, LAUNCHGATE_PASSWORD_LOGIN: true,
}).superRefine((e, ctx) => {
  if (e.OIDC_ISSUER && !e.OIDC_CLIENT_ID) ctx.addIssue({ code: "custom", path: ["OIDC_CLIENT_ID"], message: "OIDC_CLIENT_ID is required with OIDC_ISSUER" });
  if (e.OIDC_ISSUER && !e.OIDC_CLIENT_SECRET) ctx.addIssue({ code: "custom", path: ["OIDC_CLIENT_SECRET"], message: "OIDC_CLIENT_SECRET is required with OIDC_ISSUER" });
  if (!e.LAUNCHGATE_PASSWORD_LOGIN && !e.OIDC_ISSUER) ctx.addIssue({ code: "custom", path: ["LAUNCHGATE_PASSWORD_LOGIN"], message: "LAUNCHGATE_PASSWORD_LOGIN=0 needs OIDC_ISSUER: nobody could sign in" });
  if (e.OIDC_ROLE_MAP.length > 0 && !e.OIDC_ROLE_CLAIM) ctx.addIssue({ code: "custom", path: ["OIDC_ROLE_CLAIM"], message: "OIDC_ROLE_MAP needs OIDC_ROLE_CLAIM (the claim holding groups or roles)" });
});
export type TAuthEnv = z.infer<typeof ZAuthEnv>;

/** Sign-in settings (OpenID Connect, password login), from `env` (default: the process's). */
export function getAuthEnv(env: Record<string, string | undefined> = process.env): TAuthEnv {
  const parsed = ZAuthEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}\nSee the README's Configuration section.`);
  }
  return parsed.data;
}

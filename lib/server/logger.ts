import "server-only";

type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_KEYS = /pass(word)?|secret|token|authorization|cookie/i;

function redact(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.test(k) ? "[redacted]" : redact(v, depth + 1);
  return out;
}

function write(level: Level, fields: Record<string, unknown>): void {
  const min = (process.env.LAUNCHGATE_LOG_LEVEL as Level) || "info";
  if (ORDER[level] < (ORDER[min] ?? 20)) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, ...(redact(fields) as object) });
  if (level === "error" || level === "warn") process.stderr.write(line + "\n");
  else process.stdout.write(line + "\n");
}

/** Structured JSON logs, one line per event; keys that look like secrets are redacted. */
export const logger = {
  debug: (f: Record<string, unknown>) => write("debug", f),
  info: (f: Record<string, unknown>) => write("info", f),
  warn: (f: Record<string, unknown>) => write("warn", f),
  error: (f: Record<string, unknown>) => write("error", f),
};

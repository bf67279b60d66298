import fs from "node:fs";
import path from "node:path";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { ApplyResult } from "@/lib/server/checklist-file/apply-checklist";
import type { Principal, ProjectAccess } from "@/lib/server/principal";
import { flag, UsageError, withDatabase } from "./context";
import { printPlan } from "./print-plan";

/** The local command line acts as an administrator named "cli". */
export const CLI_PRINCIPAL: Principal = { kind: "user", userId: "cli", email: "cli@localhost", name: "cli", isAdmin: true };

/** A failure with the exit code it means: 1 a bad file, 3 could not evaluate. */
class CliFailure extends Error {
  constructor(message: string, readonly code: 1 | 3) {
    super(message);
  }
}

function remote(flags: Record<string, string | true>): { url: string; token: string } | null {
  const url = flag(flags, "url") ?? process.env.LAUNCHGATE_URL;
  if (!url) return null;
  const token = flag(flags, "token") ?? process.env.LAUNCHGATE_TOKEN;
  if (!token) throw new UsageError("--url needs --token (or LAUNCHGATE_TOKEN)");
  return { url, token };
}

async function call(r: { url: string; token: string }, pathname: string, init: RequestInit = {}): Promise<Response> {
  const u = new URL(pathname, r.url);
  let res: Response;
  try {
    res = await fetch(u, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${r.token}` } });
  } catch (err) {
    throw new CliFailure(`could not reach ${u.origin}: ${(err as Error).message}`, 3);
  }
  if (res.ok) return res;
  const body = (await res.json().catch(() => null)) as { error?: { message?: string; details?: { issues?: { path: string; message: string; line?: number }[] } } } | null;
  const issues = body?.error?.details?.issues?.slice(1, 10).map((i) => `\n  ${i.path ? `${i.path}: ` : ""}${i.message}${i.line ? ` (line ${i.line})` : ""}`).join("") ?? "";
  throw new CliFailure(`${res.status} from ${u.origin}: ${body?.error?.message ?? res.statusText}${issues}`, res.status === 422 || res.status === 413 ? 1 : 3);
}

async function local<T>(slug: string, fn: (access: ProjectAccess) => Promise<T>): Promise<T> {
  return withDatabase(async (_db, url) => {
    process.env.DATABASE_URL = url;
    try {
      const project = await getDb().project.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
      if (!project) throw new CliFailure(`No project '${slug}'`, 3);
      return await fn({ principal: CLI_PRINCIPAL, project, role: "LEAD", isAdmin: true });
    } catch (err) {
      if (err instanceof AppError) throw new CliFailure(err.message, err.status === 422 || err.status === 413 ? 1 : 3);
      throw err;
    } finally {
      await getDb().$disconnect();
    }
  }, { quiet: true });
}

function formatFlag(flags: Record<string, string | true>): "yaml" | "json" {
  const f = flag(flags, "format") ?? "yaml";
  if (f !== "yaml" && f !== "json") throw new UsageError("--format must be yaml or json");
  return f;
}

/** `checklist export <slug> [--format yaml|json] [--url U --token T]`: the file on stdout. */
export async function checklistExportCommand(flags: Record<string, string | true>, positional: string[]): Promise<number> {
  const slug = positional[0];
  if (!slug) throw new UsageError("checklist export needs a project slug");
  const format = formatFlag(flags);
  try {
    const r = remote(flags);
    if (r) {
      process.stdout.write(await (await call(r, `/api/v1/projects/${encodeURIComponent(slug)}/checklist?format=${format}`)).text());
      return 0;
    }
    const { exportChecklist } = await import("@/lib/server/checklist-file/export-checklist");
    process.stdout.write((await local(slug, (a) => exportChecklist(a.project, format))).text);
    return 0;
  } catch (err) {
    if (!(err instanceof CliFailure)) throw err;
    console.error(`launchgate checklist export: ${err.message}`);
    return err.code;
  }
}

/**
 * `checklist apply <slug> <file> [--dry-run] [--prune] [--check] [--json]`: exit 0 applied (or,
 * with --check, the project matches the file), 2 with --check when it differs, 1 a bad file,
 * 3 when it could not evaluate (unknown project, server unreachable, no permission).
 */
export async function checklistApplyCommand(flags: Record<string, string | true>, positional: string[]): Promise<number> {
  const [slug, file] = positional;
  if (!slug || !file) throw new UsageError("checklist apply needs a project slug and a file");
  const check = flags.check === true;
  const dryRun = check || flags["dry-run"] === true;
  const prune = flags.prune === true;
  try {
    let text: string;
    try {
      text = fs.readFileSync(path.resolve(file), "utf8");
    } catch (err) {
      throw new CliFailure(`cannot read ${file}: ${(err as Error).message}`, 1);
    }
    const format = /\.json$/i.test(file) ? "json" : "yaml";
    let result: ApplyResult;
    const r = remote(flags);
    if (r) {
      const q = new URLSearchParams({ ...(dryRun ? { dryRun: "1" } : {}), ...(prune ? { prune: "1" } : {}) });
      const res = await call(r, `/api/v1/projects/${encodeURIComponent(slug)}/checklist?${q}`, { method: "PUT", body: text, headers: { "content-type": format === "json" ? "application/json" : "application/yaml" } });
      result = (await res.json()) as ApplyResult;
    } else {
      const { applyChecklist } = await import("@/lib/server/checklist-file/apply-checklist");
      result = await local(slug, (a) => applyChecklist(a, { text, format, dryRun, prune }));
    }
    const differs = printPlan(slug, result, { json: flags.json === true, check });
    return check && differs ? 2 : 0;
  } catch (err) {
    if (!(err instanceof CliFailure)) throw err;
    console.error(`launchgate checklist apply: ${err.message}`);
    return err.code;
  }
}

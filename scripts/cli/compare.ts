import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { getRunComparison, type RunComparison } from "@/lib/server/compare/get-run-comparison";
import { printComparison } from "./compare-table";
import { flag, UsageError, withDatabase } from "./context";

async function fetchRemote(url: string, token: string, slug: string, runId: string, baseline: string | undefined): Promise<RunComparison> {
  const u = new URL(`/api/v1/projects/${encodeURIComponent(slug)}/runs/${encodeURIComponent(runId)}/compare`, url);
  if (baseline) u.searchParams.set("baseline", baseline);
  const res = await fetch(u, { headers: { authorization: `Bearer ${token}`, accept: "application/json" } });
  const body = (await res.json().catch(() => null)) as (RunComparison & { error?: { message: string } }) | null;
  if (!res.ok || !body) throw new Error(`${res.status} from ${u.origin}: ${body?.error?.message ?? res.statusText}`);
  return body;
}

/** Compares a run of the project in the local database; exit 0 / 2, or 3 with a message. */
export async function compareLocal(slug: string, runId: string, baseline: string | undefined, json: boolean): Promise<number> {
  return withDatabase(async (_db, dbUrl) => {
    process.env.DATABASE_URL = dbUrl;
    try {
      const project = await getDb().project.findUnique({ where: { slug }, select: { id: true } });
      if (!project) throw new Error(`No project '${slug}'`);
      return printComparison(await getRunComparison(project.id, runId, baseline), json);
    } finally {
      await getDb().$disconnect();
    }
  }, { quiet: true });
}

/**
 * `compare <slug> <run> [--baseline <run>] [--json] [--url U --token T]`: exits 0 when nothing
 * regressed beyond tolerance, 2 when something did, 3 when the runs could not be compared
 * (unknown project or run, no baseline, a run against itself, server unreachable).
 */
export async function compareCommand(flags: Record<string, string | true>, positional: string[]): Promise<number> {
  const [slug, runId] = positional;
  if (!slug || !runId) throw new UsageError("compare needs a project slug and a run id");
  const baseline = flag(flags, "baseline");
  if (flags.baseline === true) throw new UsageError("--baseline needs a run id");
  const json = flags.json === true;
  try {
    const url = flag(flags, "url") ?? process.env.LAUNCHGATE_URL;
    if (url) {
      const token = flag(flags, "token") ?? process.env.LAUNCHGATE_TOKEN;
      if (!token) throw new UsageError("--url needs --token (or LAUNCHGATE_TOKEN)");
      return printComparison(await fetchRemote(url, token, slug, runId, baseline), json);
    }
    return await compareLocal(slug, runId, baseline, json);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    console.error(`launchgate compare: ${err instanceof AppError ? err.message : (err as Error).message}`);
    return 3;
  }
}

import { getDb } from "@/lib/server/db";
import type { FastestPaths } from "@/lib/domain/paths/compute-paths";
import { getFastestPaths } from "@/lib/server/paths/get-paths";
import { getReadiness, parseAsOf } from "@/lib/server/readiness/get-readiness";
import { flag, UsageError, withDatabase } from "./context";
import { gateAllCommand } from "./gate-all";

interface GateView {
  project: { slug: string; name: string };
  asOf: string;
  score: { overallPercent: number | null; criticalDone: number; criticalTotal: number };
  blockers: { open: number; openHours: number };
  verdict: { value: "GO" | "CONDITIONAL_GO" | "NO_GO"; gates: { id: string; status: string; reason: string }[]; summary?: string };
  projection?: { deterministic: { date: string } | null };
  /** Absent from servers older than measurement confidence. */
  confidence?: { level: "high" | "medium" | "low"; reasons: { message: string; severity: string }[] };
  stale?: { title: string; expiredOn: string }[];
  /** The fastest paths to GO and CONDITIONAL GO (GET …/readiness/paths). */
  paths?: Pick<FastestPaths, "go" | "conditionalGo">;
}

const EXIT: Record<GateView["verdict"]["value"], number> = { GO: 0, CONDITIONAL_GO: 2, NO_GO: 1 };
const LABEL: Record<GateView["verdict"]["value"], string> = { GO: "GO", CONDITIONAL_GO: "CONDITIONAL GO", NO_GO: "NO-GO" };

export function printGate(r: GateView, json: boolean): number {
  if (json) {
    console.log(JSON.stringify(r, null, 2));
    return EXIT[r.verdict.value];
  }
  console.log(`${r.project.name} (${r.project.slug}) as of ${r.asOf}: ${LABEL[r.verdict.value]}`);
  console.log(`  score ${r.score.overallPercent === null ? "—" : r.score.overallPercent.toFixed(1)}% (${r.score.criticalDone}/${r.score.criticalTotal} P1 done), ${r.blockers.open} open P1 blockers (${r.blockers.openHours} h)`);
  if (r.projection?.deterministic) console.log(`  earliest launch ${r.projection.deterministic.date}`);
  for (const g of r.verdict.gates) console.log(`  [${g.status.toUpperCase().padEnd(6)}] ${g.id.padEnd(10)} ${g.reason}`);
  if (r.confidence) {
    console.log(`  measurement confidence: ${r.confidence.level}${r.confidence.reasons.length ? "" : " (no reason to doubt the capacity measurements)"}`);
    for (const reason of r.confidence.reasons) console.log(`    - ${reason.message}${reason.severity === "minor" ? " (minor)" : ""}`);
  }
  if (r.stale?.length) {
    console.log(`  ${r.stale.length} done item${r.stale.length === 1 ? "" : "s"} with expired evidence (counted as not done):`);
    for (const s of r.stale.slice(0, 10)) console.log(`    - ${s.title}: evidence expired on ${s.expiredOn}`);
    if (r.stale.length > 10) console.log(`    - … and ${r.stale.length - 10} more`);
  }
  if (r.paths) {
    const { go, conditionalGo: c } = r.paths;
    console.log(`  to GO: close ${go.items.length} items (${go.hours} h) → ${go.date ?? "—"} (P85 ${go.p85Date ?? "—"})${go.gates.map((g) => `; ${g.gate}: ${g.action}`).join("")}`);
    console.log(c.reachable
      ? `  to CONDITIONAL GO: close ${c.items.length} items (${c.hours} h) → ${c.date ?? "—"} (P85 ${c.p85Date ?? "—"}), accept ${c.acceptRisks.length} as risks${c.gates.map((g) => `; ${g.gate}: ${g.action}`).join("")}`
      : "  to CONDITIONAL GO: not reachable by closing items");
  }
  return EXIT[r.verdict.value];
}

async function fetchRemote(url: string, token: string, slug: string, asOf: string | undefined): Promise<GateView> {
  const u = new URL(`/api/v1/projects/${encodeURIComponent(slug)}/readiness`, url);
  if (asOf) u.searchParams.set("asOf", asOf);
  const res = await fetch(u, { headers: { authorization: `Bearer ${token}`, accept: "application/json" } });
  const body = (await res.json().catch(() => null)) as (GateView & { error?: { message: string } }) | null;
  if (!res.ok || !body) throw new Error(`${res.status} from ${u.origin}: ${body?.error?.message ?? res.statusText}`);
  const p = new URL(`/api/v1/projects/${encodeURIComponent(slug)}/readiness/paths`, url);
  if (asOf) p.searchParams.set("asOf", asOf);
  const paths = await fetch(p, { headers: { authorization: `Bearer ${token}`, accept: "application/json" } });
  // A server without the paths endpoint (older version) still gives the verdict.
  if (paths.ok) body.paths = (await paths.json()) as FastestPaths;
  return body;
}

/**
 * `gate <slug> [--as-of D] [--json] [--url U --token T]` (or `gate --all`, see gate-all.ts): exits 0 on GO, 2 on CONDITIONAL GO,
 * 1 on NO-GO, 3 when the readiness could not be computed.
 */
export async function gateCommand(flags: Record<string, string | true>, positional: string[]): Promise<number> {
  if (flags.all === true) return gateAllCommand(flags);
  const slug = positional[0];
  if (!slug) throw new UsageError("gate needs a project slug");
  const asOf = flag(flags, "as-of");
  const json = flags.json === true;
  try {
    const url = flag(flags, "url") ?? process.env.LAUNCHGATE_URL;
    if (url) {
      const token = flag(flags, "token") ?? process.env.LAUNCHGATE_TOKEN;
      if (!token) throw new UsageError("--url needs --token (or LAUNCHGATE_TOKEN)");
      return printGate(await fetchRemote(url, token, slug, asOf), json);
    }
    return await withDatabase(async (_db, dbUrl) => {
      process.env.DATABASE_URL = dbUrl;
      const project = await getDb().project.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
      if (!project) throw new Error(`No project '${slug}'`);
      const day = parseAsOf(asOf);
      const [r, paths] = await Promise.all([getReadiness(project, day), getFastestPaths(project, day)]);
      await getDb().$disconnect();
      return printGate({ ...r, paths: { go: paths.go, conditionalGo: paths.conditionalGo } }, json);
    }, { quiet: true });
  } catch (err) {
    if (err instanceof UsageError) throw err;
    console.error(`launchgate gate: ${(err as Error).message}`);
    return 3;
  }
}

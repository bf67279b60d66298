import { PORTFOLIO_MAX_PAGE_SIZE } from "@/lib/server/schemas/portfolio";
import type { PortfolioRow } from "@/lib/domain/view/portfolio-rows";
import { flag, UsageError, withDatabase } from "./context";

type Verdict = NonNullable<PortfolioRow["verdict"]>;
const LABEL: Record<Verdict, string> = { GO: "GO", CONDITIONAL_GO: "CONDITIONAL GO", NO_GO: "NO-GO" };
/** Worst first: any NO-GO exits 1, else any CONDITIONAL GO 2, else 0. */
const EXIT: Record<Verdict, number> = { GO: 0, CONDITIONAL_GO: 2, NO_GO: 1 };
const SEVERITY: Record<Verdict, number> = { GO: 0, CONDITIONAL_GO: 1, NO_GO: 2 };

interface Listed { page: number; pageCount: number; total: number; asOf: string; projects: PortfolioRow[] }

async function fetchPage(url: string, token: string, page: number): Promise<Listed> {
  const u = new URL("/api/v1/projects", url);
  u.search = new URLSearchParams({ sort: "verdict", dir: "desc", page: String(page), pageSize: String(PORTFOLIO_MAX_PAGE_SIZE) }).toString();
  const res = await fetch(u, { headers: { authorization: `Bearer ${token}`, accept: "application/json" } });
  const body = (await res.json().catch(() => null)) as (Listed & { error?: { message: string } }) | null;
  if (!res.ok || !body) throw new Error(`${res.status} from ${u.origin}: ${body?.error?.message ?? res.statusText}`);
  return body;
}

async function listAll(next: (page: number) => Promise<Listed>): Promise<{ asOf: string; rows: PortfolioRow[] }> {
  const rows: PortfolioRow[] = [];
  let page = 1;
  let last: Listed;
  do {
    last = await next(page);
    rows.push(...last.projects);
    page += 1;
  } while (page <= last.pageCount);
  return { asOf: last.asOf, rows };
}

function print(asOf: string, rows: PortfolioRow[], json: boolean): number {
  const worst = rows.reduce<Verdict | null>((w, r) => (r.verdict && (!w || SEVERITY[r.verdict] > SEVERITY[w]) ? r.verdict : w), null);
  const code = worst ? EXIT[worst] : 0;
  if (json) {
    console.log(JSON.stringify({ asOf, projects: rows }, null, 2));
    return code;
  }
  console.log(`${rows.length} project${rows.length === 1 ? "" : "s"} as of ${asOf}, worst first:`);
  for (const r of rows) {
    const score = r.scorePercent === null ? "—" : `${r.scorePercent.toFixed(1)}%`;
    console.log(`  ${(r.verdict ? LABEL[r.verdict] : "—").padEnd(14)} ${score.padStart(6)}  ${String(r.openBlockers ?? "—").padStart(4)} P1 blockers  ${(r.launchDate ?? "—").padEnd(10)}  ${r.slug}${r.stale ? " (figures not current)" : ""}`);
  }
  return code;
}

/**
 * `gate --all [--json] [--url U --token T]`: every project's verdict (locally: all projects; with a
 * project token: its project), worst first; exits with the worst verdict's code (1 NO-GO, 2
 * CONDITIONAL GO, 0 GO), 3 when it could not list them.
 */
export async function gateAllCommand(flags: Record<string, string | true>): Promise<number> {
  const json = flags.json === true;
  if (flag(flags, "as-of")) throw new UsageError("gate --all reports as of today; --as-of is for one project");
  try {
    const url = flag(flags, "url") ?? process.env.LAUNCHGATE_URL;
    if (url) {
      const token = flag(flags, "token") ?? process.env.LAUNCHGATE_TOKEN;
      if (!token) throw new UsageError("--url needs --token (or LAUNCHGATE_TOKEN)");
      const { asOf, rows } = await listAll((page) => fetchPage(url, token, page));
      return print(asOf, rows, json);
    }
    return await withDatabase(async (_db, dbUrl) => {
      process.env.DATABASE_URL = dbUrl;
      const { getDb } = await import("@/lib/server/db");
      const { listPortfolioForScope } = await import("@/lib/server/portfolio/list-portfolio-page");
      const { asOf, rows } = await listAll(async (page) => {
        const p = await listPortfolioForScope({ kind: "all" }, { sort: "verdict", dir: "desc", page, pageSize: PORTFOLIO_MAX_PAGE_SIZE }, { refreshAll: true });
        return { ...p, projects: p.rows };
      });
      await getDb().$disconnect();
      return print(asOf, rows, json);
    }, { quiet: true });
  } catch (err) {
    if (err instanceof UsageError) throw err;
    console.error(`launchgate gate --all: ${(err as Error).message}`);
    return 3;
  }
}

import "server-only";
import { logger } from "../logger";
import type { PortfolioScope } from "./portfolio-scope";
import { listStaleProjects, refreshSummaries } from "./refresh-summaries";

const g = globalThis as unknown as { launchgateSummaryRefresh?: Promise<void> | null };

/** Refreshes every stale summary of the scope after the response, one pass at a time per process. */
export function refreshInBackground(scope: PortfolioScope, today: string): void {
  if (g.launchgateSummaryRefresh) return;
  g.launchgateSummaryRefresh = (async () => {
    try {
      await refreshSummaries(await listStaleProjects(scope, today), today);
    } catch (err) {
      logger.warn({ msg: "portfolio summary refresh failed", err: String(err) });
    } finally {
      g.launchgateSummaryRefresh = null;
    }
  })();
}

/** For tests and the CLI: the pass in progress, if any, finished. */
export async function waitForBackgroundRefresh(): Promise<void> {
  await g.launchgateSummaryRefresh;
}

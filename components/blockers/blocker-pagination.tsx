import Link from "next/link";
import { BLOCKER_PAGE_SIZES, blockersSearch, pageWindow, type BlockersQuery } from "@/lib/domain/view/blockers-query";

const link = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600";
const off = "rounded-md border border-slate-200 px-2.5 py-1 text-sm text-slate-400";

/**
 * Previous / next links over the blockers (links: they work from the keyboard, and keep the
 * what-if marks when JavaScript runs), "rows x–y of N" and the page size; the rows come from the server.
 */
export function BlockerPagination({ path, query, total, asOf }: { path: string; query: BlockersQuery; total: number; asOf: string | null }) {
  const { from, to, pageCount } = pageWindow(total, query.page, query.pageSize);
  const href = (patch: Partial<BlockersQuery>) => path + blockersSearch({ ...query, ...patch }, asOf) + "#open";
  const prev = query.page > 1 ? Math.min(query.page - 1, pageCount) : null;
  const next = query.page < pageCount ? query.page + 1 : null;
  return (
    <nav aria-label="Blocker pages" className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700" data-testid="blocker-pagination">
      <p className="tabular-nums" data-testid="blocker-rows">{total === 0 ? "No rows" : `Rows ${from}–${to} of ${total}`}</p>
      <div className="flex flex-wrap items-center gap-2">
        <span className="flex items-center gap-1" aria-label="Rows per page">
          <span>Rows</span>
          {BLOCKER_PAGE_SIZES.map((n) => n === query.pageSize
            ? <span key={n} aria-current="true" className="rounded bg-slate-200 px-1.5 py-0.5 font-medium tabular-nums">{n}</span>
            : <Link key={n} href={href({ pageSize: n, page: 1 })} className="rounded px-1.5 py-0.5 tabular-nums text-blue-800 underline">{n}</Link>)}
        </span>
        {prev ? <Link className={link} href={href({ page: prev })} rel="prev">Previous</Link> : <span className={off} aria-disabled="true">Previous</span>}
        <span className="tabular-nums">Page {Math.min(query.page, pageCount)} of {pageCount}</span>
        {next ? <Link className={link} href={href({ page: next })} rel="next">Next</Link> : <span className={off} aria-disabled="true">Next</span>}
      </div>
    </nav>
  );
}

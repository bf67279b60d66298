import Link from "next/link";
import { portfolioHref, type PortfolioView } from "./portfolio-links";

const LINK = "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:border-slate-500 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900";
const OFF = "rounded-md border border-slate-200 px-3 py-1.5 text-slate-400";

/** "51–100 of 1,000" with previous / next links; nothing when everything fits on one page. */
export function PortfolioPager({ view, total, pageCount }: { view: PortfolioView; total: number; pageCount: number }) {
  if (total <= view.pageSize && view.page === 1) return null;
  const first = (view.page - 1) * view.pageSize + 1;
  const last = Math.min(total, view.page * view.pageSize);
  const fmt = (n: number) => n.toLocaleString("en-US");
  return (
    <nav aria-label="Pages of projects" className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
      <p className="text-slate-600" aria-live="polite">
        <span className="font-medium text-slate-900">{fmt(first)}–{fmt(last)}</span> of {fmt(total)} projects · page {view.page} of {pageCount}
      </p>
      <div className="flex gap-2">
        {view.page > 1
          ? <Link href={portfolioHref(view, { page: view.page - 1 })} rel="prev" className={LINK}>← Previous</Link>
          : <span aria-disabled="true" className={OFF}>← Previous</span>}
        {view.page < pageCount
          ? <Link href={portfolioHref(view, { page: view.page + 1 })} rel="next" className={LINK}>Next →</Link>
          : <span aria-disabled="true" className={OFF}>Next →</span>}
      </div>
    </nav>
  );
}

"use client";

import Link from "next/link";
import { formatScore } from "@/lib/domain/view/readiness-view";
import type { PortfolioRow, PortfolioSortKey } from "@/lib/domain/view/portfolio-rows";
import { VerdictBadge } from "../readiness/verdict-badge";
import { sortHref, type PortfolioView } from "./portfolio-links";

const COLUMNS: { key: PortfolioSortKey; label: string; short: string; align?: "right" }[] = [
  { key: "name", label: "Project", short: "Name" },
  { key: "score", label: "Score", short: "Score", align: "right" },
  { key: "blockers", label: "Open P1 blockers", short: "Blockers", align: "right" },
  { key: "date", label: "Projected launch", short: "Date", align: "right" },
  { key: "verdict", label: "Verdict", short: "Verdict" },
];

const FOCUS = "focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900";

function blockers(r: PortfolioRow) {
  if (r.openBlockers === null || r.openBlockerHours === null) return "—";
  const h = r.openBlockerHours;
  return <>{r.openBlockers} <span className="text-slate-500">· {Number.isInteger(h) ? h : h.toFixed(1)} h</span></>;
}

/** "computed 2026-12-01 14:05 UTC" for figures that are not today's; nothing for fresh ones. */
function Staleness({ row }: { row: PortfolioRow }) {
  if (!row.stale) return null;
  return (
    <span className="mt-0.5 block text-xs text-amber-700">
      {row.computedAt ? `figures of ${row.computedAt.slice(0, 16).replace("T", " ")} UTC, being refreshed` : "not computed yet"}
    </span>
  );
}

/**
 * One page of the portfolio as a table (wide screens) or a list of cards (phones). Sorting is a
 * link (the order comes from the database over all the user's projects), so it works from the
 * keyboard and the URL says what is shown.
 */
export function PortfolioTable({ rows, view }: { rows: PortfolioRow[]; view: PortfolioView }) {
  const ariaSort = (key: PortfolioSortKey) => (view.sort === key ? (view.dir === "asc" ? "ascending" : "descending") : "none");
  const arrow = (key: PortfolioSortKey) => (view.sort === key ? (view.dir === "asc" ? "▲" : "▼") : "↕");

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-2 md:hidden" role="group" aria-label="Sort projects">
        <span className="text-sm text-slate-600">Sort by</span>
        {COLUMNS.map((c) => (
          <Link key={c.key} href={sortHref(view, c.key)} aria-current={view.sort === c.key ? "true" : undefined}
            className={`rounded-full border px-3 py-1 text-xs font-medium ${FOCUS} ${view.sort === c.key ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white text-slate-700"}`}>
            {c.short} {view.sort === c.key ? arrow(c.key) : ""}
          </Link>
        ))}
      </div>

      <ul className="space-y-3 md:hidden" aria-label="Projects">
        {rows.map((r) => (
          <li key={r.slug}>
            <Link href={`/projects/${r.slug}`} className={`block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-slate-400 ${FOCUS}`}>
              <div className="flex items-start justify-between gap-2">
                <span className="min-w-0 break-words font-medium">{r.name}</span>
                {r.verdict && <VerdictBadge value={r.verdict} size="sm" />}
              </div>
              <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
                <div><dt className="text-xs text-slate-500">Score</dt><dd className="font-semibold tabular-nums">{formatScore(r.scorePercent)}</dd></div>
                <div><dt className="text-xs text-slate-500">Blockers</dt><dd className="font-semibold tabular-nums">{blockers(r)}</dd></div>
                <div><dt className="text-xs text-slate-500">Launch</dt><dd className="font-semibold tabular-nums">{r.launchDate ?? "—"}</dd></div>
              </dl>
              <Staleness row={r} />
            </Link>
          </li>
        ))}
      </ul>

      <div className="hidden overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm md:block">
        <table className="w-full text-sm">
          <caption className="sr-only">Your projects; select a column header to sort all of them</caption>
          <thead className="bg-slate-50 text-left text-xs text-slate-600">
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" aria-sort={ariaSort(c.key)} className={`px-4 py-2 font-medium ${c.align === "right" ? "text-right" : ""}`}>
                  <Link href={sortHref(view, c.key)} className={`inline-flex items-center gap-1 rounded hover:text-slate-900 ${FOCUS}`}>
                    {c.label} <span aria-hidden className="text-[10px]">{arrow(c.key)}</span>
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.slug} className="hover:bg-slate-50">
                <td className="px-4 py-3">
                  <Link href={`/projects/${r.slug}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">{r.name}</Link>
                  <div className="text-xs text-slate-500">{r.slug} · {r.role}</div>
                  <Staleness row={r} />
                </td>
                <td className="px-4 py-3 text-right font-semibold tabular-nums">{formatScore(r.scorePercent)}</td>
                <td className="px-4 py-3 text-right tabular-nums">{blockers(r)}</td>
                <td className="px-4 py-3 text-right tabular-nums">{r.launchDate ?? "—"}</td>
                <td className="px-4 py-3">{r.verdict ? <VerdictBadge value={r.verdict} size="sm" /> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

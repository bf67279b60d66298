"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { formatScore } from "@/lib/domain/view/readiness-view";
import { nextSortDir, sortPortfolioRows, type PortfolioRow, type PortfolioSortKey, type SortDir } from "@/lib/domain/view/portfolio-rows";
import { VerdictBadge } from "../readiness/verdict-badge";

const COLUMNS: { key: PortfolioSortKey; label: string; align?: "right" }[] = [
  { key: "name", label: "Project" },
  { key: "score", label: "Score", align: "right" },
  { key: "blockers", label: "Open P1 blockers", align: "right" },
  { key: "date", label: "Projected launch", align: "right" },
];

function hours(h: number) {
  return `${Number.isInteger(h) ? h : h.toFixed(1)} h`;
}

/** The portfolio as a sortable table (wide screens) or a list of cards (phones). */
export function PortfolioTable({ rows }: { rows: PortfolioRow[] }) {
  const [sort, setSort] = useState<{ key: PortfolioSortKey; dir: SortDir }>({ key: "name", dir: "asc" });
  const sorted = useMemo(() => sortPortfolioRows(rows, sort.key, sort.dir), [rows, sort]);
  const click = (key: PortfolioSortKey) => setSort((s) => ({ key, dir: nextSortDir(s, key) }));
  const ariaSort = (key: PortfolioSortKey) => (sort.key === key ? (sort.dir === "asc" ? "ascending" : "descending") : "none");
  const arrow = (key: PortfolioSortKey) => (sort.key === key ? (sort.dir === "asc" ? "▲" : "▼") : "↕");

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-2 md:hidden" role="group" aria-label="Sort projects">
        <span className="text-sm text-slate-600">Sort by</span>
        {COLUMNS.map((c) => (
          <button key={c.key} type="button" onClick={() => click(c.key)} aria-pressed={sort.key === c.key}
            className={`rounded-full border px-3 py-1 text-xs font-medium ${sort.key === c.key ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white text-slate-700"}`}>
            {c.key === "name" ? "Name" : c.key === "blockers" ? "Blockers" : c.key === "date" ? "Date" : "Score"} {sort.key === c.key ? arrow(c.key) : ""}
          </button>
        ))}
      </div>

      <ul className="space-y-3 md:hidden" aria-label="Projects">
        {sorted.map((r) => (
          <li key={r.slug}>
            <Link href={`/projects/${r.slug}`} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-slate-400">
              <div className="flex items-start justify-between gap-2">
                <span className="min-w-0 break-words font-medium">{r.name}</span>
                <VerdictBadge value={r.verdict} size="sm" />
              </div>
              <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
                <div><dt className="text-xs text-slate-500">Score</dt><dd className="font-semibold tabular-nums">{formatScore(r.scorePercent)}</dd></div>
                <div><dt className="text-xs text-slate-500">Blockers</dt><dd className="font-semibold tabular-nums">{r.openBlockers} · {hours(r.openBlockerHours)}</dd></div>
                <div><dt className="text-xs text-slate-500">Launch</dt><dd className="font-semibold tabular-nums">{r.launchDate ?? "—"}</dd></div>
              </dl>
            </Link>
          </li>
        ))}
      </ul>

      <div className="hidden overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm md:block">
        <table className="w-full text-sm">
          <caption className="sr-only">Your projects; select a column header to sort</caption>
          <thead className="bg-slate-50 text-left text-xs text-slate-600">
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" aria-sort={ariaSort(c.key)} className={`px-4 py-2 font-medium ${c.align === "right" ? "text-right" : ""}`}>
                  <button type="button" onClick={() => click(c.key)} className="inline-flex items-center gap-1 rounded hover:text-slate-900">
                    {c.label} <span aria-hidden className="text-[10px]">{arrow(c.key)}</span>
                  </button>
                </th>
              ))}
              <th scope="col" className="px-4 py-2 font-medium">Verdict</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {sorted.map((r) => (
              <tr key={r.slug} className="hover:bg-slate-50">
                <td className="px-4 py-3">
                  <Link href={`/projects/${r.slug}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">{r.name}</Link>
                  <div className="text-xs text-slate-500">{r.slug} · {r.role}</div>
                </td>
                <td className="px-4 py-3 text-right font-semibold tabular-nums">{formatScore(r.scorePercent)}</td>
                <td className="px-4 py-3 text-right tabular-nums">{r.openBlockers} <span className="text-slate-500">· {hours(r.openBlockerHours)}</span></td>
                <td className="px-4 py-3 text-right tabular-nums">{r.launchDate ?? "—"}</td>
                <td className="px-4 py-3"><VerdictBadge value={r.verdict} size="sm" /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

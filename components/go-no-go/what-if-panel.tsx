"use client";

import { useRef, useState } from "react";
import { VerdictBadge } from "@/components/readiness/verdict-badge";
import type { GateId, VerdictValue } from "@/lib/domain";

interface Option { id: string; label: string; hours?: number }
interface Result { scorePercent: number | null; verdict: VerdictValue; summary: string; date: string | null; p85Date: string | null; remainingHours: number; openP1: number }

/** Tick items or gates as done; the server recomputes score, verdict and dates without saving anything. */
export function WhatIfPanel({ slug, asOf, items, gates, current }: {
  slug: string; asOf: string; items: Option[]; gates: { id: GateId; label: string }[]; current: Result;
}) {
  const [doneItems, setDoneItems] = useState<Set<string>>(new Set());
  const [passed, setPassed] = useState<Set<GateId>>(new Set());
  const [result, setResult] = useState<Result>(current);
  const [state, setState] = useState<"idle" | "loading" | "error">("idle");
  const [message, setMessage] = useState("");
  const latest = useRef(0);

  async function recompute(nextItems: Set<string>, nextGates: Set<GateId>) {
    setState("loading");
    const ticket = ++latest.current;
    try {
      const res = await fetch(`/api/v1/projects/${encodeURIComponent(slug)}/readiness/what-if?asOf=${asOf}`, {
        method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify({ itemIds: [...nextItems], gates: [...nextGates] }),
      });
      const body = await res.json();
      if (ticket !== latest.current) return; // a newer request is on its way
      if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
      setResult(body); setState("idle");
    } catch (err) {
      if (ticket !== latest.current) return;
      setMessage(err instanceof Error ? err.message : String(err)); setState("error");
    }
  }
  const toggle = <T,>(set: Set<T>, value: T) => { const next = new Set(set); if (next.has(value)) next.delete(value); else next.add(value); return next; };

  return (
    <div className="space-y-3 text-sm" data-testid="what-if">
      <div role="status" aria-live="polite" className="flex flex-wrap items-center gap-3 rounded-md bg-slate-50 p-3">
        <VerdictBadge value={result.verdict} testId="what-if-verdict" />
        <span>Score <strong data-testid="what-if-score">{result.scorePercent === null ? "—" : `${result.scorePercent.toFixed(1)}%`}</strong></span>
        <span>{result.openP1} open P1 · {result.remainingHours} h</span>
        <span>Launch <strong data-testid="what-if-launch">{result.date ?? "—"}</strong> (P85 {result.p85Date ?? "—"})</span>
        {state === "loading" && <span className="text-slate-500">Recomputing…</span>}
      </div>
      {state === "error" && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-900">Could not recompute: {message}</p>}
      <p className="text-xs text-slate-500">Nothing is saved: this only shows what the figures would be.</p>
      {gates.length > 0 && (
        <fieldset>
          <legend className="font-semibold">Gates assumed to pass</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {gates.map((g) => (
              <label key={g.id} className="inline-flex items-center gap-1.5">
                <input type="checkbox" checked={passed.has(g.id)} onChange={() => { const next = toggle(passed, g.id); setPassed(next); void recompute(doneItems, next); }} />
                {g.label}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <fieldset>
        <legend className="font-semibold">Open P1 items assumed done</legend>
        {items.length === 0 ? <p className="text-slate-600">No open P1 item.</p> : (
          <div className="mt-1 max-h-72 space-y-1 overflow-y-auto pr-1">
            {items.map((i) => (
              <label key={i.id} className="flex items-start gap-1.5">
                <input type="checkbox" className="mt-0.5" checked={doneItems.has(i.id)} onChange={() => { const next = toggle(doneItems, i.id); setDoneItems(next); void recompute(next, passed); }} />
                <span className="min-w-0 break-words">{i.label}{i.hours !== undefined ? <span className="text-slate-500"> · {i.hours} h</span> : null}</span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
    </div>
  );
}

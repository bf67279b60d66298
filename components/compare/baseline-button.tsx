"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

/** A lead marks this run as the series' baseline (or unmarks it); the page refreshes. */
export function BaselineButton({ slug, runId, isBaseline }: { slug: string; runId: string; isBaseline: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function toggle() {
    setError(null);
    setBusy(true);
    try {
      const res = await fetch(`/api/v1/projects/${encodeURIComponent(slug)}/runs/${encodeURIComponent(runId)}/baseline`, { method: isBaseline ? "DELETE" : "PUT" });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setError(body?.error?.message ?? `The server answered ${res.status}`);
        return;
      }
      startTransition(() => router.refresh());
    } catch {
      setError("Could not reach the server; try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <button type="button" onClick={toggle} disabled={busy || pending} aria-pressed={isBaseline}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60">
        {busy || pending ? "Saving…" : isBaseline ? "Unmark baseline" : "Mark as baseline"}
      </button>
      {error && <p role="alert" className="text-xs text-red-700">{error}</p>}
    </div>
  );
}

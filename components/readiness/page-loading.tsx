/** Skeleton shown while a page's figures load. */
export function PageLoading({ label, blocks = 4 }: { label: string; blocks?: number }) {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <span className="sr-only">Loading {label}…</span>
      <div className="h-8 w-56 rounded bg-slate-200" />
      <div className="grid gap-4 md:grid-cols-2">
        {Array.from({ length: blocks }, (_, i) => (
          <div key={i} className="h-40 rounded-lg border border-slate-200 bg-white p-4">
            <div className="h-4 w-1/3 rounded bg-slate-200" />
            <div className="mt-4 h-3 w-2/3 rounded bg-slate-100" />
            <div className="mt-2 h-3 w-1/2 rounded bg-slate-100" />
          </div>
        ))}
      </div>
    </div>
  );
}

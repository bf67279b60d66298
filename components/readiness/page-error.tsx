"use client";

import { useEffect, useState } from "react";

const RETRY_SECONDS = 5;

/**
 * The error fallback of a page: a generic message and a retry button. When /api/health says the
 * database is down, it says so and retries by itself until the database is back.
 */
export function PageError({ error, retry, what = "this page" }: { error: unknown; retry: () => void; what?: string }) {
  const [dbDown, setDbDown] = useState(false);
  const [countdown, setCountdown] = useState(RETRY_SECONDS);
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;

  useEffect(() => {
    let cancelled = false;
    fetch("/api/health", { cache: "no-store" })
      .then((r) => { if (!cancelled) setDbDown(r.status === 503); })
      .catch(() => { if (!cancelled) setDbDown(true); });
    return () => { cancelled = true; };
  }, [error]);

  useEffect(() => {
    if (!dbDown) return;
    const t = setInterval(() => {
      setCountdown((c) => {
        if (c > 1) return c - 1;
        fetch("/api/health", { cache: "no-store" })
          .then((r) => { if (r.ok) retry(); })
          .catch(() => {});
        return RETRY_SECONDS;
      });
    }, 1000);
    return () => clearInterval(t);
  }, [dbDown, retry]);

  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-white p-6 text-center shadow-sm">
      {dbDown ? (
        <>
          <h2 className="text-lg font-semibold text-slate-900">Database unavailable, retrying</h2>
          <p className="mt-2 text-sm text-slate-600">The figures of {what} cannot be loaded right now. Trying again in {countdown} s…</p>
        </>
      ) : (
        <>
          <h2 className="text-lg font-semibold text-slate-900">Something went wrong</h2>
          <p className="mt-2 text-sm text-slate-600">
            {what[0].toUpperCase() + what.slice(1)} could not be shown. It has been logged{digest ? ` (reference ${digest})` : ""}.
          </p>
        </>
      )}
      <button type="button" onClick={() => retry()}
        className="mt-4 rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
        Try again
      </button>
    </div>
  );
}

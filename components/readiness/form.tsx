"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/server/actions/project-action";

export const inputClass = "mt-1 block w-full min-w-0 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-blue-500 aria-[invalid=true]:border-red-500";
export const buttonClass = {
  primary: "inline-flex items-center justify-center rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60",
  secondary: "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60",
  danger: "inline-flex items-center justify-center rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60",
  link: "text-sm font-medium text-blue-700 underline hover:text-blue-900 disabled:opacity-60",
};

export type { ActionResult };

/** Field errors from a 422's details, keyed by the first path segment. */
export function fieldErrors(error: { details?: unknown } | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!error || !Array.isArray(error.details)) return out;
  for (const d of error.details as { path?: string; message?: string }[]) {
    const key = (d.path ?? "").split(".")[0] || "_";
    if (d.message && !out[key]) out[key] = d.message;
  }
  return out;
}

/** Runs a server action, keeps its error, and refreshes the page's server data when it succeeds. */
export function useAction<A extends unknown[], T>(action: (...args: A) => Promise<ActionResult<T>>) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<{ code: string; message: string; details?: unknown; status: number } | null>(null);
  const run = (...args: A): Promise<ActionResult<T>> =>
    new Promise((resolve) => {
      startTransition(async () => {
        let res: ActionResult<T>;
        try {
          res = await action(...args);
        } catch {
          res = { ok: false, error: { code: "network", status: 0, message: "The server could not be reached. Try again." } };
        }
        setError(res.ok ? null : res.error);
        if (res.ok) router.refresh();
        resolve(res);
      });
    });
  return { run, pending, error, setError, fields: fieldErrors(error) };
}

export function FormError({ error, id }: { error: { message: string; status: number } | null; id?: string }) {
  if (!error) return null;
  return (
    <p id={id} role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      {error.status === 409 ? "Conflict: " : ""}{error.message}
    </p>
  );
}

export function Field({ label, htmlFor, error, hint, children, className = "" }: {
  label: string; htmlFor: string; error?: string; hint?: string; children: React.ReactNode; className?: string;
}) {
  return (
    <div className={`min-w-0 ${className}`}>
      <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-700">{label}</label>
      {children}
      {hint && !error && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
      {error && <p id={`${htmlFor}-error`} className="mt-1 text-xs text-red-700">{error}</p>}
    </div>
  );
}

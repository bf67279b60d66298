"use client";

import { revokeRiskAction } from "@/lib/server/actions/go-no-go-actions";
import { buttonClass, useAction } from "../readiness/form";

/** Leads: withdraw a risk acceptance (the item or gate blocks again). */
export function RevokeButton({ slug, id, label }: { slug: string; id: string; label: string }) {
  const { run, pending, error } = useAction(revokeRiskAction);
  return (
    <span className="no-print inline-flex flex-col items-end">
      <button type="button" className={buttonClass.danger} disabled={pending} aria-label={`Revoke acceptance: ${label}`}
        onClick={() => { if (window.confirm(`Revoke the risk acceptance of “${label}”? It will block again.`)) void run(slug, { id }); }}>
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {error && <span role="alert" className="mt-1 text-xs text-red-700">{error.message}</span>}
    </span>
  );
}

"use client";

import { useState } from "react";
import { createShareLinkAction, revokeShareLinkAction } from "@/lib/server/actions/share-link-actions";
import type { ShareLinkDto } from "@/lib/server/share-links/manage-share-links";
import { buttonClass, Field, FormError, inputClass, useAction } from "../readiness/form";
import { CopyButton } from "./copy-button";

const when = (iso: string) => iso.slice(0, 16).replace("T", " ");
const STATUS: Record<ShareLinkDto["status"], string> = {
  active: "bg-green-50 text-green-800", expired: "bg-slate-100 text-slate-700", revoked: "bg-red-50 text-red-800",
};

function LinkItem({ slug, l }: { slug: string; l: ShareLinkDto }) {
  const revoke = useAction(revokeShareLinkAction);
  return (
    <li className="py-2 text-sm" data-testid="share-link">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium"><code className="font-mono">/share/{l.prefix}…</code>{" "}
            <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS[l.status]}`}>{l.status}</span></p>
          <p className="text-xs text-slate-600">by {l.createdBy} · created {when(l.createdAt)} · {l.status === "expired" ? "expired" : "expires"} {when(l.expiresAt)}
            {l.revokedAt ? ` · revoked ${when(l.revokedAt)}` : ""} · {l.views} view{l.views === 1 ? "" : "s"}</p>
        </div>
        {l.status === "active" && (
          <button type="button" className={buttonClass.danger} disabled={revoke.pending} aria-label={`Revoke share link ${l.prefix}`}
            onClick={() => { if (window.confirm("Revoke this link? Anyone using it will see “This link does not work”.")) void revoke.run(slug, { id: l.id }); }}>Revoke</button>
        )}
      </div>
      {l.recentViews.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs text-slate-600">Recent views</summary>
          <ul className="mt-1 space-y-0.5 text-xs text-slate-700" aria-label={`Views of ${l.prefix}`}>
            {l.recentViews.map((v, i) => <li key={i}>{when(v.at)} UTC · {v.clientIp} · {v.path === "page" ? "Go/No-Go page" : "Markdown report"}</li>)}
          </ul>
        </details>
      )}
      {revoke.error && <p role="alert" className="text-xs text-red-700">{revoke.error.message}</p>}
    </li>
  );
}

/** Leads: expiring, revocable read-only links to the Go/No-Go page and report. A new link is shown once. */
export function ShareLinksEditor({ slug, links }: { slug: string; links: ShareLinkDto[] }) {
  const [days, setDays] = useState("14");
  const [local, setLocal] = useState<string | null>(null);
  const [created, setCreated] = useState<{ url: string; expiresAt: string } | null>(null);
  const create = useAction(createShareLinkAction);
  const dayError = local ?? create.fields.expiresInDays;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const d = Number(days);
    if (days.trim() === "" || !Number.isInteger(d) || d < 1 || d > 365) { setLocal("Days must be a whole number from 1 to 365."); return; }
    setLocal(null);
    const res = await create.run(slug, { expiresInDays: d });
    if (res.ok) setCreated({ url: res.data.url, expiresAt: res.data.expiresAt });
  }

  return (
    <div className="space-y-3">
      {created && (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm">
          <p>Link created, valid until {when(created.expiresAt)} UTC. Copy it now: it is stored hashed and <strong>cannot be shown again</strong>.</p>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <code className="break-all rounded bg-white px-2 py-1 font-mono text-sm" data-testid="new-share-link">{created.url}</code>
            <CopyButton text={created.url} label="Copy link" />
          </div>
          <button type="button" className={`${buttonClass.link} mt-2`} onClick={() => setCreated(null)}>Done</button>
        </div>
      )}
      <form onSubmit={submit} noValidate aria-label="Create share link" className="flex flex-wrap items-end gap-2">
        <Field label="Expires in days" htmlFor="share-days" error={dayError} className="w-40">
          <input id="share-days" type="number" min={1} max={365} className={inputClass} value={days} onChange={(e) => setDays(e.target.value)} aria-invalid={!!dayError} />
        </Field>
        <button type="submit" className={buttonClass.primary} disabled={create.pending}>{create.pending ? "Creating…" : "Create link"}</button>
      </form>
      <FormError error={create.error && create.error.status !== 422 ? create.error : null} />
      {links.length === 0 ? <p className="text-sm text-slate-600">No share links yet.</p> : (
        <ul className="divide-y divide-slate-100" aria-label="Share links">{links.map((l) => <LinkItem key={l.id} slug={slug} l={l} />)}</ul>
      )}
    </div>
  );
}

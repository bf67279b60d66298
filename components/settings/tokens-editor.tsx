"use client";

import { useState } from "react";
import { createTokenAction, revokeTokenAction } from "@/lib/server/actions/settings-actions";
import { buttonClass, Field, FormError, inputClass, useAction } from "../readiness/form";
import { CopyButton } from "./copy-button";

export interface TokenRow { id: string; name: string; role: string; prefix: string; createdAt: string; lastUsedAt: string | null; expiresAt: string | null; revokedAt: string | null }
const ROLES = ["VIEWER", "ENGINEER", "LEAD"] as const;
const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace("T", " ") : "never");

function TokenItem({ slug, t }: { slug: string; t: TokenRow }) {
  const revoke = useAction(revokeTokenAction);
  const expired = t.expiresAt !== null && t.expiresAt < new Date().toISOString();
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <div className="min-w-0 text-sm">
        <p className="font-medium">{t.name} <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">{t.role}</span></p>
        <p className="text-xs text-slate-600"><code className="font-mono">{t.prefix}…</code> · created {when(t.createdAt)} · last used {when(t.lastUsedAt)}
          {t.expiresAt ? ` · ${expired ? "expired" : "expires"} ${t.expiresAt.slice(0, 10)}` : ""}{t.revokedAt ? ` · revoked ${when(t.revokedAt)}` : ""}</p>
      </div>
      {!t.revokedAt && (
        <button type="button" className={buttonClass.danger} disabled={revoke.pending} aria-label={`Revoke token ${t.name}`}
          onClick={() => { if (window.confirm(`Revoke the token “${t.name}”? Pipelines using it will get 401.`)) void revoke.run(slug, { id: t.id }); }}>Revoke</button>
      )}
      {revoke.error && <p role="alert" className="w-full text-xs text-red-700">{revoke.error.message}</p>}
    </li>
  );
}

/** Leads: project API tokens for CI. A new token is shown once. */
export function TokensEditor({ slug, tokens }: { slug: string; tokens: TokenRow[] }) {
  const [name, setName] = useState("");
  const [role, setRole] = useState<(typeof ROLES)[number]>("ENGINEER");
  const [days, setDays] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const create = useAction(createTokenAction);
  const errs = { ...create.fields, ...local };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const out: Record<string, string> = {};
    if (!name.trim()) out.name = "Give the token a name.";
    const d = days.trim() === "" ? null : Number(days);
    if (d !== null && (!Number.isInteger(d) || d < 1 || d > 3650)) out.expiresInDays = "Days must be a whole number 1–3650, or empty for no expiry.";
    setLocal(out);
    if (Object.keys(out).length) return;
    const res = await create.run(slug, { name: name.trim(), role, expiresInDays: d });
    if (res.ok) {
      setCreated({ name: res.data.name, token: res.data.token });
      setName(""); setDays("");
    }
  }

  const active = tokens.filter((t) => !t.revokedAt);
  const revoked = tokens.filter((t) => t.revokedAt);
  return (
    <div className="space-y-3">
      {created && (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm">
          <p>Token “{created.name}” created. Copy it now: it is stored hashed and <strong>cannot be shown again</strong>.</p>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <code className="break-all rounded bg-white px-2 py-1 font-mono text-sm" data-testid="new-token">{created.token}</code>
            <CopyButton text={created.token} label="Copy token" />
          </div>
          <button type="button" className={`${buttonClass.link} mt-2`} onClick={() => setCreated(null)}>Done</button>
        </div>
      )}
      <form onSubmit={submit} noValidate aria-label="Create API token" className="grid items-end gap-2 sm:grid-cols-[2fr_1fr_1fr_auto]">
        <Field label="Token name" htmlFor="token-name" error={errs.name}>
          <input id="token-name" className={inputClass} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. CI pipeline" aria-invalid={!!errs.name} />
        </Field>
        <Field label="Role" htmlFor="token-role" error={errs.role}>
          <select id="token-role" className={inputClass} value={role} onChange={(e) => setRole(e.target.value as (typeof ROLES)[number])}>
            {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </Field>
        <Field label="Expires in days" htmlFor="token-days" error={errs.expiresInDays}>
          <input id="token-days" type="number" min={1} max={3650} className={inputClass} value={days} onChange={(e) => setDays(e.target.value)} placeholder="never" />
        </Field>
        <button type="submit" className={buttonClass.primary} disabled={create.pending}>{create.pending ? "Creating…" : "Create token"}</button>
      </form>
      <FormError error={create.error && create.error.status !== 422 ? create.error : null} />
      {active.length === 0 ? <p className="text-sm text-slate-600">No active tokens.</p> : (
        <ul className="divide-y divide-slate-100" aria-label="API tokens">{active.map((t) => <TokenItem key={t.id} slug={slug} t={t} />)}</ul>
      )}
      {revoked.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-600">{revoked.length} revoked token{revoked.length === 1 ? "" : "s"}</summary>
          <ul className="divide-y divide-slate-100">{revoked.map((t) => <TokenItem key={t.id} slug={slug} t={t} />)}</ul>
        </details>
      )}
    </div>
  );
}

"use client";

import { useState } from "react";
import { WEBHOOK_EVENT_LABEL, WEBHOOK_EVENTS, type DeliveredEvent, type WebhookEvent } from "@/lib/domain/webhooks/events";
import { createWebhookAction, deleteWebhookAction, sendTestWebhookAction } from "@/lib/server/actions/webhook-actions";
import type { WebhookDto } from "@/lib/server/webhooks/manage-webhooks";
import { buttonClass, Field, FormError, inputClass, useAction } from "../readiness/form";

const when = (iso: string) => iso.slice(0, 19).replace("T", " ");
const STATUS: Record<string, string> = { DELIVERED: "bg-green-50 text-green-800", PENDING: "bg-amber-50 text-amber-900", FAILED: "bg-red-50 text-red-800" };

function randomSecret(): string {
  const b = new Uint8Array(24);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

function Endpoint({ slug, w }: { slug: string; w: WebhookDto }) {
  const remove = useAction(deleteWebhookAction);
  const test = useAction(sendTestWebhookAction);
  return (
    <li className="space-y-2 py-3 text-sm" data-testid="webhook">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="break-all font-medium">{w.url}</p>
          <p className="text-xs text-slate-600">{w.format === "slack" ? "Slack" : "JSON"} · secret {w.secretHint} · {w.events.length === 0 ? "all events" : w.events.join(", ")}</p>
        </div>
        <div className="flex gap-2">
          <button type="button" className={buttonClass.secondary} disabled={test.pending} onClick={() => void test.run(slug, { id: w.id })}>{test.pending ? "Queuing…" : "Send test event"}</button>
          <button type="button" className={buttonClass.danger} disabled={remove.pending} aria-label={`Delete webhook ${w.url}`}
            onClick={() => { if (window.confirm(`Delete the webhook to ${w.url}? Its delivery log goes with it.`)) void remove.run(slug, { id: w.id }); }}>Delete</button>
        </div>
      </div>
      {(test.error ?? remove.error) && <p role="alert" className="text-xs text-red-700">{(test.error ?? remove.error)!.message}</p>}
      {w.deliveries.length === 0 ? <p className="text-xs text-slate-600">No deliveries yet.</p> : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-xs" aria-label={`Deliveries to ${w.url}`}>
            <thead className="text-slate-500"><tr><th className="py-1 pr-2 font-medium">When (UTC)</th><th className="pr-2 font-medium">Event</th><th className="pr-2 font-medium">Status</th><th className="pr-2 font-medium">Attempts</th><th className="font-medium">Last answer</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {w.deliveries.map((d) => (
                <tr key={d.id} data-testid="webhook-delivery">
                  <td className="whitespace-nowrap py-1 pr-2 tabular-nums">{when(d.createdAt)}</td>
                  <td className="pr-2">{WEBHOOK_EVENT_LABEL[d.event as DeliveredEvent] ?? d.event}</td>
                  <td className="pr-2"><span className={`rounded px-1.5 py-0.5 font-medium ${STATUS[d.status] ?? ""}`}>{d.status.toLowerCase()}</span></td>
                  <td className="pr-2 tabular-nums">{d.attempts}</td>
                  <td className="break-all">{d.lastStatusCode ?? ""}{d.lastError && d.lastStatusCode === null ? d.lastError : ""}{d.nextAttemptAt ? ` · next ${when(d.nextAttemptAt)}` : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </li>
  );
}

/** Leads: webhook endpoints (JSON or Slack), signed deliveries, and the delivery log. */
export function WebhooksEditor({ slug, webhooks }: { slug: string; webhooks: WebhookDto[] }) {
  const [url, setUrl] = useState("");
  const [secret, setSecret] = useState("");
  const [format, setFormat] = useState<"json" | "slack">("json");
  const [all, setAll] = useState(true);
  const [events, setEvents] = useState<WebhookEvent[]>([]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const create = useAction(createWebhookAction);
  const errs = { ...create.fields, ...local };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const out: Record<string, string> = {};
    if (!/^https?:\/\/\S+$/i.test(url.trim())) out.url = "Enter an http:// or https:// URL.";
    if (secret.length < 16) out.secret = "The secret must be at least 16 characters (Generate makes one).";
    if (!all && events.length === 0) out.events = "Pick at least one event, or all events.";
    setLocal(out);
    if (Object.keys(out).length) return;
    const res = await create.run(slug, { url: url.trim(), secret, format, events: all ? [] : events });
    if (res.ok) { setUrl(""); setSecret(""); setEvents([]); setAll(true); }
  }

  return (
    <div className="space-y-3">
      <form onSubmit={submit} noValidate aria-label="Add webhook" className="space-y-2">
        <div className="grid gap-2 sm:grid-cols-[2fr_1fr]">
          <Field label="Endpoint URL" htmlFor="wh-url" error={errs.url}>
            <input id="wh-url" className={inputClass} value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://hooks.example.com/launchgate" aria-invalid={!!errs.url} />
          </Field>
          <Field label="Format" htmlFor="wh-format">
            <select id="wh-format" className={inputClass} value={format} onChange={(e) => setFormat(e.target.value as "json" | "slack")}>
              <option value="json">JSON (signed)</option>
              <option value="slack">Slack incoming webhook</option>
            </select>
          </Field>
        </div>
        <Field label="Signing secret" htmlFor="wh-secret" error={errs.secret} hint="Receivers check X-Launchgate-Signature with it; it is not shown again.">
          <div className="flex gap-2">
            <input id="wh-secret" className={inputClass} value={secret} onChange={(e) => setSecret(e.target.value)} aria-invalid={!!errs.secret} autoComplete="off" />
            <button type="button" className={`${buttonClass.secondary} mt-1`} onClick={() => setSecret(randomSecret())}>Generate</button>
          </div>
        </Field>
        <fieldset className="text-sm">
          <legend className="font-medium text-slate-700">Events</legend>
          <label className="mt-1 flex items-center gap-2"><input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> All events</label>
          {!all && (
            <div className="mt-1 grid gap-1 sm:grid-cols-2">
              {WEBHOOK_EVENTS.map((ev) => (
                <label key={ev} className="flex items-center gap-2">
                  <input type="checkbox" checked={events.includes(ev)} onChange={(e) => setEvents(e.target.checked ? [...events, ev] : events.filter((x) => x !== ev))} />
                  {WEBHOOK_EVENT_LABEL[ev]} <code className="text-xs text-slate-500">{ev}</code>
                </label>
              ))}
            </div>
          )}
          {errs.events && <p className="mt-1 text-xs text-red-700">{errs.events}</p>}
        </fieldset>
        <button type="submit" className={buttonClass.primary} disabled={create.pending}>{create.pending ? "Adding…" : "Add webhook"}</button>
      </form>
      <FormError error={create.error && create.error.status !== 422 ? create.error : null} />
      {webhooks.length === 0 ? <p className="text-sm text-slate-600">No webhooks yet.</p> : (
        <ul className="divide-y divide-slate-100" aria-label="Webhooks">{webhooks.map((w) => <Endpoint key={w.id} slug={slug} w={w} />)}</ul>
      )}
    </div>
  );
}

"use client";

import { useState } from "react";
import { createSeriesAction, updateSeriesAction } from "@/lib/server/actions/series-actions";
import type { SeriesDto } from "@/lib/server/series/manage-series";
import { buttonClass, Field, FormError, inputClass, useAction } from "../readiness/form";

function EvidenceBadge({ on }: { on: boolean }) {
  return on
    ? <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-800">launch evidence</span>
    : <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600">not launch evidence</span>;
}

function SeriesRow({ slug, s, canEdit }: { slug: string; s: SeriesDto; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(s.name);
  const [environment, setEnvironment] = useState(s.environment);
  const [description, setDescription] = useState(s.description ?? "");
  const update = useAction(updateSeriesAction);
  const [evidence, setEvidence] = useState(s.launchEvidence);
  const id = `series-${s.slug}`;
  return (
    <li className="py-3" data-testid={id}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">{s.name}</span>
        <code className="rounded bg-slate-100 px-1 text-xs text-slate-700">{s.slug}</code>
        <span className="text-xs text-slate-600">{s.environment}</span>
        <EvidenceBadge on={evidence} />
        <span className="text-xs text-slate-500">
          {s.runCount} run{s.runCount === 1 ? "" : "s"}{s.latestRunDate ? `, latest ${s.latestRunDate}` : ""}
        </span>
      </div>
      {s.description && !editing && <p className="mt-1 text-sm text-slate-600">{s.description}</p>}
      {canEdit && (
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" checked={evidence} disabled={update.pending}
              onChange={async (e) => {
                const next = e.target.checked;
                setEvidence(next);
                const res = await update.run(slug, { slug: s.slug, patch: { launchEvidence: next } });
                if (!res.ok) setEvidence(!next);
              }} />
            Launch evidence (feeds capacity, anomalies and gates 2–4)
          </label>
          {!editing && <button type="button" className={buttonClass.secondary} onClick={() => setEditing(true)} aria-label={`Edit series ${s.name}`}>Edit</button>}
        </div>
      )}
      {canEdit && editing && (
        <form className="mt-2 grid gap-2 sm:grid-cols-3" aria-label={`Edit series ${s.name}`} noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const res = await update.run(slug, { slug: s.slug, patch: { name: name.trim(), environment: environment.trim(), description: description.trim() || null } });
            if (res.ok) setEditing(false);
          }}>
          <Field label="Name" htmlFor={`${id}-name`}><input id={`${id}-name`} className={inputClass} value={name} onChange={(e) => setName(e.target.value)} /></Field>
          <Field label="Environment" htmlFor={`${id}-env`}><input id={`${id}-env`} className={inputClass} value={environment} onChange={(e) => setEnvironment(e.target.value)} /></Field>
          <Field label="Description" htmlFor={`${id}-desc`}><input id={`${id}-desc`} className={inputClass} value={description} onChange={(e) => setDescription(e.target.value)} /></Field>
          <div className="flex gap-2 sm:col-span-3">
            <button type="submit" className={buttonClass.primary} disabled={update.pending}>Save</button>
            <button type="button" className={buttonClass.secondary} onClick={() => setEditing(false)}>Cancel</button>
          </div>
        </form>
      )}
      <div className="mt-1"><FormError error={update.error} /></div>
    </li>
  );
}

function AddSeries({ slug }: { slug: string }) {
  const [name, setName] = useState("");
  const [environment, setEnvironment] = useState("staging");
  const [description, setDescription] = useState("");
  const [launchEvidence, setLaunchEvidence] = useState(false);
  const add = useAction(createSeriesAction);
  const f = add.fields;
  return (
    <form className="grid gap-3 border-t border-slate-200 pt-3 sm:grid-cols-3" aria-label="Add series" noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const res = await add.run(slug, { name: name.trim(), environment: environment.trim(), description: description.trim() || null, launchEvidence });
        if (res.ok) { setName(""); setDescription(""); setLaunchEvidence(false); }
      }}>
      <Field label="New series" htmlFor="series-new-name" error={f.name} hint="One repeatable test of one system, e.g. Checkout stress">
        <input id="series-new-name" className={inputClass} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!f.name} />
      </Field>
      <Field label="Environment" htmlFor="series-new-env" error={f.environment} hint="e.g. staging, prod-like">
        <input id="series-new-env" className={inputClass} value={environment} onChange={(e) => setEnvironment(e.target.value)} aria-invalid={!!f.environment} />
      </Field>
      <Field label="Description (optional)" htmlFor="series-new-desc" error={f.description}>
        <input id="series-new-desc" className={inputClass} value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      <label className="flex items-center gap-2 text-sm text-slate-800 sm:col-span-2">
        <input type="checkbox" checked={launchEvidence} onChange={(e) => setLaunchEvidence(e.target.checked)} />
        Launch evidence
      </label>
      <div className="sm:text-right"><button type="submit" className={buttonClass.primary} disabled={add.pending}>Add series</button></div>
      <div className="sm:col-span-3"><FormError error={add.error} /></div>
    </form>
  );
}

/** The Series section of Settings: every series with its flag; leads add, edit and mark launch evidence. */
export function SeriesEditor({ slug, series, canEdit }: { slug: string; series: SeriesDto[]; canEdit: boolean }) {
  return (
    <div className="space-y-2">
      {series.length === 0
        ? <p className="text-sm text-slate-600">No series yet: the first import creates the default series (launch evidence).</p>
        : <ul className="divide-y divide-slate-100" aria-label="Series">{series.map((s) => <SeriesRow key={s.slug} slug={slug} s={s} canEdit={canEdit} />)}</ul>}
      {canEdit && <AddSeries slug={slug} />}
    </div>
  );
}

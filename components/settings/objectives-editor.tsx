"use client";

import { useState } from "react";
import { createObjectiveAction, deleteObjectiveAction, updateObjectiveAction } from "@/lib/server/actions/settings-actions";
import { ZObjectiveFields } from "@/lib/server/schemas/project";
import { buttonClass, Field, FormError, inputClass, useAction } from "../readiness/form";

export interface ObjectiveRow { id: string; name: string; target: string; measured: string | null }

function ObjectiveForm({ slug, initial, onDone }: { slug: string; initial?: ObjectiveRow; onDone?: () => void }) {
  const [name, setName] = useState(initial?.name ?? "");
  const [target, setTarget] = useState(initial?.target ?? "");
  const [measured, setMeasured] = useState(initial?.measured ?? "");
  const [local, setLocal] = useState<Record<string, string>>({});
  const create = useAction(createObjectiveAction);
  const update = useAction(updateObjectiveAction);
  const a = initial ? update : create;
  const errs = { ...a.fields, ...local };
  const p = initial ? `obj-${initial.id}` : "obj-new";

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = ZObjectiveFields.safeParse({ name, target, measured: measured.trim() || null });
    if (!parsed.success) {
      const out: Record<string, string> = {};
      for (const i of parsed.error.issues) out[String(i.path[0])] ??= i.message;
      return setLocal(out);
    }
    setLocal({});
    const res = initial ? await update.run(slug, { id: initial.id, ...parsed.data }) : await create.run(slug, parsed.data);
    if (res.ok) {
      if (!initial) { setName(""); setTarget(""); setMeasured(""); }
      onDone?.();
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={initial ? `Edit objective ${initial.name}` : "Add objective"} className="space-y-2">
      <div className="grid gap-2 sm:grid-cols-3">
        <Field label="Name" htmlFor={`${p}-name`} error={errs.name}><input id={`${p}-name`} className={inputClass} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!errs.name} /></Field>
        <Field label="Target" htmlFor={`${p}-target`} error={errs.target} hint='e.g. "< 4 h"'><input id={`${p}-target`} className={inputClass} value={target} onChange={(e) => setTarget(e.target.value)} aria-invalid={!!errs.target} /></Field>
        <Field label="Measured" htmlFor={`${p}-measured`} error={errs.measured} hint="empty = not measured"><input id={`${p}-measured`} className={inputClass} value={measured} onChange={(e) => setMeasured(e.target.value)} aria-invalid={!!errs.measured} /></Field>
      </div>
      <FormError error={a.error && a.error.status !== 422 ? a.error : null} />
      <div className="flex gap-2">
        <button type="submit" className={buttonClass.primary} disabled={a.pending}>{initial ? "Save" : "Add objective"}</button>
        {onDone && initial && <button type="button" className={buttonClass.secondary} onClick={onDone}>Cancel</button>}
      </div>
    </form>
  );
}

function ObjectiveItem({ slug, o, canEdit }: { slug: string; o: ObjectiveRow; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const del = useAction(deleteObjectiveAction);
  if (editing) return <li className="py-3"><ObjectiveForm slug={slug} initial={o} onDone={() => setEditing(false)} /></li>;
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <div className="min-w-0 text-sm">
        <span className="font-medium">{o.name}</span> <span className="text-slate-600">target {o.target} · measured {o.measured ?? "—"}</span>
      </div>
      {canEdit && (
        <div className="flex gap-2">
          <button type="button" className={buttonClass.secondary} onClick={() => setEditing(true)} aria-label={`Edit ${o.name}`}>Edit</button>
          <button type="button" className={buttonClass.danger} disabled={del.pending} aria-label={`Delete ${o.name}`}
            onClick={() => { if (window.confirm(`Delete the objective “${o.name}”?`)) void del.run(slug, { id: o.id }); }}>Delete</button>
        </div>
      )}
      {del.error && <p role="alert" className="w-full text-xs text-red-700">{del.error.message}</p>}
    </li>
  );
}

export function ObjectivesEditor({ slug, objectives, canEdit }: { slug: string; objectives: ObjectiveRow[]; canEdit: boolean }) {
  return (
    <div className="space-y-4">
      {objectives.length === 0 ? <p className="text-sm text-slate-600">No objectives yet. They feed gate 5: every objective measured and met.</p> : (
        <ul className="divide-y divide-slate-100">{objectives.map((o) => <ObjectiveItem key={o.id} slug={slug} o={o} canEdit={canEdit} />)}</ul>
      )}
      {canEdit && <div className="border-t border-slate-200 pt-3"><ObjectiveForm slug={slug} /></div>}
    </div>
  );
}

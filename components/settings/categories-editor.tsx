"use client";

import { useState } from "react";
import { createCategoryAction, deleteCategoryAction, moveCategoryAction, updateCategoryAction } from "@/lib/server/actions/settings-actions";
import { buttonClass, inputClass, useAction } from "../readiness/form";

export interface CategoryRow { id: string; name: string; weight: number; position: number; evidenceValidDays: number | null; items: number }

/** "" = never expires; else whole days 1–3650. */
function parseValidity(text: string): { value: number | null; error: string | null } {
  if (text.trim() === "") return { value: null, error: null };
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 3650 ? { value: n, error: null } : { value: null, error: "Evidence validity must be 1–3650 days, or empty for none." };
}

function ValidityInput({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (v: string) => void }) {
  return (
    <div className="w-28">
      <label htmlFor={id} className="sr-only">{label}</label>
      <input id={id} type="number" min={1} max={3650} step="1" placeholder="no expiry" className={inputClass} value={value}
        onChange={(e) => onChange(e.target.value)} title="Evidence valid for (days); empty = never expires" />
    </div>
  );
}

function CategoryItem({ slug, c, first, last }: { slug: string; c: CategoryRow; first: boolean; last: boolean }) {
  const [name, setName] = useState(c.name);
  const [weight, setWeight] = useState(String(c.weight));
  const [validity, setValidity] = useState(c.evidenceValidDays === null ? "" : String(c.evidenceValidDays));
  const update = useAction(updateCategoryAction);
  const move = useAction(moveCategoryAction);
  const del = useAction(deleteCategoryAction);
  const dirty = name !== c.name || weight !== String(c.weight) || validity !== (c.evidenceValidDays === null ? "" : String(c.evidenceValidDays));
  const w = Number(weight);
  const v = parseValidity(validity);
  const invalid = name.trim() === "" ? "Name is required." : weight.trim() === "" || !Number.isFinite(w) || w < 0 || w > 100 ? "Weight must be 0–100." : v.error;
  const error = update.error ?? move.error ?? del.error;
  return (
    <li className="py-2">
      <form className="flex flex-wrap items-end gap-2" aria-label={`Category ${c.name}`} noValidate
        onSubmit={(e) => { e.preventDefault(); if (!invalid) void update.run(slug, { id: c.id, name: name.trim(), weight: w, evidenceValidDays: v.value }); }}>
        <div className="min-w-0 flex-1 basis-40">
          <label htmlFor={`cat-${c.id}-name`} className="sr-only">Name of {c.name}</label>
          <input id={`cat-${c.id}-name`} className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="w-20">
          <label htmlFor={`cat-${c.id}-weight`} className="sr-only">Weight of {c.name}</label>
          <input id={`cat-${c.id}-weight`} type="number" min={0} max={100} step="0.1" className={inputClass} value={weight} onChange={(e) => setWeight(e.target.value)} title="Weight" />
        </div>
        <ValidityInput id={`cat-${c.id}-validity`} label={`Evidence validity of ${c.name} (days)`} value={validity} onChange={setValidity} />
        <span className="w-16 pb-1.5 text-xs text-slate-500">{c.items} item{c.items === 1 ? "" : "s"}</span>
        <div className="flex gap-1">
          <button type="submit" className={buttonClass.primary} disabled={!dirty || !!invalid || update.pending}>Save</button>
          <button type="button" className={buttonClass.secondary} disabled={first || move.pending} aria-label={`Move ${c.name} up`} onClick={() => void move.run(slug, { id: c.id, direction: "up" })}>↑</button>
          <button type="button" className={buttonClass.secondary} disabled={last || move.pending} aria-label={`Move ${c.name} down`} onClick={() => void move.run(slug, { id: c.id, direction: "down" })}>↓</button>
          <button type="button" className={buttonClass.danger} disabled={c.items > 0 || del.pending} aria-label={`Delete ${c.name}`}
            title={c.items > 0 ? "Only an empty category can be deleted" : undefined}
            onClick={() => { if (window.confirm(`Delete the category “${c.name}”?`)) void del.run(slug, { id: c.id }); }}>Delete</button>
        </div>
      </form>
      {dirty && invalid && <p className="mt-1 text-xs text-red-700">{invalid}</p>}
      {error && <p role="alert" className="mt-1 text-xs text-red-700">{error.message}</p>}
    </li>
  );
}

function AddCategory({ slug }: { slug: string }) {
  const [name, setName] = useState("");
  const [weight, setWeight] = useState("1");
  const [validity, setValidity] = useState("");
  const [local, setLocal] = useState<string | null>(null);
  const add = useAction(createCategoryAction);
  return (
    <form className="flex flex-wrap items-end gap-2 border-t border-slate-200 pt-3" aria-label="Add category" noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const w = Number(weight);
        if (!name.trim()) return setLocal("Name is required.");
        if (weight.trim() === "" || !Number.isFinite(w) || w < 0 || w > 100) return setLocal("Weight must be 0–100.");
        const v = parseValidity(validity);
        if (v.error) return setLocal(v.error);
        setLocal(null);
        const res = await add.run(slug, { name: name.trim(), weight: w, evidenceValidDays: v.value });
        if (res.ok) { setName(""); setWeight("1"); setValidity(""); }
      }}>
      <div className="min-w-0 flex-1 basis-40">
        <label htmlFor="cat-new-name" className="block text-sm font-medium text-slate-700">New category</label>
        <input id="cat-new-name" className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="w-20">
        <label htmlFor="cat-new-weight" className="block text-sm font-medium text-slate-700">Weight</label>
        <input id="cat-new-weight" type="number" min={0} max={100} step="0.1" className={inputClass} value={weight} onChange={(e) => setWeight(e.target.value)} />
      </div>
      <div className="w-28">
        <label htmlFor="cat-new-validity" className="block text-sm font-medium text-slate-700">Valid (days)</label>
        <input id="cat-new-validity" type="number" min={1} max={3650} step="1" placeholder="no expiry" className={inputClass} value={validity} onChange={(e) => setValidity(e.target.value)} />
      </div>
      <button type="submit" className={buttonClass.primary} disabled={add.pending}>Add</button>
      {(local || add.error) && <p role="alert" className="w-full text-xs text-red-700">{local ?? add.error?.message}</p>}
    </form>
  );
}

export function CategoriesEditor({ slug, categories, canEdit }: { slug: string; categories: CategoryRow[]; canEdit: boolean }) {
  if (!canEdit) {
    return categories.length === 0 ? <p className="text-sm text-slate-600">No categories.</p> : (
      <ul className="divide-y divide-slate-100 text-sm">
        {categories.map((c) => <li key={c.id} className="flex justify-between py-1.5"><span>{c.name}</span><span className="text-slate-600">weight {c.weight} · evidence {c.evidenceValidDays === null ? "never expires" : `valid ${c.evidenceValidDays} days`} · {c.items} items</span></li>)}
      </ul>
    );
  }
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-600">Weight scales a category in the overall score (0 shows it without counting it). Evidence validity (days, empty = never expires): a DONE item whose evidence is older counts as not done until an engineer re-confirms it; Performance&apos;s validity also dates load-test runs. Only an empty category can be deleted.</p>
      {categories.length === 0 ? <p className="text-sm text-slate-600">No categories yet.</p> : (
        <ul className="divide-y divide-slate-100">
          {categories.map((c, i) => <CategoryItem key={`${c.id}-${c.name}-${c.weight}-${c.evidenceValidDays}`} slug={slug} c={c} first={i === 0} last={i === categories.length - 1} />)}
        </ul>
      )}
      <AddCategory slug={slug} />
    </div>
  );
}

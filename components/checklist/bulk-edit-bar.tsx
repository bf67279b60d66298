"use client";

import { useState } from "react";
import { buttonClass, FormError, useAction } from "@/components/readiness/form";
import { PRIORITIES } from "@/lib/domain/view/checklist-query";
import { bulkUpdateItemsAction } from "@/lib/server/actions/checklist-actions";
import type { CategoryOption } from "./checklist-types";

const KEEP = "";
const compact = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

/** Leads: set priority, category or owner on every selected item (across pages) in one change. */
export function BulkEditBar({ slug, ids, categories, onClear, onDone }: {
  slug: string; ids: string[]; categories: CategoryOption[]; onClear: () => void; onDone: (message: string) => void;
}) {
  const [priority, setPriority] = useState(KEEP);
  const [categoryId, setCategoryId] = useState(KEEP);
  const [owner, setOwner] = useState("");
  const [ownerMode, setOwnerMode] = useState<"keep" | "set" | "clear">("keep");
  const { run, pending, error } = useAction(bulkUpdateItemsAction);
  const set: Record<string, string | null> = {};
  if (priority) set.priority = priority;
  if (categoryId) set.categoryId = categoryId;
  if (ownerMode === "set" && owner.trim()) set.owner = owner.trim();
  if (ownerMode === "clear") set.owner = null;
  const nothing = Object.keys(set).length === 0;

  async function apply(e: React.FormEvent) {
    e.preventDefault();
    if (nothing) return;
    const res = await run(slug, { ids, set });
    if (res.ok) {
      setPriority(KEEP);
      setCategoryId(KEEP);
      setOwner("");
      setOwnerMode("keep");
      onDone(`Updated ${res.data.updated} item${res.data.updated === 1 ? "" : "s"}.`);
    }
  }

  return (
    <form onSubmit={apply} aria-label="Bulk edit" className="rounded-lg border border-blue-200 bg-blue-50 p-3" data-testid="bulk-bar">
      <div className="flex flex-wrap items-end gap-3">
        <p className="self-center text-sm font-medium text-blue-950">{ids.length} selected</p>
        <label className="text-sm text-slate-700">
          <span className="block text-xs font-medium">Priority</span>
          <select className={compact} value={priority} onChange={(e) => setPriority(e.target.value)} aria-label="Set priority">
            <option value={KEEP}>Keep</option>
            {PRIORITIES.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
        <label className="text-sm text-slate-700">
          <span className="block text-xs font-medium">Category</span>
          <select className={`${compact} max-w-44`} value={categoryId} onChange={(e) => setCategoryId(e.target.value)} aria-label="Set category">
            <option value={KEEP}>Keep</option>
            {categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        <div className="text-sm text-slate-700">
          <label htmlFor="bulk-owner-mode" className="block text-xs font-medium">Owner</label>
          <div className="flex gap-1">
            <select id="bulk-owner-mode" className={compact} value={ownerMode} onChange={(e) => setOwnerMode(e.target.value as typeof ownerMode)}>
              <option value="keep">Keep</option>
              <option value="set">Set to…</option>
              <option value="clear">Clear</option>
            </select>
            {ownerMode === "set" && (
              <input className={`${compact} w-36`} value={owner} onChange={(e) => setOwner(e.target.value)} aria-label="New owner" maxLength={200} placeholder="name" />
            )}
          </div>
        </div>
        <div className="flex gap-2">
          <button type="submit" className={buttonClass.primary} disabled={pending || nothing}>{pending ? "Applying…" : "Apply"}</button>
          <button type="button" className={buttonClass.secondary} onClick={onClear}>Clear selection</button>
        </div>
      </div>
      <div className="mt-2 empty:hidden"><FormError error={error} /></div>
    </form>
  );
}

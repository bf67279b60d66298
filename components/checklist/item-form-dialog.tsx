"use client";

import { useState } from "react";
import { buttonClass, Field, FormError, inputClass, useAction } from "@/components/readiness/form";
import { Dialog } from "@/components/ui/dialog";
import { ITEM_STATUSES, PRIORITIES } from "@/lib/domain/view/checklist-query";
import { PRIORITY_LABELS, STATUS_LABELS } from "@/lib/domain/view/checklist-format";
import { createItemAction, updateItemAction } from "@/lib/server/actions/checklist-actions";
import { buildItemPayload, changedFields, formFromItem, type ItemFormState } from "./item-form-model";
import { ConflictNotice } from "./item-conflict";
import type { CategoryOption, ChecklistItem } from "./checklist-types";

/**
 * Create (no `item`) or edit an item, for leads. Edits send only the changed fields with the version
 * the form was opened at; when someone else changed the item meanwhile the server answers 409 and
 * the dialog shows their values — the user may load them and redo the edit, nothing is overwritten.
 */
export function ItemFormDialog({ item, slug, categories, onClose, onSaved }: {
  item: ChecklistItem | null;
  slug: string;
  categories: CategoryOption[];
  onClose: () => void;
  onSaved: (item: ChecklistItem, created: boolean) => void;
}) {
  const [base, setBase] = useState<ChecklistItem | null>(item);
  const [form, setForm] = useState<ItemFormState>(() => formFromItem(item, categories[0]?.id ?? ""));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<{ current: ChecklistItem | null; message: string; keys: string[] } | null>(null);
  const create = useAction(createItemAction);
  const update = useAction(updateItemAction);
  const action = base ? update : create;
  const errors = { ...action.fields, ...clientErrors };
  const pending = action.pending;

  const set = (key: keyof ItemFormState) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => {
    const value = e.target instanceof HTMLInputElement && e.target.type === "checkbox" ? e.target.checked : e.target.value;
    setForm((f) => ({ ...f, [key]: value }));
    setClientErrors((c) => {
      if (!c[key]) return c;
      const next = { ...c };
      delete next[key];
      return next;
    });
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const built = buildItemPayload(form);
    setClientErrors(built.errors);
    if (!built.payload) return;
    if (!base) {
      const res = await create.run(slug, built.payload);
      if (res.ok) onSaved(res.data, true);
      return;
    }
    const patch = changedFields(base, built.payload);
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    const res = await update.run(slug, { itemId: base.id, patch: { ...patch, version: base.version } });
    if (res.ok) onSaved(res.data, false);
    else if (res.error.status === 409) {
      setConflict({ current: (res.error.details as { current?: ChecklistItem } | undefined)?.current ?? null, message: res.error.message, keys: Object.keys(patch) });
    }
  }

  function loadCurrent() {
    if (!conflict?.current) return;
    setBase(conflict.current);
    setForm(formFromItem(conflict.current, conflict.current.categoryId));
    setConflict(null);
    update.setError(null);
  }

  const field = (key: keyof ItemFormState) => ({
    id: `item-${key}`,
    name: key,
    "aria-invalid": errors[key] ? true : undefined,
    "aria-describedby": errors[key] ? `item-${key}-error` : undefined,
    className: inputClass,
  });

  return (
    <Dialog open onClose={onClose} title={base ? "Edit item" : "New item"} description={base ? base.title : "Add a checklist item"} size="lg" testId="item-dialog">
      <form onSubmit={submit} noValidate className="space-y-4">
        {conflict && (
          <ConflictNotice current={conflict.current} changedKeys={conflict.keys}>
            {conflict.current && (
              <div className="flex flex-wrap gap-2">
                <button type="button" className={buttonClass.primary} onClick={loadCurrent}>Load current values</button>
                <button type="button" className={buttonClass.secondary} onClick={onClose}>Discard my changes</button>
              </div>
            )}
          </ConflictNotice>
        )}
        <Field label="Title" htmlFor="item-title" error={errors.title}>
          <input {...field("title")} value={form.title} onChange={set("title")} maxLength={300} autoFocus required />
        </Field>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Category" htmlFor="item-categoryId" error={errors.categoryId}>
            <select {...field("categoryId")} value={form.categoryId} onChange={set("categoryId")}>
              {categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </Field>
          <Field label="Priority" htmlFor="item-priority" error={errors.priority}>
            <select {...field("priority")} value={form.priority} onChange={set("priority")}>
              {PRIORITIES.map((p) => <option key={p} value={p}>{PRIORITY_LABELS[p]}</option>)}
            </select>
          </Field>
          <Field label="Status" htmlFor="item-status" error={errors.status}>
            <select {...field("status")} value={form.status} onChange={set("status")}>
              {ITEM_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
            </select>
          </Field>
        </div>
        <fieldset className="grid gap-4 sm:grid-cols-3">
          <legend className="mb-1 text-sm font-medium text-slate-700">Estimate (hours)</legend>
          <Field label="Most likely" htmlFor="item-estimateHours" error={errors.estimateHours}>
            <input {...field("estimateHours")} inputMode="decimal" value={form.estimateHours} onChange={set("estimateHours")} />
          </Field>
          <Field label="Low" htmlFor="item-estimateLowHours" error={errors.estimateLowHours}>
            <input {...field("estimateLowHours")} inputMode="decimal" value={form.estimateLowHours} onChange={set("estimateLowHours")} />
          </Field>
          <Field label="High" htmlFor="item-estimateHighHours" error={errors.estimateHighHours}>
            <input {...field("estimateHighHours")} inputMode="decimal" value={form.estimateHighHours} onChange={set("estimateHighHours")} />
          </Field>
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Owner" htmlFor="item-owner" error={errors.owner}>
            <input {...field("owner")} value={form.owner} onChange={set("owner")} maxLength={200} />
          </Field>
          <Field label="Due date" htmlFor="item-dueDate" error={errors.dueDate}>
            <input {...field("dueDate")} type="date" value={form.dueDate} onChange={set("dueDate")} />
          </Field>
          <Field label="Source" htmlFor="item-source" error={errors.source} hint="Which review or test found it">
            <input {...field("source")} value={form.source} onChange={set("source")} maxLength={200} />
          </Field>
        </div>
        <Field label="Description" htmlFor="item-description" error={errors.description}>
          <textarea {...field("description")} rows={3} value={form.description} onChange={set("description")} maxLength={5000} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Evidence" htmlFor="item-evidence" error={errors.evidence} hint="Required when the status is Done" className="sm:col-span-2">
            <textarea {...field("evidence")} rows={2} value={form.evidence} onChange={set("evidence")} maxLength={5000} />
          </Field>
          <Field label="Evidence valid for (days)" htmlFor="item-evidenceValidDays" error={errors.evidenceValidDays}
            hint="Blank: the category's validity. Older evidence counts as not done.">
            <input {...field("evidenceValidDays")} type="number" min={1} max={3650} step={1} inputMode="numeric" value={form.evidenceValidDays} onChange={set("evidenceValidDays")} />
          </Field>
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="deferrable" checked={form.deferrable} onChange={set("deferrable")} className="size-4 accent-slate-900" />
          Deferrable (left out of the conditional launch projection)
        </label>
        {action.error?.status !== 409 && <FormError error={action.error} />}
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonClass.secondary} onClick={onClose}>Cancel</button>
          <button type="submit" className={buttonClass.primary} disabled={pending || (conflict !== null && conflict.current !== null)}>
            {pending ? "Saving…" : base ? "Save changes" : "Create item"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

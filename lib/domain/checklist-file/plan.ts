import type { ItemStatus } from "../types";
import type { TChecklistFile } from "./schema";
import { DEFINITION_FIELDS, definitionOf, type ChecklistState, type ItemDefinition } from "./state";
import { planCategories, type CategoryPlan, type CategoryWrites } from "./plan-categories";

export type FieldDiff = Record<string, { from: unknown; to: unknown }>;

/** What an apply would do, as the API answers it. */
export interface ChecklistPlan {
  create: { key: string; category: string; title: string; priority: string; estimateHours: number | null }[];
  update: { key: string; title: string; fields: FieldDiff; restore?: true }[];
  /** Items of the project the file does not name: left alone, or NOT_APPLICABLE with prune. */
  retire: { key: string; title: string; category: string; status: ItemStatus }[];
  unchanged: number;
  categories: CategoryPlan;
  prune: boolean;
}

/** The rows an apply writes; ids are the project's, categories by key for new ones. */
export interface ChecklistWrites {
  categories: CategoryWrites;
  createItems: (ItemDefinition & { key: string; categoryKey: string })[];
  updateItems: { id: string; key: string; categoryKey: string; definition: ItemDefinition; changed: FieldDiff; restoreStatus: ItemStatus | null }[];
  retireItems: { id: string; key: string; status: ItemStatus }[];
}

export type PlanResult = { ok: true; plan: ChecklistPlan; writes: ChecklistWrites } | { ok: false; issues: { path: string; message: string }[] };

export const RETIRED_REASON = "removed from the checklist file";

function same(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

/** True when an apply of the plan would change nothing. */
export function isEmptyPlan(plan: ChecklistPlan): boolean {
  return plan.create.length === 0 && plan.update.length === 0 && plan.retire.length === 0 && plan.categories.create.length === 0 && plan.categories.update.length === 0;
}

/**
 * Compares a file with the project: items matched by key; changed definitions become updates,
 * new keys creates, keys the file no longer names retires (written only with `prune`). Items a
 * load-test run opened are outside the file; items already retired are not listed again and come
 * back (with their earlier status) when their key returns.
 */
export function computeChecklistPlan(state: ChecklistState, file: TChecklistFile, opts: { prune: boolean }): PlanResult {
  const cats = planCategories(state.categories, file);
  if (!cats.ok) return cats;
  const catKeyById = new Map(state.categories.map((c) => [c.id, c.key]));
  const byKey = new Map(state.items.map((i) => [i.key, i]));
  const issues: { path: string; message: string }[] = [];
  const plan: ChecklistPlan = { create: [], update: [], retire: [], unchanged: 0, categories: cats.plan, prune: opts.prune };
  const writes: ChecklistWrites = { categories: cats.writes, createItems: [], updateItems: [], retireItems: [] };
  const named = new Set<string>();
  file.categories.forEach((fc, ci) => {
    fc.items.forEach((fi, ii) => {
      named.add(fi.key);
      const cur = byKey.get(fi.key);
      if (cur?.runOpened) {
        issues.push({ path: `categories[${ci}].items[${ii}].key`, message: `'${fi.key}' is the key of an item a load-test run opened; choose another key` });
        return;
      }
      const def = definitionOf(fi, cur?.owner ?? null);
      if (!cur) {
        plan.create.push({ key: fi.key, category: fc.key, title: def.title, priority: def.priority, estimateHours: def.estimateHours });
        writes.createItems.push({ ...def, key: fi.key, categoryKey: fc.key });
        return;
      }
      const changed: FieldDiff = {};
      for (const f of DEFINITION_FIELDS) if (!same(cur[f], def[f])) changed[f] = { from: cur[f] ?? null, to: def[f] ?? null };
      const fromCat = catKeyById.get(cur.categoryId) ?? null;
      if (fromCat !== fc.key) changed.category = { from: fromCat, to: fc.key };
      const restoreStatus = cur.retired ? (cur.retiredFromStatus ?? "OPEN") : null;
      if (restoreStatus) changed.status = { from: cur.status, to: restoreStatus };
      if (Object.keys(changed).length === 0) {
        plan.unchanged += 1;
        return;
      }
      plan.update.push({ key: fi.key, title: def.title, fields: changed, ...(restoreStatus ? { restore: true as const } : {}) });
      writes.updateItems.push({ id: cur.id, key: cur.key, categoryKey: fc.key, definition: def, changed, restoreStatus });
    });
  });
  if (issues.length) return { ok: false, issues };
  for (const it of state.items) {
    if (named.has(it.key) || it.runOpened || it.retired) continue;
    plan.retire.push({ key: it.key, title: it.title, category: catKeyById.get(it.categoryId) ?? "", status: it.status });
    if (opts.prune) writes.retireItems.push({ id: it.id, key: it.key, status: it.status });
  }
  return { ok: true, plan, writes };
}

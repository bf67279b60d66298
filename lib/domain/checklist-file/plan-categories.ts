import type { TChecklistFile } from "./schema";
import type { ChecklistCategoryState } from "./state";

export interface CategoryPlan {
  create: { key: string; name: string }[];
  update: { key: string; fields: Record<string, { from: unknown; to: unknown }> }[];
}

export interface CategoryWrites {
  create: { key: string; name: string; weight: number; position: number }[];
  update: { id: string; key: string; name: string; weight: number; position: number }[];
}

type Result = { ok: true; plan: CategoryPlan; writes: CategoryWrites } | { ok: false; issues: { path: string; message: string }[] };

function byPosition(a: ChecklistCategoryState, b: ChecklistCategoryState): number {
  return a.position - b.position || a.name.localeCompare(b.name);
}

/**
 * Categories matched by key: new keys are created, names and weights follow the file, and the
 * file's order becomes the display order (categories the file does not name keep theirs, after
 * it). Positions are rewritten only when the order really changes, so gaps are no change.
 */
export function planCategories(current: readonly ChecklistCategoryState[], file: TChecklistFile): Result {
  const byKey = new Map(current.map((c) => [c.key, c]));
  const fileKeys = new Set(file.categories.map((c) => c.key));
  const ordered = [...current].sort(byPosition);
  const desired = [...file.categories.map((c) => c.key), ...ordered.filter((c) => !fileKeys.has(c.key)).map((c) => c.key)];
  const existingDesired = desired.filter((k) => byKey.has(k));
  const sameOrder = existingDesired.every((k, i) => ordered[i]?.key === k);
  const newKeys = desired.filter((k) => !byKey.has(k));
  const appended = newKeys.every((k) => desired.indexOf(k) >= existingDesired.length);
  const position = new Map<string, number>();
  if (sameOrder && appended) {
    const max = ordered.length ? Math.max(...ordered.map((c) => c.position)) : -1;
    for (const c of ordered) position.set(c.key, c.position);
    newKeys.forEach((k, i) => position.set(k, max + 1 + i));
  } else desired.forEach((k, i) => position.set(k, i));

  const issues: { path: string; message: string }[] = [];
  const names = new Map<string, string>();
  for (const c of ordered) if (!fileKeys.has(c.key)) names.set(c.name.toLowerCase(), `the project's category '${c.key}'`);
  const plan: CategoryPlan = { create: [], update: [] };
  const writes: CategoryWrites = { create: [], update: [] };
  file.categories.forEach((fc, i) => {
    const clash = names.get(fc.name.toLowerCase());
    if (clash) issues.push({ path: `categories[${i}].name`, message: `the name '${fc.name}' is also used by ${clash}` });
    names.set(fc.name.toLowerCase(), `categories[${i}]`);
    const weight = fc.weight ?? 1;
    const pos = position.get(fc.key)!;
    const cur = byKey.get(fc.key);
    if (!cur) {
      plan.create.push({ key: fc.key, name: fc.name });
      writes.create.push({ key: fc.key, name: fc.name, weight, position: pos });
      return;
    }
    const fields: Record<string, { from: unknown; to: unknown }> = {};
    if (cur.name !== fc.name) fields.name = { from: cur.name, to: fc.name };
    if (cur.weight !== weight) fields.weight = { from: cur.weight, to: weight };
    if (cur.position !== pos) fields.position = { from: cur.position, to: pos };
    if (Object.keys(fields).length === 0) return;
    plan.update.push({ key: fc.key, fields });
    writes.update.push({ id: cur.id, key: cur.key, name: fc.name, weight, position: pos });
  });
  for (const c of ordered) {
    if (fileKeys.has(c.key) || c.position === position.get(c.key)) continue;
    plan.update.push({ key: c.key, fields: { position: { from: c.position, to: position.get(c.key) } } });
    writes.update.push({ id: c.id, key: c.key, name: c.name, weight: c.weight, position: position.get(c.key)! });
  }
  return issues.length ? { ok: false, issues } : { ok: true, plan, writes };
}

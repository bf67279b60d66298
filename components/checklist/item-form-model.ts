import { ZItemCreate, type TItemCreate, type TItemFields } from "@/lib/server/schemas/item";
import type { ItemStatus, Priority } from "@/lib/domain";
import type { ChecklistItem } from "./checklist-types";

/** The item form's fields as the inputs hold them. */
export interface ItemFormState {
  title: string;
  categoryId: string;
  priority: Priority;
  status: ItemStatus;
  estimateHours: string;
  estimateLowHours: string;
  estimateHighHours: string;
  owner: string;
  dueDate: string;
  source: string;
  description: string;
  evidence: string;
  /** Days the evidence stays current; blank = the category's validity. */
  evidenceValidDays: string;
  deferrable: boolean;
}

const text = (v: number | string | null) => (v === null ? "" : String(v));

export function formFromItem(item: ChecklistItem | null, defaultCategoryId: string): ItemFormState {
  return {
    title: item?.title ?? "",
    categoryId: item?.categoryId ?? defaultCategoryId,
    priority: item?.priority ?? "P1",
    status: item?.status ?? "OPEN",
    estimateHours: text(item?.estimateHours ?? null),
    estimateLowHours: text(item?.estimateLowHours ?? null),
    estimateHighHours: text(item?.estimateHighHours ?? null),
    owner: item?.owner ?? "",
    dueDate: item?.dueDate ?? "",
    source: item?.source ?? "",
    description: item?.description ?? "",
    evidence: item?.evidence ?? "",
    evidenceValidDays: text(item?.evidenceValidDays ?? null),
    deferrable: item?.deferrable ?? false,
  };
}

type Full = Required<Pick<TItemCreate, "title" | "categoryId" | "priority" | "status" | "estimateHours" | "estimateLowHours" | "estimateHighHours" | "owner" | "dueDate" | "source" | "description" | "evidence" | "evidenceValidDays" | "deferrable">>;

/**
 * Validates the form with the same zod schema the server uses, plus the rules the service adds
 * (estimate range, evidence for DONE). Returns the payload (blank → null) or field errors.
 */
export function buildItemPayload(form: ItemFormState): { payload: Full | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const hours = (key: "estimateHours" | "estimateLowHours" | "estimateHighHours"): number | null => {
    const raw = form[key].trim().replace(",", ".");
    if (!raw) return null;
    const n = Number(raw);
    if (!Number.isFinite(n)) errors[key] = "must be a number of hours";
    return Number.isFinite(n) ? n : null;
  };
  const blank = (v: string) => (v.trim() ? v.trim() : null);
  const validDays = (): number | null => {
    const raw = form.evidenceValidDays.trim();
    if (!raw) return null;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 3650) errors.evidenceValidDays = "must be whole days, 1–3650 (blank = the category's)";
    return Number.isInteger(n) ? n : null;
  };
  const candidate: Full = {
    title: form.title.trim(),
    categoryId: form.categoryId,
    priority: form.priority,
    status: form.status,
    estimateHours: hours("estimateHours"),
    estimateLowHours: hours("estimateLowHours"),
    estimateHighHours: hours("estimateHighHours"),
    owner: blank(form.owner),
    dueDate: blank(form.dueDate),
    source: blank(form.source),
    description: blank(form.description),
    evidence: blank(form.evidence),
    evidenceValidDays: validDays(),
    deferrable: form.deferrable,
  };
  const parsed = ZItemCreate.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "_");
      errors[key] ??= issue.message === "is required" ? "is required" : issue.message;
    }
  }
  const { estimateLowHours: low, estimateHours: ml, estimateHighHours: high } = candidate;
  if (low !== null && ml !== null && low > ml) errors.estimateLowHours ??= "must not exceed the most likely estimate";
  if (high !== null && ml !== null && high < ml) errors.estimateHighHours ??= "must not be below the most likely estimate";
  if (low !== null && high !== null && low > high) errors.estimateLowHours ??= "must not exceed the high estimate";
  if (candidate.status === "DONE" && !candidate.evidence) errors.evidence ??= "is required when the status is Done";
  return Object.keys(errors).length ? { payload: null, errors } : { payload: candidate, errors };
}

/** The fields of `next` that differ from the item: an edit sends only those. */
export function changedFields(item: ChecklistItem, next: Full): Partial<TItemFields> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next) as [keyof Full, unknown][]) {
    if ((item[key] ?? null) !== (value ?? null)) out[key] = value;
  }
  return out as Partial<TItemFields>;
}

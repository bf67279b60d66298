"use server";

import { revalidatePath } from "next/cache";
import { updateCompareTolerances } from "../compare/compare-tolerances";
import { ZCompareTolerances } from "../schemas/compare";
import { projectAction } from "./project-action";

const update = projectAction({ name: "updateCompareTolerances", role: "LEAD", schema: ZCompareTolerances }, (a, i, r) => updateCompareTolerances(a, i, r));

/** A lead sets how far P95, error rate and throughput may move before a comparison flags them. */
export async function updateCompareTolerancesAction(slug: string, raw: unknown) {
  const res = await update(slug, raw);
  if (res.ok) revalidatePath(`/projects/${slug}`, "layout");
  return res;
}

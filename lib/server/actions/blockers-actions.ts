"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { updateItem } from "../items/update-item";
import { projectAction } from "./project-action";

const ZDeferrable = z.object({ itemId: z.string().min(1), deferrable: z.boolean(), version: z.number().int().min(1) }).strict();

const setDeferrable = projectAction({ name: "setDeferrable", role: "LEAD", schema: ZDeferrable }, (access, input, requestId) =>
  updateItem(access, input.itemId, { deferrable: input.deferrable, version: input.version }, requestId),
);

/** Leads: mark an open P1 item deferrable (it leaves the conditional projection). */
export async function setDeferrableAction(slug: string, raw: unknown) {
  const res = await setDeferrable(slug, raw);
  if (res.ok) revalidatePath(`/projects/${slug}`, "layout");
  return res;
}

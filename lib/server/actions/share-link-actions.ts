"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { ZIdOnly } from "../schemas/project";
import { createShareLink, revokeShareLink, ZShareLinkCreate } from "../share-links/manage-share-links";
import { publicBaseUrl } from "../share-links/public-base-url";
import { projectAction } from "./project-action";

const create = projectAction({ name: "createShareLink", role: "LEAD", schema: ZShareLinkCreate }, async (a, i, r) => createShareLink(a, i, publicBaseUrl(await headers()), r));
const revoke = projectAction({ name: "revokeShareLink", role: "LEAD", schema: ZIdOnly }, (a, i, r) => revokeShareLink(a, i.id, r));

/** The link (with its token) is in the result once; it is never shown again. */
export async function createShareLinkAction(slug: string, raw: unknown) {
  const res = await create(slug, raw);
  if (res.ok) revalidatePath(`/projects/${slug}/settings`);
  return res;
}

export async function revokeShareLinkAction(slug: string, raw: unknown) {
  const res = await revoke(slug, raw);
  if (res.ok) revalidatePath(`/projects/${slug}/settings`);
  return res;
}

"use server";

import { revalidatePath } from "next/cache";
import { ZIdOnly } from "../schemas/project";
import { createWebhook, deleteWebhook, sendTestEvent } from "../webhooks/manage-webhooks";
import { ZWebhookCreate } from "../webhooks/schemas";
import { projectAction } from "./project-action";

const create = projectAction({ name: "createWebhook", role: "LEAD", schema: ZWebhookCreate }, (a, i, r) => createWebhook(a, i, r));
const remove = projectAction({ name: "deleteWebhook", role: "LEAD", schema: ZIdOnly }, (a, i, r) => deleteWebhook(a, i.id, r));
const test = projectAction({ name: "sendTestWebhook", role: "LEAD", schema: ZIdOnly }, (a, i, r) => sendTestEvent(a, i.id, r));

async function refreshing<T extends { ok: boolean }>(slug: string, res: Promise<T>): Promise<T> {
  const r = await res;
  if (r.ok) revalidatePath(`/projects/${slug}/settings`);
  return r;
}

export async function createWebhookAction(slug: string, raw: unknown) { return refreshing(slug, create(slug, raw)); }
export async function deleteWebhookAction(slug: string, raw: unknown) { return refreshing(slug, remove(slug, raw)); }
export async function sendTestWebhookAction(slug: string, raw: unknown) { return refreshing(slug, test(slug, raw)); }

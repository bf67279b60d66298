"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { updateRunBlockerSettings, ZRunBlockerSettings } from "../run-blockers/run-blocker-settings";
import { ZRunPatch, ZSeriesCreate, ZSeriesPatch, ZSeriesSlug } from "../schemas/series";
import { createSeries, updateSeries } from "../series/manage-series";
import { moveRunToSeries } from "../series/move-run";
import { projectAction } from "./project-action";

const ZSeriesUpdate = z.object({ slug: ZSeriesSlug, patch: ZSeriesPatch }).strict();
const ZRunMove = ZRunPatch.extend({ runId: z.string().min(1).max(100) }).strict();

function refreshing<T>(action: (slug: string, raw: unknown) => Promise<{ ok: boolean } & T>) {
  return async (slug: string, raw: unknown) => {
    const res = await action(slug, raw);
    if (res.ok) revalidatePath(`/projects/${slug}`, "layout");
    return res;
  };
}

const create = refreshing(projectAction({ name: "createSeries", role: "LEAD", schema: ZSeriesCreate }, (a, i, r) => createSeries(a, i, r)));
const update = refreshing(projectAction({ name: "updateSeries", role: "LEAD", schema: ZSeriesUpdate }, (a, i, r) => updateSeries(a, i.slug, i.patch, r)));
const move = refreshing(projectAction({ name: "moveRunToSeries", role: "LEAD", schema: ZRunMove }, (a, i, r) => moveRunToSeries(a, i.runId, i.seriesSlug, r)));
const blockers = refreshing(projectAction({ name: "updateRunBlockerSettings", role: "LEAD", schema: ZRunBlockerSettings }, (a, i, r) => updateRunBlockerSettings(a, i, r)));

export async function createSeriesAction(slug: string, raw: unknown) { return create(slug, raw); }
export async function updateSeriesAction(slug: string, raw: unknown) { return update(slug, raw); }
export async function moveRunToSeriesAction(slug: string, raw: unknown) { return move(slug, raw); }
export async function updateRunBlockerSettingsAction(slug: string, raw: unknown) { return blockers(slug, raw); }

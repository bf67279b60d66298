"use server";

import { revalidatePath } from "next/cache";
import { createChangeMarker } from "../change-markers/change-markers";
import { ZChangeMarkerCreate } from "../change-markers/schemas";
import { projectAction } from "./project-action";

const create = projectAction({ name: "createChangeMarker", role: "ENGINEER", schema: ZChangeMarkerCreate }, (access, input, requestId) =>
  createChangeMarker(access, input, requestId),
);

/** Engineers: record a deploy or config change (it dates the load-test evidence). */
export async function createChangeMarkerAction(slug: string, raw: unknown) {
  const res = await create(slug, raw);
  if (res.ok) revalidatePath(`/projects/${slug}`, "layout");
  return res;
}

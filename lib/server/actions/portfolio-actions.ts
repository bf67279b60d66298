"use server";

import { revalidatePath } from "next/cache";
import { createProject } from "../projects/create-project";
import { ZProjectCreate } from "../schemas/project";
import { adminAction } from "./admin-action";

const create = adminAction({ name: "createProject", schema: ZProjectCreate }, (user, input, requestId) => createProject(user, input, requestId));

/** Admins: a new project with the default categories; the admin becomes its LEAD. */
export async function createProjectAction(raw: unknown) {
  const res = await create(raw);
  if (res.ok) revalidatePath("/");
  return res;
}

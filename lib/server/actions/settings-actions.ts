"use server";

import { revalidatePath } from "next/cache";
import type { ProjectAccess } from "../access";
import { createCategory, deleteCategory, moveCategory, updateCategory } from "../projects/manage-categories";
import { addMember, changeMemberRole, removeMember } from "../projects/manage-members";
import { createObjective, deleteObjective, updateObjective } from "../projects/manage-objectives";
import { updateProjectSettings } from "../projects/project-settings";
import type { Role } from "../roles";
import {
  ZCategoryCreate, ZCategoryMove, ZCategoryUpdate, ZIdOnly, ZMemberAdd, ZMemberRemove, ZMemberRole, ZObjectiveFields,
  ZObjectiveUpdate, ZProjectSettings,
} from "../schemas/project";
import { createToken, revokeToken, ZTokenCreate } from "../tokens/manage-tokens";
import { setManagedByCode } from "../checklist-file/managed-by-code";
import { z } from "zod";
import { projectAction } from "./project-action";

/** A project action that refreshes every page of the project when it succeeds. */
function settingsAction<S extends z.ZodType, T>(name: string, role: Role, schema: S, fn: (access: ProjectAccess, input: z.infer<S>, requestId: string) => Promise<T>) {
  const action = projectAction({ name, role, schema }, fn);
  return async (slug: string, raw: unknown) => {
    const res = await action(slug, raw);
    if (res.ok) revalidatePath(`/projects/${slug}`, "layout");
    return res;
  };
}

const updateSettings = settingsAction("updateProjectSettings", "LEAD", ZProjectSettings, (a, i, r) => updateProjectSettings(a, i, r));
const addObjective = settingsAction("createObjective", "LEAD", ZObjectiveFields, (a, i, r) => createObjective(a, i, r));
const editObjective = settingsAction("updateObjective", "LEAD", ZObjectiveUpdate, (a, i, r) => updateObjective(a, i, r));
const dropObjective = settingsAction("deleteObjective", "LEAD", ZIdOnly, (a, i, r) => deleteObjective(a, i.id, r));
const addCategory = settingsAction("createCategory", "LEAD", ZCategoryCreate, (a, i, r) => createCategory(a, i, r));
const editCategory = settingsAction("updateCategory", "LEAD", ZCategoryUpdate, (a, i, r) => updateCategory(a, i, r));
const shiftCategory = settingsAction("moveCategory", "LEAD", ZCategoryMove, (a, i, r) => moveCategory(a, i, r));
const dropCategory = settingsAction("deleteCategory", "LEAD", ZIdOnly, (a, i, r) => deleteCategory(a, i.id, r));
const addMemberA = settingsAction("addMember", "LEAD", ZMemberAdd, (a, i, r) => addMember(a, i, r));
const roleMember = settingsAction("changeMemberRole", "LEAD", ZMemberRole, (a, i, r) => changeMemberRole(a, i, r));
const dropMember = settingsAction("removeMember", "LEAD", ZMemberRemove, (a, i, r) => removeMember(a, i.membershipId, r));
const newToken = settingsAction("createToken", "LEAD", ZTokenCreate, (a, i, r) => createToken(a, i, r));
const dropToken = settingsAction("revokeToken", "LEAD", ZIdOnly, (a, i, r) => revokeToken(a, i.id, r));
const managed = settingsAction("setManagedByCode", "LEAD", z.object({ managedByCode: z.boolean() }).strict(), (a, i, r) => setManagedByCode(a, i.managedByCode, r));

export async function updateProjectSettingsAction(slug: string, raw: unknown) { return updateSettings(slug, raw); }
export async function createObjectiveAction(slug: string, raw: unknown) { return addObjective(slug, raw); }
export async function updateObjectiveAction(slug: string, raw: unknown) { return editObjective(slug, raw); }
export async function deleteObjectiveAction(slug: string, raw: unknown) { return dropObjective(slug, raw); }
export async function createCategoryAction(slug: string, raw: unknown) { return addCategory(slug, raw); }
export async function updateCategoryAction(slug: string, raw: unknown) { return editCategory(slug, raw); }
export async function moveCategoryAction(slug: string, raw: unknown) { return shiftCategory(slug, raw); }
export async function deleteCategoryAction(slug: string, raw: unknown) { return dropCategory(slug, raw); }
/** Admin only (the service checks): members are added by email; a new user's password is returned once. */
export async function addMemberAction(slug: string, raw: unknown) { return addMemberA(slug, raw); }
export async function changeMemberRoleAction(slug: string, raw: unknown) { return roleMember(slug, raw); }
export async function removeMemberAction(slug: string, raw: unknown) { return dropMember(slug, raw); }
/** The token is in the result once; it is never shown again. */
export async function createTokenAction(slug: string, raw: unknown) { return newToken(slug, raw); }
export async function revokeTokenAction(slug: string, raw: unknown) { return dropToken(slug, raw); }
/** While on, item and category definitions change only by applying the checklist file. */
export async function setManagedByCodeAction(slug: string, raw: unknown) { return managed(slug, raw); }

"use client";

import { useState } from "react";
import { addMemberAction, changeMemberRoleAction, removeMemberAction } from "@/lib/server/actions/settings-actions";
import { ZMemberAdd } from "@/lib/server/schemas/project";
import { buttonClass, Field, FormError, inputClass, useAction } from "../readiness/form";
import { CopyButton } from "./copy-button";

export interface MemberRow { membershipId: string; email: string; name: string; role: "VIEWER" | "ENGINEER" | "LEAD"; isAdmin: boolean }
const ROLES = ["VIEWER", "ENGINEER", "LEAD"] as const;

function MemberItem({ slug, m, canEdit }: { slug: string; m: MemberRow; canEdit: boolean }) {
  const role = useAction(changeMemberRoleAction);
  const remove = useAction(removeMemberAction);
  const error = role.error ?? remove.error;
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <div className="min-w-0 text-sm">
        <p className="break-all font-medium">{m.name} <span className="font-normal text-slate-500">{m.email}</span></p>
        {m.isAdmin && <p className="text-xs text-purple-700">administrator (acts as LEAD everywhere)</p>}
      </div>
      {canEdit ? (
        <div className="flex items-center gap-2">
          <label htmlFor={`role-${m.membershipId}`} className="sr-only">Role of {m.email}</label>
          <select id={`role-${m.membershipId}`} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm" value={m.role} disabled={role.pending}
            onChange={(e) => void role.run(slug, { membershipId: m.membershipId, role: e.target.value })}>
            {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
          <button type="button" className={buttonClass.danger} disabled={remove.pending} aria-label={`Remove ${m.email}`}
            onClick={() => { if (window.confirm(`Remove ${m.email} from this project?`)) void remove.run(slug, { membershipId: m.membershipId }); }}>Remove</button>
        </div>
      ) : (
        <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{m.role}</span>
      )}
      {error && <p role="alert" className="w-full text-xs text-red-700">{error.message}</p>}
    </li>
  );
}

function AddMember({ slug }: { slug: string }) {
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<(typeof ROLES)[number]>("VIEWER");
  const [local, setLocal] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ email: string; password: string | null } | null>(null);
  const add = useAction(addMemberAction);
  const errs = { ...add.fields, ...local };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = ZMemberAdd.safeParse({ email, name: name.trim() || undefined, role });
    if (!parsed.success) {
      const out: Record<string, string> = {};
      for (const i of parsed.error.issues) out[String(i.path[0])] ??= i.message;
      return setLocal(out);
    }
    setLocal({});
    const res = await add.run(slug, parsed.data);
    if (res.ok) {
      setCreated({ email: res.data.member.email, password: res.data.generatedPassword });
      setEmail(""); setName("");
    }
  }

  return (
    <div className="space-y-3 border-t border-slate-200 pt-3">
      {created && (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm">
          <p>Added {created.email}.</p>
          {created.password && (
            <div className="mt-1">
              <p>New account: give them this password now — it is not shown again.</p>
              <div className="mt-1 flex flex-wrap items-center gap-2">
                <code className="break-all rounded bg-white px-2 py-1 font-mono text-sm" data-testid="generated-password">{created.password}</code>
                <CopyButton text={created.password} label="Copy password" />
              </div>
            </div>
          )}
          <button type="button" className={`${buttonClass.link} mt-2`} onClick={() => setCreated(null)}>Dismiss</button>
        </div>
      )}
      <form onSubmit={submit} noValidate aria-label="Add member" className="grid items-end gap-2 sm:grid-cols-[2fr_1.5fr_1fr_auto]">
        <Field label="Email" htmlFor="member-email" error={errs.email}>
          <input id="member-email" type="email" className={inputClass} value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={!!errs.email} />
        </Field>
        <Field label="Name (new users)" htmlFor="member-name" error={errs.name}>
          <input id="member-name" className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Role" htmlFor="member-role" error={errs.role}>
          <select id="member-role" className={inputClass} value={role} onChange={(e) => setRole(e.target.value as (typeof ROLES)[number])}>
            {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </Field>
        <button type="submit" className={buttonClass.primary} disabled={add.pending}>{add.pending ? "Adding…" : "Add member"}</button>
      </form>
      <FormError error={add.error && add.error.status !== 422 ? add.error : null} />
    </div>
  );
}

/** Everyone sees who is in the project; administrators add, re-role and remove members. */
export function MembersEditor({ slug, members, canEdit }: { slug: string; members: MemberRow[]; canEdit: boolean }) {
  return (
    <div className="space-y-2">
      {members.length === 0 ? <p className="text-sm text-slate-600">No members yet.</p> : (
        <ul className="divide-y divide-slate-100" aria-label="Members">{members.map((m) => <MemberItem key={`${m.membershipId}-${m.role}`} slug={slug} m={m} canEdit={canEdit} />)}</ul>
      )}
      {canEdit ? <AddMember slug={slug} /> : <p className="text-xs text-slate-600">Only administrators add or remove members and change roles.</p>}
    </div>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { createProjectAction } from "@/lib/server/actions/portfolio-actions";
import { DEFAULT_CATEGORIES, ZProjectCreate } from "@/lib/server/schemas/project";
import { buttonClass, Field, FormError, inputClass, useAction } from "../readiness/form";

function slugify(name: string): string {
  return name.toLowerCase().normalize("NFKD").replace(/[^\w\s-]/g, "").trim().replace(/[\s_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 50);
}

export interface StartOption {
  templates: { name: string; description: string; items: number }[];
  /** Projects the admin leads, to copy the checklist definitions of. */
  projects: { slug: string; name: string }[];
}

/** Admins: name + slug, starting from a template, a copy of a project's checklist or the default categories; the admin becomes LEAD. */
export function NewProjectForm({ templates, projects }: StartOption) {
  const [open, setOpen] = useState(false);
  const [start, setStart] = useState(templates.some((t) => t.name === "web-service") ? "template:web-service" : "");
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugTouched, setSlugTouched] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const { run, pending, error, fields } = useAction(createProjectAction);
  const router = useRouter();
  const nameRef = useRef<HTMLInputElement>(null);

  if (!open) {
    return (
      <button type="button" className={buttonClass.primary} onClick={() => { setOpen(true); setTimeout(() => nameRef.current?.focus(), 0); }}>
        New project
      </button>
    );
  }
  const errs = { ...fields, ...local };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const [kind, value] = start.split(":");
    const parsed = ZProjectCreate.safeParse({ name, slug, ...(kind === "template" ? { template: value } : kind === "copy" ? { copyFrom: value } : {}) });
    if (!parsed.success) {
      setLocal(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setLocal({});
    const res = await run(parsed.data);
    if (res.ok) router.push(`/projects/${res.data.slug}`);
  }

  return (
    <form onSubmit={submit} noValidate aria-label="New project" className="w-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="text-base font-semibold">New project</h2>
      <p className="mt-0.5 text-sm text-slate-600">Start from a checklist template, copy the checklist of a project you lead (definitions only, not progress), or the default categories. You become its lead.</p>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <Field label="Name" htmlFor="np-name" error={errs.name}>
          <input id="np-name" ref={nameRef} className={inputClass} value={name} aria-invalid={!!errs.name} aria-describedby={errs.name ? "np-name-error" : undefined}
            onChange={(e) => { setName(e.target.value); if (!slugTouched) setSlug(slugify(e.target.value)); }} />
        </Field>
        <Field label="Slug (in the URL)" htmlFor="np-slug" error={errs.slug} hint="lowercase letters, digits and hyphens">
          <input id="np-slug" className={inputClass} value={slug} aria-invalid={!!errs.slug} aria-describedby={errs.slug ? "np-slug-error" : undefined}
            onChange={(e) => { setSlug(e.target.value); setSlugTouched(true); }} />
        </Field>
        <Field label="Start from" htmlFor="np-start" error={errs.template ?? errs.copyFrom} className="sm:col-span-2">
          <select id="np-start" className={inputClass} value={start} onChange={(e) => setStart(e.target.value)}>
            <option value="">Default categories, no items ({DEFAULT_CATEGORIES.length} categories)</option>
            <optgroup label="Templates">
              {templates.map((t) => <option key={t.name} value={`template:${t.name}`}>{t.name}: {t.items} items. {t.description}</option>)}
            </optgroup>
            {projects.length > 0 && (
              <optgroup label="Copy from a project you lead">
                {projects.map((p) => <option key={p.slug} value={`copy:${p.slug}`}>{p.name} ({p.slug})</option>)}
              </optgroup>
            )}
          </select>
        </Field>
      </div>
      <div className="mt-3"><FormError error={error && error.status !== 422 ? error : null} /></div>
      <div className="mt-3 flex gap-2">
        <button type="submit" className={buttonClass.primary} disabled={pending}>{pending ? "Creating…" : "Create project"}</button>
        <button type="button" className={buttonClass.secondary} onClick={() => setOpen(false)}>Cancel</button>
      </div>
    </form>
  );
}

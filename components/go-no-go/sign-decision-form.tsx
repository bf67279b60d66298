"use client";

import { useState } from "react";
import type { VerdictValue } from "@/lib/domain";
import { VERDICT_LABEL } from "@/lib/domain/view/readiness-view";
import { signDecisionAction } from "@/lib/server/actions/go-no-go-actions";
import { buttonClass, Field, FormError, inputClass, useAction } from "../readiness/form";

/** Leads: sign the Go/No-Go decision; the verdict defaults to the computed one. */
export function SignDecisionForm({ slug, computed, asOf }: { slug: string; computed: VerdictValue; asOf: string }) {
  const [open, setOpen] = useState(false);
  const [verdict, setVerdict] = useState<VerdictValue>(computed);
  const [comment, setComment] = useState("");
  const [local, setLocal] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { run, pending, error, fields } = useAction(signDecisionAction);
  const overriding = verdict !== computed;

  if (!open) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={buttonClass.primary} onClick={() => { setOpen(true); setDone(null); }}>Sign decision</button>
        {done && <p role="status" className="text-sm text-go">{done}</p>}
      </div>
    );
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const text = comment.trim();
    if (text.length < 3) return setLocal("Add a comment on the decision (at least 3 characters).");
    if (overriding && text.length < 20) return setLocal(`Signing ${VERDICT_LABEL[verdict]} against the computed ${VERDICT_LABEL[computed]} needs a comment of at least 20 characters explaining why.`);
    setLocal(null);
    const res = await run(slug, { comment: text, verdict, asOf });
    if (res.ok) {
      setOpen(false);
      setComment("");
      setDone(`Signed ${VERDICT_LABEL[res.data.verdict]}.`);
    }
  }

  const commentError = local ?? fields.comment;
  return (
    <form onSubmit={submit} noValidate aria-label="Sign decision" className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Verdict</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {(["GO", "CONDITIONAL_GO", "NO_GO"] as const).map((v) => (
            <label key={v} className="inline-flex items-center gap-1.5 text-sm">
              <input type="radio" name="verdict" value={v} checked={verdict === v} onChange={() => setVerdict(v)} />
              {VERDICT_LABEL[v]}{v === computed ? " (computed)" : ""}
            </label>
          ))}
        </div>
        {overriding && <p className="mt-1 text-xs text-cond">You are overriding the computed verdict: explain why in at least 20 characters.</p>}
      </fieldset>
      <Field label="Comment" htmlFor="decision-comment" error={commentError ?? undefined}>
        <textarea id="decision-comment" rows={3} className={inputClass} value={comment} onChange={(e) => setComment(e.target.value)}
          aria-invalid={!!commentError} aria-describedby={commentError ? "decision-comment-error" : undefined} maxLength={5000} />
      </Field>
      <p className="text-xs text-slate-600">The full readiness as of {asOf} is stored with the decision. Decisions are never edited; a new one supersedes.</p>
      <FormError error={error && !fields.comment ? error : null} />
      <div className="flex gap-2">
        <button type="submit" className={buttonClass.primary} disabled={pending}>{pending ? "Signing…" : `Sign ${VERDICT_LABEL[verdict]}`}</button>
        <button type="button" className={buttonClass.secondary} onClick={() => setOpen(false)}>Cancel</button>
      </div>
    </form>
  );
}

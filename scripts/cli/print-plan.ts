import type { ApplyResult } from "@/lib/server/checklist-file/apply-checklist";

function show(v: unknown): string {
  if (v === null || v === undefined) return "—";
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 60 ? `${JSON.stringify(s.slice(0, 57))}…` : typeof v === "string" ? JSON.stringify(s) : s;
}

function pct(v: number | null): string {
  return v === null ? "—" : `${v.toFixed(1)} %`;
}

/** Prints a plan for people (or as JSON); returns true when the project differs from the file. */
export function printPlan(slug: string, r: ApplyResult, opts: { json: boolean; check: boolean }): boolean {
  const p = r.plan;
  const differs = p.create.length + p.update.length + p.retire.length + p.categories.create.length + p.categories.update.length > 0;
  if (opts.json) {
    console.log(JSON.stringify(r, null, 2));
    return differs;
  }
  const out: string[] = [`Checklist of ${slug} against the file (sha256 ${r.sha256.slice(0, 12)}):`];
  for (const c of p.categories.create) out.push(`  + category ${c.key} ${show(c.name)}`);
  for (const c of p.categories.update) out.push(`  ~ category ${c.key}: ${Object.entries(c.fields).map(([f, d]) => `${f} ${show(d.from)} → ${show(d.to)}`).join("; ")}`);
  for (const c of p.create) out.push(`  + ${c.category}/${c.key} ${show(c.title)} (${c.priority}${c.estimateHours !== null ? `, ${c.estimateHours} h` : ""})`);
  for (const u of p.update) out.push(`  ~ ${u.key}${u.restore ? " (back in the file)" : ""}: ${Object.entries(u.fields).map(([f, d]) => `${f} ${show(d.from)} → ${show(d.to)}`).join("; ")}`);
  for (const x of p.retire) out.push(`  - ${x.category}/${x.key} ${show(x.title)} ${p.prune ? "→ NOT_APPLICABLE" : "(not in the file; --prune makes it NOT_APPLICABLE)"}`);
  out.push(`  = ${p.unchanged} unchanged`);
  out.push(`Score ${pct(r.score.before)} → ${pct(r.score.after)}`);
  if (opts.check) out.push(differs ? "The project differs from the file." : "The project matches the file.");
  else if (r.applied) out.push("Applied.");
  else out.push(r.dryRun ? "Dry run: nothing was changed." : "Nothing to change.");
  console.log(out.join("\n"));
  return differs;
}

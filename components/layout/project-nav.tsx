"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "", label: "Overview" },
  { href: "/checklist", label: "Checklist" },
  { href: "/blockers", label: "Blockers" },
  { href: "/capacity", label: "Capacity" },
  { href: "/runs", label: "Runs" },
  { href: "/stability", label: "Stability" },
  { href: "/go-no-go", label: "Go/No-Go" },
  { href: "/settings", label: "Settings" },
];

export function ProjectNav({ slug }: { slug: string }) {
  const pathname = usePathname();
  const base = `/projects/${slug}`;
  return (
    <nav aria-label="Project" className="no-print -mb-px flex gap-1 overflow-x-auto">
      {TABS.map((t) => {
        const href = base + t.href;
        const active = t.href === "" ? pathname === base : pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link key={t.href} href={href} aria-current={active ? "page" : undefined}
            className={`whitespace-nowrap border-b-2 px-3 py-2 text-sm ${active ? "border-slate-900 font-medium text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900"}`}>
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}

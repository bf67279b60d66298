const STYLE: Record<string, string> = {
  LEAD: "bg-blue-100 text-blue-800",
  ENGINEER: "bg-emerald-100 text-emerald-800",
  VIEWER: "bg-slate-100 text-slate-700",
};

export function RoleBadge({ role, isAdmin }: { role: string; isAdmin?: boolean }) {
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-medium ${STYLE[role] ?? STYLE.VIEWER}`} title="Your role in this project">
      {isAdmin ? "ADMIN" : role}
    </span>
  );
}

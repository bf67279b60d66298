import { ZONE_LABELS } from "@/lib/domain/view/capacity-chart";
import type { Zone } from "@/lib/domain";

const STYLE: Record<Zone, string> = {
  green: "bg-green-100 text-green-900 ring-green-300",
  yellow: "bg-yellow-100 text-yellow-900 ring-yellow-300",
  red: "bg-red-100 text-red-900 ring-red-300",
  death: "bg-slate-800 text-white ring-slate-800",
};

export function ZoneBadge({ zone }: { zone: Zone | null }) {
  if (!zone) return <span className="text-slate-400">—</span>;
  return <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${STYLE[zone]}`}>{ZONE_LABELS[zone]}</span>;
}

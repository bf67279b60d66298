import type { ProjectSettingsDto } from "@/lib/server/projects/project-settings";

/** The settings read-only, for members who are not leads. */
export function SettingsSummary({ settings: s }: { settings: ProjectSettingsDto }) {
  const rows: [string, string][] = [
    ["Name", s.name],
    ["Expected production users", String(s.expectedProductionUsers)],
    ["Required headroom", `${s.requiredHeadroom}× (${Math.round(s.requiredHeadroom * s.expectedProductionUsers)} users)`],
    ["Team hours per working day", String(s.teamHoursPerDay)],
    ["Working days", s.workingDays.join(", ")],
    ["Target launch date", s.targetLaunchDate ?? "not set"],
    ["Green zone", `P95 < ${s.greenP95Ms} ms, errors < ${s.greenErrorRatePercent}%`],
    ["Yellow zone", `P95 < ${s.yellowP95Ms} ms, errors < ${s.yellowErrorRatePercent}%`],
    ["Red zone", `P95 < ${s.redP95Ms} ms, errors < ${s.redErrorRatePercent}%`],
    ["Score for GO", `${s.goThresholdPercent}%`],
    ["Score for CONDITIONAL GO", `${s.conditionalThresholdPercent}%`],
    ["Confidence: minimum duration", `${s.confidenceMinRunSeconds} s at the decisive level`],
    ["Confidence: minimum requests", `${s.confidenceMinRequests.toLocaleString("en-US")} at the decisive level`],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
      {rows.map(([k, v]) => (
        <div key={k} className="flex flex-wrap justify-between gap-2 border-b border-slate-100 py-1">
          <dt className="text-slate-600">{k}</dt>
          <dd className="font-medium">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

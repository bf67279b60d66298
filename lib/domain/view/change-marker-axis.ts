import { dayOfInstant, parseDay } from "../calendar";
import type { DomainChangeMarker } from "../types";

/** A change marker placed on a chart's x axis, for a Recharts ReferenceLine. */
export interface AxisMarker {
  x: number;
  /** Short label drawn at the line: "deploy 2.4.0" or the label. */
  label: string;
  /** The full text for the list and the tooltip. */
  title: string;
}

function shortLabel(m: DomainChangeMarker): string {
  return m.version ? `${m.kind} ${m.version}` : m.label.length > 24 ? `${m.label.slice(0, 23)}…` : m.label;
}

function titleOf(m: DomainChangeMarker): string {
  return `${m.kind === "config" ? "Config change" : "Deploy"}: ${m.label}${m.version ? ` (${m.version})` : ""}, ${m.at.slice(0, 16).replace("T", " ")} UTC`;
}

/** Markers on a day axis (x = day number, as the burndown's rows), inside [fromX, toX]. */
export function placeMarkersOnDays(markers: readonly DomainChangeMarker[], fromX: number, toX: number): AxisMarker[] {
  return markers
    .map((m) => ({ x: parseDay(dayOfInstant(m.at)), label: shortLabel(m), title: titleOf(m) }))
    .filter((m) => m.x >= fromX && m.x <= toX);
}

/** Markers on an elapsed-seconds axis that starts at `startIso`, inside [0, durationSeconds]. */
export function placeMarkersOnElapsed(markers: readonly DomainChangeMarker[], startIso: string | null, durationSeconds: number): AxisMarker[] {
  if (!startIso) return [];
  const t0 = Date.parse(startIso);
  return markers
    .map((m) => ({ x: (Date.parse(m.at) - t0) / 1000, label: shortLabel(m), title: titleOf(m) }))
    .filter((m) => m.x >= 0 && m.x <= durationSeconds);
}

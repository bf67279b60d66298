/**
 * A chart's frame: a titled figure whose drawing area has a fixed height (Recharts measures it),
 * a text summary for screen readers, and an optional legend or note under it.
 */
export function ChartFigure({ title, summary, height = 288, children, footer, testId }: {
  title: string;
  summary: string;
  height?: number;
  children: React.ReactNode;
  footer?: React.ReactNode;
  testId?: string;
}) {
  return (
    <figure className="min-w-0" data-testid={testId}>
      <figcaption className="sr-only">{title}: {summary}</figcaption>
      <div role="img" aria-label={`${title}. ${summary}`} className="w-full min-w-0" style={{ height }}>
        {children}
      </div>
      {footer && <div className="mt-2 text-xs text-slate-600">{footer}</div>}
    </figure>
  );
}

export const CHART_COLORS = {
  p95: "#1d4ed8",
  p50: "#0891b2",
  errors: "#b91c1c",
  throughput: "#0f766e",
  expected: "#64748b",
  ceiling: "#7c3aed",
  baseline: "#64748b",
  users: "#475569",
  grid: "#e2e8f0",
  axis: "#475569",
};

export const ZONE_COLORS = {
  green: "#16a34a",
  yellow: "#ca8a04",
  red: "#dc2626",
  death: "#1f2937",
} as const;

export const axisTick = { fontSize: 12, fill: "#475569" };

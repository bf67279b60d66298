import { VERDICT_LABEL } from "@/lib/domain/view/readiness-view";
import type { VerdictValue } from "@/lib/domain";

const STYLE: Record<VerdictValue, string> = {
  GO: "bg-green-50 text-go ring-green-600/30",
  CONDITIONAL_GO: "bg-amber-50 text-cond ring-amber-600/30",
  NO_GO: "bg-red-50 text-nogo ring-red-600/30",
};
const SIZE = { sm: "px-2 py-0.5 text-xs", md: "px-2.5 py-1 text-sm", lg: "px-4 py-2 text-3xl sm:text-4xl" };

export function VerdictBadge({ value, size = "md", testId }: { value: VerdictValue; size?: keyof typeof SIZE; testId?: string }) {
  return (
    <span data-testid={testId} className={`inline-block whitespace-nowrap rounded-md font-bold tracking-tight ring-1 ring-inset ${STYLE[value]} ${SIZE[size]}`}>
      {VERDICT_LABEL[value]}
    </span>
  );
}

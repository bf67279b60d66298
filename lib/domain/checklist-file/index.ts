export * from "./schema";
export * from "./state";
export { parseChecklistText, formatPath, type ChecklistFormat, type ChecklistIssue, type ChecklistParseError, type ChecklistParseResult } from "./parse";
export { computeChecklistPlan, isEmptyPlan, RETIRED_REASON, type ChecklistPlan, type ChecklistWrites, type FieldDiff, type PlanResult } from "./plan";
export { type CategoryPlan, type CategoryWrites } from "./plan-categories";
export { toChecklistFile, stringifyChecklist } from "./export-model";
export { computePlannedScore, type PlannedScore } from "./planned-score";

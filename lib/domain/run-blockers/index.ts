export * from "./types";
export { endpointKey, evaluateRunBlockers, findRunBlockers, levelsOf, requiredUsersOf } from "./evaluate-run-blockers";

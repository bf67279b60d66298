"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False while the server renders (and during hydration), true in the browser afterwards. Charts
 * draw their SVG only in the browser: the server sends the frame, its text summary and the few
 * points the chart draws, not a rendered SVG (the pages' server time stays small).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}

"use client";

import { buttonClass } from "../readiness/form";

export function PrintButton() {
  return <button type="button" className={buttonClass.secondary} onClick={() => window.print()}>Print</button>;
}

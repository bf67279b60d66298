"use client";

import { useEffect, useRef } from "react";

/** A labelled checkbox that can show the "some selected" state. */
export function RowCheckbox({ label, checked, indeterminate = false, onChange }: {
  label: string; checked: boolean; indeterminate?: boolean; onChange: (event: unknown) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate && !checked;
  }, [indeterminate, checked]);
  return (
    <input ref={ref} type="checkbox" aria-label={label} checked={checked} onChange={onChange}
      className="size-4 rounded border-slate-300 align-middle accent-slate-900" />
  );
}

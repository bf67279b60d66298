"use client";

import { useState } from "react";
import { buttonClass } from "../readiness/form";

export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  return (
    <button type="button" className={buttonClass.secondary}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied("yes");
        } catch {
          setCopied("no");
        }
        setTimeout(() => setCopied(null), 2500);
      }}>
      <span aria-live="polite">{copied === "yes" ? "Copied" : copied === "no" ? "Select and copy it" : label}</span>
    </button>
  );
}

"use client";

import { PageError } from "@/components/readiness/page-error";

export default function RunError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageError error={error} retry={retry} what="this run" />;
}

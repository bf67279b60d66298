"use client";

import { PageError } from "@/components/readiness/page-error";

export default function BlockersError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageError error={error} retry={retry} what="the blockers page" />;
}

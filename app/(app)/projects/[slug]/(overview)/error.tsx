"use client";

import { PageError } from "@/components/readiness/page-error";

export default function ProjectPageError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageError error={error} retry={retry} />;
}

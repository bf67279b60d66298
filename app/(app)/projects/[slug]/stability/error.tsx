"use client";

import { PageError } from "@/components/readiness/page-error";

export default function StabilityError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageError error={error} retry={retry} what="the stability page" />;
}

"use client";

import { PageError } from "@/components/readiness/page-error";

export default function PortfolioError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageError error={error} retry={retry} />;
}

"use client";

import { PageError } from "@/components/readiness/page-error";

/** Errors above the app shell (e.g. the database is down while the session user is looked up). */
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <PageError error={error} retry={retry} />
    </main>
  );
}

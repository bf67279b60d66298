import { PageLoading } from "@/components/readiness/page-loading";

export default function Loading() {
  return <PageLoading label="the Go/No-Go recommendation" blocks={4} />;
}

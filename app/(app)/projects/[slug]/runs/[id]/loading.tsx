import { PageLoading } from "@/components/readiness/page-loading";

export default function Loading() {
  return <PageLoading label="the run" blocks={4} />;
}

import { PageLoading } from "@/components/readiness/page-loading";

export default function Loading() {
  return <PageLoading label="the blockers" blocks={3} />;
}

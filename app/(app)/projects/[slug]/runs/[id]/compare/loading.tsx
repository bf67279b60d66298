import { PageLoading } from "@/components/readiness/page-loading";

export default function Loading() {
  return <PageLoading label="the comparison" blocks={4} />;
}

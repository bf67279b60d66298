import { NotBuiltYet } from "@/components/ui/not-built";

export default function OverviewPage() {
  return <NotBuiltYet what="Overview" />;
}

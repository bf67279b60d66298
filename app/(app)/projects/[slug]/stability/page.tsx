import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/ui/not-built";

export const metadata: Metadata = { title: "Stability" };

export default function Page() {
  return <NotBuiltYet what="Stability" />;
}

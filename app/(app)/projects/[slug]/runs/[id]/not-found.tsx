import Link from "next/link";

export default function RunNotFound() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-8 text-center">
      <h2 className="text-lg font-medium">Run not found</h2>
      <p className="mt-2 text-sm text-slate-600">This project has no such run. It may have been deleted.</p>
      <Link href="../capacity" className="mt-4 inline-block text-sm text-blue-700 underline">Back to capacity</Link>
    </div>
  );
}

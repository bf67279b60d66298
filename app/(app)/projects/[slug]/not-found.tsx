import Link from "next/link";

export default function ProjectNotFound() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-8 text-center">
      <h2 className="text-lg font-medium">Project not found</h2>
      <p className="mt-2 text-sm text-slate-600">It does not exist, or you are not a member of it.</p>
      <Link href="/" className="mt-4 inline-block text-sm text-blue-700 underline">Back to your projects</Link>
    </div>
  );
}

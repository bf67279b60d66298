export function NotBuiltYet({ what }: { what: string }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
      <h2 className="text-lg font-medium">{what}</h2>
      <p className="mt-2 text-sm text-slate-600">This page is not built yet. Its figures will come from the readiness engine; none are shown until then.</p>
    </div>
  );
}

export default function ShareLinkNotFound() {
  return (
    <main className="mx-auto mt-16 max-w-md rounded-lg border border-slate-200 bg-white p-8 text-center">
      <h1 className="text-lg font-medium">This link does not work</h1>
      <p className="mt-2 text-sm text-slate-600">It has expired, been revoked, or was mistyped. Ask the person who shared it for a new one.</p>
    </main>
  );
}

/** A GET form: the page re-renders for another day (`?asOf=YYYY-MM-DD`); works without JavaScript. */
export function AsOfPicker({ asOf, today, path }: { asOf: string; today: string; path: string }) {
  return (
    <form method="get" action={path} className="no-print flex flex-wrap items-end gap-2" aria-label="Pick the day of the figures">
      <div>
        <label htmlFor="asOf" className="block text-xs font-medium text-slate-600">As of</label>
        <input id="asOf" name="asOf" type="date" defaultValue={asOf} required
          className="mt-0.5 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm" />
      </div>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">Show</button>
      {asOf !== today && (
        <a href={path} className="rounded-md px-2 py-1.5 text-sm text-blue-700 underline hover:text-blue-900">Back to today</a>
      )}
    </form>
  );
}

import { formatDateTime } from '@/lib/time';
import { Empty, td, th } from './ui';

export interface TimelineRow {
  at: string;
  event: string;
  by?: string | null;
  detail?: string | null;
  source?: string | null;
}

/** Time, event, who: newest first. */
export function Timeline({ rows }: { rows: TimelineRow[] | undefined }) {
  if (!rows || rows.length === 0) return <Empty>No events yet.</Empty>;
  // newest first; events at the same instant keep the reverse of the order they came in
  const sorted = rows
    .map((r, i) => ({ r, i, t: Date.parse(r.at) }))
    .sort((a, b) => b.t - a.t || b.i - a.i)
    .map((x) => x.r);
  const hasSource = sorted.some((r) => r.source);
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm" aria-label="Timeline">
        <thead className="bg-slate-50">
          <tr>
            <th className={th}>Time</th>
            {hasSource && <th className={th}>Source</th>}
            <th className={th}>Event</th>
            <th className={th}>By</th>
            <th className={th}>Detail</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {sorted.map((r, i) => (
            <tr key={`${r.at}-${i}`}>
              <td className={`${td} tabular-nums text-slate-600`}>{formatDateTime(r.at)}</td>
              {hasSource && <td className={td}>{r.source ?? ''}</td>}
              <td className={`${td} font-medium`}>{r.event}</td>
              <td className={td}>{r.by ?? <span className="text-slate-400">—</span>}</td>
              <td className="px-3 py-1.5 text-slate-600">{r.detail ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

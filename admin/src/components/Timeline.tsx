import { readableDetail, readableTimeline, phrase, type TimelineRow } from '@/lib/timeline';
import { formatDateTime } from '@/lib/time';
import { Empty, td, tdText, th, scrollsSideways } from './ui';

export type { TimelineRow };

const SOURCES: Record<string, string> = {
  order: 'Order',
  cart: 'Cart',
  payment: 'Payment',
  fulfillment: 'Fulfilment',
};

/** Time, what happened, who, and what it changed: newest first. */
export function Timeline({ rows }: { rows: TimelineRow[] | undefined }) {
  const shown = readableTimeline(rows ?? []);
  if (shown.length === 0) return <Empty>No events yet.</Empty>;
  const hasSource = shown.some((r) => r.source);
  const hasDetail = shown.some((r) => r.detail);
  return (
    <div {...scrollsSideways('Timeline')}>
      <table className="min-w-full text-sm" aria-label="Timeline">
        <thead className="bg-slate-50">
          <tr>
            <th className={th}>Time</th>
            {hasSource && <th className={th}>Source</th>}
            <th className={th}>Event</th>
            <th className={th}>By</th>
            {hasDetail && <th className={th}>Detail</th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {shown.map((r, i) => (
            <tr key={`${r.at}-${i}`}>
              <td className={`${td} tabular-nums text-slate-600`}>{formatDateTime(r.at)}</td>
              {hasSource && (
                <td className={td}>{r.source ? (SOURCES[r.source] ?? r.source) : ''}</td>
              )}
              <td className={`${td} font-medium`} title={r.event}>
                {phrase(r.event)}
              </td>
              <td className={td}>{r.by ?? <span className="text-slate-500">—</span>}</td>
              {hasDetail && (
                <td className={`${tdText} text-slate-600`}>{readableDetail(r.detail)}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

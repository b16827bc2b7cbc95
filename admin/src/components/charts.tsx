import { compactNumber, hasData, scale, ticks, type Point } from '@/lib/chart';

const W = 640;
const H = 220;
const PAD = { top: 18, right: 8, bottom: 34, left: 52 };

/**
 * Vertical bars over labelled x positions (e.g. days), a labelled y axis starting at 0,
 * and the value written above every non-zero bar.
 */
export function ColumnChart({
  title,
  points,
  yLabel,
  integers = false,
  formatValue = compactNumber,
  formatTitle = (p: Point) => `${p.label}: ${p.value}`,
}: {
  title: string;
  points: Point[];
  yLabel: string;
  integers?: boolean;
  formatValue?: (v: number) => string;
  formatTitle?: (p: Point) => string;
}) {
  if (!hasData(points)) {
    return (
      <figure className="px-4 py-3">
        <figcaption className="mb-1 text-xs font-medium text-slate-600">{title}</figcaption>
        <div className="flex h-24 items-center justify-center rounded border border-dashed border-slate-300 text-sm text-slate-500">
          No data yet
        </div>
      </figure>
    );
  }
  const max = Math.max(...points.map((p) => p.value));
  const tickValues = ticks(max, 4, integers);
  const top = tickValues[tickValues.length - 1];
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / points.length;
  const barW = Math.max(2, slot * 0.7);
  return (
    <figure className="px-4 py-3">
      <figcaption className="mb-1 text-xs font-medium text-slate-600">{title}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="h-auto w-full"
        role="img"
        aria-label={`${title}: ${points.map(formatTitle).join(', ')}`}
      >
        <text
          x={12}
          y={PAD.top + plotH / 2}
          transform={`rotate(-90 12 ${PAD.top + plotH / 2})`}
          textAnchor="middle"
          className="fill-slate-500"
          fontSize={11}
        >
          {yLabel}
        </text>
        {tickValues.map((t) => {
          const y = PAD.top + plotH - scale(t, top, plotH);
          return (
            <g key={t}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} className="stroke-slate-200" />
              <text
                x={PAD.left - 6}
                y={y + 4}
                textAnchor="end"
                fontSize={11}
                className="fill-slate-500"
              >
                {compactNumber(t)}
              </text>
            </g>
          );
        })}
        {points.map((p, i) => {
          const h = scale(p.value, top, plotH);
          const x = PAD.left + i * slot + (slot - barW) / 2;
          const y = PAD.top + plotH - h;
          return (
            <g key={`${p.label}-${i}`}>
              <rect x={x} y={y} width={barW} height={h} rx={2} className="fill-indigo-500">
                <title>{formatTitle(p)}</title>
              </rect>
              {p.value > 0 && (
                <text
                  x={x + barW / 2}
                  y={y - 4}
                  textAnchor="middle"
                  fontSize={10}
                  className="fill-slate-700"
                >
                  {formatValue(p.value)}
                </text>
              )}
              <text
                x={x + barW / 2}
                y={H - PAD.bottom + 14}
                textAnchor="middle"
                fontSize={10}
                className="fill-slate-500"
              >
                {p.label}
              </text>
            </g>
          );
        })}
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={PAD.top + plotH}
          y2={PAD.top + plotH}
          className="stroke-slate-400"
        />
        <text
          x={PAD.left + plotW / 2}
          y={H - 4}
          textAnchor="middle"
          fontSize={11}
          className="fill-slate-500"
        >
          Day (month-day)
        </text>
      </svg>
    </figure>
  );
}

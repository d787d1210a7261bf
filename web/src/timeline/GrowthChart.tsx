// A small chart under the timeline: bars of firms landed per month, the running total as a line,
// and the cursor.
import type { GrowthPoint } from '../data/types.ts';
import { monthIndex } from './months.ts';

export interface GrowthChartProps {
  points: GrowthPoint[];
  months: string[];
  cursor: string | null;
  label: string;
}

export function GrowthChart({ points, months, cursor, label }: GrowthChartProps) {
  const W = 260;
  const H = 46;
  if (months.length < 2) return null;
  const first = monthIndex(months[0]!);
  const span = months.length - 1;
  const x = (m: string) => ((monthIndex(m.slice(0, 7)) - first) / span) * (W - 4) + 2;
  const pts = points.filter((p) => /^\d{4}-\d{2}$/.test(p.period) && monthIndex(p.period) >= first);
  const maxCum = Math.max(1, ...pts.map((p) => p.cumulative));
  const maxLanded = Math.max(1, ...pts.map((p) => p.landed));
  const line = pts.map((p) => `${x(p.period).toFixed(1)},${(H - 2 - (p.cumulative / maxCum) * (H - 6)).toFixed(1)}`).join(' ');
  return (
    <svg className="growth-chart" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="growth-chart">
      {pts.map((p) =>
        p.landed > 0 ? (
          <rect key={p.period} x={x(p.period) - 2} width={4} y={H - 2 - (p.landed / maxLanded) * (H * 0.45)} height={(p.landed / maxLanded) * (H * 0.45)} fill="#f28e2b" opacity={0.8}>
            <title>{`${p.period}: +${p.landed}`}</title>
          </rect>
        ) : null,
      )}
      <polyline points={line} fill="none" stroke="#4e79a7" strokeWidth={2} />
      {cursor && <line x1={x(cursor)} x2={x(cursor)} y1={0} y2={H} stroke="#e03131" strokeWidth={1.5} />}
    </svg>
  );
}

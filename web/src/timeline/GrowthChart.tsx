// A small chart under the timeline: per month, bars of firms that landed (up) and that left
// (down, from `leftOn`), the firms in the district at each month's end as a line (arrivals minus
// departures so far: what "as of" counts), and the cursor.
import type { GrowthPoint } from '../data/types.ts';
import { monthIndex } from './months.ts';

export interface GrowthChartProps {
  points: GrowthPoint[];
  months: string[];
  cursor: string | null;
  label: string;
  /** Words of the tooltips: arrivals, departures, firms in the district. */
  words: { arrivals: string; departures: string; net: string };
}

const ARRIVAL = '#f28e2b';
const DEPARTURE = '#c92a2a';
const LINE = '#4e79a7';

export function GrowthChart({ points, months, cursor, label, words }: GrowthChartProps) {
  const W = 260;
  const H = 46;
  if (months.length < 2) return null;
  const first = monthIndex(months[0]!);
  const span = months.length - 1;
  const x = (m: string) => ((monthIndex(m.slice(0, 7)) - first) / span) * (W - 4) + 2;
  const pts = points.filter((p) => /^\d{4}-\d{2}$/.test(p.period) && monthIndex(p.period) >= first);
  const anyLeft = pts.some((p) => p.departures > 0);
  // Bars stand on a baseline; departures hang below it in a band of their own when there are any.
  const below = anyLeft ? 9 : 0;
  const base = H - 2 - below;
  const maxNet = Math.max(1, ...pts.map((p) => p.cumulativeNet));
  const maxBar = Math.max(1, ...pts.map((p) => Math.max(p.landed, p.departures)));
  const up = (n: number) => (n / maxBar) * (H * 0.45);
  const down = (n: number) => Math.min(below, (n / maxBar) * (H * 0.45));
  const line = pts.map((p) => `${x(p.period).toFixed(1)},${(base - (p.cumulativeNet / maxNet) * (base - 4)).toFixed(1)}`).join(' ');
  return (
    <svg className="growth-chart" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="growth-chart">
      {pts.map((p) => (
        <g key={p.period} data-period={p.period}>
          <title>{`${p.period}: ${words.arrivals} +${p.landed}, ${words.departures} −${p.departures}, ${words.net} ${p.cumulativeNet}`}</title>
          {p.landed > 0 && <rect x={x(p.period) - 2} width={4} y={base - up(p.landed)} height={up(p.landed)} fill={ARRIVAL} opacity={0.8} data-testid="growth-arrivals" />}
          {p.departures > 0 && <rect x={x(p.period) - 2} width={4} y={base} height={down(p.departures)} fill={DEPARTURE} opacity={0.85} data-testid="growth-departures" />}
        </g>
      ))}
      {anyLeft && <line x1={0} x2={W} y1={base} y2={base} stroke="#adb5bd" strokeWidth={0.5} />}
      <polyline points={line} fill="none" stroke={LINE} strokeWidth={2} />
      {cursor && <line x1={x(cursor)} x2={x(cursor)} y1={0} y2={H} stroke="#e03131" strokeWidth={1.5} />}
    </svg>
  );
}

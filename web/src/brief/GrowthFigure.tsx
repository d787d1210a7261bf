// The briefing's growth chart: arrivals per month as bars (departures hang below the baseline),
// the firms there at each month's end as a line, with its first and last values and the months at
// the ends — a static SVG drawn at print size, readable in black and white (bars filled, line
// solid, the numbers written out).
import type { BriefGrowthPoint } from './briefQueries.ts';
import type { BriefT } from './briefStrings.ts';

const W = 330;
const H = 104;
const LEFT = 22;
const RIGHT = 26;
const TOP = 10;
const AXIS = 14;

export function GrowthFigure({ points, t, label }: { points: BriefGrowthPoint[]; t: BriefT; label: string }) {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return null;
  const anyLeft = points.some((p) => p.departures > 0);
  const below = anyLeft ? 12 : 0;
  const base = H - AXIS - below;
  const plotW = W - LEFT - RIGHT;
  const step = plotW / points.length;
  const x = (i: number) => LEFT + step * i + step / 2;
  const maxNet = Math.max(1, ...points.map((p) => p.cumulativeNet));
  const maxBar = Math.max(1, ...points.map((p) => Math.max(p.landed, p.departures)));
  const barH = (n: number) => (n / maxBar) * (base - TOP) * 0.55;
  const lineY = (n: number) => base - (n / maxNet) * (base - TOP);
  const barW = Math.max(1.5, Math.min(9, step * 0.7));
  const line = points.map((p, i) => `${x(i).toFixed(1)},${lineY(p.cumulativeNet).toFixed(1)}`).join(' ');
  const years = points.map((p, i) => ({ p, i })).filter(({ p, i }) => i >= 3 && p.period.endsWith('-01') && i < points.length - 3);
  return (
    <svg className="brief-growth" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="brief-growth">
      <line x1={LEFT} x2={W - RIGHT} y1={base} y2={base} stroke="#868e96" strokeWidth={0.6} />
      {years.map(({ p, i }) => (
        <g key={p.period}>
          <line x1={x(i) - step / 2} x2={x(i) - step / 2} y1={TOP} y2={base + 3} stroke="#dee2e6" strokeWidth={0.6} />
          <text x={x(i) - step / 2 + 2} y={H - 3} className="axis">{p.period.slice(0, 4)}</text>
        </g>
      ))}
      {points.map((p, i) => (
        <g key={p.period} data-period={p.period}>
          <title>{`${p.period}: ${t('arrivals')} +${p.landed}, ${t('departures')} −${p.departures}, ${t('firmsNow')} ${p.cumulativeNet}`}</title>
          {p.landed > 0 && <rect x={x(i) - barW / 2} width={barW} y={base - barH(p.landed)} height={barH(p.landed)} fill="#f28e2b" />}
          {p.departures > 0 && <rect x={x(i) - barW / 2} width={barW} y={base} height={Math.min(below, barH(p.departures))} fill="#c92a2a" />}
          {p.landed > 0 && step >= 9 && <text x={x(i)} y={base - barH(p.landed) - 1.5} className="bar-n" textAnchor="middle">{p.landed}</text>}
        </g>
      ))}
      <polyline points={line} fill="none" stroke="#1c64c8" strokeWidth={1.8} />
      <circle cx={x(points.length - 1)} cy={lineY(last.cumulativeNet)} r={2.4} fill="#1c64c8" />
      <text x={x(points.length - 1) + 4} y={lineY(last.cumulativeNet) + 3} className="value">{last.cumulativeNet}</text>
      <text x={LEFT - 3} y={lineY(first.cumulativeNet) + 3} className="value" textAnchor="end">{first.cumulativeNet}</text>
      <text x={LEFT} y={H - 3} className="axis">{first.period}</text>
      <text x={W - RIGHT} y={H - 3} className="axis" textAnchor="end">{last.period}</text>
    </svg>
  );
}

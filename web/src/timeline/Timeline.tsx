// The timeline under the graph: play / pause / speed, a month slider (drag it, or use the arrow
// keys: it is a native range input), counters and the growth chart. It only moves the `asOf`
// cursor of the view state; the graph toggles visibility and never re-lays out.
import { useEffect, useState } from 'react';
import type { GrowthPoint } from '../data/types.ts';
import { useT } from '../i18n/useT.ts';
import { GrowthChart } from './GrowthChart.tsx';
import { GrowthLegend } from './GrowthLegend.tsx';

export interface TimelineProps {
  months: string[];
  asOf: string | null;
  growth: GrowthPoint[];
  firms: number;
  investment: string;
  onChange: (asOf: string | null) => void;
}

const SPEEDS = [0.5, 1, 2, 4];
const BASE_TICK_MS = 700;

export function Timeline({ months, asOf, growth, firms, investment, onChange }: TimelineProps) {
  const t = useT();
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const last = months.length - 1;
  const index = asOf === null ? last : Math.max(0, months.indexOf(asOf));

  useEffect(() => {
    if (!playing) return;
    const id = setInterval(() => {
      const next = index + 1;
      if (next > last) {
        setPlaying(false);
        return;
      }
      onChange(months[next] ?? null);
    }, BASE_TICK_MS / speed);
    return () => clearInterval(id);
  }, [playing, speed, index, last, months, onChange]);

  const togglePlay = () => {
    if (!playing && (asOf === null || index >= last)) onChange(months[0] ?? null);
    setPlaying(!playing);
  };

  if (months.length === 0) return <footer className="timeline" data-testid="timeline" />;
  return (
    <footer className="timeline" data-testid="timeline" aria-label={t('timeline')}>
      <button type="button" className="play" onClick={togglePlay} data-testid="timeline-play" aria-label={playing ? t('pause') : t('play')} title={playing ? t('pause') : t('play')}>
        {playing ? '❚❚' : '▶'}
      </button>
      <label className="speed">
        <span className="sr-only">{t('speed')}</span>
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} data-testid="timeline-speed" aria-label={t('speed')}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>{`${s}×`}</option>
          ))}
        </select>
      </label>
      <div className="slider-wrap">
        <input
          type="range"
          min={0}
          max={last}
          step={1}
          value={index}
          onChange={(e) => {
            setPlaying(false);
            onChange(months[Number(e.target.value)] ?? null);
          }}
          aria-label={t('timeline')}
          aria-valuetext={asOf ?? t('allTime')}
          data-testid="timeline-slider"
          data-first-month={months[0]}
          style={{ ['--pct' as string]: `${(index / Math.max(1, last)) * 100}%` }}
        />
        <div className="ticks" aria-hidden>
          {months.map((m, i) =>
            m.endsWith('-01') ? (
              <span key={m} style={{ left: `${(i / Math.max(1, last)) * 100}%` }}>
                {m.slice(0, 4)}
              </span>
            ) : null,
          )}
        </div>
      </div>
      <div className="cursor-label">
        <span className="muted">{t('asOf')}</span>
        <strong data-testid="timeline-month">{asOf ?? t('allTime')}</strong>
        {asOf !== null && (
          <button type="button" className="link" onClick={() => { setPlaying(false); onChange(null); }} data-testid="timeline-all">
            {t('allTime')}
          </button>
        )}
      </div>
      <div className="counters">
        <div>
          <span className="muted">{t('firms')}</span>
          <strong data-testid="counter-firms">{firms}</strong>
        </div>
        <div>
          <span className="muted">{t('investment')}</span>
          <strong data-testid="counter-investment">{investment}</strong>
        </div>
      </div>
      <GrowthChart
        points={growth}
        months={months}
        cursor={asOf}
        label={t('growthChart')}
        words={{ arrivals: t('growthArrivals'), departures: t('growthDepartures'), net: t('growthNet') }}
      />
      <GrowthLegend items={[['#f28e2b', t('growthArrivals')], ['#c92a2a', t('growthDepartures')], ['#4e79a7', t('growthNet')]]} />
    </footer>
  );
}

// The growth chart's key: a swatch and a word per series (arrivals, departures, firms in the
// district). Styled inline: the chart is the timeline's own, and so is its key.
export interface GrowthLegendProps {
  items: Array<[colour: string, label: string]>;
}

export function GrowthLegend({ items }: GrowthLegendProps) {
  return (
    <ul className="growth-legend" data-testid="growth-legend" style={{ listStyle: 'none', margin: 0, padding: 0, fontSize: 11, lineHeight: 1.35, color: '#495057' }}>
      {items.map(([colour, label]) => (
        <li key={label} style={{ display: 'flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}>
          <span aria-hidden style={{ display: 'inline-block', width: 10, height: 6, background: colour, borderRadius: 1 }} />
          {label}
        </li>
      ))}
    </ul>
  );
}

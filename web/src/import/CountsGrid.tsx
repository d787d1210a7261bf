// The counts of a preview, or of what an import wrote. Errors and held rows carry a sign as well
// as a colour, so nothing depends on seeing red.
import type { StringKey } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import type { RegistryCounts } from './types.ts';

const TILES: [keyof RegistryCounts, StringKey][] = [
  ['rows', 'cntRows'],
  ['firms', 'cntFirms'],
  ['new', 'cntNew'],
  ['changed', 'cntChanged'],
  ['unchanged', 'cntUnchanged'],
  ['departures', 'cntDepartures'],
  ['notInExport', 'cntNotInExport'],
  ['held', 'cntHeld'],
  ['duplicateRows', 'cntDuplicateRows'],
  ['toReview', 'cntToReview'],
  ['errors', 'cntErrors'],
  ['warnings', 'cntWarnings'],
];

const SIGN: Partial<Record<keyof RegistryCounts, string>> = { errors: '✕', held: '‖', warnings: '⚠', toReview: '?' };

export function CountsGrid({ counts, testid }: { counts: RegistryCounts; testid: string }) {
  const t = useT();
  return (
    <dl className="counts" data-testid={testid}>
      {TILES.map(([k, label]) => {
        const n = counts[k];
        const flag = n > 0 && SIGN[k];
        return (
          <div key={k} className={`count${flag ? ` flag-${k}` : ''}`} data-testid={`${testid}-${k}`}>
            <dt>{t(label)}</dt>
            <dd>
              {flag && <span aria-hidden>{flag} </span>}
              {n.toLocaleString()}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

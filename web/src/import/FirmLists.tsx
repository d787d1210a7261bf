// What an import would change, firm by firm: new firms, firms matched to ones the database has
// (and how: by code, or by name — check those), changed firms with each field from → to, firms
// that leave, firms imported before and missing from this export, and rows held. The API sends
// the first 50 of each; the heading gives the total.
import type { ReactNode } from 'react';
import type { StringKey } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import type { RegistryCounts, RegistryFirm, RegistryPreview } from './types.ts';

type ListId = 'new' | 'matched' | 'changed' | 'departures' | 'notInExport' | 'held';
type Extra = 'segment' | 'matchedBy' | 'changes' | 'left' | 'heldWhy';

interface ListSpec {
  id: ListId;
  title: StringKey;
  firms: (p: RegistryPreview) => readonly RegistryFirm[];
  total: (c: RegistryCounts) => number;
  extras: Extra[];
}

const LISTS: ListSpec[] = [
  { id: 'new', title: 'listNew', firms: (p) => p.newFirms, total: (c) => c.new, extras: ['segment'] },
  // Matched = every firm of the export the database has already: the changed and the unchanged.
  { id: 'matched', title: 'listMatched', firms: (p) => p.matched, total: (c) => c.changed + c.unchanged, extras: ['matchedBy'] },
  { id: 'changed', title: 'listChanged', firms: (p) => p.changedFirms, total: (c) => c.changed, extras: ['changes'] },
  { id: 'departures', title: 'listDepartures', firms: (p) => p.departures, total: (c) => c.departures, extras: ['left'] },
  { id: 'notInExport', title: 'listNotInExport', firms: (p) => p.notInExport, total: (c) => c.notInExport, extras: [] },
  { id: 'held', title: 'listHeld', firms: (p) => p.held, total: (c) => c.held, extras: ['heldWhy'] },
];

const EXTRA_TITLE: Record<Extra, StringKey> = { segment: 'firmSegment', matchedBy: 'firmMatchedBy', changes: 'firmChanges', left: 'firmLeft', heldWhy: 'firmHeldWhy' };
const MATCHED_BY: Record<string, StringKey> = { creditCode: 'matchCreditCode', registrationNumber: 'matchRegistrationNumber', name: 'matchName', formerName: 'matchFormerName', alias: 'matchAlias' };
/** Matches by a name, not an identity: a different firm of the same name is possible. */
const BY_NAME = new Set(['name', 'formerName', 'alias']);
const LEFT_HOW: Record<string, StringKey> = { closed: 'leftClosed', revoked: 'leftRevoked', movedOut: 'leftMovedOut', notInFullExport: 'leftNotInFullExport' };

export function FirmLists({ preview }: { preview: RegistryPreview }) {
  const t = useT();
  return (
    <section className="import-section" aria-labelledby="changes-title">
      <h3 id="changes-title">{t('impWhatChanges')}</h3>
      {LISTS.map((spec) => {
        const firms = spec.firms(preview);
        const total = Math.max(spec.total(preview.counts), firms.length);
        return (
          <details key={spec.id} className="firm-list" open={firms.length > 0 && firms.length <= 12} data-testid={`list-${spec.id}`}>
            <summary>
              {t(spec.title)} <span className="muted">({total.toLocaleString()})</span>
            </summary>
            {firms.length === 0 ? (
              <p className="muted small">{t('listEmpty')}</p>
            ) : (
              <>
                {total > firms.length && <p className="muted small">{t('listFirstOf', { n: firms.length, total: total.toLocaleString() })}</p>}
                <div className="table-wrap">
                  <table className="data-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('firmName')}</th>
                        {spec.id !== 'new' && spec.id !== 'held' && <th scope="col">{t('firmEnterprise')}</th>}
                        <th scope="col">{t('firmRows')}</th>
                        {spec.extras.map((x) => <th key={x} scope="col">{t(EXTRA_TITLE[x])}</th>)}
                      </tr>
                    </thead>
                    <tbody>
                      {firms.map((f) => (
                        <tr key={f.key} data-testid={`${spec.id}-firm`} data-key={f.key}>
                          <th scope="row">
                            {f.name}
                            <span className="muted small block">{f.key}</span>
                          </th>
                          {spec.id !== 'new' && spec.id !== 'held' && <td><code>{f.enterpriseId}</code></td>}
                          <td className="num">{f.rows.join(', ')}</td>
                          {spec.extras.map((x) => <td key={x}>{extra(x, f, t)}</td>)}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </details>
        );
      })}
    </section>
  );
}

type T = (k: StringKey, v?: Record<string, string | number>) => string;

function extra(x: Extra, f: RegistryFirm, t: T): ReactNode {
  switch (x) {
    case 'segment':
      return <Placement f={f} t={t} />;
    case 'matchedBy': {
      const key = f.matchedBy ? MATCHED_BY[f.matchedBy] : undefined;
      const label = key ? t(key) : (f.matchedBy ?? '—');
      // A match by name may be a different firm of the same name: the planner checks it.
      return f.matchedBy && BY_NAME.has(f.matchedBy) ? <span className="tag warn">⚠ {label} · {t('matchCheck')}</span> : label;
    }
    case 'changes':
      return (
        <ul className="changes">
          {f.changes.map((c) => (
            <li key={c.field}>
              <code>{c.field}</code>: <del>{c.from ?? '—'}</del> → <ins>{c.to ?? '—'}</ins>
            </li>
          ))}
        </ul>
      );
    case 'left': {
      const key = f.leftHow ? LEFT_HOW[f.leftHow] : undefined;
      return `${key ? t(key) : (f.leftHow ?? '—')}${f.leftOn ? ` · ${f.leftOn}` : ''}`;
    }
    case 'heldWhy':
      return f.heldWhy ?? '—';
  }
}

function Placement({ f, t }: { f: RegistryFirm; t: T }) {
  if (!f.segmentId) return <span className="muted">{t('unplaced')}{f.needsReview ? ` · ? ${t('needsReview')}` : ''}</span>;
  return (
    <span title={f.placementReason ?? undefined}>
      {f.segmentName ?? f.segmentId}
      {f.confidence != null && <span className="muted"> · {f.confidence.toFixed(2)}</span>}
      {f.needsReview && <> <span className="tag warn">? {t('needsReview')}</span></>}
    </span>
  );
}

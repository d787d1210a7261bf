// Search with suggestions as you type, in any form a person types (头条, 今日頭條, toutiao, jrtt).
// The header's box asks `find`: firms, projects, parks and other places, chains and segments, each
// labelled with its kind; picking one does what the explorer can with it (pickHit.ts). A box for
// firms only (the path panel's ends) asks `search`. An ARIA combobox: arrows move, Enter picks,
// Escape closes, and "/" anywhere on the page focuses it.
import { useEffect, useId, useRef, useState } from 'react';
import { describeError } from '../data/describeError.ts';
import { gql, GraphqlRequestError } from '../data/graphqlClient.ts';
import { SEARCH_QUERY } from '../data/queries.ts';
import { displayName } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import { updateView, useView } from '../state/viewStore.ts';
import { FIND_QUERY, type FindHit } from './findQuery.ts';
import { hitKindKey, pickHit, type FirmHit } from './pickHit.ts';

export interface SearchBoxProps {
  /** A firm was picked (a project's firm, for a project hit). */
  onPick: (firm: FirmHit) => void;
  placeholder?: string;
  testId?: string;
  globalShortcut?: boolean;
  /** Only firms, through `search`: for boxes whose pick must be a firm. */
  firmsOnly?: boolean;
}

/** A firm of `search` as a `find` hit, so one list renders both. */
const firmHit = (e: FirmHit): FindHit => ({ kind: 'ENTERPRISE', id: e.id, name: e.name, nameEn: e.nameEn, enterprise: e, project: null, place: null, segment: null });

async function lookUp(query: string, firmsOnly: boolean, signal: AbortSignal): Promise<FindHit[]> {
  if (firmsOnly) return (await gql(SEARCH_QUERY, { query, limit: 8 }, { signal, retries: 0 })).search.map(firmHit);
  return (await gql(FIND_QUERY, { query, limit: 8 }, { signal, retries: 0 })).find;
}

export function SearchBox({ onPick, placeholder, testId = 'search', globalShortcut = false, firmsOnly = false }: SearchBoxProps) {
  const t = useT();
  const { lang } = useView();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<FindHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [failure, setFailure] = useState<GraphqlRequestError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setHits([]);
      return;
    }
    setNote(null);
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      lookUp(q, firmsOnly, ctrl.signal)
        .then((found) => {
          setHits(found);
          setActive(0);
          setOpen(true);
          setFailure(null);
        })
        .catch((e: unknown) => {
          if (ctrl.signal.aborted) return;
          setFailure(e instanceof GraphqlRequestError ? e : new GraphqlRequestError(String(e), 'network', { cause: e }));
          setHits([]);
          setOpen(true);
        });
    }, 180);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [text, firmsOnly]);

  useEffect(() => {
    if (!globalShortcut) return;
    const onKey = (e: KeyboardEvent) => {
      const tag = (e.target as HTMLElement | null)?.tagName;
      if (e.key === '/' && tag !== 'INPUT' && tag !== 'TEXTAREA' && tag !== 'SELECT') {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [globalShortcut]);

  const pick = (h: FindHit | undefined) => {
    if (!h) return;
    const action = pickHit(h);
    if (action.kind === 'firm') onPick(action.firm);
    else if (action.kind === 'filter') updateView((v) => ({ filters: { ...v.filters, ...action.filters }, panel: 'filters' }));
    else setNote(t(action.note, { name: displayName(lang, h.name, h.nameEn) }));
    setOpen(false);
    setText('');
    input.current?.blur();
  };

  return (
    <div className="search" data-testid={`${testId}-box`}>
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label={placeholder ?? t('searchPlaceholder')}
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && hits[active] ? `${listId}-${active}` : undefined}
        placeholder={placeholder ?? t('searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onFocus={() => hits.length && setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            pick(hits[active]);
          } else if (e.key === 'Escape') setOpen(false);
        }}
        data-testid={testId}
      />
      {open && text.trim() !== '' && (
        <ul id={listId} role="listbox" className="suggestions" data-testid={`${testId}-suggestions`}>
          {hits.length === 0 && (
            <li className="muted" role="option" aria-selected={false} aria-disabled>
              {failure ? describeError(lang, failure) : t(firmsOnly ? 'noMatches' : 'noMatchesAny')}
            </li>
          )}
          {hits.map((h, i) => (
            <li
              key={h.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(h);
              }}
              onMouseEnter={() => setActive(i)}
              data-testid="search-suggestion"
              data-id={h.id}
              data-kind={h.kind}
            >
              <span className="name">{displayName(lang, h.name, h.nameEn)}</span>
              {!firmsOnly && <span className={`hit-kind hit-${h.kind.toLowerCase()}`} data-testid="search-kind">{t(hitKindKey(h))}</span>}
              {h.enterprise?.isAnchor && <span className="badge anchor">{t('anchor')}</span>}
              <span className="muted small">{lang === 'en' ? h.name : (h.nameEn ?? '')}</span>
            </li>
          ))}
        </ul>
      )}
      {note && (
        <p className="search-note" role="status" data-testid={`${testId}-note`}>
          {note}
          <button type="button" className="link" aria-label={t('close')} onClick={() => setNote(null)}>
            ×
          </button>
        </p>
      )}
    </div>
  );
}

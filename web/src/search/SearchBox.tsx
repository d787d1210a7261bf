// Search with suggestions as you type, in any form a person types (头条, 今日頭條, toutiao, jrtt):
// the API's `search` does the matching. An ARIA combobox: arrows move, Enter picks, Escape closes,
// and "/" anywhere on the page focuses it.
import { useEffect, useId, useRef, useState } from 'react';
import { gql } from '../data/graphqlClient.ts';
import { SEARCH_QUERY } from '../data/queries.ts';
import type { SearchHit } from '../data/types.ts';
import { displayName } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import { useView } from '../state/viewStore.ts';

export interface SearchBoxProps {
  onPick: (hit: SearchHit) => void;
  placeholder?: string;
  testId?: string;
  globalShortcut?: boolean;
}

export function SearchBox({ onPick, placeholder, testId = 'search', globalShortcut = false }: SearchBoxProps) {
  const t = useT();
  const { lang } = useView();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [failed, setFailed] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setHits([]);
      return;
    }
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      gql(SEARCH_QUERY, { query: q, limit: 8 }, { signal: ctrl.signal, retries: 0 })
        .then((d) => {
          setHits(d.search);
          setActive(0);
          setOpen(true);
          setFailed(false);
        })
        .catch(() => {
          if (!ctrl.signal.aborted) setFailed(true);
        });
    }, 180);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [text]);

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

  const pick = (h: SearchHit | undefined) => {
    if (!h) return;
    onPick(h);
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
          {hits.length === 0 && <li className="muted">{failed ? t('apiError') : t('noMatches')}</li>}
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
            >
              <span className="name">{displayName(lang, h.name, h.nameEn)}</span>
              {h.isAnchor && <span className="badge anchor">{t('anchor')}</span>}
              <span className="muted small">{lang === 'en' ? h.name : (h.nameEn ?? '')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

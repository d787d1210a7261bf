import { useCallback } from 'react';
import { useView } from '../state/viewStore.ts';
import { translate, type StringKey } from './strings.ts';

/** The translator for the current UI language (from the view state). */
export function useT(): (key: StringKey, vars?: Record<string, string | number>) => string {
  const { lang } = useView();
  return useCallback((key, vars) => translate(lang, key, vars), [lang]);
}

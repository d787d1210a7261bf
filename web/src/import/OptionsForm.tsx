// What the planner may say beside the file: the worksheet, a column mapping (pasted, or loaded
// from a .json file), whether the export is the complete list, and whether to import the valid
// rows and hold the rest. Each toggle says in one line what it does.
import { useRef } from 'react';
import { useT } from '../i18n/useT.ts';
import type { MappingResult } from './parseColumnMapping.ts';
import type { ImportOptions } from './types.ts';

export interface OptionsFormProps {
  options: ImportOptions;
  mapping: MappingResult;
  /** `now`: the change should be checked at once (a toggle); typing waits for "Check". */
  onChange: (o: ImportOptions, now: boolean) => void;
  onCheck: () => void;
  canCheck: boolean;
  stale: boolean;
}

export function OptionsForm({ options, mapping, onChange, onCheck, canCheck, stale }: OptionsFormProps) {
  const t = useT();
  const jsonInput = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<ImportOptions>, now: boolean) => onChange({ ...options, ...patch }, now);
  return (
    <fieldset className="import-options">
      <legend>{t('impOptions')}</legend>
      <label className="field">
        <span>{t('impSheet')}</span>
        <input type="text" value={options.sheet} placeholder={t('impSheetPlaceholder')} onChange={(e) => set({ sheet: e.target.value }, false)} data-testid="opt-sheet" />
      </label>
      <div className="field">
        <label htmlFor="opt-mapping">{t('impMapping')}</label>
        <textarea
          id="opt-mapping"
          rows={3}
          spellCheck={false}
          value={options.mappingText}
          placeholder={'{ "我的列名": "creditCode" }'}
          onChange={(e) => set({ mappingText: e.target.value }, false)}
          aria-invalid={!mapping.ok}
          aria-describedby="opt-mapping-help"
          data-testid="opt-mapping"
        />
        <div className="field-row">
          <button type="button" onClick={() => jsonInput.current?.click()} data-testid="opt-mapping-file">{t('impMappingLoad')}</button>
          <input
            ref={jsonInput}
            type="file"
            accept=".json,application/json"
            hidden
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void f.text().then((text) => set({ mappingText: text }, false));
            }}
          />
          <span id="opt-mapping-help" className="muted small">{t('impMappingHelp')}</span>
        </div>
        {!mapping.ok && <p className="problem-text" role="alert" data-testid="opt-mapping-error">✕ {t(mapping.key, { detail: mapping.detail })}</p>}
      </div>
      <label className="check">
        <input type="checkbox" checked={options.full} onChange={(e) => set({ full: e.target.checked }, true)} data-testid="opt-full" />
        <span>
          <strong>{t('impFull')}</strong>
          <span className="muted"> — {t('impFullHelp')}</span>
        </span>
      </label>
      <label className="check">
        <input type="checkbox" checked={options.holdInvalid} onChange={(e) => set({ holdInvalid: e.target.checked }, true)} data-testid="opt-hold" />
        <span>
          <strong>{t('impHold')}</strong>
          <span className="muted"> — {t('impHoldHelp')}</span>
        </span>
      </label>
      <div className="field-row">
        <button type="button" className={stale ? 'primary' : ''} disabled={!canCheck} onClick={onCheck} data-testid="check-file">
          {t('impCheck')}
        </button>
        {stale && <span className="note-text" role="status">⟳ {t('impStaleNote')}</span>}
      </div>
    </fieldset>
  );
}

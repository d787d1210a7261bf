// Where the export goes in: a drop zone with a "choose file" button (the keyboard's way in), and
// what was picked: its name, its size and what the upload weighs (base64 is a third larger).
import { useRef, useState, type DragEvent } from 'react';
import { useT } from '../i18n/useT.ts';
import { ACCEPTED, base64Size, formatBytes } from './readFileBase64.ts';
import type { PickedFile } from './types.ts';

export function FileDrop({ file, reading, error, onFile }: { file: PickedFile | null; reading: boolean; error: string | null; onFile: (f: File) => void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f) onFile(f);
  };
  return (
    <div
      className={`drop-zone${over ? ' over' : ''}`}
      onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="drop-zone"
      data-over={over}
    >
      <p className="drop-title" aria-hidden>{over ? t('impDropRelease') : t('impDropHere')}</p>
      <button type="button" className="primary" onClick={() => input.current?.click()} data-testid="pick-file">
        {t('impPickFile')}
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPTED.join(',')}
        hidden
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
          e.target.value = ''; // picking the same file again is a new pick
        }}
        data-testid="file-input"
      />
      <p className="muted small">{t('impAccepted')}</p>
      <div aria-live="polite" data-testid="picked-file">
        {reading && <p><span className="spinner inline" aria-hidden /> {t('impReadingFile')}</p>}
        {file && !reading && (
          <p className="picked">
            <strong>{file.name}</strong> · {formatBytes(file.size)} · {t('impUploadSize', { size: formatBytes(base64Size(file.size)) })}
          </p>
        )}
        {error && <p className="problem-text" role="alert">✕ {error}</p>}
      </div>
    </div>
  );
}

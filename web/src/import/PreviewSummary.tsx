// The head of a preview: which file, how its text was decoded, which sheet, which district, and
// how large the upload was.
import { useT } from '../i18n/useT.ts';
import { base64Size, formatBytes } from './readFileBase64.ts';
import type { PickedFile, RegistryPreview } from './types.ts';

export function PreviewSummary({ preview, file }: { preview: RegistryPreview; file: PickedFile | null }) {
  const t = useT();
  return (
    <dl className="facts preview-facts" data-testid="preview-summary">
      <dt>{t('impFile')}</dt>
      <dd>{preview.file}</dd>
      <dt>{t('impEncoding')}</dt>
      <dd data-testid="preview-encoding"><code>{preview.encoding}</code></dd>
      <dt>{t('impSheetRead')}</dt>
      <dd data-testid="preview-sheet">{preview.sheetName ?? '—'}</dd>
      <dt>{t('impDistrict')}</dt>
      <dd><code>{preview.districtId}</code></dd>
      {file && (
        <>
          <dt>{t('impUpload')}</dt>
          <dd>{formatBytes(file.size)} → {formatBytes(base64Size(file.size))} (base64)</dd>
        </>
      )}
    </dl>
  );
}

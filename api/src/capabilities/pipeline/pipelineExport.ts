import { toCsv } from '@cangshan/model';
import { registryXlsxBuffer } from '@cangshan/seed';
import type { PipelineChangeRow, PipelineEntryOut } from './toEntry.ts';
import type { PipelineStage } from './pipelineStages.ts';

export type ExportFormat = 'CSV' | 'XLSX';
export type ExportLanguage = 'ZH' | 'EN';

const STAGE_NAMES: Record<ExportLanguage, Record<PipelineStage, string>> = {
  ZH: { TO_CONTACT: '待接触', CONTACTED: '已接触', VISITED: '已考察', SIGNED: '已签约', LANDED: '已落地', DROPPED: '放弃' },
  EN: { TO_CONTACT: 'To contact', CONTACTED: 'Contacted', VISITED: 'Visited', SIGNED: 'Signed', LANDED: 'Landed', DROPPED: 'Dropped' },
};

const HEADERS: Record<ExportLanguage, readonly string[]> = {
  ZH: ['企业', '企业 ID', '阶段', '负责小组', '下一步截止', '进入本阶段', '备注', '最近变更', '加入时间', '加入人', '最近更新', '更新人'],
  EN: ['Firm', 'Firm id', 'Stage', 'Team', 'Next step due', 'In stage since', 'Note', 'Last change', 'Added', 'Added by', 'Updated', 'Updated by'],
};

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An ISO date-time as a spreadsheet reader wants it: `2026-05-20 08:30` (UTC, as stored). */
const minute = (iso: string | null): string | null => (iso ? iso.replace('T', ' ').slice(0, 16) : null);

/** The newest change in words: `2026-05-20 08:30 alice: 已接触 → 已考察`. */
function lastChange(c: PipelineChangeRow | undefined, lang: ExportLanguage): string | null {
  if (!c) return null;
  const names = STAGE_NAMES[lang];
  const move = c.fromStage && c.fromStage !== c.stage ? `${names[c.fromStage]} → ${names[c.stage]}` : names[c.stage];
  return `${minute(c.at)} ${c.by}: ${move}`;
}

/** One entry as the file's row, in HEADERS' order. */
function rowOf(e: PipelineEntryOut, last: PipelineChangeRow | undefined, lang: ExportLanguage): (string | null)[] {
  const name = lang === 'EN' && typeof e.enterprise.nameEn === 'string' && e.enterprise.nameEn ? e.enterprise.nameEn : e.enterprise.name;
  return [name, e.enterpriseId, STAGE_NAMES[lang][e.stage], e.team, e.dueOn, minute(e.stageSince), e.note, lastChange(last, lang), minute(e.createdAt), e.createdBy, minute(e.updatedAt), e.updatedBy];
}

/**
 * The pipeline as a file. CSV through the model's one CSV writer (UTF-8 with BOM, formula-like text
 * neutralised); .xlsx through seed's one-sheet workbook writer (exceljs, a dependency of seed), which
 * writes every cell as a value, never a formula.
 */
export async function pipelineFile(
  entries: readonly PipelineEntryOut[],
  lastChanges: ReadonlyMap<string, PipelineChangeRow>,
  opts: { format: ExportFormat; language: ExportLanguage; today: string },
): Promise<{ fileName: string; mediaType: string; base64: string; rows: number }> {
  const headers = HEADERS[opts.language];
  const rows = entries.map((e) => rowOf(e, lastChanges.get(e.id), opts.language));
  const stem = `${opts.language === 'ZH' ? '招商进度' : 'recruitment-pipeline'}-${opts.today}`;
  if (opts.format === 'CSV') {
    const bytes = Buffer.from(toCsv(headers, rows), 'utf8');
    return { fileName: `${stem}.csv`, mediaType: 'text/csv; charset=utf-8', base64: bytes.toString('base64'), rows: rows.length };
  }
  const table = { headers, rows: rows.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] ?? null]))) };
  const bytes = await registryXlsxBuffer(table, opts.language === 'ZH' ? '招商进度' : 'Pipeline');
  return { fileName: `${stem}.xlsx`, mediaType: XLSX_TYPE, base64: Buffer.from(bytes).toString('base64'), rows: rows.length };
}

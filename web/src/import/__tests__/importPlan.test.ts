import { describe, expect, it } from 'vitest';
import { fileInput, importBlocker, isUnknownColumn, previewKey, sortProblems } from '../importPlan.ts';
import { parseColumnMapping } from '../parseColumnMapping.ts';
import { base64Size, formatBytes, isAccepted } from '../readFileBase64.ts';
import { DEFAULT_OPTIONS, type PickedFile, type RegistryPreview, type RegistryProblem } from '../types.ts';

const file: PickedFile = { name: '仓山区企业名录.xlsx', size: 7000, base64: 'UEsDBA==', pick: 1 };
const counts = { rows: 4, firms: 3, held: 1, duplicateRows: 0, new: 3, changed: 0, unchanged: 0, departures: 0, notInExport: 0, toReview: 1, errors: 1, warnings: 1 };
const preview = (importable: boolean): RegistryPreview => ({
  file: file.name, encoding: 'xlsx', sheetName: '企业列表', districtId: 'cangshan', importable, columns: [], counts, problems: [],
  newFirms: [], matched: [], changedFirms: [], departures: [], notInExport: [], held: [],
});
const problem = (p: Partial<RegistryProblem>): RegistryProblem => ({ kind: 'invalid credit code', level: 'error', file: file.name, row: 3, column: null, value: null, why: 'x', ...p });

describe('the column mapping', () => {
  it('is optional: empty text or an empty object sends none', () => {
    expect(parseColumnMapping('  ')).toEqual({ ok: true, columns: null });
    expect(parseColumnMapping('{}')).toEqual({ ok: true, columns: null });
  });
  it('takes an object of header → field', () => {
    expect(parseColumnMapping('{"我的代码": " creditCode "}')).toEqual({ ok: true, columns: { 我的代码: 'creditCode' } });
  });
  it('names what is wrong: not JSON, not an object, an entry without a field name', () => {
    expect(parseColumnMapping('{"a": ')).toMatchObject({ ok: false, key: 'impMapNotJson' });
    expect(parseColumnMapping('["creditCode"]')).toMatchObject({ ok: false, key: 'impMapNotObject' });
    expect(parseColumnMapping('{"代码": 3}')).toEqual({ ok: false, key: 'impMapBadField', detail: '代码' });
  });
});

describe('what is sent', () => {
  it('the file with the options; an empty sheet is the default one', () => {
    expect(fileInput(file, { ...DEFAULT_OPTIONS, sheet: ' 企业列表 ', holdInvalid: true, mappingText: '{"代码":"creditCode"}' })).toEqual({
      filename: file.name, contentBase64: file.base64, sheet: '企业列表', columns: { 代码: 'creditCode' }, full: false, holdInvalid: true,
    });
    expect(fileInput(file, DEFAULT_OPTIONS)?.sheet).toBeNull();
  });
  it('nothing while the mapping is broken', () => {
    expect(fileInput(file, { ...DEFAULT_OPTIONS, mappingText: '{' })).toBeNull();
  });
  it('a preview is stale once an option or the file changes', () => {
    const k = previewKey(file, DEFAULT_OPTIONS);
    expect(previewKey(file, { ...DEFAULT_OPTIONS })).toBe(k);
    expect(previewKey(file, { ...DEFAULT_OPTIONS, holdInvalid: true })).not.toBe(k);
    expect(previewKey({ ...file, pick: 2 }, DEFAULT_OPTIONS)).not.toBe(k);
  });
});

describe('why Import is disabled', () => {
  const base = { file, preview: preview(true), previewing: false, stale: false, mappingOk: true, holdInvalid: false, starting: false };
  it('is enabled for a fresh, importable preview', () => {
    expect(importBlocker(base)).toBeNull();
  });
  it('says what to do, in the order to do it', () => {
    expect(importBlocker({ ...base, file: null, preview: null })?.key).toBe('impBlockNoFile');
    expect(importBlocker({ ...base, mappingOk: false })?.key).toBe('impBlockMapping');
    expect(importBlocker({ ...base, previewing: true })?.key).toBe('impBlockPreviewing');
    expect(importBlocker({ ...base, preview: null })?.key).toBe('impBlockNoPreview');
    expect(importBlocker({ ...base, stale: true })?.key).toBe('impBlockStale');
    expect(importBlocker({ ...base, starting: true })?.key).toBe('impBlockStarting');
  });
  it('errors without holdInvalid: fix the file or hold the invalid rows', () => {
    expect(importBlocker({ ...base, preview: preview(false) })).toEqual({ key: 'impBlockErrors', vars: { n: 1 } });
    expect(importBlocker({ ...base, preview: preview(false), holdInvalid: true })?.key).toBe('impBlockNotImportable');
  });
});

describe('columns and problems', () => {
  it('an unknown column is flagged; a known one, or a known extra, is not', () => {
    const problems = [problem({ kind: 'unknown column', level: 'warning', row: null, column: '备注' })];
    expect(isUnknownColumn({ header: '备注', field: null, how: 'extra', note: null }, problems)).toBe(true);
    expect(isUnknownColumn({ header: '说明', field: null, how: 'unknown: kept as extra', note: null }, [])).toBe(true);
    expect(isUnknownColumn({ header: '序号', field: null, how: 'extra', note: null }, problems)).toBe(false);
    expect(isUnknownColumn({ header: '企业名称', field: 'name', how: 'header', note: null }, problems)).toBe(false);
  });
  it('errors come first, then by row', () => {
    const sorted = sortProblems([problem({ level: 'warning', row: 2 }), problem({ row: 9 }), problem({ row: 4 })]);
    expect(sorted.map((p) => `${p.level}:${p.row}`)).toEqual(['error:4', 'error:9', 'warning:2']);
  });
});

describe('files', () => {
  it('accepts .xlsx and .csv only', () => {
    expect(isAccepted('名录.XLSX')).toBe(true);
    expect(isAccepted('名录.csv')).toBe(true);
    expect(isAccepted('名录.xls')).toBe(false);
  });
  it('sizes: what base64 sends, in decimal units', () => {
    expect(base64Size(3)).toBe(4);
    expect(base64Size(4)).toBe(8);
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(7_300)).toBe('7.3 kB');
    expect(formatBytes(1_500_000)).toBe('1.5 MB');
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readRegistryFile } from '../readRegistryFile.ts';
import { RegistryReadError } from '../decodeText.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'registry-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Names that mojibake shows at once: a character outside GBK (𠮷, 4 bytes in GB18030), full-width
// brackets, a rare surname, and a scope with an embedded line break and a comma and quotes.
const NAMES = ['福州𠮷野家餐饮管理有限公司', '北京字节跳动科技有限公司福州分公司', '福建省鑫垚（福州）科技有限公司', '福州“闽江”冷链物流有限公司'];
const SCOPE = '一般项目：冷链物流服务，低温仓储；\n许可项目："道路货物运输"';
const CSV_TEXT = [
  '企业名称,统一社会信用代码,成立日期,经营范围',
  `${NAMES[0]},91350100M000100Y43,2019/7/5,餐饮管理`,
  `${NAMES[1]},,2020-01-15,`,
  `"${NAMES[2]}",,43651,软件开发`,
  `${NAMES[3]},,2018年3月,"${SCOPE.replace(/"/g, '""')}"`,
  ',,,',
  '',
].join('\r\n');

function write(name: string, bytes: Uint8Array | Buffer): string {
  const f = path.join(dir, name);
  writeFileSync(f, bytes);
  return f;
}

describe('readRegistryFile: CSV', () => {
  it('reads GB18030 (as Excel on Chinese Windows writes it) without mojibake', async () => {
    const f = write('gb.csv', iconv.encode(CSV_TEXT, 'gb18030'));
    const t = await readRegistryFile(f);
    expect(t.encoding).toBe('gb18030');
    expect(t.headers).toEqual(['企业名称', '统一社会信用代码', '成立日期', '经营范围']);
    expect(t.rows.map((r) => r.cells['企业名称'])).toEqual(NAMES);
    expect(t.rows[3]?.cells['经营范围']).toBe(SCOPE);
    expect(t.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5]);
    expect(t.rows[1]?.cells['统一社会信用代码']).toBeNull();
    expect(t.file).toBe(f);
  });

  it('reads UTF-8 with a byte-order mark, and without one, and says which', async () => {
    const bom = await readRegistryFile(write('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV_TEXT, 'utf8')])));
    expect(bom.encoding).toBe('utf-8-bom');
    expect(bom.headers[0]).toBe('企业名称');
    expect(bom.rows.map((r) => r.cells['企业名称'])).toEqual(NAMES);
    const plain = await readRegistryFile({ buffer: Buffer.from(CSV_TEXT, 'utf8'), fileName: 'upload.csv' });
    expect(plain.encoding).toBe('utf-8');
    expect(plain.file).toBe('upload.csv');
    expect(plain.rows.map((r) => r.cells['企业名称'])).toEqual(NAMES);
  });

  it('reads Excel’s tab-separated "Unicode text" (UTF-16 with a mark)', async () => {
    const text = CSV_TEXT.split('\r\n').slice(0, 3).map((l) => l.replace(/,/g, '\t')).join('\r\n');
    const t = await readRegistryFile({ buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), fileName: 'u.txt' });
    expect(t.encoding).toBe('utf-16le-bom');
    expect(t.rows.map((r) => r.cells['企业名称'])).toEqual(NAMES.slice(0, 2));
  });

  it('refuses bytes that are neither UTF-8 nor GB18030, naming the file and the offset', async () => {
    const f = write('broken.csv', Buffer.from([0x41, 0x2c, 0x42, 0x0d, 0x0a, 0xff, 0xfe, 0x41]));
    await expect(readRegistryFile(f)).rejects.toThrow(RegistryReadError);
    await expect(readRegistryFile(f)).rejects.toThrow(`${f}: is neither UTF-8 nor GB18030/GBK text (bytes ff fe 41 at offset 5`);
  });

  it('refuses an old .xls, an empty file and a missing one, naming them', async () => {
    await expect(readRegistryFile({ buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), fileName: 'old.xls' })).rejects.toThrow(/^old\.xls: is an Excel 97-2003 workbook/);
    await expect(readRegistryFile({ buffer: new Uint8Array(), fileName: 'empty.csv' })).rejects.toThrow('empty.csv: is empty');
    await expect(readRegistryFile(path.join(dir, 'nope.csv'))).rejects.toThrow(/nope\.csv: cannot be read \(ENOENT\)/);
    await expect(readRegistryFile({ buffer: Buffer.from('not a zip'), fileName: 'fake.xlsx' })).rejects.toThrow(/fake\.xlsx: has an Excel name but is not an \.xlsx/);
  });
});

describe('readRegistryFile: xlsx', () => {
  async function workbook(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const notes = wb.addWorksheet('说明');
    notes.addRow(['本文件由系统导出']);
    const ws = wb.addWorksheet('企业列表');
    ws.addRow(['仓山区企业名录（共 3 条）']); // a title row above the header
    ws.addRow([]);
    ws.addRow(['企业名称', '成立日期', '注册资本', '参保人数', '统一社会信用代码', '英文名', '核准日期']);
    ws.addRow([NAMES[0], new Date(Date.UTC(2019, 6, 5)), '5000万元人民币', 56, '91350100M000100Y43', { text: 'Fuzhou Jiye', hyperlink: 'https://example.org' }, { formula: 'DATE(2021,3,4)', result: new Date(Date.UTC(2021, 2, 4)) }]);
    ws.addRow([{ richText: [{ text: '北京字节跳动' }, { text: '科技有限公司', font: { bold: true } }, { text: '福州分公司' }] }, '2020/1/15', null, 0, null, null, 43651]);
    ws.addRow([NAMES[2], null, 1000000, 12.5, 913501040000000000, null, null]);
    ws.getCell('B4').numFmt = 'yyyy-mm-dd';
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reads the named sheet, finds the header below a title, and turns cells into text', async () => {
    const f = write('export.xlsx', await workbook());
    const t = await readRegistryFile(f, { sheet: '企业列表' });
    expect(t.encoding).toBe('xlsx');
    expect(t.sheetName).toBe('企业列表');
    expect(t.headers).toEqual(['企业名称', '成立日期', '注册资本', '参保人数', '统一社会信用代码', '英文名', '核准日期']);
    expect(t.rows.map((r) => r.rowNumber)).toEqual([4, 5, 6]);
    expect(t.rows.map((r) => r.cells['企业名称'])).toEqual([NAMES[0], '北京字节跳动科技有限公司福州分公司', NAMES[2]]);
    expect(t.rows[0]?.cells).toMatchObject({ 成立日期: '2019-07-05', 参保人数: '56', 英文名: 'Fuzhou Jiye', 核准日期: '2021-03-04' });
    expect(t.rows[1]?.cells).toMatchObject({ 成立日期: '2020/1/15', 参保人数: '0', 核准日期: '43651', 注册资本: null });
    expect(t.rows[2]?.cells).toMatchObject({ 注册资本: '1000000', 参保人数: '12.5', 统一社会信用代码: '9.13501E+17' });
  });

  it('reads the first sheet by default and names the sheets when asked for one it lacks', async () => {
    const buf = await workbook();
    const first = await readRegistryFile({ buffer: buf, fileName: 'x.xlsx' });
    expect(first.sheetName).toBe('说明');
    await expect(readRegistryFile({ buffer: buf, fileName: 'x.xlsx' }, { sheet: 'Sheet9' })).rejects.toThrow('x.xlsx: has no worksheet named "Sheet9" (it has: 说明, 企业列表)');
  });

  it('reads a workbook by its bytes whatever its name says', async () => {
    const t = await readRegistryFile({ buffer: await workbook(), fileName: 'mislabelled.csv' }, { sheet: '企业列表' });
    expect(t.encoding).toBe('xlsx');
  });
});

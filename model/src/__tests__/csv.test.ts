// The CSV writer shared by the export command and the web: BOM, formula neutralisation, RFC 4180
// quoting, numbers as numbers, and the importer's rule that undoes the neutralisation exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, FORMULA_PREFIXES, csvField, csvRecord, neutraliseText, restoreCell, toCsv, type CsvValue } from '../index.ts';

describe('the CSV writer', () => {
  it('starts the file with a UTF-8 BOM and ends every record with CRLF', () => {
    const text = toCsv(['id', 'name'], [['toutiao', '今日头条'], ['dalv', '大吕网络科技']]);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1)).toBe('id,name\r\ntoutiao,今日头条\r\ndalv,大吕网络科技\r\n');
  });

  it.each(FORMULA_PREFIXES.map((p) => [JSON.stringify(p), p]))('neutralises text starting with %s', (_, p) => {
    const text = `${p}HYPERLINK("http://evil.example","x")`;
    const field = csvField(text);
    // The quote mark comes first, before any RFC 4180 quoting.
    expect(field.startsWith(`'${p}`) || field.startsWith(`"'${p}`)).toBe(true);
    expect(neutraliseText(text)).toBe(`'${text}`);
  });

  const cases: Array<[string, CsvValue, string]> = [
    ['RFC 4180: a comma', 'a,b', '"a,b"'],
    ['RFC 4180: a quote', 'say "hi"', '"say ""hi"""'],
    ['RFC 4180: a line break', 'two\nlines', '"two\nlines"'],
    ['RFC 4180: white space at an end', ' padded ', '" padded "'],
    ['plain text', 'plain', 'plain'],
    ['empty text', '', ''],
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['marked, then quoted', '=1,2', `"'=1,2"`],
    ['a tab first', '\tx', `'\tx`],
    ['a negative number, as a number', -5, '-5'],
    ['a fraction', -0.25, '-0.25'],
    ['an integer', 1200, '1200'],
    ['true', true, 'true'],
    ['false', false, 'false'],
    ['text that looks like a number', '-5', "'-5"],
    ['a phone number', '+86 591 1234', "'+86 591 1234"],
    ['-Infinity: not a number a spreadsheet reads, so text', Number.NEGATIVE_INFINITY, "'-Infinity"],
    ['NaN, as text', Number.NaN, 'NaN'],
  ];
  it.each(cases)('writes %s', (_, value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it('joins a record with commas and ends it with CRLF', () => {
    expect(csvRecord(['a', 'b,c', 3])).toBe('a,"b,c",3\r\n');
  });

  it('leaves text alone that no spreadsheet evaluates', () => {
    for (const s of ['今日头条', "'abc", 'a=b', 'x-1', '2019-04', ' -5', '—dash']) expect(neutraliseText(s)).toBe(s);
  });
});

describe('reading a neutralised cell back (the importer’s rule)', () => {
  it.each([
    ["'=SUM(A1)", '=SUM(A1)'],
    ["'-5", '-5'],
    ["''=x", "'=x"],
    ["'abc", "'abc"],
    ["'", "'"],
    ['=x', '=x'],
  ])('reads %j as %j', (cell, text) => {
    expect(restoreCell(cell)).toBe(text);
  });

  it('gives back every text the writer was given', () => {
    const text = fc.oneof(fc.string(), fc.string().map((s) => `'${s}`), fc.constantFrom(...FORMULA_PREFIXES).chain((p) => fc.string().map((s) => `${"'".repeat(s.length % 3)}${p}${s}`)));
    fc.assert(
      fc.property(text, (s) => {
        const written = neutraliseText(s);
        expect(FORMULA_PREFIXES.includes(written[0] ?? '')).toBe(false);
        expect(restoreCell(written)).toBe(s);
      }),
      { numRuns: 500 },
    );
  });
});

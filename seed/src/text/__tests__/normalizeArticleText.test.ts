import { describe, expect, it } from 'vitest';
import { normalizeArticleText, stripGlosses, toSimplified } from '../normalizeArticleText.ts';

describe('normalizeArticleText', () => {
  it('strips pinyin glosses but keeps Chinese text in brackets', () => {
    expect(stripGlosses('臺海網(wǎng)4月20日訊')).toBe('臺海網4月20日訊');
    expect(stripGlosses('百度智能云(福州)AI實(shí)驗(yàn)室')).toBe('百度智能云(福州)AI實驗室');
    expect(stripGlosses('網(wǎng)絡(luò)科技')).toBe('網絡科技');
  });

  it('converts traditional to simplified', () => {
    expect(toSimplified('今日頭條 工業富聯 倉山區互聯網小鎮')).toBe('今日头条 工业富联 仓山区互联网小镇');
  });

  it('does both, in that order, and normalises line ends', () => {
    expect(normalizeArticleText('大呂網(wǎng)絡(luò)科技有限公司\r\n倉山區(qū)')).toBe('大吕网络科技有限公司\n仓山区');
  });

  it('leaves the two garbled spots of the source as they are (they are quoted around)', () => {
    expect(normalizeArticleText('因?yàn)榭春眠@里')).toContain('?');
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BriefUsageError, briefRoute, parseBriefArgs } from '../parseBriefArgs.ts';

const ctx = { cwd: '/home/planner/meetings', now: new Date(2026, 4, 20) };

describe('npm run brief’s arguments', () => {
  it('read the anchor, month, file and language, the file from the folder the command was typed in', () => {
    const a = parseBriefArgs(['--anchor', 'toutiao', '--as-of', '2020-04', '--out', 'brief.pdf', '--lang', 'en'], ctx);
    expect(a).toEqual({ anchor: 'toutiao', chain: null, asOf: '2020-04', lang: 'en', targets: 5, out: path.resolve('/home/planner/meetings/brief.pdf'), help: false });
    expect(briefRoute(a)).toBe('#/brief?anchor=toutiao&asOf=2020-04&lang=en');
  });

  it('default to this month, Chinese, and a file named for the scope', () => {
    const a = parseBriefArgs(['--chain', 'chain-ai'], ctx);
    expect(a).toMatchObject({ anchor: null, chain: 'chain-ai', asOf: '2026-05', lang: 'zh', out: '/home/planner/meetings/briefing-chain-ai-2026-05.pdf' });
    expect(parseBriefArgs([], ctx).out).toBe('/home/planner/meetings/briefing-district-2026-05.pdf');
    expect(briefRoute({ ...a, targets: 3 })).toBe('#/brief?chain=chain-ai&asOf=2026-05&lang=zh&targets=3');
  });

  it('refuse what would not make a briefing, saying which flag and why', () => {
    const bad = (argv: string[]) => () => parseBriefArgs(argv, ctx);
    expect(bad(['--as-of', '2020-4'])).toThrow('--as-of "2020-4": must be a month written YYYY-MM, like 2020-04.');
    expect(bad(['--lang', 'fr'])).toThrow('--lang "fr": must be zh or en.');
    expect(bad(['--anchor', 'toutiao; DROP'])).toThrow(/--anchor "toutiao; DROP": must be an id/);
    expect(bad(['--targets', '20'])).toThrow('--targets "20": must be from 1 to 8.');
    expect(bad(['--out', 'brief.png'])).toThrow(/name the file \*\.pdf/);
    expect(bad(['--anchr', 'toutiao'])).toThrow(BriefUsageError);
    expect(bad(['toutiao'])).toThrow(BriefUsageError);
  });
});

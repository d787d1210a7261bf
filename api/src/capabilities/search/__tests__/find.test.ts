// `find` through the real HTTP server on the article data set in the real Neo4j: projects, parks,
// chains and segments are found as firms are, in every typed form, and marked with their kind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, firstError, startHarness, type Harness } from '../../../__tests__/harness.ts';

interface Hit {
  kind: string;
  id: string;
  name: string;
  nameEn: string | null;
  enterprise: { id: string; isAnchor: boolean } | null;
  project: { id: string; category: string | null; enterprises: { id: string }[] } | null;
  place: { id: string; kind: string; parent: { id: string } | null } | null;
  chain: { id: string; segments: { id: string }[] } | null;
  segment: { id: string; chain: { id: string } | null } | null;
}

const FIND = `query($q: String!, $limit: Int) { find(query: $q, limit: $limit) {
  kind id name nameEn
  enterprise { id isAnchor }
  project { id category enterprises { id } }
  place { id kind parent { id } }
  chain { id segments { id } }
  segment { id chain { id } }
} }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const find = async (q: string, limit = 10): Promise<Hit[]> => dataOf(await h.gql(FIND, { q, limit })).find as Hit[];
const top = async (q: string): Promise<Hit | undefined> => (await find(q))[0];

/** The data set's id of the node of this label with this name: the tests name things as a user does. */
async function idOf(label: 'Project' | 'Place' | 'Chain' | 'Segment' | 'Enterprise', name: string): Promise<string> {
  const rows = await h.db.read(`MATCH (n:${label} {name: $name}) RETURN n.id AS id`, { name });
  const id = rows[0]?.id;
  if (typeof id !== 'string') throw new Error(`the article data set has no ${label} named ${name}`);
  return id;
}

describe('find', () => {
  it.each(['海峡健康', '海峡健康产业综合体', '海峽健康', 'haixiajiankang', 'hxjk', 'Straits Health', 'straits health industry complex', 'Straights Health'])(
    'finds the project 海峡健康产业综合体 first by %s, marked PROJECT',
    async (q) => {
      const hit = await top(q);
      expect(hit).toMatchObject({ kind: 'PROJECT', id: await idOf('Project', '海峡健康产业综合体'), name: '海峡健康产业综合体', nameEn: 'Straits Health Industry Complex' });
      expect(hit?.project).toMatchObject({ category: '平台仓山' });
      expect([hit?.enterprise, hit?.place, hit?.chain, hit?.segment]).toEqual([null, null, null, null]);
    },
  );

  it('gives a project its owning firm', async () => {
    const hit = await top('工业富联福州项目');
    expect(hit?.kind).toBe('PROJECT');
    expect(hit?.project?.enterprises.map((e) => e.id)).toContain(await idOf('Enterprise', '工业富联'));
  });

  it.each(['北斗产业小镇', '北斗', 'beidou', 'Beidou Industry Town', 'bdcyxz', '北斗產業小鎮'])('finds the park 北斗产业小镇 by %s, marked PLACE', async (q) => {
    const hits = await find(q);
    const park = hits.find((x) => x.kind === 'PLACE');
    expect(park).toMatchObject({ id: await idOf('Place', '北斗产业小镇'), place: { kind: 'park', parent: { id: await idOf('Place', '仓山区') } } });
    // The park itself, or a firm or project named after it, heads the list; never something unrelated.
    expect(hits.indexOf(park!)).toBeLessThan(3);
  });

  it.each(['大健康产业链', '大健康', 'dajiankang', 'Health industry chain'])('finds the chain 大健康产业链 by %s, marked CHAIN', async (q) => {
    const hits = await find(q);
    const chain = hits.find((x) => x.kind === 'CHAIN');
    expect(chain).toMatchObject({ id: await idOf('Chain', '大健康产业链'), name: '大健康产业链' });
    expect(chain?.chain?.segments.length).toBeGreaterThan(2);
  });

  it('finds a chain first by its whole name and a segment by its English name', async () => {
    expect(await top('人工智能产业链')).toMatchObject({ kind: 'CHAIN', id: await idOf('Chain', '人工智能产业链') });
    const seg = await top('Speech recognition');
    expect(seg).toMatchObject({ kind: 'SEGMENT', id: await idOf('Segment', '语音识别与交互'), segment: { chain: { id: await idOf('Chain', '人工智能产业链') } } });
  });

  it('still finds firms first by their names, as `search` does, marked ENTERPRISE', async () => {
    for (const q of ['今日头条', '今日頭條', 'jrtt', 'Toutiao']) {
      expect(await top(q), q).toMatchObject({ kind: 'ENTERPRISE', id: await idOf('Enterprise', '今日头条'), enterprise: { isAnchor: true } });
    }
    expect(await top('Huawai')).toMatchObject({ kind: 'ENTERPRISE', name: '华为' });
  });

  it('mixes kinds in one ranked list: 今日头条 the firm before 今日头条仓山项目 the project', async () => {
    const hits = await find('今日头条');
    const kinds = hits.map((x) => `${x.kind}:${x.name}`);
    expect(kinds.indexOf('ENTERPRISE:今日头条')).toBe(0);
    expect(kinds).toContain('PROJECT:今日头条仓山项目');
  });

  it('honours the limit, treats Lucene syntax as text, and refuses what search refuses', async () => {
    expect((await find('仓山', 2)).length).toBeLessThanOrEqual(2);
    for (const q of ['"}) DETACH DELETE n //', 'toutiao~~~ OR *:*', '\\']) {
      const r = await h.gql(FIND, { q });
      expect(r.body.errors, q).toBeUndefined();
    }
    expect(await find('!!!')).toEqual([]);
    expect(firstError(await h.gql('{ find(query: " ") { id } }')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'query' });
    expect(firstError(await h.gql('{ find(query: "a", limit: 1000) { id } }')).extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', argument: 'limit' });
  });
});

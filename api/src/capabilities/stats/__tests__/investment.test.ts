// stats.investmentYuan on the article data set in the real Neo4j: the article gives no project an
// amount, so the planned investment is unknown (null, shown as "—"), not 0 yuan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startHarness, type Harness } from '../../../__tests__/harness.ts';

let h: Harness;
beforeAll(async () => {
  // No kept answers: the test changes amounts behind the API's back.
  h = await startHarness({ READ_CACHE_ENTRIES: '0' });
});
afterAll(() => h.close());

const investment = async () => (dataOf(await h.gql('{ stats { projects investmentYuan } }')).stats as { projects: number; investmentYuan: number | null });

describe('stats.investmentYuan', () => {
  it('is null while no landed project has a known amount', async () => {
    const s = await investment();
    expect(s.projects).toBeGreaterThan(0);
    expect(s.investmentYuan).toBeNull();
  });

  it('sums the known amounts of top-level projects, a sub-project not counted twice', async () => {
    await h.db.write("MATCH (p:Project {name: '工业富联福州项目'}) SET p.amountYuan = 2.0e9");
    await h.db.write("MATCH (p:Project {name: '福州工业互联网学院'})-[:PART_OF]->(:Project) SET p.amountYuan = 5.0e8");
    expect((await investment()).investmentYuan).toBe(2e9);
  });
});

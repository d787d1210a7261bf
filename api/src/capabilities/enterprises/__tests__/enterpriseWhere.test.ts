// The EnterpriseWhere compiler alone: each operator's Cypher and parameters, the limits and their
// errors. The same Cypher runs against the real Neo4j in enterprisesWhere.graphql.test.ts.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../errors/index.ts';
import { compileEnterpriseWhere, CypherParams, WHERE_LIMITS, whereConditionCount, whereRelatedReach, whereWeight, type EnterpriseWhereInput } from '../enterpriseWhere.ts';

function compile(where: EnterpriseWhereInput | null, asOfParam: string | null = null) {
  const params = new CypherParams();
  const cypher = compileEnterpriseWhere(where, { variable: 'e', asOfParam, params });
  return { cypher, params: params.values };
}

function refusal(where: EnterpriseWhereInput): { message: string; argument: unknown; code: unknown } {
  try {
    compile(where);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return { message: e.message, argument: e.extensions.argument, code: e.extensions.code };
  }
  throw new Error('expected a refusal');
}

describe('compileEnterpriseWhere: operators', () => {
  it('no where, or {}, sets no condition', () => {
    expect(compile(null).cypher).toBeNull();
    expect(compile({}).cypher).toBeNull();
    expect(compile({ name: {}, landedOn: { eq: null } }).cypher).toBeNull();
  });

  it('id: eq and in, each a parameter', () => {
    expect(compile({ id: { eq: 'toutiao', in: ['dalv', 'fii'] } })).toEqual({
      cypher: '(e.id = $w0) AND (e.id IN $w1)',
      params: { w0: 'toutiao', w1: ['dalv', 'fii'] },
    });
  });

  it('strings: every operator, case-sensitive Cypher', () => {
    expect(compile({ name: { eq: '今日头条', in: [], contains: '头条', startsWith: '今日', endsWith: '条', isNull: false } })).toEqual({
      cypher: '(e.name = $w0) AND (e.name IN $w1) AND (e.name CONTAINS $w2) AND (e.name STARTS WITH $w3) AND (e.name ENDS WITH $w4) AND (e.name IS NOT NULL)',
      params: { w0: '今日头条', w1: [], w2: '头条', w3: '今日', w4: '条' },
    });
    expect(compile({ nameEn: { isNull: true } }).cypher).toBe('e.nameEn IS NULL');
  });

  it('dates: bounds at the edges of their periods, eq as stored', () => {
    expect(compile({ landedOn: { eq: '2019-11', lt: '2019', lte: '2019', gt: '2019-07', gte: '2019-07-01' } })).toEqual({
      cypher: '(e.landedOn = $w0) AND (e.landedOn < $w1) AND (e.landedOn <= $w2) AND (e.landedOn > $w3) AND (e.landedOn >= $w4)',
      params: { w0: '2019-11', w1: '2019', w2: '2019-12-31', w3: '2019-07-31', w4: '2019-07-01' },
    });
  });

  it('refuses a malformed date, naming its path', () => {
    expect(refusal({ OR: [{}, { signedOn: { gte: '2019/11' } }] })).toMatchObject({ argument: 'where.OR[1].signedOn.gte', code: 'BAD_USER_INPUT' });
  });

  it('numbers: every operator; registered capital only in CNY', () => {
    expect(compile({ revenueYuan: { gte: 1e7, lt: 5e7, in: [4e7] }, insuredStaff: { gt: 10, lte: 500, eq: 12, isNull: false } })).toEqual({
      cypher:
        '(e.revenueYuan IN $w0) AND (e.revenueYuan < $w1) AND (e.revenueYuan >= $w2) AND (e.insuredStaff = $w3) AND (e.insuredStaff <= $w4) AND (e.insuredStaff > $w5) AND (e.insuredStaff IS NOT NULL)',
      params: { w0: [4e7], w1: 5e7, w2: 1e7, w3: 12, w4: 500, w5: 10 },
    });
    expect(compile({ registeredCapitalYuan: { gt: 1e6 } }).cypher).toBe(
      "(CASE WHEN e.registeredCapitalCurrency IS NULL OR e.registeredCapitalCurrency = 'CNY' THEN e.registeredCapitalAmount END) > $w0",
    );
  });

  it('status: GraphQL names as stored', () => {
    expect(compile({ status: { eq: 'MOVED_OUT', in: ['ACTIVE', 'LIQUIDATING'] } })).toEqual({
      cypher: '(e.status = $w0) AND (e.status IN $w1)',
      params: { w0: 'movedOut', w1: ['active', 'liquidating'] },
    });
  });

  it('booleans and local (now, or as of the request)', () => {
    expect(compile({ isAnchor: true, synthetic: false })).toEqual({ cypher: '(e.isAnchor = $w0) AND (e.synthetic = $w1)', params: { w0: true, w1: false } });
    expect(compile({ local: true }).cypher).toBe('(e.leftOn IS NULL AND (e.landedOn IS NOT NULL OR e.local = true))');
    expect(compile({ local: false }, 'asOf').cypher).toBe(
      'NOT (CASE WHEN $asOf IS NULL THEN e.leftOn IS NULL AND (e.landedOn IS NOT NULL OR e.local = true) ELSE ($asOf IS NULL OR (e.landedOn IS NOT NULL AND e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf))) END)',
    );
  });

  it('segment, chain and park: EXISTS over the reference data', () => {
    expect(compile({ segment: { id: { eq: 'seg-1' } }, chain: { name: { contains: '数字' } }, park: {} })).toEqual({
      cypher:
        '(EXISTS { MATCH (e)-[:IN_SEGMENT]->(w_segment0:Segment) WHERE w_segment0.id = $w0 }) AND (EXISTS { MATCH (e)-[:IN_SEGMENT]->(:Segment)<-[:HAS_SEGMENT]-(w_chain1:Chain) WHERE w_chain1.name CONTAINS $w1 }) AND (EXISTS { MATCH (e)-[:LOCATED_IN]->(w_park2:Place) })',
      params: { w0: 'seg-1', w1: '数字' },
    });
  });

  it('related firms: EXISTS, cut as of the request when it has an asOf', () => {
    expect(compile({ attractedBySome: { name: { eq: '今日头条' } } }).cypher).toBe(
      'EXISTS { MATCH (w_x0)-[w_r1:ATTRACTED]->(e) WHERE w_x0.name = $w0 }',
    );
    expect(compile({ attractedBySome: { name: { eq: '今日头条' } } }, 'asOf').cypher).toBe(
      'EXISTS { MATCH (w_x0)-[w_r1:ATTRACTED]->(e) WHERE (($asOf IS NULL OR (w_x0.landedOn IS NOT NULL AND w_x0.landedOn <= $asOf AND (w_x0.leftOn IS NULL OR w_x0.leftOn > $asOf)))) AND (($asOf IS NULL OR w_r1.since IS NULL OR w_r1.since <= $asOf)) AND (w_x0.name = $w0) }',
    );
    // A group is usually outside and never landed: only its relation is cut.
    expect(compile({ parent: {} }, 'asOf').cypher).toBe('EXISTS { MATCH (e)-[w_r1:PART_OF]->(w_x0:Enterprise) WHERE ($asOf IS NULL OR w_r1.since IS NULL OR w_r1.since <= $asOf) }');
  });

  it('each related kind has its direction; *None negates', () => {
    const kinds = ['attractedSome', 'upstreamSome', 'downstreamSome', 'partnersSome', 'attractedByNone', 'upstreamNone', 'downstreamNone'] as const;
    expect(kinds.map((k) => compile({ [k]: {} }).cypher)).toEqual([
      'EXISTS { MATCH (e)-[w_r1:ATTRACTED]->(w_x0) }',
      'EXISTS { MATCH (w_x0)-[w_r1:SUPPLIES]->(e) }',
      'EXISTS { MATCH (e)-[w_r1:SUPPLIES]->(w_x0) }',
      'EXISTS { MATCH (e)-[w_r1:PARTNER_OF]-(w_x0) }',
      'NOT EXISTS { MATCH (w_x0)-[w_r1:ATTRACTED]->(e) }',
      'NOT EXISTS { MATCH (w_x0)-[w_r1:SUPPLIES]->(e) }',
      'NOT EXISTS { MATCH (e)-[w_r1:SUPPLIES]->(w_x0) }',
    ]);
  });

  it('nested related conditions get their own variables', () => {
    expect(compile({ upstreamSome: { attractedBySome: { isAnchor: true } } }).cypher).toBe(
      'EXISTS { MATCH (w_x0)-[w_r1:SUPPLIES]->(e) WHERE EXISTS { MATCH (w_x2)-[w_r3:ATTRACTED]->(w_x0) WHERE w_x2.isAnchor = $w0 } }',
    );
  });

  it('AND, OR, NOT (NOT is the complement: a missing property matches it)', () => {
    expect(compile({ AND: [{ isAnchor: true }, {}], OR: [{ origin: { eq: '北京' } }, { origin: { eq: '深圳' } }], NOT: { revenueYuan: { gt: 1 } } })).toEqual({
      cypher: '(e.isAnchor = $w0) AND ((e.origin = $w1) OR (e.origin = $w2)) AND (NOT coalesce(e.revenueYuan > $w3, false))',
      params: { w0: true, w1: '北京', w2: '深圳', w3: 1 },
    });
    expect(compile({ OR: [] }).cypher).toBe('false');
    expect(compile({ OR: [{ isAnchor: true }, {}] }).cypher).toBeNull();
    expect(compile({ NOT: {} }).cypher).toBe('false');
  });
});

describe('compileEnterpriseWhere: limits', () => {
  it('refuses a text over 200 characters, naming its path', () => {
    expect(refusal({ OR: [{}, {}, { name: { contains: '字'.repeat(201) } }] })).toMatchObject({ argument: 'where.OR[2].name.contains', code: 'BAD_USER_INPUT' });
    expect(refusal({ name: { in: ['a', 'b'.repeat(201)] } }).argument).toBe('where.name.in[1]');
  });

  it('refuses an in list over 1000 values', () => {
    const ids = Array.from({ length: WHERE_LIMITS.inItems + 1 }, (_, i) => `firm-${i}`);
    expect(refusal({ id: { in: ids } })).toMatchObject({ argument: 'where.id.in' });
    expect(compile({ id: { in: ids.slice(1) } }).cypher).toBe('e.id IN $w0');
  });

  it('refuses related conditions nested 5 deep, takes 4', () => {
    const nest = (n: number): EnterpriseWhereInput => (n === 0 ? { isAnchor: true } : { upstreamSome: nest(n - 1) });
    expect(compile(nest(4)).cypher).toContain('w_x6');
    expect(refusal(nest(5))).toMatchObject({ argument: 'where.upstreamSome.upstreamSome.upstreamSome.upstreamSome.upstreamSome' });
  });

  it('refuses AND / OR / NOT 7 levels deep, takes 6', () => {
    const nest = (n: number): EnterpriseWhereInput => (n === 0 ? { isAnchor: true } : { NOT: nest(n - 1) });
    expect(compile(nest(6)).cypher).toMatch(/^NOT coalesce/);
    expect(refusal({ OR: [nest(6)] }).argument).toBe('where.OR[0].NOT.NOT.NOT.NOT.NOT.NOT');
  });

  it('refuses a 65th condition, naming it', () => {
    const many = Array.from({ length: 65 }, (_, i) => ({ origin: { eq: `城市${i}` } }));
    expect(refusal({ OR: many })).toMatchObject({ argument: 'where.OR[64].origin.eq' });
    expect(compile({ OR: many.slice(0, 64) }).cypher).toContain('$w63');
  });
});

describe('whereWeight', () => {
  it('counts each operator, boolean and relation; related ones apart', () => {
    const w = { name: { contains: '科技', isNull: false }, isAnchor: false, OR: [{ segment: { id: { eq: 's' } } }, { NOT: { upstreamSome: { attractedBySome: {} } } }] };
    expect(whereWeight(w)).toEqual({ conditions: 7, related: 2 });
    expect(whereConditionCount(w)).toBe(7);
    expect(whereConditionCount(null)).toBe(0);
  });

  it('weighs nested related conditions by the fan-out they run under', () => {
    expect(whereRelatedReach({ isAnchor: true }, 3)).toBe(0);
    expect(whereRelatedReach({ OR: [{ upstreamSome: {} }, { NOT: { partnersSome: {} } }] }, 3)).toBe(2);
    expect(whereRelatedReach({ upstreamSome: { upstreamSome: { upstreamSome: { upstreamSome: {} } } } }, 3)).toBe(1 + 3 + 9 + 27);
    // Deeper than allowed: the resolver refuses it with the path; the estimate stops at the limit.
    expect(whereRelatedReach({ upstreamSome: { upstreamSome: { upstreamSome: { upstreamSome: { upstreamSome: {} } } } } }, 3)).toBe(1 + 3 + 9 + 27);
  });
});

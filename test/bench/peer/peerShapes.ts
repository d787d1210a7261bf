import { pick } from './sameAnswer.ts';

/** What the shapes are asked about: picked from the district (peerParams.ts). */
export interface PeerParams {
  /** An anchor of median circle size (sampleIds). */
  anchor: string;
  /** The segment with the most non-anchor firms landed by `landedTo`. */
  segmentId: string;
  /** A date window over landing dates, as ISO strings (the database stores them so). */
  landedFrom: string;
  landedTo: string;
  /** Where the deep page starts: after this many firms in id order, and each side's own cursor for it. */
  deepAt: number;
  oursCursor: string;
  libraryCursor: string;
}

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

/** One question asked of both servers: each side's request, and each side's answer mapped onto one form. */
export interface PeerShape {
  name: string;
  ours: GraphQLRequest;
  library: GraphQLRequest;
  normalise: { ours: (data: unknown) => unknown; library: (data: unknown) => unknown };
}

/** A field of a GraphQL answer, or a clear error naming where the answer was not the expected shape. */
export function field(value: unknown, ...path: (string | number)[]): unknown {
  let v = value;
  for (const k of path) {
    if (v === null || typeof v !== 'object') throw new Error(`answer has no ${path.join('.')} (stopped at ${String(k)})`);
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/** A list of objects in an answer, or a clear error. */
export function objects(value: unknown, ...path: (string | number)[]): Record<string, unknown>[] {
  const v = field(value, ...path);
  if (!Array.isArray(v) || v.some((x) => x === null || typeof x !== 'object')) throw new Error(`answer's ${path.join('.')} is not a list of objects`);
  return v as Record<string, unknown>[];
}

/** The library's only item of a list filtered on the unique id: our `enterprise(id)` answers one object. */
function single(data: unknown): Record<string, unknown> {
  const list = objects(data, 'enterprises');
  if (list.length !== 1) throw new Error(`enterprises(where: { id }) answered ${list.length} firms, not 1`);
  return list[0] as Record<string, unknown>;
}

// Our nested lists have a default page (first: 100) and an order (attracted by landing date then
// id; suppliers and customers by id): the library is asked for the same page in the same order.
const ATTRACTED = 'attracted(sort: [{ landedOn: ASC }, { id: ASC }], limit: 100)';
const UPSTREAM = 'upstream(sort: [{ id: ASC }], limit: 100)';
const DOWNSTREAM = 'downstream(sort: [{ id: ASC }], limit: 100)';

// "In the district now", as our `local: true` reads it (api cypher/inDistrict.ts, no cursor):
// not left, and landed at a known date or marked local.
const IN_DISTRICT = '{ leftOn: { eq: null }, OR: [{ NOT: { landedOn: { eq: null } } }, { local: { eq: true } }] }';

export function peerShapes(p: PeerParams): PeerShape[] {
  const byId = { ours: (d: unknown) => field(d, 'enterprise'), library: single };
  return [
    {
      name: 'enterprise(id) + attracted, upstream, downstream',
      ours: {
        query: 'query($id: ID!) { enterprise(id: $id) { id name attracted { id name } upstream { id name } downstream { id name } } }',
        variables: { id: p.anchor },
      },
      library: {
        query: `query($id: ID!) { enterprises(where: { id: { eq: $id } }) { id name ${ATTRACTED} { id name } ${UPSTREAM} { id name } ${DOWNSTREAM} { id name } } }`,
        variables: { id: p.anchor },
      },
      normalise: byId,
    },
    {
      name: 'nested 2: attracted → suppliers',
      ours: {
        query: 'query($id: ID!) { enterprise(id: $id) { id attracted { id name upstream { id name } } } }',
        variables: { id: p.anchor },
      },
      library: {
        query: `query($id: ID!) { enterprises(where: { id: { eq: $id } }) { id ${ATTRACTED} { id name ${UPSTREAM} { id name } } } }`,
        variables: { id: p.anchor },
      },
      normalise: byId,
    },
    {
      name: 'nested 3: attracted → suppliers → customers',
      ours: {
        query: 'query($id: ID!) { enterprise(id: $id) { id attracted { id upstream { id downstream { id name } } } } }',
        variables: { id: p.anchor },
      },
      library: {
        query: `query($id: ID!) { enterprises(where: { id: { eq: $id } }) { id ${ATTRACTED} { id ${UPSTREAM} { id ${DOWNSTREAM} { id name } } } } }`,
        variables: { id: p.anchor },
      },
      normalise: byId,
    },
    {
      name: 'filtered list: non-anchors of a segment landed by a date, 100 by id',
      ours: {
        query:
          'query($seg: ID!, $to: AsOf) { enterprises(filter: { segmentId: $seg, isAnchor: false, landedTo: $to }, first: 100) { nodes { id name landedOn } } }',
        variables: { seg: p.segmentId, to: p.landedTo },
      },
      library: {
        query:
          'query($seg: ID!, $to: String) { enterprises(where: { isAnchor: { eq: false }, landedOn: { lte: $to }, segments: { some: { id: { eq: $seg } } } }, sort: [{ id: ASC }], limit: 100) { id name landedOn } }',
        variables: { seg: p.segmentId, to: p.landedTo },
      },
      normalise: { ours: (d) => objects(d, 'enterprises', 'nodes'), library: (d) => objects(d, 'enterprises') },
    },
    {
      // Nested lists under a page: ours reads the page, then each list for the whole page in one
      // batched statement (DataLoader); the library nests them in one statement.
      name: 'page with nested lists: 20 firms of a segment landed by a date, each with suppliers and customers',
      ours: {
        query:
          'query($seg: ID!, $to: AsOf) { enterprises(filter: { segmentId: $seg, landedTo: $to }, first: 20) { nodes { id name upstream { id name } downstream { id name } } } }',
        variables: { seg: p.segmentId, to: p.landedTo },
      },
      library: {
        query: `query($seg: ID!, $to: String) { enterprises(where: { landedOn: { lte: $to }, segments: { some: { id: { eq: $seg } } } }, sort: [{ id: ASC }], limit: 20) { id name ${UPSTREAM} { id name } ${DOWNSTREAM} { id name } } }`,
        variables: { seg: p.segmentId, to: p.landedTo },
      },
      normalise: { ours: (d) => objects(d, 'enterprises', 'nodes'), library: (d) => objects(d, 'enterprises') },
    },
    {
      name: 'filtered count: non-anchors landed in a window',
      ours: {
        query:
          'query($from: PeriodStart, $to: AsOf) { enterprises(filter: { isAnchor: false, landedFrom: $from, landedTo: $to }, first: 0) { totalCount } }',
        variables: { from: p.landedFrom, to: p.landedTo },
      },
      library: {
        query:
          'query($from: String, $to: String) { enterprisesConnection(where: { isAnchor: { eq: false }, landedOn: { gte: $from, lte: $to } }) { totalCount } }',
        variables: { from: p.landedFrom, to: p.landedTo },
      },
      normalise: { ours: (d) => field(d, 'enterprises', 'totalCount'), library: (d) => field(d, 'enterprisesConnection', 'totalCount') },
    },
    {
      name: 'first page of 50 by id',
      ours: { query: '{ enterprises(first: 50) { nodes { id name } pageInfo { hasNextPage } } }', variables: {} },
      library: { query: '{ enterprisesConnection(first: 50, sort: [{ id: ASC }]) { edges { node { id name } } pageInfo { hasNextPage } } }', variables: {} },
      normalise: pageOf,
    },
    {
      name: `deep page: 50 by id after ${p.deepAt.toLocaleString('en-US')}`,
      ours: { query: 'query($after: String) { enterprises(first: 50, after: $after) { nodes { id name } pageInfo { hasNextPage } } }', variables: { after: p.oursCursor } },
      library: {
        query: 'query($after: String) { enterprisesConnection(first: 50, after: $after, sort: [{ id: ASC }]) { edges { node { id name } } pageInfo { hasNextPage } } }',
        variables: { after: p.libraryCursor },
      },
      normalise: pageOf,
    },
    {
      name: 'operators and a sort: non-anchors landed in a window, newest first, 50',
      ours: {
        query:
          'query($from: String, $to: String) { enterprises(where: { isAnchor: false, landedOn: { gte: $from, lte: $to } }, sort: [{ field: LANDED_ON, direction: DESC }], first: 50) { nodes { id name landedOn } } }',
        variables: { from: p.landedFrom, to: p.landedTo },
      },
      library: {
        query:
          'query($from: String, $to: String) { enterprises(where: { isAnchor: { eq: false }, landedOn: { gte: $from, lte: $to } }, sort: [{ landedOn: DESC }, { id: ASC }], limit: 50) { id name landedOn } }',
        variables: { from: p.landedFrom, to: p.landedTo },
      },
      normalise: { ours: (d) => objects(d, 'enterprises', 'nodes'), library: (d) => objects(d, 'enterprises') },
    },
    {
      name: 'nested page: an anchor’s attracted firms by name, 20, with their total',
      ours: {
        query: 'query($id: ID!) { enterprise(id: $id) { id attractedConnection(first: 20, sort: [{ field: NAME }]) { totalCount edges { node { id name } } } } }',
        variables: { id: p.anchor },
      },
      library: {
        query:
          'query($id: ID!) { enterprises(where: { id: { eq: $id } }) { id attractedConnection(first: 20, sort: [{ node: { name: ASC } }, { node: { id: ASC } }]) { totalCount edges { node { id name } } } } }',
        variables: { id: p.anchor },
      },
      normalise: byId,
    },
    {
      name: 'aggregate: revenue of non-anchors landed in a window (count, min, max, sum, average)',
      ours: {
        query:
          'query($from: String, $to: String) { enterpriseAggregate(where: { isAnchor: false, landedOn: { gte: $from, lte: $to } }) { count revenueYuan { min max sum avg } } }',
        variables: { from: p.landedFrom, to: p.landedTo },
      },
      library: {
        query:
          'query($from: String, $to: String) { enterprisesConnection(where: { isAnchor: { eq: false }, landedOn: { gte: $from, lte: $to } }) { aggregate { count { nodes } node { revenueYuan { min max sum average } } } } }',
        variables: { from: p.landedFrom, to: p.landedTo },
      },
      normalise: {
        ours: (d) => {
          const r = field(d, 'enterpriseAggregate', 'revenueYuan') as Record<string, number | null>;
          return { count: field(d, 'enterpriseAggregate', 'count'), min: r.min, max: r.max, sum: r.sum, avg: roundAvg(r.avg) };
        },
        library: (d) => {
          const a = field(d, 'enterprisesConnection', 'aggregate');
          const r = field(a, 'node', 'revenueYuan') as Record<string, number | null>;
          return { count: field(a, 'count', 'nodes'), min: r.min, max: r.max, sum: r.sum, avg: roundAvg(r.average) };
        },
      },
    },
    {
      name: 'district counts: firms, anchors, generated (ours: stats)',
      ours: { query: '{ stats { enterprises anchors synthetic } }', variables: {} },
      library: { query: libraryCounts, variables: {} },
      normalise: { ours: (d) => field(d, 'stats'), library: countsOf },
    },
    {
      name: 'district counts: firms, anchors, generated (ours: three totalCounts)',
      ours: {
        query:
          '{ enterprises: enterprises(filter: { local: true }, first: 0) { totalCount } anchors: enterprises(filter: { local: true, isAnchor: true }, first: 0) { totalCount } synthetic: enterprises(filter: { local: true, synthetic: true }, first: 0) { totalCount } }',
        variables: {},
      },
      library: { query: libraryCounts, variables: {} },
      normalise: {
        ours: (d) => ({ enterprises: field(d, 'enterprises', 'totalCount'), anchors: field(d, 'anchors', 'totalCount'), synthetic: field(d, 'synthetic', 'totalCount') }),
        library: countsOf,
      },
    },
  ];
}

/** An average to 9 significant digits: two sides may add the same values in another order. */
function roundAvg(v: number | null | undefined): number | null {
  return typeof v === 'number' ? Number(v.toPrecision(9)) : null;
}

const pageOf = {
  ours: (d: unknown) => ({ nodes: pick(objects(d, 'enterprises', 'nodes'), ['id', 'name']), hasNextPage: field(d, 'enterprises', 'pageInfo', 'hasNextPage') }),
  library: (d: unknown) => ({
    nodes: pick(objects(d, 'enterprisesConnection', 'edges').map((e) => objects([field(e, 'node')])[0] ?? {}), ['id', 'name']),
    hasNextPage: field(d, 'enterprisesConnection', 'pageInfo', 'hasNextPage'),
  }),
};

// The library's aggregate (its `count { nodes }`), one root field — and so one statement — per figure.
const libraryCounts = `{
  enterprises: enterprisesConnection(where: ${IN_DISTRICT}) { aggregate { count { nodes } } }
  anchors: enterprisesConnection(where: { AND: [${IN_DISTRICT}, { isAnchor: { eq: true } }] }) { aggregate { count { nodes } } }
  synthetic: enterprisesConnection(where: { AND: [${IN_DISTRICT}, { synthetic: { eq: true } }] }) { aggregate { count { nodes } } }
}`;

function countsOf(d: unknown): unknown {
  const n = (k: string): unknown => field(d, k, 'aggregate', 'count', 'nodes');
  return { enterprises: n('enterprises'), anchors: n('anchors'), synthetic: n('synthetic') };
}

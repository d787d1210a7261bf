// Example operations for the bundled GraphiQL, one tab per use case, on the
// article data set's ids. Each tab opens with its variables filled in.
export interface Example {
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const EXAMPLES: Example[] = [
  {
    title: 'Profile',
    query: `# A firm's profile with its sources (STATED quotes, CURATED reasons)
query Profile($id: ID!) {
  enterprise(id: $id) {
    id name nameEn aliases isAnchor origin signedOn landedOn
    park { name } segment { name chain { name } }
    attracted { id name } attractedBy { id name } upstream { id name } downstream { id name }
    projects { name amountYuan signedOn landedOn }
    sources { kind quote reason title publisher publishedOn }
  }
}`,
    variables: { id: 'toutiao' },
  },
  {
    title: 'Circle as of a date',
    query: `# 今日头条's circle of friends as it stood at the end of 2019-06 (大吕 signed 2019-04, landed 2019-07)
query Circle($anchorId: ID!, $asOf: AsOf) {
  circle(anchorId: $anchorId, depth: 2, asOf: $asOf) {
    nodes { id label kind landedOn isAnchor }
    edges { source target type since }
  }
}`,
    variables: { anchorId: 'toutiao', asOf: '2019-06' },
  },
  {
    title: 'Chain',
    query: `# Up- and downstream of a firm through SUPPLIES
query Chain($id: ID!) {
  chain(enterpriseId: $id, direction: BOTH, depth: 3) {
    nodes { id label segmentName }
    edges { source target type }
  }
  chains { id name segments { id name order layer } }
}`,
    variables: { id: 'toutiao' },
  },
  {
    title: 'Path',
    query: `# How are these two connected?
query Path($from: ID!, $to: ID!) {
  path(fromId: $from, toId: $to, maxLength: 6) {
    nodes { id label }
    edges { source target type label }
  }
}`,
    variables: { from: 'dalv', to: 'toutiao' },
  },
  {
    title: 'Growth',
    query: `# How the district grew, month by month and by year
query Growth {
  byMonth: growth(interval: MONTH) { period landed cumulative investmentYuan }
  byYear: growth(interval: YEAR) { period landed cumulative }
}`,
  },
  {
    title: 'Search',
    query: `# Chinese, traditional, English, pinyin, initials
query Search {
  zh: search(query: "头条") { id name }
  trad: search(query: "今日頭條") { id name }
  pinyin: search(query: "toutiao") { id name }
  initials: search(query: "jrtt") { id name }
}`,
  },
  {
    title: 'Recruitment targets',
    query: `# Whom to court next, and why
query Targets($anchorId: ID) {
  chainGaps(anchorId: $anchorId) { chain { name } gaps weak strong segments { segment { name } status localCount } }
  recruitmentTargets(anchorId: $anchorId, limit: 10) {
    rank score enterprise { id name }
    reasons { zh en }
    fillsGap { segment { name } status }
  }
}`,
    variables: { anchorId: 'toutiao' },
  },
  {
    title: 'Write (needs a token)',
    query: `# Writes need a token of role editor (admin for importDataSet) from the server's API_TOKENS.
# Put it in the Headers pane below the editor (beside Variables), as JSON:
#   {"Authorization": "Bearer <your token>"}
# (When you signed in to the explorer, GraphiQL opened from it has your token there already.)
# Every write is one transaction and leaves an audit record: query changes { at actor action } with an editor token.
mutation CreateFirm($input: EnterpriseInput!) {
  createEnterprise(input: $input) { id name landedOn sourceKind sources { kind reason } }
}`,
    variables: { input: { id: 'graphiql-test-firm', name: '图谱测试科技', nameEn: 'GraphiQL Test Tech', landedOn: '2020-05', source: { kind: 'CURATED', reason: 'tried in GraphiQL' } } },
  },
];

// Golden Cypher (after neo4j/graphql's tests): for each query shape, the exact Cypher and
// parameters the API sends. A change here is a change of what the database is asked: review it.
import { describe, expect, it } from 'vitest';
import { buildConnectionQuery } from '../connections/connectionQuery.ts';
import { buildChainQuery } from '../graph/chainQuery.ts';
import { buildCircleQuery } from '../graph/circleQuery.ts';
import { buildAnchorsQuery, buildEnterpriseQuery } from '../enterprise/enterpriseQuery.ts';
import { buildRelatedQuery } from '../../cypher/relatedQuery.ts';
import { buildEnterprisesQuery } from '../enterprises/enterprisesQuery.ts';
import { normaliseSort } from '../enterprises/enterpriseSort.ts';
import { buildGraphQuery } from '../graph/graphQuery.ts';
import { buildGrowthQuery } from '../growth/growthQuery.ts';
import { buildPathQuery } from '../graph/pathQuery.ts';
import { buildFindQuery } from '../search/findQuery.ts';
import { buildSearchQuery } from '../search/searchQuery.ts';
import { buildStatsQuery } from '../stats/statsQuery.ts';
import { buildEnterpriseAggregateQuery, buildRelatedAggregateQuery } from '../aggregates/aggregateQuery.ts';
import { buildOverviewFirmsQuery, buildOverviewTiesQuery, buildOverviewTotalQuery } from '../overview/overviewGroupsQuery.ts';

describe('golden Cypher', () => {
  it('enterprise(id)', () => {
    expect(buildEnterpriseQuery('toutiao')).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (e:Enterprise {id: $id})
      RETURN e {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason} AS e",
        "params": {
          "id": "toutiao",
        },
      }
    `);
  });

  it('anchors', () => {
    expect(buildAnchorsQuery()).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (e:Enterprise) WHERE e.isAnchor = true
      WITH e ORDER BY e.landedOn, e.id
      RETURN e {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason} AS e",
        "params": {},
      }
    `);
  });

  it('nested relation loader (attracted as of a date)', () => {
    expect(buildRelatedQuery('attracted', ['toutiao', 'fii'], { asOf: '2019-08-31' })).toMatchInlineSnapshot(`
      {
        "cypher": "UNWIND $ids AS id
      MATCH (s:Enterprise {id: id})
      CALL (s) {
        MATCH (s)-[r:ATTRACTED]->(x)
        WHERE ($asOf IS NULL OR (x.landedOn IS NOT NULL AND x.landedOn <= $asOf AND (x.leftOn IS NULL OR x.leftOn > $asOf))) AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)
        WITH x {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason} AS x
        ORDER BY x.landedOn, x.id
        RETURN collect(x) AS items
      }
      RETURN id, items",
        "params": {
          "asOf": "2019-08-31",
          "ids": [
            "toutiao",
            "fii",
          ],
        },
      }
    `);
  });

  it('nested single-valued loader (park)', () => {
    expect(buildRelatedQuery('park', ['dalv'])).toMatchInlineSnapshot(`
      {
        "cypher": "UNWIND $ids AS id
      MATCH (s:Enterprise {id: id})
      CALL (s) {
        MATCH (s)-[r:LOCATED_IN]->(x)
        WITH x, r ORDER BY CASE x.kind WHEN 'park' THEN 0 ELSE 1 END, x.id
        RETURN collect(x {.*, since: r.since}) AS items
      }
      RETURN id, items",
        "params": {
          "ids": [
            "dalv",
          ],
        },
      }
    `);
  });

  it('segment enterprises loader with local', () => {
    expect(buildRelatedQuery('segmentEnterprises', ['seg-ai-speech'], { asOf: null, local: true })).toMatchInlineSnapshot(`
      {
        "cypher": "UNWIND $ids AS id
      MATCH (s:Segment {id: id})
      CALL (s) {
        MATCH (s)<-[r:IN_SEGMENT]-(x:Enterprise)
        WHERE (CASE WHEN $asOf IS NULL THEN x.leftOn IS NULL AND (x.landedOn IS NOT NULL OR x.local = true) ELSE ($asOf IS NULL OR (x.landedOn IS NOT NULL AND x.landedOn <= $asOf AND (x.leftOn IS NULL OR x.leftOn > $asOf))) END) = $local
        WITH x {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason} AS x
        ORDER BY x.landedOn, x.id
        RETURN collect(x) AS items
      }
      RETURN id, items",
        "params": {
          "asOf": null,
          "ids": [
            "seg-ai-speech",
          ],
          "local": true,
        },
      }
    `);
  });

  it('nested relation loader with a page per parent (partners, first)', () => {
    expect(buildRelatedQuery('partners', ['toutiao', 'fii'], { asOf: '2019-08-31', first: 100 })).toMatchInlineSnapshot(`
      {
        "cypher": "UNWIND $ids AS id
      MATCH (s:Enterprise {id: id})
      CALL (s) {
        MATCH (s)-[r:PARTNER_OF]-(x)
        WHERE ($asOf IS NULL OR (x.landedOn IS NOT NULL AND x.landedOn <= $asOf AND (x.leftOn IS NULL OR x.leftOn > $asOf))) AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)
        WITH x {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason} AS x
        ORDER BY x.id
        LIMIT $first
        RETURN collect(x) AS items
      }
      RETURN id, items",
        "params": {
          "asOf": "2019-08-31",
          "first": 100,
          "ids": [
            "toutiao",
            "fii",
          ],
        },
      }
    `);
  });

  it('enterprises: first page, no filter, with totalCount', () => {
    expect(buildEnterprisesQuery({ filter: null, first: 20, after: null, withTotal: true })).toMatchInlineSnapshot(`
      {
        "cypher": "CALL () {
        MATCH (e:Enterprise)
        RETURN count(e) AS totalCount
      }
      CALL () {
        MATCH (e:Enterprise)
        WHERE e.id IS NOT NULL
        WITH e ORDER BY e.id LIMIT $limit
        RETURN collect(e {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason}) AS page
      }
      RETURN totalCount, page",
        "params": {
          "limit": 21,
        },
      }
    `);
  });

  it('enterprises: every filter, after a cursor, without totalCount', () => {
    expect(
      buildEnterprisesQuery({
        filter: { chainId: 'chain-ai', segmentId: 'seg-ai-speech', parkId: 'park-internet-town', anchorId: 'toutiao', landedFrom: '2019', landedTo: '2019-11-31', synthetic: false, local: true, isAnchor: false, text: 'Dalv' },
        first: 5,
        after: 'dalv',
        withTotal: false,
      }),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "CALL () {
        MATCH (filterStart:Enterprise {id: $anchorId})
        CALL (filterStart) {
          MATCH (filterStart)-[:ATTRACTED]->(e:Enterprise)
          WHERE e.isAnchor = $isAnchor AND (CASE WHEN $asOf IS NULL THEN e.leftOn IS NULL AND (e.landedOn IS NOT NULL OR e.local = true) ELSE ($asOf IS NULL OR (e.landedOn IS NOT NULL AND e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf))) END) = $local AND e.synthetic = $synthetic AND e.landedOn >= $landedFrom AND e.landedOn <= $landedTo AND EXISTS { (e)-[:IN_SEGMENT]->(:Segment {id: $segmentId}) } AND EXISTS { (e)-[:IN_SEGMENT]->(:Segment)<-[:HAS_SEGMENT]-(:Chain {id: $chainId}) } AND EXISTS { (e)-[:LOCATED_IN]->(:Place {id: $parkId}) } AND (toLower(e.name) CONTAINS $text OR toLower(coalesce(e.nameEn, '')) CONTAINS $text OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) CONTAINS $text)) AND e.id > $after
          RETURN DISTINCT e
        }
        WITH e ORDER BY e.id LIMIT $limit
        RETURN collect(e {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason}) AS page
      }
      RETURN null AS totalCount, page",
        "params": {
          "after": "dalv",
          "anchorId": "toutiao",
          "asOf": null,
          "chainId": "chain-ai",
          "isAnchor": false,
          "landedFrom": "2019",
          "landedTo": "2019-11-31",
          "limit": 6,
          "local": true,
          "parkId": "park-internet-town",
          "segmentId": "seg-ai-speech",
          "synthetic": false,
          "text": "dalv",
        },
      }
    `);
  });

  it('enterprises: a segment filter starts from the segment, for the page and the count', () => {
    expect(buildEnterprisesQuery({ filter: { segmentId: 'seg-ai-speech', isAnchor: false, landedTo: '2019-12-31' }, first: 100, after: null, withTotal: true, props: ['id', 'name', 'landedOn'] })).toMatchInlineSnapshot(`
      {
        "cypher": "CALL () {
        MATCH (filterStart:Segment {id: $segmentId})
        CALL (filterStart) {
          MATCH (filterStart)<-[:IN_SEGMENT]-(e:Enterprise)
          WHERE e.isAnchor = $isAnchor AND e.landedOn <= $landedTo
          RETURN DISTINCT e
        }
        RETURN count(e) AS totalCount
      }
      CALL () {
        MATCH (filterStart:Segment {id: $segmentId})
        CALL (filterStart) {
          MATCH (filterStart)<-[:IN_SEGMENT]-(e:Enterprise)
          WHERE e.isAnchor = $isAnchor AND e.landedOn <= $landedTo
          RETURN DISTINCT e
        }
        WITH e ORDER BY e.id LIMIT $limit
        RETURN collect(e {.id, .name, .landedOn}) AS page
      }
      RETURN totalCount, page",
        "params": {
          "isAnchor": false,
          "landedTo": "2019-12-31",
          "limit": 101,
          "segmentId": "seg-ai-speech",
        },
      }
    `);
  });

  it('enterprises: only totalCount (first: 0, filter) runs the count alone', () => {
    expect(buildEnterprisesQuery({ filter: { isAnchor: true }, first: 0, after: null, withTotal: true, withPage: false })).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (e:Enterprise)
      WHERE e.isAnchor = $isAnchor
      RETURN count(e) AS totalCount, [] AS page",
        "params": {
          "isAnchor": true,
        },
      }
    `);
  });

  it('enterprises: where with related firms as of a date, ANDed with filter', () => {
    expect(
      buildEnterprisesQuery({
        filter: { isAnchor: false },
        where: { landedOn: { gte: '2019' }, attractedBySome: { name: { eq: '今日头条' } }, NOT: { status: { in: ['CLOSED'] } } },
        asOf: '2020-04-31',
        first: 20,
        after: null,
        withTotal: true,
        props: ['id', 'name'],
      }),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "CALL () {
        MATCH (e:Enterprise)
        WHERE e.isAnchor = $isAnchor AND (e.landedOn >= $w0) AND (EXISTS { MATCH (w_x0)-[w_r1:ATTRACTED]->(e) WHERE (($asOf IS NULL OR (w_x0.landedOn IS NOT NULL AND w_x0.landedOn <= $asOf AND (w_x0.leftOn IS NULL OR w_x0.leftOn > $asOf)))) AND (($asOf IS NULL OR w_r1.since IS NULL OR w_r1.since <= $asOf)) AND (w_x0.name = $w1) }) AND (NOT coalesce(e.status IN $w2, false))
        RETURN count(e) AS totalCount
      }
      CALL () {
        MATCH (e:Enterprise)
        WHERE e.isAnchor = $isAnchor AND (e.landedOn >= $w0) AND (EXISTS { MATCH (w_x0)-[w_r1:ATTRACTED]->(e) WHERE (($asOf IS NULL OR (w_x0.landedOn IS NOT NULL AND w_x0.landedOn <= $asOf AND (w_x0.leftOn IS NULL OR w_x0.leftOn > $asOf)))) AND (($asOf IS NULL OR w_r1.since IS NULL OR w_r1.since <= $asOf)) AND (w_x0.name = $w1) }) AND (NOT coalesce(e.status IN $w2, false))
        WITH e ORDER BY e.id LIMIT $limit
        RETURN collect(e {.id, .name}) AS page
      }
      RETURN totalCount, page",
        "params": {
          "asOf": "2020-04-31",
          "isAnchor": false,
          "limit": 21,
          "w0": "2019",
          "w1": "今日头条",
          "w2": [
            "closed",
          ],
        },
      }
    `);
  });

  it('enterprises: sorted page after a sort cursor (nulls last, id last)', () => {
    expect(
      buildEnterprisesQuery({
        where: { id: { in: ['toutiao', 'dalv', 'fii'] } },
        sort: normaliseSort([{ field: 'LANDED_ON', direction: 'DESC' }, { field: 'REVENUE_YUAN' }]),
        first: 2,
        after: null,
        afterKeys: { keys: ['2019-11', null], id: 'fii' },
        withTotal: false,
        props: ['id', 'name'],
      }),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "CALL () {
        MATCH (e:Enterprise)
        WHERE e.id IN $w0 AND (e.landedOn < $w2 OR e.landedOn IS NULL OR (e.landedOn = $w2 AND (e.revenueYuan IS NULL AND e.id > $w1)))
        WITH e ORDER BY e.landedOn IS NULL, e.landedOn DESC, e.revenueYuan ASC, e.id ASC LIMIT $limit
        RETURN collect(e {.id, .name, sortKeys: [e.landedOn, e.revenueYuan]}) AS page
      }
      RETURN null AS totalCount, page",
        "params": {
          "limit": 3,
          "w0": [
            "toutiao",
            "dalv",
            "fii",
          ],
          "w1": "fii",
          "w2": "2019-11",
        },
      }
    `);
  });

  it('enterprises: a page of firms with only the selected properties', () => {
    expect(buildEnterprisesQuery({ filter: null, first: 20, after: null, withTotal: false, props: ['id', 'name', 'landedOn'] })).toMatchInlineSnapshot(`
      {
        "cypher": "CALL () {
        MATCH (e:Enterprise)
        WHERE e.id IS NOT NULL
        WITH e ORDER BY e.id LIMIT $limit
        RETURN collect(e {.id, .name, .landedOn}) AS page
      }
      RETURN null AS totalCount, page",
        "params": {
          "limit": 21,
        },
      }
    `);
  });

  it('enterprise(id) with the selected properties', () => {
    expect(buildEnterpriseQuery('toutiao', ['id', 'name'])).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (e:Enterprise {id: $id})
      RETURN e {.id, .name} AS e",
        "params": {
          "id": "toutiao",
        },
      }
    `);
  });

  it('nested relation loader with the selected properties (upstream { id name })', () => {
    expect(buildRelatedQuery('upstream', ['toutiao'], { asOf: null, first: 100, props: ['id', 'name'] })).toMatchInlineSnapshot(`
      {
        "cypher": "UNWIND $ids AS id
      MATCH (s:Enterprise {id: id})
      CALL (s) {
        MATCH (s)<-[r:SUPPLIES]-(x)
        WITH x {.id, .name} AS x
        ORDER BY x.id
        LIMIT $first
        RETURN collect(x) AS items
      }
      RETURN id, items",
        "params": {
          "first": 100,
          "ids": [
            "toutiao",
          ],
        },
      }
    `);
  });

  it('search: Chinese and Latin parts', () => {
    expect(buildSearchQuery('头条 toutiao', 10)).toMatchInlineSnapshot(`
      {
        "cypher": "CALL () {
        CALL db.index.fulltext.queryNodes('enterprise_names_zh', $zh, {limit: $candidates}) YIELD node, score RETURN node, score
        UNION ALL
        CALL db.index.fulltext.queryNodes('enterprise_names_latin', $latin, {limit: $candidates}) YIELD node, score RETURN node, score
      }
      WITH node, max(score) AS score
      WITH node, score + CASE WHEN node.name = $raw OR $raw IN coalesce(node.aliases, []) OR $raw IN coalesce(node.formerNames, []) OR toLower(coalesce(node.nameEn, '')) = $rawLower THEN 100 ELSE 0 END AS score
      ORDER BY score DESC, node.id
      LIMIT $limit
      RETURN node {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason} AS e",
        "params": {
          "candidates": 30,
          "latin": "(toutiao^3 toutiao*^2 toutiao~2)",
          "limit": 10,
          "raw": "头条 toutiao",
          "rawLower": "头条 toutiao",
          "zh": "头条",
        },
      }
    `);
  });

  it('search: Latin only, with Lucene syntax made inert', () => {
    expect(buildSearchQuery('"}) DETACH DELETE n // jrtt~ AND *', 5)).toMatchInlineSnapshot(`
      {
        "cypher": "CALL () {
        CALL db.index.fulltext.queryNodes('enterprise_names_latin', $latin, {limit: $candidates}) YIELD node, score RETURN node, score
      }
      WITH node, max(score) AS score
      WITH node, score + CASE WHEN node.name = $raw OR $raw IN coalesce(node.aliases, []) OR $raw IN coalesce(node.formerNames, []) OR toLower(coalesce(node.nameEn, '')) = $rawLower THEN 100 ELSE 0 END AS score
      ORDER BY score DESC, node.id
      LIMIT $limit
      RETURN node {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason} AS e",
        "params": {
          "candidates": 30,
          "latin": "(detach^3 detach*^2 detach~1) (delete^3 delete*^2 delete~1) (n^3) (jrtt^3 jrtt*^2 jrtt~1) (and^3 and*^2)",
          "limit": 5,
          "raw": ""}) DETACH DELETE n // jrtt~ AND *",
          "rawLower": ""}) detach delete n // jrtt~ and *",
        },
      }
    `);
  });

  it('search: a whole credit code, typed in lower case, is looked up exactly by its index', () => {
    expect(buildSearchQuery(' 91350104ma2xy7kq3b ', 10)).toMatchInlineSnapshot(`
      {
        "cypher": "CALL () {
        MATCH (node:Enterprise {creditCode: $code}) RETURN node, 1000.0 AS score
        UNION ALL
        MATCH (node:Enterprise {registrationNumber: $code}) RETURN node, 1000.0 AS score
        UNION ALL
        CALL db.index.fulltext.queryNodes('enterprise_names_latin', $latin, {limit: $candidates}) YIELD node, score RETURN node, score
      }
      WITH node, max(score) AS score
      WITH node, score + CASE WHEN node.name = $raw OR $raw IN coalesce(node.aliases, []) OR $raw IN coalesce(node.formerNames, []) OR toLower(coalesce(node.nameEn, '')) = $rawLower THEN 100 ELSE 0 END AS score
      ORDER BY score DESC, node.id
      LIMIT $limit
      RETURN node {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason} AS e",
        "params": {
          "candidates": 30,
          "code": "91350104MA2XY7KQ3B",
          "latin": "(91350104ma2xy7kq3b^3 91350104ma2xy7kq3b*^2 91350104ma2xy7kq3b~2)",
          "limit": 10,
          "raw": "91350104ma2xy7kq3b",
          "rawLower": "91350104ma2xy7kq3b",
        },
      }
    `);
  });

  it('search: nothing searchable gives no query', () => {
    expect(buildSearchQuery('!!! ~~~', 5)).toBeNull();
  });

  it('find: firms and the named nodes (projects, places, chains, segments), both scripts, ranked across kinds', () => {
    expect(buildFindQuery('海峡健康 hxjk', 8)).toMatchInlineSnapshot(`
      {
        "cypher": "CALL () {
        CALL db.index.fulltext.queryNodes('enterprise_names_zh', $zh, {limit: $candidates}) YIELD node, score RETURN node, score
        UNION ALL
        CALL db.index.fulltext.queryNodes('named_zh', $zh, {limit: $candidates}) YIELD node, score RETURN node, score
        UNION ALL
        CALL db.index.fulltext.queryNodes('enterprise_names_latin', $latin, {limit: $candidates}) YIELD node, score RETURN node, score
        UNION ALL
        CALL db.index.fulltext.queryNodes('named_latin', $latin, {limit: $candidates}) YIELD node, score RETURN node, score
      }
      WITH node, max(score) AS score
      WITH node, score + CASE WHEN node.name = $raw OR $raw IN coalesce(node.aliases, []) OR $raw IN coalesce(node.formerNames, []) OR toLower(coalesce(node.nameEn, '')) = $rawLower THEN 100 WHEN coalesce(node.searchZh, '') CONTAINS $raw OR toLower(coalesce(node.searchLatin, '')) CONTAINS $rawLower THEN 40 ELSE 0 END AS score
      ORDER BY score DESC, node.id
      LIMIT $limit
      RETURN CASE WHEN node:Enterprise THEN 'ENTERPRISE' WHEN node:Project THEN 'PROJECT' WHEN node:Place THEN 'PLACE' WHEN node:Chain THEN 'CHAIN' ELSE 'SEGMENT' END AS kind, CASE WHEN node:Enterprise THEN node {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason} ELSE node {.id, .name, .nameEn, .kind, .category, .signedOn, .landedOn, .leftOn, .amountYuan, .local, .synthetic, .description, .order, .layer, .layerEn, .chainId, .sourceKind, .quotes, .reason, .docId} END AS node",
        "params": {
          "candidates": 30,
          "latin": "(hxjk^3 hxjk*^2 hxjk~1)",
          "limit": 8,
          "raw": "海峡健康 hxjk",
          "rawLower": "海峡健康 hxjk",
          "zh": "海峡健康",
        },
      }
    `);
    expect(buildFindQuery('!!! ~~~', 5)).toBeNull();
  });

  it('circle(anchorId, depth 2, asOf)', () => {
    expect(buildCircleQuery('toutiao', 2, '2019-08-31')).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (a:Enterprise {id: $anchorId})
      CALL (a) {
        MATCH (a) ((x)-[r:ATTRACTED|SUPPLIES|PART_OF|PARTNER_OF]-(y:Enterprise) WHERE ($asOf IS NULL OR (y.landedOn IS NOT NULL AND y.landedOn <= $asOf AND (y.leftOn IS NULL OR y.leftOn > $asOf))) AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)){1,2} (f)
        RETURN collect(DISTINCT f) AS found
      }
      WITH CASE WHEN ($asOf IS NULL OR (a.landedOn IS NOT NULL AND a.landedOn <= $asOf AND (a.leftOn IS NULL OR a.leftOn > $asOf))) THEN [a] + [x IN found WHERE x <> a] ELSE [] END AS ns
      CALL (ns) {
        RETURN 'found' AS part, null AS item
        UNION ALL
        UNWIND ns AS n
        RETURN 'node' AS part, {id: n.id, label: coalesce(n.name, n.title, n.id), labelEn: n.nameEn, kind: [l IN labels(n) WHERE l <> 'Entity'][0], isAnchor: coalesce(n.isAnchor, false), synthetic: coalesce(n.synthetic, false), local: n.local, landedOn: n.landedOn, leftOn: n.leftOn, signedOn: n.signedOn, sourceKind: n.sourceKind, order: n.order, chainId: n.chainId, segment: COLLECT { MATCH (n)-[:IN_SEGMENT]->(s:Segment) RETURN s {.id, .name, .chainId, .order} ORDER BY s.order, s.id LIMIT 1 }[0], parkId: COLLECT { MATCH (n)-[:LOCATED_IN]->(pk:Place) RETURN pk.id ORDER BY CASE pk.kind WHEN 'park' THEN 0 ELSE 1 END, pk.id LIMIT 1 }[0]} AS item
        UNION ALL
        UNWIND ns AS x
        MATCH (x)-[r:ATTRACTED|SUPPLIES|PART_OF|PARTNER_OF]->(y)
        WHERE y IN ns AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)
        RETURN 'edge' AS part, {source: startNode(r).id, target: endNode(r).id, type: type(r), since: r.since, sourceKind: r.sourceKind, synthetic: coalesce(r.synthetic, false)} AS item
      }
      RETURN part, item",
        "params": {
          "anchorId": "toutiao",
          "asOf": "2019-08-31",
        },
      }
    `);
  });

  it('chain(BOTH, depth 3)', () => {
    expect(buildChainQuery('toutiao', 'BOTH', 3, null)).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (e:Enterprise {id: $enterpriseId})
      WITH e, COLLECT {
        MATCH (e) ((x)<-[r:SUPPLIES]-(y:Enterprise) WHERE ($asOf IS NULL OR (y.landedOn IS NOT NULL AND y.landedOn <= $asOf AND (y.leftOn IS NULL OR y.leftOn > $asOf))) AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)){1,3} (f)
        RETURN f
        UNION
        MATCH (e) ((x)-[r:SUPPLIES]->(y:Enterprise) WHERE ($asOf IS NULL OR (y.landedOn IS NOT NULL AND y.landedOn <= $asOf AND (y.leftOn IS NULL OR y.leftOn > $asOf))) AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)){1,3} (f)
        RETURN f
      } AS found
      WITH CASE WHEN ($asOf IS NULL OR (e.landedOn IS NOT NULL AND e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf))) THEN [e] + [x IN found WHERE x <> e] ELSE [] END AS ns
      CALL (ns) {
        RETURN 'found' AS part, null AS item
        UNION ALL
        UNWIND ns AS n
        RETURN 'node' AS part, {id: n.id, label: coalesce(n.name, n.title, n.id), labelEn: n.nameEn, kind: [l IN labels(n) WHERE l <> 'Entity'][0], isAnchor: coalesce(n.isAnchor, false), synthetic: coalesce(n.synthetic, false), local: n.local, landedOn: n.landedOn, leftOn: n.leftOn, signedOn: n.signedOn, sourceKind: n.sourceKind, order: n.order, chainId: n.chainId, segment: COLLECT { MATCH (n)-[:IN_SEGMENT]->(s:Segment) RETURN s {.id, .name, .chainId, .order} ORDER BY s.order, s.id LIMIT 1 }[0], parkId: COLLECT { MATCH (n)-[:LOCATED_IN]->(pk:Place) RETURN pk.id ORDER BY CASE pk.kind WHEN 'park' THEN 0 ELSE 1 END, pk.id LIMIT 1 }[0]} AS item
        UNION ALL
        UNWIND ns AS x
        MATCH (x)-[r:SUPPLIES]->(y)
        WHERE y IN ns AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)
        RETURN 'edge' AS part, {source: startNode(r).id, target: endNode(r).id, type: type(r), since: r.since, sourceKind: r.sourceKind, synthetic: coalesce(r.synthetic, false)} AS item
      }
      RETURN part, item",
        "params": {
          "asOf": null,
          "enterpriseId": "toutiao",
        },
      }
    `);
  });

  it('chain(UPSTREAM, depth 1)', () => {
    expect(buildChainQuery('toutiao', 'UPSTREAM', 1, null).cypher).toMatchInlineSnapshot(`
      "MATCH (e:Enterprise {id: $enterpriseId})
      WITH e, COLLECT {
        MATCH (e) ((x)<-[r:SUPPLIES]-(y:Enterprise) WHERE ($asOf IS NULL OR (y.landedOn IS NOT NULL AND y.landedOn <= $asOf AND (y.leftOn IS NULL OR y.leftOn > $asOf))) AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)){1,1} (f)
        RETURN f
      } AS found
      WITH CASE WHEN ($asOf IS NULL OR (e.landedOn IS NOT NULL AND e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf))) THEN [e] + [x IN found WHERE x <> e] ELSE [] END AS ns
      CALL (ns) {
        RETURN 'found' AS part, null AS item
        UNION ALL
        UNWIND ns AS n
        RETURN 'node' AS part, {id: n.id, label: coalesce(n.name, n.title, n.id), labelEn: n.nameEn, kind: [l IN labels(n) WHERE l <> 'Entity'][0], isAnchor: coalesce(n.isAnchor, false), synthetic: coalesce(n.synthetic, false), local: n.local, landedOn: n.landedOn, leftOn: n.leftOn, signedOn: n.signedOn, sourceKind: n.sourceKind, order: n.order, chainId: n.chainId, segment: COLLECT { MATCH (n)-[:IN_SEGMENT]->(s:Segment) RETURN s {.id, .name, .chainId, .order} ORDER BY s.order, s.id LIMIT 1 }[0], parkId: COLLECT { MATCH (n)-[:LOCATED_IN]->(pk:Place) RETURN pk.id ORDER BY CASE pk.kind WHEN 'park' THEN 0 ELSE 1 END, pk.id LIMIT 1 }[0]} AS item
        UNION ALL
        UNWIND ns AS x
        MATCH (x)-[r:SUPPLIES]->(y)
        WHERE y IN ns AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)
        RETURN 'edge' AS part, {source: startNode(r).id, target: endNode(r).id, type: type(r), since: r.since, sourceKind: r.sourceKind, synthetic: coalesce(r.synthetic, false)} AS item
      }
      RETURN part, item"
    `);
  });

  it('path: default relations', () => {
    expect(buildPathQuery('dalv', 'fii', 6, null)).toMatchInlineSnapshot(`
      {
        "cypher": "OPTIONAL MATCH (a:Entity {id: $fromId})
      OPTIONAL MATCH (b:Entity {id: $toId})
      OPTIONAL MATCH p = shortestPath((a)-[:ATTRACTED|SUPPLIES|PART_OF|PARTNER_OF*..6]-(b))
      RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound,
        CASE WHEN p IS NULL THEN null ELSE [n IN nodes(p) | {id: n.id, label: coalesce(n.name, n.title, n.id), labelEn: n.nameEn, kind: [l IN labels(n) WHERE l <> 'Entity'][0], isAnchor: coalesce(n.isAnchor, false), synthetic: coalesce(n.synthetic, false), local: n.local, landedOn: n.landedOn, leftOn: n.leftOn, signedOn: n.signedOn, sourceKind: n.sourceKind, order: n.order, chainId: n.chainId, segment: COLLECT { MATCH (n)-[:IN_SEGMENT]->(s:Segment) RETURN s {.id, .name, .chainId, .order} ORDER BY s.order, s.id LIMIT 1 }[0], parkId: COLLECT { MATCH (n)-[:LOCATED_IN]->(pk:Place) RETURN pk.id ORDER BY CASE pk.kind WHEN 'park' THEN 0 ELSE 1 END, pk.id LIMIT 1 }[0]}] END AS nodes,
        CASE WHEN p IS NULL THEN null ELSE [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, type: type(r), since: r.since, sourceKind: r.sourceKind, synthetic: coalesce(r.synthetic, false)}] END AS edges",
        "params": {
          "fromId": "dalv",
          "toId": "fii",
        },
      }
    `);
  });

  it('path: through parks', () => {
    expect(buildPathQuery('dalv', 'huawei', 4, ['ATTRACTED', 'LOCATED_IN', 'PART_OF']).cypher).toMatchInlineSnapshot(`
      "OPTIONAL MATCH (a:Entity {id: $fromId})
      OPTIONAL MATCH (b:Entity {id: $toId})
      OPTIONAL MATCH p = shortestPath((a)-[:ATTRACTED|LOCATED_IN|PART_OF*..4]-(b))
      RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound,
        CASE WHEN p IS NULL THEN null ELSE [n IN nodes(p) | {id: n.id, label: coalesce(n.name, n.title, n.id), labelEn: n.nameEn, kind: [l IN labels(n) WHERE l <> 'Entity'][0], isAnchor: coalesce(n.isAnchor, false), synthetic: coalesce(n.synthetic, false), local: n.local, landedOn: n.landedOn, leftOn: n.leftOn, signedOn: n.signedOn, sourceKind: n.sourceKind, order: n.order, chainId: n.chainId, segment: COLLECT { MATCH (n)-[:IN_SEGMENT]->(s:Segment) RETURN s {.id, .name, .chainId, .order} ORDER BY s.order, s.id LIMIT 1 }[0], parkId: COLLECT { MATCH (n)-[:LOCATED_IN]->(pk:Place) RETURN pk.id ORDER BY CASE pk.kind WHEN 'park' THEN 0 ELSE 1 END, pk.id LIMIT 1 }[0]}] END AS nodes,
        CASE WHEN p IS NULL THEN null ELSE [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, type: type(r), since: r.since, sourceKind: r.sourceKind, synthetic: coalesce(r.synthetic, false)}] END AS edges"
    `);
  });

  it('growth: district', () => {
    expect(buildGrowthQuery(null, null)).toMatchInlineSnapshot(`
      {
        "cypher": "CALL () {
        MATCH (e:Enterprise) WHERE e.landedOn IS NOT NULL
        RETURN collect({id: e.id, landedOn: e.landedOn, leftOn: e.leftOn}) AS firms
      }
      CALL () {
        MATCH (p:Project) WHERE coalesce(p.local, true) AND p.amountYuan IS NOT NULL AND NOT EXISTS { (p)-[:PART_OF]->(:Project) }
        RETURN collect({date: coalesce(p.signedOn, p.landedOn), amount: p.amountYuan}) AS projects
      }
      RETURN true AS found, firms, projects",
        "params": {},
      }
    `);
  });

  it('growth: district, counted by dates (no ids asked)', () => {
    expect(buildGrowthQuery(null, null, false)).toMatchInlineSnapshot(`
      {
        "cypher": "CALL () {
        MATCH (e:Enterprise) WHERE e.landedOn IS NOT NULL
        WITH e.landedOn AS landedOn, e.leftOn AS leftOn, count(*) AS n
        RETURN collect({landedOn: landedOn, leftOn: leftOn, n: n}) AS firms
      }
      CALL () {
        MATCH (p:Project) WHERE coalesce(p.local, true) AND p.amountYuan IS NOT NULL AND NOT EXISTS { (p)-[:PART_OF]->(:Project) }
        WITH coalesce(p.signedOn, p.landedOn) AS date, sum(p.amountYuan) AS amount
        RETURN collect({date: date, amount: amount}) AS projects
      }
      RETURN true AS found, firms, projects",
        "params": {},
      }
    `);
  });

  it('growth: an anchor as of the end of the range', () => {
    expect(buildGrowthQuery('toutiao', '2019-12-31')).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (a:Enterprise {id: $anchorId})
      CALL (a) {
        MATCH (a) ((x)-[r:ATTRACTED|SUPPLIES|PART_OF|PARTNER_OF]-(y:Enterprise) WHERE ($asOf IS NULL OR (y.landedOn IS NOT NULL AND y.landedOn <= $asOf)) AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)){1,2} (f)
        RETURN collect(DISTINCT f) AS found
      }
      WITH [a] + [x IN found WHERE x <> a] AS ns
      RETURN true AS found,
        [n IN ns WHERE n.landedOn IS NOT NULL | {id: n.id, landedOn: n.landedOn, leftOn: n.leftOn}] AS firms,
        COLLECT { UNWIND ns AS n MATCH (n)-[:HAS_PROJECT]->(p:Project) WHERE p.amountYuan IS NOT NULL AND NOT EXISTS { (p)-[:PART_OF]->(:Project) } WITH DISTINCT p RETURN {date: coalesce(p.signedOn, p.landedOn), amount: p.amountYuan} } AS projects",
        "params": {
          "anchorId": "toutiao",
          "asOf": "2019-12-31",
        },
      }
    `);
  });

  it('graph: overview grouped by segment', () => {
    expect(buildGraphQuery({ filter: { synthetic: false }, asOf: '2019-12-31', limit: 2000, groupBy: 'SEGMENT' })).toMatchInlineSnapshot(`
      {
        "cypher": "CALL () {
        MATCH (e:Enterprise)
        WHERE e.synthetic = $synthetic AND ($asOf IS NULL OR (e.landedOn IS NOT NULL AND e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf)))
        WITH e, COUNT { (e)-[:ATTRACTED|SUPPLIES|PART_OF|PARTNER_OF]-() } AS degree
        ORDER BY coalesce(e.isAnchor, false) DESC, degree DESC, e.id
        LIMIT $limit
        RETURN collect(e) AS ns
      }
      CALL () {
        MATCH (e:Enterprise)
        WHERE e.synthetic = $synthetic AND ($asOf IS NULL OR (e.landedOn IS NOT NULL AND e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf)))
        RETURN count(e) AS total
      }
      CALL (ns) {
        UNWIND ns AS x
        MATCH (x)-[:IN_SEGMENT]->(g:Segment)
        WITH collect(DISTINCT g) AS gs
        CALL (gs) { UNWIND gs AS g MATCH (g)-[f:FEEDS]->(h) WHERE h IN gs RETURN collect({source: startNode(f).id, target: endNode(f).id, type: type(f), since: f.since, sourceKind: f.sourceKind, synthetic: coalesce(f.synthetic, false)}) AS groupEdges }
        RETURN [g IN gs | {id: g.id, label: coalesce(g.name, g.title, g.id), labelEn: g.nameEn, kind: [l IN labels(g) WHERE l <> 'Entity'][0], isAnchor: coalesce(g.isAnchor, false), synthetic: coalesce(g.synthetic, false), local: g.local, landedOn: g.landedOn, leftOn: g.leftOn, signedOn: g.signedOn, sourceKind: g.sourceKind, order: g.order, chainId: g.chainId, segment: COLLECT { MATCH (g)-[:IN_SEGMENT]->(s:Segment) RETURN s {.id, .name, .chainId, .order} ORDER BY s.order, s.id LIMIT 1 }[0], parkId: COLLECT { MATCH (g)-[:LOCATED_IN]->(pk:Place) RETURN pk.id ORDER BY CASE pk.kind WHEN 'park' THEN 0 ELSE 1 END, pk.id LIMIT 1 }[0]}] AS groups, groupEdges
      }
      CALL (ns, total, groups, groupEdges) {
        RETURN 'total' AS part, total AS item
        UNION ALL
        UNWIND groups AS item
        RETURN 'group' AS part, item
        UNION ALL
        UNWIND groupEdges AS item
        RETURN 'groupEdge' AS part, item
        UNION ALL
        UNWIND ns AS n
        RETURN 'node' AS part, {id: n.id, label: coalesce(n.name, n.title, n.id), labelEn: n.nameEn, kind: [l IN labels(n) WHERE l <> 'Entity'][0], isAnchor: coalesce(n.isAnchor, false), synthetic: coalesce(n.synthetic, false), local: n.local, landedOn: n.landedOn, leftOn: n.leftOn, signedOn: n.signedOn, sourceKind: n.sourceKind, order: n.order, chainId: n.chainId, segment: COLLECT { MATCH (n)-[:IN_SEGMENT]->(s:Segment) RETURN s {.id, .name, .chainId, .order} ORDER BY s.order, s.id LIMIT 1 }[0], parkId: COLLECT { MATCH (n)-[:LOCATED_IN]->(pk:Place) RETURN pk.id ORDER BY CASE pk.kind WHEN 'park' THEN 0 ELSE 1 END, pk.id LIMIT 1 }[0]} AS item
        UNION ALL
        UNWIND ns AS x
        MATCH (x)-[r:ATTRACTED|SUPPLIES|PART_OF|PARTNER_OF]->(y)
        WHERE y IN ns AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)
        RETURN 'edge' AS part, {source: startNode(r).id, target: endNode(r).id, type: type(r), since: r.since, sourceKind: r.sourceKind, synthetic: coalesce(r.synthetic, false)} AS item
      }
      RETURN part, item",
        "params": {
          "asOf": "2019-12-31",
          "limit": 2000,
          "synthetic": false,
        },
      }
    `);
  });

  it('graph: overview, no groups', () => {
    expect(buildGraphQuery({ filter: null, asOf: null, limit: 100, groupBy: 'NONE' }).cypher).toMatchInlineSnapshot(`
      "CALL () {
        MATCH (e:Enterprise)
        WHERE ($asOf IS NULL OR (e.landedOn IS NOT NULL AND e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf)))
        WITH e, COUNT { (e)-[:ATTRACTED|SUPPLIES|PART_OF|PARTNER_OF]-() } AS degree
        ORDER BY coalesce(e.isAnchor, false) DESC, degree DESC, e.id
        LIMIT $limit
        RETURN collect(e) AS ns
      }
      CALL () {
        MATCH (e:Enterprise)
        WHERE ($asOf IS NULL OR (e.landedOn IS NOT NULL AND e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf)))
        RETURN count(e) AS total
      }
      CALL (ns, total) {
        RETURN 'total' AS part, total AS item
        UNION ALL
        UNWIND ns AS n
        RETURN 'node' AS part, {id: n.id, label: coalesce(n.name, n.title, n.id), labelEn: n.nameEn, kind: [l IN labels(n) WHERE l <> 'Entity'][0], isAnchor: coalesce(n.isAnchor, false), synthetic: coalesce(n.synthetic, false), local: n.local, landedOn: n.landedOn, leftOn: n.leftOn, signedOn: n.signedOn, sourceKind: n.sourceKind, order: n.order, chainId: n.chainId, segment: COLLECT { MATCH (n)-[:IN_SEGMENT]->(s:Segment) RETURN s {.id, .name, .chainId, .order} ORDER BY s.order, s.id LIMIT 1 }[0], parkId: COLLECT { MATCH (n)-[:LOCATED_IN]->(pk:Place) RETURN pk.id ORDER BY CASE pk.kind WHEN 'park' THEN 0 ELSE 1 END, pk.id LIMIT 1 }[0]} AS item
        UNION ALL
        UNWIND ns AS x
        MATCH (x)-[r:ATTRACTED|SUPPLIES|PART_OF|PARTNER_OF]->(y)
        WHERE y IN ns AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)
        RETURN 'edge' AS part, {source: startNode(r).id, target: endNode(r).id, type: type(r), since: r.since, sourceKind: r.sourceKind, synthetic: coalesce(r.synthetic, false)} AS item
      }
      RETURN part, item"
    `);
  });

  it('stats', () => {
    expect(buildStatsQuery('2019-12-31')).toMatchInlineSnapshot(`
      {
        "cypher": "CALL () {
        MATCH (e:Enterprise) WHERE (CASE WHEN $asOf IS NULL THEN e.leftOn IS NULL AND (e.landedOn IS NOT NULL OR e.local = true) ELSE ($asOf IS NULL OR (e.landedOn IS NOT NULL AND e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf))) END)
        RETURN count(e) AS enterprises, count(CASE WHEN e.isAnchor THEN 1 END) AS anchors, count(CASE WHEN e.synthetic THEN 1 END) AS synthetic
      }
      CALL () {
        MATCH (e:Enterprise) WHERE (NOT (CASE WHEN $asOf IS NULL THEN e.leftOn IS NULL AND (e.landedOn IS NOT NULL OR e.local = true) ELSE ($asOf IS NULL OR (e.landedOn IS NOT NULL AND e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf))) END) AND NOT (e.landedOn IS NULL AND e.local = true AND e.leftOn IS NULL))
        RETURN count(e) AS outside
      }
      CALL () {
        MATCH (p:Project) WHERE coalesce(p.local, true) AND ($asOf IS NULL OR (p.landedOn IS NOT NULL AND p.landedOn <= $asOf AND (p.leftOn IS NULL OR p.leftOn > $asOf)))
        WITH p, CASE WHEN NOT EXISTS { (p)-[:PART_OF]->(:Project) } THEN p.amountYuan END AS amount
        RETURN count(p) AS projects, CASE WHEN count(amount) = 0 THEN null ELSE sum(amount) END AS investmentYuan
      }
      CALL () {
        MATCH (e:Enterprise) WHERE (CASE WHEN $asOf IS NULL THEN e.leftOn IS NULL AND (e.landedOn IS NOT NULL OR e.local = true) ELSE ($asOf IS NULL OR (e.landedOn IS NOT NULL AND e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf))) END)
        OPTIONAL MATCH (e)-[:IN_SEGMENT]->(:Segment)<-[:HAS_SEGMENT]-(c:Chain)
        WITH c, count(DISTINCT e) AS n ORDER BY n DESC, c.id
        RETURN collect({chainId: c.id, chainName: c.name, count: n}) AS byChain
      }
      CALL () {
        MATCH (e:Enterprise) WHERE (CASE WHEN $asOf IS NULL THEN e.leftOn IS NULL AND (e.landedOn IS NOT NULL OR e.local = true) ELSE ($asOf IS NULL OR (e.landedOn IS NOT NULL AND e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf))) END) AND e.landedOn IS NOT NULL
        WITH left(e.landedOn, 4) AS year, count(e) AS n ORDER BY year
        RETURN collect({year: year, count: n}) AS byYear
      }
      CALL () {
        MATCH (a:Enterprise) WHERE a.isAnchor = true AND ($asOf IS NULL OR (a.landedOn IS NOT NULL AND a.landedOn <= $asOf AND (a.leftOn IS NULL OR a.leftOn > $asOf)))
        CALL (a) {
          OPTIONAL MATCH (a) ((x)-[r:ATTRACTED|SUPPLIES|PART_OF|PARTNER_OF]-(y:Enterprise) WHERE ($asOf IS NULL OR (y.landedOn IS NOT NULL AND y.landedOn <= $asOf AND (y.leftOn IS NULL OR y.leftOn > $asOf))) AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)){1,2} (f)
          WHERE f <> a
          RETURN count(DISTINCT f) AS size
        }
        WITH a, size ORDER BY size DESC, a.id
        RETURN collect({anchor: a {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason}, size: size}) AS circles
      }
      RETURN enterprises, anchors, synthetic, outside, projects, investmentYuan, byChain, byYear, circles",
        "params": {
          "asOf": "2019-12-31",
        },
      }
    `);
  });

  it('sends integers as JS integers (the Db sends them as Cypher INTEGER)', () => {
    const p = buildEnterprisesQuery({ filter: null, first: 20, after: null, withTotal: false }).params;
    expect(Number.isInteger(p.limit)).toBe(true);
    expect(Number.isInteger(buildGraphQuery({ filter: null, asOf: null, limit: 100, groupBy: 'NONE' }).params.limit)).toBe(true);
  });

  it('refuses depths outside the fixed variants (they are written into the pattern)', () => {
    expect(() => buildCircleQuery('toutiao', 5, null)).toThrow(RangeError);
    expect(() => buildChainQuery('toutiao', 'BOTH', 0, null)).toThrow(RangeError);
    expect(() => buildPathQuery('a', 'b', 11, null)).toThrow(RangeError);
    expect(() => buildPathQuery('a', 'b', 3, ['SUPPLIES]->() DETACH DELETE n //' as never])).toThrow(RangeError);
  });
});

describe('golden Cypher of writes', () => {
  it('create, update, delete an enterprise and record the change', async () => {
    const w = await import('../mutations/writeCypher.ts');
    expect({ create: w.CREATE_ENTERPRISE, update: w.UPDATE_ENTERPRISE, del: w.DELETE_ENTERPRISE, change: w.RECORD_CHANGE }).toMatchInlineSnapshot(`
      {
        "change": "CREATE (:Change {at: toString(datetime()), actor: $actor, action: $action, detail: $detail})",
        "create": "CREATE (e:Entity:Enterprise)
      SET e = $props
      WITH e
      OPTIONAL MATCH (p:Place {id: $parkId})
      OPTIONAL MATCH (s:Segment {id: $segmentId})
      FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (e)-[:LOCATED_IN {sourceKind: $props.sourceKind, quotes: $props.quotes, reason: $props.reason, docId: $props.docId, synthetic: false, since: null}]->(p))
      FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | CREATE (e)-[:IN_SEGMENT {sourceKind: $props.sourceKind, quotes: $props.quotes, reason: $props.reason, docId: $props.docId, synthetic: false, since: null}]->(s))
      RETURN e {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason} AS e, p IS NOT NULL AS parkFound, s IS NOT NULL AS segmentFound",
        "del": "MATCH (e:Enterprise {id: $id})
      DETACH DELETE e
      RETURN count(*) AS deleted",
        "update": "MATCH (e:Enterprise {id: $id})
      SET e += $props
      RETURN e {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason} AS e",
      }
    `);
  });

  it('merge and delete a relation of a whitelisted type', async () => {
    const w = await import('../mutations/writeCypher.ts');
    expect({ merge: w.mergeRelationCypher('SUPPLIES'), del: w.deleteRelationCypher('PARTNER_OF') }).toMatchInlineSnapshot(`
      {
        "del": "MATCH (:Entity {id: $fromId})-[r:PARTNER_OF]->(:Entity {id: $toId})
      DELETE r
      RETURN count(*) AS deleted",
        "merge": "MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
      MERGE (a)-[r:SUPPLIES]->(b)
      SET r += $props
      RETURN {source: startNode(r).id, target: endNode(r).id, type: type(r), since: r.since, sourceKind: r.sourceKind, synthetic: coalesce(r.synthetic, false)} AS edge",
      }
    `);
  });
});

describe('golden Cypher of aggregates', () => {
  it('enterpriseAggregate: filter, where and asOf, two keys, the totals and groups selected', () => {
    expect(
      buildEnterpriseAggregateQuery({
        filter: { chainId: 'internet', local: true },
        where: { revenueYuan: { gte: 1e8 } },
        asOf: '2019-12-31',
        groupBy: ['SEGMENT', 'LANDED_QUARTER'],
        limit: 50,
        selection: { total: { count: true, stats: { revenueYuan: ['sum', 'avg'] } }, groups: { count: true, stats: { landedOn: ['min'] } } },
      }),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (e:Enterprise)
      WHERE (CASE WHEN $asOf IS NULL THEN e.leftOn IS NULL AND (e.landedOn IS NOT NULL OR e.local = true) ELSE ($asOf IS NULL OR (e.landedOn IS NOT NULL AND e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf))) END) = $local AND EXISTS { (e)-[:IN_SEGMENT]->(:Segment)<-[:HAS_SEGMENT]-(:Chain {id: $chainId}) } AND e.revenueYuan >= $w0
      WITH collect(e) AS firms
      CALL (firms) {
        UNWIND firms AS e
        WITH e.revenueYuan AS v_revenueYuan
        WITH count(*) AS count, {sum: CASE WHEN count(v_revenueYuan) = 0 THEN null ELSE sum(v_revenueYuan) END, avg: avg(v_revenueYuan)} AS revenueYuan
        RETURN {count: count, revenueYuan: revenueYuan} AS total
      }
      CALL (firms) {
        UNWIND firms AS e
        CALL (e) { OPTIONAL MATCH (e)-[:IN_SEGMENT]->(k:Segment) RETURN DISTINCT k.id AS k0, k.name AS k0name }
        WITH *, CASE WHEN size(e.landedOn) >= 7 THEN left(e.landedOn, 4) + '-Q' + toString((toInteger(substring(e.landedOn, 5, 2)) + 2) / 3) END AS k1
        WITH k0, k0name, k1, e.landedOn AS v_landedOn
        WITH k0, k0name, k1, count(*) AS count, {min: min(v_landedOn)} AS landedOn
        ORDER BY count DESC, k0, k1
        LIMIT $limit
        RETURN collect({k0: k0, k0name: k0name, k1: k1, count: count, landedOn: landedOn}) AS groups
      }
      RETURN total, groups",
        "params": {
          "asOf": "2019-12-31",
          "chainId": "internet",
          "limit": 50,
          "local": true,
          "w0": 100000000,
        },
      }
    `);
  });

  it('enterpriseAggregate: the count alone reads no firm property', () => {
    expect(buildEnterpriseAggregateQuery({ asOf: null, groupBy: [], limit: 200, selection: { total: { count: true, stats: {} }, groups: null } })).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (e:Enterprise)
      RETURN {count: count(e)} AS total, [] AS groups",
        "params": {},
      }
    `);
  });

  it('Enterprise.partnersAggregate: a batch of parents as of a date, by ANCHOR and STATUS', () => {
    expect(
      buildRelatedAggregateQuery('partnersAggregate', {
        asOf: '2020-04-30',
        groupBy: ['ANCHOR', 'STATUS'],
        limit: 200,
        selection: { total: null, groups: { count: false, stats: { registeredCapitalYuan: ['count', 'max'] } } },
      }),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "UNWIND $ids AS id
      MATCH (s:Enterprise {id: id})
      CALL (s) {
        MATCH (s)-[r:PARTNER_OF]-(e)
        WHERE ($asOf IS NULL OR (e.landedOn IS NOT NULL AND e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf))) AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)
        RETURN collect(DISTINCT e) AS firms
      }
      CALL (firms) {
        UNWIND firms AS e
        CALL (e) { OPTIONAL MATCH (k)-[r:ATTRACTED]->(e) WHERE ($asOf IS NULL OR (k.landedOn IS NOT NULL AND k.landedOn <= $asOf AND (k.leftOn IS NULL OR k.leftOn > $asOf))) AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf) RETURN DISTINCT k.id AS k0, k.name AS k0name }
        WITH *, CASE e.status WHEN 'active' THEN 'ACTIVE' WHEN 'closed' THEN 'CLOSED' WHEN 'revoked' THEN 'REVOKED' WHEN 'movedOut' THEN 'MOVED_OUT' WHEN 'suspended' THEN 'SUSPENDED' WHEN 'liquidating' THEN 'LIQUIDATING' END AS k1
        WITH k0, k0name, k1, CASE WHEN e.registeredCapitalCurrency IS NULL OR e.registeredCapitalCurrency = 'CNY' THEN e.registeredCapitalAmount END AS v_registeredCapitalYuan
        WITH k0, k0name, k1, {count: count(v_registeredCapitalYuan), max: max(v_registeredCapitalYuan)} AS registeredCapitalYuan, count(*) AS count
        ORDER BY count DESC, k0, k1
        LIMIT $limit
        RETURN collect({k0: k0, k0name: k0name, k1: k1, registeredCapitalYuan: registeredCapitalYuan}) AS groups
      }
      RETURN id, null AS total, groups",
        "params": {
          "asOf": "2020-04-30",
          "limit": 200,
        },
      }
    `);
  });

  it('nested connection (attracted as of a date, its own order, after a cursor, with totalCount)', () => {
    expect(
      buildConnectionQuery('attractedConnection', ['toutiao', 'fii'], {
        asOf: '2020-04-30',
        sort: normaliseSort([{ field: 'LANDED_ON' }]),
        first: 2,
        after: { keys: ['2019-07'], id: 'dalv' },
        withRows: true,
        withTotal: true,
        props: ['id', 'name'],
      }),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "UNWIND $ids AS id
      MATCH (s:Enterprise {id: id})
      CALL (s) {
        MATCH (s)-[r:ATTRACTED]->(x)
        WHERE ($asOf IS NULL OR (x.landedOn IS NOT NULL AND x.landedOn <= $asOf AND (x.leftOn IS NULL OR x.leftOn > $asOf))) AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf) AND (x.landedOn > $w1 OR x.landedOn IS NULL OR (x.landedOn = $w1 AND x.id > $w0))
        WITH DISTINCT x
        ORDER BY x.landedOn ASC, x.id ASC
        LIMIT $limit
        RETURN collect({node: x {.id, .name}, keys: [x.landedOn]}) AS items
      }
      CALL (s) {
        MATCH (s)-[r:ATTRACTED]->(x)
        WHERE ($asOf IS NULL OR (x.landedOn IS NOT NULL AND x.landedOn <= $asOf AND (x.leftOn IS NULL OR x.leftOn > $asOf))) AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)
        RETURN count(DISTINCT x) AS totalCount
      }
      RETURN id, items, totalCount",
        "params": {
          "asOf": "2020-04-30",
          "ids": [
            "toutiao",
            "fii",
          ],
          "limit": 3,
          "w0": "dalv",
          "w1": "2019-07",
        },
      }
    `);
  });

  it('nested connection (a segment\'s firms: local, where and sort, totalCount alone)', () => {
    expect(
      buildConnectionQuery('enterprisesConnection', ['seg-ai-speech'], {
        asOf: null,
        local: true,
        where: { revenueYuan: { gte: 1e8 }, attractedBySome: { isAnchor: true } },
        sort: normaliseSort([{ field: 'REVENUE_YUAN', direction: 'DESC' }]),
        first: 20,
        after: null,
        withRows: false,
        withTotal: true,
        props: null,
      }),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "UNWIND $ids AS id
      MATCH (s:Segment {id: id})
      CALL (s) {
        MATCH (s)<-[r:IN_SEGMENT]-(x:Enterprise)
        WHERE (CASE WHEN $asOf IS NULL THEN x.leftOn IS NULL AND (x.landedOn IS NOT NULL OR x.local = true) ELSE ($asOf IS NULL OR (x.landedOn IS NOT NULL AND x.landedOn <= $asOf AND (x.leftOn IS NULL OR x.leftOn > $asOf))) END) = $local AND (x.revenueYuan >= $w0) AND (EXISTS { MATCH (w_x0)-[w_r1:ATTRACTED]->(x) WHERE w_x0.isAnchor = $w1 })
        RETURN count(DISTINCT x) AS totalCount
      }
      RETURN id, [] AS items, totalCount",
        "params": {
          "asOf": null,
          "ids": [
            "seg-ai-speech",
          ],
          "local": true,
          "w0": 100000000,
          "w1": true,
        },
      }
    `);
  });
});

describe('golden Cypher of the aggregated overview', () => {
  it('overviewGroups by SEGMENT as of a date: the firms counted per group and months', () => {
    expect(buildOverviewFirmsQuery({ groupBy: 'SEGMENT', asOf: '2019-12-31' })).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (e:Enterprise)
      OPTIONAL MATCH (e)-[:IN_SEGMENT]->(g)
      WITH g, CASE WHEN e.landedOn IS NULL THEN null WHEN size(e.landedOn) >= 7 THEN left(e.landedOn, 7) ELSE left(e.landedOn, 4) + '-01' END AS landed, CASE WHEN e.leftOn IS NULL THEN null WHEN size(e.leftOn) >= 7 THEN left(e.leftOn, 7) ELSE left(e.leftOn, 4) + '-01' END AS left, ($asOf IS NULL OR (e.landedOn IS NOT NULL AND e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf))) AS now, count(*) AS n
      RETURN g {.id, .name, .nameEn, .chainId, .order} AS g, landed, left, now, n",
        "params": {
          "asOf": "2019-12-31",
        },
      }
    `);
  });

  it('overviewGroups by PARK with a filter: the ties between groups, both firms matching', () => {
    expect(buildOverviewTiesQuery({ groupBy: 'PARK', filter: { chainId: 'chain-ai' }, asOf: null })).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (e:Enterprise)
      WHERE EXISTS { (e)-[:IN_SEGMENT]->(:Segment)<-[:HAS_SEGMENT]-(:Chain {id: $chainId}) }
      WITH collect(e) AS firms
      CALL (firms) {
        MATCH (g:Place)<-[:LOCATED_IN]-(e:Enterprise)-[r:ATTRACTED|SUPPLIES|PART_OF|PARTNER_OF]->(f:Enterprise)-[:LOCATED_IN]->(h:Place)
        USING JOIN ON e
        WHERE e IN firms AND f IN firms
        RETURN g, h, r, e, f
        UNION ALL
        MATCH (x:Enterprise) WHERE NOT EXISTS { (x)-[:LOCATED_IN]->() } AND x IN firms
        MATCH (x)-[r:ATTRACTED|SUPPLIES|PART_OF|PARTNER_OF]-(y:Enterprise)
        WHERE y IN firms
        OPTIONAL MATCH (y)-[:LOCATED_IN]->(yg)
        WITH x, y, yg, r, startNode(r) AS e, endNode(r) AS f
        WHERE yg IS NOT NULL OR x = e
        RETURN CASE WHEN x = e THEN null ELSE yg END AS g, CASE WHEN x = e THEN yg END AS h, r, e, f
      }
      WITH g, h, r, CASE WHEN e.landedOn IS NULL THEN null WHEN size(e.landedOn) >= 7 THEN left(e.landedOn, 7) ELSE left(e.landedOn, 4) + '-01' END AS ea, CASE WHEN e.leftOn IS NULL THEN null WHEN size(e.leftOn) >= 7 THEN left(e.leftOn, 7) ELSE left(e.leftOn, 4) + '-01' END AS el, CASE WHEN f.landedOn IS NULL THEN null WHEN size(f.landedOn) >= 7 THEN left(f.landedOn, 7) ELSE left(f.landedOn, 4) + '-01' END AS fa, CASE WHEN f.leftOn IS NULL THEN null WHEN size(f.leftOn) >= 7 THEN left(f.leftOn, 7) ELSE left(f.leftOn, 4) + '-01' END AS fl, CASE WHEN r.since IS NULL THEN null WHEN size(r.since) >= 7 THEN left(r.since, 7) ELSE left(r.since, 4) + '-01' END AS rs,
        ($asOf IS NULL OR (e.landedOn IS NOT NULL AND e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf))) AND ($asOf IS NULL OR (f.landedOn IS NOT NULL AND f.landedOn <= $asOf AND (f.leftOn IS NULL OR f.leftOn > $asOf))) AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf) AS now
      WITH g.id AS source, h.id AS target, type(r) AS type,
        CASE WHEN ea IS NULL OR fa IS NULL THEN null ELSE reduce(m = ea, x IN [fa, rs] | CASE WHEN x IS NOT NULL AND x > m THEN x ELSE m END) END AS since,
        CASE WHEN el IS NULL THEN fl WHEN fl IS NULL OR el <= fl THEN el ELSE fl END AS until, now, count(*) AS n
      RETURN source, target, type, since, until, now, n",
        "params": {
          "asOf": null,
          "chainId": "chain-ai",
        },
      }
    `);
  });

  it('overviewGroups by DISTRICT with no filter: every tie, the groups of both ends looked up', () => {
    expect(buildOverviewTiesQuery({ groupBy: 'DISTRICT', asOf: null }).cypher).toMatchInlineSnapshot(`
      "MATCH (e:Enterprise)
      CALL (e) { OPTIONAL MATCH (e)-[:LOCATED_IN]->(:Place)-[:PART_OF*0..2]->(d:Place) WHERE d.kind = 'district' RETURN DISTINCT d AS g }
      MATCH (e)-[r:ATTRACTED|SUPPLIES|PART_OF|PARTNER_OF]->(f:Enterprise)
      CALL (f) { OPTIONAL MATCH (f)-[:LOCATED_IN]->(:Place)-[:PART_OF*0..2]->(d:Place) WHERE d.kind = 'district' RETURN DISTINCT d AS h }
      WITH g, h, r, CASE WHEN e.landedOn IS NULL THEN null WHEN size(e.landedOn) >= 7 THEN left(e.landedOn, 7) ELSE left(e.landedOn, 4) + '-01' END AS ea, CASE WHEN e.leftOn IS NULL THEN null WHEN size(e.leftOn) >= 7 THEN left(e.leftOn, 7) ELSE left(e.leftOn, 4) + '-01' END AS el, CASE WHEN f.landedOn IS NULL THEN null WHEN size(f.landedOn) >= 7 THEN left(f.landedOn, 7) ELSE left(f.landedOn, 4) + '-01' END AS fa, CASE WHEN f.leftOn IS NULL THEN null WHEN size(f.leftOn) >= 7 THEN left(f.leftOn, 7) ELSE left(f.leftOn, 4) + '-01' END AS fl, CASE WHEN r.since IS NULL THEN null WHEN size(r.since) >= 7 THEN left(r.since, 7) ELSE left(r.since, 4) + '-01' END AS rs,
        ($asOf IS NULL OR (e.landedOn IS NOT NULL AND e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf))) AND ($asOf IS NULL OR (f.landedOn IS NOT NULL AND f.landedOn <= $asOf AND (f.leftOn IS NULL OR f.leftOn > $asOf))) AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf) AS now
      WITH g.id AS source, h.id AS target, type(r) AS type,
        CASE WHEN ea IS NULL OR fa IS NULL THEN null ELSE reduce(m = ea, x IN [fa, rs] | CASE WHEN x IS NOT NULL AND x > m THEN x ELSE m END) END AS since,
        CASE WHEN el IS NULL THEN fl WHEN fl IS NULL OR el <= fl THEN el ELSE fl END AS until, now, count(*) AS n
      RETURN source, target, type, since, until, now, n"
    `);
  });

  it('overviewGroups: the firms counted once, from the count store with no condition', () => {
    expect(buildOverviewTotalQuery({ asOf: null })).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (e:Enterprise)
      RETURN count(e) AS n",
        "params": {},
      }
    `);
    expect(buildOverviewTotalQuery({ asOf: '2020-04-31', filter: { parkId: 'park-internet-town' } })).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (e:Enterprise)
      WHERE EXISTS { (e)-[:LOCATED_IN]->(:Place {id: $parkId}) } AND ($asOf IS NULL OR (e.landedOn IS NOT NULL AND e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf)))
      RETURN count(e) AS n",
        "params": {
          "asOf": "2020-04-31",
          "parkId": "park-internet-town",
        },
      }
    `);
  });
});

import { describe, expect, it } from 'vitest';
import { buildChainGapsQuery } from '../buildChainGapsQuery.ts';
import { buildTargetsQuery } from '../buildTargetsQuery.ts';

// Golden Cypher (after neo4j/graphql's tests): the exact statement and parameters each query
// shape sends. A change here is a change of what the API asks Neo4j — review it as such.
describe('golden Cypher of the recruitment queries', () => {
  it('chainGaps, district scope', () => {
    const q = buildChainGapsQuery({ asOf: '2019-12-31', chainId: 'chain-ai', anchorId: null, firmsPerSegment: 5 });
    expect(q.cypher).toMatchInlineSnapshot(`
      "CALL () {
        MATCH (s:Segment) WHERE ($chainId IS NULL OR s.chainId = $chainId)
        CALL (s) { MATCH (s)<-[:IN_SEGMENT]-(e:Enterprise) WHERE (e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf)) RETURN e }
        WITH s, e ORDER BY e.landedOn, e.id
        WITH s, count(e) AS n, collect(e.landedOn) AS landings,
             [x IN collect(e)[..$firmsPerSegment] | x {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason}] AS firms
        RETURN collect({seg: s, n: n, firms: firms, firstLandedOn: landings[0], strongSince: landings[$gapRule.strongMin - 1]}) AS filled
      }
      CALL () {
        MATCH (l:Enterprise) WHERE (l.landedOn <= $asOf AND (l.leftOn IS NULL OR l.leftOn > $asOf))
        // No label tests: SUPPLIES joins two Enterprises and IN_SEGMENT ends at a Segment (the model's
        // RELATIONS, checked on every write), and each test is a db hit per row.
        MATCH (l)-[r:SUPPLIES]-(o)
        WHERE ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)
        WITH o, collect(r) AS rs
        WITH o, rs, ($asOf IS NULL OR (o.landedOn IS NOT NULL AND o.landedOn <= $asOf AND (o.leftOn IS NULL OR o.leftOn > $asOf))) AS met, NOT ($asOf IS NULL OR (o.landedOn IS NOT NULL AND o.landedOn <= $asOf AND (o.leftOn IS NULL OR o.leftOn > $asOf))) AS out
        WHERE met OR out
        MATCH (o)-[:IN_SEGMENT]->(s)
        UNWIND rs AS r
        WITH s, count(DISTINCT r) AS ties, count(DISTINCT CASE WHEN out THEN r END) AS outside, count(DISTINCT CASE WHEN out THEN o END) AS outsideFirms
        RETURN collect({seg: s, ties: ties, outside: outside, outsideFirms: outsideFirms}) AS demand, coalesce(sum(ties), 0) AS allTies, coalesce(sum(outside), 0) AS allOutside
      }
      CALL (filled, demand, allTies, allOutside) {
        MATCH (s:Segment) WHERE $chainId IS NULL OR s.chainId = $chainId
        WITH s, [f IN filled WHERE f.seg = s][0] AS f, [d IN demand WHERE d.seg = s][0] AS d, allTies, allOutside
        WITH s, f, d, coalesce(f.n, 0) AS n, coalesce(d.ties, 0) AS ties, coalesce(d.outside, 0) AS outside, allTies, allOutside,
             CASE WHEN allTies > 0 THEN toFloat(allOutside) / allTies ELSE 0.0 END AS ref
        WITH s, f, {n: n, supplyTies: ties, outsideTies: outside, outsideFirms: coalesce(d.outsideFirms, 0), allSupplyTies: allTies, allOutsideTies: allOutside,
                    status: CASE WHEN n < $gapRule.weakMin OR (ties >= $gapRule.minTies AND toFloat(outside) / ties >= CASE WHEN $gapRule.gapFactor * ref > $gapRule.gapFloor THEN $gapRule.gapFactor * ref ELSE toFloat($gapRule.gapFloor) END) THEN 'GAP'
                  WHEN n < $gapRule.strongMin OR (ties >= $gapRule.minTies AND toFloat(outside) / ties >= CASE WHEN $gapRule.weakFactor * ref > $gapRule.weakFloor THEN $gapRule.weakFactor * ref ELSE toFloat($gapRule.weakFloor) END) THEN 'WEAK'
                  ELSE 'STRONG' END} AS figs
        RETURN collect({seg: s, firms: coalesce(f.firms, []), firstLandedOn: f.firstLandedOn,
                        strongSince: CASE WHEN figs.status = 'STRONG' THEN f.strongSince END, figs: figs}) AS segs
      }
      UNWIND segs AS g
      WITH g, g.seg AS s
      MATCH (ch:Chain)-[:HAS_SEGMENT]->(s)
      RETURN ch {.id, .name, .nameEn, .order} AS chain, s {.id, .name, .nameEn, .order, .layer, .layerEn, .chainId} AS segment,
             g.figs AS figs, g.firms AS firms, g.firstLandedOn AS firstLandedOn, g.strongSince AS strongSince
      ORDER BY chain.order, chain.id, segment.order, segment.id"
    `);
    expect(q.params).toMatchInlineSnapshot(`
      {
        "asOf": "2019-12-31",
        "chainId": "chain-ai",
        "firmsPerSegment": 5,
        "gapRule": {
          "gapFactor": 2,
          "gapFloor": 0.5,
          "minTies": 5,
          "strongMin": 3,
          "weakFactor": 1.5,
          "weakFloor": 0.2,
          "weakMin": 1,
        },
      }
    `);
  });

  it('chainGaps, anchor circle scope', () => {
    const q = buildChainGapsQuery({ asOf: '2019-12-31', chainId: null, anchorId: 'toutiao', firmsPerSegment: 3 });
    expect(q.cypher).toMatchInlineSnapshot(`
      "OPTIONAL MATCH (a:Enterprise {id: $anchorId}) WHERE (a.landedOn <= $asOf AND (a.leftOn IS NULL OR a.leftOn > $asOf))
      CALL (a) {
        // The middle firm of a two-tie path need not be an Enterprise (PART_OF also joins projects).
        OPTIONAL MATCH (a)-[r1:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(x1) WHERE ($asOf IS NULL OR r1.since IS NULL OR r1.since <= $asOf) AND (x1.landedOn <= $asOf AND (x1.leftOn IS NULL OR x1.leftOn > $asOf))
        WITH a, collect(DISTINCT x1) AS x1s
        UNWIND CASE WHEN size(x1s) = 0 THEN [null] ELSE x1s END AS x1
        OPTIONAL MATCH (x1)-[r2:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(x2:Enterprise) WHERE ($asOf IS NULL OR r2.since IS NULL OR r2.since <= $asOf) AND (x2.landedOn <= $asOf AND (x2.leftOn IS NULL OR x2.leftOn > $asOf))
        WITH a, x1s, collect(DISTINCT x2) AS x2s
        UNWIND [x IN x1s WHERE x:Enterprise] + x2s AS x
        WITH a, x WHERE x <> a
        RETURN collect(DISTINCT x) AS xs
      }
      WITH CASE WHEN a IS NULL THEN [] ELSE [a] + xs END AS scope
      // An empty scope (an anchor unknown or not landed by the cursor) has nobody in it.
      WITH scope WHERE size(scope) > 0
      CALL (scope) {
        UNWIND scope AS e
        MATCH (e)-[:IN_SEGMENT]->(s:Segment)
        WHERE ($chainId IS NULL OR s.chainId = $chainId)
        WITH s, e ORDER BY e.landedOn, e.id
        WITH s, count(e) AS n, collect(e.landedOn) AS landings,
             [x IN collect(e)[..$firmsPerSegment] | x {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason}] AS firms
        RETURN collect({seg: s, n: n, firms: firms, firstLandedOn: landings[0], strongSince: landings[$gapRule.strongMin - 1]}) AS filled
      }
      CALL (scope) {
        UNWIND scope AS l
        // No label tests: SUPPLIES joins two Enterprises and IN_SEGMENT ends at a Segment (the model's
        // RELATIONS, checked on every write), and each test is a db hit per row.
        MATCH (l)-[r:SUPPLIES]-(o)
        WHERE ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)
        WITH o, collect(r) AS rs
        WITH o, rs, o IN scope AS met, NOT ($asOf IS NULL OR (o.landedOn IS NOT NULL AND o.landedOn <= $asOf AND (o.leftOn IS NULL OR o.leftOn > $asOf))) AS out
        WHERE met OR out
        MATCH (o)-[:IN_SEGMENT]->(s)
        UNWIND rs AS r
        WITH s, count(DISTINCT r) AS ties, count(DISTINCT CASE WHEN out THEN r END) AS outside, count(DISTINCT CASE WHEN out THEN o END) AS outsideFirms
        RETURN collect({seg: s, ties: ties, outside: outside, outsideFirms: outsideFirms}) AS demand, coalesce(sum(ties), 0) AS allTies, coalesce(sum(outside), 0) AS allOutside
      }
      CALL (filled, demand, allTies, allOutside) {
        MATCH (s:Segment) WHERE $chainId IS NULL OR s.chainId = $chainId
        WITH s, [f IN filled WHERE f.seg = s][0] AS f, [d IN demand WHERE d.seg = s][0] AS d, allTies, allOutside
        WITH s, f, d, coalesce(f.n, 0) AS n, coalesce(d.ties, 0) AS ties, coalesce(d.outside, 0) AS outside, allTies, allOutside,
             CASE WHEN allTies > 0 THEN toFloat(allOutside) / allTies ELSE 0.0 END AS ref
        WITH s, f, {n: n, supplyTies: ties, outsideTies: outside, outsideFirms: coalesce(d.outsideFirms, 0), allSupplyTies: allTies, allOutsideTies: allOutside,
                    status: CASE WHEN n < $gapRule.weakMin OR (ties >= $gapRule.minTies AND toFloat(outside) / ties >= CASE WHEN $gapRule.gapFactor * ref > $gapRule.gapFloor THEN $gapRule.gapFactor * ref ELSE toFloat($gapRule.gapFloor) END) THEN 'GAP'
                  WHEN n < $gapRule.strongMin OR (ties >= $gapRule.minTies AND toFloat(outside) / ties >= CASE WHEN $gapRule.weakFactor * ref > $gapRule.weakFloor THEN $gapRule.weakFactor * ref ELSE toFloat($gapRule.weakFloor) END) THEN 'WEAK'
                  ELSE 'STRONG' END} AS figs
        RETURN collect({seg: s, firms: coalesce(f.firms, []), firstLandedOn: f.firstLandedOn,
                        strongSince: CASE WHEN figs.status = 'STRONG' THEN f.strongSince END, figs: figs}) AS segs
      }
      UNWIND segs AS g
      WITH scope, g, g.seg AS s
      MATCH (ch:Chain)-[:HAS_SEGMENT]->(s)
      RETURN ch {.id, .name, .nameEn, .order} AS chain, s {.id, .name, .nameEn, .order, .layer, .layerEn, .chainId} AS segment,
             g.figs AS figs, g.firms AS firms, g.firstLandedOn AS firstLandedOn, g.strongSince AS strongSince
      ORDER BY chain.order, chain.id, segment.order, segment.id"
    `);
    expect(q.params).toMatchInlineSnapshot(`
      {
        "anchorId": "toutiao",
        "asOf": "2019-12-31",
        "chainId": null,
        "firmsPerSegment": 3,
        "gapRule": {
          "gapFactor": 2,
          "gapFloor": 0.5,
          "minTies": 5,
          "strongMin": 3,
          "weakFactor": 1.5,
          "weakFloor": 0.2,
          "weakMin": 1,
        },
      }
    `);
  });

  it('whatIf, district scope', () => {
    const q = buildChainGapsQuery({ asOf: '2020-04-20', chainId: null, anchorId: null, firmsPerSegment: 5, landingIds: ['bkrs'] });
    expect(q.cypher).toMatchInlineSnapshot(`
      "CALL () {
        MATCH (s:Segment) WHERE ($chainId IS NULL OR s.chainId = $chainId)
        CALL (s) { MATCH (s)<-[:IN_SEGMENT]-(e:Enterprise) WHERE (e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf)) RETURN e }
        WITH s, e ORDER BY e.landedOn, e.id
        WITH s, count(e) AS n, collect(e.landedOn) AS landings,
             [x IN collect(e)[..$firmsPerSegment] | x {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason}] AS firms
        RETURN collect({seg: s, n: n, firms: firms, firstLandedOn: landings[0], strongSince: landings[$gapRule.strongMin - 1]}) AS filled
      }
      CALL () {
        MATCH (l:Enterprise) WHERE (l.landedOn <= $asOf AND (l.leftOn IS NULL OR l.leftOn > $asOf))
        // No label tests: SUPPLIES joins two Enterprises and IN_SEGMENT ends at a Segment (the model's
        // RELATIONS, checked on every write), and each test is a db hit per row.
        MATCH (l)-[r:SUPPLIES]-(o)
        WHERE ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)
        WITH o, collect(r) AS rs
        WITH o, rs, ($asOf IS NULL OR (o.landedOn IS NOT NULL AND o.landedOn <= $asOf AND (o.leftOn IS NULL OR o.leftOn > $asOf))) AS met, NOT ($asOf IS NULL OR (o.landedOn IS NOT NULL AND o.landedOn <= $asOf AND (o.leftOn IS NULL OR o.leftOn > $asOf))) AS out
        WHERE met OR out
        MATCH (o)-[:IN_SEGMENT]->(s)
        UNWIND rs AS r
        WITH s, count(DISTINCT r) AS ties, count(DISTINCT CASE WHEN out THEN r END) AS outside, count(DISTINCT CASE WHEN out THEN o END) AS outsideFirms
        RETURN collect({seg: s, ties: ties, outside: outside, outsideFirms: outsideFirms}) AS demand, coalesce(sum(ties), 0) AS allTies, coalesce(sum(outside), 0) AS allOutside
      }
      CALL (filled, demand, allTies, allOutside) {
        MATCH (s:Segment) WHERE $chainId IS NULL OR s.chainId = $chainId
        WITH s, [f IN filled WHERE f.seg = s][0] AS f, [d IN demand WHERE d.seg = s][0] AS d, allTies, allOutside
        WITH s, f, d, coalesce(f.n, 0) AS n, coalesce(d.ties, 0) AS ties, coalesce(d.outside, 0) AS outside, allTies, allOutside,
             CASE WHEN allTies > 0 THEN toFloat(allOutside) / allTies ELSE 0.0 END AS ref
        WITH s, f, {n: n, supplyTies: ties, outsideTies: outside, outsideFirms: coalesce(d.outsideFirms, 0), allSupplyTies: allTies, allOutsideTies: allOutside,
                    status: CASE WHEN n < $gapRule.weakMin OR (ties >= $gapRule.minTies AND toFloat(outside) / ties >= CASE WHEN $gapRule.gapFactor * ref > $gapRule.gapFloor THEN $gapRule.gapFactor * ref ELSE toFloat($gapRule.gapFloor) END) THEN 'GAP'
                  WHEN n < $gapRule.strongMin OR (ties >= $gapRule.minTies AND toFloat(outside) / ties >= CASE WHEN $gapRule.weakFactor * ref > $gapRule.weakFloor THEN $gapRule.weakFactor * ref ELSE toFloat($gapRule.weakFloor) END) THEN 'WEAK'
                  ELSE 'STRONG' END} AS figs
        RETURN collect({seg: s, firms: coalesce(f.firms, []), firstLandedOn: f.firstLandedOn,
                        strongSince: CASE WHEN figs.status = 'STRONG' THEN f.strongSince END, figs: figs}) AS segs
      }
      UNWIND segs AS g
      WITH g, g.seg AS s
      MATCH (ch:Chain)-[:HAS_SEGMENT]->(s)
      RETURN ch {.id, .name, .nameEn, .order} AS chain, s {.id, .name, .nameEn, .order, .layer, .layerEn, .chainId} AS segment,
             g.figs AS figs, g.firms AS firms, g.firstLandedOn AS firstLandedOn, g.strongSince AS strongSince,
             COUNT { (s)<-[:IN_SEGMENT]-(f:Enterprise) WHERE f.id IN $landingIds AND NOT ($asOf IS NULL OR (f.landedOn IS NOT NULL AND f.landedOn <= $asOf AND (f.leftOn IS NULL OR f.leftOn > $asOf))) AND (NOT ($asOf IS NULL OR (f.landedOn IS NOT NULL AND f.landedOn <= $asOf AND (f.leftOn IS NULL OR f.leftOn > $asOf))) AND (f.landedOn IS NOT NULL OR coalesce(f.local, false) = false) AND (f.leftOn IS NULL OR f.leftOn > $asOf OR NOT coalesce(f.leftHow, '') IN ['closed', 'revoked'])) } AS landing,
             COUNT { MATCH (s)<-[:IN_SEGMENT]-(f:Enterprise)-[r:SUPPLIES]-(l:Enterprise) WHERE f.id IN $landingIds AND NOT ($asOf IS NULL OR (f.landedOn IS NOT NULL AND f.landedOn <= $asOf AND (f.leftOn IS NULL OR f.leftOn > $asOf))) AND (NOT ($asOf IS NULL OR (f.landedOn IS NOT NULL AND f.landedOn <= $asOf AND (f.leftOn IS NULL OR f.leftOn > $asOf))) AND (f.landedOn IS NOT NULL OR coalesce(f.local, false) = false) AND (f.leftOn IS NULL OR f.leftOn > $asOf OR NOT coalesce(f.leftHow, '') IN ['closed', 'revoked'])) AND ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf) AND ($asOf IS NULL OR (l.landedOn IS NOT NULL AND l.landedOn <= $asOf AND (l.leftOn IS NULL OR l.leftOn > $asOf))) } AS landingTies
      ORDER BY chain.order, chain.id, segment.order, segment.id"
    `);
    expect(q.params).toMatchInlineSnapshot(`
      {
        "asOf": "2020-04-20",
        "chainId": null,
        "firmsPerSegment": 5,
        "gapRule": {
          "gapFactor": 2,
          "gapFloor": 0.5,
          "minTies": 5,
          "strongMin": 3,
          "weakFactor": 1.5,
          "weakFloor": 0.2,
          "weakMin": 1,
        },
        "landingIds": [
          "bkrs",
        ],
      }
    `);
  });

  it('recruitmentTargets, district scope, with evidence', () => {
    const q = buildTargetsQuery({ asOf: '2019-12-31', chainId: null, anchorId: null, limit: 10 });
    expect(q.cypher).toMatchInlineSnapshot(`
      "CALL () {
        MATCH (s:Segment) WHERE ($chainId IS NULL OR s.chainId = $chainId)
        CALL (s) { MATCH (s)<-[:IN_SEGMENT]-(e:Enterprise) WHERE (e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf)) RETURN e }
        WITH s, count(e) AS n
        RETURN collect({seg: s, n: n}) AS filled
      }
      CALL () {
        MATCH (l:Enterprise) WHERE (l.landedOn <= $asOf AND (l.leftOn IS NULL OR l.leftOn > $asOf))
        // No label tests: SUPPLIES joins two Enterprises and IN_SEGMENT ends at a Segment (the model's
        // RELATIONS, checked on every write), and each test is a db hit per row.
        MATCH (l)-[r:SUPPLIES]-(o)
        WHERE ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)
        WITH o, collect(r) AS rs
        WITH o, rs, ($asOf IS NULL OR (o.landedOn IS NOT NULL AND o.landedOn <= $asOf AND (o.leftOn IS NULL OR o.leftOn > $asOf))) AS met, NOT ($asOf IS NULL OR (o.landedOn IS NOT NULL AND o.landedOn <= $asOf AND (o.leftOn IS NULL OR o.leftOn > $asOf))) AS out
        WHERE met OR out
        MATCH (o)-[:IN_SEGMENT]->(s)
        UNWIND rs AS r
        WITH s, count(DISTINCT r) AS ties, count(DISTINCT CASE WHEN out THEN r END) AS outside, count(DISTINCT CASE WHEN out THEN o END) AS outsideFirms
        RETURN collect({seg: s, ties: ties, outside: outside, outsideFirms: outsideFirms}) AS demand, coalesce(sum(ties), 0) AS allTies, coalesce(sum(outside), 0) AS allOutside
      }
      CALL (filled, demand, allTies, allOutside) {
        MATCH (s:Segment) WHERE $chainId IS NULL OR s.chainId = $chainId
        WITH s, [f IN filled WHERE f.seg = s][0] AS f, [d IN demand WHERE d.seg = s][0] AS d, allTies, allOutside
        WITH s, f, d, coalesce(f.n, 0) AS n, coalesce(d.ties, 0) AS ties, coalesce(d.outside, 0) AS outside, allTies, allOutside,
             CASE WHEN allTies > 0 THEN toFloat(allOutside) / allTies ELSE 0.0 END AS ref
        WITH s, f, {n: n, supplyTies: ties, outsideTies: outside, outsideFirms: coalesce(d.outsideFirms, 0), allSupplyTies: allTies, allOutsideTies: allOutside,
                    status: CASE WHEN n < $gapRule.weakMin OR (ties >= $gapRule.minTies AND toFloat(outside) / ties >= CASE WHEN $gapRule.gapFactor * ref > $gapRule.gapFloor THEN $gapRule.gapFactor * ref ELSE toFloat($gapRule.gapFloor) END) THEN 'GAP'
                  WHEN n < $gapRule.strongMin OR (ties >= $gapRule.minTies AND toFloat(outside) / ties >= CASE WHEN $gapRule.weakFactor * ref > $gapRule.weakFloor THEN $gapRule.weakFactor * ref ELSE toFloat($gapRule.weakFloor) END) THEN 'WEAK'
                  ELSE 'STRONG' END} AS figs
        RETURN collect(s.id) AS segIds, collect(figs) AS segFigs
      }
      // Recent arrivals of the scope: the segments and origins it has drawn in lately (similarity).
      CALL () {
        MATCH (r:Enterprise) WHERE r.landedOn > $recentFrom AND (r.landedOn <= $asOf AND (r.leftOn IS NULL OR r.leftOn > $asOf))
        OPTIONAL MATCH (r)-[:IN_SEGMENT]->(rs:Segment)
        // Counted by (segment, origin) pair first: a few hundred rows, where lists of every arrival's
        // segment and origin (180k at 1M) stayed in the plan's slots and rode along every row of the
        // shortlist's Top (380 MB for 50 rows), past the 716 MiB transaction limit of a 1 GiB heap.
        WITH rs.id AS sid, r.origin AS o, count(*) AS n
        WITH collect({sid: sid, o: o, n: n}) AS pairs
        CALL (pairs) {
          UNWIND pairs AS p WITH p WHERE p.sid IS NOT NULL
          WITH p.sid AS id, sum(p.n) AS n
          RETURN collect({key: id, n: n}) AS segCounts, max(n) AS segMax
        }
        CALL (pairs) {
          UNWIND pairs AS p WITH p WHERE p.o IS NOT NULL
          WITH p.o AS o, sum(p.n) AS n
          RETURN collect({key: o, n: n}) AS originCounts, max(n) AS originMax
        }
        RETURN segCounts, segMax, originCounts, originMax
      }
      // Candidates and their direct ties in one pass from the scope's side: not landed by the cursor and
      // tied to a local firm (weighted by type, anchors apart; recency of the newest dated tie) …
      WITH segIds, segFigs, segCounts, segMax, originCounts, originMax,
           [i IN range(0, size(segIds) - 1) WHERE segFigs[i].status <> 'STRONG' | segIds[i]] AS gapSegIds
      // The shortlist is built inside one subquery that imports only what it needs, so the 10k–40k
      // candidate rows carry no lists (Neo4j accounts a carried list on every row).
      CALL (gapSegIds) {
        CALL (gapSegIds) {
          MATCH (l:Enterprise) WHERE ($asOf IS NULL OR (l.landedOn IS NOT NULL AND l.landedOn <= $asOf AND (l.leftOn IS NULL OR l.leftOn > $asOf)))
          MATCH (l)-[r:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(c:Enterprise)
          WHERE ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf) AND (NOT ($asOf IS NULL OR (c.landedOn IS NOT NULL AND c.landedOn <= $asOf AND (c.leftOn IS NULL OR c.leftOn > $asOf))) AND (c.landedOn IS NOT NULL OR coalesce(c.local, false) = false) AND (c.leftOn IS NULL OR c.leftOn > $asOf OR NOT coalesce(c.leftHow, '') IN ['closed', 'revoked']))
            AND ($chainId IS NULL OR EXISTS { (c)-[:IN_SEGMENT]->(:Segment {chainId: $chainId}) })
          // A tie counts its type's weight × its own 'weight' (0–1) when it has one; same-group ties
          // (PART_OF) count once per candidate, however many of the group's units are local.
          // A supply tie that starts at the candidate makes the local firm its customer (customerTies).
          WITH c, l, type(r) = 'PART_OF' AS grp, type(r) = 'SUPPLIES' AND startNode(r) = c AS sells,
               toFloat($relWeights[type(r)]) * coalesce(toFloat(r.weight), 1.0) AS w, r.since AS since
          RETURN c, CASE WHEN l.isAnchor AND NOT grp THEN w ELSE 0.0 END AS a, CASE WHEN l.isAnchor OR grp THEN 0.0 ELSE w END AS b,
                 CASE WHEN grp AND l.isAnchor THEN w ELSE 0.0 END AS ga, CASE WHEN grp AND NOT coalesce(l.isAnchor, false) THEN w ELSE 0.0 END AS gb,
                 CASE WHEN sells THEN w ELSE 0.0 END AS cu, CASE WHEN sells THEN 1 ELSE 0 END AS cn,
                 since, 0 AS gapPick
          UNION ALL
          // … or one of the first $gapCandidates outside firms of a GAP/WEAK segment.
          UNWIND gapSegIds AS segId
          CALL (segId) {
            MATCH (:Segment {id: segId})<-[:IN_SEGMENT]-(c:Enterprise) WHERE (NOT ($asOf IS NULL OR (c.landedOn IS NOT NULL AND c.landedOn <= $asOf AND (c.leftOn IS NULL OR c.leftOn > $asOf))) AND (c.landedOn IS NOT NULL OR coalesce(c.local, false) = false) AND (c.leftOn IS NULL OR c.leftOn > $asOf OR NOT coalesce(c.leftHow, '') IN ['closed', 'revoked']))
            RETURN c ORDER BY c.id LIMIT $gapCandidates
          }
          RETURN c, 0.0 AS a, 0.0 AS b, 0.0 AS ga, 0.0 AS gb, 0.0 AS cu, 0 AS cn, null AS since, 1 AS gapPick
        }
        // ISO prefixes order as strings: the newest dated tie is the max, parsed once per candidate.
        WITH c, sum(a) + max(ga) AS anchorRaw, sum(b) + max(gb) AS localRaw, sum(cu) AS customerRaw, sum(cn) AS customers,
             max(since) AS newest, max(gapPick) AS gapPick
        WHERE $kinds IS NULL OR CASE WHEN (c.leftOn IS NOT NULL AND c.leftOn <= $asOf) THEN 'WIN_BACK'
           WHEN EXISTS { MATCH (c)-[p:PART_OF]-(u:Enterprise) WHERE ($asOf IS NULL OR p.since IS NULL OR p.since <= $asOf) AND ($asOf IS NULL OR (u.landedOn IS NOT NULL AND u.landedOn <= $asOf AND (u.leftOn IS NULL OR u.leftOn > $asOf))) }
             OR EXISTS { MATCH (c)-[p1:PART_OF]->(:Enterprise)<-[p2:PART_OF]-(u:Enterprise) WHERE u <> c AND ($asOf IS NULL OR p1.since IS NULL OR p1.since <= $asOf) AND ($asOf IS NULL OR p2.since IS NULL OR p2.since <= $asOf) AND ($asOf IS NULL OR (u.landedOn IS NOT NULL AND u.landedOn <= $asOf AND (u.leftOn IS NULL OR u.leftOn > $asOf))) }
           THEN 'EXPANSION' ELSE 'NEW' END IN $kinds
        WITH c, anchorRaw, localRaw, customerRaw, customers, gapPick,
             CASE WHEN newest IS NULL THEN 0.0 ELSE exp(-1.0 * ($asOfMonth - (toInteger(substring(newest, 0, 4)) * 12 + CASE WHEN size(newest) >= 7 THEN toInteger(substring(newest, 5, 2)) ELSE 6 END)) / $recencyMonths) END AS recency
        // Shortlist on the direct ties (a gap pick counted as if it filled a gap). Rows, not a collected
        // list: a list of maps holding nodes, or indexed by row, outgrew the 1 GiB transaction memory
        // limit on the 100k district, where 40k firms are tied to local ones.
        WITH c, anchorRaw, localRaw, customerRaw, customers, recency,
             $weights.anchorTies * anchorRaw / (anchorRaw + toFloat($half.anchorTies)) +
             $weights.localTies * localRaw / (localRaw + toFloat($half.localTies)) +
             $weights.customerTies * customerRaw / (customerRaw + toFloat($half.customerTies)) +
             $weights.recency * recency + $weights.gapFill * gapPick AS optimistic
        // Ordered in the RETURN: as a WITH … ORDER BY … LIMIT, the planner kept the Top inside the
        // per-row Apply and it outgrew the 716 MiB transaction limit of a 1 GiB heap on the 100k district.
        RETURN c, anchorRaw, localRaw, customerRaw, customers, recency ORDER BY optimistic DESC, c.id ASC LIMIT $shortlist
      }
      // Focus: how many of its ties (as of the cursor) go to the scope's firms, of how many in all — a
      // hub tied everywhere has many of both, a supplier committed to the scope mostly the first.
      CALL (c) {
        OPTIONAL MATCH (c)-[r:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(o:Enterprise) WHERE ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)
        RETURN count(CASE WHEN ($asOf IS NULL OR (o.landedOn IS NOT NULL AND o.landedOn <= $asOf AND (o.leftOn IS NULL OR o.leftOn > $asOf))) THEN 1 END) AS focusTies, count(o) AS degree
      }
      // Its segment in view, the neediest first (GAP, WEAK, then the fewest firms): what landing it would fill.
      CALL (c, segIds, segFigs) {
        OPTIONAL MATCH (c)-[:IN_SEGMENT]->(cs:Segment)
        WITH cs, [i IN range(0, size(segIds) - 1) WHERE segIds[i] = cs.id][0] AS i
        WITH cs, i, segFigs[i] AS gn
        RETURN CASE WHEN i IS NULL THEN null ELSE cs END AS gs, gn
        ORDER BY i IS NULL, CASE gn.status WHEN 'GAP' THEN 0 WHEN 'WEAK' THEN 1 ELSE 2 END, gn.n LIMIT 1
      }
      // Its likely anchor: the local anchor it is most strongly tied to, whose circle it would join.
      CALL (c) {
        OPTIONAL MATCH (c)-[r:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(a:Enterprise {isAnchor: true})
        WHERE ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf) AND ($asOf IS NULL OR (a.landedOn IS NOT NULL AND a.landedOn <= $asOf AND (a.leftOn IS NULL OR a.leftOn > $asOf)))
        RETURN a AS likelyAnchor ORDER BY coalesce(toFloat(r.weight), 1.0) DESC, a.id LIMIT 1
      }
      // Similarity to that anchor's circle: the share of its followers (as of the cursor) with the
      // candidate's segment, and with its origin. Grouped by anchor, so each anchor's followers are read
      // once for all its candidates (a few dozen anchors), not once per candidate (the shortlist's 500).
      WITH likelyAnchor, segCounts, segMax, originCounts, originMax,
           collect({c: c, gs: gs, gn: gn, anchorRaw: anchorRaw, localRaw: localRaw, customerRaw: customerRaw, customers: customers, recency: recency,
                    focusTies: focusTies, degree: degree}) AS group
      CALL (likelyAnchor, group) {
        OPTIONAL MATCH (likelyAnchor)-[r2:ATTRACTED]->(f:Enterprise) WHERE ($asOf IS NULL OR r2.since IS NULL OR r2.since <= $asOf) AND ($asOf IS NULL OR (f.landedOn IS NOT NULL AND f.landedOn <= $asOf AND (f.leftOn IS NULL OR f.leftOn > $asOf)))
        // Counted by (segments, origin) first: an anchor of a province has thousands of followers, and
        // each of its candidates is compared with a few dozen kinds of follower instead of every one.
        WITH [(f)-[:IN_SEGMENT]->(x:Segment) | x.id] AS segs, f.origin AS origin, count(f) AS k
        WITH collect(CASE WHEN k = 0 THEN null ELSE {segs: segs, origin: origin, k: k} END) AS circle
        UNWIND group AS g
        WITH g, circle, g.c AS c
        WITH g, circle, c.origin AS origin, [(c)-[:IN_SEGMENT]->(x:Segment) | x.id] AS segOfC
        RETURN g, reduce(n = 0, f IN circle | n + f.k) AS followers,
               reduce(n = 0, f IN circle | n + CASE WHEN any(x IN f.segs WHERE x IN segOfC) THEN f.k ELSE 0 END) AS sameSegment,
               reduce(n = 0, f IN circle | n + CASE WHEN f.origin = origin THEN f.k ELSE 0 END) AS sameOrigin
      }
      // Without a likely anchor with followers: resemblance to the scope's recent arrivals instead.
      WITH g.c AS c, g.gs AS gs, g.gn AS gn, g.anchorRaw AS anchorRaw, g.localRaw AS localRaw, g.customerRaw AS customerRaw, g.customers AS customers,
           g.recency AS recency, g.focusTies AS focusTies, g.degree AS degree,
           likelyAnchor, followers > 0 AS byCircle,
           CASE WHEN g.gs IS NULL THEN 0.0 ELSE toFloat($gapValues[g.gn.status]) END AS gapFill,
           CASE WHEN followers > 0 THEN toFloat(sameSegment) / followers
                WHEN g.gs IS NULL OR segMax IS NULL THEN 0.0
                ELSE toFloat(coalesce([x IN segCounts WHERE x.key = g.gs.id | x.n][0], 0)) / segMax END AS simSegment,
           CASE WHEN followers > 0 THEN toFloat(sameOrigin) / followers
                WHEN g.c.origin IS NULL OR originMax IS NULL THEN 0.0
                ELSE toFloat(coalesce([x IN originCounts WHERE x.key = g.c.origin | x.n][0], 0)) / originMax END AS simOrigin
      WITH {c: c, gs: gs, gn: gn, likelyAnchor: likelyAnchor, byCircle: byCircle, anchorRaw: anchorRaw, localRaw: localRaw,
             customerRaw: customerRaw, customers: customers, simSegment: simSegment, simOrigin: simOrigin, focusTies: focusTies, degree: degree, v: {
               anchorTies: anchorRaw / (anchorRaw + toFloat($half.anchorTies)),
               localTies: localRaw / (localRaw + toFloat($half.localTies)),
               gapFill: gapFill,
               similarity: (simSegment + simOrigin) / 2.0,
               recency: recency,
               focus: toFloat(focusTies) / (degree + $focusPrior),
               customerTies: customerRaw / (customerRaw + toFloat($half.customerTies))
             }} AS s
      // Adamic–Adar between the candidate and the scope: each neighbour z it shares with local firms is
      // worth (z's ties to local firms) / log(z's degree), both as of the cursor. Grouped by z, so a hub
      // tied to many candidates has its ties read once, not once per candidate.
      WITH collect(s) AS short
      CALL (short) {
        UNWIND short AS s
        WITH s, s.c AS c
        OPTIONAL MATCH (c)-[r1:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(z:Enterprise)
        WHERE ($asOf IS NULL OR r1.since IS NULL OR r1.since <= $asOf)
        WITH z, collect(DISTINCT s) AS ss
        CALL (z) {
          OPTIONAL MATCH (z)-[r2:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(o:Enterprise) WHERE ($asOf IS NULL OR r2.since IS NULL OR r2.since <= $asOf)
          RETURN count(o) AS dz, count(CASE WHEN ($asOf IS NULL OR (o.landedOn IS NOT NULL AND o.landedOn <= $asOf AND (o.leftOn IS NULL OR o.leftOn > $asOf))) THEN 1 END) AS nl
        }
        WITH ss, CASE WHEN nl = 0 OR dz < 2 THEN 0.0 ELSE toFloat(nl) / log(toFloat(dz)) END AS w
        UNWIND ss AS s
        RETURN s, sum(w) AS aaRaw
      }
      WITH s.c AS c, s.gs AS gs, s.gn AS gn, s.anchorRaw AS anchorRaw, s.localRaw AS localRaw, s.customerRaw AS customerRaw, s.customers AS customers,
           s.simSegment AS simSegment, s.simOrigin AS simOrigin,
           s.focusTies AS focusTies, s.degree AS degree, s.likelyAnchor AS likelyAnchor, s.byCircle AS byCircle, s.v AS partialValues, aaRaw
      WITH c, gs, gn, anchorRaw, localRaw, customerRaw, customers, simSegment, simOrigin, focusTies, degree, likelyAnchor, byCircle, aaRaw,
           partialValues {.*, adamicAdar: aaRaw / (aaRaw + toFloat($half.adamicAdar))} AS v
      WITH c, gs, gn, anchorRaw, localRaw, customerRaw, customers, simSegment, simOrigin, focusTies, degree, likelyAnchor, byCircle, aaRaw, v,
           $weights.anchorTies * v.anchorTies + $weights.localTies * v.localTies + $weights.gapFill * v.gapFill +
           $weights.similarity * v.similarity + $weights.recency * v.recency + $weights.adamicAdar * v.adamicAdar +
           $weights.focus * v.focus + $weights.customerTies * v.customerTies AS score
      ORDER BY score DESC, c.id ASC
      LIMIT $limit
      WITH collect({c: c, gs: gs, gn: gn, v: v, score: score,
           raw: {anchorTies: anchorRaw, localTies: localRaw, adamicAdar: aaRaw, customerTies: customerRaw, customers: customers,
                 simSegment: simSegment, simOrigin: simOrigin, byCircle: byCircle, focusTies: focusTies, degree: degree,
                 likelyAnchor: likelyAnchor {.id, .name, .nameEn}}}) AS top
      UNWIND range(0, size(top) - 1) AS i
      WITH i + 1 AS rank, top[i] AS t, top[i].c AS c, top[i].gs AS s
      // Evidence for the top few: the ties themselves, and two-step paths through firms outside the scope.
      CALL (c) {
        OPTIONAL MATCH (c)-[r:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(l:Enterprise)
        WHERE ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf) AND ($asOf IS NULL OR (l.landedOn IS NOT NULL AND l.landedOn <= $asOf AND (l.leftOn IS NULL OR l.leftOn > $asOf)))
        WITH r, l ORDER BY l.isAnchor DESC, $relWeights[type(r)] DESC, l.id LIMIT $evidenceTies
        RETURN collect(CASE WHEN r IS NULL THEN null ELSE {
                 rel: r {type: type(r), from: startNode(r).id, to: endNode(r).id, .since, .sourceKind, .quotes, .reason, .synthetic},
                 other: l {.id, .name, .nameEn, .isAnchor, .landedOn, .leftOn, .synthetic, .local}
               } END) AS ties
      }
      CALL (c) {
        OPTIONAL MATCH (c)-[r1:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(z:Enterprise)-[r2:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(l:Enterprise)
        WHERE NOT ($asOf IS NULL OR (z.landedOn IS NOT NULL AND z.landedOn <= $asOf AND (z.leftOn IS NULL OR z.leftOn > $asOf))) AND l <> c AND ($asOf IS NULL OR r1.since IS NULL OR r1.since <= $asOf) AND ($asOf IS NULL OR r2.since IS NULL OR r2.since <= $asOf) AND ($asOf IS NULL OR (l.landedOn IS NOT NULL AND l.landedOn <= $asOf AND (l.leftOn IS NULL OR l.leftOn > $asOf)))
        WITH r1, z, r2, l ORDER BY l.isAnchor DESC, z.id, l.id LIMIT $evidencePaths
        RETURN collect(CASE WHEN r1 IS NULL THEN null ELSE {
                 via: z {.id, .name, .nameEn, .isAnchor, .landedOn, .leftOn, .synthetic, .local},
                 other: l {.id, .name, .nameEn, .isAnchor, .landedOn, .leftOn, .synthetic, .local},
                 rels: [x IN [r1, r2] | x {type: type(x), from: startNode(x).id, to: endNode(x).id, .since, .sourceKind, .quotes, .reason, .synthetic}]
               } END) AS paths
      }
      // Its kind (new, expansion of a group already here, win-back) and the units that tie it.
      CALL (c) {
        CALL (c) {
          MATCH (c)-[p:PART_OF]-(u:Enterprise) WHERE ($asOf IS NULL OR p.since IS NULL OR p.since <= $asOf) AND ($asOf IS NULL OR (u.landedOn IS NOT NULL AND u.landedOn <= $asOf AND (u.leftOn IS NULL OR u.leftOn > $asOf)))
          RETURN u, 0 AS hops, null AS grp
          UNION
          MATCH (c)-[p1:PART_OF]->(g:Enterprise)<-[p2:PART_OF]-(u:Enterprise) WHERE u <> c AND ($asOf IS NULL OR p1.since IS NULL OR p1.since <= $asOf) AND ($asOf IS NULL OR p2.since IS NULL OR p2.since <= $asOf) AND ($asOf IS NULL OR (u.landedOn IS NOT NULL AND u.landedOn <= $asOf AND (u.leftOn IS NULL OR u.leftOn > $asOf)))
          RETURN u, 1 AS hops, g {.id, .name, .nameEn} AS grp
        }
        WITH u, min(hops) AS hops, collect(grp)[0] AS grp ORDER BY hops, u.landedOn, u.id LIMIT $viaUnits
        WITH collect(u {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason}) AS via, collect(CASE WHEN hops = 1 THEN grp END)[0] AS viaGroup
        RETURN CASE WHEN (c.leftOn IS NOT NULL AND c.leftOn <= $asOf) THEN 'WIN_BACK' WHEN size(via) > 0 THEN 'EXPANSION' ELSE 'NEW' END AS kind, via, viaGroup
      }
      // The segment it would fill, in full, for the few targets returned, and its own supply ties with
      // the scope (met locally once it lands: its status if landed).
      CALL (s) {
        OPTIONAL MATCH (s)<-[:IN_SEGMENT]-(e:Enterprise) WHERE ($asOf IS NULL OR (e.landedOn IS NOT NULL AND e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf)))
        WITH e ORDER BY e.landedOn, e.id
        WITH collect(e) AS es
        RETURN [x IN es[..$firmsPerSegment] | x {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason}] AS firms,
               es[0].landedOn AS firstLandedOn, es[$gapRule.strongMin - 1].landedOn AS strongSince
      }
      OPTIONAL MATCH (ch:Chain)-[:HAS_SEGMENT]->(s)
      RETURN rank, t.score AS score, t.v AS values, t.raw AS raw,
             c {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason} AS enterprise, kind, via, viaGroup,
             COUNT { (c)-[r:SUPPLIES]-(l:Enterprise) WHERE ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf) AND ($asOf IS NULL OR (l.landedOn IS NOT NULL AND l.landedOn <= $asOf AND (l.leftOn IS NULL OR l.leftOn > $asOf))) } AS candidateTies,
             CASE WHEN s IS NULL THEN null ELSE {
               chain: ch {.id, .name, .nameEn, .order},
               segment: s {.id, .name, .nameEn, .order, .layer, .layerEn, .chainId},
               figs: t.gn, firms: firms, firstLandedOn: firstLandedOn,
               strongSince: CASE WHEN t.gn.status = 'STRONG' THEN strongSince END
             } END AS gap, ties, paths
      ORDER BY rank"
    `);
    expect(q.params).toMatchInlineSnapshot(`
      {
        "asOf": "2019-12-31",
        "asOfMonth": 24240,
        "chainId": null,
        "evidencePaths": 4,
        "evidenceTies": 8,
        "firmsPerSegment": 5,
        "focusPrior": 1,
        "gapCandidates": 50,
        "gapRule": {
          "gapFactor": 2,
          "gapFloor": 0.5,
          "minTies": 5,
          "strongMin": 3,
          "weakFactor": 1.5,
          "weakFloor": 0.2,
          "weakMin": 1,
        },
        "gapValues": {
          "GAP": 1,
          "STRONG": 0,
          "WEAK": 0.5,
        },
        "half": {
          "adamicAdar": 0.5,
          "anchorTies": 2,
          "customerTies": 1,
          "localTies": 0.25,
        },
        "kinds": null,
        "limit": 10,
        "recencyMonths": 12,
        "recentFrom": "2017-12",
        "relWeights": {
          "ATTRACTED": 1,
          "PARTNER_OF": 0.7,
          "PART_OF": 1,
          "SUPPLIES": 1,
        },
        "shortlist": 500,
        "viaUnits": 5,
        "weights": {
          "adamicAdar": 0.05,
          "anchorTies": 0.6,
          "customerTies": 0.1,
          "focus": 0.05,
          "gapFill": 0.05,
          "localTies": 0.05,
          "recency": 0.05,
          "similarity": 0.05,
        },
      }
    `);
  });

  it('recruitmentTargets, anchor circle scope, with evidence', () => {
    const q = buildTargetsQuery({ asOf: '2019-12-31', chainId: 'chain-ai', anchorId: 'toutiao', limit: 10 });
    expect(q.cypher).toMatchInlineSnapshot(`
      "OPTIONAL MATCH (a:Enterprise {id: $anchorId}) WHERE (a.landedOn <= $asOf AND (a.leftOn IS NULL OR a.leftOn > $asOf))
      CALL (a) {
        // The middle firm of a two-tie path need not be an Enterprise (PART_OF also joins projects).
        OPTIONAL MATCH (a)-[r1:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(x1) WHERE ($asOf IS NULL OR r1.since IS NULL OR r1.since <= $asOf) AND (x1.landedOn <= $asOf AND (x1.leftOn IS NULL OR x1.leftOn > $asOf))
        WITH a, collect(DISTINCT x1) AS x1s
        UNWIND CASE WHEN size(x1s) = 0 THEN [null] ELSE x1s END AS x1
        OPTIONAL MATCH (x1)-[r2:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(x2:Enterprise) WHERE ($asOf IS NULL OR r2.since IS NULL OR r2.since <= $asOf) AND (x2.landedOn <= $asOf AND (x2.leftOn IS NULL OR x2.leftOn > $asOf))
        WITH a, x1s, collect(DISTINCT x2) AS x2s
        UNWIND [x IN x1s WHERE x:Enterprise] + x2s AS x
        WITH a, x WHERE x <> a
        RETURN collect(DISTINCT x) AS xs
      }
      WITH CASE WHEN a IS NULL THEN [] ELSE [a] + xs END AS scope
      // An empty scope (an anchor unknown or not landed by the cursor) has nobody in it.
      WITH scope WHERE size(scope) > 0
      CALL (scope) {
        UNWIND scope AS e
        MATCH (e)-[:IN_SEGMENT]->(s:Segment)
        WHERE ($chainId IS NULL OR s.chainId = $chainId)
        WITH s, count(e) AS n
        RETURN collect({seg: s, n: n}) AS filled
      }
      CALL (scope) {
        UNWIND scope AS l
        // No label tests: SUPPLIES joins two Enterprises and IN_SEGMENT ends at a Segment (the model's
        // RELATIONS, checked on every write), and each test is a db hit per row.
        MATCH (l)-[r:SUPPLIES]-(o)
        WHERE ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)
        WITH o, collect(r) AS rs
        WITH o, rs, o IN scope AS met, NOT ($asOf IS NULL OR (o.landedOn IS NOT NULL AND o.landedOn <= $asOf AND (o.leftOn IS NULL OR o.leftOn > $asOf))) AS out
        WHERE met OR out
        MATCH (o)-[:IN_SEGMENT]->(s)
        UNWIND rs AS r
        WITH s, count(DISTINCT r) AS ties, count(DISTINCT CASE WHEN out THEN r END) AS outside, count(DISTINCT CASE WHEN out THEN o END) AS outsideFirms
        RETURN collect({seg: s, ties: ties, outside: outside, outsideFirms: outsideFirms}) AS demand, coalesce(sum(ties), 0) AS allTies, coalesce(sum(outside), 0) AS allOutside
      }
      CALL (filled, demand, allTies, allOutside) {
        MATCH (s:Segment) WHERE $chainId IS NULL OR s.chainId = $chainId
        WITH s, [f IN filled WHERE f.seg = s][0] AS f, [d IN demand WHERE d.seg = s][0] AS d, allTies, allOutside
        WITH s, f, d, coalesce(f.n, 0) AS n, coalesce(d.ties, 0) AS ties, coalesce(d.outside, 0) AS outside, allTies, allOutside,
             CASE WHEN allTies > 0 THEN toFloat(allOutside) / allTies ELSE 0.0 END AS ref
        WITH s, f, {n: n, supplyTies: ties, outsideTies: outside, outsideFirms: coalesce(d.outsideFirms, 0), allSupplyTies: allTies, allOutsideTies: allOutside,
                    status: CASE WHEN n < $gapRule.weakMin OR (ties >= $gapRule.minTies AND toFloat(outside) / ties >= CASE WHEN $gapRule.gapFactor * ref > $gapRule.gapFloor THEN $gapRule.gapFactor * ref ELSE toFloat($gapRule.gapFloor) END) THEN 'GAP'
                  WHEN n < $gapRule.strongMin OR (ties >= $gapRule.minTies AND toFloat(outside) / ties >= CASE WHEN $gapRule.weakFactor * ref > $gapRule.weakFloor THEN $gapRule.weakFactor * ref ELSE toFloat($gapRule.weakFloor) END) THEN 'WEAK'
                  ELSE 'STRONG' END} AS figs
        RETURN collect(s.id) AS segIds, collect(figs) AS segFigs
      }
      // Recent arrivals of the scope: the segments and origins it has drawn in lately (similarity).
      CALL (scope) {
        UNWIND scope AS r
        WITH r WHERE r.landedOn > $recentFrom
        OPTIONAL MATCH (r)-[:IN_SEGMENT]->(rs:Segment)
        // Counted by (segment, origin) pair first: a few hundred rows, where lists of every arrival's
        // segment and origin (180k at 1M) stayed in the plan's slots and rode along every row of the
        // shortlist's Top (380 MB for 50 rows), past the 716 MiB transaction limit of a 1 GiB heap.
        WITH rs.id AS sid, r.origin AS o, count(*) AS n
        WITH collect({sid: sid, o: o, n: n}) AS pairs
        CALL (pairs) {
          UNWIND pairs AS p WITH p WHERE p.sid IS NOT NULL
          WITH p.sid AS id, sum(p.n) AS n
          RETURN collect({key: id, n: n}) AS segCounts, max(n) AS segMax
        }
        CALL (pairs) {
          UNWIND pairs AS p WITH p WHERE p.o IS NOT NULL
          WITH p.o AS o, sum(p.n) AS n
          RETURN collect({key: o, n: n}) AS originCounts, max(n) AS originMax
        }
        RETURN segCounts, segMax, originCounts, originMax
      }
      // Candidates and their direct ties in one pass from the scope's side: not landed by the cursor and
      // tied to a local firm (weighted by type, anchors apart; recency of the newest dated tie) …
      WITH scope, segIds, segFigs, segCounts, segMax, originCounts, originMax,
           [i IN range(0, size(segIds) - 1) WHERE segFigs[i].status <> 'STRONG' | segIds[i]] AS gapSegIds
      // The shortlist is built inside one subquery that imports only what it needs, so the 10k–40k
      // candidate rows carry no lists (Neo4j accounts a carried list on every row).
      CALL (scope, gapSegIds) {
        CALL (scope, gapSegIds) {
          UNWIND scope AS l
          MATCH (l)-[r:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(c:Enterprise)
          WHERE ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf) AND (NOT ($asOf IS NULL OR (c.landedOn IS NOT NULL AND c.landedOn <= $asOf AND (c.leftOn IS NULL OR c.leftOn > $asOf))) AND (c.landedOn IS NOT NULL OR coalesce(c.local, false) = false) AND (c.leftOn IS NULL OR c.leftOn > $asOf OR NOT coalesce(c.leftHow, '') IN ['closed', 'revoked']))
            AND ($chainId IS NULL OR EXISTS { (c)-[:IN_SEGMENT]->(:Segment {chainId: $chainId}) })
          // A tie counts its type's weight × its own 'weight' (0–1) when it has one; same-group ties
          // (PART_OF) count once per candidate, however many of the group's units are local.
          // A supply tie that starts at the candidate makes the local firm its customer (customerTies).
          WITH c, l, type(r) = 'PART_OF' AS grp, type(r) = 'SUPPLIES' AND startNode(r) = c AS sells,
               toFloat($relWeights[type(r)]) * coalesce(toFloat(r.weight), 1.0) AS w, r.since AS since
          RETURN c, CASE WHEN l.isAnchor AND NOT grp THEN w ELSE 0.0 END AS a, CASE WHEN l.isAnchor OR grp THEN 0.0 ELSE w END AS b,
                 CASE WHEN grp AND l.isAnchor THEN w ELSE 0.0 END AS ga, CASE WHEN grp AND NOT coalesce(l.isAnchor, false) THEN w ELSE 0.0 END AS gb,
                 CASE WHEN sells THEN w ELSE 0.0 END AS cu, CASE WHEN sells THEN 1 ELSE 0 END AS cn,
                 since, 0 AS gapPick
          UNION ALL
          // … or one of the first $gapCandidates outside firms of a GAP/WEAK segment.
          UNWIND gapSegIds AS segId
          CALL (segId) {
            MATCH (:Segment {id: segId})<-[:IN_SEGMENT]-(c:Enterprise) WHERE (NOT ($asOf IS NULL OR (c.landedOn IS NOT NULL AND c.landedOn <= $asOf AND (c.leftOn IS NULL OR c.leftOn > $asOf))) AND (c.landedOn IS NOT NULL OR coalesce(c.local, false) = false) AND (c.leftOn IS NULL OR c.leftOn > $asOf OR NOT coalesce(c.leftHow, '') IN ['closed', 'revoked']))
            RETURN c ORDER BY c.id LIMIT $gapCandidates
          }
          RETURN c, 0.0 AS a, 0.0 AS b, 0.0 AS ga, 0.0 AS gb, 0.0 AS cu, 0 AS cn, null AS since, 1 AS gapPick
        }
        // ISO prefixes order as strings: the newest dated tie is the max, parsed once per candidate.
        WITH c, sum(a) + max(ga) AS anchorRaw, sum(b) + max(gb) AS localRaw, sum(cu) AS customerRaw, sum(cn) AS customers,
             max(since) AS newest, max(gapPick) AS gapPick
        WHERE $kinds IS NULL OR CASE WHEN (c.leftOn IS NOT NULL AND c.leftOn <= $asOf) THEN 'WIN_BACK'
           WHEN EXISTS { MATCH (c)-[p:PART_OF]-(u:Enterprise) WHERE ($asOf IS NULL OR p.since IS NULL OR p.since <= $asOf) AND ($asOf IS NULL OR (u.landedOn IS NOT NULL AND u.landedOn <= $asOf AND (u.leftOn IS NULL OR u.leftOn > $asOf))) }
             OR EXISTS { MATCH (c)-[p1:PART_OF]->(:Enterprise)<-[p2:PART_OF]-(u:Enterprise) WHERE u <> c AND ($asOf IS NULL OR p1.since IS NULL OR p1.since <= $asOf) AND ($asOf IS NULL OR p2.since IS NULL OR p2.since <= $asOf) AND ($asOf IS NULL OR (u.landedOn IS NOT NULL AND u.landedOn <= $asOf AND (u.leftOn IS NULL OR u.leftOn > $asOf))) }
           THEN 'EXPANSION' ELSE 'NEW' END IN $kinds
        WITH c, anchorRaw, localRaw, customerRaw, customers, gapPick,
             CASE WHEN newest IS NULL THEN 0.0 ELSE exp(-1.0 * ($asOfMonth - (toInteger(substring(newest, 0, 4)) * 12 + CASE WHEN size(newest) >= 7 THEN toInteger(substring(newest, 5, 2)) ELSE 6 END)) / $recencyMonths) END AS recency
        // Shortlist on the direct ties (a gap pick counted as if it filled a gap). Rows, not a collected
        // list: a list of maps holding nodes, or indexed by row, outgrew the 1 GiB transaction memory
        // limit on the 100k district, where 40k firms are tied to local ones.
        WITH c, anchorRaw, localRaw, customerRaw, customers, recency,
             $weights.anchorTies * anchorRaw / (anchorRaw + toFloat($half.anchorTies)) +
             $weights.localTies * localRaw / (localRaw + toFloat($half.localTies)) +
             $weights.customerTies * customerRaw / (customerRaw + toFloat($half.customerTies)) +
             $weights.recency * recency + $weights.gapFill * gapPick AS optimistic
        // Ordered in the RETURN: as a WITH … ORDER BY … LIMIT, the planner kept the Top inside the
        // per-row Apply and it outgrew the 716 MiB transaction limit of a 1 GiB heap on the 100k district.
        RETURN c, anchorRaw, localRaw, customerRaw, customers, recency ORDER BY optimistic DESC, c.id ASC LIMIT $shortlist
      }
      // Focus: how many of its ties (as of the cursor) go to the scope's firms, of how many in all — a
      // hub tied everywhere has many of both, a supplier committed to the scope mostly the first.
      CALL (scope, c) {
        OPTIONAL MATCH (c)-[r:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(o:Enterprise) WHERE ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)
        RETURN count(CASE WHEN o IN scope THEN 1 END) AS focusTies, count(o) AS degree
      }
      // Its segment in view, the neediest first (GAP, WEAK, then the fewest firms): what landing it would fill.
      CALL (c, segIds, segFigs) {
        OPTIONAL MATCH (c)-[:IN_SEGMENT]->(cs:Segment)
        WITH cs, [i IN range(0, size(segIds) - 1) WHERE segIds[i] = cs.id][0] AS i
        WITH cs, i, segFigs[i] AS gn
        RETURN CASE WHEN i IS NULL THEN null ELSE cs END AS gs, gn
        ORDER BY i IS NULL, CASE gn.status WHEN 'GAP' THEN 0 WHEN 'WEAK' THEN 1 ELSE 2 END, gn.n LIMIT 1
      }
      // Its likely anchor: the local anchor it is most strongly tied to, whose circle it would join.
      CALL (scope, c) {
        OPTIONAL MATCH (c)-[r:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(a:Enterprise {isAnchor: true})
        WHERE ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf) AND a IN scope
        RETURN a AS likelyAnchor ORDER BY coalesce(toFloat(r.weight), 1.0) DESC, a.id LIMIT 1
      }
      // Similarity to that anchor's circle: the share of its followers (as of the cursor) with the
      // candidate's segment, and with its origin. Grouped by anchor, so each anchor's followers are read
      // once for all its candidates (a few dozen anchors), not once per candidate (the shortlist's 500).
      WITH scope, likelyAnchor, segCounts, segMax, originCounts, originMax,
           collect({c: c, gs: gs, gn: gn, anchorRaw: anchorRaw, localRaw: localRaw, customerRaw: customerRaw, customers: customers, recency: recency,
                    focusTies: focusTies, degree: degree}) AS group
      CALL (scope, likelyAnchor, group) {
        OPTIONAL MATCH (likelyAnchor)-[r2:ATTRACTED]->(f:Enterprise) WHERE ($asOf IS NULL OR r2.since IS NULL OR r2.since <= $asOf) AND ($asOf IS NULL OR (f.landedOn IS NOT NULL AND f.landedOn <= $asOf AND (f.leftOn IS NULL OR f.leftOn > $asOf)))
        // Counted by (segments, origin) first: an anchor of a province has thousands of followers, and
        // each of its candidates is compared with a few dozen kinds of follower instead of every one.
        WITH [(f)-[:IN_SEGMENT]->(x:Segment) | x.id] AS segs, f.origin AS origin, count(f) AS k
        WITH collect(CASE WHEN k = 0 THEN null ELSE {segs: segs, origin: origin, k: k} END) AS circle
        UNWIND group AS g
        WITH g, circle, g.c AS c
        WITH g, circle, c.origin AS origin, [(c)-[:IN_SEGMENT]->(x:Segment) | x.id] AS segOfC
        RETURN g, reduce(n = 0, f IN circle | n + f.k) AS followers,
               reduce(n = 0, f IN circle | n + CASE WHEN any(x IN f.segs WHERE x IN segOfC) THEN f.k ELSE 0 END) AS sameSegment,
               reduce(n = 0, f IN circle | n + CASE WHEN f.origin = origin THEN f.k ELSE 0 END) AS sameOrigin
      }
      // Without a likely anchor with followers: resemblance to the scope's recent arrivals instead.
      WITH scope, g.c AS c, g.gs AS gs, g.gn AS gn, g.anchorRaw AS anchorRaw, g.localRaw AS localRaw, g.customerRaw AS customerRaw, g.customers AS customers,
           g.recency AS recency, g.focusTies AS focusTies, g.degree AS degree,
           likelyAnchor, followers > 0 AS byCircle,
           CASE WHEN g.gs IS NULL THEN 0.0 ELSE toFloat($gapValues[g.gn.status]) END AS gapFill,
           CASE WHEN followers > 0 THEN toFloat(sameSegment) / followers
                WHEN g.gs IS NULL OR segMax IS NULL THEN 0.0
                ELSE toFloat(coalesce([x IN segCounts WHERE x.key = g.gs.id | x.n][0], 0)) / segMax END AS simSegment,
           CASE WHEN followers > 0 THEN toFloat(sameOrigin) / followers
                WHEN g.c.origin IS NULL OR originMax IS NULL THEN 0.0
                ELSE toFloat(coalesce([x IN originCounts WHERE x.key = g.c.origin | x.n][0], 0)) / originMax END AS simOrigin
      WITH scope, {c: c, gs: gs, gn: gn, likelyAnchor: likelyAnchor, byCircle: byCircle, anchorRaw: anchorRaw, localRaw: localRaw,
             customerRaw: customerRaw, customers: customers, simSegment: simSegment, simOrigin: simOrigin, focusTies: focusTies, degree: degree, v: {
               anchorTies: anchorRaw / (anchorRaw + toFloat($half.anchorTies)),
               localTies: localRaw / (localRaw + toFloat($half.localTies)),
               gapFill: gapFill,
               similarity: (simSegment + simOrigin) / 2.0,
               recency: recency,
               focus: toFloat(focusTies) / (degree + $focusPrior),
               customerTies: customerRaw / (customerRaw + toFloat($half.customerTies))
             }} AS s
      // Adamic–Adar between the candidate and the scope: each neighbour z it shares with local firms is
      // worth (z's ties to local firms) / log(z's degree), both as of the cursor. Grouped by z, so a hub
      // tied to many candidates has its ties read once, not once per candidate.
      WITH scope, collect(s) AS short
      CALL (scope, short) {
        UNWIND short AS s
        WITH s, s.c AS c
        OPTIONAL MATCH (c)-[r1:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(z:Enterprise)
        WHERE ($asOf IS NULL OR r1.since IS NULL OR r1.since <= $asOf)
        WITH z, collect(DISTINCT s) AS ss
        CALL (scope, z) {
          OPTIONAL MATCH (z)-[r2:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(o:Enterprise) WHERE ($asOf IS NULL OR r2.since IS NULL OR r2.since <= $asOf)
          RETURN count(o) AS dz, count(CASE WHEN o IN scope THEN 1 END) AS nl
        }
        WITH ss, CASE WHEN nl = 0 OR dz < 2 THEN 0.0 ELSE toFloat(nl) / log(toFloat(dz)) END AS w
        UNWIND ss AS s
        RETURN s, sum(w) AS aaRaw
      }
      WITH scope, s.c AS c, s.gs AS gs, s.gn AS gn, s.anchorRaw AS anchorRaw, s.localRaw AS localRaw, s.customerRaw AS customerRaw, s.customers AS customers,
           s.simSegment AS simSegment, s.simOrigin AS simOrigin,
           s.focusTies AS focusTies, s.degree AS degree, s.likelyAnchor AS likelyAnchor, s.byCircle AS byCircle, s.v AS partialValues, aaRaw
      WITH scope, c, gs, gn, anchorRaw, localRaw, customerRaw, customers, simSegment, simOrigin, focusTies, degree, likelyAnchor, byCircle, aaRaw,
           partialValues {.*, adamicAdar: aaRaw / (aaRaw + toFloat($half.adamicAdar))} AS v
      WITH scope, c, gs, gn, anchorRaw, localRaw, customerRaw, customers, simSegment, simOrigin, focusTies, degree, likelyAnchor, byCircle, aaRaw, v,
           $weights.anchorTies * v.anchorTies + $weights.localTies * v.localTies + $weights.gapFill * v.gapFill +
           $weights.similarity * v.similarity + $weights.recency * v.recency + $weights.adamicAdar * v.adamicAdar +
           $weights.focus * v.focus + $weights.customerTies * v.customerTies AS score
      ORDER BY score DESC, c.id ASC
      LIMIT $limit
      WITH scope, collect({c: c, gs: gs, gn: gn, v: v, score: score,
           raw: {anchorTies: anchorRaw, localTies: localRaw, adamicAdar: aaRaw, customerTies: customerRaw, customers: customers,
                 simSegment: simSegment, simOrigin: simOrigin, byCircle: byCircle, focusTies: focusTies, degree: degree,
                 likelyAnchor: likelyAnchor {.id, .name, .nameEn}}}) AS top
      // The segments the targets would fill, each with its circle's firms in it: read once from the
      // circle's side for all targets (from the segment's side, each target read all of its segment's
      // firms: 1.0 M db hits for ten targets at 1M).
      CALL (scope, top) {
        UNWIND scope AS e
        MATCH (e)-[:IN_SEGMENT]->(s) WHERE s IN [t IN top | t.gs]
        WITH s, e ORDER BY e.landedOn, e.id
        WITH s, collect(e) AS es
        RETURN collect({seg: s, firms: [x IN es[..$firmsPerSegment] | x {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason}],
                        firstLandedOn: es[0].landedOn, strongSince: es[$gapRule.strongMin - 1].landedOn}) AS segFirms
      }
      UNWIND range(0, size(top) - 1) AS i
      WITH scope, segFirms, i + 1 AS rank, top[i] AS t, top[i].c AS c, top[i].gs AS s
      // Evidence for the top few: the ties themselves, and two-step paths through firms outside the scope.
      CALL (scope, c) {
        OPTIONAL MATCH (c)-[r:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(l:Enterprise)
        WHERE ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf) AND l IN scope
        WITH r, l ORDER BY l.isAnchor DESC, $relWeights[type(r)] DESC, l.id LIMIT $evidenceTies
        RETURN collect(CASE WHEN r IS NULL THEN null ELSE {
                 rel: r {type: type(r), from: startNode(r).id, to: endNode(r).id, .since, .sourceKind, .quotes, .reason, .synthetic},
                 other: l {.id, .name, .nameEn, .isAnchor, .landedOn, .leftOn, .synthetic, .local}
               } END) AS ties
      }
      CALL (scope, c) {
        OPTIONAL MATCH (c)-[r1:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(z:Enterprise)-[r2:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(l:Enterprise)
        WHERE NOT z IN scope AND l <> c AND ($asOf IS NULL OR r1.since IS NULL OR r1.since <= $asOf) AND ($asOf IS NULL OR r2.since IS NULL OR r2.since <= $asOf) AND l IN scope
        WITH r1, z, r2, l ORDER BY l.isAnchor DESC, z.id, l.id LIMIT $evidencePaths
        RETURN collect(CASE WHEN r1 IS NULL THEN null ELSE {
                 via: z {.id, .name, .nameEn, .isAnchor, .landedOn, .leftOn, .synthetic, .local},
                 other: l {.id, .name, .nameEn, .isAnchor, .landedOn, .leftOn, .synthetic, .local},
                 rels: [x IN [r1, r2] | x {type: type(x), from: startNode(x).id, to: endNode(x).id, .since, .sourceKind, .quotes, .reason, .synthetic}]
               } END) AS paths
      }
      // Its kind (new, expansion of a group already here, win-back) and the units that tie it.
      CALL (scope, c) {
        CALL (c) {
          MATCH (c)-[p:PART_OF]-(u:Enterprise) WHERE ($asOf IS NULL OR p.since IS NULL OR p.since <= $asOf) AND ($asOf IS NULL OR (u.landedOn IS NOT NULL AND u.landedOn <= $asOf AND (u.leftOn IS NULL OR u.leftOn > $asOf)))
          RETURN u, 0 AS hops, null AS grp
          UNION
          MATCH (c)-[p1:PART_OF]->(g:Enterprise)<-[p2:PART_OF]-(u:Enterprise) WHERE u <> c AND ($asOf IS NULL OR p1.since IS NULL OR p1.since <= $asOf) AND ($asOf IS NULL OR p2.since IS NULL OR p2.since <= $asOf) AND ($asOf IS NULL OR (u.landedOn IS NOT NULL AND u.landedOn <= $asOf AND (u.leftOn IS NULL OR u.leftOn > $asOf)))
          RETURN u, 1 AS hops, g {.id, .name, .nameEn} AS grp
        }
        WITH u, min(hops) AS hops, collect(grp)[0] AS grp ORDER BY hops, u.landedOn, u.id LIMIT $viaUnits
        WITH collect(u {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason}) AS via, collect(CASE WHEN hops = 1 THEN grp END)[0] AS viaGroup
        RETURN CASE WHEN (c.leftOn IS NOT NULL AND c.leftOn <= $asOf) THEN 'WIN_BACK' WHEN size(via) > 0 THEN 'EXPANSION' ELSE 'NEW' END AS kind, via, viaGroup
      }
      // The segment it would fill, with the circle's firms in it (segFirms, read above for all targets).
      WITH *, [x IN segFirms WHERE x.seg = s][0] AS sf
      WITH *, coalesce(sf.firms, []) AS firms, sf.firstLandedOn AS firstLandedOn, sf.strongSince AS strongSince
      OPTIONAL MATCH (ch:Chain)-[:HAS_SEGMENT]->(s)
      RETURN rank, t.score AS score, t.v AS values, t.raw AS raw,
             c {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason} AS enterprise, kind, via, viaGroup,
             COUNT { (c)-[r:SUPPLIES]-(l:Enterprise) WHERE ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf) AND l IN scope } AS candidateTies,
             CASE WHEN s IS NULL THEN null ELSE {
               chain: ch {.id, .name, .nameEn, .order},
               segment: s {.id, .name, .nameEn, .order, .layer, .layerEn, .chainId},
               figs: t.gn, firms: firms, firstLandedOn: firstLandedOn,
               strongSince: CASE WHEN t.gn.status = 'STRONG' THEN strongSince END
             } END AS gap, ties, paths
      ORDER BY rank"
    `);
    expect(q.params).toMatchInlineSnapshot(`
      {
        "anchorId": "toutiao",
        "asOf": "2019-12-31",
        "asOfMonth": 24240,
        "chainId": "chain-ai",
        "evidencePaths": 4,
        "evidenceTies": 8,
        "firmsPerSegment": 5,
        "focusPrior": 1,
        "gapCandidates": 50,
        "gapRule": {
          "gapFactor": 2,
          "gapFloor": 0.5,
          "minTies": 5,
          "strongMin": 3,
          "weakFactor": 1.5,
          "weakFloor": 0.2,
          "weakMin": 1,
        },
        "gapValues": {
          "GAP": 1,
          "STRONG": 0,
          "WEAK": 0.5,
        },
        "half": {
          "adamicAdar": 0.5,
          "anchorTies": 2,
          "customerTies": 1,
          "localTies": 0.25,
        },
        "kinds": null,
        "limit": 10,
        "recencyMonths": 12,
        "recentFrom": "2017-12",
        "relWeights": {
          "ATTRACTED": 1,
          "PARTNER_OF": 0.7,
          "PART_OF": 1,
          "SUPPLIES": 1,
        },
        "shortlist": 500,
        "viaUnits": 5,
        "weights": {
          "adamicAdar": 0.05,
          "anchorTies": 0.6,
          "customerTies": 0.1,
          "focus": 0.05,
          "gapFill": 0.05,
          "localTies": 0.05,
          "recency": 0.05,
          "similarity": 0.05,
        },
      }
    `);
  });

  it('recruitmentTargets, ranking only (the backtest)', () => {
    const q = buildTargetsQuery({ asOf: '2019-06-31', chainId: null, anchorId: null, limit: 500, evidence: false });
    expect(q.cypher).toMatchInlineSnapshot(`
      "CALL () {
        MATCH (s:Segment) WHERE ($chainId IS NULL OR s.chainId = $chainId)
        CALL (s) { MATCH (s)<-[:IN_SEGMENT]-(e:Enterprise) WHERE (e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf)) RETURN e }
        WITH s, count(e) AS n
        RETURN collect({seg: s, n: n}) AS filled
      }
      CALL () {
        MATCH (l:Enterprise) WHERE (l.landedOn <= $asOf AND (l.leftOn IS NULL OR l.leftOn > $asOf))
        // No label tests: SUPPLIES joins two Enterprises and IN_SEGMENT ends at a Segment (the model's
        // RELATIONS, checked on every write), and each test is a db hit per row.
        MATCH (l)-[r:SUPPLIES]-(o)
        WHERE ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)
        WITH o, collect(r) AS rs
        WITH o, rs, ($asOf IS NULL OR (o.landedOn IS NOT NULL AND o.landedOn <= $asOf AND (o.leftOn IS NULL OR o.leftOn > $asOf))) AS met, NOT ($asOf IS NULL OR (o.landedOn IS NOT NULL AND o.landedOn <= $asOf AND (o.leftOn IS NULL OR o.leftOn > $asOf))) AS out
        WHERE met OR out
        MATCH (o)-[:IN_SEGMENT]->(s)
        UNWIND rs AS r
        WITH s, count(DISTINCT r) AS ties, count(DISTINCT CASE WHEN out THEN r END) AS outside, count(DISTINCT CASE WHEN out THEN o END) AS outsideFirms
        RETURN collect({seg: s, ties: ties, outside: outside, outsideFirms: outsideFirms}) AS demand, coalesce(sum(ties), 0) AS allTies, coalesce(sum(outside), 0) AS allOutside
      }
      CALL (filled, demand, allTies, allOutside) {
        MATCH (s:Segment) WHERE $chainId IS NULL OR s.chainId = $chainId
        WITH s, [f IN filled WHERE f.seg = s][0] AS f, [d IN demand WHERE d.seg = s][0] AS d, allTies, allOutside
        WITH s, f, d, coalesce(f.n, 0) AS n, coalesce(d.ties, 0) AS ties, coalesce(d.outside, 0) AS outside, allTies, allOutside,
             CASE WHEN allTies > 0 THEN toFloat(allOutside) / allTies ELSE 0.0 END AS ref
        WITH s, f, {n: n, supplyTies: ties, outsideTies: outside, outsideFirms: coalesce(d.outsideFirms, 0), allSupplyTies: allTies, allOutsideTies: allOutside,
                    status: CASE WHEN n < $gapRule.weakMin OR (ties >= $gapRule.minTies AND toFloat(outside) / ties >= CASE WHEN $gapRule.gapFactor * ref > $gapRule.gapFloor THEN $gapRule.gapFactor * ref ELSE toFloat($gapRule.gapFloor) END) THEN 'GAP'
                  WHEN n < $gapRule.strongMin OR (ties >= $gapRule.minTies AND toFloat(outside) / ties >= CASE WHEN $gapRule.weakFactor * ref > $gapRule.weakFloor THEN $gapRule.weakFactor * ref ELSE toFloat($gapRule.weakFloor) END) THEN 'WEAK'
                  ELSE 'STRONG' END} AS figs
        RETURN collect(s.id) AS segIds, collect(figs) AS segFigs
      }
      // Recent arrivals of the scope: the segments and origins it has drawn in lately (similarity).
      CALL () {
        MATCH (r:Enterprise) WHERE r.landedOn > $recentFrom AND (r.landedOn <= $asOf AND (r.leftOn IS NULL OR r.leftOn > $asOf))
        OPTIONAL MATCH (r)-[:IN_SEGMENT]->(rs:Segment)
        // Counted by (segment, origin) pair first: a few hundred rows, where lists of every arrival's
        // segment and origin (180k at 1M) stayed in the plan's slots and rode along every row of the
        // shortlist's Top (380 MB for 50 rows), past the 716 MiB transaction limit of a 1 GiB heap.
        WITH rs.id AS sid, r.origin AS o, count(*) AS n
        WITH collect({sid: sid, o: o, n: n}) AS pairs
        CALL (pairs) {
          UNWIND pairs AS p WITH p WHERE p.sid IS NOT NULL
          WITH p.sid AS id, sum(p.n) AS n
          RETURN collect({key: id, n: n}) AS segCounts, max(n) AS segMax
        }
        CALL (pairs) {
          UNWIND pairs AS p WITH p WHERE p.o IS NOT NULL
          WITH p.o AS o, sum(p.n) AS n
          RETURN collect({key: o, n: n}) AS originCounts, max(n) AS originMax
        }
        RETURN segCounts, segMax, originCounts, originMax
      }
      // Candidates and their direct ties in one pass from the scope's side: not landed by the cursor and
      // tied to a local firm (weighted by type, anchors apart; recency of the newest dated tie) …
      WITH segIds, segFigs, segCounts, segMax, originCounts, originMax,
           [i IN range(0, size(segIds) - 1) WHERE segFigs[i].status <> 'STRONG' | segIds[i]] AS gapSegIds
      // The shortlist is built inside one subquery that imports only what it needs, so the 10k–40k
      // candidate rows carry no lists (Neo4j accounts a carried list on every row).
      CALL (gapSegIds) {
        CALL (gapSegIds) {
          MATCH (l:Enterprise) WHERE ($asOf IS NULL OR (l.landedOn IS NOT NULL AND l.landedOn <= $asOf AND (l.leftOn IS NULL OR l.leftOn > $asOf)))
          MATCH (l)-[r:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(c:Enterprise)
          WHERE ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf) AND (NOT ($asOf IS NULL OR (c.landedOn IS NOT NULL AND c.landedOn <= $asOf AND (c.leftOn IS NULL OR c.leftOn > $asOf))) AND (c.landedOn IS NOT NULL OR coalesce(c.local, false) = false) AND (c.leftOn IS NULL OR c.leftOn > $asOf OR NOT coalesce(c.leftHow, '') IN ['closed', 'revoked']))
            AND ($chainId IS NULL OR EXISTS { (c)-[:IN_SEGMENT]->(:Segment {chainId: $chainId}) })
          // A tie counts its type's weight × its own 'weight' (0–1) when it has one; same-group ties
          // (PART_OF) count once per candidate, however many of the group's units are local.
          // A supply tie that starts at the candidate makes the local firm its customer (customerTies).
          WITH c, l, type(r) = 'PART_OF' AS grp, type(r) = 'SUPPLIES' AND startNode(r) = c AS sells,
               toFloat($relWeights[type(r)]) * coalesce(toFloat(r.weight), 1.0) AS w, r.since AS since
          RETURN c, CASE WHEN l.isAnchor AND NOT grp THEN w ELSE 0.0 END AS a, CASE WHEN l.isAnchor OR grp THEN 0.0 ELSE w END AS b,
                 CASE WHEN grp AND l.isAnchor THEN w ELSE 0.0 END AS ga, CASE WHEN grp AND NOT coalesce(l.isAnchor, false) THEN w ELSE 0.0 END AS gb,
                 CASE WHEN sells THEN w ELSE 0.0 END AS cu, CASE WHEN sells THEN 1 ELSE 0 END AS cn,
                 since, 0 AS gapPick
          UNION ALL
          // … or one of the first $gapCandidates outside firms of a GAP/WEAK segment.
          UNWIND gapSegIds AS segId
          CALL (segId) {
            MATCH (:Segment {id: segId})<-[:IN_SEGMENT]-(c:Enterprise) WHERE (NOT ($asOf IS NULL OR (c.landedOn IS NOT NULL AND c.landedOn <= $asOf AND (c.leftOn IS NULL OR c.leftOn > $asOf))) AND (c.landedOn IS NOT NULL OR coalesce(c.local, false) = false) AND (c.leftOn IS NULL OR c.leftOn > $asOf OR NOT coalesce(c.leftHow, '') IN ['closed', 'revoked']))
            RETURN c ORDER BY c.id LIMIT $gapCandidates
          }
          RETURN c, 0.0 AS a, 0.0 AS b, 0.0 AS ga, 0.0 AS gb, 0.0 AS cu, 0 AS cn, null AS since, 1 AS gapPick
        }
        // ISO prefixes order as strings: the newest dated tie is the max, parsed once per candidate.
        WITH c, sum(a) + max(ga) AS anchorRaw, sum(b) + max(gb) AS localRaw, sum(cu) AS customerRaw, sum(cn) AS customers,
             max(since) AS newest, max(gapPick) AS gapPick
        WHERE $kinds IS NULL OR CASE WHEN (c.leftOn IS NOT NULL AND c.leftOn <= $asOf) THEN 'WIN_BACK'
           WHEN EXISTS { MATCH (c)-[p:PART_OF]-(u:Enterprise) WHERE ($asOf IS NULL OR p.since IS NULL OR p.since <= $asOf) AND ($asOf IS NULL OR (u.landedOn IS NOT NULL AND u.landedOn <= $asOf AND (u.leftOn IS NULL OR u.leftOn > $asOf))) }
             OR EXISTS { MATCH (c)-[p1:PART_OF]->(:Enterprise)<-[p2:PART_OF]-(u:Enterprise) WHERE u <> c AND ($asOf IS NULL OR p1.since IS NULL OR p1.since <= $asOf) AND ($asOf IS NULL OR p2.since IS NULL OR p2.since <= $asOf) AND ($asOf IS NULL OR (u.landedOn IS NOT NULL AND u.landedOn <= $asOf AND (u.leftOn IS NULL OR u.leftOn > $asOf))) }
           THEN 'EXPANSION' ELSE 'NEW' END IN $kinds
        WITH c, anchorRaw, localRaw, customerRaw, customers, gapPick,
             CASE WHEN newest IS NULL THEN 0.0 ELSE exp(-1.0 * ($asOfMonth - (toInteger(substring(newest, 0, 4)) * 12 + CASE WHEN size(newest) >= 7 THEN toInteger(substring(newest, 5, 2)) ELSE 6 END)) / $recencyMonths) END AS recency
        // Shortlist on the direct ties (a gap pick counted as if it filled a gap). Rows, not a collected
        // list: a list of maps holding nodes, or indexed by row, outgrew the 1 GiB transaction memory
        // limit on the 100k district, where 40k firms are tied to local ones.
        WITH c, anchorRaw, localRaw, customerRaw, customers, recency,
             $weights.anchorTies * anchorRaw / (anchorRaw + toFloat($half.anchorTies)) +
             $weights.localTies * localRaw / (localRaw + toFloat($half.localTies)) +
             $weights.customerTies * customerRaw / (customerRaw + toFloat($half.customerTies)) +
             $weights.recency * recency + $weights.gapFill * gapPick AS optimistic
        // Ordered in the RETURN: as a WITH … ORDER BY … LIMIT, the planner kept the Top inside the
        // per-row Apply and it outgrew the 716 MiB transaction limit of a 1 GiB heap on the 100k district.
        RETURN c, anchorRaw, localRaw, customerRaw, customers, recency ORDER BY optimistic DESC, c.id ASC LIMIT $shortlist
      }
      // Focus: how many of its ties (as of the cursor) go to the scope's firms, of how many in all — a
      // hub tied everywhere has many of both, a supplier committed to the scope mostly the first.
      CALL (c) {
        OPTIONAL MATCH (c)-[r:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(o:Enterprise) WHERE ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf)
        RETURN count(CASE WHEN ($asOf IS NULL OR (o.landedOn IS NOT NULL AND o.landedOn <= $asOf AND (o.leftOn IS NULL OR o.leftOn > $asOf))) THEN 1 END) AS focusTies, count(o) AS degree
      }
      // Its segment in view, the neediest first (GAP, WEAK, then the fewest firms): what landing it would fill.
      CALL (c, segIds, segFigs) {
        OPTIONAL MATCH (c)-[:IN_SEGMENT]->(cs:Segment)
        WITH cs, [i IN range(0, size(segIds) - 1) WHERE segIds[i] = cs.id][0] AS i
        WITH cs, i, segFigs[i] AS gn
        RETURN CASE WHEN i IS NULL THEN null ELSE cs END AS gs, gn
        ORDER BY i IS NULL, CASE gn.status WHEN 'GAP' THEN 0 WHEN 'WEAK' THEN 1 ELSE 2 END, gn.n LIMIT 1
      }
      // Its likely anchor: the local anchor it is most strongly tied to, whose circle it would join.
      CALL (c) {
        OPTIONAL MATCH (c)-[r:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(a:Enterprise {isAnchor: true})
        WHERE ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf) AND ($asOf IS NULL OR (a.landedOn IS NOT NULL AND a.landedOn <= $asOf AND (a.leftOn IS NULL OR a.leftOn > $asOf)))
        RETURN a AS likelyAnchor ORDER BY coalesce(toFloat(r.weight), 1.0) DESC, a.id LIMIT 1
      }
      // Similarity to that anchor's circle: the share of its followers (as of the cursor) with the
      // candidate's segment, and with its origin. Grouped by anchor, so each anchor's followers are read
      // once for all its candidates (a few dozen anchors), not once per candidate (the shortlist's 500).
      WITH likelyAnchor, segCounts, segMax, originCounts, originMax,
           collect({c: c, gs: gs, gn: gn, anchorRaw: anchorRaw, localRaw: localRaw, customerRaw: customerRaw, customers: customers, recency: recency,
                    focusTies: focusTies, degree: degree}) AS group
      CALL (likelyAnchor, group) {
        OPTIONAL MATCH (likelyAnchor)-[r2:ATTRACTED]->(f:Enterprise) WHERE ($asOf IS NULL OR r2.since IS NULL OR r2.since <= $asOf) AND ($asOf IS NULL OR (f.landedOn IS NOT NULL AND f.landedOn <= $asOf AND (f.leftOn IS NULL OR f.leftOn > $asOf)))
        // Counted by (segments, origin) first: an anchor of a province has thousands of followers, and
        // each of its candidates is compared with a few dozen kinds of follower instead of every one.
        WITH [(f)-[:IN_SEGMENT]->(x:Segment) | x.id] AS segs, f.origin AS origin, count(f) AS k
        WITH collect(CASE WHEN k = 0 THEN null ELSE {segs: segs, origin: origin, k: k} END) AS circle
        UNWIND group AS g
        WITH g, circle, g.c AS c
        WITH g, circle, c.origin AS origin, [(c)-[:IN_SEGMENT]->(x:Segment) | x.id] AS segOfC
        RETURN g, reduce(n = 0, f IN circle | n + f.k) AS followers,
               reduce(n = 0, f IN circle | n + CASE WHEN any(x IN f.segs WHERE x IN segOfC) THEN f.k ELSE 0 END) AS sameSegment,
               reduce(n = 0, f IN circle | n + CASE WHEN f.origin = origin THEN f.k ELSE 0 END) AS sameOrigin
      }
      // Without a likely anchor with followers: resemblance to the scope's recent arrivals instead.
      WITH g.c AS c, g.gs AS gs, g.gn AS gn, g.anchorRaw AS anchorRaw, g.localRaw AS localRaw, g.customerRaw AS customerRaw, g.customers AS customers,
           g.recency AS recency, g.focusTies AS focusTies, g.degree AS degree,
           likelyAnchor, followers > 0 AS byCircle,
           CASE WHEN g.gs IS NULL THEN 0.0 ELSE toFloat($gapValues[g.gn.status]) END AS gapFill,
           CASE WHEN followers > 0 THEN toFloat(sameSegment) / followers
                WHEN g.gs IS NULL OR segMax IS NULL THEN 0.0
                ELSE toFloat(coalesce([x IN segCounts WHERE x.key = g.gs.id | x.n][0], 0)) / segMax END AS simSegment,
           CASE WHEN followers > 0 THEN toFloat(sameOrigin) / followers
                WHEN g.c.origin IS NULL OR originMax IS NULL THEN 0.0
                ELSE toFloat(coalesce([x IN originCounts WHERE x.key = g.c.origin | x.n][0], 0)) / originMax END AS simOrigin
      WITH {c: c, gs: gs, gn: gn, likelyAnchor: likelyAnchor, byCircle: byCircle, anchorRaw: anchorRaw, localRaw: localRaw,
             customerRaw: customerRaw, customers: customers, simSegment: simSegment, simOrigin: simOrigin, focusTies: focusTies, degree: degree, v: {
               anchorTies: anchorRaw / (anchorRaw + toFloat($half.anchorTies)),
               localTies: localRaw / (localRaw + toFloat($half.localTies)),
               gapFill: gapFill,
               similarity: (simSegment + simOrigin) / 2.0,
               recency: recency,
               focus: toFloat(focusTies) / (degree + $focusPrior),
               customerTies: customerRaw / (customerRaw + toFloat($half.customerTies))
             }} AS s
      // Adamic–Adar between the candidate and the scope: each neighbour z it shares with local firms is
      // worth (z's ties to local firms) / log(z's degree), both as of the cursor. Grouped by z, so a hub
      // tied to many candidates has its ties read once, not once per candidate.
      WITH collect(s) AS short
      CALL (short) {
        UNWIND short AS s
        WITH s, s.c AS c
        OPTIONAL MATCH (c)-[r1:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(z:Enterprise)
        WHERE ($asOf IS NULL OR r1.since IS NULL OR r1.since <= $asOf)
        WITH z, collect(DISTINCT s) AS ss
        CALL (z) {
          OPTIONAL MATCH (z)-[r2:SUPPLIES|PART_OF|ATTRACTED|PARTNER_OF]-(o:Enterprise) WHERE ($asOf IS NULL OR r2.since IS NULL OR r2.since <= $asOf)
          RETURN count(o) AS dz, count(CASE WHEN ($asOf IS NULL OR (o.landedOn IS NOT NULL AND o.landedOn <= $asOf AND (o.leftOn IS NULL OR o.leftOn > $asOf))) THEN 1 END) AS nl
        }
        WITH ss, CASE WHEN nl = 0 OR dz < 2 THEN 0.0 ELSE toFloat(nl) / log(toFloat(dz)) END AS w
        UNWIND ss AS s
        RETURN s, sum(w) AS aaRaw
      }
      WITH s.c AS c, s.gs AS gs, s.gn AS gn, s.anchorRaw AS anchorRaw, s.localRaw AS localRaw, s.customerRaw AS customerRaw, s.customers AS customers,
           s.simSegment AS simSegment, s.simOrigin AS simOrigin,
           s.focusTies AS focusTies, s.degree AS degree, s.likelyAnchor AS likelyAnchor, s.byCircle AS byCircle, s.v AS partialValues, aaRaw
      WITH c, gs, gn, anchorRaw, localRaw, customerRaw, customers, simSegment, simOrigin, focusTies, degree, likelyAnchor, byCircle, aaRaw,
           partialValues {.*, adamicAdar: aaRaw / (aaRaw + toFloat($half.adamicAdar))} AS v
      WITH c, gs, gn, anchorRaw, localRaw, customerRaw, customers, simSegment, simOrigin, focusTies, degree, likelyAnchor, byCircle, aaRaw, v,
           $weights.anchorTies * v.anchorTies + $weights.localTies * v.localTies + $weights.gapFill * v.gapFill +
           $weights.similarity * v.similarity + $weights.recency * v.recency + $weights.adamicAdar * v.adamicAdar +
           $weights.focus * v.focus + $weights.customerTies * v.customerTies AS score
      ORDER BY score DESC, c.id ASC
      LIMIT $limit
      WITH collect({c: c, gs: gs, gn: gn, v: v, score: score,
           raw: {anchorTies: anchorRaw, localTies: localRaw, adamicAdar: aaRaw, customerTies: customerRaw, customers: customers,
                 simSegment: simSegment, simOrigin: simOrigin, byCircle: byCircle, focusTies: focusTies, degree: degree,
                 likelyAnchor: likelyAnchor {.id, .name, .nameEn}}}) AS top
      UNWIND range(0, size(top) - 1) AS i
      WITH i + 1 AS rank, top[i] AS t, top[i].c AS c, top[i].gs AS s
      // Its kind (new, expansion of a group already here, win-back) and the units that tie it.
      CALL (c) {
        CALL (c) {
          MATCH (c)-[p:PART_OF]-(u:Enterprise) WHERE ($asOf IS NULL OR p.since IS NULL OR p.since <= $asOf) AND ($asOf IS NULL OR (u.landedOn IS NOT NULL AND u.landedOn <= $asOf AND (u.leftOn IS NULL OR u.leftOn > $asOf)))
          RETURN u, 0 AS hops, null AS grp
          UNION
          MATCH (c)-[p1:PART_OF]->(g:Enterprise)<-[p2:PART_OF]-(u:Enterprise) WHERE u <> c AND ($asOf IS NULL OR p1.since IS NULL OR p1.since <= $asOf) AND ($asOf IS NULL OR p2.since IS NULL OR p2.since <= $asOf) AND ($asOf IS NULL OR (u.landedOn IS NOT NULL AND u.landedOn <= $asOf AND (u.leftOn IS NULL OR u.leftOn > $asOf)))
          RETURN u, 1 AS hops, g {.id, .name, .nameEn} AS grp
        }
        WITH u, min(hops) AS hops, collect(grp)[0] AS grp ORDER BY hops, u.landedOn, u.id LIMIT $viaUnits
        WITH collect(u {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason}) AS via, collect(CASE WHEN hops = 1 THEN grp END)[0] AS viaGroup
        RETURN CASE WHEN (c.leftOn IS NOT NULL AND c.leftOn <= $asOf) THEN 'WIN_BACK' WHEN size(via) > 0 THEN 'EXPANSION' ELSE 'NEW' END AS kind, via, viaGroup
      }
      // The segment it would fill, in full, for the few targets returned, and its own supply ties with
      // the scope (met locally once it lands: its status if landed).
      CALL (s) {
        OPTIONAL MATCH (s)<-[:IN_SEGMENT]-(e:Enterprise) WHERE ($asOf IS NULL OR (e.landedOn IS NOT NULL AND e.landedOn <= $asOf AND (e.leftOn IS NULL OR e.leftOn > $asOf)))
        WITH e ORDER BY e.landedOn, e.id
        WITH collect(e) AS es
        RETURN [x IN es[..$firmsPerSegment] | x {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason}] AS firms,
               es[0].landedOn AS firstLandedOn, es[$gapRule.strongMin - 1].landedOn AS strongSince
      }
      OPTIONAL MATCH (ch:Chain)-[:HAS_SEGMENT]->(s)
      RETURN rank, t.score AS score, t.v AS values, t.raw AS raw,
             c {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, .signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, .creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, .registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, .companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason} AS enterprise, kind, via, viaGroup,
             COUNT { (c)-[r:SUPPLIES]-(l:Enterprise) WHERE ($asOf IS NULL OR r.since IS NULL OR r.since <= $asOf) AND ($asOf IS NULL OR (l.landedOn IS NOT NULL AND l.landedOn <= $asOf AND (l.leftOn IS NULL OR l.leftOn > $asOf))) } AS candidateTies,
             CASE WHEN s IS NULL THEN null ELSE {
               chain: ch {.id, .name, .nameEn, .order},
               segment: s {.id, .name, .nameEn, .order, .layer, .layerEn, .chainId},
               figs: t.gn, firms: firms, firstLandedOn: firstLandedOn,
               strongSince: CASE WHEN t.gn.status = 'STRONG' THEN strongSince END
             } END AS gap
      ORDER BY rank"
    `);
    expect(q.params).toMatchInlineSnapshot(`
      {
        "asOf": "2019-06-31",
        "asOfMonth": 24234,
        "chainId": null,
        "firmsPerSegment": 5,
        "focusPrior": 1,
        "gapCandidates": 50,
        "gapRule": {
          "gapFactor": 2,
          "gapFloor": 0.5,
          "minTies": 5,
          "strongMin": 3,
          "weakFactor": 1.5,
          "weakFloor": 0.2,
          "weakMin": 1,
        },
        "gapValues": {
          "GAP": 1,
          "STRONG": 0,
          "WEAK": 0.5,
        },
        "half": {
          "adamicAdar": 0.5,
          "anchorTies": 2,
          "customerTies": 1,
          "localTies": 0.25,
        },
        "kinds": null,
        "limit": 500,
        "recencyMonths": 12,
        "recentFrom": "2017-06",
        "relWeights": {
          "ATTRACTED": 1,
          "PARTNER_OF": 0.7,
          "PART_OF": 1,
          "SUPPLIES": 1,
        },
        "shortlist": 5000,
        "viaUnits": 5,
        "weights": {
          "adamicAdar": 0.05,
          "anchorTies": 0.6,
          "customerTies": 0.1,
          "focus": 0.05,
          "gapFill": 0.05,
          "localTies": 0.05,
          "recency": 0.05,
          "similarity": 0.05,
        },
      }
    `);
  });

  it('recruitmentTargets, district scope, with the segment timeline’s figures: they come in as parameters, the segment’s first firms are left to the timeline, the rest of the statement is the same', () => {
    const segments = { ids: ['seg-a', 'seg-b'], figs: [{ n: 0, supplyTies: 0, outsideTies: 0, outsideFirms: 0, allSupplyTies: 4, allOutsideTies: 1, status: 'GAP' }, { n: 3, supplyTies: 4, outsideTies: 1, outsideFirms: 1, allSupplyTies: 4, allOutsideTies: 1, status: 'STRONG' }] };
    const live = buildTargetsQuery({ asOf: '2019-12-31', chainId: null, anchorId: null, limit: 10 });
    const q = buildTargetsQuery({ asOf: '2019-12-31', chainId: null, anchorId: null, limit: 10, segments });
    const head = q.cypher.slice(0, q.cypher.indexOf('// Recent arrivals'));
    expect(head).toMatchInlineSnapshot(`
      "// Every segment in view with its figures and status, as of the cursor (the segment timeline).
      WITH $segIds AS segIds, $segFigs AS segFigs
      "
    `);
    // The rest is the same but for the segment's first firms, which the service then takes from the timeline.
    const firmsPart = (c: string) => c.slice(c.indexOf('// The segment it would fill'), c.indexOf('OPTIONAL MATCH (ch:Chain)'));
    expect(q.cypher).not.toContain('// The segment it would fill');
    expect(firmsPart(live.cypher)).toContain('ORDER BY e.landedOn, e.id');
    const rest = (c: string) => {
      const tail = c.slice(c.indexOf('// Recent arrivals'));
      return c.includes('// The segment it would fill') ? tail.replace(firmsPart(c), '') : tail;
    };
    expect(rest(q.cypher).replace('firms: [], firstLandedOn: null, strongSince: null', 'FIRMS')).toBe(
      rest(live.cypher).replace("firms: firms, firstLandedOn: firstLandedOn,\n         strongSince: CASE WHEN t.gn.status = 'STRONG' THEN strongSince END", 'FIRMS'),
    );
    expect({ segIds: q.params.segIds, segFigs: q.params.segFigs }).toEqual({ segIds: segments.ids, segFigs: segments.figs });
    // An anchor's circle keeps its own walk (the timeline is the district's).
    expect(buildTargetsQuery({ asOf: '2019-12-31', chainId: null, anchorId: 'toutiao', limit: 10, segments }).params.segIds).toBeUndefined();
  });

  it('recruitmentTargets, anchor circle from its node ids (anchorBall.ts): only the binding of the circle changes', () => {
    const base = { asOf: '2019-12-31', chainId: null, anchorId: 'toutiao', limit: 10, candidates: { mode: 'list', ids: [7, 8] } } as const;
    const walk = buildTargetsQuery(base);
    const ids = buildTargetsQuery({ ...base, scopeIds: [1, 2, 3] });
    const from = (c: string) => c.slice(c.indexOf('CALL (scope) {'));
    expect(from(ids.cypher)).toBe(from(walk.cypher));
    expect(ids.cypher.slice(0, ids.cypher.indexOf('CALL (scope) {'))).toMatchInlineSnapshot(`
      "// The circle's firms at the cursor, worked out from the anchor's neighbourhood (anchorBall.ts).
      UNWIND $scopeIds AS sid
      MATCH (x:Enterprise) WHERE id(x) = sid
      WITH collect(x) AS scope
      WITH scope WHERE size(scope) > 0
      "
    `);
    expect(ids.params.scopeIds).toEqual([1, 2, 3]);
    expect(walk.params.scopeIds).toBeUndefined();
    // The district has no circle to bind.
    expect(buildTargetsQuery({ ...base, anchorId: null, scopeIds: [1] }).params.scopeIds).toBeUndefined();
  });
});

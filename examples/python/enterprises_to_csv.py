#!/usr/bin/env python3
"""Every enterprise of a running Cangshan API as a CSV file Excel opens cleanly.

Standard library only (urllib, json, csv). Pages through the `enterprises` query with Relay
cursors (`first` / `after` / `pageInfo.endCursor`) until `hasNextPage` is false, and writes UTF-8
with a byte-order mark (so Excel shows the Chinese names), one row per firm.

    python3 enterprises_to_csv.py --url http://localhost:4000/graphql --out enterprises.csv
    python3 enterprises_to_csv.py --filter '{"chainId": "chain-content"}' --page-size 50
    API_TOKEN=... python3 enterprises_to_csv.py     # when the server needs a token for reads

Text that a spreadsheet would take for a formula (starting with = + - @, tab or CR) is written
with a ' in front, as the project's own exports do (docs/DATA-FORMAT.md); numbers are written as
numbers.
"""
import argparse
import csv
import json
import os
import sys
import urllib.error
import urllib.request

QUERY = """
query Page($first: Int!, $after: String, $filter: EnterpriseFilter) {
  enterprises(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id name nameEn isAnchor local synthetic origin signedOn landedOn revenueYuan sourceKind
        park { id name }
        segment { id name chain { id name } }
      }
    }
  }
}
"""

COLUMNS = ["id", "name", "nameEn", "isAnchor", "local", "synthetic", "origin", "signedOn", "landedOn",
           "revenueYuan", "sourceKind", "parkId", "park", "segmentId", "segment", "chainId", "chain"]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ApiError(Exception):
    pass


def post(url, token, query, variables):
    """One GraphQL request; returns `data`, raises ApiError with the server's message."""
    body = json.dumps({"query": query, "variables": variables}).encode("utf-8")
    headers = {"content-type": "application/json", "accept": "application/graphql-response+json, application/json"}
    if token:
        headers["authorization"] = "Bearer " + token
    req = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=60) as res:
            answer = json.load(res)
    except urllib.error.HTTPError as e:
        # The API answers refusals (401 without a token, 429, 400) with a GraphQL error body.
        try:
            answer = json.load(e)
        except ValueError:
            raise ApiError("HTTP %d from %s" % (e.code, url)) from None
    except urllib.error.URLError as e:
        raise ApiError("cannot reach %s: %s" % (url, e.reason)) from None
    if answer.get("errors"):
        raise ApiError("; ".join("%s (%s)" % (err.get("message"), (err.get("extensions") or {}).get("code")) for err in answer["errors"]))
    return answer["data"]


def cell(value):
    """A value as the CSV cell: None empty, numbers and booleans as they are, formula-like text marked."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    text = str(value)
    stripped = text.lstrip("'")
    return "'" + text if stripped.startswith(FORMULA_START) else text


def row_of(node):
    park = node.get("park") or {}
    segment = node.get("segment") or {}
    chain = segment.get("chain") or {}
    flat = dict(node, parkId=park.get("id"), park=park.get("name"), segmentId=segment.get("id"),
                segment=segment.get("name"), chainId=chain.get("id"), chain=chain.get("name"))
    return [cell(flat.get(c)) for c in COLUMNS]


def main(argv=None):
    p = argparse.ArgumentParser(description="Write every enterprise of a Cangshan API to a CSV file (UTF-8 with BOM).")
    p.add_argument("--url", default="http://localhost:4000/graphql", help="the API's /graphql URL")
    p.add_argument("--out", default="enterprises.csv", help="the CSV file to write")
    p.add_argument("--page-size", type=int, default=200, help="enterprises per request (1 to the server's GRAPHQL_MAX_PAGE_SIZE)")
    p.add_argument("--filter", default=None, help='an EnterpriseFilter as JSON, e.g. \'{"chainId": "chain-content"}\'')
    p.add_argument("--token", default=os.environ.get("API_TOKEN"), help="a token, when the server needs one for reads (default: $API_TOKEN)")
    args = p.parse_args(argv)
    if args.page_size < 1:
        p.error("--page-size must be at least 1")
    try:
        flt = json.loads(args.filter) if args.filter else None
    except ValueError as e:
        p.error("--filter is not JSON: %s" % e)

    after, pages, written, total = None, 0, 0, None
    try:
        # newline="" lets the csv module end records with CRLF itself; utf-8-sig writes the BOM.
        with open(args.out, "w", encoding="utf-8-sig", newline="") as f:
            out = csv.writer(f)
            out.writerow(COLUMNS)
            while True:
                page = post(args.url, args.token, QUERY, {"first": args.page_size, "after": after, "filter": flt})["enterprises"]
                total = page["totalCount"]
                for edge in page["edges"]:
                    out.writerow(row_of(edge["node"]))
                    written += 1
                pages += 1
                if not page["pageInfo"]["hasNextPage"]:
                    break
                after = page["pageInfo"]["endCursor"]
    except ApiError as e:
        print("error: %s" % e, file=sys.stderr)
        return 1
    print("wrote %d of %d enterprises in %d pages to %s" % (written, total, pages, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())

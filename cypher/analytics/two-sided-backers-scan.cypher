// The index is read by a seek (hinted; the position check is one list comparison, so the planner cannot split it into
// a union of seeks): a whole-index scan would read every rivalry before $fromMarket on later pages,
// and the choice between them otherwise flips with the index's statistics.
// Investors holding investments in both companies of a rivalry, across all markets. The scan reads rivalries in
// (market, id) order from the rivalry_market index, starting at ($fromMarket, $fromRivalry) (the rivalry of $afterKey;
// '' and '' for the first page), at most $scanLimit of them,
// so a page's work is bounded however many rivalries there are (see fragments/two-sided-backers-of-rivalry for the
// roll-up rules). Params: $afterKey ([market, rivalry id, backer id] of the previous page's last row, or []), $fromMarket, $fromRivalry,
// $scanLimit, $asOf, $rollUp, $limit. Returns one row: scanned, lastKey ([market, rivalry id] of the last rivalry
// read), rows (backer, sideA, sideB, rivalry, investmentsA, investmentsB, key).
CALL () {
  MATCH (a:Company)-[r:COMPETES_WITH]->(b:Company)
  USING INDEX SEEK r:COMPETES_WITH(market)
  WHERE r.market >= $fromMarket
    AND [r.market, r.id] >= [$fromMarket, $fromRivalry]
    AND {{> edge-counts r}}
  WITH r ORDER BY r.market, r.id LIMIT $scanLimit
  RETURN count(r) AS scanned, last(collect([r.market, r.id])) AS lastKey
}
CALL () {
  CALL () {
    MATCH (a:Company)-[r:COMPETES_WITH]->(b:Company)
    USING INDEX SEEK r:COMPETES_WITH(market)
    WHERE r.market >= $fromMarket
      AND [r.market, r.id] >= [$fromMarket, $fromRivalry]
      AND {{> edge-counts r}}
    WITH a, b, r ORDER BY r.market, r.id LIMIT $scanLimit
    {{> analytics/fragments/two-sided-page}}
  }
  RETURN collect({backer: backer, sideA: sideA, sideB: sideB, rivalry: rivalry, investmentsA: investmentsA,
                  investmentsB: investmentsB, key: key}) AS rows
}
RETURN scanned, lastKey, rows

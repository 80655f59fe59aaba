// Investors holding investments in both companies of a rivalry in one market: as two-sided-backers-scan, reading only
// that market's rivalries from the rivalry_market index (seek), in id order from $fromRivalry. Params: $market, $afterKey,
// $fromRivalry, $scanLimit,
// $asOf, $rollUp, $limit. Returns: as two-sided-backers-scan.
CALL () {
  MATCH (a:Company)-[r:COMPETES_WITH]->(b:Company)
  USING INDEX SEEK r:COMPETES_WITH(market)
  WHERE r.market = $market
    AND r.id >= $fromRivalry
    AND {{> edge-counts r}}
  WITH r ORDER BY r.id LIMIT $scanLimit
  RETURN count(r) AS scanned, last(collect([r.market, r.id])) AS lastKey
}
CALL () {
  CALL () {
    MATCH (a:Company)-[r:COMPETES_WITH]->(b:Company)
    USING INDEX SEEK r:COMPETES_WITH(market)
    WHERE r.market = $market
      AND r.id >= $fromRivalry
      AND {{> edge-counts r}}
    WITH a, b, r ORDER BY r.id LIMIT $scanLimit
    {{> analytics/fragments/two-sided-page}}
  }
  RETURN collect({backer: backer, sideA: sideA, sideB: sideB, rivalry: rivalry, investmentsA: investmentsA,
                  investmentsB: investmentsB, key: key}) AS rows
}
RETURN scanned, lastKey, rows

// An existing rivalry between two companies in a market, read in both directions. Params: $aId, $bId, $market.
// Returns: id.
MATCH (:Company {id: $aId})-[r:COMPETES_WITH]-(:Company {id: $bId})
WHERE r.market = $market
RETURN r.id AS id

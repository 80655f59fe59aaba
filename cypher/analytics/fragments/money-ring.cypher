// Fragment: the loops of exactly {{forward}} + {{backward}} money steps that leave s and come back to it, found by
// meeting in the middle: {{forward}} steps out of s and {{backward}} steps into s, hash-joined on the company m where
// they meet. A hub's loops then cost its two half-neighbourhoods, not the product of its degrees (a 2,477-investment
// investor's 4-step loops: 0.3 s instead of a timeout at 100k companies). Money flows investor -> investee
// (INVESTED_IN), customer -> provider (SUPPLIES_COMPUTE, walked against its direction) and subsidiary -> parent
// (SUBSIDIARY_OF). With $smallestFirst every other company of the loop has a larger id than s, so a loop is found
// from its smallest member only. Expects s; binds ring (the companies after s, ending with s) and ringRels.
// @slot forward: 1 2 3
// @slot backward: 1 2 3
MATCH (s)((x:Company)-[r:INVESTED_IN|SUPPLIES_COMPUTE|SUBSIDIARY_OF]-(y:Company)
    WHERE (NOT $smallestFirst OR y.id > s.id)
      AND CASE type(r) WHEN 'SUPPLIES_COMPUTE' THEN startNode(r) = y ELSE startNode(r) = x END
      AND {{> edge-may-count r}}
  ){{{forward}}}(m:Company)
  ((x2:Company)-[r2:INVESTED_IN|SUPPLIES_COMPUTE|SUBSIDIARY_OF]-(y2:Company)
    WHERE (y2 = s OR NOT $smallestFirst OR y2.id > s.id)
      AND CASE type(r2) WHEN 'SUPPLIES_COMPUTE' THEN startNode(r2) = y2 ELSE startNode(r2) = x2 END
      AND {{> edge-may-count r2}}
  ){{{backward}}}(s)
USING JOIN ON m
WITH s, y + y2 AS ring, r + r2 AS ringRels
WHERE all(i IN range(0, size(ring) - 2) WHERE NOT ring[i] IN ring[i + 1..])
  AND any(rel IN ringRels WHERE type(rel) = 'INVESTED_IN')

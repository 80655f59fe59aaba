// Fragment: the loops of exactly {{forward}} + {{backward}} money steps that leave s and come back to it, found by
// meeting in the middle: {{forward}} steps out of s and {{backward}} steps into s, hash-joined on the company m where
// they meet. A hub's loops then cost its two half-neighbourhoods, not the product of its degrees (a 2,477-investment
// investor's 4-step loops: 0.3 s instead of a timeout at 100k companies). Money flows along the relation kinds with a
// money flow (src/facts/relation-kinds.ts), from the payer: investor -> investee (INVESTED_IN), customer -> provider
// (SUPPLIES_COMPUTE, walked against its direction) and subsidiary -> parent (SUBSIDIARY_OF); a loop holds at least
// one investment. With $smallestFirst every other company of the loop has a larger id than s, so a loop is found from
// its smallest member only. Each step's relationship must pass edge-may-count (its facts are checked one by one
// after): as the search expands when pruneEarly (see the prune-early fragment: an earlier day, or a confidence), else
// on the loops found only (a CASE, so the planner does not spread the check over the pattern as it would an OR).
// Expects s and pruneEarly; binds ring (the companies after s, ending with s) and ringRels.
// @slot forward: 1 2 3
// @slot backward: 1 2 3
MATCH (s)((x:Company)-[r:{{> money-relation-types}}]-(y:Company)
    WHERE (NOT $smallestFirst OR y.id > s.id)
      AND {{> money-step r x y}}
      AND CASE WHEN pruneEarly THEN {{> edge-may-count r}} ELSE true END
  ){{{forward}}}(m:Company)
  ((x2:Company)-[r2:{{> money-relation-types}}]-(y2:Company)
    WHERE (y2 = s OR NOT $smallestFirst OR y2.id > s.id)
      AND {{> money-step r2 x2 y2}}
      AND CASE WHEN pruneEarly THEN {{> edge-may-count r2}} ELSE true END
  ){{{backward}}}(s)
USING JOIN ON m
WITH s, y + y2 AS ring, r + r2 AS ringRels
WHERE all(i IN range(0, size(ring) - 2) WHERE NOT ring[i] IN ring[i + 1..])
  AND any(rel IN ringRels WHERE {{> investment-relation rel}})
  AND all(rel IN ringRels WHERE {{> edge-may-count rel}})

// Fragment: one page of two-sided backers from the rivalries in scope (a, r, b, already limited to the scan), in the
// documented order (market, rivalry id, backer id) after $afterKey ([] for the first page). A backer is an investor
// (rolled up to its top-level parent when $rollUp) with investments in both sides, where a side's subsidiaries count
// for it when $rollUp, as of $asOf. Candidates are found from the one-per-pair INVESTED_IN edges, ids only (those that
// may count in the scope); the investments behind them are read, and checked, for the page's rows alone, after LIMIT.
// Each rivalry's backers are found in a subquery, and the page is ordered by the rivalry's own columns then the
// backer's: when the rivalries come in (market, id) order the planner sorts backers within a rivalry only (a partial
// top) and stops reading rivalries once the page is full, so a page searches the rivalries it shows, not every one
// scanned (548 of 20,000 for the first page at 100k companies: 4.1 s before). Expects a, b, r; returns backer, sideA,
// sideB, rivalry, investmentsA, investmentsB (investment rows: investment, investor, investee), key.
CALL (a, b, r) {
  CALL (a, b) {
    UNWIND [a, b] AS side
    CALL (side) {
      {{> group-members side m}}
      MATCH (investor:Company)-[e:INVESTED_IN]->(m)
      WHERE {{> edge-may-count e}}
      WITH DISTINCT investor
      {{> top-parent investor top}}
      RETURN collect(DISTINCT top) AS tops
    }
    RETURN collect(tops) AS sides
  }
  UNWIND [t IN sides[0] WHERE t IN sides[1] AND t <> a AND t <> b] AS backer
  WITH backer WHERE [r.market, r.id, backer.id] > $afterKey
  RETURN backer
}
WITH a, b, r, backer
ORDER BY r.market, r.id, backer.id
LIMIT $limit
WITH a, b, r, backer, [r.market, r.id, backer.id] AS key
CALL (a, b, backer) {
  UNWIND [a, b] AS side
  CALL (side, backer) {
    // Each step in its own subquery, so the order is fixed: the side's members, their investments, and only then
    // whether the investor rolls up to the backer (never the other way round, whatever the statistics say).
    {{> group-members side m}}
    CALL (m, backer) {
      MATCH (m)<-[:INTO]-(i:Investment)<-[:MADE]-(investor:Company)
      WHERE {{> fact-counts i}}
      CALL (investor, backer) {
        RETURN EXISTS {
          MATCH (investor)-[up:SUBSIDIARY_OF*0..5]->(backer)
          WHERE ($rollUp OR size(up) = 0)
            AND all(l IN up WHERE {{> edge-counts l}})
        } AS backed
      }
      WITH investor, i WHERE backed
      RETURN investor, i
    }
    WITH DISTINCT investor, i, m
    ORDER BY i.announcedOn, i.id
    RETURN collect({
      investment: {{> fact-map Investment i}},
      investor: {{> company-map investor}},
      investee: {{> company-map m}}
    }) AS investments
  }
  RETURN collect(investments) AS bySide
}
RETURN {{> company-map backer}} AS backer,
       {{> company-map a}} AS sideA,
       {{> company-map b}} AS sideB,
       COLLECT { MATCH (x:Fact {id: r.id}) RETURN {{> fact-map Rivalry x}} }[0] AS rivalry,
       bySide[0] AS investmentsA, bySide[1] AS investmentsB, key

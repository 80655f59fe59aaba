// Migration 006: one storage model. Every fact is a node with the label Fact (ids unique across all facts) plus its
// own, linked to its companies and, by CITES, to its sources. Rivalries, subsidiary links and acquisitions were
// relationships holding a sourceIds list: each becomes a fact node with the same id, properties, timestamps and
// citations, and the relationship stays as the derived edge traversals walk (its id, and the properties they read).
// Idempotent: a relationship is converted only while it still carries sourceIds. Batched, for large graphs.
CREATE CONSTRAINT fact_id IF NOT EXISTS FOR (f:Fact) REQUIRE f.id IS UNIQUE;
CREATE CONSTRAINT rivalry_node_id IF NOT EXISTS FOR (f:Rivalry) REQUIRE f.id IS UNIQUE;
CREATE CONSTRAINT subsidiary_link_node_id IF NOT EXISTS FOR (f:SubsidiaryLink) REQUIRE f.id IS UNIQUE;
CREATE CONSTRAINT acquisition_node_id IF NOT EXISTS FOR (f:Acquisition) REQUIRE f.id IS UNIQUE;
MATCH (f) WHERE (f:Investment OR f:ComputeDeal) AND NOT f:Fact
CALL (f) { SET f:Fact } IN TRANSACTIONS OF 10000 ROWS;
MATCH (a:Company)-[r:COMPETES_WITH]->(b:Company)
WHERE r.sourceIds IS NOT NULL
CALL (a, b, r) {
  MERGE (f:Fact {id: r.id})
  ON CREATE SET f:Rivalry, f.market = r.market, f.since = r.since, f.sincePrecision = r.sincePrecision, f.note = r.note,
                f.createdAt = coalesce(r.createdAt, datetime()), f.updatedAt = coalesce(r.updatedAt, datetime())
  MERGE (a)-[:COMPETES_IN]->(f)
  MERGE (b)-[:COMPETES_IN]->(f)
  WITH f, r
  CALL (f, r) {
    UNWIND r.sourceIds AS sourceId
    MATCH (s:Source {id: sourceId})
    MERGE (f)-[:CITES]->(s)
  }
  REMOVE r.sourceIds, r.note, r.createdAt, r.updatedAt
} IN TRANSACTIONS OF 5000 ROWS;
MATCH (child:Company)-[r:SUBSIDIARY_OF]->(parent:Company)
WHERE r.sourceIds IS NOT NULL
CALL (child, parent, r) {
  MERGE (f:Fact {id: r.id})
  ON CREATE SET f:SubsidiaryLink, f.since = r.since, f.sincePrecision = r.sincePrecision,
                f.createdAt = coalesce(r.createdAt, datetime()), f.updatedAt = coalesce(r.updatedAt, datetime())
  MERGE (child)-[:HELD]->(f)
  MERGE (f)-[:BY]->(parent)
  WITH f, r
  CALL (f, r) {
    UNWIND r.sourceIds AS sourceId
    MATCH (s:Source {id: sourceId})
    MERGE (f)-[:CITES]->(s)
  }
  REMOVE r.sourceIds, r.createdAt, r.updatedAt
} IN TRANSACTIONS OF 5000 ROWS;
MATCH (acquirer:Company)-[r:ACQUIRED]->(target:Company)
WHERE r.sourceIds IS NOT NULL
CALL (acquirer, target, r) {
  MERGE (f:Fact {id: r.id})
  ON CREATE SET f:Acquisition, f.kind = r.kind, f.announcedOn = r.announcedOn, f.announcedPrecision = r.announcedPrecision,
                f.amountUsd = r.amountUsd, f.amountKind = r.amountKind, f.note = r.note,
                f.createdAt = coalesce(r.createdAt, datetime()), f.updatedAt = coalesce(r.updatedAt, datetime())
  MERGE (acquirer)-[:ACQUIRES]->(f)
  MERGE (f)-[:OF]->(target)
  WITH f, r
  CALL (f, r) {
    UNWIND r.sourceIds AS sourceId
    MATCH (s:Source {id: sourceId})
    MERGE (f)-[:CITES]->(s)
  }
  REMOVE r.sourceIds, r.note, r.createdAt, r.updatedAt
} IN TRANSACTIONS OF 5000 ROWS

// Bulk import: after a batch of subsidiary links is written (same transaction), which of its children now sit in an
// ownership loop; the importer rolls the batch back if any do. Ownership chains are short; 20 levels bound the
// search, as in subsidiary/would-create-cycle. Params: $childIds. Returns: cyclic (list).
UNWIND $childIds AS id
MATCH (c:Company {id: id})
WHERE EXISTS { (c)-[:SUBSIDIARY_OF*1..20]->(c) }
RETURN collect(id) AS cyclic

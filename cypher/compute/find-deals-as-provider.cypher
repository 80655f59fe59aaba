// Compute deals in which each company supplies, announced on or before $asOf (null: all). Params: $ids, $asOf.
// Returns: id (the provider), deal, provider, customer (maps), oldest first.
// Maps list exactly the properties toComputeDealRecord and toCompanyRecord read;
// a property added there must be added here.
// The id index is hinted: on some statistics the planner read the whole index instead of seeking each id.
UNWIND $ids AS id
MATCH (provider:Company {id: id})-[:SUPPLIES]->(d:ComputeDeal)-[:TO]->(customer:Company)
USING INDEX provider:Company(id)
WHERE $asOf IS NULL OR d.announcedOn <= $asOf
RETURN id,
       d {.id, .valueUsd, .amountKind, .announcedOn, .announcedPrecision, .startsOn, .startsPrecision, .endsOn,
          .endsPrecision, .resource, .capacity, .status, .note,
          providerId: provider.id, customerId: customer.id,
          relatedInvestmentId: head([(d)-[:TIED_TO]->(ti:Investment) | ti.id]),
          sourceIds: [(d)-[:CITES]->(s:Source) | s.id]} AS deal,
       provider {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS provider,
       customer {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS customer
ORDER BY d.announcedOn, d.id

// Compute deals by id with both parties. Params: $ids. Returns: deal (map with providerId, customerId,
// relatedInvestmentId, sourceIds), provider (map), customer (map).
// Maps list exactly the properties toComputeDealRecord and toCompanyRecord read;
// a property added there must be added here.
// The id index is hinted: on some statistics the planner read the whole index instead of seeking each id.
UNWIND $ids AS id
MATCH (provider:Company)-[:SUPPLIES]->(d:ComputeDeal {id: id})-[:TO]->(customer:Company)
USING INDEX d:ComputeDeal(id)
RETURN d {.id, .valueUsd, .amountKind, .announcedOn, .announcedPrecision, .startsOn, .startsPrecision, .endsOn,
          .endsPrecision, .resource, .capacity, .status, .note,
          providerId: provider.id, customerId: customer.id,
          relatedInvestmentId: head([(d)-[:TIED_TO]->(ti:Investment) | ti.id]),
          sourceIds: [(d)-[:CITES]->(s:Source) | s.id]} AS deal,
       provider {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS provider,
       customer {.id, .name, .aliases, .kind, .country, .founded, .website, .description} AS customer

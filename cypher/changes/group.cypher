// Every change of one write (its group), in sequence order. Params: $group. Returns: change.
MATCH (c:Change)
WHERE c.seq >= $group AND c.group = $group
RETURN {{> changes/fragments/change-row}}
ORDER BY c.seq

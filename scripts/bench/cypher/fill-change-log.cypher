// Appends $entries to the change log through the very fragment every write ends with (same nodes, same head lock),
// so the change-log benchmark reads a log shaped as the product writes it. Params: $entries, $change.
WITH $entries AS changes
{{> append-changes changes}}
RETURN size(changes) AS appended

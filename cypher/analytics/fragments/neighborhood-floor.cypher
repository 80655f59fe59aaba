// Whether the neighbourhood draws a relation one of whose facts counts in the scope, given `headline` (the headline
// money of those facts): with $minAmountUsd, the headline is above zero and at least that.
($minAmountUsd IS NULL OR (headline > 0 AND headline >= $minAmountUsd))

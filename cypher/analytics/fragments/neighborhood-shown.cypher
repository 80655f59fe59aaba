// Whether the neighbourhood draws a relation, given `held` (its facts that count in the scope) and `headline` (their
// headline money): one of its facts counts and, with $minAmountUsd, the headline is above zero and at least that.
(size(held) > 0 AND ($minAmountUsd IS NULL OR (headline > 0 AND headline >= $minAmountUsd)))

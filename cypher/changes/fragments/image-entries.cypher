head([m IN [properties(i)] | [k IN keys(m) | CASE
  WHEN m[k] IS :: ZONED DATETIME AND m[k].timezone = 'Z' AND 0 <= m[k].year <= 9999 THEN [k, toString(m[k]), true]
  WHEN m[k] IS :: DATE AND 0 <= m[k].year <= 9999 THEN [k, toString(m[k])]
  ELSE [k, m[k]]
END]])

[k IN keys(i) | CASE
  WHEN i[k] IS :: ZONED DATETIME AND i[k].timezone = 'Z' AND 0 <= i[k].year <= 9999 THEN [k, toString(i[k]), true]
  WHEN i[k] IS :: DATE AND 0 <= i[k].year <= 9999 THEN [k, toString(i[k])]
  ELSE [k, i[k]]
END]

c {.*, before: head([(c)-[:BEFORE]->(b:ChangeImage) | properties(b)]), after: head([(c)-[:AFTER]->(a:ChangeImage) | properties(a)])} AS change

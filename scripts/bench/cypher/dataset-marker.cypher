// Whether the bench database holds the graph imported from a dataset file (--reuse-data). Params: $file.
// Returns: marked (0 or 1).
OPTIONAL MATCH (m:BenchDataset {file: $file})
RETURN count(m) AS marked

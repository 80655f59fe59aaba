// Marks the bench database as holding the graph of a dataset file, after its import finished (--reuse-data).
// Params: $file. Returns: nothing.
MERGE (:BenchDataset {file: $file})

// Forgets which dataset file the bench database holds (after the writes table added to it). Params: none.
// Returns: nothing.
MATCH (m:BenchDataset)
DELETE m

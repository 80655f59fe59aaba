// Readiness probe. Params: none. Returns: ok.
RETURN 1 AS ok

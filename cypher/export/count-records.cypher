// Export: how many companies and sources a full export writes, for its progress bar (from the count store).
// Params: none. Returns: companies, sources.
CALL () {
  MATCH (c:Company)
  RETURN count(c) AS companies
}
CALL () {
  MATCH (s:Source)
  RETURN count(s) AS sources
}
RETURN companies, sources

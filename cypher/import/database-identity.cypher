// The identity of the database being imported into, so a checkpoint is only resumed against the same store.
// Params: none. Returns: id, createdAt.
CALL db.info() YIELD id, creationDate
RETURN id, toString(creationDate) AS createdAt

// Logs one committed import batch as one change naming the ids it created or changed (a record written in this
// transaction has an updatedAt from it; one the import found identical keeps its old one, so a re-run of the same
// file logs nothing). It keeps no before images, so it cannot be reverted (revertible: false says so).
// Params: $entityType, $ids, $change. Returns: logged (no row when the batch changed nothing).
// @slot label: Company Source Fact
MATCH (n:{{label}})
WHERE n.id IN $ids AND n.updatedAt >= datetime.transaction()
WITH collect(n.id) AS written
WHERE size(written) > 0
WITH [{entityType: $entityType, entityId: null, entityIds: written, before: null, after: {ids: written}, companyIds: [], revertible: false}] AS changes
{{> append-changes changes}}
RETURN 1 AS logged

// Records a watch's new answer and, when it differs, its alert as a change in the log (entity type WatchAlert), in
// one transaction and only if no other process answered it since ($version): every alert is logged once. The
// watch is locked (a write) before its version is read: a WHERE read before the lock would let two processes that
// both saw the old version both commit, one after the other.
// Params: $id, $version, $answer, $reach, $seq, $alert (map or null), $anchors, $change. Returns: version.
MATCH (w:Watch {id: $id})
SET w.answering = true
WITH w, w.version = $version AS current
REMOVE w.answering
WITH w, current
WHERE current
SET w.version = w.version + 1, w.answer = $answer, w.reach = $reach, w.anchors = $anchors, w.answeredSeq = $seq, w.answeredAt = datetime()
WITH w, CASE WHEN $alert IS NULL THEN [] ELSE [{entityType: 'WatchAlert', entityId: w.id, kind: 'CREATED', before: null, after: $alert, companyIds: $anchors, revertible: false}] END AS alerts
{{> append-changes alerts}}
RETURN w.version AS version

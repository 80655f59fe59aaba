// Stores a watch with its first answer, unless its owner already holds $limit watches. Watches are Meta: not facts,
// not in the change log. Params: $id, $name, $owner, $question, $args (JSON), $answer (JSON), $reach (ids or null:
// everything), $anchors, $seq (the log position the answer reflects), $limit. Returns: created, held.
OPTIONAL MATCH (held:Watch {owner: $owner})
WITH count(held) AS held
CALL (held) {
  WITH held WHERE held < $limit
  CREATE (w:Watch:Meta {id: $id, name: $name, owner: $owner, question: $question, args: $args, answer: $answer, reach: $reach,
                        anchors: $anchors, answeredSeq: $seq, answeredAt: datetime(), version: 0, createdAt: datetime()})
  RETURN true AS created
}
RETURN coalesce(created, false) AS created, held

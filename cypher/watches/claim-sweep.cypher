// Claims the day's re-answer of every watch (a date passing can change an answer): the first process to ask for a
// day gets it, so the sweep runs once across processes. Params: $day, $by. Returns: claimed.
MERGE (s:WatchSweep:Meta {day: $day})
ON CREATE SET s.by = $by, s.at = datetime(), s.fresh = true
WITH s, coalesce(s.fresh, false) AS claimed
REMOVE s.fresh
RETURN claimed

// The id of the source with a url, if any. Params: $url. Returns: id.
MATCH (s:Source {url: $url})
RETURN s.id AS id

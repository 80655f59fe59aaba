// The import's batch of sources: written as the API writes them, logged once per batch by the import (see
// changes/log-batch), not once per source. Params: $sources (as source/upsert-sources). Returns: id per source.
{{> source/fragments/write-sources}}
RETURN s.id AS id

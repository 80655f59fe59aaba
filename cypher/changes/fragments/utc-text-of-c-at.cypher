CASE WHEN c.at.timezone = 'Z' AND 0 <= c.at.year <= 9999 THEN toString(c.at) ELSE c.at END

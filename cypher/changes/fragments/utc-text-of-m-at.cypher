CASE WHEN m.at.timezone = 'Z' AND 0 <= m.at.year <= 9999 THEN toString(m.at) ELSE m.at END

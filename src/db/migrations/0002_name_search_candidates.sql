-- Tolerant name search that can use its indexes. Under row-level security PostgreSQL will not use an
-- index for a condition whose operator is not leakproof (pg_trgm's % and <%, dmetaphone), so every
-- search read the whole people table. This function runs as the owner, outside the policies, and
-- so filters by the council itself; it returns only ids and scores, and the caller joins them back to
-- people under row-level security and the user's own access rules.
CREATE OR REPLACE FUNCTION hearth_child_name_candidates(q text, first_word text, last_word text, max_rows integer)
RETURNS TABLE (person_id integer, score real)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id,
    (word_similarity(q, p.search_name) + similarity(p.search_name, q)
      + CASE WHEN dmetaphone(p.surname) = dmetaphone(last_word)
              AND (first_word IS NULL OR dmetaphone(p.forename) = dmetaphone(first_word)) THEN 0.5 ELSE 0 END)::real
  FROM people p
  WHERE p.local_authority_id = nullif(current_setting('hearth.la_id', true), '')::integer
    AND p.person_type = 'child'
    AND (p.search_name % q
      OR q <% p.search_name
      OR (first_word IS NULL AND (dmetaphone(p.surname) = dmetaphone(last_word) OR dmetaphone(p.forename) = dmetaphone(last_word)))
      OR (first_word IS NOT NULL AND dmetaphone(p.surname) = dmetaphone(last_word) AND dmetaphone(p.forename) = dmetaphone(first_word)))
  ORDER BY 2 DESC, p.id
  LIMIT max_rows
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION hearth_child_name_candidates(text, text, text, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION hearth_child_name_candidates(text, text, text, integer) TO hearth_app;

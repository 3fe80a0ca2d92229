-- Trigram indexes for log text search (0008). Both are trusted extensions since PostgreSQL 13: the
-- database owner may create them; otherwise a superuser creates them once and this does nothing.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;

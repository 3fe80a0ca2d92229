-- A search for a rare part of a name ("04a91") is estimated from the names the histogram holds. With
-- 101 of them, one that happens to contain the part makes the planner expect 1 % of all tenants to
-- match, and it walks every name in order instead of reading the trigram index. A thousand bounds
-- bring that estimate down to 0.1 %, below where the ordered walk wins.
ALTER TABLE "tenants" ALTER COLUMN "name" SET STATISTICS 1000;

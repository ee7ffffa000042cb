-- Anonymous snapshots are limited per address by the one limiter of 010 (rate_limit_hits): the
-- snapshot table's own address ledger from 007 and the key that hashed the addresses go.
DROP INDEX snapshots_ip_created;
ALTER TABLE snapshots DROP COLUMN created_ip_hash;
DROP TABLE app_secrets;

-- Issue 16, safe on the public internet: nothing a client sends can make a statement fail.

-- The API accepts a close reason of up to 255 characters (POST /api/chat/close); the column held
-- 50, so a longer reason failed the update with a 500.
ALTER TABLE chat_sessions ALTER COLUMN close_reason TYPE varchar(255);

-- Mail dedup keys are stored as the SHA-256 (hex) of what they name, so a key always fits its
-- column whatever the address or topic in it. Keys queued before this version are hashed the same
-- way: a transcript mailed before the upgrade is still not mailed twice.
UPDATE mail_outbox
   SET dedup_key = encode(sha256(convert_to(dedup_key, 'UTF8')), 'hex')
 WHERE dedup_key !~ '^[0-9a-f]{64}$';
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_dedup_key_hashed CHECK (dedup_key ~ '^[0-9a-f]{64}$');

-- Issue 17: staff access an admin can take back. Every staff token carries the account's
-- token_version when it was issued; the server checks it on every request and every staff socket
-- sign-in. Signing out, changing a password (one's own or by an admin), deactivating, and changing
-- an account's role or departments add one, so every token issued before stops working at once.
ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0;

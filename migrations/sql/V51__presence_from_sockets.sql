-- Issue 17 item 8: presence that tells the truth. An agent is online for routing only while a staff
-- socket of it is open on some node: every node writes socket_seen_at for the staff sockets it
-- holds (on sign-in and every quarter of PRESENCE_GRACE); an online agent not seen for longer than
-- the grace (counted from the later of socket_seen_at and status_changed_at) is set away, with
-- away_by_absence, so its next socket brings it back online by itself. A status the agent sets
-- itself clears away_by_absence.
ALTER TABLE users
    ADD COLUMN socket_seen_at  timestamptz,
    ADD COLUMN away_by_absence boolean NOT NULL DEFAULT false;

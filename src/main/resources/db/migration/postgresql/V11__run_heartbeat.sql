-- When the process running a run last said it still runs it (every 20 seconds while it does), as an ISO-8601 instant:
-- a run of a process on another host (another container, say), whose process cannot be asked, is presumed gone once
-- this is a few minutes old, and can then be resumed or abandoned. Empty for runs recorded before.
ALTER TABLE load_run ADD COLUMN heartbeat_at TEXT COLLATE "C";

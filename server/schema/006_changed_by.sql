-- Who made each version (the actor of the request: the staff member signed in at the server or
-- named by a workstation's push, or a workstation acting alone; '' for the server's own
-- writes, e.g. a message's delivery state), returned in
-- meta so that a workstation can show who changed a record it must reconcile (issue 17,
-- Conflicts). '' for versions stored before this column.
ALTER TABLE resources ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE resource_versions ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';

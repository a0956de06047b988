<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccessCommands</name>
    <message>
        <source>No password on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password for %1 (at least %2 characters): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same password again: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No staff accounts yet. Add the first administrator with: frontdeskctl user add NAME --role admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database already has staff accounts; demo accounts are only added to a database without any.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added the demo accounts receptionist, nurse, manager and admin, each with the password &quot;%1&quot;. They are for the demo only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user needs a sub-command: add, disable, enable, list, passwd, role or demo-accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user %1 needs exactly one user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user %1 takes no further arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user %1 needs --role receptionist|nurse|manager|admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown role &quot;%1&quot;: use receptionist, nurse, manager or admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown user sub-command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already an account named %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no account named %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is disabled and can no longer sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of %1 was changed; any lock-out is lifted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail was tampered with. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The audit trail is intact: %n entries, each chained to the one before.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>--limit must be a whole number of at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patient %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit needs one sub-command: verify or list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--days must be a whole number from 0 (keep all) to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages are kept on this workstation without a time limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages are kept on this workstation for %1 days; %2 older local copies were removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage staff accounts (passwords are read from standard input).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receptionist, nurse, manager or admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name shown for the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the audit trail&apos;s hash chain, or list its entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only entries about this patient id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only entries by this user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only entries of this action (e.g. read, update, login).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the newest N entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep messages on this workstation for N days and remove older local copies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days to keep (0: keep all).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccessGuard</name>
    <message>
        <source>This patient has no appointment today. To open their clinical record anyway, give the reason (at least 5 characters); it is recorded in the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AllergyRepository</name>
    <message>
        <source>An allergy needs a patient and a substance.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppointmentRepository</name>
    <message>
        <source>An appointment needs a patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An appointment needs a practitioner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An appointment must end after it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An appointment can last at most 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown appointment status &quot;%1&quot; in the database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppointmentTypeRepository</name>
    <message>
        <source>An appointment type needs a code and a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default length must be between 5 minutes and 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already an appointment type with the code &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Could not read the audit trail: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the audit trail: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditQuery</name>
    <message>
        <source>Could not read the audit trail: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the export: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditVerifier</name>
    <message>
        <source>Could not read the audit trail: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 is missing: it was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries %1 to %2 are missing: they were deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 (%2) was edited: its content no longer matches its hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 (%2) should start the chain but points at another entry: the entries before it were removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 (%2) does not follow entry %3: entry %3 was replaced or rewritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the audit checkpoint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit checkpoint is missing, so removed newest entries could not be noticed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1, the newest, is missing: it was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries %1 to %2, the newest, are missing: they were deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain&apos;s end (entry %1, %2 entries) does not match the checkpoint (entry %3, %4 entries): the trail or its checkpoint was altered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AutoLockSetting</name>
    <message>
        <source>The idle time before the workstation locks must be from 1 to %1 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingService</name>
    <message>
        <source>%1–%2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (ends %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appointment %1 was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already booked then: %2, %3 (appointment %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient %1 has another appointment then: with %2, %3 (appointment %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in use then: %2 with %3, %4 (appointment %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The practitioner is not available then (%1, %2%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not booked. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This appointment is already booked; move it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new appointment starts as booked or confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this appointment since it was shown; it was not moved. Look at it again and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 appointment cannot be moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no status change to revert on this appointment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The status cannot be reverted: the time is taken. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A series starts from a new appointment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first appointment&apos;s time does not exist in the clinic&apos;s time zone on that day (a DST change); choose another time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The series was not booked (appointment %1 of %2, %3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a time within the day and a positive length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This appointment is not part of a series.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The series was not changed (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no active practitioner with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommunicationPreference</name>
    <message>
        <source>A preference needs a patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown purpose &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown channel &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours must lie within the day.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConditionRepository</name>
    <message>
        <source>A condition needs a patient and a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <source>A consent needs a patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what the consent is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A consent is either given or withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A consent needs the date it was decided.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentRepository</name>
    <message>
        <source>Could not store the scanned consent: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoverageRepository</name>
    <message>
        <source>Insurance needs a patient and a payer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ctl</name>
    <message>
        <source>The data directory (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the database key in this file (mode 0600) instead of the OS keychain. Weaker: for headless servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frontdeskctl: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: frontdeskctl [--data-dir DIR] [--key-file PATH] COMMAND [options]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run frontdeskctl COMMAND --help for a command&apos;s options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no command given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no Frontdesk database in %1. Create one with: frontdeskctl --data-dir %1 init</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataDirectory</name>
    <message>
        <source>Could not create the data directory %1. Check that its parent exists and is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the lock file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database in %1 is in use by another program (is Frontdesk open on this workstation?). Close it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database in %1 is being re-keyed or wiped right now. Try again when that has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An interrupted key rotation was found. The database still uses its previous key, which remains in %1; the unfinished copy was removed. Run the rotation again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neither stored key opens %1.
With the current key: %2
With the key of an interrupted rotation: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An interrupted key rotation was completed: the database uses the new key, now stored in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no database in %1 to rotate the key of.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is in use by another program (is Frontdesk open on this workstation?). Close it and run the rotation again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not make a new random key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The re-encrypted copy failed its check; the database was left as it was. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not flush %1 to disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not put the re-encrypted database in place; the previous key still opens it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was re-encrypted, but the new key could not be stored as the current one (%1). It is kept as the pending key; the next start finishes the rotation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database key was rotated; the new key is stored in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no data directory %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove %1. The key was kept so the data stays readable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database files were removed, but its key could not be removed from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frontdesk cannot write in its data directory %1 (%2). Make the directory and its files writable by this user, or mount its disk read-write, and try again. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk that holds the data directory %1 is full (%2). Free some space and try again. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The database key must be %1 bytes; got %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not switch %1 to WAL journaling: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not configure %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start a transaction: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not prepare schema versioning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has schema version %1, newer than this Frontdesk understands (%2). Install the newer Frontdesk that wrote it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 failed; the database stays at version %2.
Statement: %3
Error: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 could not be recorded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLCipher is not active: the database would not be encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The integrity check could not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrity: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The foreign-key check could not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreign key: row %1 of %2 points to a missing %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new key must be %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will not export over the existing file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not copy the database to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not close %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the setting %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk that holds the database is full. Free some space and try again; the change that failed was not saved, everything saved before it is intact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be written: its file or its data directory is read-only for this user, or its disk is mounted read-only. Make them writable and try again; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk reported a read or write error. Check the disk and its free space; the change that failed was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the data directory exists and that this user may read and write it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseCommands</name>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown time zone &quot;%1&quot; (use an IANA name such as Europe/Berlin).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database in %1 is ready (schema version %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created an encrypted database in %1 (schema version %2); its key is in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed needs --patients N and --appointments M.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--patients must be a whole number from 1 to 10000000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--appointments must be a whole number from 0 to 100000000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--today must be a date as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeding: %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeded %1 patients, %2 practitioners, %3 rooms, %4 appointments and %5 messages in %6 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1 (SQLCipher %2, schema version %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: encrypted with SQLCipher %2, schema version %3, integrity ok.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wipe asks for confirmation; pass --yes when running it from a script.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This removes %1 and its key for good. Type &quot;wipe&quot; to confirm: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wiped %1: the database files and its key are gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the encrypted database (and its key) in the data directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s time zone (IANA), default Europe/Berlin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add realistic, deterministic demo data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many patients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many appointments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The random seed (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day the demo clinic calls today (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row counts per table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the database&apos;s integrity and encryption.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-encrypt the database with a new random key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the database, its WAL and journal files, and its key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not ask for confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseKeys</name>
    <message>
        <source>Could not read the database key for %1 from %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; in %2 is not a database key: it holds %3 bytes instead of %4. Frontdesk will not open the database in %5 with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing to store a database key of %1 bytes; it must be %2 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not store the database key for %1 in %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database in %1 exists, but its key (entry &quot;%2&quot;) is missing from %3.
Frontdesk will not create a new key over existing data: the data could never be read again.
To go on, do one of these:
- restore the keychain entry (for example from a backup of the keychain), then start Frontdesk again;
- if the key was saved to a key file, start Frontdesk with --key-file PATH pointing to that file;
- or run `frontdeskctl wipe` to delete this database and start over. All data in it is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not generate a database key: libsodium failed to initialise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading it back found no entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading it back gave a different key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new database key for %1 was not kept by %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove the pending database key for %1 from %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove the database key for %1 from %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayListExport</name>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day list %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1; check that the folder exists and can be written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoSeeder</name>
    <message>
        <source>Seeding needs at least one patient and no negative number of appointments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown time zone &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treatment room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consulting room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled by patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled by clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your appointment on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder: your appointment is on %1. Reply C to confirm or R to reschedule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeding failed; nothing was added: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DuplicateScore</name>
    <message>
        <source>same name and birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>family and given name swapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>similar name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>birth date with day and month swapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EncounterRepository</name>
    <message>
        <source>An encounter needs a patient.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FhirExporter</name>
    <message>
        <source>The patient %1 was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FhirImporter</name>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no .json files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not valid JSON at byte %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a FHIR Bundle (resourceType must be &quot;Bundle&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the Bundle has no entry array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: entry %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: entry %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: has no resource object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the resource has no resourceType.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 has no identifier, fullUrl or id, so a second import could not recognise it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DocumentReference: content[0].attachment.data is missing or not base64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 does not say which patient it belongs to (subject, patient or beneficiary).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: DocumentReference names no encounter (context.encounter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 refers to the patient &quot;%3&quot;, which is neither in this bundle nor in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 refers to the encounter &quot;%3&quot;, which is neither in this bundle nor in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FhirMapping</name>
    <message>
        <source>%1 must be a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[0] must be an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a FHIR dateTime.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a date (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resourceType is &quot;%1&quot;, expected %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Patient has no identifier to use as its medical record number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name.given must hold strings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Patient has no family name (name.family).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gender &quot;%1&quot; is not female, male, other or unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Encounter has no status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class must be a Coding object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>period.end lies before period.start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Condition has no code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the AllergyIntolerance has no code (the substance).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the medication has no medicationCodeableConcept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the medication has no status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Observation has no status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Observation has no code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.value must be a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Immunization has no vaccineCode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Immunization has no status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Coverage has no status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Coverage names no payor.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImmunizationRepository</name>
    <message>
        <source>An immunization needs a patient and a vaccine.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyFileSecretStore</name>
    <message>
        <source>the key file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the key file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check the permissions of the key file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 is not a regular file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 has mode %2, which lets other users read it, so Frontdesk refuses to use it. Make it private to its owner with: chmod 600 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the key file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frontdesk leaves it untouched; restore it from a backup or move it aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 is not valid JSON (%2 at offset %3). %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 does not hold a JSON object of account names and keys. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 has an invalid entry &quot;%2&quot;: its value is not a base64 string. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the key file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not make the key file %1 private to its owner (mode 0600).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the key file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>Start Frontdesk inside a desktop session, or run it under `dbus-run-session` with gnome-keyring-daemon started and unlocked, or pass --key-file PATH to keep the key in a file readable only by you instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read &quot;%1&quot; from the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not store &quot;%1&quot; in the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove &quot;%1&quot; from the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused access: it may be locked, or access was declined. Unlock the Secret Service (e.g. gnome-keyring or KWallet) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not delete the entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Secret Service (e.g. gnome-keyring or KWallet) on the D-Bus session bus is missing, or has no unlocked default keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 %3 (QtKeychain: %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the OS keychain (Secret Service, service &apos;%1&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the OS keychain (service &apos;%1&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain can only be used once the application has started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frontdesk keeps its database key in the OS keychain, which is reached through the D-Bus session bus, and there is no D-Bus session here (DBUS_SESSION_BUS_ADDRESS is not set). %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain did not answer within %1 seconds while reading &quot;%2&quot;. It may be waiting to be unlocked in a dialog that is hidden or cannot be shown. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain did not answer within %1 seconds while storing &quot;%2&quot;. It may be waiting to be unlocked in a dialog that is hidden or cannot be shown. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OS keychain did not answer within %1 seconds while removing &quot;%2&quot;. It may be waiting to be unlocked in a dialog that is hidden or cannot be shown. %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocationRepository</name>
    <message>
        <source>A room or location needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MedicationRepository</name>
    <message>
        <source>A medication needs a patient and a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemorySecretStore</name>
    <message>
        <source>the in-memory secret store</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageRepository</name>
    <message>
        <source>A message needs a patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message goes by sms or email; got &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageRetention</name>
    <message>
        <source>Messages are kept from 1 to %1 days, or 0 for always.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove old messages: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObservationRepository</name>
    <message>
        <source>An observation needs a patient and a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>Could not queue the change for sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordHash</name>
    <message>
        <source>Could not hash the password: libsodium failed to initialise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not hash the password: not enough memory for Argon2id.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordPolicy</name>
    <message>
        <source>The password is too short: it has %1 characters and needs at least %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must not start or end with a space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This password is on the list of common passwords that attackers try first. Choose another one, e.g. several unrelated words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must not contain the user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password repeats too few different characters (%1); use more.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientAlert</name>
    <message>
        <source>An alert needs a patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An alert needs a text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity must be info, warning or high.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientCommands</name>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search needs the text to look for, e.g. frontdeskctl search &quot;mueller anna&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit must be a number from 1 to 1000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexed %1 patients in %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No patient matches &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import-fhir needs one FILE or DIR of FHIR R4 Bundles (.json).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: not imported (%n problem(s); nothing from this file was kept):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: imported %2 (%3 new, %4 updated, %5 unchanged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not kept locally: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 files were not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export-fhir needs --patient ID (the id from search --json).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the record of patient %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit must be a positive number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No possible duplicates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merge needs --survivor ID and --merged ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot; in --take (fields: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged %1 into %2 (%3). Moved: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find patients by name, birth date, phone, MRN or e-mail, best match first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most N results (default 20).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuild the search index first (TEXT may then be left out).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import FHIR R4 Bundles (as Synthea writes them) into the local database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write one patient&apos;s record as a FHIR R4 Bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient&apos;s id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to FILE instead of standard output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List possible duplicate patients, most likely first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most N pairs (default 50).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge a duplicate patient into the surviving record (kept as a link).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record that stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record merged into it (kept as a link).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields to take from the merged record, e.g. phoneMobile,email.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientMerge</name>
    <message>
        <source>MRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency contact relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency contact phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patient cannot be merged with itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) was already merged into another record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no patient field &quot;%1&quot; to choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merge was not done: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientRepository</name>
    <message>
        <source>The MRN %1 already belongs to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientSearch</name>
    <message>
        <source>Could not update the patient search index: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not rebuild the patient search index: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientTimeline</name>
    <message>
        <source>Appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from the patient (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to the patient (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent withdrawn: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorded by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurance added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligibility checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> with %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientValidation</name>
    <message>
        <source>A patient needs a medical record number (MRN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patient needs a family name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date %1 is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date is before 1880.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex must be female, male, other or unknown; got &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a phone number of 6 to 15 digits, e.g. +49 170 1234567 or 0170 1234567.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an e-mail address such as name@example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail is the preferred channel: enter an e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS is the preferred channel: enter a mobile number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose number is the emergency phone? Enter their name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>see the schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>book, move or check in appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>see patients&apos; details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change patients&apos; details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>see messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>see clinical summaries and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change clinical notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>see dashboards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>see the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>double-book a practitioner or room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manage staff accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wipe this workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlock another person&apos;s session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PractitionerRepository</name>
    <message>
        <source>A practitioner needs a family name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slot length must be between 5 and 240 minutes; got %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileItemDialog</name>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Needs an interpreter (Turkish)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High — shown first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach scanned document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents (*.pdf *.png *.jpg *.jpeg *.tif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Consent to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Payer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Member id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid &amp;from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid &amp;to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Eligibility:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communication preference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinical results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opted out: send nothing for this purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quiet from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet &amp;until:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordStore</name>
    <message>
        <source>%1 has no field %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the new %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 %2 no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This %1 was changed by someone else since it was opened (version %2, now %3). Reopen it to see their change, then edit again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 %2 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This %1 was changed by someone else since it was opened; reopen it before deleting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete the %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Recurrence</name>
    <message>
        <source>A series needs a first date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A series repeats every 1 to 52 weeks or months; got %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A series ends either on a date or after a number of appointments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A series can have at most %1 appointments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of appointments must be positive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The series would end (%1) before it starts (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The series would have more than %1 appointments; end it sooner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time of day must lie within the day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An appointment must last at least a minute.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Repository</name>
    <message>
        <source>No %1 with id %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Receptionist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleAdminDialog</name>
    <message>
        <source>Choose an entry first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleCommands</name>
    <message>
        <source>&quot;%1&quot; is not an ISO 8601 date and time (e.g. 2026-05-04T09:00 or 2026-05-04T07:00:00Z).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist in %2 (the clocks skip it for daylight saving time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>book needs --patient ID, --practitioner ID, --start ISO8601 and --minutes N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--minutes must be a whole number from 1 to 1440.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>book needs --minutes N (or --type with a known type).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown appointment type &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slots needs --practitioner ID|any, --from ISO8601, --minutes N and --count K.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--count must be a whole number from 1 to 1000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--weekdays takes numbers from 1 (Monday) to 7 (Sunday), e.g. 1,3,5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--between takes time windows like 08:00-12:00,14:00-16:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No free slot in the next 120 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day needs --date YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--date must be a date as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status needs --appointment ID and either --to STATUS or --revert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown status &quot;%1&quot;; one of booked, confirmed, arrived, in-room, completed, cancelled, no-show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--by is patient or clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Books an appointment; prints its id (exit 3 on a conflict, naming it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient&apos;s id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The practitioner&apos;s id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start, ISO 8601; without an offset in the clinic&apos;s time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length in minutes (default: the type&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment type code, e.g. consultation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room&apos;s id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book over a conflict (managers; audited).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists the next free slots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A practitioner&apos;s id, or any.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earliest start, ISO 8601.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length wanted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many slots.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred weekdays, 1 = Monday, e.g. 1,3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred times of day, e.g. 08:00-12:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out times the patient is booked elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists one day&apos;s appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day, in the clinic&apos;s time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this practitioner&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes an appointment&apos;s status (exit 3 when not allowed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appointment&apos;s id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>booked, confirmed, arrived, in-room, completed, cancelled, no-show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why (needed to cancel).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who cancelled: patient or clinic (default clinic).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take back the latest status change.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleExceptionRepository</name>
    <message>
        <source>Time off must end after it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave belongs to a practitioner; choose one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleLoader</name>
    <message>
        <source>Choose a valid day and from 1 to 31 days.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins: the account %1 is locked for %n more minute(s). An administrator can set a new password to unlock it now.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The password is wrong. After %1 failed tries the account %2 is locked for %3 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account %1 is disabled. Ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SqlCipherResult</name>
    <message>
        <source>The database connection is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statement is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unable to prepare the statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The query contains no SQL statement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The query contains more than one statement; the QSQLCIPHER driver runs one statement at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The query was not prepared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statement has %1 placeholders, but %2 values were bound.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot bind a value of type %1 to placeholder %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unable to bind placeholder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unable to execute the statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unable to fetch the next row</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffAccountRepository</name>
    <message>
        <source>A user name has 2 to 64 letters, digits, dots, dashes or underscores and starts with a letter or digit; &quot;%1&quot; does not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already an account named %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the account %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the password of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no account named %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the last active administrator; make another administrator first, or nobody could manage accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the last active administrator; make another administrator first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <source>The data directory (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the database key in this file (mode 0600) instead of the OS keychain. Weaker: for test and demo machines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start on this view: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frontdesk, the front desk of a clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frontdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Run frontdesk --help for the options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;. Run frontdesk --help for the options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown view &quot;%1&quot;; choose one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frontdesk could not open its database in %1.

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation could not be wiped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation was wiped: its database and key are gone. Frontdesk starts again as new.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusHistoryRepository</name>
    <message>
        <source>The status history is never rewritten; record a revert instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A status change belongs to an appointment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusTransitions</name>
    <message>
        <source>The appointment is already %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The appointment is %1, which is final: it cannot become %2. If the status was set by mistake, revert it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An appointment that is %1 cannot become %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the appointment is cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say who cancelled the appointment: the patient or the clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a cancellation names who cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patient can only be marked as not having come once the appointment has begun.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WaitlistRepository</name>
    <message>
        <source>A waitlist entry needs a patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The wanted length must be between 5 minutes and 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time-of-day window must end after it starts, within one day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekdays are 1 (Monday) to 7 (Sunday); got %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown waitlist status &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkingHoursRepository</name>
    <message>
        <source>The weekday must be 1 (Monday) to 7 (Sunday); got %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working hours must end after they start, within one day.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::AccessController</name>
    <message>
        <source>&amp;Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audit Trail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-Lock &amp;Time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wipe This Workstation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the workstation after this many idle minutes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wipe this workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This removes the database, its WAL and journal files and its key from this workstation for good. Changes not yet sent to the server are lost. Frontdesk then starts as new.

Type WIPE to confirm:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::AppointmentDayModel</name>
    <message>
        <source>Could not load the appointments of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>appointment start – end</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Notes: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::AuditTrailModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::AuditViewer</name>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patient id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(anyone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest %1 entries that match; narrow the filter to see older ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries match.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The audit trail is intact: %n entries, each chained to the one before.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The audit trail was tampered with. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::BookingDialog</name>
    <message>
        <source>Book an appointment on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, birth date, phone or MRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book even if the time is taken (double-booking, recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ractitioner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;oom:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;peat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — born %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the patient first: type part of the name and pick them from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That time does not exist on this day (the clocks change); choose another.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::CancelDialog</name>
    <message>
        <source>Cancel the appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel &amp;appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reason is needed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::DashboardModel</name>
    <message>
        <source>Could not compute the dashboard: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-show rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All appointments starting in the period, whatever their status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments marked completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments the patient did not come to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments cancelled by the patient or the clinic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-shows as a share of the appointments that were not cancelled, including those still to come in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Different patients who were in a room or completed a visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::DashboardView</name>
    <message>
        <source>Figures from this workstation&apos;s database. Rest the pointer on a figure to see how it is counted.</source>
        <translation>Zahlen aus der Datenbank dieses Arbeitsplatzes. Zeigen Sie auf eine Zahl, um zu sehen, wie sie gezählt wird.</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Heute, %1</translation>
    </message>
</context>
<context>
    <name>frontdesk::DatabaseTableModel</name>
    <message>
        <source>Waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected by server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::DayCalendarView</name>
    <message>
        <source>confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No practitioner works on this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2 %3
%4 with %5
%6
Room: %7</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::DayScheduleModel</name>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::FigureTile</name>
    <message>
        <source>%1: %2</source>
        <comment>period: value</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::FindSlotDialog</name>
    <message>
        <source>Find the next available time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;With:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred days (none: any):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Book this time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No free time in the next 120 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search first, then choose a time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::LockScreen</name>
    <message>
        <source>Frontdesk — locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Frontdesk is locked.&lt;/b&gt;&lt;br&gt;%1 is signed in. Enter their password, or an administrator&apos;s, to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Frontdesk is locked.&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frontdesk is locked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::MainWindow</name>
    <message>
        <source>Frontdesk — %1</source>
        <translation>Frontdesk — %1</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>&amp;Terminplan</translation>
    </message>
    <message>
        <source>&amp;Patients</source>
        <translation>&amp;Patienten</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>&amp;Nachrichten</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Übersicht</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Find Patient…</source>
        <translation>Patient &amp;suchen…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Frontdesk</source>
        <translation>&amp;Über Frontdesk</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Frontdesk</source>
        <translation>Frontdesk</translation>
    </message>
    <message>
        <source>About Frontdesk</source>
        <translation>Über Frontdesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Frontdesk %1&lt;/h3&gt;&lt;p&gt;The front desk of a clinic: appointments, patients, messages and figures, on a workstation that keeps working when the network is down.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;&lt;p&gt;Built with Qt %3, running on Qt %4.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::MergeDialog</name>
    <message>
        <source>Possible duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;wap surviving record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pairs of records that may be the same person, most likely first. Select one to compare and merge it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (MRN %2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No possible duplicates found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Field&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Keep (surviving record)&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Take from the merged record&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge %1 (MRN %2) into %3 (MRN %4)? Appointments, messages, consents, insurance and clinical records move to the surviving record; the merged record stays as a link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged. %1 now holds both records.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::MessageListModel</name>
    <message>
        <source>Could not load the messages: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (received)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>subject — body</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject: %1

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::MessagesView</name>
    <message>
        <source>Recent messages</source>
        <translation>Letzte Nachrichten</translation>
    </message>
    <message>
        <source>The latest message</source>
        <translation>Die letzte Nachricht</translation>
    </message>
    <message numerus="yes">
        <source>The latest %Ln messages</source>
        <translation>
            <numerusform>Die letzte Nachricht</numerusform>
            <numerusform>Die letzten %Ln Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 · %3 · %4 · %5&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Subject: %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientEditor</name>
    <message>
        <source>&amp;Family name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day.month.year, year-month-day or month/day/year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;MRN *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. de, en, tr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;obile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Home phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;ferred channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;untry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Emergency contact&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pho&amp;ne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date; enter it like %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientListModel</name>
    <message>
        <source>Could not load the patient list: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load more patients: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile: %1
Home: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientProfile</name>
    <message>
        <source>The insurance ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientProfileView</name>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since / checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;alert…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record c&amp;onsent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;insurance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;preference…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Consents &amp;&amp; insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;New patient&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>born %1 (%n years)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;h2&gt;%1&lt;/h2&gt;MRN %2 · %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communication preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quiet %1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opted out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none recorded: the preferred channel applies)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorded by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member %1, group %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eligibility: %1 (checked %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eligibility not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to edit or record an eligibility check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the clinical summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;linical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no appointment today. Why do you open the clinical record? (recorded in the audit trail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No known allergies recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest vitals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past encounters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (MRN %2, born %3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This patient may already be registered:

%1

Open the existing record instead, or save a new one anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open existing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientsView</name>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suche:</translation>
    </message>
    <message>
        <source>1 patient matches</source>
        <translation>1 Patient gefunden</translation>
    </message>
    <message numerus="yes">
        <source>%Ln patients match</source>
        <translation>
            <numerusform>%Ln Patient gefunden</numerusform>
            <numerusform>%Ln Patienten gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>1 patient</source>
        <translation>1 Patient</translation>
    </message>
    <message numerus="yes">
        <source>%Ln patients</source>
        <translation>
            <numerusform>%Ln Patient</numerusform>
            <numerusform>%Ln Patienten</numerusform>
        </translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Name, birth date, phone, MRN or e-mail</source>
        <translation>Name, Geburtsdatum, Telefon, Patientennummer oder E-Mail</translation>
    </message>
    <message>
        <source>Finds patients by name (in any order, accents and case ignored), birth date, phone number, MRN or e-mail, best match first (Ctrl+F). Press Enter or Down to go to the results, Enter again to open the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Patient…</source>
        <translation>&amp;Neuer Patient…</translation>
    </message>
    <message>
        <source>&amp;Duplicates…</source>
        <translation>&amp;Dubletten…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Neuer Patient</translation>
    </message>
</context>
<context>
    <name>frontdesk::ScheduleAdminDialog</name>
    <message>
        <source>Schedule settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Working hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment t&amp;ypes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code, e.g. ultrasound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2–%3 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2: %3, %4 %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the whole clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) — %3 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The colour must be like #4e79a7.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::SchedulePanel</name>
    <message>
        <source>◀</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous day (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next day (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By practitioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of one practitioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practitioner filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment type filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find next available…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day list (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the day list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day-list-%1.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the day list to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waitlist…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Con&amp;firm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into the &amp;room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ancel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revert the last status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All practitioners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n appointment(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not undo %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the rest of the series</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n appointment(s) of the series; each can be reverted on its own.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the cancellation</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s) of the series now at this time.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Set by mistake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The status is back to “%1”; the history keeps both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The freed time at %1 suits %n patient(s) on the waitlist: %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Move the rest of the series to this time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the rest of the series…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::ScheduleView</name>
    <message>
        <source>◀</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Vorheriger Tag</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Heute</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>Zu heute</translation>
    </message>
    <message>
        <source>▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Nächster Tag</translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation>Angezeigter Tag</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Heute, %1</translation>
    </message>
    <message>
        <source>1 appointment</source>
        <translation>1 Termin</translation>
    </message>
    <message numerus="yes">
        <source>%Ln appointments</source>
        <translation>
            <numerusform>%Ln Termin</numerusform>
            <numerusform>%Ln Termine</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Practitioner: %1&lt;br&gt;Room: %2&lt;br&gt;Type: %3&lt;br&gt;Status: %4&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Reason: %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Notes: %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation>&amp;Kalender</translation>
    </message>
    <message>
        <source>Calendar or list (%1)</source>
        <translation>Kalender oder Liste (%1)</translation>
    </message>
</context>
<context>
    <name>frontdesk::Session</name>
    <message>
        <source>Sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workstation is locked. Unlock it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As %1, %2 may not %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already signed in; sign out first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 or an administrator can unlock this session.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::SignInDialog</name>
    <message>
        <source>Sign in — Frontdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First start — Frontdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Sign in with your own staff account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;This workstation has no staff accounts yet. Create the first administrator; they can add everyone else (frontdeskctl user add).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least %1 characters, not a common password. Several unrelated words work well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::SqlCipherDriver</name>
    <message>
        <source>%1 needs a number of milliseconds, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown connect option &quot;%1&quot; (the QSQLCIPHER driver knows %2 and %3=&lt;milliseconds&gt;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database key was given; Frontdesk never opens a database unencrypted. Refusing to open %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database key must be exactly %1 hexadecimal digits (a raw 256-bit key). Refusing to open %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the database %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLCipher is not active in this process (PRAGMA cipher_version gave no answer): the process reached plain SQLite, which would store patient data unencrypted. Refusing to open %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not apply the key to the database %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 could not be decrypted: the key is wrong, or the file is not a Frontdesk database. The file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unable to begin the transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unable to commit the transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unable to roll back the transaction</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::SyncStatus</name>
    <message>
        <source>Could not count the changes waiting to sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::SyncStatusWidget</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline — no server configured</source>
        <translation>Offline — kein Server eingerichtet</translation>
    </message>
    <message>
        <source>no changes waiting</source>
        <translation>keine Änderungen ausstehend</translation>
    </message>
    <message>
        <source>1 change waiting</source>
        <translation>1 Änderung ausstehend</translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes waiting</source>
        <translation>
            <numerusform>%Ln Änderung ausstehend</numerusform>
            <numerusform>%Ln Änderungen ausstehend</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>connection · changes waiting</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Changes made on this workstation are kept safely in its database and will be sent once a sync server is configured.</source>
        <translation>Änderungen an diesem Arbeitsplatz bleiben sicher in seiner Datenbank und werden gesendet, sobald ein Abgleichserver eingerichtet ist.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source> (last synced %1)</source>
        <translation> (zuletzt abgeglichen %1)</translation>
    </message>
    <message>
        <source> (never synced)</source>
        <translation> (noch nie abgeglichen)</translation>
    </message>
    <message numerus="yes">
        <source> · %Ln in conflict</source>
        <translation>
            <numerusform> · %Ln im Konflikt</numerusform>
            <numerusform> · %Ln im Konflikt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::SyncWorker</name>
    <message>
        <source>The sync worker could not open the database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not count the changes waiting to sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not count the records in conflict: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>frontdesk::WaitlistDialog</name>
    <message>
        <source>Waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the patient: name, birth date, phone or MRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add to the waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;With:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days (none: any):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time of day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find and choose the patient first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 min with %3; %4 %5–%6; waiting since %7 %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

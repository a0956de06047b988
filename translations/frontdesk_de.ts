<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccessCommands</name>
    <message>
        <source>No password on standard input.</source>
        <translation>Kein Passwort auf der Standardeingabe.</translation>
    </message>
    <message>
        <source>New password for %1 (at least %2 characters): </source>
        <translation>Neues Passwort für %1 (mindestens %2 Zeichen): </translation>
    </message>
    <message>
        <source>The same password again: </source>
        <translation>Dasselbe Passwort noch einmal: </translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>Die beiden Passwörter unterscheiden sich; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>No staff accounts yet. Add the first administrator with: frontdeskctl user add NAME --role admin</source>
        <translation>Noch keine Mitarbeiterkonten. Legen Sie den ersten Administrator an mit: frontdeskctl user add NAME --role admin</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>gesperrt bis %1</translation>
    </message>
    <message>
        <source>This database already has staff accounts; demo accounts are only added to a database without any.</source>
        <translation>Diese Datenbank hat bereits Mitarbeiterkonten; Demokonten werden nur einer Datenbank ohne Konten hinzugefügt.</translation>
    </message>
    <message>
        <source>Demo %1</source>
        <translation>Demo %1</translation>
    </message>
    <message>
        <source>Added the demo accounts receptionist, nurse, manager and admin, each with the password &quot;%1&quot;. They are for the demo only.</source>
        <translation>Die Demokonten receptionist, nurse, manager und admin wurden hinzugefügt, jeweils mit dem Passwort „%1“. Sie sind nur für die Demo gedacht.</translation>
    </message>
    <message>
        <source>user needs a sub-command: add, disable, enable, list, passwd, role or demo-accounts.</source>
        <translation>user braucht einen Unterbefehl: add, disable, enable, list, passwd, role oder demo-accounts.</translation>
    </message>
    <message>
        <source>user %1 needs exactly one user name.</source>
        <translation>user %1 braucht genau einen Benutzernamen.</translation>
    </message>
    <message>
        <source>user %1 takes no further arguments.</source>
        <translation>user %1 nimmt keine weiteren Argumente an.</translation>
    </message>
    <message>
        <source>user %1 needs --role receptionist|nurse|manager|admin.</source>
        <translation>user %1 braucht --role receptionist|nurse|manager|admin.</translation>
    </message>
    <message>
        <source>unknown role &quot;%1&quot;: use receptionist, nurse, manager or admin.</source>
        <translation>unbekannte Rolle „%1“: verwenden Sie receptionist, nurse, manager oder admin.</translation>
    </message>
    <message>
        <source>unknown user sub-command &quot;%1&quot;.</source>
        <translation>unbekannter user-Unterbefehl „%1“.</translation>
    </message>
    <message>
        <source>There is already an account named %1.</source>
        <translation>Es gibt bereits ein Konto namens %1.</translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation>%1 (%2) hinzugefügt.</translation>
    </message>
    <message>
        <source>There is no account named %1.</source>
        <translation>Es gibt kein Konto namens %1.</translation>
    </message>
    <message>
        <source>%1 is disabled and can no longer sign in.</source>
        <translation>%1 ist deaktiviert und kann sich nicht mehr anmelden.</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 kann sich wieder anmelden.</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 ist jetzt %2.</translation>
    </message>
    <message>
        <source>The password of %1 was changed; any lock-out is lifted.</source>
        <translation>Das Passwort von %1 wurde geändert; eine Sperre ist aufgehoben.</translation>
    </message>
    <message numerus="yes">
        <source>The audit trail is intact: %n entries, each chained to the one before.</source>
        <translation>
            <numerusform>Das Prüfprotokoll ist unversehrt: %n Eintrag, mit dem vorigen verkettet.</numerusform>
            <numerusform>Das Prüfprotokoll ist unversehrt: %n Einträge, jeder mit dem vorigen verkettet.</numerusform>
        </translation>
    </message>
    <message>
        <source>--limit must be a whole number of at least 1.</source>
        <translation>--limit muss eine ganze Zahl von mindestens 1 sein.</translation>
    </message>
    <message>
        <source>patient %1</source>
        <translation>Patient %1</translation>
    </message>
    <message>
        <source>--days must be a whole number from 0 (keep all) to %1.</source>
        <translation>--days muss eine ganze Zahl von 0 (alles behalten) bis %1 sein.</translation>
    </message>
    <message>
        <source>Messages are kept on this workstation without a time limit.</source>
        <translation>Nachrichten werden auf diesem Arbeitsplatz unbegrenzt aufbewahrt.</translation>
    </message>
    <message>
        <source>Messages are kept on this workstation for %1 days; %2 older local copies were removed.</source>
        <translation>Nachrichten werden auf diesem Arbeitsplatz %1 Tage aufbewahrt; %2 ältere lokale Kopien wurden entfernt.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>Manage staff accounts (passwords are read from standard input).</source>
        <translation>Mitarbeiterkonten verwalten (Passwörter werden von der Standardeingabe gelesen).</translation>
    </message>
    <message>
        <source>receptionist, nurse, manager or admin.</source>
        <translation>receptionist, nurse, manager oder admin.</translation>
    </message>
    <message>
        <source>The name shown for the account.</source>
        <translation>Der für das Konto angezeigte Name.</translation>
    </message>
    <message>
        <source>Only entries about this patient id.</source>
        <translation>Nur Einträge zu dieser Patienten-ID.</translation>
    </message>
    <message>
        <source>Only entries by this user.</source>
        <translation>Nur Einträge dieses Benutzers.</translation>
    </message>
    <message>
        <source>Only entries of this action (e.g. read, update, login).</source>
        <translation>Nur Einträge dieser Aktion (z. B. read, update, login).</translation>
    </message>
    <message>
        <source>Only the newest N entries.</source>
        <translation>Nur die neuesten N Einträge.</translation>
    </message>
    <message>
        <source>Keep messages on this workstation for N days and remove older local copies.</source>
        <translation>Nachrichten auf diesem Arbeitsplatz N Tage aufbewahren und ältere lokale Kopien entfernen.</translation>
    </message>
    <message>
        <source>Days to keep (0: keep all).</source>
        <translation>Aufzubewahrende Tage (0: alles behalten).</translation>
    </message>
    <message>
        <source>The audit trail was tampered with. %1
Checked against: %2</source>
        <translation>Das Audit-Protokoll wurde manipuliert. %1
Geprüft gegen: %2</translation>
    </message>
    <message>
        <source>Checked against: %1</source>
        <translation>Geprüft gegen: %1</translation>
    </message>
    <message>
        <source>This trail has no anchor outside its database.</source>
        <translation>Dieses Protokoll hat keinen Anker außerhalb seiner Datenbank.</translation>
    </message>
    <message>
        <source>The audit trail was tampered with, so it is not anchored again. %1</source>
        <translation>Das Audit-Protokoll wurde manipuliert, daher wird es nicht neu verankert. %1</translation>
    </message>
    <message>
        <source>The audit trail is anchored again at its current end: %1.</source>
        <translation>Das Audit-Protokoll ist wieder an seinem aktuellen Ende verankert: %1.</translation>
    </message>
    <message>
        <source>audit needs one sub-command: verify, list or reanchor.</source>
        <translation>audit braucht einen Unterbefehl: verify, list oder reanchor.</translation>
    </message>
    <message>
        <source>Check the audit trail&apos;s hash chain and its anchor outside the database, list its entries, or anchor it again after a missing or forged anchor was looked into.</source>
        <translation>Die Hash-Kette des Audit-Protokolls und ihren Anker außerhalb der Datenbank prüfen, die Einträge auflisten oder das Protokoll neu verankern, nachdem ein fehlender oder gefälschter Anker untersucht wurde.</translation>
    </message>
    <message>
        <source>--clinical-detail needs --patient ID: it opens that patient&apos;s clinical record.</source>
        <translation>--clinical-detail braucht --patient ID: es öffnet die klinische Akte dieses Patienten.</translation>
    </message>
    <message>
        <source>With --patient: show the clinical fields of the entries about the patient&apos;s clinical records (withheld otherwise); a clinical read, audited.</source>
        <translation>Mit --patient: die klinischen Felder der Einträge zu den klinischen Daten des Patienten zeigen (sonst zurückgehalten); ein protokollierter klinischer Zugriff.</translation>
    </message>
    <message>
        <source>Why the clinical record is read (at least 5 characters), when the patient has no appointment today.</source>
        <translation>Warum die klinische Akte gelesen wird (mindestens 5 Zeichen), wenn der Patient heute keinen Termin hat.</translation>
    </message>
    <message>
        <source>settings takes list or set KEY VALUE.</source>
        <translation>settings erwartet list oder set SCHLÜSSEL WERT.</translation>
    </message>
    <message>
        <source>settings set takes a key and a value (&quot;&quot; clears it): one of %1.</source>
        <translation>settings set erwartet einen Schlüssel und einen Wert (&quot;&quot; löscht ihn): einer von %1.</translation>
    </message>
    <message>
        <source>%1 is not a setting of the clinic; they are %2.</source>
        <translation>%1 ist keine Einstellung der Praxis; diese sind %2.</translation>
    </message>
    <message>
        <source>(not set: the default)</source>
        <translation>(nicht gesetzt: Standardwert)</translation>
    </message>
    <message>
        <source>Changed here; the change goes to the server with the next sync.</source>
        <translation>Hier geändert; die Änderung geht mit dem nächsten Abgleich an den Server.</translation>
    </message>
    <message>
        <source>Show or change the clinic&apos;s shared settings (name, phone, time zone, quiet hours, ...); a change goes to the server and the other workstations with the next sync.</source>
        <translation>Die gemeinsamen Einstellungen der Praxis anzeigen oder ändern (Name, Telefon, Zeitzone, Ruhezeiten, …); eine Änderung geht mit dem nächsten Abgleich an den Server und die anderen Arbeitsplätze.</translation>
    </message>
    <message>
        <source>The audit trail here does not match the copy the server %1 holds. %2</source>
        <translation>Das Prüfprotokoll hier stimmt nicht mit der Kopie auf dem Server %1 überein. %2</translation>
    </message>
    <message numerus="yes">
        <source>It matches the copy the server %1 holds (%n entries; the rest go up with the next sync).</source>
        <translation>
            <numerusform>Es stimmt mit der Kopie auf dem Server %1 überein (%n Eintrag; der Rest folgt mit dem nächsten Abgleich).</numerusform>
            <numerusform>Es stimmt mit der Kopie auf dem Server %1 überein (%n Einträge; der Rest folgt mit dem nächsten Abgleich).</numerusform>
        </translation>
    </message>
    <message>
        <source>Not compared with the server&apos;s copy: %1</source>
        <translation>Nicht mit der Kopie auf dem Server verglichen: %1</translation>
    </message>
</context>
<context>
    <name>AccessGuard</name>
    <message>
        <source>This patient has no appointment today. To open their clinical record anyway, give the reason (at least 5 characters); it is recorded in the audit trail.</source>
        <translation>Dieser Patient hat heute keinen Termin. Um seine Krankenakte trotzdem zu öffnen, geben Sie den Grund an (mindestens 5 Zeichen); er wird im Prüfprotokoll festgehalten.</translation>
    </message>
    <message>
        <source>Records of the type &quot;%1&quot; are not in the permission table, so they may not be read or changed.</source>
        <translation>Datensätze vom Typ „%1“ stehen nicht in der Berechtigungstabelle und dürfen daher weder gelesen noch geändert werden.</translation>
    </message>
    <message>
        <source>Reading the clinical records of many patients at once needs a reason (at least 5 characters); it is recorded in the audit trail.</source>
        <translation>Die klinischen Daten vieler Patienten auf einmal zu lesen, erfordert einen Grund (mindestens 5 Zeichen); er wird im Prüfprotokoll festgehalten.</translation>
    </message>
    <message>
        <source>This clinical record was opened by someone else who was signed in before; open it again.</source>
        <translation>Diese klinische Akte hat jemand anderes geöffnet, der zuvor angemeldet war; öffnen Sie sie erneut.</translation>
    </message>
    <message>
        <source>No one is signed in on this connection, so it may not %1. Sign in first.</source>
        <translation>Auf dieser Verbindung ist niemand angemeldet, daher ist nicht erlaubt: %1. Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>Clinical records are sent to the server only from the sync worker&apos;s own connection; a person opens them through the clinical gate.</source>
        <translation>Klinische Daten werden nur über die eigene Verbindung des Abgleichs an den Server gesendet; eine Person öffnet sie über die klinische Freigabe.</translation>
    </message>
</context>
<context>
    <name>AllergyRepository</name>
    <message>
        <source>An allergy needs a patient and a substance.</source>
        <translation>Eine Allergie braucht einen Patienten und eine Substanz.</translation>
    </message>
</context>
<context>
    <name>AppointmentLabels</name>
    <message>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Angekommen</translation>
    </message>
    <message>
        <source>In room</source>
        <translation>Im Behandlungsraum</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Nicht erschienen</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Sprechstunde</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Nachkontrolle</translation>
    </message>
    <message>
        <source>Check-up</source>
        <translation>Vorsorgeuntersuchung</translation>
    </message>
    <message>
        <source>Vaccination</source>
        <translation>Impfung</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Eingriff</translation>
    </message>
</context>
<context>
    <name>AppointmentRepository</name>
    <message>
        <source>An appointment needs a patient.</source>
        <translation>Ein Termin braucht einen Patienten.</translation>
    </message>
    <message>
        <source>An appointment needs a practitioner.</source>
        <translation>Ein Termin braucht einen Behandler.</translation>
    </message>
    <message>
        <source>An appointment must end after it starts.</source>
        <translation>Ein Termin muss nach seinem Beginn enden.</translation>
    </message>
    <message>
        <source>An appointment can last at most 24 hours.</source>
        <translation>Ein Termin darf höchstens 24 Stunden dauern.</translation>
    </message>
    <message>
        <source>Unknown appointment status &quot;%1&quot; in the database.</source>
        <translation>Unbekannter Terminstatus „%1“ in der Datenbank.</translation>
    </message>
</context>
<context>
    <name>AppointmentSeriesRepository</name>
    <message>
        <source>A series repeats weekly or monthly, not &quot;%1&quot;.</source>
        <translation>Eine Serie wiederholt sich wöchentlich oder monatlich, nicht „%1“.</translation>
    </message>
    <message>
        <source>A series repeats every 1 to 52 weeks or months, not every %1.</source>
        <translation>Eine Serie wiederholt sich alle 1 bis 52 Wochen oder Monate, nicht alle %1.</translation>
    </message>
    <message>
        <source>A series needs the date of its first appointment.</source>
        <translation>Eine Serie braucht das Datum ihres ersten Termins.</translation>
    </message>
    <message>
        <source>A series needs a time of day and a length in minutes.</source>
        <translation>Eine Serie braucht eine Uhrzeit und eine Dauer in Minuten.</translation>
    </message>
    <message>
        <source>The series&apos; time zone &quot;%1&quot; is not known here.</source>
        <translation>Die Zeitzone „%1“ der Serie ist hier nicht bekannt.</translation>
    </message>
    <message>
        <source>Could not keep the series of appointment %1: %2</source>
        <translation>Die Serie des Termins %1 konnte nicht übernommen werden: %2</translation>
    </message>
</context>
<context>
    <name>AppointmentTypeRepository</name>
    <message>
        <source>An appointment type needs a code and a name.</source>
        <translation>Eine Terminart braucht einen Code und einen Namen.</translation>
    </message>
    <message>
        <source>The default length must be between 5 minutes and 24 hours.</source>
        <translation>Die Standarddauer muss zwischen 5 Minuten und 24 Stunden liegen.</translation>
    </message>
    <message>
        <source>There is already an appointment type with the code &quot;%1&quot;.</source>
        <translation>Es gibt bereits eine Terminart mit dem Code „%1“.</translation>
    </message>
</context>
<context>
    <name>AuditAnchor</name>
    <message>
        <source>%1, authenticated with a key in %2</source>
        <translation>%1, authentifiziert mit einem Schlüssel in %2</translation>
    </message>
    <message>
        <source>Could not read the audit anchor&apos;s key: %1</source>
        <translation>Der Schlüssel des Audit-Ankers konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The audit anchor&apos;s key in %1 has the wrong length.</source>
        <translation>Der Schlüssel des Audit-Ankers in %1 hat die falsche Länge.</translation>
    </message>
    <message>
        <source>Could not initialise the cryptography library.</source>
        <translation>Die Kryptographie-Bibliothek konnte nicht initialisiert werden.</translation>
    </message>
    <message>
        <source>Could not store the audit anchor&apos;s key: %1</source>
        <translation>Der Schlüssel des Audit-Ankers konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The audit anchor %1 is missing, though its key is in %2: it was removed.</source>
        <translation>Der Audit-Anker %1 fehlt, obwohl sein Schlüssel in %2 liegt: Er wurde entfernt.</translation>
    </message>
    <message>
        <source>The audit anchor %1 cannot be checked: its key is not in %2.</source>
        <translation>Der Audit-Anker %1 kann nicht geprüft werden: Sein Schlüssel ist nicht in %2.</translation>
    </message>
    <message>
        <source>Could not read the audit anchor %1: %2</source>
        <translation>Der Audit-Anker %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The audit anchor %1 fails its authentication check: it was forged or altered.</source>
        <translation>Der Audit-Anker %1 besteht seine Authentifizierungsprüfung nicht: Er wurde gefälscht oder verändert.</translation>
    </message>
    <message>
        <source>Could not read the audit trail: %1</source>
        <translation>Das Prüfprotokoll konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 It was left as it is; run frontdeskctl audit verify.</source>
        <translation>%1 Er wurde unverändert gelassen; führen Sie frontdeskctl audit verify aus.</translation>
    </message>
    <message>
        <source>The audit trail ends at entry %1 but its anchor says %2: the newest entries were removed. The anchor was left as it is; run frontdeskctl audit verify.</source>
        <translation>Das Audit-Protokoll endet bei Eintrag %1, sein Anker nennt aber %2: Die neuesten Einträge wurden entfernt. Der Anker wurde unverändert gelassen; führen Sie frontdeskctl audit verify aus.</translation>
    </message>
    <message>
        <source>Entry %1 of the audit trail is not the one its anchor recorded: the trail was rewritten. The anchor was left as it is; run frontdeskctl audit verify.</source>
        <translation>Eintrag %1 des Audit-Protokolls ist nicht der, den sein Anker festgehalten hat: Das Protokoll wurde umgeschrieben. Der Anker wurde unverändert gelassen; führen Sie frontdeskctl audit verify aus.</translation>
    </message>
    <message>
        <source>Could not write the audit anchor %1: %2</source>
        <translation>Der Audit-Anker %1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Could not remove the audit anchor %1.</source>
        <translation>Der Audit-Anker %1 konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Could not remove the audit anchor&apos;s key: %1</source>
        <translation>Der Schlüssel des Audit-Ankers konnte nicht entfernt werden: %1</translation>
    </message>
</context>
<context>
    <name>AuditEventMapping</name>
    <message>
        <source>This is no AuditEvent.</source>
        <translation>Dies ist kein AuditEvent.</translation>
    </message>
    <message>
        <source>The AuditEvent %1 has no audit chain (extension %2).</source>
        <translation>Das AuditEvent %1 hat keine Prüfprotokoll-Kette (Erweiterung %2).</translation>
    </message>
    <message>
        <source>The AuditEvent %1 lacks its id, sequence number, time, agent or action.</source>
        <translation>Dem AuditEvent %1 fehlt die ID, die laufende Nummer, die Zeit, der Akteur oder die Aktion.</translation>
    </message>
    <message>
        <source>The detail of AuditEvent %1 is not a JSON object.</source>
        <translation>Das Detail des AuditEvents %1 ist kein JSON-Objekt.</translation>
    </message>
</context>
<context>
    <name>AuditLabels</name>
    <message>
        <source>Sign-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Sign-out</source>
        <translation>Abmeldung</translation>
    </message>
    <message>
        <source>Workstation locked</source>
        <translation>Arbeitsplatz gesperrt</translation>
    </message>
    <message>
        <source>Workstation unlocked</source>
        <translation>Arbeitsplatz entsperrt</translation>
    </message>
    <message>
        <source>Session taken over</source>
        <translation>Sitzung übernommen</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Passwort geändert</translation>
    </message>
    <message>
        <source>Staff account created</source>
        <translation>Mitarbeiterkonto angelegt</translation>
    </message>
    <message>
        <source>Staff account changed</source>
        <translation>Mitarbeiterkonto geändert</translation>
    </message>
    <message>
        <source>Record read</source>
        <translation>Akte gelesen</translation>
    </message>
    <message>
        <source>Clinical record read</source>
        <translation>Klinische Akte gelesen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Records merged</source>
        <translation>Akten zusammengeführt</translation>
    </message>
    <message>
        <source>Double booking</source>
        <translation>Doppelbuchung</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Zugewiesen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Druck</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Purged</source>
        <translation>Endgültig entfernt</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Demodaten</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>Einstellung geändert</translation>
    </message>
    <message>
        <source>Database key changed</source>
        <translation>Datenbankschlüssel gewechselt</translation>
    </message>
    <message>
        <source>frontdeskctl command</source>
        <translation>frontdeskctl-Befehl</translation>
    </message>
    <message>
        <source>Sync conflict settled</source>
        <translation>Abgleichskonflikt gelöst</translation>
    </message>
    <message>
        <source>Message held</source>
        <translation>Nachricht zurückgehalten</translation>
    </message>
    <message>
        <source>Audit trail read</source>
        <translation>Prüfprotokoll gelesen</translation>
    </message>
    <message>
        <source>Audit trail exported</source>
        <translation>Prüfprotokoll exportiert</translation>
    </message>
    <message>
        <source>Audit trail re-anchored</source>
        <translation>Prüfprotokoll neu verankert</translation>
    </message>
    <message>
        <source>Workstation enrolled</source>
        <translation>Arbeitsplatz angemeldet</translation>
    </message>
    <message>
        <source>Workstation token issued</source>
        <translation>Token für den Arbeitsplatz ausgestellt</translation>
    </message>
    <message>
        <source>Workstation revoked</source>
        <translation>Zugang des Arbeitsplatzes widerrufen</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Clinical record</source>
        <translation>Klinische Akte</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Staff account</source>
        <translation>Mitarbeiterkonto</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>FHIR bundle</source>
        <translation>FHIR-Bundle</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Day list</source>
        <translation>Tagesliste</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Dashboard list</source>
        <translation>Liste aus der Übersicht</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Could not read the audit trail: %1</source>
        <translation>Das Prüfprotokoll konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not write the audit trail: %1</source>
        <translation>Das Prüfprotokoll konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>The audit trail could not record this, so it was not done: %1</source>
        <translation>Das Prüfprotokoll konnte dies nicht festhalten, deshalb wurde es nicht ausgeführt: %1</translation>
    </message>
</context>
<context>
    <name>AuditQuery</name>
    <message>
        <source>Could not read the audit trail: %1</source>
        <translation>Das Prüfprotokoll konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not write the export: %1</source>
        <translation>Der Export konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>The clinical detail of audit entries is shown for the patient whose clinical record was opened only.</source>
        <translation>Die klinischen Einzelheiten von Protokolleinträgen werden nur für den Patienten gezeigt, dessen klinische Akte geöffnet wurde.</translation>
    </message>
</context>
<context>
    <name>AuditRedaction</name>
    <message>
        <source>Could not read the audit trail&apos;s hashing key: %1</source>
        <translation>Der Hash-Schlüssel des Prüfprotokolls konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not make the audit trail&apos;s hashing key: libsodium failed to initialise.</source>
        <translation>Der Hash-Schlüssel des Prüfprotokolls konnte nicht erzeugt werden: libsodium ließ sich nicht initialisieren.</translation>
    </message>
    <message>
        <source>Could not store the audit trail&apos;s hashing key: %1</source>
        <translation>Der Hash-Schlüssel des Prüfprotokolls konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The audit trail&apos;s hashing key in this database is damaged.</source>
        <translation>Der Hash-Schlüssel des Prüfprotokolls in dieser Datenbank ist beschädigt.</translation>
    </message>
</context>
<context>
    <name>AuditUpload</name>
    <message>
        <source>The server did not take this workstation&apos;s audit trail (HTTP %1): %2</source>
        <translation>Der Server hat das Prüfprotokoll dieses Arbeitsplatzes nicht angenommen (HTTP %1): %2</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the audit trail&apos;s upload does not say it holds the entries sent.</source>
        <translation>Die Antwort des Servers auf das Hochladen des Prüfprotokolls bestätigt nicht, dass er die gesendeten Einträge hat.</translation>
    </message>
    <message>
        <source>The server did not say what it holds of this workstation&apos;s audit trail (HTTP %1): %2</source>
        <translation>Der Server hat nicht mitgeteilt, was er vom Prüfprotokoll dieses Arbeitsplatzes hat (HTTP %1): %2</translation>
    </message>
    <message>
        <source>The server holds %1 entries of this workstation&apos;s audit trail, up to entry %2, which is missing here: the trail here was shortened or replaced after it was uploaded.</source>
        <translation>Der Server hat %1 Einträge des Prüfprotokolls dieses Arbeitsplatzes, bis Eintrag %2, der hier fehlt: Das Prüfprotokoll hier wurde nach dem Hochladen gekürzt oder ersetzt.</translation>
    </message>
    <message>
        <source>Entry %1 of the audit trail here differs from the copy the server holds: the trail here was changed after it was uploaded.</source>
        <translation>Eintrag %1 des Prüfprotokolls hier weicht von der Kopie auf dem Server ab: Das Prüfprotokoll hier wurde nach dem Hochladen geändert.</translation>
    </message>
</context>
<context>
    <name>AuditVerifier</name>
    <message>
        <source>Could not read the audit trail: %1</source>
        <translation>Das Prüfprotokoll konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Entry %1 is missing: it was deleted.</source>
        <translation>Eintrag %1 fehlt: Er wurde gelöscht.</translation>
    </message>
    <message>
        <source>Entries %1 to %2 are missing: they were deleted.</source>
        <translation>Die Einträge %1 bis %2 fehlen: Sie wurden gelöscht.</translation>
    </message>
    <message>
        <source>Entry %1 (%2) was edited: its content no longer matches its hash.</source>
        <translation>Eintrag %1 (%2) wurde bearbeitet: Sein Inhalt passt nicht mehr zu seinem Hash.</translation>
    </message>
    <message>
        <source>Entry %1 (%2) should start the chain but points at another entry: the entries before it were removed.</source>
        <translation>Eintrag %1 (%2) sollte die Kette beginnen, verweist aber auf einen anderen Eintrag: Die Einträge davor wurden entfernt.</translation>
    </message>
    <message>
        <source>Entry %1 (%2) does not follow entry %3: entry %3 was replaced or rewritten.</source>
        <translation>Eintrag %1 (%2) folgt nicht auf Eintrag %3: Eintrag %3 wurde ersetzt oder umgeschrieben.</translation>
    </message>
    <message>
        <source>Could not read the audit checkpoint: %1</source>
        <translation>Der Prüfpunkt des Prüfprotokolls konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The audit checkpoint is missing, so removed newest entries could not be noticed.</source>
        <translation>Der Prüfpunkt des Prüfprotokolls fehlt, daher ließ sich das Entfernen der neuesten Einträge nicht erkennen.</translation>
    </message>
    <message>
        <source>Entry %1, the newest, is missing: it was deleted.</source>
        <translation>Eintrag %1, der neueste, fehlt: Er wurde gelöscht.</translation>
    </message>
    <message>
        <source>Entries %1 to %2, the newest, are missing: they were deleted.</source>
        <translation>Die Einträge %1 bis %2, die neuesten, fehlen: Sie wurden gelöscht.</translation>
    </message>
    <message>
        <source>The chain&apos;s end (entry %1, %2 entries) does not match the checkpoint (entry %3, %4 entries): the trail or its checkpoint was altered.</source>
        <translation>Das Ende der Kette (Eintrag %1, %2 Einträge) stimmt nicht mit dem Prüfpunkt überein (Eintrag %3, %4 Einträge): Das Protokoll oder sein Prüfpunkt wurde verändert.</translation>
    </message>
    <message>
        <source>the checkpoint inside the database only (no anchor outside it was given)</source>
        <translation>nur den Kontrollpunkt in der Datenbank (kein Anker außerhalb angegeben)</translation>
    </message>
    <message>
        <source>the checkpoint inside the database only: no anchor has been written yet (%1)</source>
        <translation>nur den Kontrollpunkt in der Datenbank: Es wurde noch kein Anker geschrieben (%1)</translation>
    </message>
    <message>
        <source>the anchor at entry %1 (%2)</source>
        <translation>den Anker bei Eintrag %1 (%2)</translation>
    </message>
    <message>
        <source>none: the anchor is missing or forged (%1)</source>
        <translation>keinen: Der Anker fehlt oder ist gefälscht (%1)</translation>
    </message>
    <message>
        <source>The trail is shorter than its anchor: it ends at entry %1, the anchor outside the database says entry %2. The newest entries were removed.</source>
        <translation>Das Protokoll ist kürzer als sein Anker: Es endet bei Eintrag %1, der Anker außerhalb der Datenbank nennt Eintrag %2. Die neuesten Einträge wurden entfernt.</translation>
    </message>
    <message>
        <source>Entry %1 is not the one the anchor outside the database recorded: the trail was rewritten from there.</source>
        <translation>Eintrag %1 ist nicht der, den der Anker außerhalb der Datenbank festgehalten hat: Das Protokoll wurde ab dort umgeschrieben.</translation>
    </message>
</context>
<context>
    <name>AuditedExport</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Could not make %1 private to its owner (mode 0600), so nothing was written.</source>
        <translation>%1 konnte nicht nur für den Eigentümer lesbar gemacht werden (Modus 0600), daher wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>%1 was not written because the export could not be recorded in the audit trail: %2</source>
        <translation>%1 wurde nicht geschrieben, weil der Export nicht im Audit-Protokoll vermerkt werden konnte: %2</translation>
    </message>
    <message>
        <source>The export was recorded in the audit trail, but %1 could not be written: %2</source>
        <translation>Der Export wurde im Audit-Protokoll vermerkt, aber %1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>AutoLockSetting</name>
    <message>
        <source>The idle time before the workstation locks must be from 1 to %1 minutes.</source>
        <translation>Die Leerlaufzeit bis zur Sperre des Arbeitsplatzes muss zwischen 1 und %1 Minuten liegen.</translation>
    </message>
</context>
<context>
    <name>BackgroundEnroller</name>
    <message>
        <source>Enter the server&apos;s address, e.g. https://fd.clinic.example:8443.</source>
        <translation>Geben Sie die Adresse des Servers ein, z. B. https://fd.clinic.example:8443.</translation>
    </message>
    <message>
        <source>Enter the name and password of an administrator at the server.</source>
        <translation>Geben Sie Namen und Passwort eines Administrators am Server ein.</translation>
    </message>
    <message>
        <source>Enrolled at %1 as &quot;%2&quot;, but: %3</source>
        <translation>Bei %1 als „%2“ angemeldet, aber: %3</translation>
    </message>
    <message>
        <source>Enrolled at %1 as &quot;%2&quot; by %3.</source>
        <translation>Bei %1 als „%2“ angemeldet, durch %3.</translation>
    </message>
    <message>
        <source>The server enrolled this workstation (%1), but it could not be kept here: %2</source>
        <translation>Der Server hat diesen Arbeitsplatz angemeldet (%1), aber die Anmeldung konnte hier nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>This workstation is enrolled at %1 as &quot;%2&quot;. Its credential is kept in %3.</source>
        <translation>Dieser Arbeitsplatz ist bei %1 als „%2“ angemeldet. Seine Zugangsdaten liegen in %3.</translation>
    </message>
</context>
<context>
    <name>BookingMapping</name>
    <message>
        <source>category must hold the code %1 of %2: this ServiceRequest is no appointment series.</source>
        <translation>category muss den Code %1 aus %2 enthalten: Dieser ServiceRequest ist keine Terminserie.</translation>
    </message>
    <message>
        <source>%1 must be %2.</source>
        <translation>%1 muss %2 sein.</translation>
    </message>
    <message>
        <source>%1 must hold exactly one time.</source>
        <translation>%1 muss genau eine Uhrzeit enthalten.</translation>
    </message>
    <message>
        <source>A series ends: give occurrenceTiming.repeat.boundsPeriod.end or occurrenceTiming.repeat.count.</source>
        <translation>Eine Serie endet: Geben Sie occurrenceTiming.repeat.boundsPeriod.end oder occurrenceTiming.repeat.count an.</translation>
    </message>
    <message>
        <source>The extension %1 (the clinic&apos;s time zone) is missing.</source>
        <translation>Die Erweiterung %1 (die Zeitzone der Praxis) fehlt.</translation>
    </message>
    <message>
        <source>%1 must hold at most one request.</source>
        <translation>%1 darf höchstens eine Anforderung enthalten.</translation>
    </message>
    <message>
        <source>%1 must hold exactly one reference.</source>
        <translation>%1 muss genau einen Verweis enthalten.</translation>
    </message>
    <message>
        <source>activity must hold a status of %1; got &quot;%2&quot;.</source>
        <translation>activity muss einen Status aus %1 enthalten; erhalten: „%2“.</translation>
    </message>
    <message>
        <source>The extension %1 names no status Frontdesk knows: &quot;%2&quot;.</source>
        <translation>Die Erweiterung %1 nennt keinen Status, den Frontdesk kennt: „%2“.</translation>
    </message>
    <message>
        <source>The extension %1 must be patient or clinic; got &quot;%2&quot;.</source>
        <translation>Die Erweiterung %1 muss patient oder clinic sein; erhalten: „%2“.</translation>
    </message>
    <message>
        <source>%1 is missing.</source>
        <translation>%1 fehlt.</translation>
    </message>
    <message>
        <source>%1 must hold at most one reference.</source>
        <translation>%1 darf höchstens einen Verweis enthalten.</translation>
    </message>
    <message>
        <source>%1 must hold exactly one entry.</source>
        <translation>%1 muss genau einen Eintrag enthalten.</translation>
    </message>
    <message>
        <source>%1 must hold exactly one day.</source>
        <translation>%1 muss genau einen Wochentag enthalten.</translation>
    </message>
    <message>
        <source>Working hours must end after they start, within one day.</source>
        <translation>Sprechzeiten müssen nach ihrem Beginn enden, innerhalb eines Tages.</translation>
    </message>
    <message>
        <source>type must hold a code of %1.</source>
        <translation>type muss einen Code aus %1 enthalten.</translation>
    </message>
    <message>
        <source>A waitlist entry is an Appointment with status waitlist or the extension %1.</source>
        <translation>Ein Wartelisteneintrag ist ein Appointment mit dem Status waitlist oder der Erweiterung %1.</translation>
    </message>
    <message>
        <source>A waitlist entry needs a Patient participant.</source>
        <translation>Ein Wartelisteneintrag braucht einen Patient als Teilnehmer.</translation>
    </message>
    <message>
        <source>The time-of-day window must end after it starts, within one day.</source>
        <translation>Das Tageszeitfenster muss nach seinem Beginn enden, innerhalb eines Tages.</translation>
    </message>
</context>
<context>
    <name>BookingService</name>
    <message>
        <source>%1–%2 on %3</source>
        <translation>%1–%2 am %3</translation>
    </message>
    <message>
        <source>%1 (ends %2)</source>
        <translation>%1 (endet %2)</translation>
    </message>
    <message>
        <source>The appointment %1 was deleted.</source>
        <translation>Der Termin %1 wurde gelöscht.</translation>
    </message>
    <message>
        <source>%1 is already booked then: %2, %3 (appointment %4).</source>
        <translation>%1 ist zu dieser Zeit bereits gebucht: %2, %3 (Termin %4).</translation>
    </message>
    <message>
        <source>The patient %1 has another appointment then: with %2, %3 (appointment %4).</source>
        <translation>Der Patient %1 hat zu dieser Zeit einen anderen Termin: bei %2, %3 (Termin %4).</translation>
    </message>
    <message>
        <source>%1 is in use then: %2 with %3, %4 (appointment %5).</source>
        <translation>%1 ist zu dieser Zeit belegt: %2 bei %3, %4 (Termin %5).</translation>
    </message>
    <message>
        <source>The practitioner is not available then (%1, %2%3).</source>
        <translation>Der Behandler ist zu dieser Zeit nicht verfügbar (%1, %2%3).</translation>
    </message>
    <message>
        <source>Not booked. %1</source>
        <translation>Nicht gebucht. %1</translation>
    </message>
    <message>
        <source>This appointment is already booked; move it instead.</source>
        <translation>Dieser Termin ist bereits gebucht; verschieben Sie ihn stattdessen.</translation>
    </message>
    <message>
        <source>A new appointment starts as booked or confirmed.</source>
        <translation>Ein neuer Termin beginnt als gebucht oder bestätigt.</translation>
    </message>
    <message>
        <source>Someone else changed this appointment since it was shown; it was not moved. Look at it again and retry.</source>
        <translation>Jemand anderes hat diesen Termin geändert, seit er angezeigt wurde; er wurde nicht verschoben. Sehen Sie ihn sich erneut an und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>There is no status change to revert on this appointment.</source>
        <translation>Bei diesem Termin gibt es keine Statusänderung, die sich rückgängig machen lässt.</translation>
    </message>
    <message>
        <source>The status cannot be reverted: the time is taken. %1</source>
        <translation>Der Status kann nicht zurückgesetzt werden: Die Zeit ist vergeben. %1</translation>
    </message>
    <message>
        <source>A series starts from a new appointment.</source>
        <translation>Eine Serie beginnt mit einem neuen Termin.</translation>
    </message>
    <message>
        <source>The first appointment&apos;s time does not exist in the clinic&apos;s time zone on that day (a DST change); choose another time.</source>
        <translation>Die Uhrzeit des ersten Termins existiert an diesem Tag in der Zeitzone der Praxis nicht (Zeitumstellung); wählen Sie eine andere Uhrzeit.</translation>
    </message>
    <message>
        <source>The series was not booked (appointment %1 of %2, %3): %4</source>
        <translation>Die Serie wurde nicht gebucht (Termin %1 von %2, %3): %4</translation>
    </message>
    <message>
        <source>Choose a time within the day and a positive length.</source>
        <translation>Wählen Sie eine Uhrzeit innerhalb des Tages und eine positive Dauer.</translation>
    </message>
    <message>
        <source>This appointment is not part of a series.</source>
        <translation>Dieser Termin gehört zu keiner Serie.</translation>
    </message>
    <message>
        <source>The series was not changed (%1): %2</source>
        <translation>Die Serie wurde nicht geändert (%1): %2</translation>
    </message>
    <message>
        <source>There is no active practitioner with id %1.</source>
        <translation>Es gibt keinen aktiven Behandler mit der ID %1.</translation>
    </message>
    <message>
        <source>An appointment that is “%1” cannot be moved.</source>
        <translation>Ein Termin mit dem Status „%1“ kann nicht verschoben werden.</translation>
    </message>
</context>
<context>
    <name>ClinicSettingsMapping</name>
    <message>
        <source>The clinic&apos;s settings are the Organization with id &quot;%1&quot;; got &quot;%2&quot;.</source>
        <translation>Die Praxiseinstellungen sind die Organization mit der ID „%1“; erhalten wurde „%2“.</translation>
    </message>
    <message>
        <source>Organization.name must be text.</source>
        <translation>Organization.name muss Text sein.</translation>
    </message>
    <message>
        <source>Organization.extension[%1] (%2) must have a valueString.</source>
        <translation>Organization.extension[%1] (%2) muss einen valueString haben.</translation>
    </message>
</context>
<context>
    <name>ClinicalSummary</name>
    <message>
        <source>%1 %2</source>
        <comment>value and unit</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Blood pressure</source>
        <translation>Blutdruck</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <comment>systolic/diastolic</comment>
        <translation>%1/%2</translation>
    </message>
</context>
<context>
    <name>CommunicationMapping</name>
    <message>
        <source>%1 must be a date-time with seconds and a time zone, e.g. 2026-07-06T09:00:00Z; got &quot;%2&quot;.</source>
        <translation>%1 muss ein Zeitpunkt mit Sekunden und Zeitzone sein, z. B. 2026-07-06T09:00:00Z; erhalten: „%2“.</translation>
    </message>
    <message>
        <source>resourceType must be Communication.</source>
        <translation>resourceType muss Communication sein.</translation>
    </message>
    <message>
        <source>The extension %1 must be inbound or outbound; got &quot;%2&quot;.</source>
        <translation>Die Erweiterung %1 muss inbound oder outbound sein; erhalten: „%2“.</translation>
    </message>
    <message>
        <source>status must be one of preparation, on-hold, in-progress, completed, not-done, stopped; got &quot;%1&quot;.</source>
        <translation>status muss preparation, on-hold, in-progress, completed, not-done oder stopped sein; erhalten: „%1“.</translation>
    </message>
    <message>
        <source>The extension %1 names no message status Frontdesk knows: &quot;%2&quot;.</source>
        <translation>Die Erweiterung %1 nennt keinen Nachrichtenstatus, den Frontdesk kennt: „%2“.</translation>
    </message>
    <message>
        <source>subject.reference must read Patient/ID; got &quot;%1&quot;.</source>
        <translation>subject.reference muss Patient/ID lauten; erhalten: „%1“.</translation>
    </message>
    <message>
        <source>The extension %1 must reference Patient/ID; got &quot;%2&quot;.</source>
        <translation>Die Erweiterung %1 muss auf Patient/ID verweisen; erhalten: „%2“.</translation>
    </message>
    <message>
        <source>An outbound Communication needs subject (the Patient it goes to).</source>
        <translation>Eine ausgehende Communication braucht subject (den Patienten, an den sie geht).</translation>
    </message>
    <message>
        <source>medium[0] must be sms or email in %1.</source>
        <translation>medium[0] muss sms oder email in %1 sein.</translation>
    </message>
    <message>
        <source>category[0] must name the purpose in %1.</source>
        <translation>category[0] muss den Zweck in %1 nennen.</translation>
    </message>
    <message>
        <source>payload[0] must be text (contentString).</source>
        <translation>payload[0] muss Text sein (contentString).</translation>
    </message>
    <message>
        <source>An outbound Communication needs its text in payload[0].contentString.</source>
        <translation>Eine ausgehende Communication braucht ihren Text in payload[0].contentString.</translation>
    </message>
    <message>
        <source>about[0].reference must read Appointment/ID; got &quot;%1&quot;.</source>
        <translation>about[0].reference muss Appointment/ID lauten; erhalten: „%1“.</translation>
    </message>
    <message>
        <source>The extension %1 must identify a staff member in %2.</source>
        <translation>Die Erweiterung %1 muss einen Mitarbeiter in %2 bezeichnen.</translation>
    </message>
    <message>
        <source>The extension %1 must name a staff member (valueReference with identifier or display).</source>
        <translation>Die Erweiterung %1 muss einen Mitarbeiter nennen (valueReference mit identifier oder display).</translation>
    </message>
</context>
<context>
    <name>CommunicationPreference</name>
    <message>
        <source>A preference needs a patient.</source>
        <translation>Eine Präferenz braucht einen Patienten.</translation>
    </message>
    <message>
        <source>Unknown purpose &quot;%1&quot;.</source>
        <translation>Unbekannter Zweck „%1“.</translation>
    </message>
    <message>
        <source>Unknown channel &quot;%1&quot;.</source>
        <translation>Unbekannter Kanal „%1“.</translation>
    </message>
    <message>
        <source>Quiet hours must lie within the day.</source>
        <translation>Ruhezeiten müssen innerhalb des Tages liegen.</translation>
    </message>
</context>
<context>
    <name>ConditionRepository</name>
    <message>
        <source>A condition needs a patient and a name.</source>
        <translation>Eine Erkrankung braucht einen Patienten und eine Bezeichnung.</translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <source>A consent needs a patient.</source>
        <translation>Eine Einwilligung braucht einen Patienten.</translation>
    </message>
    <message>
        <source>Say what the consent is for.</source>
        <translation>Geben Sie an, wofür die Einwilligung gilt.</translation>
    </message>
    <message>
        <source>A consent is either given or withdrawn.</source>
        <translation>Eine Einwilligung ist entweder erteilt oder widerrufen.</translation>
    </message>
    <message>
        <source>A consent needs the date it was decided.</source>
        <translation>Eine Einwilligung braucht das Datum der Entscheidung.</translation>
    </message>
</context>
<context>
    <name>ConsentLabels</name>
    <message>
        <source>Treatment</source>
        <translation>Behandlung</translation>
    </message>
    <message>
        <source>Sharing data with other care providers</source>
        <translation>Weitergabe von Daten an andere Behandelnde</translation>
    </message>
    <message>
        <source>Reminders by SMS</source>
        <translation>Erinnerungen per SMS</translation>
    </message>
    <message>
        <source>Reminders by e-mail</source>
        <translation>Erinnerungen per E-Mail</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>Research</source>
        <translation>Forschung</translation>
    </message>
    <message>
        <source>Photo in the record</source>
        <translation>Foto in der Akte</translation>
    </message>
</context>
<context>
    <name>ConsentRepository</name>
    <message>
        <source>Could not store the scanned consent: %1</source>
        <translation>Die eingescannte Einwilligung konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Could not remove the scanned consent: %1</source>
        <translation>Die eingescannte Einwilligung konnte nicht entfernt werden: %1</translation>
    </message>
</context>
<context>
    <name>ContactPolicy</name>
    <message>
        <source>Quiet hours &quot;%1&quot; are not of the form 20:00-08:00.</source>
        <translation>Die Ruhezeiten „%1“ haben nicht die Form 20:00-08:00.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a purpose messages are sent for.</source>
        <translation>„%1“ ist kein Zweck, für den Nachrichten gesendet werden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a channel messages are sent on.</source>
        <translation>„%1“ ist kein Kanal, über den Nachrichten gesendet werden.</translation>
    </message>
    <message>
        <source>The patient opted out of messages for this purpose (%1).</source>
        <translation>Der Patient hat Nachrichten für diesen Zweck abbestellt (%1).</translation>
    </message>
    <message>
        <source>The patient does not want to be contacted.</source>
        <translation>Der Patient möchte nicht kontaktiert werden.</translation>
    </message>
    <message>
        <source>The patient prefers a phone call: a call task is made instead.</source>
        <translation>Der Patient bevorzugt einen Anruf: Stattdessen wird eine Anrufaufgabe angelegt.</translation>
    </message>
    <message>
        <source>The patient prefers a letter: a letter task is made instead.</source>
        <translation>Der Patient bevorzugt einen Brief: Stattdessen wird eine Briefaufgabe angelegt.</translation>
    </message>
    <message>
        <source>The patient prefers %1 for this.</source>
        <translation>Der Patient bevorzugt hierfür %1.</translation>
    </message>
    <message>
        <source>Marketing needs the patient&apos;s consent, and none is recorded.</source>
        <translation>Werbung braucht die Einwilligung des Patienten, und es ist keine erfasst.</translation>
    </message>
    <message>
        <source>The patient withdrew the consent to marketing on %1.</source>
        <translation>Der Patient hat die Einwilligung in Werbung am %1 widerrufen.</translation>
    </message>
    <message>
        <source>Quiet hours: the SMS is held until %1.</source>
        <translation>Ruhezeiten: Die SMS wird bis %1 zurückgehalten.</translation>
    </message>
</context>
<context>
    <name>CoverageLabels</name>
    <message>
        <source>Not checked</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Anspruchsberechtigt</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>Nicht anspruchsberechtigt</translation>
    </message>
    <message>
        <source>Check failed</source>
        <translation>Prüfung fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>CoverageRepository</name>
    <message>
        <source>Insurance needs a patient and a payer.</source>
        <translation>Eine Versicherung braucht einen Patienten und einen Kostenträger.</translation>
    </message>
</context>
<context>
    <name>Ctl</name>
    <message>
        <source>The data directory (default: %1).</source>
        <translation>Das Datenverzeichnis (Standard: %1).</translation>
    </message>
    <message>
        <source>Keep the database key in this file (mode 0600) instead of the OS keychain. Weaker: for headless servers.</source>
        <translation>Den Datenbankschlüssel in dieser Datei (Modus 0600) statt im Schlüsselbund des Betriebssystems aufbewahren. Weniger sicher: für Server ohne Bildschirm.</translation>
    </message>
    <message>
        <source>frontdeskctl: %1</source>
        <translation>frontdeskctl: %1</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Run frontdeskctl COMMAND --help for a command&apos;s options.</source>
        <translation>Mit frontdeskctl BEFEHL --help sehen Sie die Optionen eines Befehls.</translation>
    </message>
    <message>
        <source>no command given.</source>
        <translation>kein Befehl angegeben.</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;.</source>
        <translation>unbekannter Befehl „%1“.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation>unerwartetes Argument „%1“.</translation>
    </message>
    <message>
        <source>There is no Frontdesk database in %1. Create one with: frontdeskctl --data-dir %1 init</source>
        <translation>In %1 gibt es keine Frontdesk-Datenbank. Legen Sie eine an mit: frontdeskctl --data-dir %1 init</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot; before the command &quot;%2&quot;.</source>
        <translation>unerwartetes Argument „%1“ vor dem Befehl „%2“.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was read as the value of an option before it; write the command first, then its options.</source>
        <translation>„%1“ wurde als Wert einer vorangehenden Option gelesen; schreiben Sie zuerst den Befehl, dann seine Optionen.</translation>
    </message>
    <message>
        <source>Warning: the audit trail&apos;s anchor was not updated. %1</source>
        <translation>Warnung: Der Anker des Audit-Protokolls wurde nicht aktualisiert. %1</translation>
    </message>
    <message>
        <source>Sign in as this staff member; the command runs with their role and the audit trail names them.</source>
        <translation>Als diese Person des Praxisteams anmelden; der Befehl läuft mit ihrer Rolle, und das Prüfprotokoll nennt sie.</translation>
    </message>
    <message>
        <source>Read the password for --user from the first line of this file (mode 0600 or 0400); without it, it is asked on the terminal.</source>
        <translation>Das Passwort für --user aus der ersten Zeile dieser Datei lesen (Modus 0600 oder 0400); ohne diese Option wird es im Terminal abgefragt.</translation>
    </message>
    <message>
        <source>Usage: frontdeskctl [--data-dir DIR] [--key-file PATH] [--user NAME [--password-file PATH]] COMMAND [options]</source>
        <translation>Aufruf: frontdeskctl [--data-dir VERZ] [--key-file PFAD] [--user NAME [--password-file PFAD]] BEFEHL [Optionen]</translation>
    </message>
    <message>
        <source>%1 needs a signed-in staff member: add --user NAME (with --password-file PATH, or type the password when asked). Only init, check, stats and wipe run without, and user add while there is no account yet.</source>
        <translation>%1 erfordert eine angemeldete Person des Praxisteams: Geben Sie --user NAME an (mit --password-file PFAD, oder tippen Sie das Passwort ein, wenn es abgefragt wird). Ohne Anmeldung laufen nur init, check, stats und wipe sowie user add, solange es noch kein Konto gibt.</translation>
    </message>
    <message>
        <source>The password file %1 cannot be read.</source>
        <translation>Die Passwortdatei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The password file %1 may be read or changed by others (mode %2); make it private first: chmod 600 %1</source>
        <translation>Die Passwortdatei %1 kann von anderen gelesen oder geändert werden (Modus %2); schützen Sie sie zuerst: chmod 600 %1</translation>
    </message>
    <message>
        <source>The password file %1 cannot be read: %2</source>
        <translation>Die Passwortdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>There is no terminal to ask %1&apos;s password on; give it with --password-file PATH.</source>
        <translation>Es gibt kein Terminal, in dem das Passwort von %1 abgefragt werden könnte; geben Sie es mit --password-file PFAD an.</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Passwort für %1: </translation>
    </message>
    <message>
        <source>The database was already opened for this command.</source>
        <translation>Die Datenbank wurde für diesen Befehl bereits geöffnet.</translation>
    </message>
    <message>
        <source>There is no terminal.</source>
        <translation>Es gibt kein Terminal.</translation>
    </message>
    <message>
        <source>Signed in offline (the server did not answer: %1).</source>
        <translation>Offline angemeldet (der Server hat nicht geantwortet: %1).</translation>
    </message>
</context>
<context>
    <name>DataDirectory</name>
    <message>
        <source>Could not create the data directory %1. Check that its parent exists and is writable.</source>
        <translation>Das Datenverzeichnis %1 konnte nicht angelegt werden. Prüfen Sie, ob das übergeordnete Verzeichnis existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <source>%1 is not a directory.</source>
        <translation>%1 ist kein Verzeichnis.</translation>
    </message>
    <message>
        <source>Could not open the lock file %1: %2</source>
        <translation>Die Sperrdatei %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The database in %1 is in use by another program (is Frontdesk open on this workstation?). Close it and try again.</source>
        <translation>Die Datenbank in %1 wird von einem anderen Programm verwendet (ist Frontdesk auf diesem Arbeitsplatz geöffnet?). Schließen Sie es und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The database in %1 is being re-keyed or wiped right now. Try again when that has finished.</source>
        <translation>Die Datenbank in %1 wird gerade neu verschlüsselt oder gelöscht. Versuchen Sie es erneut, wenn das abgeschlossen ist.</translation>
    </message>
    <message>
        <source>An interrupted key rotation was found. The database still uses its previous key, which remains in %1; the unfinished copy was removed. Run the rotation again.</source>
        <translation>Ein unterbrochener Schlüsselwechsel wurde gefunden. Die Datenbank verwendet noch ihren vorigen Schlüssel, der in %1 bleibt; die unvollständige Kopie wurde entfernt. Führen Sie den Schlüsselwechsel erneut aus.</translation>
    </message>
    <message>
        <source>Neither stored key opens %1.
With the current key: %2
With the key of an interrupted rotation: %3</source>
        <translation>Keiner der gespeicherten Schlüssel öffnet %1.
Mit dem aktuellen Schlüssel: %2
Mit dem Schlüssel eines unterbrochenen Schlüsselwechsels: %3</translation>
    </message>
    <message>
        <source>An interrupted key rotation was completed: the database uses the new key, now stored in %1.</source>
        <translation>Ein unterbrochener Schlüsselwechsel wurde abgeschlossen: Die Datenbank verwendet den neuen Schlüssel, der jetzt in %1 gespeichert ist.</translation>
    </message>
    <message>
        <source>There is no database in %1 to rotate the key of.</source>
        <translation>In %1 gibt es keine Datenbank, deren Schlüssel gewechselt werden könnte.</translation>
    </message>
    <message>
        <source>The database is in use by another program (is Frontdesk open on this workstation?). Close it and run the rotation again.</source>
        <translation>Die Datenbank wird von einem anderen Programm verwendet (ist Frontdesk auf diesem Arbeitsplatz geöffnet?). Schließen Sie es und führen Sie den Schlüsselwechsel erneut aus.</translation>
    </message>
    <message>
        <source>Could not make a new random key.</source>
        <translation>Es konnte kein neuer Zufallsschlüssel erzeugt werden.</translation>
    </message>
    <message>
        <source>The re-encrypted copy failed its check; the database was left as it was. %1</source>
        <translation>Die neu verschlüsselte Kopie hat ihre Prüfung nicht bestanden; die Datenbank blieb unverändert. %1</translation>
    </message>
    <message>
        <source>Could not flush %1 to disk.</source>
        <translation>%1 konnte nicht auf den Datenträger geschrieben werden.</translation>
    </message>
    <message>
        <source>Could not put the re-encrypted database in place; the previous key still opens it.</source>
        <translation>Die neu verschlüsselte Datenbank konnte nicht an ihren Platz gebracht werden; der vorige Schlüssel öffnet sie weiterhin.</translation>
    </message>
    <message>
        <source>The database was re-encrypted, but the new key could not be stored as the current one (%1). It is kept as the pending key; the next start finishes the rotation.</source>
        <translation>Die Datenbank wurde neu verschlüsselt, aber der neue Schlüssel konnte nicht als aktueller gespeichert werden (%1). Er wird als ausstehender Schlüssel aufbewahrt; der nächste Start schließt den Schlüsselwechsel ab.</translation>
    </message>
    <message>
        <source>The database key was rotated; the new key is stored in %1.</source>
        <translation>Der Datenbankschlüssel wurde gewechselt; der neue Schlüssel ist in %1 gespeichert.</translation>
    </message>
    <message>
        <source>There is no data directory %1.</source>
        <translation>Es gibt kein Datenverzeichnis %1.</translation>
    </message>
    <message>
        <source>Frontdesk cannot write in its data directory %1 (%2). Make the directory and its files writable by this user, or mount its disk read-write, and try again. Nothing was changed.</source>
        <translation>Frontdesk kann nicht in sein Datenverzeichnis %1 schreiben (%2). Machen Sie das Verzeichnis und seine Dateien für diesen Benutzer beschreibbar oder hängen Sie den Datenträger mit Schreibzugriff ein, und versuchen Sie es erneut. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The disk that holds the data directory %1 is full (%2). Free some space and try again. Nothing was changed.</source>
        <translation>Der Datenträger mit dem Datenverzeichnis %1 ist voll (%2). Schaffen Sie Platz und versuchen Sie es erneut. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Could not check that the key is gone: %1</source>
        <translation>Es konnte nicht geprüft werden, ob der Schlüssel entfernt ist: %1</translation>
    </message>
    <message>
        <source>The entry %1 is still there after it was removed.</source>
        <translation>Der Eintrag %1 ist nach dem Entfernen immer noch vorhanden.</translation>
    </message>
    <message>
        <source>THE DATABASE KEY WAS NOT REMOVED from %1: anyone with a copy of the database can still read it. Remove the key by hand. %2%3</source>
        <translation>DER DATENBANKSCHLÜSSEL WURDE NICHT ENTFERNT aus %1: Wer eine Kopie der Datenbank hat, kann sie weiterhin lesen. Entfernen Sie den Schlüssel von Hand. %2%3</translation>
    </message>
    <message>
        <source>These files could not be removed either: %1</source>
        <translation>Auch diese Dateien konnten nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>The key is gone, so the data can no longer be decrypted, but these files could not be removed: %1</source>
        <translation>Der Schlüssel ist entfernt, die Daten können also nicht mehr entschlüsselt werden, aber diese Dateien konnten nicht entfernt werden: %1</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The database key must be %1 bytes; got %2.</source>
        <translation>Der Datenbankschlüssel muss %1 Bytes lang sein; erhalten: %2.</translation>
    </message>
    <message>
        <source>Could not switch %1 to WAL journaling: %2</source>
        <translation>%1 konnte nicht auf WAL-Journal umgestellt werden: %2</translation>
    </message>
    <message>
        <source>Could not configure %1: %2</source>
        <translation>%1 konnte nicht eingerichtet werden: %2</translation>
    </message>
    <message>
        <source>Could not start a transaction: %1</source>
        <translation>Es konnte keine Transaktion gestartet werden: %1</translation>
    </message>
    <message>
        <source>Could not prepare schema versioning: %1</source>
        <translation>Die Schemaversionierung konnte nicht vorbereitet werden: %1</translation>
    </message>
    <message>
        <source>This database has schema version %1, newer than this Frontdesk understands (%2). Install the newer Frontdesk that wrote it.</source>
        <translation>Diese Datenbank hat die Schemaversion %1, neuer als diese Frontdesk-Version versteht (%2). Installieren Sie die neuere Frontdesk-Version, die sie geschrieben hat.</translation>
    </message>
    <message>
        <source>Migration %1 failed; the database stays at version %2.
Statement: %3
Error: %4</source>
        <translation>Migration %1 ist fehlgeschlagen; die Datenbank bleibt auf Version %2.
Anweisung: %3
Fehler: %4</translation>
    </message>
    <message>
        <source>Migration %1 could not be recorded: %2</source>
        <translation>Migration %1 konnte nicht vermerkt werden: %2</translation>
    </message>
    <message>
        <source>SQLCipher is not active: the database would not be encrypted.</source>
        <translation>SQLCipher ist nicht aktiv: Die Datenbank würde nicht verschlüsselt.</translation>
    </message>
    <message>
        <source>The integrity check could not run: %1</source>
        <translation>Die Integritätsprüfung konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>Integrity: %1</source>
        <translation>Integrität: %1</translation>
    </message>
    <message>
        <source>The foreign-key check could not run: %1</source>
        <translation>Die Fremdschlüsselprüfung konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>Foreign key: row %1 of %2 points to a missing %3</source>
        <translation>Fremdschlüssel: Zeile %1 von %2 verweist auf fehlende(s) %3</translation>
    </message>
    <message>
        <source>The new key must be %1 bytes.</source>
        <translation>Der neue Schlüssel muss %1 Bytes lang sein.</translation>
    </message>
    <message>
        <source>Will not export over the existing file %1.</source>
        <translation>Die vorhandene Datei %1 wird beim Export nicht überschrieben.</translation>
    </message>
    <message>
        <source>Could not create %1: %2</source>
        <translation>%1 konnte nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Could not copy the database to %1: %2</source>
        <translation>Die Datenbank konnte nicht nach %1 kopiert werden: %2</translation>
    </message>
    <message>
        <source>Could not close %1: %2</source>
        <translation>%1 konnte nicht geschlossen werden: %2</translation>
    </message>
    <message>
        <source>Could not save the setting %1: %2</source>
        <translation>Die Einstellung %1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The disk that holds the database is full. Free some space and try again; the change that failed was not saved, everything saved before it is intact.</source>
        <translation>Der Datenträger mit der Datenbank ist voll. Schaffen Sie Platz und versuchen Sie es erneut; die fehlgeschlagene Änderung wurde nicht gespeichert, alles zuvor Gespeicherte ist unversehrt.</translation>
    </message>
    <message>
        <source>The database cannot be written: its file or its data directory is read-only for this user, or its disk is mounted read-only. Make them writable and try again; nothing was changed.</source>
        <translation>Die Datenbank kann nicht geschrieben werden: Ihre Datei oder ihr Datenverzeichnis ist für diesen Benutzer schreibgeschützt, oder ihr Datenträger ist schreibgeschützt eingehängt. Heben Sie den Schreibschutz auf und versuchen Sie es erneut; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The disk reported a read or write error. Check the disk and its free space; the change that failed was not saved.</source>
        <translation>Der Datenträger hat einen Lese- oder Schreibfehler gemeldet. Prüfen Sie den Datenträger und seinen freien Platz; die fehlgeschlagene Änderung wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>Check that the data directory exists and that this user may read and write it.</source>
        <translation>Prüfen Sie, ob das Datenverzeichnis existiert und dieser Benutzer es lesen und beschreiben darf.</translation>
    </message>
    <message>
        <source>Could not write to the database: %1</source>
        <translation>In die Datenbank konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a PostgreSQL URL; write postgresql://USER:PASSWORD@HOST:PORT/DATABASE.</source>
        <translation>„%1“ ist keine PostgreSQL-URL; schreiben Sie postgresql://USER:PASSWORD@HOST:PORT/DATABASE.</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is not installed; on Debian install libqt6sql6-psql.</source>
        <translation>Der PostgreSQL-Treiber von Qt (QPSQL) ist nicht installiert; installieren Sie unter Debian libqt6sql6-psql.</translation>
    </message>
    <message>
        <source>Could not connect to PostgreSQL at %1: %2</source>
        <translation>Keine Verbindung zu PostgreSQL unter %1: %2</translation>
    </message>
    <message>
        <source>The temporary-storage check could not run: %1</source>
        <translation>Die Prüfung des temporären Speichers konnte nicht laufen: %1</translation>
    </message>
    <message>
        <source>Temporary tables and sorts may be written to unencrypted files (temp_store is not MEMORY).</source>
        <translation>Temporäre Tabellen und Sortierungen können in unverschlüsselte Dateien geschrieben werden (temp_store ist nicht MEMORY).</translation>
    </message>
    <message>
        <source>Could not read the schema versions: %1</source>
        <translation>Die Schemaversionen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not insert into %1: %2 values do not make rows of %3.</source>
        <translation>Einfügen in %1 nicht möglich: %2 Werte ergeben keine Zeilen zu je %3.</translation>
    </message>
    <message>
        <source>Could not set the indexes aside for the load: %1</source>
        <translation>Die Indizes konnten für das Laden nicht beiseitegelegt werden: %1</translation>
    </message>
    <message>
        <source>Could not make the index %1 again (set aside for a large load; it is tried again at the next start): %2</source>
        <translation>Der Index %1 konnte nicht neu angelegt werden (für ein großes Laden beiseitegelegt; beim nächsten Start wird es erneut versucht): %2</translation>
    </message>
    <message>
        <source>Could not make the trigger %1 again (set aside for a large load; it is tried again at the next start): %2</source>
        <translation>Der Trigger %1 konnte nicht wieder angelegt werden (für einen großen Ladevorgang beiseitegelegt; beim nächsten Start wird es erneut versucht): %2</translation>
    </message>
</context>
<context>
    <name>DatabaseCommands</name>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>unknown time zone &quot;%1&quot; (use an IANA name such as Europe/Berlin).</source>
        <translation>unbekannte Zeitzone „%1“ (verwenden Sie einen IANA-Namen wie Europe/Berlin).</translation>
    </message>
    <message>
        <source>The database in %1 is ready (schema version %2).</source>
        <translation>Die Datenbank in %1 ist bereit (Schemaversion %2).</translation>
    </message>
    <message>
        <source>Created an encrypted database in %1 (schema version %2); its key is in %3.</source>
        <translation>Verschlüsselte Datenbank in %1 angelegt (Schemaversion %2); ihr Schlüssel liegt in %3.</translation>
    </message>
    <message>
        <source>seed needs --patients N and --appointments M.</source>
        <translation>seed braucht --patients N und --appointments M.</translation>
    </message>
    <message>
        <source>--patients must be a whole number from 1 to 10000000.</source>
        <translation>--patients muss eine ganze Zahl von 1 bis 10000000 sein.</translation>
    </message>
    <message>
        <source>--appointments must be a whole number from 0 to 100000000.</source>
        <translation>--appointments muss eine ganze Zahl von 0 bis 100000000 sein.</translation>
    </message>
    <message>
        <source>--seed must be a whole number.</source>
        <translation>--seed muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <source>--today must be a date as YYYY-MM-DD.</source>
        <translation>--today muss ein Datum im Format JJJJ-MM-TT sein.</translation>
    </message>
    <message>
        <source>Seeding: %1%</source>
        <translation>Demodaten werden angelegt: %1 %</translation>
    </message>
    <message>
        <source>Database: %1 (SQLCipher %2, schema version %3)</source>
        <translation>Datenbank: %1 (SQLCipher %2, Schemaversion %3)</translation>
    </message>
    <message>
        <source>%1: encrypted with SQLCipher %2, schema version %3, integrity ok.</source>
        <translation>%1: verschlüsselt mit SQLCipher %2, Schemaversion %3, Integrität in Ordnung.</translation>
    </message>
    <message>
        <source>wipe asks for confirmation; pass --yes when running it from a script.</source>
        <translation>wipe fragt nach einer Bestätigung; geben Sie --yes an, wenn Sie es aus einem Skript aufrufen.</translation>
    </message>
    <message>
        <source>This removes %1 and its key for good. Type &quot;wipe&quot; to confirm: </source>
        <translation>Dies entfernt %1 und seinen Schlüssel endgültig. Geben Sie zur Bestätigung „wipe“ ein: </translation>
    </message>
    <message>
        <source>Nothing was removed.</source>
        <translation>Es wurde nichts entfernt.</translation>
    </message>
    <message>
        <source>Wiped %1: the database files and its key are gone.</source>
        <translation>%1 gelöscht: Die Datenbankdateien und ihr Schlüssel sind entfernt.</translation>
    </message>
    <message>
        <source>Create the encrypted database (and its key) in the data directory.</source>
        <translation>Die verschlüsselte Datenbank (und ihren Schlüssel) im Datenverzeichnis anlegen.</translation>
    </message>
    <message>
        <source>The clinic&apos;s time zone (IANA), default Europe/Berlin.</source>
        <translation>Die Zeitzone der Praxis (IANA), Standard Europe/Berlin.</translation>
    </message>
    <message>
        <source>The clinic&apos;s name.</source>
        <translation>Der Name der Praxis.</translation>
    </message>
    <message>
        <source>Add realistic, deterministic demo data.</source>
        <translation>Realistische, reproduzierbare Demodaten hinzufügen.</translation>
    </message>
    <message>
        <source>How many patients.</source>
        <translation>Wie viele Patienten.</translation>
    </message>
    <message>
        <source>How many appointments.</source>
        <translation>Wie viele Termine.</translation>
    </message>
    <message>
        <source>The random seed (default 1).</source>
        <translation>Der Startwert des Zufallsgenerators (Standard 1).</translation>
    </message>
    <message>
        <source>The day the demo clinic calls today (YYYY-MM-DD).</source>
        <translation>Der Tag, den die Demo-Praxis „heute“ nennt (JJJJ-MM-TT).</translation>
    </message>
    <message>
        <source>Row counts per table.</source>
        <translation>Zeilenzahl je Tabelle.</translation>
    </message>
    <message>
        <source>Check the database&apos;s integrity and encryption.</source>
        <translation>Integrität und Verschlüsselung der Datenbank prüfen.</translation>
    </message>
    <message>
        <source>Re-encrypt the database with a new random key.</source>
        <translation>Die Datenbank mit einem neuen Zufallsschlüssel neu verschlüsseln.</translation>
    </message>
    <message>
        <source>Remove the database, its WAL and journal files, and its key.</source>
        <translation>Die Datenbank, ihre WAL- und Journaldateien und ihren Schlüssel entfernen.</translation>
    </message>
    <message>
        <source>Do not ask for confirmation.</source>
        <translation>Nicht nach einer Bestätigung fragen.</translation>
    </message>
    <message>
        <source>Seeded %1 patients, %2 practitioners, %3 rooms, %4 appointments, %5 messages, %6 recalls and %7 patient-record entries in %8 s.</source>
        <translation>%1 Patienten, %2 Behandler, %3 Räume, %4 Termine, %5 Nachrichten, %6 Recalls und %7 Akteneinträge in %8 s angelegt.</translation>
    </message>
    <message>
        <source>The clinic&apos;s phone number, as patients should call it.</source>
        <translation>Die Telefonnummer der Praxis, unter der Patienten anrufen sollen.</translation>
    </message>
    <message>
        <source>This workstation is enrolled at a server, where the clinic&apos;s settings are shared: change them with frontdeskctl --user NAME settings set KEY VALUE (clinic_time_zone, clinic_name, clinic_phone), which sends the change to the other workstations.</source>
        <translation>Dieser Arbeitsplatz ist bei einem Server angemeldet, der die Einstellungen der Praxis mit allen Arbeitsplätzen teilt: Ändern Sie sie mit frontdeskctl --user NAME settings set KEY VALUE (clinic_time_zone, clinic_name, clinic_phone); die Änderung geht dann an die anderen Arbeitsplätze.</translation>
    </message>
</context>
<context>
    <name>DatabaseKeys</name>
    <message>
        <source>Could not read the database key for %1 from %2: %3</source>
        <translation>Der Datenbankschlüssel für %1 konnte nicht aus %2 gelesen werden: %3</translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; in %2 is not a database key: it holds %3 bytes instead of %4. Frontdesk will not open the database in %5 with it.</source>
        <translation>Der Eintrag „%1“ in %2 ist kein Datenbankschlüssel: Er enthält %3 Bytes statt %4. Frontdesk öffnet die Datenbank in %5 damit nicht.</translation>
    </message>
    <message>
        <source>Refusing to store a database key of %1 bytes; it must be %2 bytes.</source>
        <translation>Ein Datenbankschlüssel mit %1 Bytes wird nicht gespeichert; er muss %2 Bytes lang sein.</translation>
    </message>
    <message>
        <source>Could not store the database key for %1 in %2: %3</source>
        <translation>Der Datenbankschlüssel für %1 konnte nicht in %2 gespeichert werden: %3</translation>
    </message>
    <message>
        <source>The database in %1 exists, but its key (entry &quot;%2&quot;) is missing from %3.
Frontdesk will not create a new key over existing data: the data could never be read again.
To go on, do one of these:
- restore the keychain entry (for example from a backup of the keychain), then start Frontdesk again;
- if the key was saved to a key file, start Frontdesk with --key-file PATH pointing to that file;
- or run `frontdeskctl wipe` to delete this database and start over. All data in it is lost.</source>
        <translation>Die Datenbank in %1 existiert, aber ihr Schlüssel (Eintrag „%2“) fehlt in %3.
Frontdesk legt über vorhandenen Daten keinen neuen Schlüssel an: Die Daten könnten nie wieder gelesen werden.
Um fortzufahren, tun Sie eines der Folgenden:
- Stellen Sie den Schlüsselbundeintrag wieder her (zum Beispiel aus einer Sicherung des Schlüsselbunds) und starten Sie Frontdesk erneut;
- wenn der Schlüssel in einer Schlüsseldatei gesichert wurde, starten Sie Frontdesk mit --key-file PFAD, das auf diese Datei zeigt;
- oder führen Sie `frontdeskctl wipe` aus, um diese Datenbank zu löschen und neu zu beginnen. Alle Daten darin gehen verloren.</translation>
    </message>
    <message>
        <source>Could not generate a database key: libsodium failed to initialise.</source>
        <translation>Es konnte kein Datenbankschlüssel erzeugt werden: libsodium ließ sich nicht initialisieren.</translation>
    </message>
    <message>
        <source>reading it back found no entry</source>
        <translation>Beim Zurücklesen wurde kein Eintrag gefunden</translation>
    </message>
    <message>
        <source>reading it back gave a different key</source>
        <translation>Das Zurücklesen ergab einen anderen Schlüssel</translation>
    </message>
    <message>
        <source>The new database key for %1 was not kept by %2: %3</source>
        <translation>Der neue Datenbankschlüssel für %1 wurde von %2 nicht behalten: %3</translation>
    </message>
    <message>
        <source>Could not remove the pending database key for %1 from %2: %3</source>
        <translation>Der ausstehende Datenbankschlüssel für %1 konnte nicht aus %2 entfernt werden: %3</translation>
    </message>
    <message>
        <source>Could not remove the database key for %1 from %2: %3</source>
        <translation>Der Datenbankschlüssel für %1 konnte nicht aus %2 entfernt werden: %3</translation>
    </message>
</context>
<context>
    <name>DayListExport</name>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n Termin</numerusform>
            <numerusform>%n Termine</numerusform>
        </translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Day list %1</source>
        <translation>Tagesliste %1</translation>
    </message>
    <message>
        <source>Could not make the PDF for %1.</source>
        <translation>Das PDF für %1 konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Geboren</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>No appointments on %1.</source>
        <translation>Keine Termine am %1.</translation>
    </message>
</context>
<context>
    <name>DemoRecordSeeder</name>
    <message>
        <source>Asked at the desk to stop SMS reminders</source>
        <translation>Hat am Empfang gebeten, keine SMS-Erinnerungen mehr zu senden</translation>
    </message>
    <message>
        <source>Needs an interpreter (%1)</source>
        <translation>Benötigt einen Dolmetscher (%1)</translation>
    </message>
    <message>
        <source>Fall risk: offer help at the desk and a chair</source>
        <translation>Sturzgefahr: am Empfang Hilfe und einen Stuhl anbieten</translation>
    </message>
    <message>
        <source>Wheelchair user: book a ground-floor room</source>
        <translation>Rollstuhlfahrer: einen Raum im Erdgeschoss buchen</translation>
    </message>
    <message>
        <source>Paracetamol 500 mg tablet</source>
        <translation>Paracetamol 500 mg Tablette</translation>
    </message>
    <message>
        <source>1–2 tablets up to four times daily, when needed</source>
        <translation>1–2 Tabletten bis zu viermal täglich bei Bedarf</translation>
    </message>
    <message>
        <source>Cough for %1 days, no fever. Chest clear on auscultation. Fluids and rest advised; review if not better in two weeks.</source>
        <translation>Husten seit %1 Tagen, kein Fieber. Lunge auskultatorisch frei. Flüssigkeit und Ruhe empfohlen; Wiedervorstellung, falls nach zwei Wochen keine Besserung.</translation>
    </message>
    <message>
        <source>Lab results discussed: %1. Treatment unchanged.</source>
        <translation>Laborergebnisse besprochen: %1. Behandlung unverändert.</translation>
    </message>
    <message>
        <source>BP %1/%2 mmHg. %3</source>
        <translation>RR %1/%2 mmHg. %3</translation>
    </message>
    <message>
        <source>Amlodipine continued; recheck in three months.</source>
        <translation>Amlodipin fortgesetzt; Kontrolle in drei Monaten.</translation>
    </message>
    <message>
        <source>No treatment needed; recheck in a year.</source>
        <translation>Keine Behandlung nötig; Kontrolle in einem Jahr.</translation>
    </message>
    <message>
        <source>Annual check-up. BP %1/%2 mmHg, weight %3 kg. Lifestyle advice given.</source>
        <translation>Jährlicher Check-up. RR %1/%2 mmHg, Gewicht %3 kg. Beratung zur Lebensführung erfolgt.</translation>
    </message>
    <message>
        <source>Influenza vaccine given into the left deltoid. No immediate reaction.</source>
        <translation>Grippeimpfung in den linken Deltamuskel. Keine Sofortreaktion.</translation>
    </message>
    <message>
        <source>Minor procedure under local anaesthetic; wound closed with two sutures, removal in ten days.</source>
        <translation>Kleiner Eingriff in Lokalanästhesie; Wundverschluss mit zwei Nähten, Fadenzug in zehn Tagen.</translation>
    </message>
    <message>
        <source>Lower back pain after lifting, no red flags. Exercises and pain relief advised.</source>
        <translation>Rückenschmerzen nach Heben, keine Warnzeichen. Übungen und Schmerzmittel empfohlen.</translation>
    </message>
    <message>
        <source>Seen for %1. Examination unremarkable; advice given.</source>
        <translation>Vorstellung wegen %1. Untersuchung unauffällig; Beratung erfolgt.</translation>
    </message>
    <message>
        <source>Influenza, seasonal, injectable, preservative free</source>
        <translation>Influenza, saisonal, Injektion, ohne Konservierungsstoffe</translation>
    </message>
    <message>
        <source>Essential hypertension</source>
        <translation>Essentielle Hypertonie</translation>
    </message>
    <message>
        <source>Amlodipine 5 mg tablet</source>
        <translation>Amlodipin 5 mg Tablette</translation>
    </message>
    <message>
        <source>1 tablet once daily</source>
        <translation>1 Tablette einmal täglich</translation>
    </message>
    <message>
        <source>Diabetes mellitus type 2</source>
        <translation>Diabetes mellitus Typ 2</translation>
    </message>
    <message>
        <source>Metformin 500 mg tablet</source>
        <translation>Metformin 500 mg Tablette</translation>
    </message>
    <message>
        <source>1 tablet twice daily with meals</source>
        <translation>1 Tablette zweimal täglich zu den Mahlzeiten</translation>
    </message>
    <message>
        <source>Asthma</source>
        <translation>Asthma bronchiale</translation>
    </message>
    <message>
        <source>Salbutamol 100 micrograms inhaler</source>
        <translation>Salbutamol 100 Mikrogramm Dosieraerosol</translation>
    </message>
    <message>
        <source>2 puffs when needed</source>
        <translation>2 Hübe bei Bedarf</translation>
    </message>
    <message>
        <source>Hypothyroidism</source>
        <translation>Hypothyreose</translation>
    </message>
    <message>
        <source>Levothyroxine 50 micrograms tablet</source>
        <translation>Levothyroxin 50 Mikrogramm Tablette</translation>
    </message>
    <message>
        <source>1 tablet in the morning before breakfast</source>
        <translation>1 Tablette morgens vor dem Frühstück</translation>
    </message>
    <message>
        <source>Hyperlipidaemia</source>
        <translation>Hyperlipidämie</translation>
    </message>
    <message>
        <source>Atorvastatin 20 mg tablet</source>
        <translation>Atorvastatin 20 mg Tablette</translation>
    </message>
    <message>
        <source>1 tablet at night</source>
        <translation>1 Tablette abends</translation>
    </message>
    <message>
        <source>Osteoarthritis of knee</source>
        <translation>Kniegelenksarthrose</translation>
    </message>
    <message>
        <source>Ibuprofen 400 mg tablet</source>
        <translation>Ibuprofen 400 mg Tablette</translation>
    </message>
    <message>
        <source>1 tablet up to three times daily with food, when needed</source>
        <translation>1 Tablette bis zu dreimal täglich zum Essen, bei Bedarf</translation>
    </message>
    <message>
        <source>Migraine</source>
        <translation>Migräne</translation>
    </message>
    <message>
        <source>Sumatriptan 50 mg tablet</source>
        <translation>Sumatriptan 50 mg Tablette</translation>
    </message>
    <message>
        <source>1 tablet at the onset of an attack</source>
        <translation>1 Tablette zu Beginn einer Attacke</translation>
    </message>
    <message>
        <source>Depressive disorder</source>
        <translation>Depressive Störung</translation>
    </message>
    <message>
        <source>Sertraline 50 mg tablet</source>
        <translation>Sertralin 50 mg Tablette</translation>
    </message>
    <message>
        <source>Penicillin</source>
        <translation>Penicillin</translation>
    </message>
    <message>
        <source>Hives and swelling of the face</source>
        <translation>Nesselsucht und Schwellung im Gesicht</translation>
    </message>
    <message>
        <source>Ibuprofen</source>
        <translation>Ibuprofen</translation>
    </message>
    <message>
        <source>Wheezing</source>
        <translation>Giemen</translation>
    </message>
    <message>
        <source>Peanut</source>
        <translation>Erdnuss</translation>
    </message>
    <message>
        <source>Anaphylaxis</source>
        <translation>Anaphylaxie</translation>
    </message>
    <message>
        <source>Latex</source>
        <translation>Latex</translation>
    </message>
    <message>
        <source>Contact dermatitis</source>
        <translation>Kontaktdermatitis</translation>
    </message>
    <message>
        <source>Grass pollen</source>
        <translation>Gräserpollen</translation>
    </message>
    <message>
        <source>Hay fever</source>
        <translation>Heuschnupfen</translation>
    </message>
    <message>
        <source>Sulfonamide antibiotics</source>
        <translation>Sulfonamid-Antibiotika</translation>
    </message>
    <message>
        <source>Skin rash</source>
        <translation>Hautausschlag</translation>
    </message>
    <message>
        <source>sore throat</source>
        <translation>Halsschmerzen</translation>
    </message>
    <message>
        <source>headache</source>
        <translation>Kopfschmerzen</translation>
    </message>
    <message>
        <source>a skin rash</source>
        <translation>Hautausschlag</translation>
    </message>
    <message>
        <source>tiredness</source>
        <translation>Müdigkeit</translation>
    </message>
    <message>
        <source>ear pain</source>
        <translation>Ohrenschmerzen</translation>
    </message>
    <message>
        <source>HbA1c 6.8 %</source>
        <translation>HbA1c 6,8 %</translation>
    </message>
    <message>
        <source>LDL cholesterol slightly raised</source>
        <translation>LDL-Cholesterin leicht erhöht</translation>
    </message>
    <message>
        <source>TSH within the normal range</source>
        <translation>TSH im Normbereich</translation>
    </message>
    <message>
        <source>full blood count normal</source>
        <translation>Blutbild unauffällig</translation>
    </message>
    <message>
        <source>Systolic blood pressure</source>
        <translation>Systolischer Blutdruck</translation>
    </message>
    <message>
        <source>Diastolic blood pressure</source>
        <translation>Diastolischer Blutdruck</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Herzfrequenz</translation>
    </message>
    <message>
        <source>Body weight</source>
        <translation>Körpergewicht</translation>
    </message>
</context>
<context>
    <name>DemoSeeder</name>
    <message>
        <source>Seeding needs at least one patient and no negative number of appointments.</source>
        <translation>Zum Anlegen von Demodaten braucht es mindestens einen Patienten und keine negative Anzahl von Terminen.</translation>
    </message>
    <message>
        <source>Unknown time zone &quot;%1&quot;.</source>
        <translation>Unbekannte Zeitzone „%1“.</translation>
    </message>
    <message>
        <source>Room %1</source>
        <translation>Raum %1</translation>
    </message>
    <message>
        <source>Treatment room</source>
        <translation>Behandlungsraum</translation>
    </message>
    <message>
        <source>Consulting room</source>
        <translation>Sprechzimmer</translation>
    </message>
    <message>
        <source>Dr.</source>
        <translation>Dr.</translation>
    </message>
    <message>
        <source>Cancelled by patient</source>
        <translation>Vom Patienten abgesagt</translation>
    </message>
    <message>
        <source>Cancelled by clinic</source>
        <translation>Von der Praxis abgesagt</translation>
    </message>
    <message>
        <source>Your appointment on %1</source>
        <translation>Ihr Termin am %1</translation>
    </message>
    <message>
        <source>Seeding failed; nothing was added: %1</source>
        <translation>Anlegen der Demodaten fehlgeschlagen; es wurde nichts hinzugefügt: %1</translation>
    </message>
    <message>
        <source>Re: Reminder</source>
        <translation>AW: Erinnerung</translation>
    </message>
    <message>
        <source>General practice</source>
        <translation>Allgemeinmedizin</translation>
    </message>
    <message>
        <source>Internal medicine</source>
        <translation>Innere Medizin</translation>
    </message>
    <message>
        <source>Paediatrics</source>
        <translation>Kinder- und Jugendmedizin</translation>
    </message>
    <message>
        <source>Dermatology</source>
        <translation>Dermatologie</translation>
    </message>
    <message>
        <source>Gynaecology</source>
        <translation>Gynäkologie</translation>
    </message>
    <message>
        <source>Physiotherapy</source>
        <translation>Physiotherapie</translation>
    </message>
    <message>
        <source>Nursing</source>
        <translation>Pflege</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Sprechstunde</translation>
    </message>
    <message>
        <source>Persistent cough</source>
        <translation>Anhaltender Husten</translation>
    </message>
    <message>
        <source>Follow-up on lab results</source>
        <translation>Besprechung der Laborwerte</translation>
    </message>
    <message>
        <source>Blood pressure review</source>
        <translation>Blutdruckkontrolle</translation>
    </message>
    <message>
        <source>Annual check-up</source>
        <translation>Jährliche Vorsorgeuntersuchung</translation>
    </message>
    <message>
        <source>Influenza vaccination</source>
        <translation>Grippeimpfung</translation>
    </message>
    <message>
        <source>Minor procedure</source>
        <translation>Kleiner Eingriff</translation>
    </message>
    <message>
        <source>Back pain</source>
        <translation>Rückenschmerzen</translation>
    </message>
    <message>
        <source>Vaccination booster</source>
        <translation>Auffrischimpfung</translation>
    </message>
    <message>
        <source>Diabetes review</source>
        <translation>Diabeteskontrolle</translation>
    </message>
    <message>
        <source>Follow-up after treatment</source>
        <translation>Nachkontrolle nach Behandlung</translation>
    </message>
    <message>
        <source>dddd d MMMM, HH:mm</source>
        <comment>date and time of a reminder (QLocale::toString format)</comment>
        <translation>dddd, d. MMMM, HH:mm</translation>
    </message>
    <message>
        <source>Reminder: your appointment is on %1. Reply C to confirm, CANCEL to cancel or R to reschedule.</source>
        <translation>Erinnerung: Ihr Termin ist am %1. Antworten Sie C zum Bestätigen, STORNO zum Absagen oder R zum Verschieben.</translation>
    </message>
    <message>
        <source>The SMS was not delivered: %1</source>
        <translation>Die SMS wurde nicht zugestellt: %1</translation>
    </message>
    <message>
        <source>The mail server refused the message: %1</source>
        <translation>Der Mailserver hat die Nachricht abgelehnt: %1</translation>
    </message>
    <message>
        <source>Hello, could my appointment on Friday be moved to the afternoon?</source>
        <translation>Hallo, könnte mein Termin am Freitag auf den Nachmittag verlegt werden?</translation>
    </message>
    <message>
        <source>Please call me back about my test results.</source>
        <translation>Bitte rufen Sie mich wegen meiner Befunde zurück.</translation>
    </message>
    <message>
        <source>Appointment reminder (SMS)</source>
        <translation>Terminerinnerung (SMS)</translation>
    </message>
    <message>
        <source>Hello {first_name}, this is a reminder of your appointment on {appointment_date} at {appointment_time} with {practitioner}. Reply C to confirm or CANCEL to cancel.</source>
        <comment>demo SMS template: keep the placeholders in braces; the reply words (C, CANCEL) must be ones the server understands: C, J, STORNO, ANNULER, CANCELAR</comment>
        <translation>Hallo {first_name}, wir erinnern Sie an Ihren Termin am {appointment_date} um {appointment_time} bei {practitioner}. Antworten Sie J zum Bestätigen oder STORNO zum Absagen.</translation>
    </message>
    <message>
        <source>Follow-up after a visit</source>
        <translation>Nachsorge nach dem Besuch</translation>
    </message>
    <message>
        <source>How are you, {first_name}?</source>
        <translation>Wie geht es Ihnen nach Ihrem Besuch?</translation>
    </message>
    <message>
        <source>Dear {first_name} {family_name}, thank you for your visit with {practitioner} on {appointment_date}. If your symptoms have not improved, please call us to book a follow-up appointment.</source>
        <comment>demo template: keep the placeholders in braces</comment>
        <translation>Guten Tag {first_name} {family_name}, vielen Dank für Ihren Besuch bei {practitioner} am {appointment_date}. Wenn sich Ihre Beschwerden nicht gebessert haben, rufen Sie uns bitte an, um einen Kontrolltermin zu vereinbaren.</translation>
    </message>
    <message>
        <source>Recall: check-up due</source>
        <translation>Recall: Kontrolle fällig</translation>
    </message>
    <message>
        <source>Time for your check-up</source>
        <translation>Zeit für Ihre Kontrolluntersuchung</translation>
    </message>
    <message>
        <source>Dear {first_name} {family_name}, according to our records you are due for a check-up. Please call us to book an appointment.</source>
        <comment>demo template: keep the placeholders in braces</comment>
        <translation>Guten Tag {first_name} {family_name}, laut unseren Unterlagen ist bei Ihnen eine Kontrolluntersuchung fällig. Bitte rufen Sie uns an, um einen Termin zu vereinbaren.</translation>
    </message>
    <message>
        <source>How was your visit? Reply with a number from 1 (poor) to 5 (very good).</source>
        <translation>Wie war Ihr Besuch? Antworten Sie mit einer Zahl von 1 (schlecht) bis 5 (sehr gut).</translation>
    </message>
    <message>
        <source>Thank you for your visit.</source>
        <translation>Vielen Dank für Ihren Besuch.</translation>
    </message>
    <message>
        <source>Mornings only</source>
        <translation>Nur vormittags</translation>
    </message>
    <message>
        <source>Can come at short notice</source>
        <translation>Kann kurzfristig kommen</translation>
    </message>
    <message>
        <source>Call to remind of the appointment on %1 (the patient prefers a call).</source>
        <translation>Anrufen, um an den Termin am %1 zu erinnern (der Patient bevorzugt einen Anruf).</translation>
    </message>
    <message>
        <source>Offer the freed time from the waitlist: %1, %2 min with %3 (another patient cancelled).</source>
        <translation>Frei gewordene Zeit der Warteliste anbieten: %1, %2 Min. bei %3 (ein anderer Patient hat abgesagt).</translation>
    </message>
</context>
<context>
    <name>DuplicateScore</name>
    <message>
        <source>same name and birth date</source>
        <translation>gleicher Name und gleiches Geburtsdatum</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>gleicher Name</translation>
    </message>
    <message>
        <source>family and given name swapped</source>
        <translation>Nach- und Vorname vertauscht</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>ähnlicher Name</translation>
    </message>
    <message>
        <source>same birth date</source>
        <translation>gleiches Geburtsdatum</translation>
    </message>
    <message>
        <source>birth date with day and month swapped</source>
        <translation>Geburtsdatum mit vertauschtem Tag und Monat</translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation>gleiche Telefonnummer</translation>
    </message>
    <message>
        <source>same e-mail address</source>
        <translation>gleiche E-Mail-Adresse</translation>
    </message>
</context>
<context>
    <name>EncounterRepository</name>
    <message>
        <source>An encounter needs a patient.</source>
        <translation>Ein Behandlungskontakt braucht einen Patienten.</translation>
    </message>
</context>
<context>
    <name>Enrollment</name>
    <message>
        <source>Enrolling takes an administrator&apos;s name and password at the server.</source>
        <translation>Für die Anmeldung braucht es Namen und Passwort eines Administrators am Server.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the enrollment holds no workstation credential.</source>
        <translation>Die Antwort des Servers auf die Anmeldung enthält keine Zugangsdaten für den Arbeitsplatz.</translation>
    </message>
    <message>
        <source>The server enrolled the workstation but refused its credential: %1</source>
        <translation>Der Server hat den Arbeitsplatz angemeldet, aber seine Zugangsdaten abgelehnt: %1</translation>
    </message>
    <message>
        <source>No workstation credential in %1; enroll again.</source>
        <translation>Keine Zugangsdaten des Arbeitsplatzes in %1; melden Sie ihn erneut an.</translation>
    </message>
    <message>
        <source>The credential in %1 is for another workstation (%2); enroll again.</source>
        <translation>Die Zugangsdaten in %1 gehören zu einem anderen Arbeitsplatz (%2); melden Sie ihn erneut an.</translation>
    </message>
    <message>
        <source>No workstation credential in %1; enroll this workstation again.</source>
        <translation>Keine Zugangsdaten des Arbeitsplatzes in %1; melden Sie diesen Arbeitsplatz erneut an.</translation>
    </message>
</context>
<context>
    <name>FhirExporter</name>
    <message>
        <source>The patient %1 was deleted.</source>
        <translation>Der Patient %1 wurde gelöscht.</translation>
    </message>
</context>
<context>
    <name>FhirImporter</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 holds no .json files.</source>
        <translation>%1 enthält keine .json-Dateien.</translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: not valid JSON at byte %2: %3</source>
        <translation>%1: kein gültiges JSON bei Byte %2: %3</translation>
    </message>
    <message>
        <source>%1: not a FHIR Bundle (resourceType must be &quot;Bundle&quot;).</source>
        <translation>%1: kein FHIR-Bundle (resourceType muss „Bundle“ sein).</translation>
    </message>
    <message>
        <source>%1: the Bundle has no entry array.</source>
        <translation>%1: Das Bundle hat kein entry-Array.</translation>
    </message>
    <message>
        <source>%1: entry %2</source>
        <translation>%1: Eintrag %2</translation>
    </message>
    <message>
        <source>%1: entry %2 (%3)</source>
        <translation>%1: Eintrag %2 (%3)</translation>
    </message>
    <message>
        <source>%1: has no resource object.</source>
        <translation>%1: hat kein resource-Objekt.</translation>
    </message>
    <message>
        <source>%1: the resource has no resourceType.</source>
        <translation>%1: Die Ressource hat keinen resourceType.</translation>
    </message>
    <message>
        <source>%1: %2 has no identifier, fullUrl or id, so a second import could not recognise it.</source>
        <translation>%1: %2 hat weder identifier noch fullUrl noch id, ein zweiter Import könnte es also nicht wiedererkennen.</translation>
    </message>
    <message>
        <source>DocumentReference: content[0].attachment.data is missing or not base64.</source>
        <translation>DocumentReference: content[0].attachment.data fehlt oder ist kein Base64.</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <source>%1: %2 does not say which patient it belongs to (subject, patient or beneficiary).</source>
        <translation>%1: %2 gibt nicht an, zu welchem Patienten es gehört (subject, patient oder beneficiary).</translation>
    </message>
    <message>
        <source>%1: DocumentReference names no encounter (context.encounter).</source>
        <translation>%1: DocumentReference nennt keinen Behandlungskontakt (context.encounter).</translation>
    </message>
    <message>
        <source>%1: %2 refers to the patient &quot;%3&quot;, which is neither in this bundle nor in the database.</source>
        <translation>%1: %2 verweist auf den Patienten „%3“, der weder in diesem Bundle noch in der Datenbank ist.</translation>
    </message>
    <message>
        <source>%1: %2 refers to the encounter &quot;%3&quot;, which is neither in this bundle nor in the database.</source>
        <translation>%1: %2 verweist auf den Behandlungskontakt „%3“, der weder in diesem Bundle noch in der Datenbank ist.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1the linked patient &quot;%2&quot; was not found.</source>
        <translation>%1der verknüpfte Patient „%2“ wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>%1: Patient link[%2] refers to the patient itself.</source>
        <translation>%1: Patient link[%2] verweist auf den Patienten selbst.</translation>
    </message>
    <message>
        <source>%1: Patient link[%2] (%3) refers to the patient &quot;%4&quot;, which is neither in this bundle nor in the database.</source>
        <translation>%1: Patient link[%2] (%3) verweist auf den Patienten „%4“, der weder in diesem Bundle noch in der Datenbank ist.</translation>
    </message>
    <message>
        <source>Consent (communication preference)</source>
        <translation>Consent (Kommunikationspräferenz)</translation>
    </message>
    <message>
        <source>%1: </source>
        <translation>%1: </translation>
    </message>
    <message>
        <source>%1, %2 (MRN %3, id %4)</source>
        <translation>%1, %2 (Patientennr. %3, ID %4)</translation>
    </message>
    <message>
        <source>the file&apos;s patient %1, %2 (MRN %3) has the id of the local patient %4, whom none of its identifiers names; it would overwrite another patient&apos;s record, so nothing was imported.</source>
        <translation>der Patient %1, %2 (Patientennr. %3) aus der Datei hat die ID des lokalen Patienten %4, den keine seiner Kennungen nennt; er würde die Akte eines anderen Patienten überschreiben, daher wurde nichts importiert.</translation>
    </message>
    <message>
        <source>the note for the patient %1 names the encounter %2 of the patient %3; it is not attached.</source>
        <translation>die Notiz für den Patienten %1 nennt den Behandlungskontakt %2 des Patienten %3; sie wird nicht angehängt.</translation>
    </message>
    <message>
        <source>the file&apos;s %1 &quot;%2&quot; for the patient %3 has the id of a local record of the patient %4; it is not overwritten.</source>
        <translation>%1 „%2“ der Datei für den Patienten %3 hat die ID eines lokalen Eintrags des Patienten %4; er wird nicht überschrieben.</translation>
    </message>
    <message>
        <source>%1: is %2 MiB, more than the %3 MiB one file may have (frontdeskctl import-fhir --max-size raises the limit); nothing from it was read.</source>
        <translation>%1: ist %2 MiB groß, mehr als die %3 MiB, die eine Datei haben darf (frontdeskctl import-fhir --max-size hebt die Grenze an); nichts daraus wurde gelesen.</translation>
    </message>
</context>
<context>
    <name>FhirJson</name>
    <message>
        <source>resourceType must be %1.</source>
        <translation>resourceType muss %1 sein.</translation>
    </message>
    <message>
        <source>%1 is missing: it must read %2/ID.</source>
        <translation>%1 fehlt: Es muss %2/ID lauten.</translation>
    </message>
    <message>
        <source>%1 must read %2/ID; got &quot;%3&quot;.</source>
        <translation>%1 muss %2/ID lauten; erhalten: „%3“.</translation>
    </message>
    <message>
        <source>%1 must be an instant with seconds and a time zone, e.g. 2026-07-06T09:00:00Z; got &quot;%2&quot;.</source>
        <translation>%1 muss ein Zeitpunkt mit Sekunden und Zeitzone sein, z. B. 2026-07-06T09:00:00Z; erhalten: „%2“.</translation>
    </message>
    <message>
        <source>%1 must be a date (YYYY-MM-DD); got &quot;%2&quot;.</source>
        <translation>%1 muss ein Datum sein (JJJJ-MM-TT); erhalten: „%2“.</translation>
    </message>
    <message>
        <source>%1 must be a time of day (hh:mm:ss); got &quot;%2&quot;.</source>
        <translation>%1 muss eine Uhrzeit sein (hh:mm:ss); erhalten: „%2“.</translation>
    </message>
    <message>
        <source>%1 must be one of %2; got &quot;%3&quot;.</source>
        <translation>%1 muss eines von %2 sein; erhalten: „%3“.</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3.</source>
        <translation>%1 muss eine ganze Zahl von %2 bis %3 sein.</translation>
    </message>
</context>
<context>
    <name>FhirMapping</name>
    <message>
        <source>%1 must be a string.</source>
        <translation>%1 muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>%1 must be an object.</source>
        <translation>%1 muss ein Objekt sein.</translation>
    </message>
    <message>
        <source>%1 must be an array.</source>
        <translation>%1 muss ein Array sein.</translation>
    </message>
    <message>
        <source>%1[0] must be an object.</source>
        <translation>%1[0] muss ein Objekt sein.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a FHIR dateTime.</source>
        <translation>%1 „%2“ ist kein FHIR-dateTime.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a date (YYYY-MM-DD).</source>
        <translation>%1 „%2“ ist kein Datum (JJJJ-MM-TT).</translation>
    </message>
    <message>
        <source>resourceType is &quot;%1&quot;, expected %2.</source>
        <translation>resourceType ist „%1“, erwartet %2.</translation>
    </message>
    <message>
        <source>the Patient has no identifier to use as its medical record number.</source>
        <translation>Der Patient hat keinen identifier, der als Patientennummer dienen könnte.</translation>
    </message>
    <message>
        <source>name.given must hold strings.</source>
        <translation>name.given muss Zeichenketten enthalten.</translation>
    </message>
    <message>
        <source>the Patient has no family name (name.family).</source>
        <translation>Der Patient hat keinen Nachnamen (name.family).</translation>
    </message>
    <message>
        <source>gender &quot;%1&quot; is not female, male, other or unknown.</source>
        <translation>gender „%1“ ist nicht female, male, other oder unknown.</translation>
    </message>
    <message>
        <source>the Encounter has no status.</source>
        <translation>Der Behandlungskontakt (Encounter) hat keinen Status.</translation>
    </message>
    <message>
        <source>class must be a Coding object.</source>
        <translation>class muss ein Coding-Objekt sein.</translation>
    </message>
    <message>
        <source>period.end lies before period.start.</source>
        <translation>period.end liegt vor period.start.</translation>
    </message>
    <message>
        <source>the Condition has no code.</source>
        <translation>Die Erkrankung (Condition) hat keinen Code.</translation>
    </message>
    <message>
        <source>the AllergyIntolerance has no code (the substance).</source>
        <translation>Die AllergyIntolerance hat keinen Code (die Substanz).</translation>
    </message>
    <message>
        <source>the medication has no medicationCodeableConcept.</source>
        <translation>Das Medikament hat kein medicationCodeableConcept.</translation>
    </message>
    <message>
        <source>the medication has no status.</source>
        <translation>Das Medikament hat keinen Status.</translation>
    </message>
    <message>
        <source>the Observation has no status.</source>
        <translation>Die Observation hat keinen Status.</translation>
    </message>
    <message>
        <source>the Observation has no code.</source>
        <translation>Die Observation hat keinen Code.</translation>
    </message>
    <message>
        <source>%1.value must be a number.</source>
        <translation>%1.value muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>the Immunization has no vaccineCode.</source>
        <translation>Die Immunization hat keinen vaccineCode.</translation>
    </message>
    <message>
        <source>the Immunization has no status.</source>
        <translation>Die Immunization hat keinen Status.</translation>
    </message>
    <message>
        <source>the Coverage has no status.</source>
        <translation>Die Coverage hat keinen Status.</translation>
    </message>
    <message>
        <source>the Coverage names no payor.</source>
        <translation>Die Coverage nennt keinen Kostenträger (payor).</translation>
    </message>
    <message>
        <source>%1 must hold objects.</source>
        <translation>%1 muss Objekte enthalten.</translation>
    </message>
    <message>
        <source>Patient: photo must be an array.</source>
        <translation>Patient: photo muss ein Array sein.</translation>
    </message>
    <message>
        <source>Patient: photo.data is not valid base64.</source>
        <translation>Patient: photo.data ist kein gültiges Base64.</translation>
    </message>
    <message>
        <source>Patient: photo: %1</source>
        <translation>Patient: photo: %1</translation>
    </message>
    <message>
        <source>Patient: photo.contentType says %1 but the data is %2.</source>
        <translation>Patient: photo.contentType gibt %1 an, die Daten sind aber %2.</translation>
    </message>
    <message>
        <source>%1.type &quot;%2&quot; is not replaced-by, replaces, refer or seealso.</source>
        <translation>%1.type „%2“ ist nicht replaced-by, replaces, refer oder seealso.</translation>
    </message>
    <message>
        <source>%1.other has no reference to the other patient.</source>
        <translation>%1.other hat keine Referenz auf den anderen Patienten.</translation>
    </message>
    <message>
        <source>the Consent has no status.</source>
        <translation>Die Einwilligung (Consent) hat keinen Status.</translation>
    </message>
    <message>
        <source>status &quot;%1&quot; is neither active (given) nor inactive (withdrawn).</source>
        <translation>status „%1“ ist weder active (erteilt) noch inactive (widerrufen).</translation>
    </message>
    <message>
        <source>the Consent has no category saying what it is for.</source>
        <translation>Die Einwilligung (Consent) hat keine category, die sagt, wofür sie gilt.</translation>
    </message>
    <message>
        <source>the Consent has no dateTime (when it was given or withdrawn).</source>
        <translation>Die Einwilligung (Consent) hat kein dateTime (wann sie erteilt oder widerrufen wurde).</translation>
    </message>
    <message>
        <source>sourceAttachment.data is not valid base64.</source>
        <translation>sourceAttachment.data ist kein gültiges Base64.</translation>
    </message>
    <message>
        <source>sourceAttachment.hash does not match its data (the document was changed or cut short).</source>
        <translation>sourceAttachment.hash passt nicht zu seinen Daten (das Dokument wurde verändert oder gekürzt).</translation>
    </message>
    <message>
        <source>a communication preference must have status active, not &quot;%1&quot;.</source>
        <translation>Eine Kommunikationspräferenz muss den Status active haben, nicht „%1“.</translation>
    </message>
    <message>
        <source>provision.type &quot;%1&quot; is neither permit nor deny (opted out).</source>
        <translation>provision.type „%1“ ist weder permit noch deny (abgemeldet).</translation>
    </message>
    <message>
        <source>provision.purpose (system %1) must be one of %2, not &quot;%3&quot;.</source>
        <translation>provision.purpose (System %1) muss einer von %2 sein, nicht „%3“.</translation>
    </message>
    <message>
        <source>the communication preference has no extension %1 with its channel.</source>
        <translation>Die Kommunikationspräferenz hat keine Erweiterung %1 mit ihrem Kanal.</translation>
    </message>
    <message>
        <source>%1.channel must be one of %2, not &quot;%3&quot;.</source>
        <translation>%1.channel muss einer von %2 sein, nicht „%3“.</translation>
    </message>
    <message>
        <source>%1.%2.valueInteger must be minutes after midnight (0-1440).</source>
        <translation>%1.%2.valueInteger muss Minuten nach Mitternacht angeben (0-1440).</translation>
    </message>
    <message>
        <source>the Flag has no status.</source>
        <translation>Das Flag hat keinen Status.</translation>
    </message>
    <message>
        <source>status &quot;%1&quot; is neither active nor inactive.</source>
        <translation>status „%1“ ist weder active noch inactive.</translation>
    </message>
    <message>
        <source>the Flag has no code.text saying what to look out for.</source>
        <translation>Das Flag hat keinen code.text, der sagt, worauf zu achten ist.</translation>
    </message>
    <message>
        <source>the flag-priority extension&apos;s code &quot;%1&quot; is not PN, PL, PM or PH.</source>
        <translation>Der Code „%1“ der flag-priority-Erweiterung ist nicht PN, PL, PM oder PH.</translation>
    </message>
</context>
<context>
    <name>FhirRecordReader</name>
    <message>
        <source>Records of the FHIR type &quot;%1&quot; are not read for sync.</source>
        <translation>Datensätze des FHIR-Typs „%1“ werden nicht für den Abgleich gelesen.</translation>
    </message>
    <message>
        <source>No %1 with id %2.</source>
        <translation>Kein(e) %1 mit der ID %2.</translation>
    </message>
</context>
<context>
    <name>ImmunizationRepository</name>
    <message>
        <source>An immunization needs a patient and a vaccine.</source>
        <translation>Eine Impfung braucht einen Patienten und einen Impfstoff.</translation>
    </message>
</context>
<context>
    <name>KeyFileSecretStore</name>
    <message>
        <source>the key file %1</source>
        <translation>der Schlüsseldatei %1</translation>
    </message>
    <message>
        <source>Could not open the key file %1: %2</source>
        <translation>Die Schlüsseldatei %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Could not check the permissions of the key file %1.</source>
        <translation>Die Zugriffsrechte der Schlüsseldatei %1 konnten nicht geprüft werden.</translation>
    </message>
    <message>
        <source>The key file %1 is not a regular file.</source>
        <translation>Die Schlüsseldatei %1 ist keine reguläre Datei.</translation>
    </message>
    <message>
        <source>The key file %1 has mode %2, which lets other users read it, so Frontdesk refuses to use it. Make it private to its owner with: chmod 600 %1</source>
        <translation>Die Schlüsseldatei %1 hat den Modus %2, der anderen Benutzern das Lesen erlaubt; deshalb verwendet Frontdesk sie nicht. Machen Sie sie privat für ihren Besitzer mit: chmod 600 %1</translation>
    </message>
    <message>
        <source>Could not read the key file %1: %2</source>
        <translation>Die Schlüsseldatei %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Frontdesk leaves it untouched; restore it from a backup or move it aside.</source>
        <translation>Frontdesk lässt sie unverändert; stellen Sie sie aus einer Sicherung wieder her oder verschieben Sie sie.</translation>
    </message>
    <message>
        <source>The key file %1 is not valid JSON (%2 at offset %3). %4</source>
        <translation>Die Schlüsseldatei %1 ist kein gültiges JSON (%2 bei Position %3). %4</translation>
    </message>
    <message>
        <source>The key file %1 does not hold a JSON object of account names and keys. %2</source>
        <translation>Die Schlüsseldatei %1 enthält kein JSON-Objekt aus Kontonamen und Schlüsseln. %2</translation>
    </message>
    <message>
        <source>The key file %1 has an invalid entry &quot;%2&quot;: its value is not a base64 string. %3</source>
        <translation>Die Schlüsseldatei %1 hat einen ungültigen Eintrag „%2“: Sein Wert ist keine Base64-Zeichenkette. %3</translation>
    </message>
    <message>
        <source>Could not create the key file %1: %2</source>
        <translation>Die Schlüsseldatei %1 konnte nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Could not make the key file %1 private to its owner (mode 0600).</source>
        <translation>Die Schlüsseldatei %1 konnte nicht privat für ihren Besitzer gemacht werden (Modus 0600).</translation>
    </message>
    <message>
        <source>Could not write the key file %1: %2</source>
        <translation>Die Schlüsseldatei %1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The key file %1 was rewritten, but its previous content could not be overwritten on the disk.</source>
        <translation>Die Schlüsseldatei %1 wurde neu geschrieben, aber ihr vorheriger Inhalt konnte auf der Festplatte nicht überschrieben werden.</translation>
    </message>
    <message>
        <source>Could not open the key file %1 to overwrite it.</source>
        <translation>Die Schlüsseldatei %1 konnte zum Überschreiben nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Could not overwrite the key file %1.</source>
        <translation>Die Schlüsseldatei %1 konnte nicht überschrieben werden.</translation>
    </message>
    <message>
        <source>The key file %1 was overwritten but could not be removed.</source>
        <translation>Die Schlüsseldatei %1 wurde überschrieben, konnte aber nicht entfernt werden.</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>Start Frontdesk inside a desktop session, or run it under `dbus-run-session` with gnome-keyring-daemon started and unlocked, or pass --key-file PATH to keep the key in a file readable only by you instead.</source>
        <translation>Starten Sie Frontdesk in einer Desktop-Sitzung oder unter `dbus-run-session` mit gestartetem und entsperrtem gnome-keyring-daemon, oder geben Sie --key-file PFAD an, um den Schlüssel stattdessen in einer nur für Sie lesbaren Datei aufzubewahren.</translation>
    </message>
    <message>
        <source>Could not read &quot;%1&quot; from the OS keychain.</source>
        <translation>„%1“ konnte nicht aus dem Schlüsselbund des Betriebssystems gelesen werden.</translation>
    </message>
    <message>
        <source>Could not store &quot;%1&quot; in the OS keychain.</source>
        <translation>„%1“ konnte nicht im Schlüsselbund des Betriebssystems gespeichert werden.</translation>
    </message>
    <message>
        <source>Could not remove &quot;%1&quot; from the OS keychain.</source>
        <translation>„%1“ konnte nicht aus dem Schlüsselbund des Betriebssystems entfernt werden.</translation>
    </message>
    <message>
        <source>The keychain refused access: it may be locked, or access was declined. Unlock the Secret Service (e.g. gnome-keyring or KWallet) and try again.</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert: Er ist vielleicht gesperrt, oder der Zugriff wurde abgelehnt. Entsperren Sie den Secret Service (z. B. gnome-keyring oder KWallet) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The keychain could not delete the entry.</source>
        <translation>Der Schlüsselbund konnte den Eintrag nicht löschen.</translation>
    </message>
    <message>
        <source>The Secret Service (e.g. gnome-keyring or KWallet) on the D-Bus session bus is missing, or has no unlocked default keyring.</source>
        <translation>Der Secret Service (z. B. gnome-keyring oder KWallet) fehlt auf dem D-Bus-Sitzungsbus oder hat keinen entsperrten Standardschlüsselbund.</translation>
    </message>
    <message>
        <source>The system keychain is not available.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>%1 %2 %3 (QtKeychain: %4)</source>
        <translation>%1 %2 %3 (QtKeychain: %4)</translation>
    </message>
    <message>
        <source>the OS keychain (Secret Service, service &apos;%1&apos;)</source>
        <translation>dem Schlüsselbund des Betriebssystems (Secret Service, Dienst „%1“)</translation>
    </message>
    <message>
        <source>the OS keychain (service &apos;%1&apos;)</source>
        <translation>dem Schlüsselbund des Betriebssystems (Dienst „%1“)</translation>
    </message>
    <message>
        <source>The OS keychain can only be used once the application has started.</source>
        <translation>Der Schlüsselbund des Betriebssystems kann erst verwendet werden, wenn die Anwendung gestartet ist.</translation>
    </message>
    <message>
        <source>Frontdesk keeps its database key in the OS keychain, which is reached through the D-Bus session bus, and there is no D-Bus session here (DBUS_SESSION_BUS_ADDRESS is not set). %1</source>
        <translation>Frontdesk bewahrt seinen Datenbankschlüssel im Schlüsselbund des Betriebssystems auf, der über den D-Bus-Sitzungsbus erreicht wird, und hier gibt es keine D-Bus-Sitzung (DBUS_SESSION_BUS_ADDRESS ist nicht gesetzt). %1</translation>
    </message>
    <message>
        <source>The OS keychain did not answer within %1 seconds while reading &quot;%2&quot;. It may be waiting to be unlocked in a dialog that is hidden or cannot be shown. %3</source>
        <translation>Der Schlüsselbund des Betriebssystems hat beim Lesen von „%2“ nicht innerhalb von %1 Sekunden geantwortet. Vielleicht wartet er auf Entsperrung in einem Dialog, der verdeckt ist oder nicht angezeigt werden kann. %3</translation>
    </message>
    <message>
        <source>The OS keychain did not answer within %1 seconds while storing &quot;%2&quot;. It may be waiting to be unlocked in a dialog that is hidden or cannot be shown. %3</source>
        <translation>Der Schlüsselbund des Betriebssystems hat beim Speichern von „%2“ nicht innerhalb von %1 Sekunden geantwortet. Vielleicht wartet er auf Entsperrung in einem Dialog, der verdeckt ist oder nicht angezeigt werden kann. %3</translation>
    </message>
    <message>
        <source>The OS keychain did not answer within %1 seconds while removing &quot;%2&quot;. It may be waiting to be unlocked in a dialog that is hidden or cannot be shown. %3</source>
        <translation>Der Schlüsselbund des Betriebssystems hat beim Entfernen von „%2“ nicht innerhalb von %1 Sekunden geantwortet. Vielleicht wartet er auf Entsperrung in einem Dialog, der verdeckt ist oder nicht angezeigt werden kann. %3</translation>
    </message>
</context>
<context>
    <name>KpiCommands</name>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 T.</translation>
    </message>
    <message>
        <source>%1 pp</source>
        <translation>%1 Pp.</translation>
    </message>
    <message>
        <source>kpi needs --from DATE and --to DATE (YYYY-MM-DD).</source>
        <translation>kpi braucht --from DATUM und --to DATUM (JJJJ-MM-TT).</translation>
    </message>
    <message>
        <source>--from &quot;%1&quot; is not a date written YYYY-MM-DD.</source>
        <translation>--from „%1“ ist kein Datum im Format JJJJ-MM-TT.</translation>
    </message>
    <message>
        <source>--to &quot;%1&quot; is not a date written YYYY-MM-DD.</source>
        <translation>--to „%1“ ist kein Datum im Format JJJJ-MM-TT.</translation>
    </message>
    <message>
        <source>Period %1 to %2, compared with %3 to %4; as of %5.</source>
        <translation>Zeitraum %1 bis %2, verglichen mit %3 bis %4; Stand %5.</translation>
    </message>
    <message>
        <source>As of the last sync, %1.</source>
        <translation>Stand des letzten Abgleichs: %1.</translation>
    </message>
    <message>
        <source>This workstation has not synced yet: the figures show its own data.</source>
        <translation>Dieser Arbeitsplatz hat noch nicht abgeglichen: Die Zahlen zeigen nur seine eigenen Daten.</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Dieser Zeitraum</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Vorheriger Zeitraum</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Veränderung</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>Only this practitioner&apos;s.</source>
        <translation>Nur die dieses Behandlers.</translation>
    </message>
    <message>
        <source>The dashboard&apos;s figures for a period beside the previous one.</source>
        <translation>Die Kennzahlen der Übersicht für einen Zeitraum neben dem vorherigen.</translation>
    </message>
    <message>
        <source>First day (YYYY-MM-DD).</source>
        <translation>Erster Tag (JJJJ-MM-TT).</translation>
    </message>
    <message>
        <source>Last day (YYYY-MM-DD).</source>
        <translation>Letzter Tag (JJJJ-MM-TT).</translation>
    </message>
    <message>
        <source>Only appointments in this room.</source>
        <translation>Nur Termine in diesem Raum.</translation>
    </message>
    <message>
        <source>Only appointments of this type (e.g. check-up).</source>
        <translation>Nur Termine dieser Art (z. B. check-up).</translation>
    </message>
</context>
<context>
    <name>LocationRepository</name>
    <message>
        <source>A room or location needs a name.</source>
        <translation>Ein Raum oder Standort braucht einen Namen.</translation>
    </message>
</context>
<context>
    <name>MedicationRepository</name>
    <message>
        <source>A medication needs a patient and a name.</source>
        <translation>Ein Medikament braucht einen Patienten und eine Bezeichnung.</translation>
    </message>
</context>
<context>
    <name>MemorySecretStore</name>
    <message>
        <source>the in-memory secret store</source>
        <translation>dem Geheimnisspeicher im Arbeitsspeicher</translation>
    </message>
</context>
<context>
    <name>MessageCommands</name>
    <message>
        <source>message %1 needs --patient ID (the id from search --json).</source>
        <translation>message %1 braucht --patient ID (die ID aus search --json).</translation>
    </message>
    <message>
        <source>message send needs --channel sms or --channel email.</source>
        <translation>message send braucht --channel sms oder --channel email.</translation>
    </message>
    <message>
        <source>--purpose must be one of: %1.</source>
        <translation>--purpose muss eines davon sein: %1.</translation>
    </message>
    <message>
        <source>Queued %1 (%2); frontdesk-server sends it.</source>
        <translation>%1 in die Warteschlange gestellt (%2); frontdesk-server versendet sie.</translation>
    </message>
    <message>
        <source>No messages.</source>
        <translation>Keine Nachrichten.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>The patient&apos;s id.</source>
        <translation>Die ID des Patienten.</translation>
    </message>
    <message>
        <source>sms or email.</source>
        <translation>sms oder email.</translation>
    </message>
    <message>
        <source>Why the patient is written to (the contact rule depends on it).</source>
        <translation>Warum dem Patienten geschrieben wird (davon hängt die Kontaktregel ab).</translation>
    </message>
    <message>
        <source>The message.</source>
        <translation>Die Nachricht.</translation>
    </message>
    <message>
        <source>An e-mail&apos;s subject.</source>
        <translation>Der Betreff einer E-Mail.</translation>
    </message>
    <message>
        <source>The appointment the message is about.</source>
        <translation>Der Termin, um den es in der Nachricht geht.</translation>
    </message>
    <message>
        <source>message assign needs --to USER (a username; --to &quot;&quot; for nobody).</source>
        <translation>message assign braucht --to BENUTZER (einen Benutzernamen; --to &quot;&quot; für niemanden).</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>Zugewiesen an %1</translation>
    </message>
    <message>
        <source>unread</source>
        <translation>ungelesen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1: messages marked read: %2.</source>
        <translation>%1: als gelesen markierte Nachrichten: %2.</translation>
    </message>
    <message>
        <source>%1: assigned to nobody.</source>
        <translation>%1: niemandem zugewiesen.</translation>
    </message>
    <message>
        <source>%1: assigned to %2.</source>
        <translation>%1: zugewiesen an %2.</translation>
    </message>
    <message>
        <source>The staff member (username) the conversation is assigned to.</source>
        <translation>Der Mitarbeiter (Benutzername), dem die Unterhaltung zugewiesen wird.</translation>
    </message>
    <message>
        <source>message needs send, list, read, assign or templates, e.g. frontdeskctl message list --patient ID.</source>
        <translation>message braucht send, list, read, assign oder templates, z. B. frontdeskctl message list --patient ID.</translation>
    </message>
    <message>
        <source>message send needs --text TEXT, the message the patient reads, or --template NAME (frontdeskctl message templates lists them).</source>
        <translation>message send braucht --text TEXT, die Nachricht, die der Patient liest, oder --template NAME (frontdeskctl message templates listet sie auf).</translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; is deactivated.</source>
        <translation>Die Vorlage „%1“ ist deaktiviert.</translation>
    </message>
    <message>
        <source>No templates.</source>
        <translation>Keine Vorlagen.</translation>
    </message>
    <message>
        <source>SMS or e-mail</source>
        <translation>SMS oder E-Mail</translation>
    </message>
    <message>
        <source>(deactivated)</source>
        <translation>(deaktiviert)</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Betreff: %1</translation>
    </message>
    <message>
        <source>Write to a patient (queued for the server), read their messages, mark them read, assign their conversation to a staff member, or list the message templates.</source>
        <translation>Einem Patienten schreiben (für den Server in die Warteschlange), seine Nachrichten lesen, als gelesen markieren, seine Unterhaltung einem Teammitglied zuweisen oder die Nachrichtenvorlagen auflisten.</translation>
    </message>
    <message>
        <source>Send from this template, filled for the patient (instead of --text).</source>
        <translation>Aus dieser Vorlage senden, für den Patienten ausgefüllt (statt --text).</translation>
    </message>
</context>
<context>
    <name>MessageComposer</name>
    <message>
        <source>The patient&apos;s record has no mobile phone number.</source>
        <translation>In der Patientenakte ist keine Mobilnummer eingetragen.</translation>
    </message>
    <message>
        <source>The patient&apos;s record has no e-mail address.</source>
        <translation>In der Patientenakte ist keine E-Mail-Adresse eingetragen.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose the patient the message is for.</source>
        <translation>Wählen Sie den Patienten, für den die Nachricht bestimmt ist.</translation>
    </message>
    <message>
        <source>The message is empty; write what the patient should read.</source>
        <translation>Die Nachricht ist leer; schreiben Sie, was der Patient lesen soll.</translation>
    </message>
    <message>
        <source>A message goes by SMS or e-mail; &quot;%1&quot; is neither.</source>
        <translation>Eine Nachricht geht per SMS oder E-Mail; „%1“ ist keins von beiden.</translation>
    </message>
    <message>
        <source>%1 cannot be used for this patient: %2</source>
        <translation>%1 kann für diesen Patienten nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>This SMS would be sent in %1 parts; at most %2 are allowed. Shorten it, or send it by e-mail.</source>
        <translation>Diese SMS würde in %1 Teilen verschickt; erlaubt sind höchstens %2. Kürzen Sie sie oder senden Sie sie per E-Mail.</translation>
    </message>
    <message>
        <source>An e-mail needs a subject.</source>
        <translation>Eine E-Mail braucht einen Betreff.</translation>
    </message>
    <message>
        <source>The appointment chosen is another patient&apos;s.</source>
        <translation>Der gewählte Termin gehört zu einem anderen Patienten.</translation>
    </message>
</context>
<context>
    <name>MessageLabels</name>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>Administrative</source>
        <translation>Verwaltung</translation>
    </message>
    <message>
        <source>Clinical</source>
        <translation>Klinisch</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Handled</source>
        <comment>an inbound message someone has answered</comment>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Nachkontrolle</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Umfrage</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
</context>
<context>
    <name>MessageRepository</name>
    <message>
        <source>A message needs a patient.</source>
        <translation>Eine Nachricht braucht einen Patienten.</translation>
    </message>
    <message>
        <source>A message goes by sms or email; got &quot;%1&quot;.</source>
        <translation>Eine Nachricht geht per sms oder email; erhalten: „%1“.</translation>
    </message>
</context>
<context>
    <name>MessageRetention</name>
    <message>
        <source>Messages are kept from 1 to %1 days, or 0 for always.</source>
        <translation>Nachrichten werden 1 bis %1 Tage aufbewahrt, oder 0 für immer.</translation>
    </message>
    <message>
        <source>Could not remove old messages: %1</source>
        <translation>Alte Nachrichten konnten nicht entfernt werden: %1</translation>
    </message>
</context>
<context>
    <name>MessageTemplateMapping</name>
    <message>
        <source>code must hold %1|%2.</source>
        <translation>code muss %1|%2 enthalten.</translation>
    </message>
    <message>
        <source>%1 is missing.</source>
        <translation>%1 fehlt.</translation>
    </message>
    <message>
        <source>%1 must be true or false.</source>
        <translation>%1 muss true oder false sein.</translation>
    </message>
</context>
<context>
    <name>MessageTemplateRepository</name>
    <message>
        <source>There is already a template named &quot;%1&quot;.</source>
        <translation>Es gibt bereits eine Vorlage namens „%1“.</translation>
    </message>
    <message>
        <source>There is no template named &quot;%1&quot;.</source>
        <translation>Es gibt keine Vorlage namens „%1“.</translation>
    </message>
</context>
<context>
    <name>MessageThreads</name>
    <message>
        <source>%1, %2 (%3)</source>
        <comment>family name, given name (MRN)</comment>
        <translation>%1, %2 (%3)</translation>
    </message>
    <message>
        <source>Could not read the conversations: %1</source>
        <translation>Die Unterhaltungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1: no patient has this number or address</source>
        <translation>%1: Kein Patient hat diese Nummer oder Adresse</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>sender: the patients it might be</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>Could not read the conversation: %1</source>
        <translation>Die Unterhaltung konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not mark the conversation read: %1</source>
        <translation>Die Unterhaltung konnte nicht als gelesen markiert werden: %1</translation>
    </message>
    <message>
        <source>Could not mark the conversation unread: %1</source>
        <translation>Die Unterhaltung konnte nicht als ungelesen markiert werden: %1</translation>
    </message>
    <message>
        <source>This conversation has no read reply that could be marked unread.</source>
        <translation>Diese Unterhaltung hat keine gelesene Antwort, die als ungelesen markiert werden könnte.</translation>
    </message>
    <message>
        <source>There is no conversation to assign.</source>
        <translation>Es gibt keine Unterhaltung, die zugewiesen werden könnte.</translation>
    </message>
    <message>
        <source>Could not assign the conversation: %1</source>
        <translation>Die Unterhaltung konnte nicht zugewiesen werden: %1</translation>
    </message>
    <message>
        <source>Could not read the staff list: %1</source>
        <translation>Die Mitarbeiterliste konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No active staff member &quot;%1&quot;.</source>
        <translation>Kein aktiver Mitarbeiter „%1“.</translation>
    </message>
</context>
<context>
    <name>ObservationRepository</name>
    <message>
        <source>An observation needs a patient and a name.</source>
        <translation>Ein Befund braucht einen Patienten und eine Bezeichnung.</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>Could not queue the change for sync: %1</source>
        <translation>Die Änderung konnte nicht zum Abgleich vorgemerkt werden: %1</translation>
    </message>
</context>
<context>
    <name>PasswordHash</name>
    <message>
        <source>Could not hash the password: libsodium failed to initialise.</source>
        <translation>Das Passwort konnte nicht gehasht werden: libsodium ließ sich nicht initialisieren.</translation>
    </message>
    <message>
        <source>Could not hash the password: not enough memory for Argon2id.</source>
        <translation>Das Passwort konnte nicht gehasht werden: nicht genug Arbeitsspeicher für Argon2id.</translation>
    </message>
</context>
<context>
    <name>PasswordPolicy</name>
    <message>
        <source>The password is too short: it has %1 characters and needs at least %2.</source>
        <translation>Das Passwort ist zu kurz: Es hat %1 Zeichen und braucht mindestens %2.</translation>
    </message>
    <message>
        <source>The password must not start or end with a space.</source>
        <translation>Das Passwort darf nicht mit einem Leerzeichen beginnen oder enden.</translation>
    </message>
    <message>
        <source>This password is on the list of common passwords that attackers try first. Choose another one, e.g. several unrelated words.</source>
        <translation>Dieses Passwort steht auf der Liste gängiger Passwörter, die Angreifer zuerst ausprobieren. Wählen Sie ein anderes, z. B. mehrere Wörter ohne Zusammenhang.</translation>
    </message>
    <message>
        <source>The password must not contain the user name.</source>
        <translation>Das Passwort darf den Benutzernamen nicht enthalten.</translation>
    </message>
    <message>
        <source>The password repeats too few different characters (%1); use more.</source>
        <translation>Das Passwort wiederholt zu wenige verschiedene Zeichen (%1); verwenden Sie mehr.</translation>
    </message>
</context>
<context>
    <name>PatientAlert</name>
    <message>
        <source>An alert needs a patient.</source>
        <translation>Ein Hinweis braucht einen Patienten.</translation>
    </message>
    <message>
        <source>An alert needs a text.</source>
        <translation>Ein Hinweis braucht einen Text.</translation>
    </message>
    <message>
        <source>Severity must be info, warning or high.</source>
        <translation>Die Dringlichkeit muss info, warning oder high sein.</translation>
    </message>
</context>
<context>
    <name>PatientCommands</name>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>search needs the text to look for, e.g. frontdeskctl search &quot;mueller anna&quot;.</source>
        <translation>search braucht den Suchtext, z. B. frontdeskctl search &quot;mueller anna&quot;.</translation>
    </message>
    <message>
        <source>--limit must be a number from 1 to 1000.</source>
        <translation>--limit muss eine Zahl von 1 bis 1000 sein.</translation>
    </message>
    <message>
        <source>Indexed %1 patients in %2 s.</source>
        <translation>%1 Patienten in %2 s indexiert.</translation>
    </message>
    <message>
        <source>No patient matches &quot;%1&quot;.</source>
        <translation>Kein Patient passt zu „%1“.</translation>
    </message>
    <message>
        <source>import-fhir needs one FILE or DIR of FHIR R4 Bundles (.json).</source>
        <translation>import-fhir braucht eine DATEI oder ein VERZEICHNIS mit FHIR-R4-Bundles (.json).</translation>
    </message>
    <message numerus="yes">
        <source>%1: not imported (%n problem(s); nothing from this file was kept):</source>
        <translation>
            <numerusform>%1: nicht importiert (%n Problem; nichts aus dieser Datei wurde übernommen):</numerusform>
            <numerusform>%1: nicht importiert (%n Probleme; nichts aus dieser Datei wurde übernommen):</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: imported %2 (%3 new, %4 updated, %5 unchanged).</source>
        <translation>%1: %2 importiert (%3 neu, %4 aktualisiert, %5 unverändert).</translation>
    </message>
    <message>
        <source>not kept locally: %1</source>
        <translation>nicht lokal übernommen: %1</translation>
    </message>
    <message>
        <source>%1 of %2 files were not imported.</source>
        <translation>%1 von %2 Dateien wurden nicht importiert.</translation>
    </message>
    <message>
        <source>Wrote the record of patient %1 to %2.</source>
        <translation>Die Akte des Patienten %1 wurde nach %2 geschrieben.</translation>
    </message>
    <message>
        <source>--limit must be a positive number.</source>
        <translation>--limit muss eine positive Zahl sein.</translation>
    </message>
    <message>
        <source>No possible duplicates.</source>
        <translation>Keine möglichen Dubletten.</translation>
    </message>
    <message>
        <source>merge needs --survivor ID and --merged ID.</source>
        <translation>merge braucht --survivor ID und --merged ID.</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot; in --take (fields: %2).</source>
        <translation>unbekanntes Feld „%1“ in --take (Felder: %2).</translation>
    </message>
    <message>
        <source>Merged %1 into %2 (%3). Moved: %4.</source>
        <translation>%1 mit %2 zusammengeführt (%3). Übertragen: %4.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Find patients by name, birth date, phone, MRN or e-mail, best match first.</source>
        <translation>Patienten nach Name, Geburtsdatum, Telefon, Patientennummer oder E-Mail suchen, beste Treffer zuerst.</translation>
    </message>
    <message>
        <source>At most N results (default 20).</source>
        <translation>Höchstens N Ergebnisse (Standard 20).</translation>
    </message>
    <message>
        <source>Rebuild the search index first (TEXT may then be left out).</source>
        <translation>Zuerst den Suchindex neu aufbauen (TEXT kann dann entfallen).</translation>
    </message>
    <message>
        <source>Import FHIR R4 Bundles (as Synthea writes them) into the local database.</source>
        <translation>FHIR-R4-Bundles (wie Synthea sie schreibt) in die lokale Datenbank importieren.</translation>
    </message>
    <message>
        <source>The patient&apos;s id.</source>
        <translation>Die ID des Patienten.</translation>
    </message>
    <message>
        <source>List possible duplicate patients, most likely first.</source>
        <translation>Mögliche Patientendubletten auflisten, wahrscheinlichste zuerst.</translation>
    </message>
    <message>
        <source>At most N pairs (default 50).</source>
        <translation>Höchstens N Paare (Standard 50).</translation>
    </message>
    <message>
        <source>Merge a duplicate patient into the surviving record (kept as a link).</source>
        <translation>Eine Patientendublette mit der verbleibenden Akte zusammenführen (als Verknüpfung erhalten).</translation>
    </message>
    <message>
        <source>The record that stays.</source>
        <translation>Die Akte, die bleibt.</translation>
    </message>
    <message>
        <source>The record merged into it (kept as a link).</source>
        <translation>Die damit zusammengeführte Akte (als Verknüpfung erhalten).</translation>
    </message>
    <message>
        <source>Fields to take from the merged record, e.g. phoneMobile,email.</source>
        <translation>Felder, die aus der zusammengeführten Akte übernommen werden, z. B. phoneMobile,email.</translation>
    </message>
    <message>
        <source>--match-system needs an identifier system URI.</source>
        <translation>--match-system braucht die URI eines Kennungssystems.</translation>
    </message>
    <message>
        <source>--max-size must be a number of MiB from 1 to 65536.</source>
        <translation>--max-size muss eine Zahl von MiB zwischen 1 und 65536 sein.</translation>
    </message>
    <message>
        <source>Identifiers of this system are our MRNs too: a patient with one is the local patient of that MRN (may be repeated; our own MRN system always counts).</source>
        <translation>Kennungen dieses Systems sind auch unsere Patientennummern: Ein Patient mit einer solchen ist der lokale Patient dieser Nummer (wiederholbar; unser eigenes System zählt immer).</translation>
    </message>
    <message>
        <source>Refuse files larger than this many MiB (default 256).</source>
        <translation>Dateien über so vielen MiB ablehnen (Standard 256).</translation>
    </message>
    <message>
        <source>export-fhir needs either --patient ID (the id from search --json) or --all --output DIR.</source>
        <translation>export-fhir braucht entweder --patient ID (die ID aus search --json) oder --all --output DIR.</translation>
    </message>
    <message>
        <source>export-fhir --all needs --output DIR: it writes one file per patient.</source>
        <translation>export-fhir --all braucht --output DIR: es schreibt eine Datei je Patient.</translation>
    </message>
    <message>
        <source>Could not create the directory %1.</source>
        <translation>Das Verzeichnis %1 konnte nicht angelegt werden.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote the records of %n patient(s) to %1.</source>
        <translation>
            <numerusform>Die Akte von %n Patient nach %1 geschrieben.</numerusform>
            <numerusform>Die Akten von %n Patienten nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Write one patient&apos;s record (or every patient&apos;s) as a FHIR R4 Bundle.</source>
        <translation>Die Akte eines Patienten (oder aller Patienten) als FHIR-R4-Bundle schreiben.</translation>
    </message>
    <message>
        <source>Every patient, one file each in the directory --output names; needs --reason.</source>
        <translation>Alle Patienten, je eine Datei in dem Verzeichnis, das --output nennt; braucht --reason.</translation>
    </message>
    <message>
        <source>Why the clinical records are read (at least 5 characters, recorded in the audit trail): needed when the patient has no appointment today, and always with --all.</source>
        <translation>Warum die klinischen Daten gelesen werden (mindestens 5 Zeichen, im Prüfprotokoll festgehalten): nötig, wenn der Patient heute keinen Termin hat, und immer mit --all.</translation>
    </message>
    <message>
        <source>Write to FILE (a directory with --all) instead of standard output.</source>
        <translation>In DATEI (mit --all ein Verzeichnis) statt auf die Standardausgabe schreiben.</translation>
    </message>
</context>
<context>
    <name>PatientMerge</name>
    <message>
        <source>MRN</source>
        <translation>Patientennummer</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobiltelefon</translation>
    </message>
    <message>
        <source>Home phone</source>
        <translation>Telefon privat</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Bevorzugte Sprache</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>Bevorzugter Kanal</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>Notfallkontakt</translation>
    </message>
    <message>
        <source>Emergency contact relation</source>
        <translation>Beziehung des Notfallkontakts</translation>
    </message>
    <message>
        <source>Emergency contact phone</source>
        <translation>Telefon des Notfallkontakts</translation>
    </message>
    <message>
        <source>A patient cannot be merged with itself.</source>
        <translation>Ein Patient kann nicht mit sich selbst zusammengeführt werden.</translation>
    </message>
    <message>
        <source>%1 (%2) was deleted.</source>
        <translation>%1 (%2) wurde gelöscht.</translation>
    </message>
    <message>
        <source>%1 (%2) was already merged into another record.</source>
        <translation>%1 (%2) wurde bereits mit einer anderen Akte zusammengeführt.</translation>
    </message>
    <message>
        <source>There is no patient field &quot;%1&quot; to choose.</source>
        <translation>Es gibt kein Patientenfeld „%1“ zur Auswahl.</translation>
    </message>
    <message>
        <source>The merge was not done: %1</source>
        <translation>Die Zusammenführung wurde nicht durchgeführt: %1</translation>
    </message>
</context>
<context>
    <name>PatientPhoto</name>
    <message>
        <source>The photo is empty.</source>
        <translation>Das Foto ist leer.</translation>
    </message>
    <message>
        <source>The photo is %1; at most %2 is allowed.</source>
        <translation>Das Foto ist %1 groß; erlaubt sind höchstens %2.</translation>
    </message>
    <message>
        <source>The photo must be a JPEG or PNG image.</source>
        <translation>Das Foto muss ein JPEG- oder PNG-Bild sein.</translation>
    </message>
    <message>
        <source>A photo needs a patient.</source>
        <translation>Ein Foto braucht einen Patienten.</translation>
    </message>
</context>
<context>
    <name>PatientPhotoRepository</name>
    <message>
        <source>Could not store the photo: %1</source>
        <translation>Das Foto konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>PatientRecordMapping</name>
    <message>
        <source>code must hold the code %1 of %2: this Task is no recall.</source>
        <translation>code muss den Code %1 aus %2 enthalten: Diese Task ist kein Recall.</translation>
    </message>
    <message>
        <source>%1 is not base64.</source>
        <translation>%1 ist kein Base64.</translation>
    </message>
    <message>
        <source>contentType is &quot;%1&quot; but the data is %2.</source>
        <translation>contentType ist „%1“, die Daten sind aber %2.</translation>
    </message>
</context>
<context>
    <name>PatientReplies</name>
    <message>
        <source>The patient replied: “%1”. Mark it handled once answered.</source>
        <translation>Der Patient hat geantwortet: „%1“. Als erledigt markieren, sobald beantwortet.</translation>
    </message>
    <message>
        <source>Could not read the patients&apos; replies: %1</source>
        <translation>Die Antworten der Patienten konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not mark the reply handled: %1</source>
        <translation>Die Antwort konnte nicht als erledigt markiert werden: %1</translation>
    </message>
</context>
<context>
    <name>PatientRepository</name>
    <message>
        <source>The MRN %1 already belongs to %2.</source>
        <translation>Die Patientennummer %1 gehört bereits zu %2.</translation>
    </message>
</context>
<context>
    <name>PatientSearch</name>
    <message>
        <source>Could not update the patient search index: %1</source>
        <translation>Der Patientensuchindex konnte nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>Could not rebuild the patient search index: %1</source>
        <translation>Der Patientensuchindex konnte nicht neu aufgebaut werden: %1</translation>
    </message>
    <message>
        <source>The patient search failed: %1</source>
        <translation>Die Patientensuche ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>PatientTimeline</name>
    <message>
        <source>Appointment</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>Versicherung</translation>
    </message>
    <message>
        <source>Visit note</source>
        <translation>Besuchsnotiz</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 from the patient (%2, %3)</source>
        <translation>%1 vom Patienten (%2, %3)</translation>
    </message>
    <message>
        <source>%1 to the patient (%2, %3)</source>
        <translation>%1 an den Patienten (%2, %3)</translation>
    </message>
    <message>
        <source>Consent given: %1</source>
        <translation>Einwilligung erteilt: %1</translation>
    </message>
    <message>
        <source>Consent withdrawn: %1</source>
        <translation>Einwilligung widerrufen: %1</translation>
    </message>
    <message>
        <source>recorded by %1</source>
        <translation>erfasst von %1</translation>
    </message>
    <message>
        <source>Insurance added: %1</source>
        <translation>Versicherung hinzugefügt: %1</translation>
    </message>
    <message>
        <source>member %1</source>
        <translation>Versichertennummer %1</translation>
    </message>
    <message>
        <source>Eligibility checked: %1</source>
        <translation>Anspruch geprüft: %1</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Besuch</translation>
    </message>
    <message>
        <source> with %1</source>
        <translation> bei %1</translation>
    </message>
    <message>
        <source>The visit notes were opened for another patient.</source>
        <translation>Die Besuchsnotizen wurden für einen anderen Patienten geöffnet.</translation>
    </message>
    <message>
        <source>%1 · patient replied</source>
        <comment>timeline: an appointment · a reply waits</comment>
        <translation>%1 · Patient hat geantwortet</translation>
    </message>
</context>
<context>
    <name>PatientValidation</name>
    <message>
        <source>A patient needs a medical record number (MRN).</source>
        <translation>Ein Patient braucht eine Patientennummer.</translation>
    </message>
    <message>
        <source>A patient needs a family name.</source>
        <translation>Ein Patient braucht einen Nachnamen.</translation>
    </message>
    <message>
        <source>The birth date %1 is in the future.</source>
        <translation>Das Geburtsdatum %1 liegt in der Zukunft.</translation>
    </message>
    <message>
        <source>The birth date is before 1880.</source>
        <translation>Das Geburtsdatum liegt vor 1880.</translation>
    </message>
    <message>
        <source>Sex must be female, male, other or unknown; got &quot;%1&quot;.</source>
        <translation>Das Geschlecht muss female, male, other oder unknown sein; erhalten: „%1“.</translation>
    </message>
    <message>
        <source>Enter a phone number of 6 to 15 digits, e.g. +49 170 1234567 or 0170 1234567.</source>
        <translation>Geben Sie eine Telefonnummer mit 6 bis 15 Ziffern ein, z. B. +49 170 1234567 oder 0170 1234567.</translation>
    </message>
    <message>
        <source>Enter an e-mail address such as name@example.org.</source>
        <translation>Geben Sie eine E-Mail-Adresse wie name@example.org ein.</translation>
    </message>
    <message>
        <source>E-mail is the preferred channel: enter an e-mail address.</source>
        <translation>E-Mail ist der bevorzugte Kanal: Geben Sie eine E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>SMS is the preferred channel: enter a mobile number.</source>
        <translation>SMS ist der bevorzugte Kanal: Geben Sie eine Mobilnummer ein.</translation>
    </message>
    <message>
        <source>Whose number is the emergency phone? Enter their name.</source>
        <translation>Wessen Nummer ist die Notfallnummer? Geben Sie den Namen ein.</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>see the schedule</source>
        <translation>den Terminplan sehen</translation>
    </message>
    <message>
        <source>book, move or check in appointments</source>
        <translation>Termine buchen, verschieben oder Ankunft erfassen</translation>
    </message>
    <message>
        <source>see patients&apos; details</source>
        <translation>Patientendaten sehen</translation>
    </message>
    <message>
        <source>change patients&apos; details</source>
        <translation>Patientendaten ändern</translation>
    </message>
    <message>
        <source>see messages</source>
        <translation>Nachrichten sehen</translation>
    </message>
    <message>
        <source>send messages</source>
        <translation>Nachrichten senden</translation>
    </message>
    <message>
        <source>see clinical summaries and notes</source>
        <translation>klinische Zusammenfassungen und Notizen sehen</translation>
    </message>
    <message>
        <source>change clinical notes</source>
        <translation>klinische Notizen ändern</translation>
    </message>
    <message>
        <source>see dashboards</source>
        <translation>Übersichten sehen</translation>
    </message>
    <message>
        <source>see the audit trail</source>
        <translation>das Prüfprotokoll sehen</translation>
    </message>
    <message>
        <source>double-book a practitioner or room</source>
        <translation>einen Behandler oder Raum doppelt buchen</translation>
    </message>
    <message>
        <source>manage staff accounts</source>
        <translation>Mitarbeiterkonten verwalten</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>Einstellungen ändern</translation>
    </message>
    <message>
        <source>wipe this workstation</source>
        <translation>diesen Arbeitsplatz löschen</translation>
    </message>
    <message>
        <source>unlock another person&apos;s session</source>
        <translation>die Sitzung einer anderen Person entsperren</translation>
    </message>
</context>
<context>
    <name>PractitionerRepository</name>
    <message>
        <source>A practitioner needs a family name.</source>
        <translation>Ein Behandler braucht einen Nachnamen.</translation>
    </message>
    <message>
        <source>The slot length must be between 5 and 240 minutes; got %1.</source>
        <translation>Die Länge eines Zeitfensters muss zwischen 5 und 240 Minuten liegen; erhalten: %1.</translation>
    </message>
</context>
<context>
    <name>ProcessHardening</name>
    <message>
        <source>Could not turn core dumps off (RLIMIT_CORE): %1</source>
        <translation>Core-Dumps konnten nicht abgeschaltet werden (RLIMIT_CORE): %1</translation>
    </message>
    <message>
        <source>Could not make the process non-dumpable: %1</source>
        <translation>Der Prozess konnte nicht vor Speicherabbildern geschützt werden: %1</translation>
    </message>
</context>
<context>
    <name>ProfileItemDialog</name>
    <message>
        <source>Alert</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>e.g. Needs an interpreter (Turkish)</source>
        <translation>z. B. Benötigt einen Dolmetscher (Türkisch)</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>High — shown first</source>
        <translation>Hoch – wird zuerst angezeigt</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>&amp;Dringlichkeit:</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Erteilt</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Attach scanned document…</source>
        <translation>Eingescanntes Dokument anhängen…</translation>
    </message>
    <message>
        <source>Scanned consent</source>
        <translation>Eingescannte Einwilligung</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.png *.jpg *.jpeg *.tif)</source>
        <translation>Dokumente (*.pdf *.png *.jpg *.jpeg *.tif)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>&amp;Consent to:</source>
        <translation>&amp;Einwilligung zu:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>Dokument:</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>Versicherung</translation>
    </message>
    <message>
        <source>&amp;Payer:</source>
        <translation>&amp;Kostenträger:</translation>
    </message>
    <message>
        <source>&amp;Member id:</source>
        <translation>&amp;Versichertennummer:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Gruppe:</translation>
    </message>
    <message>
        <source>Valid &amp;from:</source>
        <translation>Gültig &amp;ab:</translation>
    </message>
    <message>
        <source>Valid &amp;to:</source>
        <translation>Gültig &amp;bis:</translation>
    </message>
    <message>
        <source>&amp;Eligibility:</source>
        <translation>An&amp;spruch:</translation>
    </message>
    <message>
        <source>Communication preference</source>
        <translation>Kommunikationspräferenz</translation>
    </message>
    <message>
        <source>Appointment reminders</source>
        <translation>Terminerinnerungen</translation>
    </message>
    <message>
        <source>Administrative</source>
        <translation>Verwaltung</translation>
    </message>
    <message>
        <source>Clinical results</source>
        <translation>Klinische Befunde</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>Opted out: send nothing for this purpose</source>
        <translation>Abgemeldet: für diesen Zweck nichts senden</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Zweck:</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>&amp;Quiet from:</source>
        <translation>&amp;Ruhe ab:</translation>
    </message>
    <message>
        <source>Quiet &amp;until:</source>
        <translation>Ruhe b&amp;is:</translation>
    </message>
    <message>
        <source>Follow-ups after a visit</source>
        <translation>Nachsorge nach einem Besuch</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>Umfragen</translation>
    </message>
    <message>
        <source>Recalls (check-ups due)</source>
        <translation>Recalls (fällige Kontrolluntersuchungen)</translation>
    </message>
</context>
<context>
    <name>RecallCommands</name>
    <message>
        <source>recall needs one sub-command: add, done, list, due or outreach.</source>
        <translation>recall braucht einen Unterbefehl: add, done, list, due oder outreach.</translation>
    </message>
    <message>
        <source>--months must be a whole number from 1 to %1; got &quot;%2&quot;.</source>
        <translation>--months muss eine ganze Zahl von 1 bis %1 sein; angegeben wurde „%2“.</translation>
    </message>
    <message>
        <source>recall outreach needs --template NAME, a template for recalls (frontdeskctl message templates lists them).</source>
        <translation>recall outreach braucht --template NAME, eine Vorlage für Recalls (frontdeskctl message templates listet sie auf).</translation>
    </message>
    <message>
        <source>recall add needs --patient ID, --due DATE and --reason TEXT.</source>
        <translation>recall add braucht --patient ID, --due DATUM und --reason TEXT.</translation>
    </message>
    <message>
        <source>--due &quot;%1&quot; is not a date written YYYY-MM-DD.</source>
        <translation>--due „%1“ ist kein Datum im Format JJJJ-MM-TT.</translation>
    </message>
    <message>
        <source>recall done needs --recall ID.</source>
        <translation>recall done braucht --recall ID.</translation>
    </message>
    <message>
        <source>The recall %1 was deleted.</source>
        <translation>Der Recall %1 wurde gelöscht.</translation>
    </message>
    <message>
        <source>The recall %1 is already %2.</source>
        <translation>Der Recall %1 ist bereits %2.</translation>
    </message>
    <message>
        <source>Recall %1 is done.</source>
        <translation>Recall %1 ist erledigt.</translation>
    </message>
    <message>
        <source>No recalls.</source>
        <translation>Keine Recalls.</translation>
    </message>
    <message>
        <source>call task</source>
        <translation>Anrufaufgabe</translation>
    </message>
    <message>
        <source>letter task</source>
        <translation>Briefaufgabe</translation>
    </message>
    <message>
        <source>not contacted</source>
        <translation>nicht kontaktiert</translation>
    </message>
    <message>
        <source>Nobody is due for a recall on %1.</source>
        <translation>Am %1 ist niemand für einen Recall fällig.</translation>
    </message>
    <message>
        <source>%1 (%2)  due %3  %4  -&gt;  %5</source>
        <translation>%1 (%2)  fällig %3  %4  -&gt;  %5</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Betreff: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2 queued (%3).</source>
        <translation>%1: %2 in der Warteschlange (%3).</translation>
    </message>
    <message>
        <source>%1: call task made (%2).</source>
        <translation>%1: Anrufaufgabe angelegt (%2).</translation>
    </message>
    <message>
        <source>%1: letter task made (%2).</source>
        <translation>%1: Briefaufgabe angelegt (%2).</translation>
    </message>
    <message>
        <source>%1: not contacted: %2</source>
        <translation>%1: nicht kontaktiert: %2</translation>
    </message>
    <message>
        <source>%1: failed, nothing was kept: %2</source>
        <translation>%1: fehlgeschlagen, nichts wurde gespeichert: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) queued for frontdesk-server to send</source>
        <translation>
            <numerusform>%n Nachricht zum Versand durch frontdesk-server in der Warteschlange</numerusform>
            <numerusform>%n Nachrichten zum Versand durch frontdesk-server in der Warteschlange</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call or letter task(s) made</source>
        <translation>
            <numerusform>%n Anruf- oder Briefaufgabe angelegt</numerusform>
            <numerusform>%n Anruf- oder Briefaufgaben angelegt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) not contacted.</source>
        <translation>
            <numerusform>%n Patient nicht kontaktiert.</numerusform>
            <numerusform>%n Patienten nicht kontaktiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) could not be contacted; see above.</source>
        <translation>
            <numerusform>%n Patient konnte nicht kontaktiert werden; siehe oben.</numerusform>
            <numerusform>%n Patienten konnten nicht kontaktiert werden; siehe oben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>Recalls (care gaps): who should come back by when, who is due today, and contacting them as a batch.</source>
        <translation>Recalls (Versorgungslücken): wer bis wann wiederkommen sollte, wer heute fällig ist, und alle gesammelt kontaktieren.</translation>
    </message>
    <message>
        <source>The patient&apos;s id.</source>
        <translation>Die ID des Patienten.</translation>
    </message>
    <message>
        <source>Only this practitioner&apos;s.</source>
        <translation>Nur die dieses Behandlers.</translation>
    </message>
    <message>
        <source>Due date (YYYY-MM-DD).</source>
        <translation>Fälligkeitsdatum (JJJJ-MM-TT).</translation>
    </message>
    <message>
        <source>Why the patient should come back.</source>
        <translation>Warum der Patient wiederkommen sollte.</translation>
    </message>
    <message>
        <source>The recall&apos;s id.</source>
        <translation>Die ID des Recalls.</translation>
    </message>
    <message>
        <source>Only open recalls that are overdue (care gaps).</source>
        <translation>Nur offene, überfällige Recalls (Versorgungslücken).</translation>
    </message>
    <message>
        <source>Also the patients with no visit for this many months and nothing booked.</source>
        <translation>Auch die Patienten, die seit so vielen Monaten nicht da waren und keinen Termin gebucht haben.</translation>
    </message>
    <message>
        <source>The recall template the messages are written from.</source>
        <translation>Die Recall-Vorlage, aus der die Nachrichten geschrieben werden.</translation>
    </message>
    <message>
        <source>Show who would be contacted and the text each would read; contact nobody.</source>
        <translation>Zeigen, wer kontaktiert würde und welchen Text jeder liest; niemanden kontaktieren.</translation>
    </message>
</context>
<context>
    <name>RecallOutreach</name>
    <message>
        <source>The template &quot;%1&quot; is deactivated.</source>
        <translation>Die Vorlage „%1“ ist deaktiviert.</translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; is for %2, not for recalls.</source>
        <translation>Die Vorlage „%1“ ist für %2, nicht für Recalls.</translation>
    </message>
    <message>
        <source>Call about the recall: %1</source>
        <translation>Wegen des Recalls anrufen: %1</translation>
    </message>
    <message>
        <source>Send a letter about the recall: %1</source>
        <translation>Wegen des Recalls einen Brief schicken: %1</translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; is written for %2; this patient is written to by %3.</source>
        <translation>Die Vorlage „%1“ ist für %2 geschrieben; dieser Patient wird per %3 angeschrieben.</translation>
    </message>
    <message>
        <source>The months without a visit must be between 0 and %1.</source>
        <translation>Die Monate ohne Besuch müssen zwischen 0 und %1 liegen.</translation>
    </message>
    <message>
        <source>No visit since %1.</source>
        <translation>Kein Besuch seit %1.</translation>
    </message>
    <message numerus="yes">
        <source>No visit for %n month(s).</source>
        <translation>
            <numerusform>Seit %n Monat kein Besuch.</numerusform>
            <numerusform>Seit %n Monaten kein Besuch.</numerusform>
        </translation>
    </message>
    <message>
        <source>The recall was contacted or closed meanwhile.</source>
        <translation>Der Recall wurde inzwischen kontaktiert oder geschlossen.</translation>
    </message>
</context>
<context>
    <name>RecallRepository</name>
    <message>
        <source>A recall needs a patient.</source>
        <translation>Ein Recall braucht einen Patienten.</translation>
    </message>
    <message>
        <source>A recall needs a due date.</source>
        <translation>Ein Recall braucht ein Fälligkeitsdatum.</translation>
    </message>
    <message>
        <source>Unknown recall status &quot;%1&quot; (open, done or cancelled).</source>
        <translation>Unbekannter Recall-Status „%1“ (open, done oder cancelled).</translation>
    </message>
    <message>
        <source>There is no patient with the id %1.</source>
        <translation>Es gibt keinen Patienten mit der ID %1.</translation>
    </message>
    <message>
        <source>There is no practitioner with the id %1.</source>
        <translation>Es gibt keinen Behandler mit der ID %1.</translation>
    </message>
    <message>
        <source>The recall %1 was deleted.</source>
        <translation>Der Recall %1 wurde gelöscht.</translation>
    </message>
    <message>
        <source>The recall %1 is already %2.</source>
        <translation>Der Recall %1 ist bereits %2.</translation>
    </message>
    <message>
        <source>Unknown kind of task &quot;%1&quot; (recall, call, letter or offer).</source>
        <translation>Unbekannte Art von Aufgabe „%1“ (recall, call, letter oder offer).</translation>
    </message>
    <message>
        <source>A recall&apos;s contact needs both its time and its channel (SMS, e-mail, call or letter).</source>
        <translation>Der Kontakt zu einem Recall braucht Zeitpunkt und Kanal (SMS, E-Mail, Anruf oder Brief).</translation>
    </message>
</context>
<context>
    <name>RecordStore</name>
    <message>
        <source>%1 has no field %2.</source>
        <translation>%1 hat kein Feld %2.</translation>
    </message>
    <message>
        <source>Could not save the new %1: %2</source>
        <translation>Neue(r/s) %1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The %1 %2 no longer exists.</source>
        <translation>%1 %2 existiert nicht mehr.</translation>
    </message>
    <message>
        <source>This %1 was changed by someone else since it was opened (version %2, now %3). Reopen it to see their change, then edit again.</source>
        <translation>Diese(r/s) %1 wurde von jemand anderem geändert, seit es geöffnet wurde (Version %2, jetzt %3). Öffnen Sie es erneut, um die Änderung zu sehen, und bearbeiten Sie es dann noch einmal.</translation>
    </message>
    <message>
        <source>Could not save the %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The %1 %2 does not exist.</source>
        <translation>%1 %2 existiert nicht.</translation>
    </message>
    <message>
        <source>This %1 was changed by someone else since it was opened; reopen it before deleting.</source>
        <translation>Diese(r/s) %1 wurde von jemand anderem geändert, seit es geöffnet wurde; öffnen Sie es vor dem Löschen erneut.</translation>
    </message>
    <message>
        <source>Could not delete the %1: %2</source>
        <translation>%1 konnte nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>The %1 %2 that this %3 belongs to does not exist.</source>
        <translation>%1 %2, zu dem dieser Datensatz (%3) gehört, existiert nicht.</translation>
    </message>
</context>
<context>
    <name>Recurrence</name>
    <message>
        <source>A series needs a first date.</source>
        <translation>Eine Serie braucht ein erstes Datum.</translation>
    </message>
    <message>
        <source>A series repeats every 1 to 52 weeks or months; got %1.</source>
        <translation>Eine Serie wiederholt sich alle 1 bis 52 Wochen oder Monate; erhalten: %1.</translation>
    </message>
    <message>
        <source>A series ends either on a date or after a number of appointments.</source>
        <translation>Eine Serie endet entweder an einem Datum oder nach einer Anzahl von Terminen.</translation>
    </message>
    <message>
        <source>A series can have at most %1 appointments.</source>
        <translation>Eine Serie kann höchstens %1 Termine haben.</translation>
    </message>
    <message>
        <source>The number of appointments must be positive.</source>
        <translation>Die Anzahl der Termine muss positiv sein.</translation>
    </message>
    <message>
        <source>The series would end (%1) before it starts (%2).</source>
        <translation>Die Serie würde enden (%1), bevor sie beginnt (%2).</translation>
    </message>
    <message>
        <source>The series would have more than %1 appointments; end it sooner.</source>
        <translation>Die Serie hätte mehr als %1 Termine; lassen Sie sie früher enden.</translation>
    </message>
    <message>
        <source>The time of day must lie within the day.</source>
        <translation>Die Uhrzeit muss innerhalb des Tages liegen.</translation>
    </message>
    <message>
        <source>An appointment must last at least a minute.</source>
        <translation>Ein Termin muss mindestens eine Minute dauern.</translation>
    </message>
</context>
<context>
    <name>Repository</name>
    <message>
        <source>No %1 with id %2.</source>
        <translation>Kein(e) %1 mit der ID %2.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Receptionist</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation>Pflege</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Praxismanagement</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>ScheduleCommands</name>
    <message>
        <source>&quot;%1&quot; is not an ISO 8601 date and time (e.g. 2026-05-04T09:00 or 2026-05-04T07:00:00Z).</source>
        <translation>„%1“ ist kein Datum mit Uhrzeit nach ISO 8601 (z. B. 2026-05-04T09:00 oder 2026-05-04T07:00:00Z).</translation>
    </message>
    <message>
        <source>%1 does not exist in %2 (the clocks skip it for daylight saving time).</source>
        <translation>%1 existiert in %2 nicht (die Uhren überspringen diese Zeit bei der Zeitumstellung).</translation>
    </message>
    <message>
        <source>book needs --patient ID, --practitioner ID, --start ISO8601 and --minutes N.</source>
        <translation>book braucht --patient ID, --practitioner ID, --start ISO8601 und --minutes N.</translation>
    </message>
    <message>
        <source>--minutes must be a whole number from 1 to 1440.</source>
        <translation>--minutes muss eine ganze Zahl von 1 bis 1440 sein.</translation>
    </message>
    <message>
        <source>book needs --minutes N (or --type with a known type).</source>
        <translation>book braucht --minutes N (oder --type mit einer bekannten Terminart).</translation>
    </message>
    <message>
        <source>unknown appointment type &quot;%1&quot;.</source>
        <translation>unbekannte Terminart „%1“.</translation>
    </message>
    <message>
        <source>slots needs --practitioner ID|any, --from ISO8601, --minutes N and --count K.</source>
        <translation>slots braucht --practitioner ID|any, --from ISO8601, --minutes N und --count K.</translation>
    </message>
    <message>
        <source>--count must be a whole number from 1 to 1000.</source>
        <translation>--count muss eine ganze Zahl von 1 bis 1000 sein.</translation>
    </message>
    <message>
        <source>--weekdays takes numbers from 1 (Monday) to 7 (Sunday), e.g. 1,3,5.</source>
        <translation>--weekdays nimmt Zahlen von 1 (Montag) bis 7 (Sonntag), z. B. 1,3,5.</translation>
    </message>
    <message>
        <source>--between takes time windows like 08:00-12:00,14:00-16:00.</source>
        <translation>--between nimmt Zeitfenster wie 08:00-12:00,14:00-16:00.</translation>
    </message>
    <message>
        <source>No free slot in the next 120 days.</source>
        <translation>Kein freies Zeitfenster in den nächsten 120 Tagen.</translation>
    </message>
    <message>
        <source>day needs --date YYYY-MM-DD.</source>
        <translation>day braucht --date JJJJ-MM-TT.</translation>
    </message>
    <message>
        <source>--date must be a date as YYYY-MM-DD.</source>
        <translation>--date muss ein Datum im Format JJJJ-MM-TT sein.</translation>
    </message>
    <message>
        <source>status needs --appointment ID and either --to STATUS or --revert.</source>
        <translation>status braucht --appointment ID und entweder --to STATUS oder --revert.</translation>
    </message>
    <message>
        <source>unknown status &quot;%1&quot;; one of booked, confirmed, arrived, in-room, completed, cancelled, no-show.</source>
        <translation>unbekannter Status „%1“; einer von booked, confirmed, arrived, in-room, completed, cancelled, no-show.</translation>
    </message>
    <message>
        <source>--by is patient or clinic.</source>
        <translation>--by ist patient oder clinic.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>Books an appointment; prints its id (exit 3 on a conflict, naming it)</source>
        <translation>Bucht einen Termin; gibt seine ID aus (Exit-Code 3 bei einem Konflikt, der genannt wird)</translation>
    </message>
    <message>
        <source>The patient&apos;s id.</source>
        <translation>Die ID des Patienten.</translation>
    </message>
    <message>
        <source>The practitioner&apos;s id.</source>
        <translation>Die ID des Behandlers.</translation>
    </message>
    <message>
        <source>Start, ISO 8601; without an offset in the clinic&apos;s time zone.</source>
        <translation>Beginn, ISO 8601; ohne Zeitversatz in der Zeitzone der Praxis.</translation>
    </message>
    <message>
        <source>Length in minutes (default: the type&apos;s).</source>
        <translation>Dauer in Minuten (Standard: die der Terminart).</translation>
    </message>
    <message>
        <source>Appointment type code, e.g. consultation.</source>
        <translation>Code der Terminart, z. B. consultation.</translation>
    </message>
    <message>
        <source>The room&apos;s id.</source>
        <translation>Die ID des Raums.</translation>
    </message>
    <message>
        <source>Reason for the visit.</source>
        <translation>Anlass des Besuchs.</translation>
    </message>
    <message>
        <source>Book over a conflict (managers; audited).</source>
        <translation>Trotz Konflikt buchen (Praxismanagement; protokolliert).</translation>
    </message>
    <message>
        <source>Lists the next free slots</source>
        <translation>Listet die nächsten freien Zeitfenster</translation>
    </message>
    <message>
        <source>A practitioner&apos;s id, or any.</source>
        <translation>Die ID eines Behandlers oder any.</translation>
    </message>
    <message>
        <source>Earliest start, ISO 8601.</source>
        <translation>Frühester Beginn, ISO 8601.</translation>
    </message>
    <message>
        <source>Length wanted.</source>
        <translation>Gewünschte Dauer.</translation>
    </message>
    <message>
        <source>How many slots.</source>
        <translation>Wie viele Zeitfenster.</translation>
    </message>
    <message>
        <source>Preferred weekdays, 1 = Monday, e.g. 1,3.</source>
        <translation>Bevorzugte Wochentage, 1 = Montag, z. B. 1,3.</translation>
    </message>
    <message>
        <source>Preferred times of day, e.g. 08:00-12:00.</source>
        <translation>Bevorzugte Tageszeiten, z. B. 08:00-12:00.</translation>
    </message>
    <message>
        <source>Leave out times the patient is booked elsewhere.</source>
        <translation>Zeiten auslassen, zu denen der Patient anderweitig gebucht ist.</translation>
    </message>
    <message>
        <source>Lists one day&apos;s appointments</source>
        <translation>Listet die Termine eines Tages</translation>
    </message>
    <message>
        <source>The day, in the clinic&apos;s time zone.</source>
        <translation>Der Tag, in der Zeitzone der Praxis.</translation>
    </message>
    <message>
        <source>Only this practitioner&apos;s.</source>
        <translation>Nur die dieses Behandlers.</translation>
    </message>
    <message>
        <source>Changes an appointment&apos;s status (exit 3 when not allowed)</source>
        <translation>Ändert den Status eines Termins (Exit-Code 3, wenn nicht erlaubt)</translation>
    </message>
    <message>
        <source>The appointment&apos;s id.</source>
        <translation>Die ID des Termins.</translation>
    </message>
    <message>
        <source>booked, confirmed, arrived, in-room, completed, cancelled, no-show.</source>
        <translation>booked, confirmed, arrived, in-room, completed, cancelled, no-show.</translation>
    </message>
    <message>
        <source>Why (needed to cancel).</source>
        <translation>Warum (zum Absagen nötig).</translation>
    </message>
    <message>
        <source>Who cancelled: patient or clinic (default clinic).</source>
        <translation>Wer abgesagt hat: patient oder clinic (Standard clinic).</translation>
    </message>
    <message>
        <source>Take back the latest status change.</source>
        <translation>Die letzte Statusänderung zurücknehmen.</translation>
    </message>
</context>
<context>
    <name>ScheduleExceptionRepository</name>
    <message>
        <source>Time off must end after it starts.</source>
        <translation>Eine Abwesenheit muss nach ihrem Beginn enden.</translation>
    </message>
    <message>
        <source>Leave belongs to a practitioner; choose one.</source>
        <translation>Urlaub gehört zu einem Behandler; wählen Sie einen aus.</translation>
    </message>
</context>
<context>
    <name>ScheduleLoader</name>
    <message>
        <source>Choose a valid day and from 1 to 31 days.</source>
        <translation>Wählen Sie einen gültigen Tag und 1 bis 31 Tage.</translation>
    </message>
</context>
<context>
    <name>ScheduleMapping</name>
    <message>
        <source>The extension %1 names no status Frontdesk knows: &quot;%2&quot;.</source>
        <translation>Die Erweiterung %1 nennt keinen Status, den Frontdesk kennt: „%2“.</translation>
    </message>
    <message>
        <source>status must be one of proposed, pending, booked, arrived, checked-in, fulfilled, cancelled, noshow; got &quot;%1&quot;.</source>
        <translation>status muss einer von proposed, pending, booked, arrived, checked-in, fulfilled, cancelled, noshow sein; erhalten: „%1“.</translation>
    </message>
    <message>
        <source>end must be after start.</source>
        <translation>end muss nach start liegen.</translation>
    </message>
    <message>
        <source>participant.actor.reference must read TYPE/ID; got &quot;%1&quot;.</source>
        <translation>participant.actor.reference muss TYP/ID lauten; erhalten: „%1“.</translation>
    </message>
    <message>
        <source>A participant must be a Patient, Practitioner or Location; got &quot;%1&quot;.</source>
        <translation>Ein Teilnehmer muss ein Patient, Practitioner oder Location sein; erhalten: „%1“.</translation>
    </message>
    <message>
        <source>An appointment needs a Patient and a Practitioner participant.</source>
        <translation>Ein Termin braucht einen Patient- und einen Practitioner-Teilnehmer.</translation>
    </message>
    <message>
        <source>A Practitioner needs name[0].family.</source>
        <translation>Ein Practitioner braucht name[0].family.</translation>
    </message>
    <message>
        <source>The slot length (%1) must be 5 to 240 minutes.</source>
        <translation>Die Slot-Länge (%1) muss 5 bis 240 Minuten betragen.</translation>
    </message>
    <message>
        <source>A Location needs a name.</source>
        <translation>Eine Location braucht einen Namen.</translation>
    </message>
    <message>
        <source>status must be active, suspended or inactive; got &quot;%1&quot;.</source>
        <translation>status muss active, suspended oder inactive sein; erhalten: „%1“.</translation>
    </message>
    <message>
        <source>A Slot is time off only with status busy-unavailable; got &quot;%1&quot;.</source>
        <translation>Ein Slot ist nur mit dem Status busy-unavailable eine Abwesenheit; erhalten: „%1“.</translation>
    </message>
    <message>
        <source>A Slot needs a schedule: Schedule/ID of the practitioner, or a display alone for the whole clinic.</source>
        <translation>Ein Slot braucht einen schedule: Schedule/ID des Behandlers oder nur ein display für die ganze Praxis.</translation>
    </message>
    <message>
        <source>schedule.reference must read Schedule/ID; got &quot;%1&quot;.</source>
        <translation>schedule.reference muss Schedule/ID lauten; erhalten: „%1“.</translation>
    </message>
    <message>
        <source>The extension %1 must be holiday, leave or blocked; got &quot;%2&quot;.</source>
        <translation>Die Erweiterung %1 muss holiday, leave oder blocked sein; erhalten: „%2“.</translation>
    </message>
</context>
<context>
    <name>ServerAccounts</name>
    <message>
        <source>The server&apos;s list of staff accounts is not usable: %1</source>
        <translation>Die Liste der Mitarbeiterkonten vom Server ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>The server&apos;s list of staff accounts gives %1 the unknown role &quot;%2&quot;; no account was changed here.</source>
        <translation>Die Liste der Mitarbeiterkonten vom Server gibt %1 die unbekannte Rolle „%2“; hier wurde kein Konto geändert.</translation>
    </message>
    <message>
        <source>The server accepted the password of %1, but it could not be kept here: %2</source>
        <translation>Der Server hat das Passwort von %1 angenommen, es konnte hier aber nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The staff accounts from the server could not be written here: %1</source>
        <translation>Die Mitarbeiterkonten vom Server konnten hier nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>ServerConnection</name>
    <message>
        <source>The server refused the sign-in (401): %1</source>
        <translation>Der Server hat die Anmeldung abgelehnt (401): %1</translation>
    </message>
    <message>
        <source>The server refused this (403): %1</source>
        <translation>Der Server hat dies abgelehnt (403): %1</translation>
    </message>
    <message>
        <source>The server answered %1: %2</source>
        <translation>Der Server antwortete %1: %2</translation>
    </message>
    <message>
        <source>This connection has no workstation credential.</source>
        <translation>Diese Verbindung hat keine Zugangsdaten eines Arbeitsplatzes.</translation>
    </message>
    <message>
        <source>The server gave no token for the workstation.</source>
        <translation>Der Server hat kein Token für den Arbeitsplatz ausgegeben.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to %1 %2 is not a JSON object.</source>
        <translation>Die Antwort des Servers auf %1 %2 ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read: %2</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The CA file %1 holds no PEM certificate.</source>
        <translation>Die CA-Datei %1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>The server&apos;s public key (sha256 %1) is not the pinned one (%2): this may not be your server. Nothing was sent.</source>
        <translation>Der öffentliche Schlüssel des Servers (sha256 %1) ist nicht der festgelegte (%2): Dies ist womöglich nicht Ihr Server. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>TLS with %1 failed: %2</source>
        <translation>TLS mit %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The server at %1 did not answer within %2 seconds.</source>
        <translation>Der Server unter %1 hat nicht innerhalb von %2 Sekunden geantwortet.</translation>
    </message>
    <message>
        <source>The server at %1 cannot be reached: %2</source>
        <translation>Der Server unter %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>No answer from %1: %2</source>
        <translation>Keine Antwort von %1: %2</translation>
    </message>
</context>
<context>
    <name>ServerCopy</name>
    <message>
        <source>%1 has no field %2.</source>
        <translation>%1 hat kein Feld %2.</translation>
    </message>
    <message>
        <source>Could not save the %1 from the server: %2</source>
        <translation>%1 vom Server konnte nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>ServerEndpoint</name>
    <message>
        <source>&quot;%1&quot; is not a server address such as https://fd.clinic.example:8443.</source>
        <translation>„%1“ ist keine Serveradresse wie https://fd.clinic.example:8443.</translation>
    </message>
    <message>
        <source>%1 is plain HTTP: everything, passwords included, would cross the network readable. Use https://, or --insecure-http for development only.</source>
        <translation>%1 ist unverschlüsseltes HTTP: Alles, auch Passwörter, ginge lesbar durchs Netz. Verwenden Sie https:// oder, nur für die Entwicklung, --insecure-http.</translation>
    </message>
    <message>
        <source>%1 is not an https:// address.</source>
        <translation>%1 ist keine https://-Adresse.</translation>
    </message>
    <message>
        <source>The server address takes no user, query or fragment: %1</source>
        <translation>Die Serveradresse enthält keinen Benutzer, keine Abfrage und kein Fragment: %1</translation>
    </message>
    <message>
        <source>The pin &quot;%1&quot; is not a base64 SHA-256 (44 characters ending in &apos;=&apos;), e.g. from: openssl x509 -in server.pem -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64</source>
        <translation>Der Pin „%1“ ist kein SHA-256 in Base64 (44 Zeichen mit &apos;=&apos; am Ende), z. B. aus: openssl x509 -in server.pem -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64</translation>
    </message>
    <message>
        <source>This workstation is not enrolled with a server: frontdeskctl enroll --server URL --user ADMIN, or Workstation → Connect to server…</source>
        <translation>Dieser Arbeitsplatz ist bei keinem Server angemeldet: frontdeskctl enroll --server URL --user ADMIN, oder Arbeitsplatz → Mit Server verbinden…</translation>
    </message>
</context>
<context>
    <name>ServerSignIn</name>
    <message>
        <source>The server&apos;s answer names no known role.</source>
        <translation>Die Antwort des Servers nennt keine bekannte Rolle.</translation>
    </message>
</context>
<context>
    <name>SharedSettings</name>
    <message>
        <source>The setting %1 must be a whole number from %2 to %3; got &quot;%4&quot;.</source>
        <translation>Die Einstellung %1 muss eine ganze Zahl von %2 bis %3 sein; erhalten: „%4“.</translation>
    </message>
    <message>
        <source>The clinic&apos;s name is longer than 200 characters.</source>
        <translation>Der Name der Praxis ist länger als 200 Zeichen.</translation>
    </message>
    <message>
        <source>The clinic&apos;s phone number &quot;%1&quot; is not a phone number.</source>
        <translation>Die Telefonnummer der Praxis „%1“ ist keine Telefonnummer.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time zone; use its IANA name, e.g. Europe/Berlin.</source>
        <translation>„%1“ ist keine Zeitzone; verwenden Sie ihren IANA-Namen, z. B. Europe/Berlin.</translation>
    </message>
    <message>
        <source>The phone country code must be 1 to 3 digits, e.g. 49; got &quot;%1&quot;.</source>
        <translation>Die Ländervorwahl muss aus 1 bis 3 Ziffern bestehen, z. B. 49; erhalten: „%1“.</translation>
    </message>
    <message>
        <source>%1 is not a setting of the clinic.</source>
        <translation>%1 ist keine Einstellung der Praxis.</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation>Benutzername oder Passwort ist falsch.</translation>
    </message>
</context>
<context>
    <name>SqlCipherResult</name>
    <message>
        <source>The database connection is closed.</source>
        <translation>Die Datenbankverbindung ist geschlossen.</translation>
    </message>
    <message>
        <source>The statement is too long.</source>
        <translation>Die Anweisung ist zu lang.</translation>
    </message>
    <message>
        <source>Unable to prepare the statement</source>
        <translation>Die Anweisung konnte nicht vorbereitet werden</translation>
    </message>
    <message>
        <source>The query contains no SQL statement.</source>
        <translation>Die Abfrage enthält keine SQL-Anweisung.</translation>
    </message>
    <message>
        <source>The query contains more than one statement; the QSQLCIPHER driver runs one statement at a time.</source>
        <translation>Die Abfrage enthält mehr als eine Anweisung; der QSQLCIPHER-Treiber führt eine Anweisung nach der anderen aus.</translation>
    </message>
    <message>
        <source>The query was not prepared.</source>
        <translation>Die Abfrage wurde nicht vorbereitet.</translation>
    </message>
    <message>
        <source>The statement has %1 placeholders, but %2 values were bound.</source>
        <translation>Die Anweisung hat %1 Platzhalter, aber %2 Werte wurden gebunden.</translation>
    </message>
    <message>
        <source>Cannot bind a value of type %1 to placeholder %2.</source>
        <translation>Ein Wert vom Typ %1 kann nicht an Platzhalter %2 gebunden werden.</translation>
    </message>
    <message>
        <source>Unable to bind placeholder %1</source>
        <translation>Platzhalter %1 konnte nicht gebunden werden</translation>
    </message>
    <message>
        <source>Unable to execute the statement</source>
        <translation>Die Anweisung konnte nicht ausgeführt werden</translation>
    </message>
    <message>
        <source>Unable to fetch the next row</source>
        <translation>Die nächste Zeile konnte nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>StaffAccountRepository</name>
    <message>
        <source>A user name has 2 to 64 letters, digits, dots, dashes or underscores and starts with a letter or digit; &quot;%1&quot; does not.</source>
        <translation>Ein Benutzername hat 2 bis 64 Buchstaben, Ziffern, Punkte, Binde- oder Unterstriche und beginnt mit einem Buchstaben oder einer Ziffer; „%1“ erfüllt das nicht.</translation>
    </message>
    <message>
        <source>There is already an account named %1.</source>
        <translation>Es gibt bereits ein Konto namens %1.</translation>
    </message>
    <message>
        <source>Could not save the account %1: %2</source>
        <translation>Das Konto %1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Could not save the password of %1: %2</source>
        <translation>Das Passwort von %1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>There is no account named %1.</source>
        <translation>Es gibt kein Konto namens %1.</translation>
    </message>
    <message>
        <source>%1 is the last active administrator; make another administrator first, or nobody could manage accounts.</source>
        <translation>%1 ist der letzte aktive Administrator; ernennen Sie zuerst einen weiteren Administrator, sonst könnte niemand mehr Konten verwalten.</translation>
    </message>
    <message>
        <source>%1 is the last active administrator; make another administrator first.</source>
        <translation>%1 ist der letzte aktive Administrator; ernennen Sie zuerst einen weiteren Administrator.</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <source>The data directory (default: %1).</source>
        <translation>Das Datenverzeichnis (Standard: %1).</translation>
    </message>
    <message>
        <source>Keep the database key in this file (mode 0600) instead of the OS keychain. Weaker: for test and demo machines.</source>
        <translation>Den Datenbankschlüssel in dieser Datei (Modus 0600) statt im Schlüsselbund des Betriebssystems aufbewahren. Weniger sicher: für Test- und Demorechner.</translation>
    </message>
    <message>
        <source>Start on this view: %1.</source>
        <translation>Mit dieser Ansicht starten: %1.</translation>
    </message>
    <message>
        <source>Frontdesk, the front desk of a clinic.</source>
        <translation>Frontdesk, der Empfang einer Praxis.</translation>
    </message>
    <message>
        <source>Frontdesk</source>
        <translation>Frontdesk</translation>
    </message>
    <message>
        <source>%1
Run frontdesk --help for the options.</source>
        <translation>%1
Mit frontdesk --help sehen Sie die Optionen.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;. Run frontdesk --help for the options.</source>
        <translation>Unerwartetes Argument „%1“. Mit frontdesk --help sehen Sie die Optionen.</translation>
    </message>
    <message>
        <source>Unknown view &quot;%1&quot;; choose one of %2.</source>
        <translation>Unbekannte Ansicht „%1“; wählen Sie eine von %2.</translation>
    </message>
    <message>
        <source>Frontdesk could not open its database in %1.

%2</source>
        <translation>Frontdesk konnte seine Datenbank in %1 nicht öffnen.

%2</translation>
    </message>
    <message>
        <source>This workstation could not be wiped: %1</source>
        <translation>Dieser Arbeitsplatz konnte nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>This workstation was wiped: its database and key are gone. Frontdesk starts again as new.</source>
        <translation>Dieser Arbeitsplatz wurde gelöscht: Datenbank und Schlüssel sind entfernt. Frontdesk startet neu wie bei der Ersteinrichtung.</translation>
    </message>
    <message>
        <source>This workstation is not enrolled with a server (Workstation → Connect to Server…).</source>
        <translation>Dieser Arbeitsplatz ist mit keinem Server verbunden (Arbeitsplatz → Mit Server verbinden…).</translation>
    </message>
</context>
<context>
    <name>StatusHistoryRepository</name>
    <message>
        <source>The status history is never rewritten; record a revert instead.</source>
        <translation>Der Statusverlauf wird nie umgeschrieben; erfassen Sie stattdessen eine Rücknahme.</translation>
    </message>
    <message>
        <source>A status change belongs to an appointment.</source>
        <translation>Eine Statusänderung gehört zu einem Termin.</translation>
    </message>
</context>
<context>
    <name>StatusTransitions</name>
    <message>
        <source>Say why the appointment is cancelled.</source>
        <translation>Geben Sie an, warum der Termin abgesagt wird.</translation>
    </message>
    <message>
        <source>Say who cancelled the appointment: the patient or the clinic.</source>
        <translation>Geben Sie an, wer den Termin abgesagt hat: der Patient oder die Praxis.</translation>
    </message>
    <message>
        <source>Only a cancellation names who cancelled.</source>
        <translation>Nur bei einer Absage wird angegeben, wer abgesagt hat.</translation>
    </message>
    <message>
        <source>A patient can only be marked as not having come once the appointment has begun.</source>
        <translation>Ein Patient kann erst als nicht erschienen markiert werden, wenn der Termin begonnen hat.</translation>
    </message>
    <message>
        <source>The appointment is already “%1”.</source>
        <translation>Der Termin hat bereits den Status „%1“.</translation>
    </message>
    <message>
        <source>The appointment is “%1”, which is final: it cannot become “%2”. If the status was set by mistake, revert it.</source>
        <translation>Der Termin hat den Status „%1“, der endgültig ist: Er kann nicht zu „%2“ wechseln. Wurde der Status versehentlich gesetzt, nehmen Sie ihn zurück.</translation>
    </message>
    <message>
        <source>An appointment that is “%1” cannot become “%2”.</source>
        <translation>Ein Termin mit dem Status „%1“ kann nicht zu „%2“ wechseln.</translation>
    </message>
</context>
<context>
    <name>SurveyAnswerMapping</name>
    <message>
        <source>questionnaire must be %1.</source>
        <translation>questionnaire muss %1 sein.</translation>
    </message>
    <message>
        <source>item %1 is missing.</source>
        <translation>item %1 fehlt.</translation>
    </message>
</context>
<context>
    <name>SurveyAnswerRepository</name>
    <message>
        <source>A survey answer needs a patient.</source>
        <translation>Eine Umfrageantwort braucht einen Patienten.</translation>
    </message>
    <message>
        <source>A survey answer is a score from %1 to %2; got %3.</source>
        <translation>Eine Umfrageantwort ist eine Bewertung von %1 bis %2; erhalten: %3.</translation>
    </message>
    <message>
        <source>A survey answer needs the time it was given.</source>
        <translation>Eine Umfrageantwort braucht den Zeitpunkt, zu dem sie gegeben wurde.</translation>
    </message>
</context>
<context>
    <name>SurveyCommands</name>
    <message>
        <source>survey needs one sub-command: record or visits.</source>
        <translation>survey braucht einen Unterbefehl: record oder visits.</translation>
    </message>
    <message>
        <source>survey %1 needs --patient ID.</source>
        <translation>survey %1 braucht --patient ID.</translation>
    </message>
    <message>
        <source>survey record needs --patient ID, --appointment ID and --score N.</source>
        <translation>survey record braucht --patient ID, --appointment ID und --score N.</translation>
    </message>
    <message>
        <source>--score must be a whole number from %1 (poor) to %2 (very good); got &quot;%3&quot;.</source>
        <translation>--score muss eine ganze Zahl von %1 (schlecht) bis %2 (sehr gut) sein; erhalten: „%3“.</translation>
    </message>
    <message numerus="yes">
        <source>No completed visit in the last %n day(s).</source>
        <translation>
            <numerusform>Kein abgeschlossener Besuch am letzten %n Tag.</numerusform>
            <numerusform>Kein abgeschlossener Besuch in den letzten %n Tagen.</numerusform>
        </translation>
    </message>
    <message>
        <source>answered %1</source>
        <translation>beantwortet: %1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>no survey sent</source>
        <translation>keine Umfrage gesendet</translation>
    </message>
    <message>
        <source>survey sent</source>
        <translation>Umfrage gesendet</translation>
    </message>
    <message>
        <source>Survey answer %1 replaced: %2 of 5.</source>
        <translation>Umfrageantwort %1 ersetzt: %2 von 5.</translation>
    </message>
    <message>
        <source>Survey answer %1 recorded: %2 of 5.</source>
        <translation>Umfrageantwort %1 erfasst: %2 von 5.</translation>
    </message>
    <message>
        <source>A follow-up&apos;s survey answered by phone: the visits it may be about, and recording the answer.</source>
        <translation>Telefonisch beantwortete Umfrage einer Nachsorge: die Besuche, um die es gehen kann, und das Erfassen der Antwort.</translation>
    </message>
    <message>
        <source>The patient&apos;s id.</source>
        <translation>Die ID des Patienten.</translation>
    </message>
    <message>
        <source>The completed visit the answer is about.</source>
        <translation>Der abgeschlossene Besuch, um den es in der Antwort geht.</translation>
    </message>
    <message>
        <source>The answer, from 1 (poor) to 5 (very good).</source>
        <translation>Die Antwort, von 1 (schlecht) bis 5 (sehr gut).</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
</context>
<context>
    <name>SurveyEntry</name>
    <message>
        <source>A survey answer is a score from %1 to %2, not %3.</source>
        <translation>Eine Umfrageantwort ist eine Bewertung von %1 bis %2, nicht %3.</translation>
    </message>
    <message>
        <source>The appointment %1 is not one of this patient&apos;s.</source>
        <translation>Der Termin %1 gehört nicht zu diesem Patienten.</translation>
    </message>
    <message>
        <source>The appointment is not a completed visit (it is %1): a survey asks about a visit that took place.</source>
        <translation>Der Termin ist kein abgeschlossener Besuch (Status: %1): Eine Umfrage fragt nach einem Besuch, der stattgefunden hat.</translation>
    </message>
</context>
<context>
    <name>SyncCommands</name>
    <message>
        <source>No password for %1 on standard input.</source>
        <translation>Kein Passwort für %1 auf der Standardeingabe.</translation>
    </message>
    <message>
        <source>Password for %1 at %2: </source>
        <translation>Passwort für %1 bei %2: </translation>
    </message>
    <message>
        <source>There is no terminal to ask %1&apos;s password on; give it on standard input.</source>
        <translation>Es gibt kein Terminal, in dem das Passwort von %1 abgefragt werden könnte; geben Sie es auf der Standardeingabe an.</translation>
    </message>
    <message>
        <source>reachable; it accepts this workstation&apos;s credential</source>
        <translation>erreichbar; er akzeptiert die Zugangsdaten dieses Arbeitsplatzes</translation>
    </message>
    <message>
        <source>This workstation is not enrolled with a server.</source>
        <translation>Dieser Arbeitsplatz ist bei keinem Server angemeldet.</translation>
    </message>
    <message>
        <source>Server:       %1</source>
        <translation>Server:          %1</translation>
    </message>
    <message>
        <source>Workstation:  %1 (%2)</source>
        <translation>Arbeitsplatz:    %1 (%2)</translation>
    </message>
    <message>
        <source>Enrolled:     %1 by %2</source>
        <translation>Angemeldet:      %1 durch %2</translation>
    </message>
    <message>
        <source>Trust:        %1</source>
        <translation>Vertrauen:       %1</translation>
    </message>
    <message>
        <source>INSECURE (development): plain HTTP and unverified certificates accepted</source>
        <translation>UNSICHER (Entwicklung): unverschlüsseltes HTTP und ungeprüfte Zertifikate werden angenommen</translation>
    </message>
    <message>
        <source>the system&apos;s CAs</source>
        <translation>die Zertifizierungsstellen des Systems</translation>
    </message>
    <message>
        <source>the system&apos;s CAs and %1</source>
        <translation>die Zertifizierungsstellen des Systems und %1</translation>
    </message>
    <message>
        <source>Pinned key:   sha256 %1</source>
        <translation>Fester Schlüssel: sha256 %1</translation>
    </message>
    <message>
        <source>Credential:   %1</source>
        <translation>Zugangsdaten:    %1</translation>
    </message>
    <message>
        <source>kept in %1</source>
        <translation>gespeichert in %1</translation>
    </message>
    <message>
        <source>Server check: %1</source>
        <translation>Serverprüfung:   %1</translation>
    </message>
    <message>
        <source>enroll needs --server URL (or --status).</source>
        <translation>enroll braucht --server URL (oder --status).</translation>
    </message>
    <message>
        <source>enroll needs --user NAME: an administrator&apos;s account at the server.</source>
        <translation>enroll braucht --user NAME: das Konto eines Administrators am Server.</translation>
    </message>
    <message>
        <source>Warning: --insecure-http is for development only: plain HTTP and certificates that do not verify are accepted.</source>
        <translation>Warnung: --insecure-http ist nur für die Entwicklung: Unverschlüsseltes HTTP und nicht prüfbare Zertifikate werden angenommen.</translation>
    </message>
    <message>
        <source>The server enrolled this workstation (%1), but it could not be kept here: %2. Revoke it at the server (frontdesk-server workstation revoke %1) and enroll again.</source>
        <translation>Der Server hat diesen Arbeitsplatz angemeldet (%1), aber die Anmeldung konnte hier nicht gespeichert werden: %2. Widerrufen Sie sie am Server (frontdesk-server workstation revoke %1) und melden Sie erneut an.</translation>
    </message>
    <message>
        <source>Enrolled this workstation as &quot;%1&quot; (%2) at %3, by %4.</source>
        <translation>Dieser Arbeitsplatz ist als „%1“ (%2) bei %3 angemeldet, durch %4.</translation>
    </message>
    <message>
        <source>Its credential is kept in %1.</source>
        <translation>Seine Zugangsdaten liegen in %1.</translation>
    </message>
    <message>
        <source>Join a frontdesk-server: --user is an administrator there (password on standard input or asked); or show the enrollment with --status.</source>
        <translation>Bei einem frontdesk-server anmelden: --user ist dort Administrator (Passwort auf der Standardeingabe oder abgefragt); oder mit --status die Anmeldung zeigen.</translation>
    </message>
    <message>
        <source>The server&apos;s address, e.g. https://fd.clinic.example:8443.</source>
        <translation>Die Adresse des Servers, z. B. https://fd.clinic.example:8443.</translation>
    </message>
    <message>
        <source>Also trust the CA certificates in this PEM file.</source>
        <translation>Auch den CA-Zertifikaten in dieser PEM-Datei vertrauen.</translation>
    </message>
    <message>
        <source>Accept only this server public key: base64 SHA-256 of its SubjectPublicKeyInfo.</source>
        <translation>Nur diesen öffentlichen Schlüssel des Servers annehmen: SHA-256 seiner SubjectPublicKeyInfo in Base64.</translation>
    </message>
    <message>
        <source>Development only: allow http:// and certificates that do not verify.</source>
        <translation>Nur für die Entwicklung: http:// und nicht prüfbare Zertifikate zulassen.</translation>
    </message>
    <message>
        <source>The workstation&apos;s name at the server (default: the host name).</source>
        <translation>Der Name des Arbeitsplatzes am Server (Standard: der Rechnername).</translation>
    </message>
    <message>
        <source>Show the enrollment and check that the server accepts it.</source>
        <translation>Die Anmeldung zeigen und prüfen, ob der Server sie annimmt.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>The server could not be reached; the changes wait here and go with the next sync: %1</source>
        <translation>Der Server war nicht erreichbar; die Änderungen warten hier und gehen mit dem nächsten Abgleich: %1</translation>
    </message>
    <message>
        <source>Pushed %1, pulled %2, conflicts %3, rejected %4; %5 waiting.</source>
        <translation>Gesendet %1, empfangen %2, Konflikte %3, abgelehnt %4; %5 ausstehend.</translation>
    </message>
    <message>
        <source>One round of sync with the enrolled server: push the changes made here, pull the server&apos;s; prints pushed, pulled, conflicts and refused (exit 0 also when the server cannot be reached, saying so).</source>
        <translation>Ein Abgleich mit dem verbundenen Server: die hier gemachten Änderungen senden, die des Servers holen; gibt Gesendetes, Empfangenes, Konflikte und Abgelehntes aus (Exit-Code 0 auch, wenn der Server nicht erreichbar ist, mit Hinweis).</translation>
    </message>
    <message>
        <source>--take goes with conflicts resolve ID.</source>
        <translation>--take gehört zu conflicts resolve ID.</translation>
    </message>
    <message>
        <source>conflicts resolve needs the record&apos;s id and --take mine or --take theirs.</source>
        <translation>conflicts resolve braucht die ID des Datensatzes und --take mine oder --take theirs.</translation>
    </message>
    <message>
        <source>%1: this workstation&apos;s version is sent again with the next sync.</source>
        <translation>%1: Die Version dieses Arbeitsplatzes wird mit dem nächsten Abgleich erneut gesendet.</translation>
    </message>
    <message>
        <source>%1: now the server&apos;s version; the changes made here are dropped.</source>
        <translation>%1: jetzt die Version des Servers; die hier gemachten Änderungen sind verworfen.</translation>
    </message>
    <message>
        <source>Nothing waits for a decision: every record the server refused or changed meanwhile is settled.</source>
        <translation>Nichts wartet auf eine Entscheidung: Jeder Datensatz, den der Server abgelehnt oder inzwischen geändert hat, ist geklärt.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>CONFLICT</source>
        <translation>KONFLIKT</translation>
    </message>
    <message>
        <source>REJECTED</source>
        <translation>ABGELEHNT</translation>
    </message>
    <message>
        <source>Here: %1; at the server: %2</source>
        <translation>Hier: %1; am Server: %2</translation>
    </message>
    <message>
        <source>The server has deleted it.</source>
        <translation>Der Server hat ihn gelöscht.</translation>
    </message>
    <message>
        <source>here &quot;%1&quot;, at the server &quot;%2&quot;</source>
        <translation>hier „%1“, am Server „%2“</translation>
    </message>
    <message>
        <source>With resolve: mine (keep this workstation&apos;s) or theirs (take the server&apos;s).</source>
        <translation>Mit resolve: mine (die dieses Arbeitsplatzes behalten) oder theirs (die des Servers übernehmen).</translation>
    </message>
    <message>
        <source>conflicts rebook needs the refused booking&apos;s id, and no --take.</source>
        <translation>conflicts rebook braucht die ID der abgelehnten Buchung und kein --take.</translation>
    </message>
    <message>
        <source>Rebooked to %1; it goes to the server with the next sync.</source>
        <translation>Umgebucht auf %1; die Buchung geht mit dem nächsten Abgleich an den Server.</translation>
    </message>
    <message>
        <source>conflicts takes no argument, or: resolve ID --take mine|theirs, or: rebook ID.</source>
        <translation>conflicts nimmt kein Argument an, oder: resolve ID --take mine|theirs, oder: rebook ID.</translation>
    </message>
    <message>
        <source>Settle one with: frontdeskctl conflicts resolve ID --take mine|theirs (a refused booking: conflicts rebook ID)</source>
        <translation>Klären mit: frontdeskctl conflicts resolve ID --take mine|theirs (eine abgelehnte Buchung: conflicts rebook ID)</translation>
    </message>
    <message>
        <source>The records the server refused or had changed meanwhile, with both versions; resolve ID --take mine sends this workstation&apos;s again, --take theirs takes the server&apos;s; rebook ID moves a refused booking to the next free time.</source>
        <translation>Die Datensätze, die der Server abgelehnt oder inzwischen geändert hat, mit beiden Versionen; resolve ID --take mine sendet die dieses Arbeitsplatzes erneut, --take theirs übernimmt die des Servers; rebook ID verschiebt eine abgelehnte Buchung auf die nächste freie Zeit.</translation>
    </message>
    <message>
        <source>NOT WRITTEN HERE</source>
        <translation>HIER NICHT GESPEICHERT</translation>
    </message>
    <message numerus="yes">
        <source>%n audit entries went up to the server.</source>
        <translation>
            <numerusform>%n Prüfprotokoll-Eintrag ging an den Server.</numerusform>
            <numerusform>%n Prüfprotokoll-Einträge gingen an den Server.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent %1 of %2 records…</source>
        <translation>%1 von %2 Datensätzen gesendet …</translation>
    </message>
    <message>
        <source>Received %1 of %2 changes…</source>
        <translation>%1 von %2 Änderungen empfangen …</translation>
    </message>
    <message numerus="yes">
        <source>The %n local staff account(s) are kept. From now on the server checks every sign-in; offline, the passwords kept here still work. Each sync gives them the server&apos;s name, role and state, and disables those the server does not have.</source>
        <translation>
            <numerusform>Das %n lokale Mitarbeiterkonto bleibt erhalten. Ab jetzt prüft der Server jede Anmeldung; offline gelten weiter die hier gespeicherten Passwörter. Jeder Abgleich übernimmt Name, Rolle und Status vom Server und deaktiviert Konten, die der Server nicht kennt.</numerusform>
            <numerusform>Die %n lokalen Mitarbeiterkonten bleiben erhalten. Ab jetzt prüft der Server jede Anmeldung; offline gelten weiter die hier gespeicherten Passwörter. Jeder Abgleich übernimmt Name, Rolle und Status vom Server und deaktiviert Konten, die der Server nicht kennt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n staff account(s) changed to the server&apos;s.</source>
        <translation>
            <numerusform>%n Mitarbeiterkonto an den Stand des Servers angepasst.</numerusform>
            <numerusform>%n Mitarbeiterkonten an den Stand des Servers angepasst.</numerusform>
        </translation>
    </message>
    <message>
        <source>Disabled here: %1.</source>
        <translation>Hier deaktiviert: %1.</translation>
    </message>
    <message>
        <source>Rebuilding search index %1 of %2…</source>
        <translation>Suchindex %1 von %2 wird neu aufgebaut …</translation>
    </message>
    <message numerus="yes">
        <source>Rebuilt %n search index(es).</source>
        <translation>
            <numerusform>%n Suchindex neu aufgebaut.</numerusform>
            <numerusform>%n Suchindizes neu aufgebaut.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncConflicts</name>
    <message>
        <source>MRN</source>
        <translation>Patientennummer</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobiltelefon</translation>
    </message>
    <message>
        <source>Home phone</source>
        <translation>Telefon privat</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Bevorzugte Sprache</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>Bevorzugter Kanal</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>Notfallkontakt</translation>
    </message>
    <message>
        <source>Emergency contact&apos;s relation</source>
        <translation>Beziehung des Notfallkontakts</translation>
    </message>
    <message>
        <source>Emergency contact&apos;s phone</source>
        <translation>Telefon des Notfallkontakts</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>Zusammengeführt in</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Behandler</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message numerus="yes">
        <source>Name the record by its id or at least its first %n characters.</source>
        <translation>
            <numerusform>Nennen Sie den Datensatz mit seiner ID oder mindestens deren erstem Zeichen.</numerusform>
            <numerusform>Nennen Sie den Datensatz mit seiner ID oder mindestens deren ersten %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>No record waiting for a decision has the id %1.</source>
        <translation>Kein Datensatz, der auf eine Entscheidung wartet, hat die ID %1.</translation>
    </message>
    <message>
        <source>%1 names more than one waiting record: %2.</source>
        <translation>%1 passt auf mehr als einen wartenden Datensatz: %2.</translation>
    </message>
    <message>
        <source>Patient %1, %2 (%3)</source>
        <translation>Patient %1, %2 (%3)</translation>
    </message>
    <message>
        <source>Appointment %1, %2, %3</source>
        <translation>Termin %1, %2, %3</translation>
    </message>
    <message>
        <source>The server&apos;s version of %1 cannot be read: %2</source>
        <translation>Die Version des Servers von %1 ist nicht lesbar: %2</translation>
    </message>
    <message>
        <source>The server holds no version of %1 to take: it never accepted it. Keep this workstation&apos;s (it is sent again), or change it here first, e.g. move the appointment to a free time.</source>
        <translation>Der Server hat keine Version von %1 zum Übernehmen: Er hat den Datensatz nie angenommen. Behalten Sie die dieses Arbeitsplatzes (sie wird erneut gesendet), oder ändern Sie sie zuerst hier, z. B. indem Sie den Termin auf eine freie Zeit verschieben.</translation>
    </message>
    <message>
        <source>Could not take the server&apos;s version of %1: %2</source>
        <translation>Die Version des Servers von %1 konnte nicht übernommen werden: %2</translation>
    </message>
    <message>
        <source>Only a booking the server refused is rebooked; %1 is not one.</source>
        <translation>Nur eine vom Server abgelehnte Buchung wird umgebucht; %1 ist keine.</translation>
    </message>
    <message>
        <source>%1: the practitioner has no free time of that length in the next 120 days; book it by hand.</source>
        <translation>%1: Der Behandler hat in den nächsten 120 Tagen keine freie Zeit dieser Länge; bitte von Hand buchen.</translation>
    </message>
    <message>
        <source>%1 could not be rebooked: %2</source>
        <translation>%1 konnte nicht umgebucht werden: %2</translation>
    </message>
    <message>
        <source>%1 is not held here, so there is nothing of this workstation&apos;s to keep: take the server&apos;s once what stopped it is put right (%2).</source>
        <translation>%1 ist hier nicht vorhanden, also gibt es nichts von diesem Arbeitsplatz zu behalten: Übernehmen Sie die Version des Servers, sobald behoben ist, was sie aufgehalten hat (%2).</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Name der Praxis</translation>
    </message>
    <message>
        <source>Clinic phone</source>
        <translation>Telefon der Praxis</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Phone country code</source>
        <translation>Ländervorwahl</translation>
    </message>
    <message>
        <source>Late cancellation (hours)</source>
        <translation>Kurzfristige Absage (Stunden)</translation>
    </message>
    <message>
        <source>Auto-lock (minutes)</source>
        <translation>Automatische Sperre (Minuten)</translation>
    </message>
    <message>
        <source>Keep messages (days)</source>
        <translation>Nachrichten aufbewahren (Tage)</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>Ruhezeiten</translation>
    </message>
    <message>
        <source>The clinic&apos;s shared settings</source>
        <translation>Gemeinsame Einstellungen der Praxis</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>Could not prepare the changes to send: %1</source>
        <translation>Die zu sendenden Änderungen konnten nicht vorbereitet werden: %1</translation>
    </message>
    <message>
        <source>Could not read the %1 %2 to send it: %3</source>
        <translation>%1 %2 konnte zum Senden nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>The server answered %1 to the changes sent: %2</source>
        <translation>Der Server antwortete %1 auf die gesendeten Änderungen: %2</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the changes sent has %1 entries for %2 sent.</source>
        <translation>Die Antwort des Servers auf die gesendeten Änderungen hat %1 Einträge für %2 gesendete.</translation>
    </message>
    <message>
        <source>The server&apos;s answer for %1 %2 names no version.</source>
        <translation>Die Antwort des Servers für %1 %2 nennt keine Version.</translation>
    </message>
    <message>
        <source>The server took the changes, but recording that here failed (they go again under the same request id, and the server answers the same): %1</source>
        <translation>Der Server hat die Änderungen übernommen, aber das hier festzuhalten ist fehlgeschlagen (sie gehen unter derselben Anfrage-ID erneut, und der Server antwortet gleich): %1</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>The server did not send its changes (HTTP %1): %2</source>
        <translation>Der Server hat seine Änderungen nicht gesendet (HTTP %1): %2</translation>
    </message>
    <message>
        <source>The server&apos;s list of changes is not a history Bundle with a cursor (Bundle.identifier, system urn:frontdesk:history-cursor); nothing of it was applied.</source>
        <translation>Die Änderungsliste des Servers ist kein history-Bundle mit Cursor (Bundle.identifier, System urn:frontdesk:history-cursor); nichts davon wurde übernommen.</translation>
    </message>
    <message>
        <source>A change from the server names no resource and version (request.url TYPE/ID, response.etag).</source>
        <translation>Eine Änderung vom Server nennt keine Ressource und Version (request.url TYP/ID, response.etag).</translation>
    </message>
    <message>
        <source>Changed at the server since; its version could not be read to merge (%1).</source>
        <translation>Seitdem am Server geändert; seine Version konnte zum Zusammenführen nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <source>Changed here and at the server, and the versions could not be compared: %1</source>
        <translation>Hier und am Server geändert, und die Versionen konnten nicht verglichen werden: %1</translation>
    </message>
    <message>
        <source>%1 (here &quot;%2&quot;, at the server &quot;%3&quot;)</source>
        <translation>%1 (hier „%2“, am Server „%3“)</translation>
    </message>
    <message>
        <source>Changed here and at the server: %1.</source>
        <translation>Hier und am Server geändert: %1.</translation>
    </message>
    <message>
        <source>Could not keep the merge of %1 %2: %3</source>
        <translation>Die Zusammenführung von %1 %2 konnte nicht gespeichert werden: %3</translation>
    </message>
    <message>
        <source>Version %1 from the server could not be written here: %2</source>
        <translation>Version %1 vom Server konnte hier nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The server did not give its staff accounts (HTTP %1): %2</source>
        <translation>Der Server hat seine Mitarbeiterkonten nicht geliefert (HTTP %1): %2</translation>
    </message>
    <message>
        <source>The server&apos;s answer about staff accounts is not a list of them.</source>
        <translation>Die Antwort des Servers zu den Mitarbeiterkonten ist keine Liste von Konten.</translation>
    </message>
    <message>
        <source>Changed at the server since; its answer names no version to merge against.</source>
        <translation>Seitdem auf dem Server geändert; seine Antwort nennt keine Version, gegen die zusammengeführt werden kann.</translation>
    </message>
    <message>
        <source>Changes from the server could not be applied; none of them was kept, and the next sync asks for them again: %1</source>
        <translation>Änderungen vom Server konnten nicht übernommen werden; keine davon wurde behalten, und der nächste Abgleich fragt sie erneut an: %1</translation>
    </message>
    <message>
        <source>Changed here and at the server, and there is nothing to merge against: %1</source>
        <translation>Hier und am Server geändert, und es gibt nichts, wogegen zusammengeführt werden kann: %1</translation>
    </message>
    <message>
        <source>its answer is not that version</source>
        <translation>seine Antwort ist nicht diese Version</translation>
    </message>
    <message>
        <source>The server&apos;s version %1, which the change here started from, could not be read (%2).</source>
        <translation>Die Version %1 des Servers, von der die Änderung hier ausging, konnte nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <source>The server&apos;s page of changes names %1 as the next page&apos;s cursor in its header and %2 in the Bundle; nothing of it was applied.</source>
        <translation>Die Änderungsseite des Servers nennt im Header %1 als Cursor der nächsten Seite und im Bundle %2; nichts davon wurde übernommen.</translation>
    </message>
    <message>
        <source>no next page</source>
        <translation>keine nächste Seite</translation>
    </message>
</context>
<context>
    <name>SyncResources</name>
    <message>
        <source>%1 records do not sync yet.</source>
        <translation>%1-Datensätze werden noch nicht abgeglichen.</translation>
    </message>
    <message>
        <source>%1 resources do not sync yet.</source>
        <translation>%1-Ressourcen werden noch nicht abgeglichen.</translation>
    </message>
    <message>
        <source>The clinic&apos;s settings cannot be deleted; the server&apos;s deletion of them was not applied.</source>
        <translation>Die Einstellungen der Praxis können nicht gelöscht werden; die Löschung am Server wurde nicht übernommen.</translation>
    </message>
    <message>
        <source>Queuing the demo records of %1 for the server went wrong (%2 queued, %3 marked); nothing of it was kept.</source>
        <translation>Das Vormerken der Demo-Datensätze von %1 für den Server ist fehlgeschlagen (%2 vorgemerkt, %3 markiert); nichts davon wurde behalten.</translation>
    </message>
</context>
<context>
    <name>TemplateRenderer</name>
    <message>
        <source>The text has a } that closes no placeholder (after &quot;%1&quot;); write }} for a brace.</source>
        <translation>Der Text enthält eine }, die keinen Platzhalter schließt (nach „%1“); für eine geschweifte Klammer schreiben Sie }}.</translation>
    </message>
    <message>
        <source>The text has a { that is not closed (at &quot;%1&quot;); write {{ for a brace.</source>
        <translation>Der Text enthält eine {, die nicht geschlossen wird (bei „%1“); für eine geschweifte Klammer schreiben Sie {{.</translation>
    </message>
    <message>
        <source>The template needs %1, but no patient is chosen.</source>
        <translation>Die Vorlage benötigt %1, aber es ist kein Patient ausgewählt.</translation>
    </message>
    <message>
        <source>The template needs %1, but the patient&apos;s record has none.</source>
        <translation>Die Vorlage benötigt %1, aber die Patientenakte enthält keine Angabe dazu.</translation>
    </message>
    <message>
        <source>The template needs %1, but no appointment is chosen.</source>
        <translation>Die Vorlage benötigt %1, aber es ist kein Termin ausgewählt.</translation>
    </message>
    <message>
        <source>The template needs %1, but the appointment has none.</source>
        <translation>Die Vorlage benötigt %1, aber der Termin enthält keine Angabe dazu.</translation>
    </message>
    <message>
        <source>The template needs %1, but the clinic&apos;s settings have none.</source>
        <translation>Die Vorlage benötigt %1, aber in den Praxiseinstellungen ist keine Angabe dazu hinterlegt.</translation>
    </message>
    <message>
        <source>The template needs %1, but the appointment has no practitioner.</source>
        <translation>Die Vorlage benötigt %1, aber dem Termin ist kein Behandler zugeordnet.</translation>
    </message>
    <message>
        <source>The template uses {%1}, which is not a field templates know.</source>
        <translation>Die Vorlage verwendet {%1}, einen Platzhalter, den Vorlagen nicht kennen.</translation>
    </message>
    <message>
        <source>the patient&apos;s first name</source>
        <translation>den Vornamen des Patienten</translation>
    </message>
    <message>
        <source>the patient&apos;s family name</source>
        <translation>den Nachnamen des Patienten</translation>
    </message>
    <message>
        <source>the appointment&apos;s date</source>
        <translation>das Datum des Termins</translation>
    </message>
    <message>
        <source>the appointment&apos;s time</source>
        <translation>die Uhrzeit des Termins</translation>
    </message>
    <message>
        <source>the appointment&apos;s type</source>
        <translation>die Terminart</translation>
    </message>
    <message>
        <source>the practitioner&apos;s name</source>
        <translation>den Namen des Behandlers</translation>
    </message>
    <message>
        <source>the clinic&apos;s name</source>
        <translation>den Namen der Praxis</translation>
    </message>
    <message>
        <source>the clinic&apos;s phone number</source>
        <translation>die Telefonnummer der Praxis</translation>
    </message>
    <message>
        <source>The template uses {%1}, which is not a field templates know. Known fields: %2.</source>
        <translation>Die Vorlage verwendet {%1}, einen Platzhalter, den Vorlagen nicht kennen. Bekannte Platzhalter: %2.</translation>
    </message>
    <message>
        <source>The template needs a name the staff choose it by.</source>
        <translation>Die Vorlage braucht einen Namen, unter dem das Team sie auswählt.</translation>
    </message>
    <message>
        <source>The template&apos;s name is longer than %1 characters.</source>
        <translation>Der Name der Vorlage ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a purpose messages are sent for.</source>
        <translation>„%1“ ist kein Zweck, für den Nachrichten gesendet werden.</translation>
    </message>
    <message>
        <source>A template is for SMS, e-mail or either; &quot;%1&quot; is none of them.</source>
        <translation>Eine Vorlage gilt für SMS, E-Mail oder beides; „%1“ ist nichts davon.</translation>
    </message>
    <message>
        <source>The template&apos;s text is empty.</source>
        <translation>Der Text der Vorlage ist leer.</translation>
    </message>
    <message>
        <source>A template that may go by e-mail needs a subject.</source>
        <translation>Eine Vorlage, die per E-Mail verschickt werden kann, braucht einen Betreff.</translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; is not for this channel.</source>
        <translation>Die Vorlage „%1“ ist nicht für diesen Kanal bestimmt.</translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; has no subject for an e-mail.</source>
        <translation>Die Vorlage „%1“ hat keinen Betreff für eine E-Mail.</translation>
    </message>
</context>
<context>
    <name>WaitlistRepository</name>
    <message>
        <source>A waitlist entry needs a patient.</source>
        <translation>Ein Wartelisteneintrag braucht einen Patienten.</translation>
    </message>
    <message>
        <source>The wanted length must be between 5 minutes and 24 hours.</source>
        <translation>Die gewünschte Dauer muss zwischen 5 Minuten und 24 Stunden liegen.</translation>
    </message>
    <message>
        <source>The time-of-day window must end after it starts, within one day.</source>
        <translation>Das Tageszeitfenster muss nach seinem Beginn enden, innerhalb eines Tages.</translation>
    </message>
    <message>
        <source>Weekdays are 1 (Monday) to 7 (Sunday); got %1.</source>
        <translation>Wochentage sind 1 (Montag) bis 7 (Sonntag); erhalten: %1.</translation>
    </message>
    <message>
        <source>Unknown waitlist status &quot;%1&quot;.</source>
        <translation>Unbekannter Wartelistenstatus „%1“.</translation>
    </message>
</context>
<context>
    <name>WorkingHoursRepository</name>
    <message>
        <source>The weekday must be 1 (Monday) to 7 (Sunday); got %1.</source>
        <translation>Der Wochentag muss 1 (Montag) bis 7 (Sonntag) sein; erhalten: %1.</translation>
    </message>
    <message>
        <source>Working hours must end after they start, within one day.</source>
        <translation>Sprechzeiten müssen nach ihrem Beginn enden, innerhalb eines Tages.</translation>
    </message>
</context>
<context>
    <name>WorkstationCredential</name>
    <message>
        <source>The workstation credential in %1 is damaged; enroll the workstation again.</source>
        <translation>Die Zugangsdaten des Arbeitsplatzes in %1 sind beschädigt; melden Sie den Arbeitsplatz erneut an.</translation>
    </message>
    <message>
        <source>The workstation credential could not be kept in %1: %2</source>
        <translation>Die Zugangsdaten des Arbeitsplatzes konnten nicht in %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>frontdesk::AboutDialog</name>
    <message>
        <source>About Frontdesk</source>
        <translation>Über Frontdesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Frontdesk %1&lt;/h3&gt;&lt;p&gt;The front desk of a clinic: appointments, patients, messages and figures, on a workstation that keeps working when the network is down.&lt;/p&gt;&lt;p&gt;Commit %2, built on %3 with Qt %4; running on Qt %5.&lt;/p&gt;&lt;p&gt;Database: %6&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Frontdesk %1&lt;/h3&gt;&lt;p&gt;Der Empfang einer Praxis: Termine, Patienten, Nachrichten und Kennzahlen, auf einem Arbeitsplatz, der auch ohne Netzwerk weiterarbeitet.&lt;/p&gt;&lt;p&gt;Commit %2, erstellt am %3 mit Qt %4; läuft mit Qt %5.&lt;/p&gt;&lt;p&gt;Datenbank: %6&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>Bibliotheken</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>Lizenztext</translation>
    </message>
    <message>
        <source>This build carries no licence text for %1; see the licence named in the table.</source>
        <translation>Dieser Build enthält keinen Lizenztext für %1; siehe die in der Tabelle genannte Lizenz.</translation>
    </message>
</context>
<context>
    <name>frontdesk::AccessController</name>
    <message>
        <source>&amp;Workstation</source>
        <translation>A&amp;rbeitsplatz</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>&amp;Audit Trail…</source>
        <translation>&amp;Prüfprotokoll…</translation>
    </message>
    <message>
        <source>Auto-Lock &amp;Time…</source>
        <translation>Automatische Sperre nach &amp;Zeit…</translation>
    </message>
    <message>
        <source>&amp;Wipe This Workstation…</source>
        <translation>Diesen Arbeitsplatz &amp;löschen…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Auto-lock</source>
        <translation>Automatische Sperre</translation>
    </message>
    <message>
        <source>Lock the workstation after this many idle minutes:</source>
        <translation>Arbeitsplatz nach so vielen Minuten ohne Aktivität sperren:</translation>
    </message>
    <message>
        <source>Wipe</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Wipe this workstation</source>
        <translation>Diesen Arbeitsplatz löschen</translation>
    </message>
    <message>
        <source>This removes the database, its WAL and journal files and its key from this workstation for good. Changes not yet sent to the server are lost. Frontdesk then starts as new.

Type WIPE to confirm:</source>
        <translation>Dies entfernt die Datenbank, ihre WAL- und Journaldateien und ihren Schlüssel endgültig von diesem Arbeitsplatz. Noch nicht an den Server gesendete Änderungen gehen verloren. Frontdesk startet danach neu wie bei der Ersteinrichtung.

Geben Sie zur Bestätigung WIPE ein:</translation>
    </message>
    <message>
        <source>Connect to &amp;Server…</source>
        <translation>Mit &amp;Server verbinden…</translation>
    </message>
    <message>
        <source>Connect to server</source>
        <translation>Mit Server verbinden</translation>
    </message>
    <message>
        <source>Message Te&amp;mplates…</source>
        <translation>&amp;Nachrichtenvorlagen…</translation>
    </message>
    <message>
        <source>Message templates</source>
        <translation>Nachrichtenvorlagen</translation>
    </message>
    <message>
        <source>The account %1 was disabled at the server. Another person can sign in here with Switch User.</source>
        <translation>Das Konto %1 wurde auf dem Server deaktiviert. Eine andere Person kann sich hier mit „Benutzer wechseln“ anmelden.</translation>
    </message>
</context>
<context>
    <name>frontdesk::AppointmentDayModel</name>
    <message>
        <source>Could not load the appointments of %1: %2</source>
        <translation>Die Termine vom %1 konnten nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>appointment start – end</comment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1
Notes: %2</source>
        <translation>%1
Notizen: %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Behandler</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>%1 · patient replied</source>
        <comment>appointment status · a reply waits</comment>
        <translation>%1 · Patient hat geantwortet</translation>
    </message>
</context>
<context>
    <name>frontdesk::AuditTrailModel</name>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>frontdesk::AuditViewer</name>
    <message>
        <source>Audit trail</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>patient id</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Aktion:</translation>
    </message>
    <message>
        <source>Patient:</source>
        <translation>Patient:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>&amp;Verify chain</source>
        <translation>Kette &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>(anyone)</source>
        <translation>(alle)</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>(alle)</translation>
    </message>
    <message>
        <source>The newest %1 entries that match; narrow the filter to see older ones.</source>
        <translation>Die neuesten %1 passenden Einträge; grenzen Sie den Filter ein, um ältere zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries match.</source>
        <translation>
            <numerusform>%n Eintrag passt.</numerusform>
            <numerusform>%n Einträge passen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The audit trail is intact: %n entries, each chained to the one before.</source>
        <translation>
            <numerusform>Das Prüfprotokoll ist unversehrt: %n Eintrag, mit dem vorigen verkettet.</numerusform>
            <numerusform>Das Prüfprotokoll ist unversehrt: %n Einträge, jeder mit dem vorigen verkettet.</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit trail was tampered with. %1</source>
        <translation>Das Prüfprotokoll wurde manipuliert. %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>%n Eintrag nach %1 exportiert.</numerusform>
            <numerusform>%n Einträge nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Prüfprotokoll exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>Protokolleinträge</translation>
    </message>
</context>
<context>
    <name>frontdesk::BookingDialog</name>
    <message>
        <source>Book an appointment on %1</source>
        <translation>Termin buchen am %1</translation>
    </message>
    <message>
        <source>Name, birth date, phone or MRN</source>
        <translation>Name, Geburtsdatum, Telefon oder Patientennummer</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>No room</source>
        <translation>Kein Raum</translation>
    </message>
    <message>
        <source>Book even if the time is taken (double-booking, recorded)</source>
        <translation>Auch buchen, wenn die Zeit belegt ist (Doppelbuchung, wird protokolliert)</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>Keine Wiederholung</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Wöchentlich</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <source>every </source>
        <translation>alle </translation>
    </message>
    <message>
        <source>times</source>
        <translation>Mal</translation>
    </message>
    <message>
        <source>until</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Patient:</translation>
    </message>
    <message>
        <source>P&amp;ractitioner:</source>
        <translation>Be&amp;handler:</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Uhrzeit:</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>Ar&amp;t:</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <source>R&amp;oom:</source>
        <translation>&amp;Raum:</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>A&amp;nlass:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>N&amp;otizen:</translation>
    </message>
    <message>
        <source>Re&amp;peat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>&amp;Buchen</translation>
    </message>
    <message>
        <source>Choose the patient first: type part of the name and pick them from the list.</source>
        <translation>Wählen Sie zuerst den Patienten: Tippen Sie einen Teil des Namens und wählen Sie ihn aus der Liste.</translation>
    </message>
    <message>
        <source>That time does not exist on this day (the clocks change); choose another.</source>
        <translation>Diese Uhrzeit gibt es an diesem Tag nicht (Zeitumstellung); wählen Sie eine andere.</translation>
    </message>
    <message>
        <source>Repeat interval</source>
        <translation>Wiederholungsintervall</translation>
    </message>
    <message>
        <source>Number of appointments</source>
        <translation>Anzahl der Termine</translation>
    </message>
    <message>
        <source>Series ends</source>
        <translation>Serie endet</translation>
    </message>
    <message>
        <source>Last appointment on</source>
        <translation>Letzter Termin am</translation>
    </message>
    <message>
        <source>%1 — born %2 — %3</source>
        <translation>%1 — geboren %2 — %3</translation>
    </message>
    <message>
        <source>&amp;New Patient…</source>
        <translation>&amp;Neuer Patient…</translation>
    </message>
    <message>
        <source>The patient was saved, but the search does not find them yet: search for %1.</source>
        <translation>Der Patient wurde gespeichert, aber die Suche findet ihn noch nicht: Suchen Sie nach %1.</translation>
    </message>
</context>
<context>
    <name>frontdesk::BreakGlassDialog</name>
    <message>
        <source>Emergency access</source>
        <translation>Notfallzugriff</translation>
    </message>
    <message>
        <source>%1 has no appointment today. Opening their clinical record is emergency access (&quot;break the glass&quot;): say why. The reason is recorded in the audit trail with every read.</source>
        <translation>%1 hat heute keinen Termin. Die klinische Akte zu öffnen ist ein Notfallzugriff („Break the Glass“): Geben Sie den Grund an. Er wird mit jedem Lesezugriff im Prüfprotokoll erfasst.</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>Grund wählen…</translation>
    </message>
    <message>
        <source>Emergency: the patient needs care now</source>
        <translation>Notfall: Der Patient braucht jetzt Versorgung</translation>
    </message>
    <message>
        <source>The patient asked a clinical question (phone, e-mail)</source>
        <translation>Der Patient hat eine klinische Frage gestellt (Telefon, E-Mail)</translation>
    </message>
    <message>
        <source>Results or a letter arrived for the patient</source>
        <translation>Befunde oder ein Brief für den Patienten sind eingegangen</translation>
    </message>
    <message>
        <source>A referral or report is to be written</source>
        <translation>Eine Überweisung oder ein Bericht ist zu schreiben</translation>
    </message>
    <message>
        <source>Asked by the practitioner treating the patient</source>
        <translation>Auf Bitte des behandelnden Behandlers</translation>
    </message>
    <message>
        <source>In your own words, or more about the reason chosen</source>
        <translation>In Ihren eigenen Worten oder mehr zum gewählten Grund</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>&amp;Einzelheiten:</translation>
    </message>
    <message>
        <source>&amp;Open the Record</source>
        <translation>Akte &amp;öffnen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Give the reason: choose one from the list or describe it in your own words.</source>
        <translation>Geben Sie den Grund an: Wählen Sie einen aus der Liste oder beschreiben Sie ihn in eigenen Worten.</translation>
    </message>
    <message>
        <source>Say a little more: the reason needs at least %1 characters.</source>
        <translation>Etwas ausführlicher bitte: Der Grund braucht mindestens %1 Zeichen.</translation>
    </message>
</context>
<context>
    <name>frontdesk::CancelDialog</name>
    <message>
        <source>Cancel the appointment</source>
        <translation>Termin absagen</translation>
    </message>
    <message>
        <source>The patient</source>
        <translation>Der Patient</translation>
    </message>
    <message>
        <source>The clinic</source>
        <translation>Die Praxis</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Cancelled &amp;by:</source>
        <translation>Abgesagt &amp;von:</translation>
    </message>
    <message>
        <source>Cancel &amp;appointment</source>
        <translation>Termin &amp;absagen</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>&amp;Behalten</translation>
    </message>
    <message>
        <source>A reason is needed</source>
        <translation>Ein Grund wird benötigt</translation>
    </message>
</context>
<context>
    <name>frontdesk::ClinicalTab</name>
    <message>
        <source>Open the clinical summary</source>
        <translation>Klinische Zusammenfassung öffnen</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>⚠ Allergy: %1</source>
        <translation>⚠ Allergie: %1</translation>
    </message>
    <message>
        <source>Allergy: %1</source>
        <translation>Allergie: %1</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergien</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Diagnosen</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Medikation</translation>
    </message>
    <message>
        <source>Latest vitals</source>
        <translation>Letzte Vitalwerte</translation>
    </message>
    <message>
        <source>Past encounters</source>
        <translation>Frühere Behandlungskontakte</translation>
    </message>
    <message>
        <source>Visit note — %1, %2</source>
        <translation>Besuchsnotiz — %1, %2</translation>
    </message>
    <message>
        <source>Visit note</source>
        <translation>Besuchsnotiz</translation>
    </message>
    <message>
        <source>No known allergies</source>
        <translation>Keine bekannten Allergien</translation>
    </message>
    <message>
        <source>No allergies recorded</source>
        <translation>Keine Allergien erfasst</translation>
    </message>
    <message>
        <source>Immunisations</source>
        <translation>Impfungen</translation>
    </message>
    <message>
        <source>No immunisations recorded</source>
        <translation>Keine Impfungen erfasst</translation>
    </message>
    <message>
        <source>Clinical summary</source>
        <translation>Klinische Zusammenfassung</translation>
    </message>
</context>
<context>
    <name>frontdesk::ComposeMessageDialog</name>
    <message>
        <source>New message</source>
        <translation>Neue Nachricht</translation>
    </message>
    <message>
        <source>Name, birth date, phone or MRN</source>
        <translation>Name, Geburtsdatum, Telefon oder Patientennummer</translation>
    </message>
    <message>
        <source>Find the patient</source>
        <translation>Patienten suchen</translation>
    </message>
    <message>
        <source>Patients found</source>
        <translation>Gefundene Patienten</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Patient:</translation>
    </message>
    <message>
        <source>Patient:</source>
        <translation>Patient:</translation>
    </message>
    <message>
        <source>P&amp;urpose:</source>
        <translation>&amp;Zweck:</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>&amp;Queue message</source>
        <translation>Nachricht in &amp;Warteschlange</translation>
    </message>
    <message>
        <source>Waits in the outbox until the server sends it (Ctrl+Return)</source>
        <translation>Wartet im Postausgang, bis der Server sie sendet (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 an %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Choose the patient first.</source>
        <translation>Wählen Sie zuerst den Patienten.</translation>
    </message>
    <message>
        <source>No channel may be used for this patient and purpose.</source>
        <translation>Für diesen Patienten und Zweck darf kein Kanal verwendet werden.</translation>
    </message>
    <message>
        <source>SMS parts: %1 · characters left in this part: %2</source>
        <translation>SMS-Teile: %1 · verbleibende Zeichen in diesem Teil: %2</translation>
    </message>
    <message>
        <source>“%1” is not in the SMS alphabet, so each part holds 70 characters instead of 160.</source>
        <translation>„%1“ gehört nicht zum SMS-Zeichensatz, daher fasst jeder Teil 70 statt 160 Zeichen.</translation>
    </message>
    <message>
        <source>Too long: at most %1 parts are allowed.</source>
        <translation>Zu lang: Erlaubt sind höchstens %1 Teile.</translation>
    </message>
    <message>
        <source>&amp;Appointment:</source>
        <translation>Te&amp;rmin:</translation>
    </message>
    <message>
        <source>Te&amp;mplate:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>None: write the text</source>
        <translation>Keine: Text selbst schreiben</translation>
    </message>
    <message>
        <source>Subject: %1

%2</source>
        <translation>Betreff: %1

%2</translation>
    </message>
</context>
<context>
    <name>frontdesk::ConflictsDialog</name>
    <message>
        <source>&amp;Keep Mine</source>
        <translation>&amp;Meine behalten</translation>
    </message>
    <message>
        <source>&amp;Take Server&apos;s</source>
        <translation>&amp;Server-Version übernehmen</translation>
    </message>
    <message>
        <source>Sync Conflicts</source>
        <translation>Abgleichskonflikte</translation>
    </message>
    <message>
        <source>Records waiting for a decision</source>
        <translation>Datensätze, die auf eine Entscheidung warten</translation>
    </message>
    <message>
        <source>Fields that differ</source>
        <translation>Abweichende Felder</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>At the server</source>
        <translation>Am Server</translation>
    </message>
    <message>
        <source>Send this workstation&apos;s version again, on top of the server&apos;s.</source>
        <translation>Die Version dieses Arbeitsplatzes erneut senden, auf der des Servers aufbauend.</translation>
    </message>
    <message>
        <source>Make the record the server&apos;s version; the changes made here are dropped.</source>
        <translation>Den Datensatz auf die Version des Servers setzen; die hier gemachten Änderungen werden verworfen.</translation>
    </message>
    <message>
        <source>The records waiting for a decision could not be read: %1</source>
        <translation>Die Datensätze, die auf eine Entscheidung warten, konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Changed on both sides</source>
        <translation>Auf beiden Seiten geändert</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Vom Server abgelehnt</translation>
    </message>
    <message>
        <source>Nothing waits for a decision: every record the server refused or changed meanwhile is settled.</source>
        <translation>Nichts wartet auf eine Entscheidung: Jeder Datensatz, den der Server abgelehnt oder inzwischen geändert hat, ist geklärt.</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Here by %1; at the server by %2 (its version %3).</source>
        <translation>Hier von %1; am Server von %2 (dort Version %3).</translation>
    </message>
    <message>
        <source>The server never accepted this record: change it here (for an appointment, move it to a free time) and keep yours, which sends it again.</source>
        <translation>Der Server hat diesen Datensatz nie angenommen: Ändern Sie ihn hier (einen Termin auf eine freie Zeit verschieben) und behalten Sie Ihre Version, die damit erneut gesendet wird.</translation>
    </message>
    <message>
        <source>The server has deleted it.</source>
        <translation>Der Server hat ihn gelöscht.</translation>
    </message>
    <message>
        <source>%1 (changed on both sides)</source>
        <translation>%1 (auf beiden Seiten geändert)</translation>
    </message>
    <message>
        <source>Before both changes: %1</source>
        <translation>Vor beiden Änderungen: %1</translation>
    </message>
    <message>
        <source>%1: this workstation&apos;s version goes to the server with the next sync.</source>
        <translation>%1: Die Version dieses Arbeitsplatzes geht mit dem nächsten Abgleich an den Server.</translation>
    </message>
    <message>
        <source>%1: now the server&apos;s version.</source>
        <translation>%1: jetzt die Version des Servers.</translation>
    </message>
    <message>
        <source>&amp;Rebook to Next Free Time</source>
        <translation>Auf nächste freie Zeit &amp;umbuchen</translation>
    </message>
    <message>
        <source>Move the refused booking to its practitioner&apos;s next free time of the same length, and send it again.</source>
        <translation>Die abgelehnte Buchung auf die nächste freie Zeit gleicher Länge beim selben Behandler verschieben und erneut senden.</translation>
    </message>
    <message>
        <source>%1: rebooked to %2; it goes to the server with the next sync.</source>
        <translation>%1: umgebucht auf %2; die Buchung geht mit dem nächsten Abgleich an den Server.</translation>
    </message>
    <message>
        <source>The server&apos;s could not be written here</source>
        <translation>Die Version des Servers ließ sich hier nicht speichern</translation>
    </message>
</context>
<context>
    <name>frontdesk::ConnectServerDialog</name>
    <message>
        <source>Connect to Server</source>
        <translation>Mit Server verbinden</translation>
    </message>
    <message>
        <source>An administrator&apos;s account at the clinic&apos;s frontdesk-server gives this workstation its own credential. The password is sent to the server only, and not kept.</source>
        <translation>Mit dem Konto eines Administrators am frontdesk-server der Praxis erhält dieser Arbeitsplatz eigene Zugangsdaten. Das Passwort geht nur an den Server und wird nicht gespeichert.</translation>
    </message>
    <message>
        <source>This workstation is not enrolled yet.</source>
        <translation>Dieser Arbeitsplatz ist noch nicht angemeldet.</translation>
    </message>
    <message>
        <source>https://fd.clinic.example:8443</source>
        <translation>https://fd.clinic.example:8443</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>&amp;Serveradresse:</translation>
    </message>
    <message>
        <source>&amp;Administrator:</source>
        <translation>&amp;Administrator:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>How the server lists this workstation.</source>
        <translation>Unter diesem Namen führt der Server diesen Arbeitsplatz.</translation>
    </message>
    <message>
        <source>&amp;Workstation name:</source>
        <translation>Name des &amp;Arbeitsplatzes:</translation>
    </message>
    <message>
        <source>Optional: the clinic&apos;s CA certificate (PEM)</source>
        <translation>Optional: das CA-Zertifikat der Praxis (PEM)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation>&amp;CA-Zertifikat:</translation>
    </message>
    <message>
        <source>Optional: SHA-256 of the server&apos;s public key, base64</source>
        <translation>Optional: SHA-256 des öffentlichen Serverschlüssels, Base64</translation>
    </message>
    <message>
        <source>Public-key p&amp;in:</source>
        <translation>Schlüssel-P&amp;in:</translation>
    </message>
    <message>
        <source>Development only: allow plain HTTP and certificates that do not verify</source>
        <translation>Nur für die Entwicklung: unverschlüsseltes HTTP und nicht prüfbare Zertifikate zulassen</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbindung wird hergestellt</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
</context>
<context>
    <name>frontdesk::ContactsTab</name>
    <message>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Since / checked</source>
        <translation>Seit / geprüft</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Add &amp;alert…</source>
        <translation>&amp;Hinweis hinzufügen…</translation>
    </message>
    <message>
        <source>Record c&amp;onsent…</source>
        <translation>&amp;Einwilligung erfassen…</translation>
    </message>
    <message>
        <source>Add &amp;insurance…</source>
        <translation>Versi&amp;cherung hinzufügen…</translation>
    </message>
    <message>
        <source>Set &amp;preference…</source>
        <translation>&amp;Präferenz festlegen…</translation>
    </message>
    <message>
        <source>&amp;Remove / withdraw…</source>
        <translation>Entfernen / &amp;widerrufen…</translation>
    </message>
    <message>
        <source>Remove the selected alert or preference, or withdraw the selected consent</source>
        <translation>Den ausgewählten Hinweis oder die ausgewählte Präferenz entfernen oder die ausgewählte Einwilligung widerrufen</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>Double-click to edit</source>
        <translation>Doppelklick zum Bearbeiten</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Communication preferences</source>
        <translation>Kommunikationspräferenzen</translation>
    </message>
    <message>
        <source>quiet %1–%2</source>
        <translation>Ruhe %1–%2</translation>
    </message>
    <message>
        <source>opted out</source>
        <translation>abgemeldet</translation>
    </message>
    <message>
        <source>(none recorded: the preferred channel applies)</source>
        <translation>(keine erfasst: Es gilt der bevorzugte Kanal)</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Einwilligungen</translation>
    </message>
    <message>
        <source>given</source>
        <translation>erteilt</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>recorded by %1</source>
        <translation>erfasst von %1</translation>
    </message>
    <message>
        <source>Double-click to withdraw</source>
        <translation>Doppelklick zum Widerrufen</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>Versicherung</translation>
    </message>
    <message>
        <source>member %1</source>
        <translation>Versichertennummer %1</translation>
    </message>
    <message>
        <source>member %1, group %2</source>
        <translation>Versichertennummer %1, Gruppe %2</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>eligibility: %1 (checked %2)</source>
        <translation>Anspruch: %1 (geprüft %2)</translation>
    </message>
    <message>
        <source>eligibility not checked</source>
        <translation>Anspruch nicht geprüft</translation>
    </message>
    <message>
        <source>Double-click to edit or record an eligibility check</source>
        <translation>Doppelklick zum Bearbeiten oder um eine Anspruchsprüfung zu erfassen</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Einwilligung widerrufen</translation>
    </message>
    <message>
        <source>Record that the patient withdrew the consent “%1” today? The consent stays in the history.</source>
        <translation>Erfassen, dass der Patient die Einwilligung „%1“ heute widerrufen hat? Die Einwilligung bleibt im Verlauf erhalten.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove “%1”?</source>
        <translation>„%1“ entfernen?</translation>
    </message>
    <message>
        <source>Contact preferences, consents and insurance</source>
        <translation>Kontaktwünsche, Einwilligungen und Versicherung</translation>
    </message>
</context>
<context>
    <name>frontdesk::CsvWriter</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>frontdesk::DashboardPdf</name>
    <message>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Filters:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>Could not make the PDF for %1.</source>
        <translation>Das PDF für %1 konnte nicht erstellt werden.</translation>
    </message>
</context>
<context>
    <name>frontdesk::DashboardView</name>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>P&amp;eriod:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>to</source>
        <comment>from date to date</comment>
        <translation>bis</translation>
    </message>
    <message>
        <source>Pr&amp;actitioner:</source>
        <translation>Be&amp;handler:</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Raum:</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>Ar&amp;t:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Compute the figures again</source>
        <translation>Kennzahlen neu berechnen</translation>
    </message>
    <message>
        <source>Compute the figures again (F5)</source>
        <translation>Kennzahlen neu berechnen (F5)</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Save one of the dashboard&apos;s tables for a spreadsheet</source>
        <translation>Eine der Tabellen der Übersicht für eine Tabellenkalkulation speichern</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>&amp;PDF exportieren…</translation>
    </message>
    <message>
        <source>Save the whole dashboard as PDF</source>
        <translation>Die ganze Übersicht als PDF speichern</translation>
    </message>
    <message>
        <source>&amp;How is this counted?</source>
        <translation>&amp;Wie wird das gezählt?</translation>
    </message>
    <message>
        <source>The definition of every figure</source>
        <translation>Die Definition jeder Kennzahl</translation>
    </message>
    <message>
        <source>Dashboards are for managers and administrators. Sign in with such an account to see the clinic&apos;s figures.</source>
        <translation>Übersichten sind für Praxismanagement und Administratoren. Melden Sie sich mit einem solchen Konto an, um die Kennzahlen der Praxis zu sehen.</translation>
    </message>
    <message>
        <source>All practitioners</source>
        <translation>Alle Behandler</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>Alle Räume</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alle Terminarten</translation>
    </message>
    <message>
        <source>Could not list the dashboard&apos;s filters: %1</source>
        <translation>Die Filter der Übersicht konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Wird berechnet…</translation>
    </message>
    <message>
        <source>Computed in %1 ms</source>
        <translation>Berechnet in %1 ms</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Never synced: these figures come from this computer&apos;s data only (today is %1).</source>
        <translation>Noch nie abgeglichen: Diese Kennzahlen stammen nur aus den Daten dieses Computers (heute ist der %1).</translation>
    </message>
    <message>
        <source>As of the last sync, %1, with the changes made on this computer since.</source>
        <translation>Stand des letzten Abgleichs, %1, mit den seither auf diesem Computer vorgenommenen Änderungen.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <comment>practitioner · location · type</comment>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>There are no figures to export yet.</source>
        <translation>Es gibt noch keine Kennzahlen zum Exportieren.</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Dashboard — %1</source>
        <translation>Übersicht — %1</translation>
    </message>
    <message>
        <source>%1 (previous period %2)</source>
        <translation>%1 (vorheriger Zeitraum %2)</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export the dashboard as PDF</source>
        <translation>Übersicht als PDF exportieren</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>frontdesk::DatabaseTableModel</name>
    <message>
        <source>Waiting to sync</source>
        <translation>Wartet auf Abgleich</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Abgeglichen</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Rejected by server</source>
        <translation>Vom Server abgelehnt</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Demodaten</translation>
    </message>
</context>
<context>
    <name>frontdesk::DayCalendarView</name>
    <message>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>angekommen</translation>
    </message>
    <message>
        <source>in room</source>
        <translation>im Behandlungsraum</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgesagt</translation>
    </message>
    <message>
        <source>no-show</source>
        <translation>nicht erschienen</translation>
    </message>
    <message>
        <source>Day calendar</source>
        <translation>Tageskalender</translation>
    </message>
    <message>
        <source>waiting %1 min</source>
        <translation>wartet seit %1 Min.</translation>
    </message>
    <message>
        <source>No practitioner works on this day.</source>
        <translation>An diesem Tag arbeitet kein Behandler.</translation>
    </message>
    <message>
        <source>%1, waiting %2 min</source>
        <translation>%1, wartet seit %2 Min.</translation>
    </message>
    <message>
        <source>%1–%2 %3
%4 with %5
%6
Room: %7
%8</source>
        <translation>%1–%2 %3
%4 bei %5
%6
Raum: %7
%8</translation>
    </message>
    <message>
        <source>%1, patient replied: %2</source>
        <comment>appointment, the reply</comment>
        <translation>%1, Patient hat geantwortet: %2</translation>
    </message>
    <message>
        <source>replied</source>
        <comment>the patient replied; short, on a calendar block</comment>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>↩ Patient replied</source>
        <translation>↩ Patient hat geantwortet</translation>
    </message>
</context>
<context>
    <name>frontdesk::DayScheduleModel</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>No room</source>
        <translation>Kein Raum</translation>
    </message>
    <message>
        <source>%1 with %2: %3</source>
        <translation>%1 bei %2: %3</translation>
    </message>
</context>
<context>
    <name>frontdesk::DetailsTab</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save the changes (%1)</source>
        <translation>Änderungen speichern (%1)</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Patient details</source>
        <translation>Patientendaten</translation>
    </message>
</context>
<context>
    <name>frontdesk::DrillDownDialog</name>
    <message>
        <source>%1 — records</source>
        <comment>figure name</comment>
        <translation>%1 — Datensätze</translation>
    </message>
    <message>
        <source>&amp;Open patient</source>
        <translation>Patient &amp;öffnen</translation>
    </message>
    <message>
        <source>Opens the selected patient&apos;s profile (double-click or Enter)</source>
        <translation>Öffnet das Profil des ausgewählten Patienten (Doppelklick oder Eingabetaste)</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV exportieren…</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2: %n record(s)</source>
        <comment>figure, period</comment>
        <translation>
            <numerusform>%1, %2: %n Datensatz</numerusform>
            <numerusform>%1, %2: %n Datensätze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n row(s) to %1.</source>
        <translation>
            <numerusform>%n Zeile in %1 gespeichert.</numerusform>
            <numerusform>%n Zeilen in %1 gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the list as CSV</source>
        <translation>Liste als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>frontdesk::FigureTile</name>
    <message>
        <source>Before: %1</source>
        <comment>the previous period&apos;s value</comment>
        <translation>Vorher: %1</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <comment>value, previous value, change</comment>
        <translation>%1, %2, %3</translation>
    </message>
</context>
<context>
    <name>frontdesk::FindSlotDialog</name>
    <message>
        <source>Find the next available time</source>
        <translation>Nächsten freien Termin finden</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;With:</source>
        <translation>&amp;Bei:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <source>Preferred days (none: any):</source>
        <translation>Bevorzugte Tage (keine: beliebig):</translation>
    </message>
    <message>
        <source>Preferred time:</source>
        <translation>Bevorzugte Uhrzeit:</translation>
    </message>
    <message>
        <source>&amp;Book this time…</source>
        <translation>Diese Zeit b&amp;uchen…</translation>
    </message>
    <message>
        <source>%1, %2 — %3</source>
        <translation>%1, %2 — %3</translation>
    </message>
    <message>
        <source>No free time in the next 120 days.</source>
        <translation>Keine freie Zeit in den nächsten 120 Tagen.</translation>
    </message>
    <message>
        <source>Search first, then choose a time.</source>
        <translation>Suchen Sie zuerst, dann wählen Sie eine Zeit.</translation>
    </message>
    <message>
        <source>Free times found</source>
        <translation>Gefundene freie Zeiten</translation>
    </message>
</context>
<context>
    <name>frontdesk::KpiBreakdownModel</name>
    <message>
        <source>Weekly trend</source>
        <translation>Wochentrend</translation>
    </message>
    <message>
        <source>Per practitioner</source>
        <translation>Je Behandler</translation>
    </message>
    <message>
        <source>No-shows by weekday and hour</source>
        <translation>Nichterscheinen nach Wochentag und Stunde</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>Nicht erschienen</translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation>Absagen</translation>
    </message>
    <message>
        <source>No-show rate</source>
        <translation>Nichterscheinensquote</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Behandler</translation>
    </message>
    <message>
        <source>Booked hours</source>
        <translation>Gebuchte Stunden</translation>
    </message>
    <message>
        <source>Available hours</source>
        <translation>Verfügbare Stunden</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Wochentag</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>Appointments not cancelled</source>
        <translation>Nicht abgesagte Termine</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <comment>hour range</comment>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>Week %1 (from %2)</source>
        <translation>Woche %1 (ab %2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (partial: %n of 7 days)</source>
        <comment>a week of the trend</comment>
        <translation>
            <numerusform>%1 (unvollständig: %n von 7 Tagen)</numerusform>
            <numerusform>%1 (unvollständig: %n von 7 Tagen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::KpiDefinitions</name>
    <message>
        <source>The period is the chosen local days in the clinic&apos;s time zone, from the first day 00:00 to the day after the last 00:00; an appointment belongs to the period its start falls in. Deleted records never count.</source>
        <translation>Der Zeitraum umfasst die gewählten Kalendertage in der Zeitzone der Praxis, vom ersten Tag 00:00 Uhr bis zum Tag nach dem letzten, 00:00 Uhr; ein Termin gehört zu dem Zeitraum, in den sein Beginn fällt. Gelöschte Datensätze zählen nie.</translation>
    </message>
    <message>
        <source>The practitioner, location and appointment-type filters narrow the appointments counted.</source>
        <translation>Die Filter nach Behandler, Raum und Terminart grenzen die gezählten Termine ein.</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>Appointments in the period, whatever their status (booked, confirmed, arrived, in room, completed, cancelled or no-show). %1 %2</source>
        <translation>Termine im Zeitraum, unabhängig vom Status (gebucht, bestätigt, angekommen, im Behandlungsraum, abgeschlossen, abgesagt oder nicht erschienen). %1 %2</translation>
    </message>
    <message>
        <source>No-show rate</source>
        <translation>Nichterscheinensquote</translation>
    </message>
    <message>
        <source>No-shows divided by the appointments in the period that were not cancelled: of the visits that were meant to happen, the share the patient missed. Undefined when no appointment remains. Visits still to come count in the base. %1 %2</source>
        <translation>Nicht wahrgenommene Termine geteilt durch die nicht abgesagten Termine im Zeitraum: der Anteil der geplanten Besuche, zu denen der Patient nicht erschienen ist. Nicht definiert, wenn kein Termin übrig bleibt. Noch bevorstehende Besuche zählen in der Basis mit. %1 %2</translation>
    </message>
    <message>
        <source>Late-cancellation rate</source>
        <translation>Quote kurzfristiger Absagen</translation>
    </message>
    <message>
        <source>Appointments cancelled less than N hours before their start, divided by all appointments in the period. The cancellation time is the latest change to &apos;cancelled&apos; in the status history that was not reverted (the record&apos;s last change when the history has none). N is the setting late_cancellation_hours (default %1). Undefined without appointments. %2 %3</source>
        <translation>Termine, die weniger als N Stunden vor Beginn abgesagt wurden, geteilt durch alle Termine im Zeitraum. Als Absagezeitpunkt gilt die letzte nicht rückgängig gemachte Änderung auf „abgesagt“ im Statusverlauf (ohne Verlauf die letzte Änderung des Datensatzes). N ist die Einstellung late_cancellation_hours (Standard %1). Ohne Termine nicht definiert. %2 %3</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <source>Booked minutes divided by available minutes. Booked: the minutes of the period&apos;s appointments that were not cancelled, no-shows included (the time was held), clipped to the period. Available: the weekly working hours of each active practitioner matching the filter on each day of the period, in the clinic&apos;s local time (a day with a daylight-saving change has 23 or 25 hours), less holidays, leave and blocked time - the same availability the schedule offers for booking. With a location filter, only working hours at that location count; with a type filter, only that type&apos;s minutes count as booked. Undefined when nothing was available. %1</source>
        <translation>Gebuchte Minuten geteilt durch verfügbare Minuten. Gebucht: die auf den Zeitraum beschnittenen Minuten der nicht abgesagten Termine des Zeitraums, nicht wahrgenommene eingeschlossen (die Zeit war reserviert). Verfügbar: die wöchentlichen Sprechzeiten jedes aktiven Behandlers, der zum Filter passt, an jedem Tag des Zeitraums in der Ortszeit der Praxis (ein Tag mit Zeitumstellung hat 23 oder 25 Stunden), abzüglich Feiertagen, Urlaub und gesperrter Zeit – dieselbe Verfügbarkeit, die der Terminplan zum Buchen anbietet. Mit einem Raumfilter zählen nur Sprechzeiten in diesem Raum; mit einem Terminartfilter zählen nur die Minuten dieser Terminart als gebucht. Nicht definiert, wenn nichts verfügbar war. %1</translation>
    </message>
    <message>
        <source>Booking lead time</source>
        <translation>Buchungsvorlauf</translation>
    </message>
    <message>
        <source>The median, in days, of the time from booking (the record&apos;s creation) to the start, over the period&apos;s appointments that were not cancelled. Undefined without such appointments. %1 %2</source>
        <translation>Der Median der Zeit in Tagen von der Buchung (Anlage des Datensatzes) bis zum Beginn, über die nicht abgesagten Termine des Zeitraums. Ohne solche Termine nicht definiert. %1 %2</translation>
    </message>
    <message>
        <source>New patients</source>
        <translation>Neue Patienten</translation>
    </message>
    <message>
        <source>Distinct patients with an appointment in the period that was not cancelled, whose earliest appointment ever (not deleted, not cancelled, with any practitioner) falls in the period. %1 %2</source>
        <translation>Verschiedene Patienten mit einem nicht abgesagten Termin im Zeitraum, deren allererster Termin (nicht gelöscht, nicht abgesagt, bei beliebigem Behandler) in den Zeitraum fällt. %1 %2</translation>
    </message>
    <message>
        <source>Returning patients</source>
        <translation>Wiederkehrende Patienten</translation>
    </message>
    <message>
        <source>Distinct patients with an appointment in the period that was not cancelled who are not new: they had an earlier appointment that was not cancelled. %1 %2</source>
        <translation>Verschiedene Patienten mit einem nicht abgesagten Termin im Zeitraum, die nicht neu sind: Sie hatten bereits einen früheren, nicht abgesagten Termin. %1 %2</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Patientenbindung</translation>
    </message>
    <message>
        <source>Of the distinct patients seen (in room or completed) in the previous period of the same length, the share seen again in this period. Undefined when nobody was seen in the previous period. %1</source>
        <translation>Von den verschiedenen Patienten, die im vorigen, gleich langen Zeitraum behandelt wurden (im Behandlungsraum oder abgeschlossen), der Anteil, der in diesem Zeitraum erneut behandelt wurde. Nicht definiert, wenn im vorigen Zeitraum niemand behandelt wurde. %1</translation>
    </message>
    <message>
        <source>Reminders sent</source>
        <translation>Gesendete Erinnerungen</translation>
    </message>
    <message>
        <source>Outbound messages with the purpose &apos;reminder&apos; sent in the period (status sent or delivered; queued and failed messages were not sent). With a filter, only reminders about an appointment that matches it count.</source>
        <translation>Ausgehende Nachrichten mit dem Zweck „Erinnerung“, die im Zeitraum gesendet wurden (Status gesendet oder zugestellt; wartende und fehlgeschlagene Nachrichten wurden nicht gesendet). Mit einem Filter zählen nur Erinnerungen zu einem passenden Termin.</translation>
    </message>
    <message>
        <source>Reminders delivered</source>
        <translation>Zugestellte Erinnerungen</translation>
    </message>
    <message>
        <source>Of the reminders sent in the period, those whose delivery was reported (status delivered); shown as a number of the reminders sent.</source>
        <translation>Von den im Zeitraum gesendeten Erinnerungen diejenigen, deren Zustellung gemeldet wurde (Status zugestellt); angegeben als Anteil der gesendeten Erinnerungen.</translation>
    </message>
    <message>
        <source>Reminders confirmed</source>
        <translation>Bestätigte Erinnerungen</translation>
    </message>
    <message>
        <source>Of the reminders sent in the period, those whose appointment was confirmed afterwards: the status history changed it to &apos;confirmed&apos; at or after the reminder was sent (and the change was not reverted), or the patient answered about the same appointment with a reply starting with yes, y, ja, j, ok, c, 1 or confirm. Shown as a number of the reminders sent.</source>
        <translation>Von den im Zeitraum gesendeten Erinnerungen diejenigen, deren Termin danach bestätigt wurde: Der Statusverlauf hat ihn zum Zeitpunkt des Versands oder später auf „bestätigt“ gesetzt (und die Änderung wurde nicht rückgängig gemacht), oder der Patient hat zu demselben Termin mit einer Antwort geantwortet, die mit yes, y, ja, j, ok, c, 1 oder confirm beginnt. Angegeben als Anteil der gesendeten Erinnerungen.</translation>
    </message>
    <message>
        <source>Response rate</source>
        <translation>Antwortquote</translation>
    </message>
    <message>
        <source>Outbound messages sent in the period (any purpose) that got an inbound message from the same patient within %1 hours, divided by the outbound messages sent in the period. With a filter, only messages about an appointment that matches it count. Undefined when nothing was sent.</source>
        <translation>Im Zeitraum gesendete ausgehende Nachrichten (beliebiger Zweck), auf die innerhalb von %1 Stunden eine eingehende Nachricht desselben Patienten folgte, geteilt durch die im Zeitraum gesendeten ausgehenden Nachrichten. Mit einem Filter zählen nur Nachrichten zu einem passenden Termin. Nicht definiert, wenn nichts gesendet wurde.</translation>
    </message>
    <message>
        <source>Overdue recalls (care gaps)</source>
        <translation>Überfällige Recalls (Versorgungslücken)</translation>
    </message>
    <message>
        <source>Open recalls due before the end of the period (or before today, when the period reaches into the future) whose patient has no appointment, not deleted, not cancelled and not a no-show, starting on or after the due date. Counted as of the end of the period, from the recalls&apos; present state. With a practitioner filter, recalls for that practitioner or for nobody in particular count; the room and type filters do not apply to recalls.</source>
        <translation>Offene Recalls, fällig vor dem Ende des Zeitraums (oder vor heute, wenn der Zeitraum in die Zukunft reicht), deren Patient keinen Termin (nicht gelöscht, nicht abgesagt, nicht versäumt) am oder nach dem Fälligkeitsdatum hat. Gezählt zum Ende des Zeitraums, nach dem aktuellen Stand der Recalls. Mit einem Behandlerfilter zählen Recalls für diesen Behandler oder für niemanden im Besonderen; Raum- und Terminartfilter gelten nicht für Recalls.</translation>
    </message>
    <message>
        <source>Patients at risk of disengaging</source>
        <translation>Patienten mit Abwanderungsrisiko</translation>
    </message>
    <message>
        <source>Patients with a no-show in the period, or with %1 or more no-shows in the %2 days before the end of the period, who have no booked or confirmed appointment (not deleted) starting after the end of the period - or after today, when the period ends in the future. The no-shows follow the filters; the future appointment may be with anyone.</source>
        <translation>Patienten, die im Zeitraum nicht erschienen sind oder in den %2 Tagen vor dem Ende des Zeitraums %1 oder mehr Termine versäumt haben und keinen gebuchten oder bestätigten Termin (nicht gelöscht) nach dem Ende des Zeitraums haben – bzw. nach heute, wenn der Zeitraum in der Zukunft endet. Die Versäumnisse folgen den Filtern; der künftige Termin kann bei beliebigem Behandler sein.</translation>
    </message>
    <message>
        <source>Survey answers: %1</source>
        <translation>Umfrageantworten: %1</translation>
    </message>
    <message>
        <source>Of the survey answers given in the period, those scoring %1 (1 poor, 5 very good); shown as a number of the answers. %2</source>
        <translation>Von den im Zeitraum gegebenen Umfrageantworten diejenigen mit der Bewertung %1 (1 schlecht, 5 sehr gut); als Anzahl der Antworten dargestellt. %2</translation>
    </message>
    <message>
        <source>An answer belongs to the period its time falls in, in the clinic&apos;s time zone. With a filter, only answers about an appointment that matches it count.</source>
        <translation>Eine Antwort gehört zu dem Zeitraum, in den ihr Zeitpunkt in der Zeitzone der Praxis fällt. Mit einem Filter zählen nur Antworten zu einem Termin, der zu ihm passt.</translation>
    </message>
    <message>
        <source>Survey answers</source>
        <translation>Umfrageantworten</translation>
    </message>
    <message>
        <source>Answers from 1 to 5 given in the period to the survey a follow-up after a visit asks by SMS (one per survey: a later answer replaces an earlier one). %1</source>
        <translation>Antworten von 1 bis 5, die im Zeitraum auf die Umfrage gegeben wurden, die eine Nachsorge-SMS nach einem Besuch stellt (eine je Umfrage: eine spätere Antwort ersetzt eine frühere). %1</translation>
    </message>
    <message>
        <source>Average survey score</source>
        <translation>Durchschnittliche Umfragebewertung</translation>
    </message>
    <message>
        <source>The mean of the survey answers given in the period, from 1 (poor) to 5 (very good). Undefined without answers. %1</source>
        <translation>Der Mittelwert der im Zeitraum gegebenen Umfrageantworten, von 1 (schlecht) bis 5 (sehr gut). Ohne Antworten nicht definiert. %1</translation>
    </message>
    <message>
        <source>Survey response rate</source>
        <translation>Antwortquote der Umfrage</translation>
    </message>
    <message>
        <source>Surveys sent in the period (outbound messages with the purpose &apos;survey&apos;, status sent or delivered) that have an answer, divided by the surveys sent in the period. Undefined when none was sent. With a filter, only surveys about an appointment that matches it count.</source>
        <translation>Im Zeitraum gesendete Umfragen (ausgehende Nachrichten mit dem Zweck „survey“, Status gesendet oder zugestellt), die eine Antwort haben, geteilt durch die im Zeitraum gesendeten Umfragen. Nicht definiert, wenn keine gesendet wurde. Mit einem Filter zählen nur Umfragen zu einem Termin, der zu ihm passt.</translation>
    </message>
</context>
<context>
    <name>frontdesk::KpiDrillDownModel</name>
    <message>
        <source>Could not list the records behind “%1”: %2</source>
        <translation>Die Datensätze hinter „%1“ konnten nicht aufgelistet werden: %2</translation>
    </message>
</context>
<context>
    <name>frontdesk::KpiFigureModel</name>
    <message>
        <source>Could not compute the dashboard: %1</source>
        <translation>Die Übersicht konnte nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Dieser Zeitraum</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Vorheriger Zeitraum</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Veränderung</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>—</source>
        <comment>no comparison</comment>
        <translation>—</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>keine Veränderung</translation>
    </message>
    <message>
        <source>%1 %2 pp</source>
        <comment>arrow, percentage points</comment>
        <translation>%1 %2 Pp.</translation>
    </message>
    <message>
        <source>%1 %2 days</source>
        <comment>arrow, days</comment>
        <translation>%1 %2 Tage</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>arrow, count</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>first day – last day</comment>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>frontdesk::KpiFilter</name>
    <message>
        <source>The first day of the period is missing or not a valid date.</source>
        <translation>Der erste Tag des Zeitraums fehlt oder ist kein gültiges Datum.</translation>
    </message>
    <message>
        <source>The last day of the period is missing or not a valid date.</source>
        <translation>Der letzte Tag des Zeitraums fehlt oder ist kein gültiges Datum.</translation>
    </message>
    <message>
        <source>The period starts on %1, after its last day %2.</source>
        <translation>Der Zeitraum beginnt am %1, nach seinem letzten Tag %2.</translation>
    </message>
    <message>
        <source>The period has %1 days; at most %2 days can be shown at once.</source>
        <translation>Der Zeitraum hat %1 Tage; höchstens %2 Tage können auf einmal angezeigt werden.</translation>
    </message>
</context>
<context>
    <name>frontdesk::KpiHelpDialog</name>
    <message>
        <source>How the dashboard counts</source>
        <translation>Wie die Übersicht zählt</translation>
    </message>
    <message>
        <source>How the figures are counted</source>
        <translation>Wie die Kennzahlen gezählt werden</translation>
    </message>
    <message>
        <source>Every figure is computed on this workstation from its own database, so the dashboard works without the network. It shows what this workstation knew at its last sync with the server, plus the changes made here since.</source>
        <translation>Jede Kennzahl wird auf diesem Arbeitsplatz aus seiner eigenen Datenbank berechnet, damit die Übersicht ohne Netzwerk funktioniert. Sie zeigt, was dieser Arbeitsplatz beim letzten Abgleich mit dem Server wusste, zuzüglich der seither hier vorgenommenen Änderungen.</translation>
    </message>
    <message>
        <source>Each figure is shown for the chosen period and, beside it, for the period of the same number of days just before it. The change is green when it is an improvement and red when it is worse; rates change in percentage points (pp).</source>
        <translation>Jede Kennzahl wird für den gewählten Zeitraum angezeigt und daneben für den gleich langen Zeitraum direkt davor. Die Veränderung ist grün, wenn sie eine Verbesserung ist, und rot, wenn sie eine Verschlechterung ist; Quoten ändern sich in Prozentpunkten (Pp.).</translation>
    </message>
    <message>
        <source>Click a figure, or press Enter or Space on it, to list the appointments, patients, messages or recalls behind it.</source>
        <translation>Klicken Sie auf eine Kennzahl oder drücken Sie darauf die Eingabe- oder Leertaste, um die Termine, Patienten, Nachrichten oder Recalls dahinter aufzulisten.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Weekly trend: appointments per ISO week (bars) and that week&apos;s no-show rate (line); a week cut by the period counts only its days inside it. Per practitioner: utilisation, appointments or no-show rate of each active practitioner matching the filters. Heat map: no-shows by weekday and hour of the start, coloured by the no-show rate of the appointments not cancelled in that hour.</source>
        <translation>Wochentrend: Termine je ISO-Woche (Balken) und die Nichterscheinensquote dieser Woche (Linie); eine vom Zeitraum angeschnittene Woche zählt nur ihre Tage darin. Je Behandler: Auslastung, Termine oder Nichterscheinensquote jedes aktiven Behandlers, der zu den Filtern passt. Heatmap: Nichterscheinen nach Wochentag und Stunde des Beginns, eingefärbt nach der Nichterscheinensquote der nicht abgesagten Termine in dieser Stunde.</translation>
    </message>
</context>
<context>
    <name>frontdesk::KpiPeriodPreset</name>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Dieses Quartal</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
</context>
<context>
    <name>frontdesk::KpiService</name>
    <message>
        <source>There is no practitioner with the id %1.</source>
        <translation>Es gibt keinen Behandler mit der ID %1.</translation>
    </message>
    <message>
        <source>There is no location with the id %1.</source>
        <translation>Es gibt keinen Raum mit der ID %1.</translation>
    </message>
    <message>
        <source>There is no appointment type with the code %1.</source>
        <translation>Es gibt keine Terminart mit dem Code %1.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Behandler</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>Patientennummer</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobiltelefon</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
</context>
<context>
    <name>frontdesk::LanguageMenu</name>
    <message>
        <source>La&amp;nguage</source>
        <translation>Sp&amp;rache</translation>
    </message>
    <message>
        <source>&amp;System language (%1)</source>
        <translation>&amp;Systemsprache (%1)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Frontdesk will use %1 from its next start on this workstation.</source>
        <translation>Sprache von Frontdesk auf diesem Arbeitsplatz ab dem nächsten Start: %1.</translation>
    </message>
</context>
<context>
    <name>frontdesk::LockScreen</name>
    <message>
        <source>Frontdesk — locked</source>
        <translation>Frontdesk — gesperrt</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Frontdesk is locked.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Frontdesk ist gesperrt.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Frontdesk is locked.</source>
        <translation>Frontdesk ist gesperrt.</translation>
    </message>
    <message>
        <source>&amp;Switch User</source>
        <translation>&amp;Benutzer wechseln</translation>
    </message>
    <message>
        <source>Sign in with your own account; the windows open now are kept, hidden, for the person who left them until they sign in again.</source>
        <translation>Melden Sie sich mit Ihrem eigenen Konto an; die jetzt offenen Fenster bleiben verborgen für die Person erhalten, die sie offen gelassen hat, bis sie sich wieder anmeldet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Frontdesk is locked.&lt;/b&gt;&lt;br&gt;%1 is signed in. Enter their password, or an administrator&apos;s, to go on; or Switch User with your own.</source>
        <translation>&lt;b&gt;Frontdesk ist gesperrt.&lt;/b&gt;&lt;br&gt;%1 ist angemeldet. Geben Sie deren Passwort oder das eines Administrators ein, um fortzufahren, oder wechseln Sie mit Ihrem eigenen den Benutzer.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n form(s) open that cannot be kept: switching closes them without saving. Press Switch User again to go on, or let %1 unlock.</source>
        <translation>
            <numerusform>%1 hat %n Formular offen, das nicht erhalten bleiben kann: Der Wechsel schließt es ohne Speichern. Drücken Sie erneut auf „Benutzer wechseln“, um fortzufahren, oder lassen Sie %1 entsperren.</numerusform>
            <numerusform>%1 hat %n Formulare offen, die nicht erhalten bleiben können: Der Wechsel schließt sie ohne Speichern. Drücken Sie erneut auf „Benutzer wechseln“, um fortzufahren, oder lassen Sie %1 entsperren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the password with the server…</source>
        <translation>Das Passwort wird beim Server geprüft…</translation>
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
        <source>New &amp;Message…</source>
        <translation>Neue &amp;Nachricht…</translation>
    </message>
    <message>
        <source>The message waits in the outbox until the server sends it.</source>
        <translation>Die Nachricht wartet im Postausgang, bis der Server sie sendet.</translation>
    </message>
    <message>
        <source>S&amp;ync Now</source>
        <translation>Jetzt &amp;abgleichen</translation>
    </message>
    <message>
        <source>Sign &amp;Out…</source>
        <translation>&amp;Abmelden…</translation>
    </message>
    <message>
        <source>The Dashboard is not available: %1</source>
        <translation>Die Übersicht ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Sync &amp;Conflicts…</source>
        <translation>Abgleichs&amp;konflikte…</translation>
    </message>
    <message>
        <source>Recall &amp;Outreach…</source>
        <translation>Recall-&amp;Versand…</translation>
    </message>
    <message>
        <source>&amp;Worklist</source>
        <translation>&amp;Arbeitsliste</translation>
    </message>
    <message>
        <source>The survey answer (%1 of 5) is recorded; it reaches the server with the next sync.</source>
        <translation>Die Umfrageantwort (%1 von 5) ist erfasst; sie erreicht den Server mit dem nächsten Abgleich.</translation>
    </message>
</context>
<context>
    <name>frontdesk::MergeDialog</name>
    <message>
        <source>Possible duplicates</source>
        <translation>Mögliche Dubletten</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Record A</source>
        <translation>Akte A</translation>
    </message>
    <message>
        <source>Record B</source>
        <translation>Akte B</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>S&amp;wap surviving record</source>
        <translation>Verbleibende Akte &amp;tauschen</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Zusammenführen…</translation>
    </message>
    <message>
        <source>Pairs of records that may be the same person, most likely first. Select one to compare and merge it.</source>
        <translation>Aktenpaare, die dieselbe Person sein könnten, wahrscheinlichste zuerst. Wählen Sie eines aus, um es zu vergleichen und zusammenzuführen.</translation>
    </message>
    <message>
        <source>no birth date</source>
        <translation>kein Geburtsdatum</translation>
    </message>
    <message>
        <source>No possible duplicates found.</source>
        <translation>Keine möglichen Dubletten gefunden.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Field&lt;/b&gt;</source>
        <translation>&lt;b&gt;Feld&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Keep (surviving record)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Behalten (verbleibende Akte)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Take from the merged record&lt;/b&gt;</source>
        <translation>&lt;b&gt;Aus der zusammengeführten Akte übernehmen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Merge records</source>
        <translation>Akten zusammenführen</translation>
    </message>
    <message>
        <source>Merged. %1 now holds both records.</source>
        <translation>Zusammengeführt. %1 enthält jetzt beide Akten.</translation>
    </message>
    <message>
        <source>Fields of the two records</source>
        <translation>Felder der beiden Akten</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>Merge %1 (%2) into %3 (%4)? Appointments, messages, consents, insurance and clinical records move to the surviving record; the merged record stays as a link.</source>
        <translation>%1 (%2) mit %3 (%4) zusammenführen? Termine, Nachrichten, Einwilligungen, Versicherungen und klinische Daten gehen in die verbleibende Akte über; die zusammengeführte Akte bleibt als Verweis erhalten.</translation>
    </message>
</context>
<context>
    <name>frontdesk::MessageTemplateModel</name>
    <message>
        <source>Alex</source>
        <comment>the sample patient&apos;s first name in the template preview</comment>
        <translation>Alex</translation>
    </message>
    <message>
        <source>Sample</source>
        <comment>the sample patient&apos;s family name in the template preview</comment>
        <translation>Muster</translation>
    </message>
    <message>
        <source>Dr.</source>
        <comment>the sample practitioner&apos;s title in the template preview</comment>
        <translation>Dr.</translation>
    </message>
    <message>
        <source>SMS or e-mail</source>
        <translation>SMS oder E-Mail</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>frontdesk::MessageTemplatesDialog</name>
    <message>
        <source>Message templates</source>
        <translation>Nachrichtenvorlagen</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>Ne&amp;w template</source>
        <translation>Neue &amp;Vorlage</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>P&amp;urpose:</source>
        <translation>&amp;Zweck:</translation>
    </message>
    <message>
        <source>SMS or e-mail</source>
        <translation>SMS oder E-Mail</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>&amp;Platzhalter:</translation>
    </message>
    <message>
        <source>&amp;Offered when composing</source>
        <translation>Beim Schreiben &amp;angeboten</translation>
    </message>
    <message>
        <source>Field to insert</source>
        <translation>Einzufügender Platzhalter</translation>
    </message>
    <message>
        <source>Checks the template and saves it (Ctrl+S)</source>
        <translation>Prüft die Vorlage und speichert sie (Strg+S)</translation>
    </message>
    <message>
        <source>the new template</source>
        <translation>die neue Vorlage</translation>
    </message>
    <message>
        <source>Save the changes to &quot;%1&quot;?</source>
        <translation>Änderungen an „%1“ speichern?</translation>
    </message>
    <message>
        <source>The changes to &quot;%1&quot; were not saved: %2</source>
        <translation>Die Änderungen an „%1“ wurden nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>The preview shows the text as a patient reads it.</source>
        <translation>Die Vorschau zeigt den Text so, wie ein Patient ihn liest.</translation>
    </message>
    <message>
        <source>Subject: %1

%2</source>
        <translation>Betreff: %1

%2</translation>
    </message>
</context>
<context>
    <name>frontdesk::MessageTextForm</name>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Betreff:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Vorschau:</translation>
    </message>
</context>
<context>
    <name>frontdesk::MessageThreadListModel</name>
    <message>
        <source>Choose a conversation first.</source>
        <translation>Wählen Sie zuerst eine Unterhaltung.</translation>
    </message>
    <message>
        <source>Unassigned inbox</source>
        <translation>Nicht zugeordneter Posteingang</translation>
    </message>
    <message>
        <source>%1 received: %2</source>
        <comment>channel received: text</comment>
        <translation>%1 empfangen: %2</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <comment>channel (status): text</comment>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>Messages whose sender matched no patient, or several:
%1</source>
        <translation>Nachrichten, deren Absender keinem oder mehreren Patienten zugeordnet wurde:
%1</translation>
    </message>
    <message>
        <source>messages: %1</source>
        <translation>Nachrichten: %1</translation>
    </message>
    <message>
        <source>unread: %1</source>
        <translation>ungelesen: %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>not assigned</source>
        <translation>nicht zugewiesen</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>zugewiesen an %1</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Letzte Aktivität</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Zugewiesen an</translation>
    </message>
    <message>
        <source>Latest message</source>
        <translation>Neueste Nachricht</translation>
    </message>
</context>
<context>
    <name>frontdesk::MessageThreadModel</name>
    <message>
        <source>Could not open the conversation: %1</source>
        <translation>Die Unterhaltung konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Could not load the conversation: %1</source>
        <translation>Die Unterhaltung konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <comment>the automation rule that sent it</comment>
        <translation>Automatisch (%1)</translation>
    </message>
    <message>
        <source>Template %1</source>
        <translation>Vorlage %1</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Praxis</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>subject — body</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 empfangen</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 gesendet</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>status: why it failed</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Subject: %1

%2</source>
        <translation>Betreff: %1

%2</translation>
    </message>
    <message>
        <source>Delivered %1</source>
        <translation>Zugestellt %1</translation>
    </message>
    <message>
        <source>No single patient has this number or address.</source>
        <translation>Diese Nummer oder Adresse gehört nicht eindeutig zu einem Patienten.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
</context>
<context>
    <name>frontdesk::MessagesView</name>
    <message>
        <source>&amp;New message…</source>
        <translation>&amp;Neue Nachricht…</translation>
    </message>
    <message>
        <source>&amp;Reply…</source>
        <translation>&amp;Antworten…</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Alle Kanäle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>All purposes</source>
        <translation>Alle Zwecke</translation>
    </message>
    <message>
        <source>Unread only</source>
        <translation>Nur ungelesene</translation>
    </message>
    <message>
        <source>Unassigned only</source>
        <translation>Nur nicht zugewiesene</translation>
    </message>
    <message>
        <source>Choose a conversation and press Return to open it.</source>
        <translation>Wählen Sie eine Unterhaltung und drücken Sie die Eingabetaste, um sie zu öffnen.</translation>
    </message>
    <message>
        <source>Messages of the conversation</source>
        <translation>Nachrichten der Unterhaltung</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>Antworten…</translation>
    </message>
    <message>
        <source>A new message to this patient</source>
        <translation>Eine neue Nachricht an diesen Patienten</translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation>Zuweisen an</translation>
    </message>
    <message>
        <source>&amp;Assign to…</source>
        <translation>&amp;Zuweisen an…</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation>Zuweisen an…</translation>
    </message>
    <message>
        <source>Give the conversation to a staff member</source>
        <translation>Die Unterhaltung einem Mitarbeiter zuweisen</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>Mir zuweisen</translation>
    </message>
    <message>
        <source>Assign to &amp;me</source>
        <translation>&amp;Mir zuweisen</translation>
    </message>
    <message>
        <source>Mark unread</source>
        <translation>Als ungelesen markieren</translation>
    </message>
    <message>
        <source>The newest reply counts as unread again</source>
        <translation>Die neueste Antwort gilt wieder als ungelesen</translation>
    </message>
    <message>
        <source>Mark &amp;unread</source>
        <translation>Als &amp;ungelesen markieren</translation>
    </message>
    <message>
        <source>Conversations: %1</source>
        <translation>Unterhaltungen: %1</translation>
    </message>
    <message>
        <source>Conversations: %1 · unread: %2</source>
        <translation>Unterhaltungen: %1 · ungelesen: %2</translation>
    </message>
    <message>
        <source>Unassigned inbox</source>
        <translation>Nicht zugeordneter Posteingang</translation>
    </message>
    <message>
        <source>%1 · not assigned</source>
        <translation>%1 · nicht zugewiesen</translation>
    </message>
    <message>
        <source>%1 · assigned to %2</source>
        <translation>%1 · zugewiesen an %2</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Mir</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Niemandem</translation>
    </message>
    <message>
        <source>Recall &amp;outreach…</source>
        <translation>Recall-&amp;Versand…</translation>
    </message>
    <message>
        <source>The patients due for a recall, written to as a batch</source>
        <translation>Die für einen Recall fälligen Patienten, gesammelt angeschrieben</translation>
    </message>
    <message>
        <source>Survey answer…</source>
        <translation>Umfrageantwort…</translation>
    </message>
    <message>
        <source>Record the answer to a follow-up&apos;s survey the patient gave on the phone</source>
        <translation>Die Antwort auf die Umfrage einer Nachsorge erfassen, die der Patient am Telefon gegeben hat</translation>
    </message>
    <message>
        <source>&amp;Survey answer…</source>
        <translation>Um&amp;frageantwort…</translation>
    </message>
</context>
<context>
    <name>frontdesk::NewPatientDialog</name>
    <message>
        <source>New patient</source>
        <translation>Neuer Patient</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>Bitte korrigieren Sie die rot markierten Felder.</translation>
    </message>
    <message>
        <source>%1 (%2, born %3): %4</source>
        <translation>%1 (%2, geb. %3): %4</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Mögliche Dublette</translation>
    </message>
    <message>
        <source>This patient may already be registered:

%1

Use the existing record instead, or save a new one anyway?</source>
        <translation>Dieser Patient ist möglicherweise schon erfasst:

%1

Stattdessen die vorhandene Akte verwenden oder trotzdem eine neue speichern?</translation>
    </message>
    <message>
        <source>&amp;Use existing</source>
        <translation>Vorhandene &amp;verwenden</translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation>&amp;Trotzdem speichern</translation>
    </message>
</context>
<context>
    <name>frontdesk::NoShowHeatMap</name>
    <message>
        <source>No-shows by weekday and hour</source>
        <translation>Nichterscheinen nach Wochentag und Stunde</translation>
    </message>
    <message>
        <source>%1, %2
%3 of %4
No-show rate: %5</source>
        <comment>weekday, hour, no-shows of appointments</comment>
        <translation>%1, %2
%3 von %4
Nichterscheinensquote: %5</translation>
    </message>
    <message numerus="yes">
        <source>%Ln no-show(s)</source>
        <translation>
            <numerusform>%Ln-mal nicht erschienen</numerusform>
            <numerusform>%Ln-mal nicht erschienen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln appointment(s) not cancelled</source>
        <translation>
            <numerusform>%Ln nicht abgesagter Termin</numerusform>
            <numerusform>%Ln nicht abgesagte Termine</numerusform>
        </translation>
    </message>
    <message>
        <source>no-show rate 0 to %1 · number = no-shows · grey: nothing booked</source>
        <translation>Nichterscheinensquote 0 bis %1 · Zahl = nicht erschienen · grau: nichts gebucht</translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientEditor</name>
    <message>
        <source>&amp;Family name *</source>
        <translation>&amp;Nachname *</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>&amp;Vorname</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>z. B. %1</translation>
    </message>
    <message>
        <source>Day.month.year, year-month-day or month/day/year.</source>
        <translation>Tag.Monat.Jahr, Jahr-Monat-Tag oder Monat/Tag/Jahr.</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>&amp;Geburtsdatum</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Weiblich</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Männlich</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Divers</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation>Geschlec&amp;ht</translation>
    </message>
    <message>
        <source>&amp;MRN *</source>
        <translation>&amp;Patientennummer *</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>M&amp;obile</source>
        <translation>Mo&amp;bil</translation>
    </message>
    <message>
        <source>&amp;Home phone</source>
        <translation>&amp;Telefon privat</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>Pre&amp;ferred channel</source>
        <translation>Bevorzugter &amp;Kanal</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>&amp;Postal code</source>
        <translation>P&amp;LZ</translation>
    </message>
    <message>
        <source>C&amp;ity</source>
        <translation>&amp;Ort</translation>
    </message>
    <message>
        <source>Co&amp;untry</source>
        <translation>La&amp;nd</translation>
    </message>
    <message>
        <source>&lt;b&gt;Emergency contact&lt;/b&gt;</source>
        <translation>&lt;b&gt;Notfallkontakt&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <source>&amp;Relation</source>
        <translation>Be&amp;ziehung</translation>
    </message>
    <message>
        <source>Pho&amp;ne</source>
        <translation>Tele&amp;fon</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date; enter it like %2.</source>
        <translation>„%1“ ist kein Datum; geben Sie es wie %2 ein.</translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientListModel</name>
    <message>
        <source>Could not load the patient list: %1</source>
        <translation>Die Patientenliste konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Could not load more patients: %1</source>
        <translation>Weitere Patienten konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Mobile: %1
Home: %2</source>
        <translation>Mobil: %1
Privat: %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>Patientennummer</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientPicker</name>
    <message>
        <source>%1 — born %2 — %3</source>
        <translation>%1 — geboren %2 — %3</translation>
    </message>
    <message>
        <source>Search patients</source>
        <translation>Patienten suchen</translation>
    </message>
    <message>
        <source>Matching patients</source>
        <translation>Passende Patienten</translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientProfile</name>
    <message>
        <source>The insurance ends before it starts.</source>
        <translation>Die Versicherung endet, bevor sie beginnt.</translation>
    </message>
    <message>
        <source>Only an existing alert can be edited.</source>
        <translation>Nur ein vorhandener Hinweis kann bearbeitet werden.</translation>
    </message>
    <message>
        <source>This alert is no longer in the patient&apos;s record.</source>
        <translation>Dieser Hinweis ist nicht mehr in der Patientenakte.</translation>
    </message>
    <message>
        <source>This preference is no longer in the patient&apos;s record.</source>
        <translation>Diese Präferenz ist nicht mehr in der Patientenakte.</translation>
    </message>
    <message>
        <source>This consent is already withdrawn.</source>
        <translation>Diese Einwilligung ist bereits widerrufen.</translation>
    </message>
    <message>
        <source>A consent cannot be withdrawn before it was given.</source>
        <translation>Eine Einwilligung kann nicht vor ihrer Erteilung widerrufen werden.</translation>
    </message>
    <message>
        <source>This consent is no longer in the patient&apos;s record.</source>
        <translation>Diese Einwilligung ist nicht mehr in der Patientenakte.</translation>
    </message>
    <message>
        <source>Enter the date the patient should come back.</source>
        <translation>Geben Sie das Datum ein, an dem der Patient wiederkommen soll.</translation>
    </message>
    <message>
        <source>The due date is more than ten years ahead; please check the year.</source>
        <translation>Das Fälligkeitsdatum liegt mehr als zehn Jahre in der Zukunft; bitte prüfen Sie das Jahr.</translation>
    </message>
    <message>
        <source>Say what the patient should come back for, e.g. yearly check-up.</source>
        <translation>Geben Sie an, wofür der Patient wiederkommen soll, z. B. jährliche Vorsorge.</translation>
    </message>
    <message>
        <source>Keep the reason under 200 characters.</source>
        <translation>Halten Sie den Grund unter 200 Zeichen.</translation>
    </message>
    <message>
        <source>This practitioner is no longer in the clinic&apos;s list; choose another or any practitioner.</source>
        <translation>Dieser Behandler ist nicht mehr in der Liste der Praxis; wählen Sie einen anderen oder einen beliebigen Behandler.</translation>
    </message>
    <message>
        <source>Save the new patient before adding a recall.</source>
        <translation>Speichern Sie den neuen Patienten, bevor Sie einen Recall hinzufügen.</translation>
    </message>
    <message>
        <source>Only an open recall can be changed; this one is closed.</source>
        <translation>Nur ein offener Recall kann geändert werden; dieser ist geschlossen.</translation>
    </message>
    <message>
        <source>This recall is no longer in the patient&apos;s record.</source>
        <translation>Dieser Recall ist nicht mehr in der Patientenakte.</translation>
    </message>
    <message>
        <source>This recall is already done.</source>
        <translation>Dieser Recall ist bereits erledigt.</translation>
    </message>
    <message>
        <source>This recall is already cancelled.</source>
        <translation>Dieser Recall ist bereits storniert.</translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientProfileView</name>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>Verl&amp;auf</translation>
    </message>
    <message>
        <source>&amp;Consents &amp;&amp; insurance</source>
        <translation>E&amp;inwilligungen &amp;&amp; Versicherung</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Neuer Patient</translation>
    </message>
    <message>
        <source>&lt;h2&gt;New patient&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Neuer Patient&lt;/h2&gt;</translation>
    </message>
    <message numerus="yes">
        <source>born %1 (%n years)</source>
        <translation>
            <numerusform>geboren %1 (%n Jahr)</numerusform>
            <numerusform>geboren %1 (%n Jahre)</numerusform>
        </translation>
    </message>
    <message>
        <source>C&amp;linical</source>
        <translation>K&amp;linisch</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>Die Änderungen an %1 speichern?</translation>
    </message>
    <message>
        <source>the new patient</source>
        <translation>den neuen Patienten</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>Bitte korrigieren Sie die rot markierten Felder.</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Mögliche Dublette</translation>
    </message>
    <message>
        <source>This patient may already be registered:

%1

Open the existing record instead, or save a new one anyway?</source>
        <translation>Dieser Patient ist möglicherweise bereits erfasst:

%1

Stattdessen die vorhandene Akte öffnen oder trotzdem eine neue speichern?</translation>
    </message>
    <message>
        <source>&amp;Open existing</source>
        <translation>Vorhandene &amp;öffnen</translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation>&amp;Trotzdem speichern</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Set &amp;photo…</source>
        <translation>&amp;Foto festlegen…</translation>
    </message>
    <message>
        <source>Remove p&amp;hoto</source>
        <translation>Foto entfe&amp;rnen</translation>
    </message>
    <message>
        <source>Recalls</source>
        <translation>Recalls</translation>
    </message>
    <message>
        <source>(photo cannot be shown)</source>
        <translation>(Foto kann nicht angezeigt werden)</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Foto auswählen</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>Fotos (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Send &amp;message…</source>
        <translation>&amp;Nachricht senden…</translation>
    </message>
    <message>
        <source>&amp;Book appointment…</source>
        <translation>Termin &amp;buchen…</translation>
    </message>
    <message>
        <source>&lt;h2&gt;%1&lt;/h2&gt;%2 · %3 · %4</source>
        <translation>&lt;h2&gt;%1&lt;/h2&gt;%2 · %3 · %4</translation>
    </message>
    <message>
        <source>Opened by emergency access (no appointment today). Reason: %1. Every read is recorded in the audit trail.</source>
        <translation>Im Notfallzugriff geöffnet (heute kein Termin). Grund: %1. Jeder Lesezugriff wird im Prüfprotokoll erfasst.</translation>
    </message>
    <message>
        <source>%1 (%2, born %3): %4</source>
        <translation>%1 (%2, geb. %3): %4</translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientsView</name>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suche:</translation>
    </message>
    <message numerus="yes">
        <source>%Ln patients match</source>
        <translation>
            <numerusform>%Ln Patient gefunden</numerusform>
            <numerusform>%Ln Patienten gefunden</numerusform>
        </translation>
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
    <message>
        <source>Finds patients by name (in any order, accents and case ignored), birth date, phone number, MRN or e-mail, best match first (Ctrl+F). Enter opens the profile when one patient matches; otherwise Enter or Down goes to the results, and Enter there opens the chosen one.</source>
        <translation>Findet Patienten nach Name (in beliebiger Reihenfolge, ohne Beachtung von Akzenten und Groß-/Kleinschreibung), Geburtsdatum, Telefonnummer, Patientennummer oder E-Mail, beste Treffer zuerst (Strg+F). Die Eingabetaste öffnet das Profil, wenn genau ein Patient passt; sonst führen Eingabe- oder Abwärtstaste zu den Ergebnissen, und die Eingabetaste öffnet dort den gewählten.</translation>
    </message>
    <message>
        <source>Patients found</source>
        <translation>Gefundene Patienten</translation>
    </message>
</context>
<context>
    <name>frontdesk::PractitionerChart</name>
    <message>
        <source>Utilisation</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>No-show rate</source>
        <translation>Nichterscheinensquote</translation>
    </message>
    <message>
        <source>&amp;Bars show:</source>
        <translation>&amp;Balken zeigen:</translation>
    </message>
    <message>
        <source>Per practitioner</source>
        <translation>Je Behandler</translation>
    </message>
    <message>
        <source>Per practitioner: %1</source>
        <translation>Je Behandler: %1</translation>
    </message>
</context>
<context>
    <name>frontdesk::RecallDialog</name>
    <message>
        <source>New recall</source>
        <translation>Neuer Recall</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>e.g. Yearly check-up</source>
        <translation>z. B. Jährliche Vorsorge</translation>
    </message>
    <message>
        <source>Any practitioner</source>
        <translation>Beliebiger Behandler</translation>
    </message>
    <message>
        <source>&amp;Due on:</source>
        <translation>&amp;Fällig am:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>&amp;Practitioner:</source>
        <translation>&amp;Behandler:</translation>
    </message>
    <message>
        <source>Shown as overdue from the day after the due date until the patient has an appointment on or after it.</source>
        <translation>Wird ab dem Tag nach dem Fälligkeitsdatum als überfällig angezeigt, bis der Patient einen Termin an oder nach diesem Datum hat.</translation>
    </message>
</context>
<context>
    <name>frontdesk::RecallOutreachDialog</name>
    <message>
        <source>Call task</source>
        <translation>Anrufaufgabe</translation>
    </message>
    <message>
        <source>Letter task</source>
        <translation>Briefaufgabe</translation>
    </message>
    <message>
        <source>Not contacted: %1</source>
        <translation>Nicht kontaktiert: %1</translation>
    </message>
    <message>
        <source>Recall Outreach</source>
        <translation>Recall-Versand</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <source>No visit for (months)</source>
        <translation>Kein Besuch seit (Monaten)</translation>
    </message>
    <message>
        <source>Only recalls</source>
        <translation>Nur Recalls</translation>
    </message>
    <message>
        <source> months</source>
        <translation> Monate</translation>
    </message>
    <message>
        <source>&amp;No visit for:</source>
        <translation>&amp;Kein Besuch seit:</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Patients due</source>
        <translation>Fällige Patienten</translation>
    </message>
    <message>
        <source>&amp;Patients due:</source>
        <translation>&amp;Fällige Patienten:</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Queues the messages and makes the call and letter tasks (Ctrl+Return)</source>
        <translation>Stellt die Nachrichten in die Warteschlange und legt die Anruf- und Briefaufgaben an (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>What the selected patient reads:</source>
        <translation>Was der ausgewählte Patient liest:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Send to %n patient(s)</source>
        <translation>
            <numerusform>An %n Patienten &amp;senden</numerusform>
            <numerusform>An %n Patienten &amp;senden</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no active template for recalls; an administrator makes one under message templates.</source>
        <translation>Es gibt keine aktive Vorlage für Recalls; ein Administrator legt sie unter den Nachrichtenvorlagen an.</translation>
    </message>
    <message>
        <source>Nobody is due for a recall today.</source>
        <translation>Heute ist niemand für einen Recall fällig.</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) due, </source>
        <translation>
            <numerusform>%n Patient fällig, </numerusform>
            <numerusform>%n Patienten fällig, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to be contacted.</source>
        <translation>
            <numerusform>%n davon wird kontaktiert.</numerusform>
            <numerusform>%n davon werden kontaktiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Betreff: %1</translation>
    </message>
    <message>
        <source>Send the recall to the patients listed? Messages wait in the outbox until the server sends them; call and letter requests become tasks in the worklist.</source>
        <translation>Den Recall an die aufgeführten Patienten senden? Nachrichten warten im Postausgang, bis der Server sie sendet; Wünsche nach Anruf oder Brief werden Aufgaben in der Arbeitsliste.</translation>
    </message>
    <message>
        <source>%1 queued</source>
        <translation>%1 in der Warteschlange</translation>
    </message>
    <message>
        <source>Call task made</source>
        <translation>Anrufaufgabe angelegt</translation>
    </message>
    <message>
        <source>Letter task made</source>
        <translation>Briefaufgabe angelegt</translation>
    </message>
    <message>
        <source>Failed, nothing kept: %1</source>
        <translation>Fehlgeschlagen, nichts gespeichert: %1</translation>
    </message>
    <message numerus="yes">
        <source>Sent: %n message(s) queued, </source>
        <translation>
            <numerusform>Gesendet: %n Nachricht in der Warteschlange, </numerusform>
            <numerusform>Gesendet: %n Nachrichten in der Warteschlange, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) made, </source>
        <translation>
            <numerusform>%n Aufgabe angelegt, </numerusform>
            <numerusform>%n Aufgaben angelegt, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) not contacted.</source>
        <translation>
            <numerusform>%n Patient nicht kontaktiert.</numerusform>
            <numerusform>%n Patienten nicht kontaktiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::RecallsTab</name>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Behandler</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Add recall…</source>
        <translation>Recall &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Mark done</source>
        <translation>Als &amp;erledigt markieren</translation>
    </message>
    <message>
        <source>The patient came back for the selected recall</source>
        <translation>Der Patient ist zum ausgewählten Recall wiedergekommen</translation>
    </message>
    <message>
        <source>Ca&amp;ncel recall…</source>
        <translation>Recall stor&amp;nieren…</translation>
    </message>
    <message>
        <source>The selected recall is no longer needed (Delete)</source>
        <translation>Der ausgewählte Recall wird nicht mehr benötigt (Entf)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <source>Open — overdue</source>
        <translation>Offen — überfällig</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Any practitioner</source>
        <translation>Beliebiger Behandler</translation>
    </message>
    <message>
        <source>Due before today and no appointment booked on or after the due date: a care gap</source>
        <translation>Vor heute fällig und kein Termin am oder nach dem Fälligkeitsdatum gebucht: eine Versorgungslücke</translation>
    </message>
    <message>
        <source>Double-click or Enter to change; Delete to cancel</source>
        <translation>Doppelklick oder Eingabetaste zum Ändern; Entf zum Stornieren</translation>
    </message>
    <message>
        <source>(no recalls)</source>
        <translation>(keine Recalls)</translation>
    </message>
    <message numerus="yes">
        <source>Recalls (%n overdue)</source>
        <translation>
            <numerusform>Recalls (%n überfällig)</numerusform>
            <numerusform>Recalls (%n überfällig)</numerusform>
        </translation>
    </message>
    <message>
        <source>Recalls</source>
        <translation>Recalls</translation>
    </message>
    <message>
        <source>This recall is closed and cannot be changed; add a new one instead.</source>
        <translation>Dieser Recall ist geschlossen und kann nicht geändert werden; fügen Sie stattdessen einen neuen hinzu.</translation>
    </message>
    <message>
        <source>Cancel recall</source>
        <translation>Recall stornieren</translation>
    </message>
    <message>
        <source>Cancel the recall “%1”? It stays in the patient&apos;s history.</source>
        <translation>Den Recall „%1“ stornieren? Er bleibt im Verlauf des Patienten erhalten.</translation>
    </message>
</context>
<context>
    <name>frontdesk::ScheduleAdminDialog</name>
    <message>
        <source>Schedule settings</source>
        <translation>Terminplan-Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Working hours</source>
        <translation>&amp;Sprechzeiten</translation>
    </message>
    <message>
        <source>&amp;Time off</source>
        <translation>&amp;Abwesenheiten</translation>
    </message>
    <message>
        <source>Appointment t&amp;ypes</source>
        <translation>&amp;Terminarten</translation>
    </message>
    <message>
        <source>&amp;Rooms</source>
        <translation>&amp;Räume</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Urlaub</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Feiertag</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>Wer:</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>Was:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <source>code, e.g. ultrasound</source>
        <translation>Code, z. B. ultrasound</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Raumname</translation>
    </message>
    <message>
        <source>The whole clinic</source>
        <translation>Die ganze Praxis</translation>
    </message>
    <message>
        <source>No room</source>
        <translation>Kein Raum</translation>
    </message>
    <message>
        <source>%1 %2–%3 %4</source>
        <translation>%1 %2–%3 %4</translation>
    </message>
    <message>
        <source>%1 – %2: %3, %4 %5</source>
        <translation>%1 – %2: %3, %4 %5</translation>
    </message>
    <message>
        <source>the whole clinic</source>
        <translation>die ganze Praxis</translation>
    </message>
    <message>
        <source>%1 (%2) — %3 min</source>
        <translation>%1 (%2) — %3 Min.</translation>
    </message>
    <message>
        <source>The colour must be like #4e79a7.</source>
        <translation>Die Farbe muss wie #4e79a7 aussehen.</translation>
    </message>
    <message>
        <source>Choose an entry first.</source>
        <translation>Wählen Sie zuerst einen Eintrag.</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Sprechzeiten</translation>
    </message>
    <message>
        <source>Time off</source>
        <translation>Abwesenheiten</translation>
    </message>
    <message>
        <source>Appointment types</source>
        <translation>Terminarten</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
</context>
<context>
    <name>frontdesk::SchedulePanel</name>
    <message>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <source>Previous day (%1)</source>
        <translation>Vorheriger Tag (%1)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Next day (%1)</source>
        <translation>Nächster Tag (%1)</translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation>Angezeigter Tag</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>By practitioner</source>
        <translation>Nach Behandler</translation>
    </message>
    <message>
        <source>By room</source>
        <translation>Nach Raum</translation>
    </message>
    <message>
        <source>Week of one practitioner</source>
        <translation>Woche eines Behandlers</translation>
    </message>
    <message>
        <source>Practitioner filter</source>
        <translation>Behandlerfilter</translation>
    </message>
    <message>
        <source>Appointment type filter</source>
        <translation>Terminartfilter</translation>
    </message>
    <message>
        <source>Find next available…</source>
        <translation>Freien Termin suchen…</translation>
    </message>
    <message>
        <source>Day list (PDF)…</source>
        <translation>Tagesliste (PDF)…</translation>
    </message>
    <message>
        <source>Save the day list</source>
        <translation>Tagesliste speichern</translation>
    </message>
    <message>
        <source>day-list-%1.pdf</source>
        <translation>tagesliste-%1.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved the day list to %1.</source>
        <translation>Tagesliste in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Waitlist…</source>
        <translation>Warteliste…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Con&amp;firm</source>
        <translation>&amp;Bestätigen</translation>
    </message>
    <message>
        <source>&amp;Check in</source>
        <translation>&amp;Ankunft erfassen</translation>
    </message>
    <message>
        <source>Into the &amp;room</source>
        <translation>In den Behandlungs&amp;raum</translation>
    </message>
    <message>
        <source>Co&amp;mplete</source>
        <translation>Abs&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;No-show</source>
        <translation>&amp;Nicht erschienen</translation>
    </message>
    <message>
        <source>C&amp;ancel…</source>
        <translation>Ab&amp;sagen…</translation>
    </message>
    <message>
        <source>&amp;Revert the last status</source>
        <translation>Letzten Status &amp;zurücknehmen</translation>
    </message>
    <message>
        <source>All practitioners</source>
        <translation>Alle Behandler</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alle Terminarten</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Heute, %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n appointment(s)</source>
        <translation>
            <numerusform>%1 — %n Termin</numerusform>
            <numerusform>%1 — %n Termine</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>%1 rückgängig machen</translation>
    </message>
    <message>
        <source>Could not undo %1: %2</source>
        <translation>%1 konnte nicht rückgängig gemacht werden: %2</translation>
    </message>
    <message>
        <source>Undone: %1.</source>
        <translation>Rückgängig gemacht: %1.</translation>
    </message>
    <message>
        <source>the series</source>
        <translation>die Serie</translation>
    </message>
    <message>
        <source>the booking</source>
        <translation>die Buchung</translation>
    </message>
    <message>
        <source>the move</source>
        <translation>die Verschiebung</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Rückgängig gemacht</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Cancel the rest of the series</source>
        <translation>Rest der Serie absagen</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n appointment(s) of the series; each can be reverted on its own.</source>
        <translation>
            <numerusform>%n Termin der Serie abgesagt; jeder kann einzeln zurückgenommen werden.</numerusform>
            <numerusform>%n Termine der Serie abgesagt; jeder kann einzeln zurückgenommen werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>the cancellation</source>
        <translation>die Absage</translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s) of the series now at this time.</source>
        <translation>
            <numerusform>%n Termin der Serie liegt jetzt zu dieser Zeit.</numerusform>
            <numerusform>%n Termine der Serie liegen jetzt zu dieser Zeit.</numerusform>
        </translation>
    </message>
    <message>
        <source>Set by mistake</source>
        <translation>Versehentlich gesetzt</translation>
    </message>
    <message>
        <source>The status is back to “%1”; the history keeps both.</source>
        <translation>Der Status ist wieder „%1“; der Verlauf behält beide.</translation>
    </message>
    <message numerus="yes">
        <source>The freed time at %1 suits %n patient(s) on the waitlist: %2.</source>
        <translation>
            <numerusform>Die frei gewordene Zeit um %1 passt für %n Patienten auf der Warteliste: %2.</numerusform>
            <numerusform>Die frei gewordene Zeit um %1 passt für %n Patienten auf der Warteliste: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Move the rest of the series to this time</source>
        <translation>Rest der Serie auf diese Zeit verschieben</translation>
    </message>
    <message>
        <source>Cancel the rest of the series…</source>
        <translation>Rest der Serie absagen…</translation>
    </message>
    <message>
        <source>Room filter</source>
        <translation>Raumfilter</translation>
    </message>
    <message>
        <source>All rooms</source>
        <translation>Alle Räume</translation>
    </message>
    <message>
        <source>The search did not find %1; choose the patient in the booking dialog.</source>
        <translation>Die Suche hat %1 nicht gefunden; wählen Sie den Patienten im Buchungsdialog.</translation>
    </message>
    <message>
        <source>Print day list…</source>
        <translation>Tagesliste drucken…</translation>
    </message>
    <message>
        <source>Print the day list</source>
        <translation>Tagesliste drucken</translation>
    </message>
    <message>
        <source>The day list went to %1.</source>
        <translation>Die Tagesliste wurde an %1 gesendet.</translation>
    </message>
    <message>
        <source>The patient&apos;s reply is marked handled.</source>
        <translation>Die Antwort des Patienten ist als erledigt markiert.</translation>
    </message>
    <message>
        <source>Mark the patient&apos;s reply &amp;handled</source>
        <translation>Antwort des Patienten als &amp;erledigt markieren</translation>
    </message>
    <message>
        <source>&amp;Write to the patient…</source>
        <translation>&amp;Patient anschreiben …</translation>
    </message>
</context>
<context>
    <name>frontdesk::ScheduleView</name>
    <message>
        <source>◀</source>
        <translation>◀</translation>
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
        <translation>▶</translation>
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
    <message numerus="yes">
        <source>%Ln appointments</source>
        <translation>
            <numerusform>%Ln Termin</numerusform>
            <numerusform>%Ln Termine</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Practitioner: %1&lt;br&gt;Room: %2&lt;br&gt;Type: %3&lt;br&gt;Status: %4&lt;/p&gt;</source>
        <translation>&lt;p&gt;Behandler: %1&lt;br&gt;Raum: %2&lt;br&gt;Art: %3&lt;br&gt;Status: %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Reason: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Anlass: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Notes: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Notizen: %1&lt;/p&gt;</translation>
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
        <source>&amp;List</source>
        <translation>&amp;Liste</translation>
    </message>
    <message>
        <source>Show the appointments as a list (%1)</source>
        <translation>Termine als Liste zeigen (%1)</translation>
    </message>
    <message>
        <source>Show the day calendar (%1)</source>
        <translation>Tageskalender zeigen (%1)</translation>
    </message>
</context>
<context>
    <name>frontdesk::Session</name>
    <message>
        <source>Sign in first.</source>
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>The workstation is locked. Unlock it first.</source>
        <translation>Der Arbeitsplatz ist gesperrt. Entsperren Sie ihn zuerst.</translation>
    </message>
    <message>
        <source>As %1, %2 may not %3.</source>
        <translation>Als %1 darf %2 nicht: %3.</translation>
    </message>
    <message>
        <source>%1 is already signed in; sign out first.</source>
        <translation>%1 ist bereits angemeldet; melden Sie sich zuerst ab.</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>Niemand ist angemeldet.</translation>
    </message>
    <message>
        <source>Only %1 or an administrator can unlock this session.</source>
        <translation>Nur %1 oder ein Administrator kann diese Sitzung entsperren.</translation>
    </message>
    <message>
        <source>Lock the workstation first; then another person can take it over.</source>
        <translation>Sperren Sie zuerst den Arbeitsplatz; dann kann eine andere Person ihn übernehmen.</translation>
    </message>
</context>
<context>
    <name>frontdesk::SignInDialog</name>
    <message>
        <source>Sign in — Frontdesk</source>
        <translation>Anmelden — Frontdesk</translation>
    </message>
    <message>
        <source>First start — Frontdesk</source>
        <translation>Erster Start — Frontdesk</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Vollständiger Name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>At least %1 characters, not a common password. Several unrelated words work well.</source>
        <translation>Mindestens %1 Zeichen, kein gängiges Passwort. Mehrere Wörter ohne Zusammenhang eignen sich gut.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>Anlegen und anmelden</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Geben Sie Ihren Benutzernamen ein.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter unterscheiden sich.</translation>
    </message>
    <message>
        <source>Sign in with your own staff account.</source>
        <translation>Melden Sie sich mit Ihrem eigenen Mitarbeiterkonto an.</translation>
    </message>
    <message>
        <source>This workstation has no staff accounts yet. Create the first administrator; they can add everyone else (frontdeskctl user add).</source>
        <translation>Dieser Arbeitsplatz hat noch keine Mitarbeiterkonten. Legen Sie den ersten Administrator an; er kann alle anderen hinzufügen (frontdeskctl user add).</translation>
    </message>
    <message>
        <source>Checking the password with the server…</source>
        <translation>Das Passwort wird beim Server geprüft…</translation>
    </message>
</context>
<context>
    <name>frontdesk::SqlCipherDriver</name>
    <message>
        <source>%1 needs a number of milliseconds, not &quot;%2&quot;.</source>
        <translation>%1 braucht eine Anzahl von Millisekunden, nicht „%2“.</translation>
    </message>
    <message>
        <source>Unknown connect option &quot;%1&quot; (the QSQLCIPHER driver knows %2 and %3=&lt;milliseconds&gt;).</source>
        <translation>Unbekannte Verbindungsoption „%1“ (der QSQLCIPHER-Treiber kennt %2 und %3=&lt;Millisekunden&gt;).</translation>
    </message>
    <message>
        <source>No database key was given; Frontdesk never opens a database unencrypted. Refusing to open %1.</source>
        <translation>Es wurde kein Datenbankschlüssel angegeben; Frontdesk öffnet eine Datenbank nie unverschlüsselt. %1 wird nicht geöffnet.</translation>
    </message>
    <message>
        <source>The database key must be exactly %1 hexadecimal digits (a raw 256-bit key). Refusing to open %2.</source>
        <translation>Der Datenbankschlüssel muss genau %1 Hexadezimalziffern lang sein (ein roher 256-Bit-Schlüssel). %2 wird nicht geöffnet.</translation>
    </message>
    <message>
        <source>Could not open the database %1.</source>
        <translation>Die Datenbank %1 konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>SQLCipher is not active in this process (PRAGMA cipher_version gave no answer): the process reached plain SQLite, which would store patient data unencrypted. Refusing to open %1.</source>
        <translation>SQLCipher ist in diesem Prozess nicht aktiv (PRAGMA cipher_version lieferte keine Antwort): Der Prozess hat einfaches SQLite erreicht, das Patientendaten unverschlüsselt speichern würde. %1 wird nicht geöffnet.</translation>
    </message>
    <message>
        <source>Could not apply the key to the database %1.</source>
        <translation>Der Schlüssel konnte nicht auf die Datenbank %1 angewendet werden.</translation>
    </message>
    <message>
        <source>The database %1 could not be decrypted: the key is wrong, or the file is not a Frontdesk database. The file was not changed.</source>
        <translation>Die Datenbank %1 konnte nicht entschlüsselt werden: Der Schlüssel ist falsch, oder die Datei ist keine Frontdesk-Datenbank. Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>The database %1 could not be read.</source>
        <translation>Die Datenbank %1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>Die Datenbank ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>Unable to begin the transaction</source>
        <translation>Die Transaktion konnte nicht begonnen werden</translation>
    </message>
    <message>
        <source>Unable to commit the transaction</source>
        <translation>Die Transaktion konnte nicht abgeschlossen werden</translation>
    </message>
    <message>
        <source>Unable to roll back the transaction</source>
        <translation>Die Transaktion konnte nicht zurückgesetzt werden</translation>
    </message>
</context>
<context>
    <name>frontdesk::SqlRow</name>
    <message>
        <source>This connection is not a SQLite one.</source>
        <translation>Diese Verbindung ist keine SQLite-Verbindung.</translation>
    </message>
    <message>
        <source>Could not read a row: %1</source>
        <translation>Eine Zeile konnte nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>frontdesk::SurveyAnswerDialog</name>
    <message>
        <source>Survey answer</source>
        <translation>Umfrageantwort</translation>
    </message>
    <message>
        <source>Patient:</source>
        <translation>Patient:</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Besuch</translation>
    </message>
    <message>
        <source>&amp;Visit:</source>
        <translation>&amp;Besuch:</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Frage:</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>%1 (poor)</source>
        <translation>%1 (schlecht)</translation>
    </message>
    <message>
        <source>%1 (very good)</source>
        <translation>%1 (sehr gut)</translation>
    </message>
    <message>
        <source>&amp;Answer:</source>
        <translation>&amp;Antwort:</translation>
    </message>
    <message>
        <source>&amp;Record answer</source>
        <translation>Antwort &amp;erfassen</translation>
    </message>
    <message>
        <source>Stored and synced as an answer by SMS is (Ctrl+Return)</source>
        <translation>Gespeichert und abgeglichen wie eine Antwort per SMS (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>%1 · answered %2</source>
        <translation>%1 · beantwortet: %2</translation>
    </message>
    <message numerus="yes">
        <source>The patient has no completed visit in the last %n day(s) to answer about.</source>
        <translation>
            <numerusform>Der Patient hat am letzten %n Tag keinen abgeschlossenen Besuch, zu dem er antworten könnte.</numerusform>
            <numerusform>Der Patient hat in den letzten %n Tagen keinen abgeschlossenen Besuch, zu dem er antworten könnte.</numerusform>
        </translation>
    </message>
    <message>
        <source>No survey was sent about this visit; record the answer the patient gave when asked.</source>
        <translation>Zu diesem Besuch wurde keine Umfrage gesendet; erfassen Sie die Antwort, die der Patient auf Nachfrage gegeben hat.</translation>
    </message>
</context>
<context>
    <name>frontdesk::SyncStatus</name>
    <message>
        <source>Could not count the changes waiting to sync: %1</source>
        <translation>Die auf den Abgleich wartenden Änderungen konnten nicht gezählt werden: %1</translation>
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
    <message>
        <source>Offline since %1</source>
        <translation>Offline seit %1</translation>
    </message>
    <message numerus="yes">
        <source> · %Ln refused by the server</source>
        <translation>
            <numerusform> · %Ln vom Server abgelehnt</numerusform>
            <numerusform> · %Ln vom Server abgelehnt</numerusform>
        </translation>
    </message>
    <message>
        <source>Settle…</source>
        <translation>Klären…</translation>
    </message>
    <message>
        <source>Settle the records waiting after sync</source>
        <translation>Die nach dem Abgleich wartenden Datensätze klären</translation>
    </message>
    <message>
        <source>Open Sync Conflicts (Shift+F9)</source>
        <translation>Abgleichskonflikte öffnen (Umschalt+F9)</translation>
    </message>
    <message>
        <source>sending %1 of %2 records to the server</source>
        <translation>%1 von %2 Datensätzen werden an den Server gesendet</translation>
    </message>
    <message>
        <source>receiving %1 of %2 changes from the server</source>
        <translation>%1 von %2 Änderungen werden vom Server empfangen</translation>
    </message>
    <message>
        <source>finishing the first sync: rebuilding search index %1 of %2</source>
        <translation>erster Abgleich wird abgeschlossen: Suchindex %1 von %2 wird neu aufgebaut</translation>
    </message>
</context>
<context>
    <name>frontdesk::SyncWorker</name>
    <message>
        <source>The sync worker could not open the database: %1</source>
        <translation>Der Abgleichsprozess konnte die Datenbank nicht öffnen: %1</translation>
    </message>
    <message>
        <source>Could not count the changes waiting to sync: %1</source>
        <translation>Die auf den Abgleich wartenden Änderungen konnten nicht gezählt werden: %1</translation>
    </message>
    <message>
        <source>Could not count the records in conflict: %1</source>
        <translation>Die Datensätze im Konflikt konnten nicht gezählt werden: %1</translation>
    </message>
    <message>
        <source>The sync worker could not read the schema: %1</source>
        <translation>Der Abgleichsprozess konnte das Schema nicht lesen: %1</translation>
    </message>
</context>
<context>
    <name>frontdesk::TimeWindowEdit</name>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Ende</translation>
    </message>
</context>
<context>
    <name>frontdesk::TimelineTab</name>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Recall due: %1</source>
        <translation>Recall fällig: %1</translation>
    </message>
    <message>
        <source>Visit notes are not shown: this patient has no appointment today. Open the clinical summary on the Clinical tab, giving the reason, to see them here too.</source>
        <translation>Besuchsnotizen werden nicht gezeigt: Dieser Patient hat heute keinen Termin. Öffnen Sie die klinische Zusammenfassung auf der Registerkarte „Klinisch“ mit Angabe des Grundes, um sie auch hier zu sehen.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Mark the patient&apos;s reply &amp;handled</source>
        <translation>Antwort des Patienten als &amp;erledigt markieren</translation>
    </message>
    <message>
        <source>For a line marked “patient replied”: once someone answered the patient, the mark goes here and on the calendar.</source>
        <translation>Für eine Zeile mit „Patient hat geantwortet“: Sobald jemand dem Patienten geantwortet hat, verschwindet die Markierung hier und im Kalender.</translation>
    </message>
</context>
<context>
    <name>frontdesk::WaitlistDialog</name>
    <message>
        <source>Waitlist</source>
        <translation>Warteliste</translation>
    </message>
    <message>
        <source>Find the patient: name, birth date, phone or MRN</source>
        <translation>Patienten finden: Name, Geburtsdatum, Telefon oder Patientennummer</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>&amp;Add to the waitlist</source>
        <translation>Zur Warteliste &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Patient:</translation>
    </message>
    <message>
        <source>&amp;With:</source>
        <translation>&amp;Bei:</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <source>Days (none: any):</source>
        <translation>Tage (keine: beliebig):</translation>
    </message>
    <message>
        <source>Time of day:</source>
        <translation>Tageszeit:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>Find and choose the patient first.</source>
        <translation>Finden und wählen Sie zuerst den Patienten.</translation>
    </message>
    <message>
        <source>%1 — %2 min with %3; %4 %5–%6; waiting since %7 %8</source>
        <translation>%1 — %2 Min. bei %3; %4 %5–%6; wartet seit %7 %8</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>jeder Tag</translation>
    </message>
</context>
<context>
    <name>frontdesk::WeeklyTrendChart</name>
    <message>
        <source>Weekly trend: appointments and no-show rate</source>
        <translation>Wochentrend: Termine und Nichterscheinensquote</translation>
    </message>
    <message>
        <source>Weekly trend</source>
        <translation>Wochentrend</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>No-show rate</source>
        <translation>Nichterscheinensquote</translation>
    </message>
    <message>
        <source>W%1</source>
        <comment>ISO week number</comment>
        <translation>KW%1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln appointments</source>
        <comment>a week of the weekly trend chart</comment>
        <translation>
            <numerusform>%1: %Ln Termin</numerusform>
            <numerusform>%1: %Ln Termine</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, no-show rate %2</source>
        <comment>a week&apos;s appointments, then its no-show rate</comment>
        <translation>%1, Nichterscheinensquote %2</translation>
    </message>
    <message>
        <source>%1 (part)</source>
        <comment>a week&apos;s label: only part of it counted</comment>
        <translation>%1 (Teil)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (partial week: %n of 7 days)</source>
        <comment>a week of the weekly trend chart</comment>
        <translation>
            <numerusform>%1 (unvollständige Woche: %n von 7 Tagen)</numerusform>
            <numerusform>%1 (unvollständige Woche: %n von 7 Tagen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Weekly trend — lighter, “(part)”: a week not wholly counted</source>
        <translation>Wochentrend – heller, „(Teil)“: Woche nicht vollständig gezählt</translation>
    </message>
</context>
<context>
    <name>frontdesk::WorklistModel</name>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>Waitlist offer</source>
        <translation>Wartelisten-Angebot</translation>
    </message>
    <message>
        <source>Could not load the worklist: %1</source>
        <translation>Die Arbeitsliste konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Choose the task to mark done.</source>
        <translation>Wählen Sie die Aufgabe, die erledigt ist.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (contacted %2: %3)</source>
        <translation>%1 (kontaktiert %2: %3)</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Zu tun</translation>
    </message>
</context>
<context>
    <name>frontdesk::WorklistView</name>
    <message>
        <source>Worklist</source>
        <translation>Arbeitsliste</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Tasks due</source>
        <translation>Fällige Aufgaben</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>The task is done: it leaves the worklist</source>
        <translation>Die Aufgabe ist erledigt: Sie verschwindet aus der Arbeitsliste</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>&amp;Erledigt</translation>
    </message>
    <message>
        <source>Recall &amp;Outreach…</source>
        <translation>Recall-&amp;Versand…</translation>
    </message>
    <message>
        <source>Return opens the patient; D marks the task done.</source>
        <translation>Eingabe öffnet die Patientenakte; D markiert die Aufgabe als erledigt.</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>Erledigt: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) due</source>
        <translation>
            <numerusform>%n Aufgabe fällig</numerusform>
            <numerusform>%n Aufgaben fällig</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::Workstation</name>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>These windows are still open:
%1

Signing out closes them; what is not saved in them is lost.</source>
        <translation>Diese Fenster sind noch offen:
%1

Beim Abmelden werden sie geschlossen; was darin nicht gespeichert ist, geht verloren.</translation>
    </message>
    <message>
        <source>Close Them and Sign Out</source>
        <translation>Schließen und abmelden</translation>
    </message>
    <message>
        <source>Quit Frontdesk</source>
        <translation>Frontdesk beenden</translation>
    </message>
    <message>
        <source>Windows are kept open on this workstation for %1. Quitting closes them; what is not saved in them is lost.

Quit anyway?</source>
        <translation>Auf diesem Arbeitsplatz sind Fenster für %1 offen gehalten. Beim Beenden werden sie geschlossen; was darin nicht gespeichert ist, geht verloren.

Trotzdem beenden?</translation>
    </message>
</context>
<context>
    <name>frontdesk::view</name>
    <message>
        <source>MRN %1</source>
        <translation>Patientennummer %1</translation>
    </message>
</context>
</TS>

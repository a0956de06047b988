<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AccessCommands</name>
    <message>
        <source>No password on standard input.</source>
        <translation>Aucun mot de passe sur l&apos;entrée standard.</translation>
    </message>
    <message>
        <source>New password for %1 (at least %2 characters): </source>
        <translation>Nouveau mot de passe pour %1 (au moins %2 caractères)&#xa0;: </translation>
    </message>
    <message>
        <source>The same password again: </source>
        <translation>Le même mot de passe, à nouveau&#xa0;: </translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>Les deux mots de passe diffèrent&#xa0;; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>No staff accounts yet. Add the first administrator with: frontdeskctl user add NAME --role admin</source>
        <translation>Aucun compte du personnel pour l&apos;instant. Ajoutez le premier administrateur avec&#xa0;: frontdeskctl user add NAME --role admin</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>verrouillé jusqu&apos;à %1</translation>
    </message>
    <message>
        <source>This database already has staff accounts; demo accounts are only added to a database without any.</source>
        <translation>Cette base de données contient déjà des comptes du personnel&#xa0;; les comptes de démonstration ne sont ajoutés qu&apos;à une base qui n&apos;en a aucun.</translation>
    </message>
    <message>
        <source>Demo %1</source>
        <translation>Démo %1</translation>
    </message>
    <message>
        <source>Added the demo accounts receptionist, nurse, manager and admin, each with the password &quot;%1&quot;. They are for the demo only.</source>
        <translation>Comptes de démonstration receptionist, nurse, manager et admin ajoutés, chacun avec le mot de passe «&#xa0;%1&#xa0;». Ils ne servent qu&apos;à la démonstration.</translation>
    </message>
    <message>
        <source>user needs a sub-command: add, disable, enable, list, passwd, role or demo-accounts.</source>
        <translation>user attend une sous-commande&#xa0;: add, disable, enable, list, passwd, role ou demo-accounts.</translation>
    </message>
    <message>
        <source>user %1 needs exactly one user name.</source>
        <translation>user %1 attend exactement un nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <source>user %1 takes no further arguments.</source>
        <translation>user %1 n&apos;accepte pas d&apos;autre argument.</translation>
    </message>
    <message>
        <source>user %1 needs --role receptionist|nurse|manager|admin.</source>
        <translation>user %1 attend --role receptionist|nurse|manager|admin.</translation>
    </message>
    <message>
        <source>unknown role &quot;%1&quot;: use receptionist, nurse, manager or admin.</source>
        <translation>rôle inconnu «&#xa0;%1&#xa0;»&#xa0;: utilisez receptionist, nurse, manager ou admin.</translation>
    </message>
    <message>
        <source>unknown user sub-command &quot;%1&quot;.</source>
        <translation>sous-commande user inconnue «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>There is already an account named %1.</source>
        <translation>Il existe déjà un compte nommé %1.</translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation>%1 (%2) ajouté.</translation>
    </message>
    <message>
        <source>There is no account named %1.</source>
        <translation>Il n&apos;existe aucun compte nommé %1.</translation>
    </message>
    <message>
        <source>%1 is disabled and can no longer sign in.</source>
        <translation>%1 est désactivé et ne peut plus se connecter.</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 peut de nouveau se connecter.</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 est maintenant %2.</translation>
    </message>
    <message>
        <source>The password of %1 was changed; any lock-out is lifted.</source>
        <translation>Le mot de passe de %1 a été modifié&#xa0;; tout verrouillage est levé.</translation>
    </message>
    <message numerus="yes">
        <source>The audit trail is intact: %n entries, each chained to the one before.</source>
        <translation>
            <numerusform>Le journal d&apos;audit est intact&#xa0;: %n entrée, chaînée à la précédente.</numerusform>
            <numerusform>Le journal d&apos;audit est intact&#xa0;: %n entrées, chacune chaînée à la précédente.</numerusform>
        </translation>
    </message>
    <message>
        <source>--limit must be a whole number of at least 1.</source>
        <translation>--limit doit être un nombre entier supérieur ou égal à 1.</translation>
    </message>
    <message>
        <source>patient %1</source>
        <translation>patient %1</translation>
    </message>
    <message>
        <source>--days must be a whole number from 0 (keep all) to %1.</source>
        <translation>--days doit être un nombre entier de 0 (tout conserver) à %1.</translation>
    </message>
    <message>
        <source>Messages are kept on this workstation without a time limit.</source>
        <translation>Les messages sont conservés sur ce poste de travail sans limite de durée.</translation>
    </message>
    <message>
        <source>Messages are kept on this workstation for %1 days; %2 older local copies were removed.</source>
        <translation>Les messages sont conservés sur ce poste de travail pendant %1 jours&#xa0;; %2 copies locales plus anciennes ont été supprimées.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Afficher en JSON.</translation>
    </message>
    <message>
        <source>Manage staff accounts (passwords are read from standard input).</source>
        <translation>Gérer les comptes du personnel (les mots de passe sont lus sur l&apos;entrée standard).</translation>
    </message>
    <message>
        <source>receptionist, nurse, manager or admin.</source>
        <translation>receptionist, nurse, manager ou admin.</translation>
    </message>
    <message>
        <source>The name shown for the account.</source>
        <translation>Le nom affiché pour le compte.</translation>
    </message>
    <message>
        <source>Only entries about this patient id.</source>
        <translation>Uniquement les entrées concernant cet identifiant de patient.</translation>
    </message>
    <message>
        <source>Only entries by this user.</source>
        <translation>Uniquement les entrées de cet utilisateur.</translation>
    </message>
    <message>
        <source>Only entries of this action (e.g. read, update, login).</source>
        <translation>Uniquement les entrées de cette action (p. ex. read, update, login).</translation>
    </message>
    <message>
        <source>Only the newest N entries.</source>
        <translation>Uniquement les N entrées les plus récentes.</translation>
    </message>
    <message>
        <source>Keep messages on this workstation for N days and remove older local copies.</source>
        <translation>Conserver les messages sur ce poste de travail pendant N jours et supprimer les copies locales plus anciennes.</translation>
    </message>
    <message>
        <source>Days to keep (0: keep all).</source>
        <translation>Jours de conservation (0&#xa0;: tout conserver).</translation>
    </message>
    <message>
        <source>The audit trail was tampered with. %1
Checked against: %2</source>
        <translation>Le journal d&apos;audit a été falsifié. %1
Vérifié par rapport à : %2</translation>
    </message>
    <message>
        <source>Checked against: %1</source>
        <translation>Vérifié par rapport à : %1</translation>
    </message>
    <message>
        <source>This trail has no anchor outside its database.</source>
        <translation>Ce journal n&apos;a pas d&apos;ancre en dehors de sa base de données.</translation>
    </message>
    <message>
        <source>The audit trail was tampered with, so it is not anchored again. %1</source>
        <translation>Le journal d&apos;audit a été falsifié, il n&apos;est donc pas ré-ancré. %1</translation>
    </message>
    <message>
        <source>The audit trail is anchored again at its current end: %1.</source>
        <translation>Le journal d&apos;audit est de nouveau ancré à sa fin actuelle : %1.</translation>
    </message>
    <message>
        <source>audit needs one sub-command: verify, list or reanchor.</source>
        <translation>audit attend une sous-commande : verify, list ou reanchor.</translation>
    </message>
    <message>
        <source>Check the audit trail&apos;s hash chain and its anchor outside the database, list its entries, or anchor it again after a missing or forged anchor was looked into.</source>
        <translation>Vérifier la chaîne de hachage du journal d&apos;audit et son ancre hors de la base de données, lister ses entrées, ou l&apos;ancrer de nouveau après examen d&apos;une ancre manquante ou falsifiée.</translation>
    </message>
    <message>
        <source>--clinical-detail needs --patient ID: it opens that patient&apos;s clinical record.</source>
        <translation>--clinical-detail exige --patient ID&#xa0;: il ouvre le dossier clinique de ce patient.</translation>
    </message>
    <message>
        <source>With --patient: show the clinical fields of the entries about the patient&apos;s clinical records (withheld otherwise); a clinical read, audited.</source>
        <translation>Avec --patient&#xa0;: afficher les champs cliniques des entrées concernant les données cliniques du patient (masqués sinon)&#xa0;; une lecture clinique, consignée.</translation>
    </message>
    <message>
        <source>Why the clinical record is read (at least 5 characters), when the patient has no appointment today.</source>
        <translation>Pourquoi le dossier clinique est lu (au moins 5 caractères), si le patient n&apos;a pas de rendez-vous aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>settings takes list or set KEY VALUE.</source>
        <translation>settings attend list ou set CLÉ VALEUR.</translation>
    </message>
    <message>
        <source>settings set takes a key and a value (&quot;&quot; clears it): one of %1.</source>
        <translation>settings set attend une clé et une valeur (&quot;&quot; l’efface)&#xa0;: l’une de %1.</translation>
    </message>
    <message>
        <source>%1 is not a setting of the clinic; they are %2.</source>
        <translation>%1 n’est pas un paramètre du cabinet&#xa0;; ceux-ci sont %2.</translation>
    </message>
    <message>
        <source>(not set: the default)</source>
        <translation>(non défini&#xa0;: valeur par défaut)</translation>
    </message>
    <message>
        <source>Changed here; the change goes to the server with the next sync.</source>
        <translation>Modifié ici&#xa0;; la modification part vers le serveur à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Show or change the clinic&apos;s shared settings (name, phone, time zone, quiet hours, ...); a change goes to the server and the other workstations with the next sync.</source>
        <translation>Afficher ou modifier les paramètres communs du cabinet (nom, téléphone, fuseau horaire, heures de silence, …)&#xa0;; une modification part vers le serveur et les autres postes à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>The audit trail here does not match the copy the server %1 holds. %2</source>
        <translation>Le journal d’audit d’ici ne correspond pas à la copie que détient le serveur %1. %2</translation>
    </message>
    <message numerus="yes">
        <source>It matches the copy the server %1 holds (%n entries; the rest go up with the next sync).</source>
        <translation>
            <numerusform>Il correspond à la copie que détient le serveur %1 (%n entrée&#xa0;; le reste suit à la prochaine synchronisation).</numerusform>
            <numerusform>Il correspond à la copie que détient le serveur %1 (%n entrées&#xa0;; le reste suit à la prochaine synchronisation).</numerusform>
        </translation>
    </message>
    <message>
        <source>Not compared with the server&apos;s copy: %1</source>
        <translation>Non comparé à la copie du serveur&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>AccessGuard</name>
    <message>
        <source>This patient has no appointment today. To open their clinical record anyway, give the reason (at least 5 characters); it is recorded in the audit trail.</source>
        <translation>Ce patient n&apos;a pas de rendez-vous aujourd&apos;hui. Pour ouvrir quand même son dossier médical, indiquez le motif (au moins 5 caractères)&#xa0;; il est consigné dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Records of the type &quot;%1&quot; are not in the permission table, so they may not be read or changed.</source>
        <translation>Les enregistrements de type «&#xa0;%1&#xa0;» ne figurent pas dans la table des autorisations&#xa0;; ils ne peuvent donc être ni lus ni modifiés.</translation>
    </message>
    <message>
        <source>Reading the clinical records of many patients at once needs a reason (at least 5 characters); it is recorded in the audit trail.</source>
        <translation>Lire les données cliniques de nombreux patients à la fois exige un motif (au moins 5 caractères)&#xa0;; il est consigné dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>This clinical record was opened by someone else who was signed in before; open it again.</source>
        <translation>Ce dossier clinique a été ouvert par une autre personne connectée auparavant&#xa0;; ouvrez-le à nouveau.</translation>
    </message>
    <message>
        <source>No one is signed in on this connection, so it may not %1. Sign in first.</source>
        <translation>Personne n&apos;est connecté sur cette connexion, elle n&apos;est donc pas autorisée à %1. Connectez-vous d&apos;abord.</translation>
    </message>
    <message>
        <source>Clinical records are sent to the server only from the sync worker&apos;s own connection; a person opens them through the clinical gate.</source>
        <translation>Les données cliniques ne sont envoyées au serveur que par la connexion propre de la synchronisation ; une personne les ouvre par le contrôle d&apos;accès clinique.</translation>
    </message>
</context>
<context>
    <name>AllergyRepository</name>
    <message>
        <source>An allergy needs a patient and a substance.</source>
        <translation>Une allergie nécessite un patient et une substance.</translation>
    </message>
</context>
<context>
    <name>AppointmentLabels</name>
    <message>
        <source>Booked</source>
        <translation>Réservé</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmé</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Arrivé</translation>
    </message>
    <message>
        <source>In room</source>
        <translation>En consultation</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Check-up</source>
        <translation>Bilan de santé</translation>
    </message>
    <message>
        <source>Vaccination</source>
        <translation>Vaccination</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Acte technique</translation>
    </message>
</context>
<context>
    <name>AppointmentRepository</name>
    <message>
        <source>An appointment needs a patient.</source>
        <translation>Un rendez-vous nécessite un patient.</translation>
    </message>
    <message>
        <source>An appointment needs a practitioner.</source>
        <translation>Un rendez-vous nécessite un praticien.</translation>
    </message>
    <message>
        <source>An appointment must end after it starts.</source>
        <translation>Un rendez-vous doit se terminer après son début.</translation>
    </message>
    <message>
        <source>An appointment can last at most 24 hours.</source>
        <translation>Un rendez-vous peut durer au plus 24 heures.</translation>
    </message>
    <message>
        <source>Unknown appointment status &quot;%1&quot; in the database.</source>
        <translation>Statut de rendez-vous inconnu «&#xa0;%1&#xa0;» dans la base de données.</translation>
    </message>
</context>
<context>
    <name>AppointmentSeriesRepository</name>
    <message>
        <source>A series repeats weekly or monthly, not &quot;%1&quot;.</source>
        <translation>Une série se répète chaque semaine ou chaque mois, pas «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>A series repeats every 1 to 52 weeks or months, not every %1.</source>
        <translation>Une série se répète toutes les 1 à 52 semaines ou mois, pas tous les %1.</translation>
    </message>
    <message>
        <source>A series needs the date of its first appointment.</source>
        <translation>Une série a besoin de la date de son premier rendez-vous.</translation>
    </message>
    <message>
        <source>A series needs a time of day and a length in minutes.</source>
        <translation>Une série a besoin d’une heure et d’une durée en minutes.</translation>
    </message>
    <message>
        <source>The series&apos; time zone &quot;%1&quot; is not known here.</source>
        <translation>Le fuseau horaire «&#xa0;%1&#xa0;» de la série n’est pas connu ici.</translation>
    </message>
    <message>
        <source>Could not keep the series of appointment %1: %2</source>
        <translation>Impossible de conserver la série du rendez-vous %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>AppointmentTypeRepository</name>
    <message>
        <source>An appointment type needs a code and a name.</source>
        <translation>Un type de rendez-vous nécessite un code et un nom.</translation>
    </message>
    <message>
        <source>The default length must be between 5 minutes and 24 hours.</source>
        <translation>La durée par défaut doit être comprise entre 5 minutes et 24 heures.</translation>
    </message>
    <message>
        <source>There is already an appointment type with the code &quot;%1&quot;.</source>
        <translation>Il existe déjà un type de rendez-vous avec le code «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>AuditAnchor</name>
    <message>
        <source>%1, authenticated with a key in %2</source>
        <translation>%1, authentifié par une clé dans %2</translation>
    </message>
    <message>
        <source>Could not read the audit anchor&apos;s key: %1</source>
        <translation>Impossible de lire la clé de l&apos;ancre d&apos;audit : %1</translation>
    </message>
    <message>
        <source>The audit anchor&apos;s key in %1 has the wrong length.</source>
        <translation>La clé de l&apos;ancre d&apos;audit dans %1 n&apos;a pas la bonne longueur.</translation>
    </message>
    <message>
        <source>Could not initialise the cryptography library.</source>
        <translation>Impossible d&apos;initialiser la bibliothèque de cryptographie.</translation>
    </message>
    <message>
        <source>Could not store the audit anchor&apos;s key: %1</source>
        <translation>Impossible d&apos;enregistrer la clé de l&apos;ancre d&apos;audit : %1</translation>
    </message>
    <message>
        <source>The audit anchor %1 is missing, though its key is in %2: it was removed.</source>
        <translation>L&apos;ancre d&apos;audit %1 est absente alors que sa clé se trouve dans %2 : elle a été supprimée.</translation>
    </message>
    <message>
        <source>The audit anchor %1 cannot be checked: its key is not in %2.</source>
        <translation>L&apos;ancre d&apos;audit %1 ne peut pas être vérifiée : sa clé n&apos;est pas dans %2.</translation>
    </message>
    <message>
        <source>Could not read the audit anchor %1: %2</source>
        <translation>Impossible de lire l&apos;ancre d&apos;audit %1 : %2</translation>
    </message>
    <message>
        <source>The audit anchor %1 fails its authentication check: it was forged or altered.</source>
        <translation>L&apos;ancre d&apos;audit %1 échoue à son contrôle d&apos;authentification : elle a été falsifiée ou modifiée.</translation>
    </message>
    <message>
        <source>Could not read the audit trail: %1</source>
        <translation>Impossible de lire le journal d&apos;audit&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 It was left as it is; run frontdeskctl audit verify.</source>
        <translation>%1 Elle a été laissée telle quelle ; lancez frontdeskctl audit verify.</translation>
    </message>
    <message>
        <source>The audit trail ends at entry %1 but its anchor says %2: the newest entries were removed. The anchor was left as it is; run frontdeskctl audit verify.</source>
        <translation>Le journal d&apos;audit se termine à l&apos;entrée %1 mais son ancre indique %2 : les entrées les plus récentes ont été supprimées. L&apos;ancre a été laissée telle quelle ; lancez frontdeskctl audit verify.</translation>
    </message>
    <message>
        <source>Entry %1 of the audit trail is not the one its anchor recorded: the trail was rewritten. The anchor was left as it is; run frontdeskctl audit verify.</source>
        <translation>L&apos;entrée %1 du journal d&apos;audit n&apos;est pas celle que son ancre a enregistrée : le journal a été réécrit. L&apos;ancre a été laissée telle quelle ; lancez frontdeskctl audit verify.</translation>
    </message>
    <message>
        <source>Could not write the audit anchor %1: %2</source>
        <translation>Impossible d&apos;écrire l&apos;ancre d&apos;audit %1 : %2</translation>
    </message>
    <message>
        <source>Could not remove the audit anchor %1.</source>
        <translation>Impossible de supprimer l&apos;ancre d&apos;audit %1.</translation>
    </message>
    <message>
        <source>Could not remove the audit anchor&apos;s key: %1</source>
        <translation>Impossible de supprimer la clé de l&apos;ancre d&apos;audit : %1</translation>
    </message>
</context>
<context>
    <name>AuditEventMapping</name>
    <message>
        <source>This is no AuditEvent.</source>
        <translation>Ceci n’est pas un AuditEvent.</translation>
    </message>
    <message>
        <source>The AuditEvent %1 has no audit chain (extension %2).</source>
        <translation>L’AuditEvent %1 n’a pas de chaîne d’audit (extension %2).</translation>
    </message>
    <message>
        <source>The AuditEvent %1 lacks its id, sequence number, time, agent or action.</source>
        <translation>Il manque à l’AuditEvent %1 son identifiant, son numéro de séquence, son heure, son agent ou son action.</translation>
    </message>
    <message>
        <source>The detail of AuditEvent %1 is not a JSON object.</source>
        <translation>Le détail de l’AuditEvent %1 n’est pas un objet JSON.</translation>
    </message>
</context>
<context>
    <name>AuditLabels</name>
    <message>
        <source>Sign-in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Sign-out</source>
        <translation>Déconnexion</translation>
    </message>
    <message>
        <source>Workstation locked</source>
        <translation>Poste de travail verrouillé</translation>
    </message>
    <message>
        <source>Workstation unlocked</source>
        <translation>Poste de travail déverrouillé</translation>
    </message>
    <message>
        <source>Session taken over</source>
        <translation>Session reprise</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Mot de passe modifié</translation>
    </message>
    <message>
        <source>Staff account created</source>
        <translation>Compte du personnel créé</translation>
    </message>
    <message>
        <source>Staff account changed</source>
        <translation>Compte du personnel modifié</translation>
    </message>
    <message>
        <source>Record read</source>
        <translation>Dossier consulté</translation>
    </message>
    <message>
        <source>Clinical record read</source>
        <translation>Dossier clinique consulté</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Records merged</source>
        <translation>Dossiers fusionnés</translation>
    </message>
    <message>
        <source>Double booking</source>
        <translation>Double réservation</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Attribué</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Impression</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Purged</source>
        <translation>Purgé</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Données de démonstration</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>Paramètre modifié</translation>
    </message>
    <message>
        <source>Database key changed</source>
        <translation>Clé de la base de données changée</translation>
    </message>
    <message>
        <source>frontdeskctl command</source>
        <translation>Commande frontdeskctl</translation>
    </message>
    <message>
        <source>Sync conflict settled</source>
        <translation>Conflit de synchronisation réglé</translation>
    </message>
    <message>
        <source>Message held</source>
        <translation>Message retenu</translation>
    </message>
    <message>
        <source>Audit trail read</source>
        <translation>Journal d&apos;audit consulté</translation>
    </message>
    <message>
        <source>Audit trail exported</source>
        <translation>Journal d&apos;audit exporté</translation>
    </message>
    <message>
        <source>Audit trail re-anchored</source>
        <translation>Journal d&apos;audit réancré</translation>
    </message>
    <message>
        <source>Workstation enrolled</source>
        <translation>Poste de travail inscrit</translation>
    </message>
    <message>
        <source>Workstation token issued</source>
        <translation>Jeton du poste de travail délivré</translation>
    </message>
    <message>
        <source>Workstation revoked</source>
        <translation>Poste de travail révoqué</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignoré</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Clinical record</source>
        <translation>Dossier clinique</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Relance de suivi</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Staff account</source>
        <translation>Compte du personnel</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Poste de travail</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>FHIR bundle</source>
        <translation>Bundle FHIR</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Day list</source>
        <translation>Liste du jour</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Dashboard list</source>
        <translation>Liste du tableau de bord</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Could not read the audit trail: %1</source>
        <translation>Impossible de lire le journal d&apos;audit&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not write the audit trail: %1</source>
        <translation>Impossible d&apos;écrire dans le journal d&apos;audit&#xa0;: %1</translation>
    </message>
    <message>
        <source>The audit trail could not record this, so it was not done: %1</source>
        <translation>Le journal d&apos;audit n&apos;a pas pu l&apos;enregistrer&#xa0;; l&apos;opération n&apos;a donc pas été effectuée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>AuditQuery</name>
    <message>
        <source>Could not read the audit trail: %1</source>
        <translation>Impossible de lire le journal d&apos;audit&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not write the export: %1</source>
        <translation>Impossible d&apos;écrire l&apos;export&#xa0;: %1</translation>
    </message>
    <message>
        <source>The clinical detail of audit entries is shown for the patient whose clinical record was opened only.</source>
        <translation>Le détail clinique des entrées d&apos;audit n&apos;est affiché que pour le patient dont le dossier clinique a été ouvert.</translation>
    </message>
</context>
<context>
    <name>AuditRedaction</name>
    <message>
        <source>Could not read the audit trail&apos;s hashing key: %1</source>
        <translation>Impossible de lire la clé de hachage du journal d&apos;audit&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not make the audit trail&apos;s hashing key: libsodium failed to initialise.</source>
        <translation>Impossible de créer la clé de hachage du journal d&apos;audit&#xa0;: libsodium n&apos;a pas pu s&apos;initialiser.</translation>
    </message>
    <message>
        <source>Could not store the audit trail&apos;s hashing key: %1</source>
        <translation>Impossible d&apos;enregistrer la clé de hachage du journal d&apos;audit&#xa0;: %1</translation>
    </message>
    <message>
        <source>The audit trail&apos;s hashing key in this database is damaged.</source>
        <translation>La clé de hachage du journal d&apos;audit de cette base de données est endommagée.</translation>
    </message>
</context>
<context>
    <name>AuditUpload</name>
    <message>
        <source>The server did not take this workstation&apos;s audit trail (HTTP %1): %2</source>
        <translation>Le serveur n’a pas accepté le journal d’audit de ce poste (HTTP %1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the audit trail&apos;s upload does not say it holds the entries sent.</source>
        <translation>La réponse du serveur au téléversement du journal d’audit n’indique pas qu’il détient les entrées envoyées.</translation>
    </message>
    <message>
        <source>The server did not say what it holds of this workstation&apos;s audit trail (HTTP %1): %2</source>
        <translation>Le serveur n’a pas indiqué ce qu’il détient du journal d’audit de ce poste (HTTP %1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>The server holds %1 entries of this workstation&apos;s audit trail, up to entry %2, which is missing here: the trail here was shortened or replaced after it was uploaded.</source>
        <translation>Le serveur détient %1 entrées du journal d’audit de ce poste, jusqu’à l’entrée %2, qui manque ici&#xa0;: le journal d’ici a été raccourci ou remplacé après son téléversement.</translation>
    </message>
    <message>
        <source>Entry %1 of the audit trail here differs from the copy the server holds: the trail here was changed after it was uploaded.</source>
        <translation>L’entrée %1 du journal d’audit d’ici diffère de la copie que détient le serveur&#xa0;: le journal d’ici a été modifié après son téléversement.</translation>
    </message>
</context>
<context>
    <name>AuditVerifier</name>
    <message>
        <source>Could not read the audit trail: %1</source>
        <translation>Impossible de lire le journal d&apos;audit&#xa0;: %1</translation>
    </message>
    <message>
        <source>Entry %1 is missing: it was deleted.</source>
        <translation>L&apos;entrée %1 manque&#xa0;: elle a été supprimée.</translation>
    </message>
    <message>
        <source>Entries %1 to %2 are missing: they were deleted.</source>
        <translation>Les entrées %1 à %2 manquent&#xa0;: elles ont été supprimées.</translation>
    </message>
    <message>
        <source>Entry %1 (%2) was edited: its content no longer matches its hash.</source>
        <translation>L&apos;entrée %1 (%2) a été modifiée&#xa0;: son contenu ne correspond plus à son hachage.</translation>
    </message>
    <message>
        <source>Entry %1 (%2) should start the chain but points at another entry: the entries before it were removed.</source>
        <translation>L&apos;entrée %1 (%2) devrait commencer la chaîne mais pointe vers une autre entrée&#xa0;: les entrées précédentes ont été supprimées.</translation>
    </message>
    <message>
        <source>Entry %1 (%2) does not follow entry %3: entry %3 was replaced or rewritten.</source>
        <translation>L&apos;entrée %1 (%2) ne suit pas l&apos;entrée %3&#xa0;: l&apos;entrée %3 a été remplacée ou réécrite.</translation>
    </message>
    <message>
        <source>Could not read the audit checkpoint: %1</source>
        <translation>Impossible de lire le point de contrôle de l&apos;audit&#xa0;: %1</translation>
    </message>
    <message>
        <source>The audit checkpoint is missing, so removed newest entries could not be noticed.</source>
        <translation>Le point de contrôle de l&apos;audit manque&#xa0;: la suppression des entrées les plus récentes n&apos;a donc pas pu être détectée.</translation>
    </message>
    <message>
        <source>Entry %1, the newest, is missing: it was deleted.</source>
        <translation>L&apos;entrée %1, la plus récente, manque&#xa0;: elle a été supprimée.</translation>
    </message>
    <message>
        <source>Entries %1 to %2, the newest, are missing: they were deleted.</source>
        <translation>Les entrées %1 à %2, les plus récentes, manquent&#xa0;: elles ont été supprimées.</translation>
    </message>
    <message>
        <source>The chain&apos;s end (entry %1, %2 entries) does not match the checkpoint (entry %3, %4 entries): the trail or its checkpoint was altered.</source>
        <translation>La fin de la chaîne (entrée %1, %2 entrées) ne correspond pas au point de contrôle (entrée %3, %4 entrées)&#xa0;: le journal ou son point de contrôle a été modifié.</translation>
    </message>
    <message>
        <source>the checkpoint inside the database only (no anchor outside it was given)</source>
        <translation>le point de contrôle dans la base de données seulement (aucune ancre extérieure fournie)</translation>
    </message>
    <message>
        <source>the checkpoint inside the database only: no anchor has been written yet (%1)</source>
        <translation>le point de contrôle dans la base de données seulement : aucune ancre n&apos;a encore été écrite (%1)</translation>
    </message>
    <message>
        <source>the anchor at entry %1 (%2)</source>
        <translation>l&apos;ancre à l&apos;entrée %1 (%2)</translation>
    </message>
    <message>
        <source>none: the anchor is missing or forged (%1)</source>
        <translation>aucune : l&apos;ancre est absente ou falsifiée (%1)</translation>
    </message>
    <message>
        <source>The trail is shorter than its anchor: it ends at entry %1, the anchor outside the database says entry %2. The newest entries were removed.</source>
        <translation>Le journal est plus court que son ancre : il se termine à l&apos;entrée %1, l&apos;ancre hors de la base de données indique l&apos;entrée %2. Les entrées les plus récentes ont été supprimées.</translation>
    </message>
    <message>
        <source>Entry %1 is not the one the anchor outside the database recorded: the trail was rewritten from there.</source>
        <translation>L&apos;entrée %1 n&apos;est pas celle que l&apos;ancre hors de la base de données a enregistrée : le journal a été réécrit à partir de là.</translation>
    </message>
</context>
<context>
    <name>AuditedExport</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not make %1 private to its owner (mode 0600), so nothing was written.</source>
        <translation>Impossible de rendre %1 privé à son propriétaire (mode 0600) ; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>%1 was not written because the export could not be recorded in the audit trail: %2</source>
        <translation>%1 n&apos;a pas été écrit car l&apos;export n&apos;a pas pu être consigné dans le journal d&apos;audit : %2</translation>
    </message>
    <message>
        <source>The export was recorded in the audit trail, but %1 could not be written: %2</source>
        <translation>L&apos;export a été consigné dans le journal d&apos;audit, mais %1 n&apos;a pas pu être écrit : %2</translation>
    </message>
</context>
<context>
    <name>AutoLockSetting</name>
    <message>
        <source>The idle time before the workstation locks must be from 1 to %1 minutes.</source>
        <translation>Le délai d&apos;inactivité avant le verrouillage du poste doit être compris entre 1 et %1 minutes.</translation>
    </message>
</context>
<context>
    <name>BackgroundEnroller</name>
    <message>
        <source>Enter the server&apos;s address, e.g. https://fd.clinic.example:8443.</source>
        <translation>Saisissez l&apos;adresse du serveur, par ex. https://fd.clinic.example:8443.</translation>
    </message>
    <message>
        <source>Enter the name and password of an administrator at the server.</source>
        <translation>Saisissez le nom et le mot de passe d&apos;un administrateur du serveur.</translation>
    </message>
    <message>
        <source>Enrolled at %1 as &quot;%2&quot;, but: %3</source>
        <translation>Inscrit auprès de %1 sous le nom « %2 », mais : %3</translation>
    </message>
    <message>
        <source>Enrolled at %1 as &quot;%2&quot; by %3.</source>
        <translation>Inscrit auprès de %1 sous le nom « %2 » par %3.</translation>
    </message>
    <message>
        <source>The server enrolled this workstation (%1), but it could not be kept here: %2</source>
        <translation>Le serveur a inscrit ce poste de travail (%1), mais l&apos;inscription n&apos;a pas pu être conservée ici : %2</translation>
    </message>
    <message>
        <source>This workstation is enrolled at %1 as &quot;%2&quot;. Its credential is kept in %3.</source>
        <translation>Ce poste de travail est inscrit auprès de %1 sous le nom « %2 ». Ses identifiants sont conservés dans %3.</translation>
    </message>
</context>
<context>
    <name>BookingMapping</name>
    <message>
        <source>category must hold the code %1 of %2: this ServiceRequest is no appointment series.</source>
        <translation>category doit contenir le code %1 de %2 : ce ServiceRequest n&apos;est pas une série de rendez-vous.</translation>
    </message>
    <message>
        <source>%1 must be %2.</source>
        <translation>%1 doit valoir %2.</translation>
    </message>
    <message>
        <source>%1 must hold exactly one time.</source>
        <translation>%1 doit contenir exactement une heure.</translation>
    </message>
    <message>
        <source>A series ends: give occurrenceTiming.repeat.boundsPeriod.end or occurrenceTiming.repeat.count.</source>
        <translation>Une série a une fin : indiquez occurrenceTiming.repeat.boundsPeriod.end ou occurrenceTiming.repeat.count.</translation>
    </message>
    <message>
        <source>The extension %1 (the clinic&apos;s time zone) is missing.</source>
        <translation>L&apos;extension %1 (le fuseau horaire du cabinet) manque.</translation>
    </message>
    <message>
        <source>%1 must hold at most one request.</source>
        <translation>%1 doit contenir au plus une demande.</translation>
    </message>
    <message>
        <source>%1 must hold exactly one reference.</source>
        <translation>%1 doit contenir exactement une référence.</translation>
    </message>
    <message>
        <source>activity must hold a status of %1; got &quot;%2&quot;.</source>
        <translation>activity doit contenir un statut de %1 ; reçu : « %2 ».</translation>
    </message>
    <message>
        <source>The extension %1 names no status Frontdesk knows: &quot;%2&quot;.</source>
        <translation>L&apos;extension %1 ne nomme aucun statut connu de Frontdesk : « %2 ».</translation>
    </message>
    <message>
        <source>The extension %1 must be patient or clinic; got &quot;%2&quot;.</source>
        <translation>L&apos;extension %1 doit valoir patient ou clinic ; reçu : « %2 ».</translation>
    </message>
    <message>
        <source>%1 is missing.</source>
        <translation>%1 manque.</translation>
    </message>
    <message>
        <source>%1 must hold at most one reference.</source>
        <translation>%1 doit contenir au plus une référence.</translation>
    </message>
    <message>
        <source>%1 must hold exactly one entry.</source>
        <translation>%1 doit contenir exactement une entrée.</translation>
    </message>
    <message>
        <source>%1 must hold exactly one day.</source>
        <translation>%1 doit contenir exactement un jour.</translation>
    </message>
    <message>
        <source>Working hours must end after they start, within one day.</source>
        <translation>Les horaires doivent se terminer après leur début, dans la même journée.</translation>
    </message>
    <message>
        <source>type must hold a code of %1.</source>
        <translation>type doit contenir un code de %1.</translation>
    </message>
    <message>
        <source>A waitlist entry is an Appointment with status waitlist or the extension %1.</source>
        <translation>Une inscription sur la liste d&apos;attente est un Appointment au statut waitlist ou avec l&apos;extension %1.</translation>
    </message>
    <message>
        <source>A waitlist entry needs a Patient participant.</source>
        <translation>Une inscription sur la liste d&apos;attente nécessite un participant Patient.</translation>
    </message>
    <message>
        <source>The time-of-day window must end after it starts, within one day.</source>
        <translation>La plage horaire doit se terminer après son début, dans la même journée.</translation>
    </message>
</context>
<context>
    <name>BookingService</name>
    <message>
        <source>%1–%2 on %3</source>
        <translation>%1–%2 le %3</translation>
    </message>
    <message>
        <source>%1 (ends %2)</source>
        <translation>%1 (fin %2)</translation>
    </message>
    <message>
        <source>The appointment %1 was deleted.</source>
        <translation>Le rendez-vous %1 a été supprimé.</translation>
    </message>
    <message>
        <source>%1 is already booked then: %2, %3 (appointment %4).</source>
        <translation>%1 est déjà réservé à ce moment-là&#xa0;: %2, %3 (rendez-vous %4).</translation>
    </message>
    <message>
        <source>The patient %1 has another appointment then: with %2, %3 (appointment %4).</source>
        <translation>Le patient %1 a un autre rendez-vous à ce moment-là&#xa0;: avec %2, %3 (rendez-vous %4).</translation>
    </message>
    <message>
        <source>%1 is in use then: %2 with %3, %4 (appointment %5).</source>
        <translation>%1 est occupé à ce moment-là&#xa0;: %2 avec %3, %4 (rendez-vous %5).</translation>
    </message>
    <message>
        <source>The practitioner is not available then (%1, %2%3).</source>
        <translation>Le praticien n&apos;est pas disponible à ce moment-là (%1, %2%3).</translation>
    </message>
    <message>
        <source>Not booked. %1</source>
        <translation>Non réservé. %1</translation>
    </message>
    <message>
        <source>This appointment is already booked; move it instead.</source>
        <translation>Ce rendez-vous est déjà réservé&#xa0;; déplacez-le plutôt.</translation>
    </message>
    <message>
        <source>A new appointment starts as booked or confirmed.</source>
        <translation>Un nouveau rendez-vous commence à l&apos;état réservé ou confirmé.</translation>
    </message>
    <message>
        <source>Someone else changed this appointment since it was shown; it was not moved. Look at it again and retry.</source>
        <translation>Quelqu&apos;un d&apos;autre a modifié ce rendez-vous depuis son affichage&#xa0;; il n&apos;a pas été déplacé. Consultez-le à nouveau et réessayez.</translation>
    </message>
    <message>
        <source>There is no status change to revert on this appointment.</source>
        <translation>Ce rendez-vous n&apos;a aucun changement de statut à annuler.</translation>
    </message>
    <message>
        <source>The status cannot be reverted: the time is taken. %1</source>
        <translation>Le statut ne peut pas être rétabli&#xa0;: le créneau est pris. %1</translation>
    </message>
    <message>
        <source>A series starts from a new appointment.</source>
        <translation>Une série part d&apos;un nouveau rendez-vous.</translation>
    </message>
    <message>
        <source>The first appointment&apos;s time does not exist in the clinic&apos;s time zone on that day (a DST change); choose another time.</source>
        <translation>L&apos;heure du premier rendez-vous n&apos;existe pas ce jour-là dans le fuseau horaire du cabinet (changement d&apos;heure)&#xa0;; choisissez une autre heure.</translation>
    </message>
    <message>
        <source>The series was not booked (appointment %1 of %2, %3): %4</source>
        <translation>La série n&apos;a pas été réservée (rendez-vous %1 sur %2, %3)&#xa0;: %4</translation>
    </message>
    <message>
        <source>Choose a time within the day and a positive length.</source>
        <translation>Choisissez une heure dans la journée et une durée positive.</translation>
    </message>
    <message>
        <source>This appointment is not part of a series.</source>
        <translation>Ce rendez-vous ne fait partie d&apos;aucune série.</translation>
    </message>
    <message>
        <source>The series was not changed (%1): %2</source>
        <translation>La série n&apos;a pas été modifiée (%1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>There is no active practitioner with id %1.</source>
        <translation>Aucun praticien actif n&apos;a l&apos;identifiant %1.</translation>
    </message>
    <message>
        <source>An appointment that is “%1” cannot be moved.</source>
        <translation>Un rendez-vous au statut «&#xa0;%1&#xa0;» ne peut pas être déplacé.</translation>
    </message>
</context>
<context>
    <name>ClinicSettingsMapping</name>
    <message>
        <source>The clinic&apos;s settings are the Organization with id &quot;%1&quot;; got &quot;%2&quot;.</source>
        <translation>Les paramètres du cabinet sont l&apos;Organization d&apos;identifiant «&#xa0;%1&#xa0;»&#xa0;; reçu «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>Organization.name must be text.</source>
        <translation>Organization.name doit être du texte.</translation>
    </message>
    <message>
        <source>Organization.extension[%1] (%2) must have a valueString.</source>
        <translation>Organization.extension[%1] (%2) doit avoir un valueString.</translation>
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
        <translation>Tension artérielle</translation>
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
        <translation>%1 doit être une date et heure avec secondes et fuseau horaire, p. ex. 2026-07-06T09:00:00Z ; reçu « %2 ».</translation>
    </message>
    <message>
        <source>resourceType must be Communication.</source>
        <translation>resourceType doit être Communication.</translation>
    </message>
    <message>
        <source>The extension %1 must be inbound or outbound; got &quot;%2&quot;.</source>
        <translation>L&apos;extension %1 doit être inbound ou outbound ; reçu « %2 ».</translation>
    </message>
    <message>
        <source>status must be one of preparation, on-hold, in-progress, completed, not-done, stopped; got &quot;%1&quot;.</source>
        <translation>status doit être preparation, on-hold, in-progress, completed, not-done ou stopped ; reçu « %1 ».</translation>
    </message>
    <message>
        <source>The extension %1 names no message status Frontdesk knows: &quot;%2&quot;.</source>
        <translation>L&apos;extension %1 ne nomme aucun statut de message connu de Frontdesk : « %2 ».</translation>
    </message>
    <message>
        <source>subject.reference must read Patient/ID; got &quot;%1&quot;.</source>
        <translation>subject.reference doit être de la forme Patient/ID ; reçu « %1 ».</translation>
    </message>
    <message>
        <source>The extension %1 must reference Patient/ID; got &quot;%2&quot;.</source>
        <translation>L&apos;extension %1 doit référencer Patient/ID ; reçu « %2 ».</translation>
    </message>
    <message>
        <source>An outbound Communication needs subject (the Patient it goes to).</source>
        <translation>Une Communication sortante nécessite subject (le patient destinataire).</translation>
    </message>
    <message>
        <source>medium[0] must be sms or email in %1.</source>
        <translation>medium[0] doit être sms ou email dans %1.</translation>
    </message>
    <message>
        <source>category[0] must name the purpose in %1.</source>
        <translation>category[0] doit indiquer l&apos;objet dans %1.</translation>
    </message>
    <message>
        <source>payload[0] must be text (contentString).</source>
        <translation>payload[0] doit être du texte (contentString).</translation>
    </message>
    <message>
        <source>An outbound Communication needs its text in payload[0].contentString.</source>
        <translation>Une Communication sortante nécessite son texte dans payload[0].contentString.</translation>
    </message>
    <message>
        <source>about[0].reference must read Appointment/ID; got &quot;%1&quot;.</source>
        <translation>about[0].reference doit être de la forme Appointment/ID ; reçu « %1 ».</translation>
    </message>
    <message>
        <source>The extension %1 must identify a staff member in %2.</source>
        <translation>L&apos;extension %1 doit identifier un membre du personnel dans %2.</translation>
    </message>
    <message>
        <source>The extension %1 must name a staff member (valueReference with identifier or display).</source>
        <translation>L&apos;extension %1 doit nommer un membre du personnel (valueReference avec identifier ou display).</translation>
    </message>
</context>
<context>
    <name>CommunicationPreference</name>
    <message>
        <source>A preference needs a patient.</source>
        <translation>Une préférence nécessite un patient.</translation>
    </message>
    <message>
        <source>Unknown purpose &quot;%1&quot;.</source>
        <translation>Objet inconnu «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Unknown channel &quot;%1&quot;.</source>
        <translation>Canal inconnu «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Quiet hours must lie within the day.</source>
        <translation>Les heures de silence doivent se situer dans la journée.</translation>
    </message>
</context>
<context>
    <name>ConditionRepository</name>
    <message>
        <source>A condition needs a patient and a name.</source>
        <translation>Une pathologie nécessite un patient et un nom.</translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <source>A consent needs a patient.</source>
        <translation>Un consentement nécessite un patient.</translation>
    </message>
    <message>
        <source>Say what the consent is for.</source>
        <translation>Indiquez l&apos;objet du consentement.</translation>
    </message>
    <message>
        <source>A consent is either given or withdrawn.</source>
        <translation>Un consentement est soit donné, soit retiré.</translation>
    </message>
    <message>
        <source>A consent needs the date it was decided.</source>
        <translation>Un consentement nécessite la date de la décision.</translation>
    </message>
</context>
<context>
    <name>ConsentLabels</name>
    <message>
        <source>Treatment</source>
        <translation>Soins</translation>
    </message>
    <message>
        <source>Sharing data with other care providers</source>
        <translation>Partage des données avec d&apos;autres soignants</translation>
    </message>
    <message>
        <source>Reminders by SMS</source>
        <translation>Rappels par SMS</translation>
    </message>
    <message>
        <source>Reminders by e-mail</source>
        <translation>Rappels par e-mail</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>Research</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Photo in the record</source>
        <translation>Photo dans le dossier</translation>
    </message>
</context>
<context>
    <name>ConsentRepository</name>
    <message>
        <source>Could not store the scanned consent: %1</source>
        <translation>Impossible d&apos;enregistrer le consentement numérisé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not remove the scanned consent: %1</source>
        <translation>Impossible de supprimer le consentement numérisé&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ContactPolicy</name>
    <message>
        <source>Quiet hours &quot;%1&quot; are not of the form 20:00-08:00.</source>
        <translation>Les heures de silence « %1 » ne sont pas de la forme 20:00-08:00.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a purpose messages are sent for.</source>
        <translation>« %1 » n&apos;est pas un motif d&apos;envoi de messages.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a channel messages are sent on.</source>
        <translation>« %1 » n&apos;est pas un canal d&apos;envoi de messages.</translation>
    </message>
    <message>
        <source>The patient opted out of messages for this purpose (%1).</source>
        <translation>Le patient a refusé les messages pour ce motif (%1).</translation>
    </message>
    <message>
        <source>The patient does not want to be contacted.</source>
        <translation>Le patient ne souhaite pas être contacté.</translation>
    </message>
    <message>
        <source>The patient prefers a phone call: a call task is made instead.</source>
        <translation>Le patient préfère un appel : une tâche d&apos;appel est créée à la place.</translation>
    </message>
    <message>
        <source>The patient prefers a letter: a letter task is made instead.</source>
        <translation>Le patient préfère une lettre : une tâche de courrier est créée à la place.</translation>
    </message>
    <message>
        <source>The patient prefers %1 for this.</source>
        <translation>Le patient préfère %1 pour cela.</translation>
    </message>
    <message>
        <source>Marketing needs the patient&apos;s consent, and none is recorded.</source>
        <translation>Le marketing nécessite le consentement du patient, et aucun n&apos;est enregistré.</translation>
    </message>
    <message>
        <source>The patient withdrew the consent to marketing on %1.</source>
        <translation>Le patient a retiré son consentement au marketing le %1.</translation>
    </message>
    <message>
        <source>Quiet hours: the SMS is held until %1.</source>
        <translation>Heures de silence : le SMS est retenu jusqu&apos;au %1.</translation>
    </message>
</context>
<context>
    <name>CoverageLabels</name>
    <message>
        <source>Not checked</source>
        <translation>Non vérifié</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Droits ouverts</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>Droits non ouverts</translation>
    </message>
    <message>
        <source>Check failed</source>
        <translation>Échec de la vérification</translation>
    </message>
</context>
<context>
    <name>CoverageRepository</name>
    <message>
        <source>Insurance needs a patient and a payer.</source>
        <translation>Une assurance nécessite un patient et un organisme payeur.</translation>
    </message>
</context>
<context>
    <name>Ctl</name>
    <message>
        <source>The data directory (default: %1).</source>
        <translation>Le répertoire des données (par défaut&#xa0;: %1).</translation>
    </message>
    <message>
        <source>Keep the database key in this file (mode 0600) instead of the OS keychain. Weaker: for headless servers.</source>
        <translation>Conserver la clé de la base de données dans ce fichier (mode 0600) plutôt que dans le trousseau du système. Moins sûr&#xa0;: pour les serveurs sans écran.</translation>
    </message>
    <message>
        <source>frontdeskctl: %1</source>
        <translation>frontdeskctl&#xa0;: %1</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Commandes&#xa0;:</translation>
    </message>
    <message>
        <source>Run frontdeskctl COMMAND --help for a command&apos;s options.</source>
        <translation>Lancez frontdeskctl COMMANDE --help pour les options d&apos;une commande.</translation>
    </message>
    <message>
        <source>no command given.</source>
        <translation>aucune commande indiquée.</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;.</source>
        <translation>commande inconnue «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation>argument inattendu «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>There is no Frontdesk database in %1. Create one with: frontdeskctl --data-dir %1 init</source>
        <translation>Il n&apos;y a pas de base de données Frontdesk dans %1. Créez-en une avec&#xa0;: frontdeskctl --data-dir %1 init</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot; before the command &quot;%2&quot;.</source>
        <translation>argument inattendu «&#xa0;%1&#xa0;» avant la commande «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was read as the value of an option before it; write the command first, then its options.</source>
        <translation>«&#xa0;%1&#xa0;» a été lu comme la valeur d&apos;une option qui le précède&#xa0;; écrivez d&apos;abord la commande, puis ses options.</translation>
    </message>
    <message>
        <source>Warning: the audit trail&apos;s anchor was not updated. %1</source>
        <translation>Attention : l&apos;ancre du journal d&apos;audit n&apos;a pas été mise à jour. %1</translation>
    </message>
    <message>
        <source>Sign in as this staff member; the command runs with their role and the audit trail names them.</source>
        <translation>Se connecter en tant que ce membre du personnel&#xa0;; la commande s&apos;exécute avec son rôle et le journal d&apos;audit le nomme.</translation>
    </message>
    <message>
        <source>Read the password for --user from the first line of this file (mode 0600 or 0400); without it, it is asked on the terminal.</source>
        <translation>Lire le mot de passe de --user sur la première ligne de ce fichier (mode 0600 ou 0400)&#xa0;; sans cette option, il est demandé dans le terminal.</translation>
    </message>
    <message>
        <source>Usage: frontdeskctl [--data-dir DIR] [--key-file PATH] [--user NAME [--password-file PATH]] COMMAND [options]</source>
        <translation>Utilisation&#xa0;: frontdeskctl [--data-dir RÉP] [--key-file CHEMIN] [--user NOM [--password-file CHEMIN]] COMMANDE [options]</translation>
    </message>
    <message>
        <source>%1 needs a signed-in staff member: add --user NAME (with --password-file PATH, or type the password when asked). Only init, check, stats and wipe run without, and user add while there is no account yet.</source>
        <translation>%1 exige un membre du personnel connecté&#xa0;: ajoutez --user NOM (avec --password-file CHEMIN, ou saisissez le mot de passe quand il est demandé). Sans connexion, seuls init, check, stats et wipe s&apos;exécutent, ainsi que user add tant qu&apos;aucun compte n&apos;existe.</translation>
    </message>
    <message>
        <source>The password file %1 cannot be read.</source>
        <translation>Le fichier de mot de passe %1 ne peut pas être lu.</translation>
    </message>
    <message>
        <source>The password file %1 may be read or changed by others (mode %2); make it private first: chmod 600 %1</source>
        <translation>Le fichier de mot de passe %1 peut être lu ou modifié par d&apos;autres (mode %2)&#xa0;; rendez-le privé d&apos;abord&#xa0;: chmod 600 %1</translation>
    </message>
    <message>
        <source>The password file %1 cannot be read: %2</source>
        <translation>Le fichier de mot de passe %1 ne peut pas être lu&#xa0;: %2</translation>
    </message>
    <message>
        <source>There is no terminal to ask %1&apos;s password on; give it with --password-file PATH.</source>
        <translation>Aucun terminal ne permet de demander le mot de passe de %1&#xa0;; indiquez-le avec --password-file CHEMIN.</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Mot de passe de %1&#xa0;: </translation>
    </message>
    <message>
        <source>The database was already opened for this command.</source>
        <translation>La base de données a déjà été ouverte pour cette commande.</translation>
    </message>
    <message>
        <source>There is no terminal.</source>
        <translation>Aucun terminal n&apos;est disponible.</translation>
    </message>
    <message>
        <source>Signed in offline (the server did not answer: %1).</source>
        <translation>Connecté hors ligne (le serveur n&apos;a pas répondu&#xa0;: %1).</translation>
    </message>
</context>
<context>
    <name>DataDirectory</name>
    <message>
        <source>Could not create the data directory %1. Check that its parent exists and is writable.</source>
        <translation>Impossible de créer le répertoire des données %1. Vérifiez que son répertoire parent existe et est accessible en écriture.</translation>
    </message>
    <message>
        <source>%1 is not a directory.</source>
        <translation>%1 n&apos;est pas un répertoire.</translation>
    </message>
    <message>
        <source>Could not open the lock file %1: %2</source>
        <translation>Impossible d&apos;ouvrir le fichier de verrou %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The database in %1 is in use by another program (is Frontdesk open on this workstation?). Close it and try again.</source>
        <translation>La base de données de %1 est utilisée par un autre programme (Frontdesk est-il ouvert sur ce poste&#xa0;?). Fermez-le et réessayez.</translation>
    </message>
    <message>
        <source>The database in %1 is being re-keyed or wiped right now. Try again when that has finished.</source>
        <translation>La base de données de %1 est en cours de changement de clé ou d&apos;effacement. Réessayez une fois l&apos;opération terminée.</translation>
    </message>
    <message>
        <source>An interrupted key rotation was found. The database still uses its previous key, which remains in %1; the unfinished copy was removed. Run the rotation again.</source>
        <translation>Un changement de clé interrompu a été trouvé. La base de données utilise toujours sa clé précédente, qui reste dans %1&#xa0;; la copie inachevée a été supprimée. Relancez le changement de clé.</translation>
    </message>
    <message>
        <source>Neither stored key opens %1.
With the current key: %2
With the key of an interrupted rotation: %3</source>
        <translation>Aucune des clés enregistrées n&apos;ouvre %1.
Avec la clé actuelle&#xa0;: %2
Avec la clé d&apos;un changement de clé interrompu&#xa0;: %3</translation>
    </message>
    <message>
        <source>An interrupted key rotation was completed: the database uses the new key, now stored in %1.</source>
        <translation>Un changement de clé interrompu a été mené à terme&#xa0;: la base de données utilise la nouvelle clé, désormais enregistrée dans %1.</translation>
    </message>
    <message>
        <source>There is no database in %1 to rotate the key of.</source>
        <translation>Il n&apos;y a dans %1 aucune base de données dont changer la clé.</translation>
    </message>
    <message>
        <source>The database is in use by another program (is Frontdesk open on this workstation?). Close it and run the rotation again.</source>
        <translation>La base de données est utilisée par un autre programme (Frontdesk est-il ouvert sur ce poste&#xa0;?). Fermez-le et relancez le changement de clé.</translation>
    </message>
    <message>
        <source>Could not make a new random key.</source>
        <translation>Impossible de générer une nouvelle clé aléatoire.</translation>
    </message>
    <message>
        <source>The re-encrypted copy failed its check; the database was left as it was. %1</source>
        <translation>La copie rechiffrée a échoué à la vérification&#xa0;; la base de données a été laissée telle quelle. %1</translation>
    </message>
    <message>
        <source>Could not flush %1 to disk.</source>
        <translation>Impossible d&apos;écrire %1 sur le disque.</translation>
    </message>
    <message>
        <source>Could not put the re-encrypted database in place; the previous key still opens it.</source>
        <translation>Impossible de mettre en place la base de données rechiffrée&#xa0;; la clé précédente l&apos;ouvre toujours.</translation>
    </message>
    <message>
        <source>The database was re-encrypted, but the new key could not be stored as the current one (%1). It is kept as the pending key; the next start finishes the rotation.</source>
        <translation>La base de données a été rechiffrée, mais la nouvelle clé n&apos;a pas pu être enregistrée comme clé actuelle (%1). Elle est conservée comme clé en attente&#xa0;; le prochain démarrage achèvera le changement de clé.</translation>
    </message>
    <message>
        <source>The database key was rotated; the new key is stored in %1.</source>
        <translation>La clé de la base de données a été changée&#xa0;; la nouvelle clé est enregistrée dans %1.</translation>
    </message>
    <message>
        <source>There is no data directory %1.</source>
        <translation>Le répertoire des données %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Frontdesk cannot write in its data directory %1 (%2). Make the directory and its files writable by this user, or mount its disk read-write, and try again. Nothing was changed.</source>
        <translation>Frontdesk ne peut pas écrire dans son répertoire des données %1 (%2). Rendez le répertoire et ses fichiers accessibles en écriture pour cet utilisateur, ou montez son disque en lecture-écriture, puis réessayez. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The disk that holds the data directory %1 is full (%2). Free some space and try again. Nothing was changed.</source>
        <translation>Le disque qui contient le répertoire des données %1 est plein (%2). Libérez de l&apos;espace et réessayez. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Could not check that the key is gone: %1</source>
        <translation>Impossible de vérifier que la clé a disparu : %1</translation>
    </message>
    <message>
        <source>The entry %1 is still there after it was removed.</source>
        <translation>L&apos;entrée %1 est toujours présente après sa suppression.</translation>
    </message>
    <message>
        <source>THE DATABASE KEY WAS NOT REMOVED from %1: anyone with a copy of the database can still read it. Remove the key by hand. %2%3</source>
        <translation>LA CLÉ DE LA BASE DE DONNÉES N&apos;A PAS ÉTÉ SUPPRIMÉE (emplacement&#xa0;: %1) : quiconque possède une copie de la base peut encore la lire. Supprimez la clé à la main. %2%3</translation>
    </message>
    <message>
        <source>These files could not be removed either: %1</source>
        <translation>Ces fichiers n&apos;ont pas pu être supprimés non plus : %1</translation>
    </message>
    <message>
        <source>The key is gone, so the data can no longer be decrypted, but these files could not be removed: %1</source>
        <translation>La clé a disparu, les données ne peuvent donc plus être déchiffrées, mais ces fichiers n&apos;ont pas pu être supprimés : %1</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The database key must be %1 bytes; got %2.</source>
        <translation>La clé de la base de données doit faire %1 octets&#xa0;; reçu&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Could not switch %1 to WAL journaling: %2</source>
        <translation>Impossible de passer %1 en journalisation WAL&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not configure %1: %2</source>
        <translation>Impossible de configurer %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not start a transaction: %1</source>
        <translation>Impossible de démarrer une transaction&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not prepare schema versioning: %1</source>
        <translation>Impossible de préparer la gestion des versions du schéma&#xa0;: %1</translation>
    </message>
    <message>
        <source>This database has schema version %1, newer than this Frontdesk understands (%2). Install the newer Frontdesk that wrote it.</source>
        <translation>Cette base de données a la version de schéma %1, plus récente que celle que comprend ce Frontdesk (%2). Installez la version plus récente de Frontdesk qui l&apos;a écrite.</translation>
    </message>
    <message>
        <source>Migration %1 failed; the database stays at version %2.
Statement: %3
Error: %4</source>
        <translation>La migration %1 a échoué&#xa0;; la base de données reste à la version %2.
Instruction&#xa0;: %3
Erreur&#xa0;: %4</translation>
    </message>
    <message>
        <source>Migration %1 could not be recorded: %2</source>
        <translation>La migration %1 n&apos;a pas pu être consignée&#xa0;: %2</translation>
    </message>
    <message>
        <source>SQLCipher is not active: the database would not be encrypted.</source>
        <translation>SQLCipher n&apos;est pas actif&#xa0;: la base de données ne serait pas chiffrée.</translation>
    </message>
    <message>
        <source>The integrity check could not run: %1</source>
        <translation>Impossible d&apos;exécuter le contrôle d&apos;intégrité&#xa0;: %1</translation>
    </message>
    <message>
        <source>Integrity: %1</source>
        <translation>Intégrité&#xa0;: %1</translation>
    </message>
    <message>
        <source>The foreign-key check could not run: %1</source>
        <translation>Impossible d&apos;exécuter le contrôle des clés étrangères&#xa0;: %1</translation>
    </message>
    <message>
        <source>Foreign key: row %1 of %2 points to a missing %3</source>
        <translation>Clé étrangère&#xa0;: la ligne %1 de %2 pointe vers un(e) %3 manquant(e)</translation>
    </message>
    <message>
        <source>The new key must be %1 bytes.</source>
        <translation>La nouvelle clé doit faire %1 octets.</translation>
    </message>
    <message>
        <source>Will not export over the existing file %1.</source>
        <translation>L&apos;export n&apos;écrasera pas le fichier existant %1.</translation>
    </message>
    <message>
        <source>Could not create %1: %2</source>
        <translation>Impossible de créer %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not copy the database to %1: %2</source>
        <translation>Impossible de copier la base de données vers %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not close %1: %2</source>
        <translation>Impossible de fermer %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not save the setting %1: %2</source>
        <translation>Impossible d&apos;enregistrer le paramètre %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The disk that holds the database is full. Free some space and try again; the change that failed was not saved, everything saved before it is intact.</source>
        <translation>Le disque qui contient la base de données est plein. Libérez de l&apos;espace et réessayez&#xa0;; la modification qui a échoué n&apos;a pas été enregistrée, tout ce qui l&apos;a été avant est intact.</translation>
    </message>
    <message>
        <source>The database cannot be written: its file or its data directory is read-only for this user, or its disk is mounted read-only. Make them writable and try again; nothing was changed.</source>
        <translation>Impossible d&apos;écrire dans la base de données&#xa0;: son fichier ou son répertoire des données est en lecture seule pour cet utilisateur, ou son disque est monté en lecture seule. Rendez-les accessibles en écriture et réessayez&#xa0;; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The disk reported a read or write error. Check the disk and its free space; the change that failed was not saved.</source>
        <translation>Le disque a signalé une erreur de lecture ou d&apos;écriture. Vérifiez le disque et son espace libre&#xa0;; la modification qui a échoué n&apos;a pas été enregistrée.</translation>
    </message>
    <message>
        <source>Check that the data directory exists and that this user may read and write it.</source>
        <translation>Vérifiez que le répertoire des données existe et que cet utilisateur peut y lire et y écrire.</translation>
    </message>
    <message>
        <source>Could not write to the database: %1</source>
        <translation>Impossible d&apos;écrire dans la base de données&#xa0;: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a PostgreSQL URL; write postgresql://USER:PASSWORD@HOST:PORT/DATABASE.</source>
        <translation>« %1 » n&apos;est pas une URL PostgreSQL ; écrivez postgresql://USER:PASSWORD@HOST:PORT/DATABASE.</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is not installed; on Debian install libqt6sql6-psql.</source>
        <translation>Le pilote PostgreSQL de Qt (QPSQL) n&apos;est pas installé ; sous Debian, installez libqt6sql6-psql.</translation>
    </message>
    <message>
        <source>Could not connect to PostgreSQL at %1: %2</source>
        <translation>Connexion impossible à PostgreSQL sur %1 : %2</translation>
    </message>
    <message>
        <source>The temporary-storage check could not run: %1</source>
        <translation>La vérification du stockage temporaire n&apos;a pas pu s&apos;exécuter : %1</translation>
    </message>
    <message>
        <source>Temporary tables and sorts may be written to unencrypted files (temp_store is not MEMORY).</source>
        <translation>Les tables temporaires et les tris peuvent être écrits dans des fichiers non chiffrés (temp_store n&apos;est pas MEMORY).</translation>
    </message>
    <message>
        <source>Could not read the schema versions: %1</source>
        <translation>Impossible de lire les versions du schéma&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not insert into %1: %2 values do not make rows of %3.</source>
        <translation>Impossible d&apos;insérer dans %1 : %2 valeurs ne forment pas des lignes de %3.</translation>
    </message>
    <message>
        <source>Could not set the indexes aside for the load: %1</source>
        <translation>Impossible de mettre les index de côté pour le chargement : %1</translation>
    </message>
    <message>
        <source>Could not make the index %1 again (set aside for a large load; it is tried again at the next start): %2</source>
        <translation>Impossible de recréer l&apos;index %1 (mis de côté pour un chargement important ; nouvel essai au prochain démarrage) : %2</translation>
    </message>
    <message>
        <source>Could not make the trigger %1 again (set aside for a large load; it is tried again at the next start): %2</source>
        <translation>Impossible de recréer le déclencheur %1 (mis de côté pour un chargement important ; nouvel essai au prochain démarrage) : %2</translation>
    </message>
</context>
<context>
    <name>DatabaseCommands</name>
    <message>
        <source>Print JSON.</source>
        <translation>Afficher en JSON.</translation>
    </message>
    <message>
        <source>unknown time zone &quot;%1&quot; (use an IANA name such as Europe/Berlin).</source>
        <translation>fuseau horaire inconnu «&#xa0;%1&#xa0;» (utilisez un nom IANA comme Europe/Paris).</translation>
    </message>
    <message>
        <source>The database in %1 is ready (schema version %2).</source>
        <translation>La base de données de %1 est prête (version de schéma %2).</translation>
    </message>
    <message>
        <source>Created an encrypted database in %1 (schema version %2); its key is in %3.</source>
        <translation>Base de données chiffrée créée dans %1 (version de schéma %2)&#xa0;; sa clé se trouve dans %3.</translation>
    </message>
    <message>
        <source>seed needs --patients N and --appointments M.</source>
        <translation>seed attend --patients N et --appointments M.</translation>
    </message>
    <message>
        <source>--patients must be a whole number from 1 to 10000000.</source>
        <translation>--patients doit être un nombre entier de 1 à 10000000.</translation>
    </message>
    <message>
        <source>--appointments must be a whole number from 0 to 100000000.</source>
        <translation>--appointments doit être un nombre entier de 0 à 100000000.</translation>
    </message>
    <message>
        <source>--seed must be a whole number.</source>
        <translation>--seed doit être un nombre entier.</translation>
    </message>
    <message>
        <source>--today must be a date as YYYY-MM-DD.</source>
        <translation>--today doit être une date au format AAAA-MM-JJ.</translation>
    </message>
    <message>
        <source>Seeding: %1%</source>
        <translation>Création des données de démonstration&#xa0;: %1 %</translation>
    </message>
    <message>
        <source>Database: %1 (SQLCipher %2, schema version %3)</source>
        <translation>Base de données&#xa0;: %1 (SQLCipher %2, version de schéma %3)</translation>
    </message>
    <message>
        <source>%1: encrypted with SQLCipher %2, schema version %3, integrity ok.</source>
        <translation>%1&#xa0;: chiffrée avec SQLCipher %2, version de schéma %3, intégrité correcte.</translation>
    </message>
    <message>
        <source>wipe asks for confirmation; pass --yes when running it from a script.</source>
        <translation>wipe demande une confirmation&#xa0;; passez --yes si vous le lancez depuis un script.</translation>
    </message>
    <message>
        <source>This removes %1 and its key for good. Type &quot;wipe&quot; to confirm: </source>
        <translation>Ceci supprime définitivement %1 et sa clé. Tapez «&#xa0;wipe&#xa0;» pour confirmer&#xa0;: </translation>
    </message>
    <message>
        <source>Nothing was removed.</source>
        <translation>Rien n&apos;a été supprimé.</translation>
    </message>
    <message>
        <source>Wiped %1: the database files and its key are gone.</source>
        <translation>%1 effacé&#xa0;: les fichiers de la base de données et sa clé ont disparu.</translation>
    </message>
    <message>
        <source>Create the encrypted database (and its key) in the data directory.</source>
        <translation>Créer la base de données chiffrée (et sa clé) dans le répertoire des données.</translation>
    </message>
    <message>
        <source>The clinic&apos;s time zone (IANA), default Europe/Berlin.</source>
        <translation>Le fuseau horaire du cabinet (IANA), par défaut Europe/Berlin.</translation>
    </message>
    <message>
        <source>The clinic&apos;s name.</source>
        <translation>Le nom du cabinet.</translation>
    </message>
    <message>
        <source>Add realistic, deterministic demo data.</source>
        <translation>Ajouter des données de démonstration réalistes et reproductibles.</translation>
    </message>
    <message>
        <source>How many patients.</source>
        <translation>Nombre de patients.</translation>
    </message>
    <message>
        <source>How many appointments.</source>
        <translation>Nombre de rendez-vous.</translation>
    </message>
    <message>
        <source>The random seed (default 1).</source>
        <translation>La graine aléatoire (par défaut 1).</translation>
    </message>
    <message>
        <source>The day the demo clinic calls today (YYYY-MM-DD).</source>
        <translation>Le jour que le cabinet de démonstration considère comme aujourd&apos;hui (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <source>Row counts per table.</source>
        <translation>Nombre de lignes par table.</translation>
    </message>
    <message>
        <source>Check the database&apos;s integrity and encryption.</source>
        <translation>Vérifier l&apos;intégrité et le chiffrement de la base de données.</translation>
    </message>
    <message>
        <source>Re-encrypt the database with a new random key.</source>
        <translation>Rechiffrer la base de données avec une nouvelle clé aléatoire.</translation>
    </message>
    <message>
        <source>Remove the database, its WAL and journal files, and its key.</source>
        <translation>Supprimer la base de données, ses fichiers WAL et de journal, et sa clé.</translation>
    </message>
    <message>
        <source>Do not ask for confirmation.</source>
        <translation>Ne pas demander de confirmation.</translation>
    </message>
    <message>
        <source>Seeded %1 patients, %2 practitioners, %3 rooms, %4 appointments, %5 messages, %6 recalls and %7 patient-record entries in %8 s.</source>
        <translation>%1 patients, %2 praticiens, %3 salles, %4 rendez-vous, %5 messages, %6 relances de suivi et %7 entrées de dossier créés en %8 s.</translation>
    </message>
    <message>
        <source>The clinic&apos;s phone number, as patients should call it.</source>
        <translation>Le numéro de téléphone du cabinet, tel que les patients doivent l&apos;appeler.</translation>
    </message>
    <message>
        <source>This workstation is enrolled at a server, where the clinic&apos;s settings are shared: change them with frontdeskctl --user NAME settings set KEY VALUE (clinic_time_zone, clinic_name, clinic_phone), which sends the change to the other workstations.</source>
        <translation>Ce poste de travail est inscrit auprès d&apos;un serveur, qui partage les réglages du cabinet : modifiez-les avec frontdeskctl --user NAME settings set KEY VALUE (clinic_time_zone, clinic_name, clinic_phone), qui transmet la modification aux autres postes.</translation>
    </message>
</context>
<context>
    <name>DatabaseKeys</name>
    <message>
        <source>Could not read the database key for %1 from %2: %3</source>
        <translation>Impossible de lire la clé de la base de données de %1 depuis %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; in %2 is not a database key: it holds %3 bytes instead of %4. Frontdesk will not open the database in %5 with it.</source>
        <translation>L&apos;entrée «&#xa0;%1&#xa0;» dans %2 n&apos;est pas une clé de base de données&#xa0;: elle contient %3 octets au lieu de %4. Frontdesk n&apos;ouvrira pas la base de données de %5 avec elle.</translation>
    </message>
    <message>
        <source>Refusing to store a database key of %1 bytes; it must be %2 bytes.</source>
        <translation>Refus d&apos;enregistrer une clé de base de données de %1 octets&#xa0;; elle doit faire %2 octets.</translation>
    </message>
    <message>
        <source>Could not store the database key for %1 in %2: %3</source>
        <translation>Impossible d&apos;enregistrer la clé de la base de données de %1 dans %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>The database in %1 exists, but its key (entry &quot;%2&quot;) is missing from %3.
Frontdesk will not create a new key over existing data: the data could never be read again.
To go on, do one of these:
- restore the keychain entry (for example from a backup of the keychain), then start Frontdesk again;
- if the key was saved to a key file, start Frontdesk with --key-file PATH pointing to that file;
- or run `frontdeskctl wipe` to delete this database and start over. All data in it is lost.</source>
        <translation>La base de données de %1 existe, mais sa clé (entrée «&#xa0;%2&#xa0;») manque dans %3.
Frontdesk ne créera pas de nouvelle clé par-dessus des données existantes&#xa0;: elles ne pourraient plus jamais être lues.
Pour continuer, faites l&apos;une de ces opérations&#xa0;:
- restaurez l&apos;entrée du trousseau (par exemple depuis une sauvegarde du trousseau), puis relancez Frontdesk&#xa0;;
- si la clé a été sauvegardée dans un fichier de clé, lancez Frontdesk avec --key-file CHEMIN désignant ce fichier&#xa0;;
- ou lancez `frontdeskctl wipe` pour supprimer cette base de données et repartir de zéro. Toutes ses données seront perdues.</translation>
    </message>
    <message>
        <source>Could not generate a database key: libsodium failed to initialise.</source>
        <translation>Impossible de générer une clé de base de données&#xa0;: l&apos;initialisation de libsodium a échoué.</translation>
    </message>
    <message>
        <source>reading it back found no entry</source>
        <translation>la relecture n&apos;a trouvé aucune entrée</translation>
    </message>
    <message>
        <source>reading it back gave a different key</source>
        <translation>la relecture a donné une clé différente</translation>
    </message>
    <message>
        <source>The new database key for %1 was not kept by %2: %3</source>
        <translation>La nouvelle clé de la base de données de %1 n&apos;a pas été conservée par %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>Could not remove the pending database key for %1 from %2: %3</source>
        <translation>Impossible de retirer la clé en attente de la base de données de %1 (emplacement&#xa0;: %2)&#xa0;: %3</translation>
    </message>
    <message>
        <source>Could not remove the database key for %1 from %2: %3</source>
        <translation>Impossible de retirer la clé de la base de données de %1 (emplacement&#xa0;: %2)&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>DayListExport</name>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n rendez-vous</numerusform>
            <numerusform>%n rendez-vous</numerusform>
        </translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Salle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Day list %1</source>
        <translation>Liste du jour %1</translation>
    </message>
    <message>
        <source>Could not make the PDF for %1.</source>
        <translation>Impossible de créer le PDF pour %1.</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Né(e) le</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>No appointments on %1.</source>
        <translation>Aucun rendez-vous le %1.</translation>
    </message>
</context>
<context>
    <name>DemoRecordSeeder</name>
    <message>
        <source>Asked at the desk to stop SMS reminders</source>
        <translation>A demandé à l&apos;accueil de ne plus recevoir de rappels par SMS</translation>
    </message>
    <message>
        <source>Needs an interpreter (%1)</source>
        <translation>A besoin d&apos;un interprète (%1)</translation>
    </message>
    <message>
        <source>Fall risk: offer help at the desk and a chair</source>
        <translation>Risque de chute&#xa0;: proposer de l&apos;aide et une chaise à l&apos;accueil</translation>
    </message>
    <message>
        <source>Wheelchair user: book a ground-floor room</source>
        <translation>Patient en fauteuil roulant&#xa0;: réserver une salle au rez-de-chaussée</translation>
    </message>
    <message>
        <source>Paracetamol 500 mg tablet</source>
        <translation>Paracétamol 500 mg comprimé</translation>
    </message>
    <message>
        <source>1–2 tablets up to four times daily, when needed</source>
        <translation>1 à 2 comprimés jusqu&apos;à quatre fois par jour si besoin</translation>
    </message>
    <message>
        <source>Cough for %1 days, no fever. Chest clear on auscultation. Fluids and rest advised; review if not better in two weeks.</source>
        <translation>Toux depuis %1 jours, sans fièvre. Auscultation pulmonaire normale. Hydratation et repos conseillés&#xa0;; à revoir en l&apos;absence d&apos;amélioration dans deux semaines.</translation>
    </message>
    <message>
        <source>Lab results discussed: %1. Treatment unchanged.</source>
        <translation>Résultats biologiques discutés&#xa0;: %1. Traitement inchangé.</translation>
    </message>
    <message>
        <source>BP %1/%2 mmHg. %3</source>
        <translation>TA %1/%2 mmHg. %3</translation>
    </message>
    <message>
        <source>Amlodipine continued; recheck in three months.</source>
        <translation>Amlodipine poursuivie&#xa0;; contrôle dans trois mois.</translation>
    </message>
    <message>
        <source>No treatment needed; recheck in a year.</source>
        <translation>Aucun traitement nécessaire&#xa0;; contrôle dans un an.</translation>
    </message>
    <message>
        <source>Annual check-up. BP %1/%2 mmHg, weight %3 kg. Lifestyle advice given.</source>
        <translation>Bilan annuel. TA %1/%2 mmHg, poids %3 kg. Conseils d&apos;hygiène de vie donnés.</translation>
    </message>
    <message>
        <source>Influenza vaccine given into the left deltoid. No immediate reaction.</source>
        <translation>Vaccin antigrippal injecté dans le deltoïde gauche. Pas de réaction immédiate.</translation>
    </message>
    <message>
        <source>Minor procedure under local anaesthetic; wound closed with two sutures, removal in ten days.</source>
        <translation>Petite intervention sous anesthésie locale&#xa0;; plaie fermée par deux points de suture, ablation dans dix jours.</translation>
    </message>
    <message>
        <source>Lower back pain after lifting, no red flags. Exercises and pain relief advised.</source>
        <translation>Lombalgie après un port de charge, sans signe d&apos;alerte. Exercices et antalgiques conseillés.</translation>
    </message>
    <message>
        <source>Seen for %1. Examination unremarkable; advice given.</source>
        <translation>Vu pour %1. Examen sans particularité&#xa0;; conseils donnés.</translation>
    </message>
    <message>
        <source>Influenza, seasonal, injectable, preservative free</source>
        <translation>Grippe, saisonnier, injectable, sans conservateur</translation>
    </message>
    <message>
        <source>Essential hypertension</source>
        <translation>Hypertension artérielle essentielle</translation>
    </message>
    <message>
        <source>Amlodipine 5 mg tablet</source>
        <translation>Amlodipine 5 mg comprimé</translation>
    </message>
    <message>
        <source>1 tablet once daily</source>
        <translation>1 comprimé une fois par jour</translation>
    </message>
    <message>
        <source>Diabetes mellitus type 2</source>
        <translation>Diabète de type 2</translation>
    </message>
    <message>
        <source>Metformin 500 mg tablet</source>
        <translation>Metformine 500 mg comprimé</translation>
    </message>
    <message>
        <source>1 tablet twice daily with meals</source>
        <translation>1 comprimé deux fois par jour au cours des repas</translation>
    </message>
    <message>
        <source>Asthma</source>
        <translation>Asthme</translation>
    </message>
    <message>
        <source>Salbutamol 100 micrograms inhaler</source>
        <translation>Salbutamol 100 microgrammes inhalateur</translation>
    </message>
    <message>
        <source>2 puffs when needed</source>
        <translation>2 bouffées si besoin</translation>
    </message>
    <message>
        <source>Hypothyroidism</source>
        <translation>Hypothyroïdie</translation>
    </message>
    <message>
        <source>Levothyroxine 50 micrograms tablet</source>
        <translation>Lévothyroxine 50 microgrammes comprimé</translation>
    </message>
    <message>
        <source>1 tablet in the morning before breakfast</source>
        <translation>1 comprimé le matin avant le petit-déjeuner</translation>
    </message>
    <message>
        <source>Hyperlipidaemia</source>
        <translation>Hyperlipidémie</translation>
    </message>
    <message>
        <source>Atorvastatin 20 mg tablet</source>
        <translation>Atorvastatine 20 mg comprimé</translation>
    </message>
    <message>
        <source>1 tablet at night</source>
        <translation>1 comprimé le soir</translation>
    </message>
    <message>
        <source>Osteoarthritis of knee</source>
        <translation>Gonarthrose</translation>
    </message>
    <message>
        <source>Ibuprofen 400 mg tablet</source>
        <translation>Ibuprofène 400 mg comprimé</translation>
    </message>
    <message>
        <source>1 tablet up to three times daily with food, when needed</source>
        <translation>1 comprimé jusqu&apos;à trois fois par jour au cours des repas, si besoin</translation>
    </message>
    <message>
        <source>Migraine</source>
        <translation>Migraine</translation>
    </message>
    <message>
        <source>Sumatriptan 50 mg tablet</source>
        <translation>Sumatriptan 50 mg comprimé</translation>
    </message>
    <message>
        <source>1 tablet at the onset of an attack</source>
        <translation>1 comprimé dès le début d&apos;une crise</translation>
    </message>
    <message>
        <source>Depressive disorder</source>
        <translation>Trouble dépressif</translation>
    </message>
    <message>
        <source>Sertraline 50 mg tablet</source>
        <translation>Sertraline 50 mg comprimé</translation>
    </message>
    <message>
        <source>Penicillin</source>
        <translation>Pénicilline</translation>
    </message>
    <message>
        <source>Hives and swelling of the face</source>
        <translation>Urticaire et gonflement du visage</translation>
    </message>
    <message>
        <source>Ibuprofen</source>
        <translation>Ibuprofène</translation>
    </message>
    <message>
        <source>Wheezing</source>
        <translation>Respiration sifflante</translation>
    </message>
    <message>
        <source>Peanut</source>
        <translation>Arachide</translation>
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
        <translation>Dermatite de contact</translation>
    </message>
    <message>
        <source>Grass pollen</source>
        <translation>Pollen de graminées</translation>
    </message>
    <message>
        <source>Hay fever</source>
        <translation>Rhume des foins</translation>
    </message>
    <message>
        <source>Sulfonamide antibiotics</source>
        <translation>Antibiotiques sulfamidés</translation>
    </message>
    <message>
        <source>Skin rash</source>
        <translation>Éruption cutanée</translation>
    </message>
    <message>
        <source>sore throat</source>
        <translation>un mal de gorge</translation>
    </message>
    <message>
        <source>headache</source>
        <translation>des maux de tête</translation>
    </message>
    <message>
        <source>a skin rash</source>
        <translation>une éruption cutanée</translation>
    </message>
    <message>
        <source>tiredness</source>
        <translation>une fatigue</translation>
    </message>
    <message>
        <source>ear pain</source>
        <translation>une douleur d&apos;oreille</translation>
    </message>
    <message>
        <source>HbA1c 6.8 %</source>
        <translation>HbA1c 6,8 %</translation>
    </message>
    <message>
        <source>LDL cholesterol slightly raised</source>
        <translation>cholestérol LDL légèrement élevé</translation>
    </message>
    <message>
        <source>TSH within the normal range</source>
        <translation>TSH dans les normes</translation>
    </message>
    <message>
        <source>full blood count normal</source>
        <translation>numération formule sanguine normale</translation>
    </message>
    <message>
        <source>Systolic blood pressure</source>
        <translation>Pression artérielle systolique</translation>
    </message>
    <message>
        <source>Diastolic blood pressure</source>
        <translation>Pression artérielle diastolique</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Fréquence cardiaque</translation>
    </message>
    <message>
        <source>Body weight</source>
        <translation>Poids</translation>
    </message>
</context>
<context>
    <name>DemoSeeder</name>
    <message>
        <source>Seeding needs at least one patient and no negative number of appointments.</source>
        <translation>La création de données de démonstration nécessite au moins un patient et un nombre de rendez-vous non négatif.</translation>
    </message>
    <message>
        <source>Unknown time zone &quot;%1&quot;.</source>
        <translation>Fuseau horaire inconnu «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Room %1</source>
        <translation>Salle %1</translation>
    </message>
    <message>
        <source>Treatment room</source>
        <translation>Salle de soins</translation>
    </message>
    <message>
        <source>Consulting room</source>
        <translation>Cabinet de consultation</translation>
    </message>
    <message>
        <source>Dr.</source>
        <translation>Dr</translation>
    </message>
    <message>
        <source>Cancelled by patient</source>
        <translation>Annulé par le patient</translation>
    </message>
    <message>
        <source>Cancelled by clinic</source>
        <translation>Annulé par le cabinet</translation>
    </message>
    <message>
        <source>Your appointment on %1</source>
        <translation>Votre rendez-vous du %1</translation>
    </message>
    <message>
        <source>Seeding failed; nothing was added: %1</source>
        <translation>La création des données de démonstration a échoué&#xa0;; rien n&apos;a été ajouté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Re: Reminder</source>
        <translation>RE&#xa0;: Rappel</translation>
    </message>
    <message>
        <source>General practice</source>
        <translation>Médecine générale</translation>
    </message>
    <message>
        <source>Internal medicine</source>
        <translation>Médecine interne</translation>
    </message>
    <message>
        <source>Paediatrics</source>
        <translation>Pédiatrie</translation>
    </message>
    <message>
        <source>Dermatology</source>
        <translation>Dermatologie</translation>
    </message>
    <message>
        <source>Gynaecology</source>
        <translation>Gynécologie</translation>
    </message>
    <message>
        <source>Physiotherapy</source>
        <translation>Kinésithérapie</translation>
    </message>
    <message>
        <source>Nursing</source>
        <translation>Soins infirmiers</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Persistent cough</source>
        <translation>Toux persistante</translation>
    </message>
    <message>
        <source>Follow-up on lab results</source>
        <translation>Suivi des résultats d&apos;analyses</translation>
    </message>
    <message>
        <source>Blood pressure review</source>
        <translation>Contrôle de la tension artérielle</translation>
    </message>
    <message>
        <source>Annual check-up</source>
        <translation>Bilan de santé annuel</translation>
    </message>
    <message>
        <source>Influenza vaccination</source>
        <translation>Vaccination antigrippale</translation>
    </message>
    <message>
        <source>Minor procedure</source>
        <translation>Petite intervention</translation>
    </message>
    <message>
        <source>Back pain</source>
        <translation>Mal de dos</translation>
    </message>
    <message>
        <source>Vaccination booster</source>
        <translation>Rappel de vaccination</translation>
    </message>
    <message>
        <source>Diabetes review</source>
        <translation>Suivi du diabète</translation>
    </message>
    <message>
        <source>Follow-up after treatment</source>
        <translation>Suivi après traitement</translation>
    </message>
    <message>
        <source>dddd d MMMM, HH:mm</source>
        <comment>date and time of a reminder (QLocale::toString format)</comment>
        <translation>dddd d MMMM, HH:mm</translation>
    </message>
    <message>
        <source>Reminder: your appointment is on %1. Reply C to confirm, CANCEL to cancel or R to reschedule.</source>
        <translation>Rappel&#xa0;: votre rendez-vous est le %1. Répondez C pour confirmer, ANNULER pour l’annuler ou R pour le déplacer.</translation>
    </message>
    <message>
        <source>The SMS was not delivered: %1</source>
        <translation>Le SMS n&apos;a pas été remis&#xa0;: %1</translation>
    </message>
    <message>
        <source>The mail server refused the message: %1</source>
        <translation>Le serveur de messagerie a refusé le message&#xa0;: %1</translation>
    </message>
    <message>
        <source>Hello, could my appointment on Friday be moved to the afternoon?</source>
        <translation>Bonjour, mon rendez-vous de vendredi pourrait-il être déplacé à l&apos;après-midi&#xa0;?</translation>
    </message>
    <message>
        <source>Please call me back about my test results.</source>
        <translation>Merci de me rappeler au sujet de mes résultats d&apos;examens.</translation>
    </message>
    <message>
        <source>Appointment reminder (SMS)</source>
        <translation>Rappel de rendez-vous (SMS)</translation>
    </message>
    <message>
        <source>Hello {first_name}, this is a reminder of your appointment on {appointment_date} at {appointment_time} with {practitioner}. Reply C to confirm or CANCEL to cancel.</source>
        <comment>demo SMS template: keep the placeholders in braces; the reply words (C, CANCEL) must be ones the server understands: C, J, STORNO, ANNULER, CANCELAR</comment>
        <translation>Bonjour {first_name}, nous vous rappelons votre rendez-vous du {appointment_date} à {appointment_time} avec {practitioner}. Répondez C pour confirmer ou ANNULER pour annuler.</translation>
    </message>
    <message>
        <source>Follow-up after a visit</source>
        <translation>Suivi après une visite</translation>
    </message>
    <message>
        <source>How are you, {first_name}?</source>
        <translation>Comment allez-vous depuis votre visite&#xa0;?</translation>
    </message>
    <message>
        <source>Dear {first_name} {family_name}, thank you for your visit with {practitioner} on {appointment_date}. If your symptoms have not improved, please call us to book a follow-up appointment.</source>
        <comment>demo template: keep the placeholders in braces</comment>
        <translation>Bonjour {first_name} {family_name}, merci pour votre visite auprès de {practitioner} le {appointment_date}. Si vos symptômes ne se sont pas améliorés, appelez-nous pour prendre un rendez-vous de suivi.</translation>
    </message>
    <message>
        <source>Recall: check-up due</source>
        <translation>Relance de suivi&#xa0;: contrôle à prévoir</translation>
    </message>
    <message>
        <source>Time for your check-up</source>
        <translation>Il est temps de faire votre contrôle</translation>
    </message>
    <message>
        <source>Dear {first_name} {family_name}, according to our records you are due for a check-up. Please call us to book an appointment.</source>
        <comment>demo template: keep the placeholders in braces</comment>
        <translation>Bonjour {first_name} {family_name}, d&apos;après notre dossier, un contrôle est à prévoir pour vous. Appelez-nous pour prendre rendez-vous.</translation>
    </message>
    <message>
        <source>How was your visit? Reply with a number from 1 (poor) to 5 (very good).</source>
        <translation>Comment s&apos;est passée votre visite&#xa0;? Répondez par un chiffre de 1 (mauvais) à 5 (très bien).</translation>
    </message>
    <message>
        <source>Thank you for your visit.</source>
        <translation>Merci de votre visite.</translation>
    </message>
    <message>
        <source>Mornings only</source>
        <translation>Le matin uniquement</translation>
    </message>
    <message>
        <source>Can come at short notice</source>
        <translation>Peut venir au dernier moment</translation>
    </message>
    <message>
        <source>Call to remind of the appointment on %1 (the patient prefers a call).</source>
        <translation>Appeler pour rappeler le rendez-vous du %1 (le patient préfère un appel).</translation>
    </message>
    <message>
        <source>Offer the freed time from the waitlist: %1, %2 min with %3 (another patient cancelled).</source>
        <translation>Proposer le créneau libéré à la liste d&apos;attente&#xa0;: %1, %2 min avec %3 (un autre patient a annulé).</translation>
    </message>
</context>
<context>
    <name>DuplicateScore</name>
    <message>
        <source>same name and birth date</source>
        <translation>même nom et même date de naissance</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>même nom</translation>
    </message>
    <message>
        <source>family and given name swapped</source>
        <translation>nom et prénom inversés</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>nom similaire</translation>
    </message>
    <message>
        <source>same birth date</source>
        <translation>même date de naissance</translation>
    </message>
    <message>
        <source>birth date with day and month swapped</source>
        <translation>date de naissance avec jour et mois inversés</translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation>même numéro de téléphone</translation>
    </message>
    <message>
        <source>same e-mail address</source>
        <translation>même adresse e-mail</translation>
    </message>
</context>
<context>
    <name>EncounterRepository</name>
    <message>
        <source>An encounter needs a patient.</source>
        <translation>Une consultation nécessite un patient.</translation>
    </message>
</context>
<context>
    <name>Enrollment</name>
    <message>
        <source>Enrolling takes an administrator&apos;s name and password at the server.</source>
        <translation>L&apos;inscription nécessite le nom et le mot de passe d&apos;un administrateur du serveur.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the enrollment holds no workstation credential.</source>
        <translation>La réponse du serveur à l&apos;inscription ne contient aucun identifiant de poste de travail.</translation>
    </message>
    <message>
        <source>The server enrolled the workstation but refused its credential: %1</source>
        <translation>Le serveur a inscrit le poste de travail mais a refusé ses identifiants : %1</translation>
    </message>
    <message>
        <source>No workstation credential in %1; enroll again.</source>
        <translation>Aucun identifiant de poste de travail dans %1 ; inscrivez-le de nouveau.</translation>
    </message>
    <message>
        <source>The credential in %1 is for another workstation (%2); enroll again.</source>
        <translation>Les identifiants dans %1 appartiennent à un autre poste de travail (%2) ; inscrivez-le de nouveau.</translation>
    </message>
    <message>
        <source>No workstation credential in %1; enroll this workstation again.</source>
        <translation>Aucun identifiant de poste de travail dans %1 ; inscrivez de nouveau ce poste de travail.</translation>
    </message>
</context>
<context>
    <name>FhirExporter</name>
    <message>
        <source>The patient %1 was deleted.</source>
        <translation>Le patient %1 a été supprimé.</translation>
    </message>
</context>
<context>
    <name>FhirImporter</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>%1 holds no .json files.</source>
        <translation>%1 ne contient aucun fichier .json.</translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1&#xa0;: lecture impossible&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: not valid JSON at byte %2: %3</source>
        <translation>%1&#xa0;: JSON non valide à l&apos;octet %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1: not a FHIR Bundle (resourceType must be &quot;Bundle&quot;).</source>
        <translation>%1&#xa0;: pas un Bundle FHIR (resourceType doit valoir «&#xa0;Bundle&#xa0;»).</translation>
    </message>
    <message>
        <source>%1: the Bundle has no entry array.</source>
        <translation>%1&#xa0;: le Bundle n&apos;a pas de tableau entry.</translation>
    </message>
    <message>
        <source>%1: entry %2</source>
        <translation>%1&#xa0;: entrée %2</translation>
    </message>
    <message>
        <source>%1: entry %2 (%3)</source>
        <translation>%1&#xa0;: entrée %2 (%3)</translation>
    </message>
    <message>
        <source>%1: has no resource object.</source>
        <translation>%1&#xa0;: n&apos;a pas d&apos;objet resource.</translation>
    </message>
    <message>
        <source>%1: the resource has no resourceType.</source>
        <translation>%1&#xa0;: la ressource n&apos;a pas de resourceType.</translation>
    </message>
    <message>
        <source>%1: %2 has no identifier, fullUrl or id, so a second import could not recognise it.</source>
        <translation>%1&#xa0;: %2 n&apos;a ni identifier, ni fullUrl, ni id&#xa0;: un second import ne pourrait donc pas le reconnaître.</translation>
    </message>
    <message>
        <source>DocumentReference: content[0].attachment.data is missing or not base64.</source>
        <translation>DocumentReference&#xa0;: content[0].attachment.data est absent ou n&apos;est pas en base64.</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1&#xa0;: %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1: %2 does not say which patient it belongs to (subject, patient or beneficiary).</source>
        <translation>%1&#xa0;: %2 n&apos;indique pas à quel patient il appartient (subject, patient ou beneficiary).</translation>
    </message>
    <message>
        <source>%1: DocumentReference names no encounter (context.encounter).</source>
        <translation>%1&#xa0;: DocumentReference ne désigne aucune consultation (context.encounter).</translation>
    </message>
    <message>
        <source>%1: %2 refers to the patient &quot;%3&quot;, which is neither in this bundle nor in the database.</source>
        <translation>%1&#xa0;: %2 fait référence au patient «&#xa0;%3&#xa0;», qui n&apos;est ni dans ce Bundle ni dans la base de données.</translation>
    </message>
    <message>
        <source>%1: %2 refers to the encounter &quot;%3&quot;, which is neither in this bundle nor in the database.</source>
        <translation>%1&#xa0;: %2 fait référence à la consultation «&#xa0;%3&#xa0;», qui n&apos;est ni dans ce Bundle ni dans la base de données.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1the linked patient &quot;%2&quot; was not found.</source>
        <translation>%1le patient lié «&#xa0;%2&#xa0;» est introuvable.</translation>
    </message>
    <message>
        <source>%1: Patient link[%2] refers to the patient itself.</source>
        <translation>%1&#xa0;: Patient link[%2] fait référence au patient lui-même.</translation>
    </message>
    <message>
        <source>%1: Patient link[%2] (%3) refers to the patient &quot;%4&quot;, which is neither in this bundle nor in the database.</source>
        <translation>%1&#xa0;: Patient link[%2] (%3) fait référence au patient «&#xa0;%4&#xa0;», qui n&apos;est ni dans ce Bundle ni dans la base de données.</translation>
    </message>
    <message>
        <source>Consent (communication preference)</source>
        <translation>Consent (préférence de communication)</translation>
    </message>
    <message>
        <source>%1: </source>
        <translation>%1&#xa0;: </translation>
    </message>
    <message>
        <source>%1, %2 (MRN %3, id %4)</source>
        <translation>%1, %2 (n° de dossier %3, id %4)</translation>
    </message>
    <message>
        <source>the file&apos;s patient %1, %2 (MRN %3) has the id of the local patient %4, whom none of its identifiers names; it would overwrite another patient&apos;s record, so nothing was imported.</source>
        <translation>le patient %1, %2 (n° de dossier %3) du fichier a l&apos;id du patient local %4, qu&apos;aucun de ses identifiants ne désigne&#xa0;; il écraserait le dossier d&apos;un autre patient, donc rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>the note for the patient %1 names the encounter %2 of the patient %3; it is not attached.</source>
        <translation>la note du patient %1 désigne la consultation %2 du patient %3&#xa0;; elle n&apos;est pas jointe.</translation>
    </message>
    <message>
        <source>the file&apos;s %1 &quot;%2&quot; for the patient %3 has the id of a local record of the patient %4; it is not overwritten.</source>
        <translation>la ressource %1 «&#xa0;%2&#xa0;» du fichier pour le patient %3 a l&apos;id d&apos;un enregistrement local du patient %4&#xa0;; il n&apos;est pas écrasé.</translation>
    </message>
    <message>
        <source>%1: is %2 MiB, more than the %3 MiB one file may have (frontdeskctl import-fhir --max-size raises the limit); nothing from it was read.</source>
        <translation>%1&#xa0;: fait %2 Mio, plus que les %3 Mio permis pour un fichier (frontdeskctl import-fhir --max-size relève la limite)&#xa0;; rien n&apos;en a été lu.</translation>
    </message>
</context>
<context>
    <name>FhirJson</name>
    <message>
        <source>resourceType must be %1.</source>
        <translation>resourceType doit être %1.</translation>
    </message>
    <message>
        <source>%1 is missing: it must read %2/ID.</source>
        <translation>%1 manque : il doit s&apos;écrire %2/ID.</translation>
    </message>
    <message>
        <source>%1 must read %2/ID; got &quot;%3&quot;.</source>
        <translation>%1 doit s&apos;écrire %2/ID ; reçu : « %3 ».</translation>
    </message>
    <message>
        <source>%1 must be an instant with seconds and a time zone, e.g. 2026-07-06T09:00:00Z; got &quot;%2&quot;.</source>
        <translation>%1 doit être un instant avec secondes et fuseau horaire, p. ex. 2026-07-06T09:00:00Z ; reçu « %2 ».</translation>
    </message>
    <message>
        <source>%1 must be a date (YYYY-MM-DD); got &quot;%2&quot;.</source>
        <translation>%1 doit être une date (AAAA-MM-JJ) ; reçu : « %2 ».</translation>
    </message>
    <message>
        <source>%1 must be a time of day (hh:mm:ss); got &quot;%2&quot;.</source>
        <translation>%1 doit être une heure (hh:mm:ss) ; reçu : « %2 ».</translation>
    </message>
    <message>
        <source>%1 must be one of %2; got &quot;%3&quot;.</source>
        <translation>%1 doit être l&apos;une des valeurs %2 ; reçu : « %3 ».</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3.</source>
        <translation>%1 doit être un nombre entier de %2 à %3.</translation>
    </message>
</context>
<context>
    <name>FhirMapping</name>
    <message>
        <source>%1 must be a string.</source>
        <translation>%1 doit être une chaîne.</translation>
    </message>
    <message>
        <source>%1 must be an object.</source>
        <translation>%1 doit être un objet.</translation>
    </message>
    <message>
        <source>%1 must be an array.</source>
        <translation>%1 doit être un tableau.</translation>
    </message>
    <message>
        <source>%1[0] must be an object.</source>
        <translation>%1[0] doit être un objet.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a FHIR dateTime.</source>
        <translation>%1 «&#xa0;%2&#xa0;» n&apos;est pas un dateTime FHIR.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a date (YYYY-MM-DD).</source>
        <translation>%1 «&#xa0;%2&#xa0;» n&apos;est pas une date (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <source>resourceType is &quot;%1&quot;, expected %2.</source>
        <translation>resourceType vaut «&#xa0;%1&#xa0;», %2 attendu.</translation>
    </message>
    <message>
        <source>the Patient has no identifier to use as its medical record number.</source>
        <translation>le Patient n&apos;a aucun identifier utilisable comme numéro de dossier.</translation>
    </message>
    <message>
        <source>name.given must hold strings.</source>
        <translation>name.given doit contenir des chaînes.</translation>
    </message>
    <message>
        <source>the Patient has no family name (name.family).</source>
        <translation>le Patient n&apos;a pas de nom de famille (name.family).</translation>
    </message>
    <message>
        <source>gender &quot;%1&quot; is not female, male, other or unknown.</source>
        <translation>gender «&#xa0;%1&#xa0;» n&apos;est pas female, male, other ou unknown.</translation>
    </message>
    <message>
        <source>the Encounter has no status.</source>
        <translation>l&apos;Encounter n&apos;a pas de statut.</translation>
    </message>
    <message>
        <source>class must be a Coding object.</source>
        <translation>class doit être un objet Coding.</translation>
    </message>
    <message>
        <source>period.end lies before period.start.</source>
        <translation>period.end est antérieur à period.start.</translation>
    </message>
    <message>
        <source>the Condition has no code.</source>
        <translation>la Condition n&apos;a pas de code.</translation>
    </message>
    <message>
        <source>the AllergyIntolerance has no code (the substance).</source>
        <translation>l&apos;AllergyIntolerance n&apos;a pas de code (la substance).</translation>
    </message>
    <message>
        <source>the medication has no medicationCodeableConcept.</source>
        <translation>le médicament n&apos;a pas de medicationCodeableConcept.</translation>
    </message>
    <message>
        <source>the medication has no status.</source>
        <translation>le médicament n&apos;a pas de statut.</translation>
    </message>
    <message>
        <source>the Observation has no status.</source>
        <translation>l&apos;Observation n&apos;a pas de statut.</translation>
    </message>
    <message>
        <source>the Observation has no code.</source>
        <translation>l&apos;Observation n&apos;a pas de code.</translation>
    </message>
    <message>
        <source>%1.value must be a number.</source>
        <translation>%1.value doit être un nombre.</translation>
    </message>
    <message>
        <source>the Immunization has no vaccineCode.</source>
        <translation>l&apos;Immunization n&apos;a pas de vaccineCode.</translation>
    </message>
    <message>
        <source>the Immunization has no status.</source>
        <translation>l&apos;Immunization n&apos;a pas de statut.</translation>
    </message>
    <message>
        <source>the Coverage has no status.</source>
        <translation>la Coverage n&apos;a pas de statut.</translation>
    </message>
    <message>
        <source>the Coverage names no payor.</source>
        <translation>la Coverage ne désigne aucun payeur (payor).</translation>
    </message>
    <message>
        <source>%1 must hold objects.</source>
        <translation>%1 doit contenir des objets.</translation>
    </message>
    <message>
        <source>Patient: photo must be an array.</source>
        <translation>Patient&#xa0;: photo doit être un tableau.</translation>
    </message>
    <message>
        <source>Patient: photo.data is not valid base64.</source>
        <translation>Patient&#xa0;: photo.data n&apos;est pas du base64 valide.</translation>
    </message>
    <message>
        <source>Patient: photo: %1</source>
        <translation>Patient&#xa0;: photo&#xa0;: %1</translation>
    </message>
    <message>
        <source>Patient: photo.contentType says %1 but the data is %2.</source>
        <translation>Patient&#xa0;: photo.contentType indique %1 mais les données sont %2.</translation>
    </message>
    <message>
        <source>%1.type &quot;%2&quot; is not replaced-by, replaces, refer or seealso.</source>
        <translation>%1.type «&#xa0;%2&#xa0;» n&apos;est pas replaced-by, replaces, refer ou seealso.</translation>
    </message>
    <message>
        <source>%1.other has no reference to the other patient.</source>
        <translation>%1.other n&apos;a pas de référence à l&apos;autre patient.</translation>
    </message>
    <message>
        <source>the Consent has no status.</source>
        <translation>le Consent n&apos;a pas de statut.</translation>
    </message>
    <message>
        <source>status &quot;%1&quot; is neither active (given) nor inactive (withdrawn).</source>
        <translation>status «&#xa0;%1&#xa0;» n&apos;est ni active (donné) ni inactive (retiré).</translation>
    </message>
    <message>
        <source>the Consent has no category saying what it is for.</source>
        <translation>le Consent n&apos;a pas de category indiquant son objet.</translation>
    </message>
    <message>
        <source>the Consent has no dateTime (when it was given or withdrawn).</source>
        <translation>le Consent n&apos;a pas de dateTime (date à laquelle il a été donné ou retiré).</translation>
    </message>
    <message>
        <source>sourceAttachment.data is not valid base64.</source>
        <translation>sourceAttachment.data n&apos;est pas du base64 valide.</translation>
    </message>
    <message>
        <source>sourceAttachment.hash does not match its data (the document was changed or cut short).</source>
        <translation>sourceAttachment.hash ne correspond pas à ses données (le document a été modifié ou tronqué).</translation>
    </message>
    <message>
        <source>a communication preference must have status active, not &quot;%1&quot;.</source>
        <translation>une préférence de communication doit avoir le statut active, pas «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>provision.type &quot;%1&quot; is neither permit nor deny (opted out).</source>
        <translation>provision.type «&#xa0;%1&#xa0;» n&apos;est ni permit ni deny (désinscrit).</translation>
    </message>
    <message>
        <source>provision.purpose (system %1) must be one of %2, not &quot;%3&quot;.</source>
        <translation>provision.purpose (système %1) doit être l&apos;un de %2, pas «&#xa0;%3&#xa0;».</translation>
    </message>
    <message>
        <source>the communication preference has no extension %1 with its channel.</source>
        <translation>la préférence de communication n&apos;a pas d&apos;extension %1 indiquant son canal.</translation>
    </message>
    <message>
        <source>%1.channel must be one of %2, not &quot;%3&quot;.</source>
        <translation>%1.channel doit être l&apos;un de %2, pas «&#xa0;%3&#xa0;».</translation>
    </message>
    <message>
        <source>%1.%2.valueInteger must be minutes after midnight (0-1440).</source>
        <translation>%1.%2.valueInteger doit indiquer des minutes après minuit (0-1440).</translation>
    </message>
    <message>
        <source>the Flag has no status.</source>
        <translation>le Flag n&apos;a pas de statut.</translation>
    </message>
    <message>
        <source>status &quot;%1&quot; is neither active nor inactive.</source>
        <translation>status «&#xa0;%1&#xa0;» n&apos;est ni active ni inactive.</translation>
    </message>
    <message>
        <source>the Flag has no code.text saying what to look out for.</source>
        <translation>le Flag n&apos;a pas de code.text indiquant à quoi faire attention.</translation>
    </message>
    <message>
        <source>the flag-priority extension&apos;s code &quot;%1&quot; is not PN, PL, PM or PH.</source>
        <translation>le code «&#xa0;%1&#xa0;» de l&apos;extension flag-priority n&apos;est pas PN, PL, PM ou PH.</translation>
    </message>
</context>
<context>
    <name>FhirRecordReader</name>
    <message>
        <source>Records of the FHIR type &quot;%1&quot; are not read for sync.</source>
        <translation>Les enregistrements de type FHIR « %1 » ne sont pas lus pour la synchronisation.</translation>
    </message>
    <message>
        <source>No %1 with id %2.</source>
        <translation>Aucun élément %1 avec l&apos;identifiant %2.</translation>
    </message>
</context>
<context>
    <name>ImmunizationRepository</name>
    <message>
        <source>An immunization needs a patient and a vaccine.</source>
        <translation>Une vaccination nécessite un patient et un vaccin.</translation>
    </message>
</context>
<context>
    <name>KeyFileSecretStore</name>
    <message>
        <source>the key file %1</source>
        <translation>le fichier de clé %1</translation>
    </message>
    <message>
        <source>Could not open the key file %1: %2</source>
        <translation>Impossible d&apos;ouvrir le fichier de clé %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not check the permissions of the key file %1.</source>
        <translation>Impossible de vérifier les permissions du fichier de clé %1.</translation>
    </message>
    <message>
        <source>The key file %1 is not a regular file.</source>
        <translation>Le fichier de clé %1 n&apos;est pas un fichier ordinaire.</translation>
    </message>
    <message>
        <source>The key file %1 has mode %2, which lets other users read it, so Frontdesk refuses to use it. Make it private to its owner with: chmod 600 %1</source>
        <translation>Le fichier de clé %1 a le mode %2, qui permet à d&apos;autres utilisateurs de le lire&#xa0;; Frontdesk refuse donc de l&apos;utiliser. Rendez-le privé à son propriétaire avec&#xa0;: chmod 600 %1</translation>
    </message>
    <message>
        <source>Could not read the key file %1: %2</source>
        <translation>Impossible de lire le fichier de clé %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Frontdesk leaves it untouched; restore it from a backup or move it aside.</source>
        <translation>Frontdesk n&apos;y touche pas&#xa0;; restaurez-le depuis une sauvegarde ou mettez-le de côté.</translation>
    </message>
    <message>
        <source>The key file %1 is not valid JSON (%2 at offset %3). %4</source>
        <translation>Le fichier de clé %1 n&apos;est pas du JSON valide (%2 à la position %3). %4</translation>
    </message>
    <message>
        <source>The key file %1 does not hold a JSON object of account names and keys. %2</source>
        <translation>Le fichier de clé %1 ne contient pas d&apos;objet JSON de noms de compte et de clés. %2</translation>
    </message>
    <message>
        <source>The key file %1 has an invalid entry &quot;%2&quot;: its value is not a base64 string. %3</source>
        <translation>Le fichier de clé %1 a une entrée non valide «&#xa0;%2&#xa0;»&#xa0;: sa valeur n&apos;est pas une chaîne base64. %3</translation>
    </message>
    <message>
        <source>Could not create the key file %1: %2</source>
        <translation>Impossible de créer le fichier de clé %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not make the key file %1 private to its owner (mode 0600).</source>
        <translation>Impossible de rendre le fichier de clé %1 privé à son propriétaire (mode 0600).</translation>
    </message>
    <message>
        <source>Could not write the key file %1: %2</source>
        <translation>Impossible d&apos;écrire le fichier de clé %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The key file %1 was rewritten, but its previous content could not be overwritten on the disk.</source>
        <translation>Le fichier de clés %1 a été réécrit, mais son contenu précédent n&apos;a pas pu être écrasé sur le disque.</translation>
    </message>
    <message>
        <source>Could not open the key file %1 to overwrite it.</source>
        <translation>Impossible d&apos;ouvrir le fichier de clés %1 pour l&apos;écraser.</translation>
    </message>
    <message>
        <source>Could not overwrite the key file %1.</source>
        <translation>Impossible d&apos;écraser le fichier de clés %1.</translation>
    </message>
    <message>
        <source>The key file %1 was overwritten but could not be removed.</source>
        <translation>Le fichier de clés %1 a été écrasé mais n&apos;a pas pu être supprimé.</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>Start Frontdesk inside a desktop session, or run it under `dbus-run-session` with gnome-keyring-daemon started and unlocked, or pass --key-file PATH to keep the key in a file readable only by you instead.</source>
        <translation>Lancez Frontdesk dans une session de bureau, ou sous `dbus-run-session` avec gnome-keyring-daemon démarré et déverrouillé, ou passez --key-file CHEMIN pour conserver plutôt la clé dans un fichier lisible par vous seul.</translation>
    </message>
    <message>
        <source>Could not read &quot;%1&quot; from the OS keychain.</source>
        <translation>Impossible de lire «&#xa0;%1&#xa0;» dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Could not store &quot;%1&quot; in the OS keychain.</source>
        <translation>Impossible d&apos;enregistrer «&#xa0;%1&#xa0;» dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Could not remove &quot;%1&quot; from the OS keychain.</source>
        <translation>Impossible de retirer «&#xa0;%1&#xa0;» du trousseau du système.</translation>
    </message>
    <message>
        <source>The keychain refused access: it may be locked, or access was declined. Unlock the Secret Service (e.g. gnome-keyring or KWallet) and try again.</source>
        <translation>Le trousseau a refusé l&apos;accès&#xa0;: il est peut-être verrouillé, ou l&apos;accès a été refusé. Déverrouillez le Secret Service (p. ex. gnome-keyring ou KWallet) et réessayez.</translation>
    </message>
    <message>
        <source>The keychain could not delete the entry.</source>
        <translation>Le trousseau n&apos;a pas pu supprimer l&apos;entrée.</translation>
    </message>
    <message>
        <source>The Secret Service (e.g. gnome-keyring or KWallet) on the D-Bus session bus is missing, or has no unlocked default keyring.</source>
        <translation>Le Secret Service (p. ex. gnome-keyring ou KWallet) est absent du bus de session D-Bus, ou n&apos;a pas de trousseau par défaut déverrouillé.</translation>
    </message>
    <message>
        <source>The system keychain is not available.</source>
        <translation>Le trousseau du système n&apos;est pas disponible.</translation>
    </message>
    <message>
        <source>%1 %2 %3 (QtKeychain: %4)</source>
        <translation>%1 %2 %3 (QtKeychain&#xa0;: %4)</translation>
    </message>
    <message>
        <source>the OS keychain (Secret Service, service &apos;%1&apos;)</source>
        <translation>le trousseau du système (Secret Service, service «&#xa0;%1&#xa0;»)</translation>
    </message>
    <message>
        <source>the OS keychain (service &apos;%1&apos;)</source>
        <translation>le trousseau du système (service «&#xa0;%1&#xa0;»)</translation>
    </message>
    <message>
        <source>The OS keychain can only be used once the application has started.</source>
        <translation>Le trousseau du système n&apos;est utilisable qu&apos;une fois l&apos;application démarrée.</translation>
    </message>
    <message>
        <source>Frontdesk keeps its database key in the OS keychain, which is reached through the D-Bus session bus, and there is no D-Bus session here (DBUS_SESSION_BUS_ADDRESS is not set). %1</source>
        <translation>Frontdesk conserve la clé de sa base de données dans le trousseau du système, accessible par le bus de session D-Bus, et il n&apos;y a pas de session D-Bus ici (DBUS_SESSION_BUS_ADDRESS n&apos;est pas défini). %1</translation>
    </message>
    <message>
        <source>The OS keychain did not answer within %1 seconds while reading &quot;%2&quot;. It may be waiting to be unlocked in a dialog that is hidden or cannot be shown. %3</source>
        <translation>Le trousseau du système n&apos;a pas répondu dans les %1 secondes lors de la lecture de «&#xa0;%2&#xa0;». Il attend peut-être d&apos;être déverrouillé dans une boîte de dialogue masquée ou impossible à afficher. %3</translation>
    </message>
    <message>
        <source>The OS keychain did not answer within %1 seconds while storing &quot;%2&quot;. It may be waiting to be unlocked in a dialog that is hidden or cannot be shown. %3</source>
        <translation>Le trousseau du système n&apos;a pas répondu dans les %1 secondes lors de l&apos;enregistrement de «&#xa0;%2&#xa0;». Il attend peut-être d&apos;être déverrouillé dans une boîte de dialogue masquée ou impossible à afficher. %3</translation>
    </message>
    <message>
        <source>The OS keychain did not answer within %1 seconds while removing &quot;%2&quot;. It may be waiting to be unlocked in a dialog that is hidden or cannot be shown. %3</source>
        <translation>Le trousseau du système n&apos;a pas répondu dans les %1 secondes lors de la suppression de «&#xa0;%2&#xa0;». Il attend peut-être d&apos;être déverrouillé dans une boîte de dialogue masquée ou impossible à afficher. %3</translation>
    </message>
</context>
<context>
    <name>KpiCommands</name>
    <message>
        <source>n/a</source>
        <translation>n.d.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 j</translation>
    </message>
    <message>
        <source>%1 pp</source>
        <translation>%1 pts</translation>
    </message>
    <message>
        <source>kpi needs --from DATE and --to DATE (YYYY-MM-DD).</source>
        <translation>kpi attend --from DATE et --to DATE (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <source>--from &quot;%1&quot; is not a date written YYYY-MM-DD.</source>
        <translation>--from «&#xa0;%1&#xa0;» n&apos;est pas une date au format AAAA-MM-JJ.</translation>
    </message>
    <message>
        <source>--to &quot;%1&quot; is not a date written YYYY-MM-DD.</source>
        <translation>--to «&#xa0;%1&#xa0;» n&apos;est pas une date au format AAAA-MM-JJ.</translation>
    </message>
    <message>
        <source>Period %1 to %2, compared with %3 to %4; as of %5.</source>
        <translation>Période du %1 au %2, comparée à celle du %3 au %4&#xa0;; état au %5.</translation>
    </message>
    <message>
        <source>As of the last sync, %1.</source>
        <translation>À la dernière synchronisation, %1.</translation>
    </message>
    <message>
        <source>This workstation has not synced yet: the figures show its own data.</source>
        <translation>Ce poste n&apos;a pas encore été synchronisé&#xa0;: les chiffres ne portent que sur ses propres données.</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Cette période</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Période précédente</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Afficher en JSON.</translation>
    </message>
    <message>
        <source>Only this practitioner&apos;s.</source>
        <translation>Uniquement ceux de ce praticien.</translation>
    </message>
    <message>
        <source>The dashboard&apos;s figures for a period beside the previous one.</source>
        <translation>Les indicateurs du tableau de bord pour une période, à côté de la précédente.</translation>
    </message>
    <message>
        <source>First day (YYYY-MM-DD).</source>
        <translation>Premier jour (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <source>Last day (YYYY-MM-DD).</source>
        <translation>Dernier jour (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <source>Only appointments in this room.</source>
        <translation>Uniquement les rendez-vous dans cette salle.</translation>
    </message>
    <message>
        <source>Only appointments of this type (e.g. check-up).</source>
        <translation>Uniquement les rendez-vous de ce type (p. ex. check-up).</translation>
    </message>
</context>
<context>
    <name>LocationRepository</name>
    <message>
        <source>A room or location needs a name.</source>
        <translation>Une salle ou un site nécessite un nom.</translation>
    </message>
</context>
<context>
    <name>MedicationRepository</name>
    <message>
        <source>A medication needs a patient and a name.</source>
        <translation>Un médicament nécessite un patient et un nom.</translation>
    </message>
</context>
<context>
    <name>MemorySecretStore</name>
    <message>
        <source>the in-memory secret store</source>
        <translation>le stockage de secrets en mémoire</translation>
    </message>
</context>
<context>
    <name>MessageCommands</name>
    <message>
        <source>message %1 needs --patient ID (the id from search --json).</source>
        <translation>message %1 attend --patient ID (l’identifiant donné par search --json).</translation>
    </message>
    <message>
        <source>message send needs --channel sms or --channel email.</source>
        <translation>message send attend --channel sms ou --channel email.</translation>
    </message>
    <message>
        <source>--purpose must be one of: %1.</source>
        <translation>--purpose doit être l’un de ceux-ci&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Queued %1 (%2); frontdesk-server sends it.</source>
        <translation>%1 mis en file d’attente (%2)&#xa0;; frontdesk-server l’envoie.</translation>
    </message>
    <message>
        <source>No messages.</source>
        <translation>Aucun message.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Afficher en JSON.</translation>
    </message>
    <message>
        <source>The patient&apos;s id.</source>
        <translation>L&apos;identifiant du patient.</translation>
    </message>
    <message>
        <source>sms or email.</source>
        <translation>sms ou email.</translation>
    </message>
    <message>
        <source>Why the patient is written to (the contact rule depends on it).</source>
        <translation>Pourquoi on écrit au patient (la règle de contact en dépend).</translation>
    </message>
    <message>
        <source>The message.</source>
        <translation>Le message.</translation>
    </message>
    <message>
        <source>An e-mail&apos;s subject.</source>
        <translation>L’objet d’un e-mail.</translation>
    </message>
    <message>
        <source>The appointment the message is about.</source>
        <translation>Le rendez-vous dont parle le message.</translation>
    </message>
    <message>
        <source>message assign needs --to USER (a username; --to &quot;&quot; for nobody).</source>
        <translation>message assign attend --to UTILISATEUR (un nom d&apos;utilisateur&#xa0;; --to &quot;&quot; pour personne).</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>Attribuée à %1</translation>
    </message>
    <message>
        <source>unread</source>
        <translation>non lu</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1: messages marked read: %2.</source>
        <translation>%1&#xa0;: messages marqués comme lus&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1: assigned to nobody.</source>
        <translation>%1&#xa0;: attribuée à personne.</translation>
    </message>
    <message>
        <source>%1: assigned to %2.</source>
        <translation>%1&#xa0;: attribuée à %2.</translation>
    </message>
    <message>
        <source>The staff member (username) the conversation is assigned to.</source>
        <translation>Le membre du personnel (nom d&apos;utilisateur) à qui la conversation est attribuée.</translation>
    </message>
    <message>
        <source>message needs send, list, read, assign or templates, e.g. frontdeskctl message list --patient ID.</source>
        <translation>message attend send, list, read, assign ou templates, par ex. frontdeskctl message list --patient ID.</translation>
    </message>
    <message>
        <source>message send needs --text TEXT, the message the patient reads, or --template NAME (frontdeskctl message templates lists them).</source>
        <translation>message send attend --text TEXTE, le message que lit le patient, ou --template NOM (frontdeskctl message templates les liste).</translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; is deactivated.</source>
        <translation>Le modèle «&#xa0;%1&#xa0;» est désactivé.</translation>
    </message>
    <message>
        <source>No templates.</source>
        <translation>Aucun modèle.</translation>
    </message>
    <message>
        <source>SMS or e-mail</source>
        <translation>SMS ou e-mail</translation>
    </message>
    <message>
        <source>(deactivated)</source>
        <translation>(désactivé)</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Objet&#xa0;: %1</translation>
    </message>
    <message>
        <source>Write to a patient (queued for the server), read their messages, mark them read, assign their conversation to a staff member, or list the message templates.</source>
        <translation>Écrire à un patient (mis en file d&apos;attente pour le serveur), lire ses messages, les marquer comme lus, attribuer sa conversation à un membre de l&apos;équipe ou lister les modèles de message.</translation>
    </message>
    <message>
        <source>Send from this template, filled for the patient (instead of --text).</source>
        <translation>Envoyer à partir de ce modèle, rempli pour le patient (au lieu de --text).</translation>
    </message>
</context>
<context>
    <name>MessageComposer</name>
    <message>
        <source>The patient&apos;s record has no mobile phone number.</source>
        <translation>Le dossier du patient ne contient aucun numéro de portable.</translation>
    </message>
    <message>
        <source>The patient&apos;s record has no e-mail address.</source>
        <translation>Le dossier du patient ne contient aucune adresse e-mail.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose the patient the message is for.</source>
        <translation>Choisissez le patient auquel le message est destiné.</translation>
    </message>
    <message>
        <source>The message is empty; write what the patient should read.</source>
        <translation>Le message est vide&#xa0;; écrivez ce que le patient doit lire.</translation>
    </message>
    <message>
        <source>A message goes by SMS or e-mail; &quot;%1&quot; is neither.</source>
        <translation>Un message part par SMS ou par e-mail&#xa0;; «&#xa0;%1&#xa0;» n&apos;est ni l&apos;un ni l&apos;autre.</translation>
    </message>
    <message>
        <source>%1 cannot be used for this patient: %2</source>
        <translation>%1 ne peut pas être utilisé pour ce patient&#xa0;: %2</translation>
    </message>
    <message>
        <source>This SMS would be sent in %1 parts; at most %2 are allowed. Shorten it, or send it by e-mail.</source>
        <translation>Ce SMS serait envoyé en %1 parties&#xa0;; %2 au maximum sont autorisées. Raccourcissez-le ou envoyez-le par e-mail.</translation>
    </message>
    <message>
        <source>An e-mail needs a subject.</source>
        <translation>Un e-mail doit avoir un objet.</translation>
    </message>
    <message>
        <source>The appointment chosen is another patient&apos;s.</source>
        <translation>Le rendez-vous choisi est celui d&apos;un autre patient.</translation>
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
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <source>Administrative</source>
        <translation>Administratif</translation>
    </message>
    <message>
        <source>Clinical</source>
        <translation>Clinique</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Remis</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Handled</source>
        <comment>an inbound message someone has answered</comment>
        <translation>Traité</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Enquête</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Relance de suivi</translation>
    </message>
</context>
<context>
    <name>MessageRepository</name>
    <message>
        <source>A message needs a patient.</source>
        <translation>Un message nécessite un patient.</translation>
    </message>
    <message>
        <source>A message goes by sms or email; got &quot;%1&quot;.</source>
        <translation>Un message passe par sms ou email&#xa0;; reçu&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>MessageRetention</name>
    <message>
        <source>Messages are kept from 1 to %1 days, or 0 for always.</source>
        <translation>Les messages sont conservés de 1 à %1 jours, ou 0 pour toujours.</translation>
    </message>
    <message>
        <source>Could not remove old messages: %1</source>
        <translation>Impossible de supprimer les anciens messages&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>MessageTemplateMapping</name>
    <message>
        <source>code must hold %1|%2.</source>
        <translation>code doit contenir %1|%2.</translation>
    </message>
    <message>
        <source>%1 is missing.</source>
        <translation>%1 manque.</translation>
    </message>
    <message>
        <source>%1 must be true or false.</source>
        <translation>%1 doit valoir true ou false.</translation>
    </message>
</context>
<context>
    <name>MessageTemplateRepository</name>
    <message>
        <source>There is already a template named &quot;%1&quot;.</source>
        <translation>Il existe déjà un modèle nommé «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>There is no template named &quot;%1&quot;.</source>
        <translation>Il n&apos;existe aucun modèle nommé «&#xa0;%1&#xa0;».</translation>
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
        <translation>Impossible de lire les conversations&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1: no patient has this number or address</source>
        <translation>%1&#xa0;: aucun patient n&apos;a ce numéro ou cette adresse</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>sender: the patients it might be</comment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <source>Could not read the conversation: %1</source>
        <translation>Impossible de lire la conversation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not mark the conversation read: %1</source>
        <translation>Impossible de marquer la conversation comme lue&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not mark the conversation unread: %1</source>
        <translation>Impossible de marquer la conversation comme non lue&#xa0;: %1</translation>
    </message>
    <message>
        <source>This conversation has no read reply that could be marked unread.</source>
        <translation>Cette conversation ne contient aucune réponse lue qui pourrait être marquée comme non lue.</translation>
    </message>
    <message>
        <source>There is no conversation to assign.</source>
        <translation>Il n&apos;y a aucune conversation à attribuer.</translation>
    </message>
    <message>
        <source>Could not assign the conversation: %1</source>
        <translation>Impossible d&apos;attribuer la conversation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not read the staff list: %1</source>
        <translation>Impossible de lire la liste du personnel&#xa0;: %1</translation>
    </message>
    <message>
        <source>No active staff member &quot;%1&quot;.</source>
        <translation>Aucun membre du personnel actif «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>ObservationRepository</name>
    <message>
        <source>An observation needs a patient and a name.</source>
        <translation>Une observation nécessite un patient et un nom.</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>Could not queue the change for sync: %1</source>
        <translation>Impossible de mettre la modification en file d&apos;attente de synchronisation&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>PasswordHash</name>
    <message>
        <source>Could not hash the password: libsodium failed to initialise.</source>
        <translation>Impossible de hacher le mot de passe&#xa0;: l&apos;initialisation de libsodium a échoué.</translation>
    </message>
    <message>
        <source>Could not hash the password: not enough memory for Argon2id.</source>
        <translation>Impossible de hacher le mot de passe&#xa0;: mémoire insuffisante pour Argon2id.</translation>
    </message>
</context>
<context>
    <name>PasswordPolicy</name>
    <message>
        <source>The password is too short: it has %1 characters and needs at least %2.</source>
        <translation>Le mot de passe est trop court&#xa0;: il compte %1 caractères et en nécessite au moins %2.</translation>
    </message>
    <message>
        <source>The password must not start or end with a space.</source>
        <translation>Le mot de passe ne doit ni commencer ni se terminer par une espace.</translation>
    </message>
    <message>
        <source>This password is on the list of common passwords that attackers try first. Choose another one, e.g. several unrelated words.</source>
        <translation>Ce mot de passe figure sur la liste des mots de passe courants que les attaquants essaient en premier. Choisissez-en un autre, p. ex. plusieurs mots sans rapport entre eux.</translation>
    </message>
    <message>
        <source>The password must not contain the user name.</source>
        <translation>Le mot de passe ne doit pas contenir le nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <source>The password repeats too few different characters (%1); use more.</source>
        <translation>Le mot de passe utilise trop peu de caractères différents (%1)&#xa0;; utilisez-en davantage.</translation>
    </message>
</context>
<context>
    <name>PatientAlert</name>
    <message>
        <source>An alert needs a patient.</source>
        <translation>Une alerte nécessite un patient.</translation>
    </message>
    <message>
        <source>An alert needs a text.</source>
        <translation>Une alerte nécessite un texte.</translation>
    </message>
    <message>
        <source>Severity must be info, warning or high.</source>
        <translation>La gravité doit être info, warning ou high.</translation>
    </message>
</context>
<context>
    <name>PatientCommands</name>
    <message>
        <source>Print JSON.</source>
        <translation>Afficher en JSON.</translation>
    </message>
    <message>
        <source>search needs the text to look for, e.g. frontdeskctl search &quot;mueller anna&quot;.</source>
        <translation>search attend le texte à chercher, p. ex. frontdeskctl search &quot;mueller anna&quot;.</translation>
    </message>
    <message>
        <source>--limit must be a number from 1 to 1000.</source>
        <translation>--limit doit être un nombre de 1 à 1000.</translation>
    </message>
    <message>
        <source>Indexed %1 patients in %2 s.</source>
        <translation>%1 patients indexés en %2 s.</translation>
    </message>
    <message>
        <source>No patient matches &quot;%1&quot;.</source>
        <translation>Aucun patient ne correspond à «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>import-fhir needs one FILE or DIR of FHIR R4 Bundles (.json).</source>
        <translation>import-fhir attend un FICHIER ou un RÉPERTOIRE de Bundles FHIR R4 (.json).</translation>
    </message>
    <message numerus="yes">
        <source>%1: not imported (%n problem(s); nothing from this file was kept):</source>
        <translation>
            <numerusform>%1&#xa0;: non importé (%n problème&#xa0;; rien de ce fichier n&apos;a été conservé)&#xa0;:</numerusform>
            <numerusform>%1&#xa0;: non importé (%n problèmes&#xa0;; rien de ce fichier n&apos;a été conservé)&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: imported %2 (%3 new, %4 updated, %5 unchanged).</source>
        <translation>%1&#xa0;: %2 importés (%3 nouveaux, %4 mis à jour, %5 inchangés).</translation>
    </message>
    <message>
        <source>not kept locally: %1</source>
        <translation>non conservé localement&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 of %2 files were not imported.</source>
        <translation>%1 fichiers sur %2 n&apos;ont pas été importés.</translation>
    </message>
    <message>
        <source>Wrote the record of patient %1 to %2.</source>
        <translation>Le dossier du patient %1 a été écrit dans %2.</translation>
    </message>
    <message>
        <source>--limit must be a positive number.</source>
        <translation>--limit doit être un nombre positif.</translation>
    </message>
    <message>
        <source>No possible duplicates.</source>
        <translation>Aucun doublon possible.</translation>
    </message>
    <message>
        <source>merge needs --survivor ID and --merged ID.</source>
        <translation>merge attend --survivor ID et --merged ID.</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot; in --take (fields: %2).</source>
        <translation>champ inconnu «&#xa0;%1&#xa0;» dans --take (champs&#xa0;: %2).</translation>
    </message>
    <message>
        <source>Merged %1 into %2 (%3). Moved: %4.</source>
        <translation>%1 fusionné dans %2 (%3). Déplacé&#xa0;: %4.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>Find patients by name, birth date, phone, MRN or e-mail, best match first.</source>
        <translation>Rechercher des patients par nom, date de naissance, téléphone, numéro de dossier ou e-mail, meilleure correspondance en premier.</translation>
    </message>
    <message>
        <source>At most N results (default 20).</source>
        <translation>Au plus N résultats (par défaut 20).</translation>
    </message>
    <message>
        <source>Rebuild the search index first (TEXT may then be left out).</source>
        <translation>Reconstruire d&apos;abord l&apos;index de recherche (TEXTE peut alors être omis).</translation>
    </message>
    <message>
        <source>Import FHIR R4 Bundles (as Synthea writes them) into the local database.</source>
        <translation>Importer des Bundles FHIR R4 (tels que Synthea les écrit) dans la base de données locale.</translation>
    </message>
    <message>
        <source>The patient&apos;s id.</source>
        <translation>L&apos;identifiant du patient.</translation>
    </message>
    <message>
        <source>List possible duplicate patients, most likely first.</source>
        <translation>Lister les doublons de patients possibles, les plus probables en premier.</translation>
    </message>
    <message>
        <source>At most N pairs (default 50).</source>
        <translation>Au plus N paires (par défaut 50).</translation>
    </message>
    <message>
        <source>Merge a duplicate patient into the surviving record (kept as a link).</source>
        <translation>Fusionner un patient en double dans le dossier conservé (gardé sous forme de lien).</translation>
    </message>
    <message>
        <source>The record that stays.</source>
        <translation>Le dossier conservé.</translation>
    </message>
    <message>
        <source>The record merged into it (kept as a link).</source>
        <translation>Le dossier fusionné dans celui-ci (gardé sous forme de lien).</translation>
    </message>
    <message>
        <source>Fields to take from the merged record, e.g. phoneMobile,email.</source>
        <translation>Champs à reprendre du dossier fusionné, p. ex. phoneMobile,email.</translation>
    </message>
    <message>
        <source>--match-system needs an identifier system URI.</source>
        <translation>--match-system attend l&apos;URI d&apos;un système d&apos;identifiants.</translation>
    </message>
    <message>
        <source>--max-size must be a number of MiB from 1 to 65536.</source>
        <translation>--max-size doit être un nombre de Mio entre 1 et 65536.</translation>
    </message>
    <message>
        <source>Identifiers of this system are our MRNs too: a patient with one is the local patient of that MRN (may be repeated; our own MRN system always counts).</source>
        <translation>Les identifiants de ce système sont aussi nos n° de dossier&#xa0;: un patient qui en a un est le patient local de ce numéro (répétable&#xa0;; notre propre système compte toujours).</translation>
    </message>
    <message>
        <source>Refuse files larger than this many MiB (default 256).</source>
        <translation>Refuser les fichiers de plus de ce nombre de Mio (256 par défaut).</translation>
    </message>
    <message>
        <source>export-fhir needs either --patient ID (the id from search --json) or --all --output DIR.</source>
        <translation>export-fhir exige soit --patient ID (l&apos;identifiant donné par search --json), soit --all --output DIR.</translation>
    </message>
    <message>
        <source>export-fhir --all needs --output DIR: it writes one file per patient.</source>
        <translation>export-fhir --all exige --output DIR&#xa0;: il écrit un fichier par patient.</translation>
    </message>
    <message>
        <source>Could not create the directory %1.</source>
        <translation>Impossible de créer le répertoire %1.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote the records of %n patient(s) to %1.</source>
        <translation>
            <numerusform>Dossier de %n patient écrit dans %1.</numerusform>
            <numerusform>Dossiers de %n patients écrits dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Write one patient&apos;s record (or every patient&apos;s) as a FHIR R4 Bundle.</source>
        <translation>Écrire le dossier d&apos;un patient (ou de tous les patients) sous forme de Bundle FHIR R4.</translation>
    </message>
    <message>
        <source>Every patient, one file each in the directory --output names; needs --reason.</source>
        <translation>Tous les patients, un fichier chacun dans le répertoire indiqué par --output&#xa0;; exige --reason.</translation>
    </message>
    <message>
        <source>Why the clinical records are read (at least 5 characters, recorded in the audit trail): needed when the patient has no appointment today, and always with --all.</source>
        <translation>Pourquoi les données cliniques sont lues (au moins 5 caractères, consigné dans le journal d&apos;audit)&#xa0;: requis si le patient n&apos;a pas de rendez-vous aujourd&apos;hui, et toujours avec --all.</translation>
    </message>
    <message>
        <source>Write to FILE (a directory with --all) instead of standard output.</source>
        <translation>Écrire dans FICHIER (un répertoire avec --all) au lieu de la sortie standard.</translation>
    </message>
</context>
<context>
    <name>PatientMerge</name>
    <message>
        <source>MRN</source>
        <translation>N° de dossier</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Téléphone portable</translation>
    </message>
    <message>
        <source>Home phone</source>
        <translation>Téléphone fixe</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Langue préférée</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>Canal préféré</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>Personne à prévenir</translation>
    </message>
    <message>
        <source>Emergency contact relation</source>
        <translation>Lien de la personne à prévenir</translation>
    </message>
    <message>
        <source>Emergency contact phone</source>
        <translation>Téléphone de la personne à prévenir</translation>
    </message>
    <message>
        <source>A patient cannot be merged with itself.</source>
        <translation>Un patient ne peut pas être fusionné avec lui-même.</translation>
    </message>
    <message>
        <source>%1 (%2) was deleted.</source>
        <translation>%1 (%2) a été supprimé.</translation>
    </message>
    <message>
        <source>%1 (%2) was already merged into another record.</source>
        <translation>%1 (%2) a déjà été fusionné dans un autre dossier.</translation>
    </message>
    <message>
        <source>There is no patient field &quot;%1&quot; to choose.</source>
        <translation>Il n&apos;existe aucun champ patient «&#xa0;%1&#xa0;» à choisir.</translation>
    </message>
    <message>
        <source>The merge was not done: %1</source>
        <translation>La fusion n&apos;a pas été effectuée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>PatientPhoto</name>
    <message>
        <source>The photo is empty.</source>
        <translation>La photo est vide.</translation>
    </message>
    <message>
        <source>The photo is %1; at most %2 is allowed.</source>
        <translation>La photo fait %1&#xa0;; au plus %2 sont autorisés.</translation>
    </message>
    <message>
        <source>The photo must be a JPEG or PNG image.</source>
        <translation>La photo doit être une image JPEG ou PNG.</translation>
    </message>
    <message>
        <source>A photo needs a patient.</source>
        <translation>Une photo nécessite un patient.</translation>
    </message>
</context>
<context>
    <name>PatientPhotoRepository</name>
    <message>
        <source>Could not store the photo: %1</source>
        <translation>Impossible d&apos;enregistrer la photo&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>PatientRecordMapping</name>
    <message>
        <source>code must hold the code %1 of %2: this Task is no recall.</source>
        <translation>code doit contenir le code %1 de %2 : cette Task n&apos;est pas une relance de suivi.</translation>
    </message>
    <message>
        <source>%1 is not base64.</source>
        <translation>%1 n&apos;est pas en base64.</translation>
    </message>
    <message>
        <source>contentType is &quot;%1&quot; but the data is %2.</source>
        <translation>contentType vaut « %1 », mais les données sont %2.</translation>
    </message>
</context>
<context>
    <name>PatientReplies</name>
    <message>
        <source>The patient replied: “%1”. Mark it handled once answered.</source>
        <translation>Le patient a répondu&#xa0;: «&#xa0;%1&#xa0;». Marquez la réponse comme traitée une fois qu&apos;on lui a répondu.</translation>
    </message>
    <message>
        <source>Could not read the patients&apos; replies: %1</source>
        <translation>Impossible de lire les réponses des patients&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not mark the reply handled: %1</source>
        <translation>Impossible de marquer la réponse comme traitée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>PatientRepository</name>
    <message>
        <source>The MRN %1 already belongs to %2.</source>
        <translation>Le numéro de dossier %1 appartient déjà à %2.</translation>
    </message>
</context>
<context>
    <name>PatientSearch</name>
    <message>
        <source>Could not update the patient search index: %1</source>
        <translation>Impossible de mettre à jour l&apos;index de recherche des patients&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not rebuild the patient search index: %1</source>
        <translation>Impossible de reconstruire l&apos;index de recherche des patients&#xa0;: %1</translation>
    </message>
    <message>
        <source>The patient search failed: %1</source>
        <translation>La recherche de patients a échoué&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>PatientTimeline</name>
    <message>
        <source>Appointment</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>Assurance</translation>
    </message>
    <message>
        <source>Visit note</source>
        <translation>Note de consultation</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 from the patient (%2, %3)</source>
        <translation>%1 du patient (%2, %3)</translation>
    </message>
    <message>
        <source>%1 to the patient (%2, %3)</source>
        <translation>%1 au patient (%2, %3)</translation>
    </message>
    <message>
        <source>Consent given: %1</source>
        <translation>Consentement donné&#xa0;: %1</translation>
    </message>
    <message>
        <source>Consent withdrawn: %1</source>
        <translation>Consentement retiré&#xa0;: %1</translation>
    </message>
    <message>
        <source>recorded by %1</source>
        <translation>enregistré par %1</translation>
    </message>
    <message>
        <source>Insurance added: %1</source>
        <translation>Assurance ajoutée&#xa0;: %1</translation>
    </message>
    <message>
        <source>member %1</source>
        <translation>adhérent %1</translation>
    </message>
    <message>
        <source>Eligibility checked: %1</source>
        <translation>Droits vérifiés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source> with %1</source>
        <translation> avec %1</translation>
    </message>
    <message>
        <source>The visit notes were opened for another patient.</source>
        <translation>Les notes de consultation ont été ouvertes pour un autre patient.</translation>
    </message>
    <message>
        <source>%1 · patient replied</source>
        <comment>timeline: an appointment · a reply waits</comment>
        <translation>%1 · réponse du patient</translation>
    </message>
</context>
<context>
    <name>PatientValidation</name>
    <message>
        <source>A patient needs a medical record number (MRN).</source>
        <translation>Un patient nécessite un numéro de dossier.</translation>
    </message>
    <message>
        <source>A patient needs a family name.</source>
        <translation>Un patient nécessite un nom de famille.</translation>
    </message>
    <message>
        <source>The birth date %1 is in the future.</source>
        <translation>La date de naissance %1 est dans le futur.</translation>
    </message>
    <message>
        <source>The birth date is before 1880.</source>
        <translation>La date de naissance est antérieure à 1880.</translation>
    </message>
    <message>
        <source>Sex must be female, male, other or unknown; got &quot;%1&quot;.</source>
        <translation>Le sexe doit être female, male, other ou unknown&#xa0;; reçu&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Enter a phone number of 6 to 15 digits, e.g. +49 170 1234567 or 0170 1234567.</source>
        <translation>Saisissez un numéro de téléphone de 6 à 15 chiffres, p. ex. +33 6 12 34 56 78 ou 06 12 34 56 78.</translation>
    </message>
    <message>
        <source>Enter an e-mail address such as name@example.org.</source>
        <translation>Saisissez une adresse e-mail comme nom@example.org.</translation>
    </message>
    <message>
        <source>E-mail is the preferred channel: enter an e-mail address.</source>
        <translation>L&apos;e-mail est le canal préféré&#xa0;: saisissez une adresse e-mail.</translation>
    </message>
    <message>
        <source>SMS is the preferred channel: enter a mobile number.</source>
        <translation>Le SMS est le canal préféré&#xa0;: saisissez un numéro de portable.</translation>
    </message>
    <message>
        <source>Whose number is the emergency phone? Enter their name.</source>
        <translation>À qui appartient le numéro d&apos;urgence&#xa0;? Saisissez son nom.</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>see the schedule</source>
        <translation>voir le planning</translation>
    </message>
    <message>
        <source>book, move or check in appointments</source>
        <translation>réserver, déplacer ou enregistrer l&apos;arrivée des rendez-vous</translation>
    </message>
    <message>
        <source>see patients&apos; details</source>
        <translation>voir les données des patients</translation>
    </message>
    <message>
        <source>change patients&apos; details</source>
        <translation>modifier les données des patients</translation>
    </message>
    <message>
        <source>see messages</source>
        <translation>voir les messages</translation>
    </message>
    <message>
        <source>send messages</source>
        <translation>envoyer des messages</translation>
    </message>
    <message>
        <source>see clinical summaries and notes</source>
        <translation>voir les synthèses et notes cliniques</translation>
    </message>
    <message>
        <source>change clinical notes</source>
        <translation>modifier les notes cliniques</translation>
    </message>
    <message>
        <source>see dashboards</source>
        <translation>voir les tableaux de bord</translation>
    </message>
    <message>
        <source>see the audit trail</source>
        <translation>voir le journal d&apos;audit</translation>
    </message>
    <message>
        <source>double-book a practitioner or room</source>
        <translation>réserver deux fois un praticien ou une salle</translation>
    </message>
    <message>
        <source>manage staff accounts</source>
        <translation>gérer les comptes du personnel</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>modifier les paramètres</translation>
    </message>
    <message>
        <source>wipe this workstation</source>
        <translation>effacer ce poste de travail</translation>
    </message>
    <message>
        <source>unlock another person&apos;s session</source>
        <translation>déverrouiller la session d&apos;une autre personne</translation>
    </message>
</context>
<context>
    <name>PractitionerRepository</name>
    <message>
        <source>A practitioner needs a family name.</source>
        <translation>Un praticien nécessite un nom de famille.</translation>
    </message>
    <message>
        <source>The slot length must be between 5 and 240 minutes; got %1.</source>
        <translation>La durée d&apos;un créneau doit être comprise entre 5 et 240 minutes&#xa0;; reçu&#xa0;: %1.</translation>
    </message>
</context>
<context>
    <name>ProcessHardening</name>
    <message>
        <source>Could not turn core dumps off (RLIMIT_CORE): %1</source>
        <translation>Impossible de désactiver les core dumps (RLIMIT_CORE) : %1</translation>
    </message>
    <message>
        <source>Could not make the process non-dumpable: %1</source>
        <translation>Impossible de rendre le processus non vidable : %1</translation>
    </message>
</context>
<context>
    <name>ProfileItemDialog</name>
    <message>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>e.g. Needs an interpreter (Turkish)</source>
        <translation>p. ex. A besoin d&apos;un interprète (turc)</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>High — shown first</source>
        <translation>Élevée – affichée en premier</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Texte&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>&amp;Gravité&#xa0;:</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Donné</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>Attach scanned document…</source>
        <translation>Joindre un document numérisé…</translation>
    </message>
    <message>
        <source>Scanned consent</source>
        <translation>Consentement numérisé</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.png *.jpg *.jpeg *.tif)</source>
        <translation>Documents (*.pdf *.png *.jpg *.jpeg *.tif)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>&amp;Consent to:</source>
        <translation>&amp;Consentement à&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Statut&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note&#xa0;:</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>Document&#xa0;:</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>Assurance</translation>
    </message>
    <message>
        <source>&amp;Payer:</source>
        <translation>&amp;Organisme payeur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Member id:</source>
        <translation>N° d&apos;&amp;adhérent&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Groupe&#xa0;:</translation>
    </message>
    <message>
        <source>Valid &amp;from:</source>
        <translation>&amp;Valable du&#xa0;:</translation>
    </message>
    <message>
        <source>Valid &amp;to:</source>
        <translation>Valable a&amp;u&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Eligibility:</source>
        <translation>&amp;Droits&#xa0;:</translation>
    </message>
    <message>
        <source>Communication preference</source>
        <translation>Préférence de communication</translation>
    </message>
    <message>
        <source>Appointment reminders</source>
        <translation>Rappels de rendez-vous</translation>
    </message>
    <message>
        <source>Administrative</source>
        <translation>Administratif</translation>
    </message>
    <message>
        <source>Clinical results</source>
        <translation>Résultats cliniques</translation>
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
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Appel téléphonique</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Courrier</translation>
    </message>
    <message>
        <source>Opted out: send nothing for this purpose</source>
        <translation>Désinscrit&#xa0;: ne rien envoyer pour cet objet</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Objet&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Canal&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Quiet from:</source>
        <translation>Silence à &amp;partir de&#xa0;:</translation>
    </message>
    <message>
        <source>Quiet &amp;until:</source>
        <translation>Silence &amp;jusqu&apos;à&#xa0;:</translation>
    </message>
    <message>
        <source>Follow-ups after a visit</source>
        <translation>Suivi après une visite</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>Enquêtes</translation>
    </message>
    <message>
        <source>Recalls (check-ups due)</source>
        <translation>Relances de suivi (contrôles à prévoir)</translation>
    </message>
</context>
<context>
    <name>RecallCommands</name>
    <message>
        <source>recall needs one sub-command: add, done, list, due or outreach.</source>
        <translation>recall nécessite une sous-commande&#xa0;: add, done, list, due ou outreach.</translation>
    </message>
    <message>
        <source>--months must be a whole number from 1 to %1; got &quot;%2&quot;.</source>
        <translation>--months doit être un nombre entier de 1 à %1&#xa0;; reçu «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>recall outreach needs --template NAME, a template for recalls (frontdeskctl message templates lists them).</source>
        <translation>recall outreach nécessite --template NOM, un modèle pour les relances de suivi (frontdeskctl message templates les liste).</translation>
    </message>
    <message>
        <source>recall add needs --patient ID, --due DATE and --reason TEXT.</source>
        <translation>recall add attend --patient ID, --due DATE et --reason TEXTE.</translation>
    </message>
    <message>
        <source>--due &quot;%1&quot; is not a date written YYYY-MM-DD.</source>
        <translation>--due «&#xa0;%1&#xa0;» n&apos;est pas une date au format AAAA-MM-JJ.</translation>
    </message>
    <message>
        <source>recall done needs --recall ID.</source>
        <translation>recall done attend --recall ID.</translation>
    </message>
    <message>
        <source>The recall %1 was deleted.</source>
        <translation>La relance de suivi %1 a été supprimée.</translation>
    </message>
    <message>
        <source>The recall %1 is already %2.</source>
        <translation>La relance de suivi %1 est déjà %2.</translation>
    </message>
    <message>
        <source>Recall %1 is done.</source>
        <translation>La relance de suivi %1 est effectuée.</translation>
    </message>
    <message>
        <source>No recalls.</source>
        <translation>Aucune relance de suivi.</translation>
    </message>
    <message>
        <source>call task</source>
        <translation>tâche d&apos;appel</translation>
    </message>
    <message>
        <source>letter task</source>
        <translation>tâche de courrier</translation>
    </message>
    <message>
        <source>not contacted</source>
        <translation>non contacté</translation>
    </message>
    <message>
        <source>Nobody is due for a recall on %1.</source>
        <translation>Personne n&apos;est à relancer le %1.</translation>
    </message>
    <message>
        <source>%1 (%2)  due %3  %4  -&gt;  %5</source>
        <translation>%1 (%2)  échéance %3  %4  -&gt;  %5</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Objet&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2 queued (%3).</source>
        <translation>%1&#xa0;: %2 en file d&apos;attente (%3).</translation>
    </message>
    <message>
        <source>%1: call task made (%2).</source>
        <translation>%1&#xa0;: tâche d&apos;appel créée (%2).</translation>
    </message>
    <message>
        <source>%1: letter task made (%2).</source>
        <translation>%1&#xa0;: tâche de courrier créée (%2).</translation>
    </message>
    <message>
        <source>%1: not contacted: %2</source>
        <translation>%1&#xa0;: non contacté&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: failed, nothing was kept: %2</source>
        <translation>%1&#xa0;: échec, rien n&apos;a été conservé&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) queued for frontdesk-server to send</source>
        <translation>
            <numerusform>%n message en file d&apos;attente pour envoi par frontdesk-server</numerusform>
            <numerusform>%n messages en file d&apos;attente pour envoi par frontdesk-server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call or letter task(s) made</source>
        <translation>
            <numerusform>%n tâche d&apos;appel ou de courrier créée</numerusform>
            <numerusform>%n tâches d&apos;appel ou de courrier créées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) not contacted.</source>
        <translation>
            <numerusform>%n patient non contacté.</numerusform>
            <numerusform>%n patients non contactés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) could not be contacted; see above.</source>
        <translation>
            <numerusform>%n patient n&apos;a pas pu être contacté&#xa0;; voir ci-dessus.</numerusform>
            <numerusform>%n patients n&apos;ont pas pu être contactés&#xa0;; voir ci-dessus.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Afficher en JSON.</translation>
    </message>
    <message>
        <source>Recalls (care gaps): who should come back by when, who is due today, and contacting them as a batch.</source>
        <translation>Relances de suivi (ruptures de suivi)&#xa0;: qui doit revenir et quand, qui est à relancer aujourd&apos;hui, et les contacter en un seul envoi.</translation>
    </message>
    <message>
        <source>The patient&apos;s id.</source>
        <translation>L&apos;identifiant du patient.</translation>
    </message>
    <message>
        <source>Only this practitioner&apos;s.</source>
        <translation>Uniquement ceux de ce praticien.</translation>
    </message>
    <message>
        <source>Due date (YYYY-MM-DD).</source>
        <translation>Date d&apos;échéance (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <source>Why the patient should come back.</source>
        <translation>Pourquoi le patient doit revenir.</translation>
    </message>
    <message>
        <source>The recall&apos;s id.</source>
        <translation>L&apos;identifiant de la relance de suivi.</translation>
    </message>
    <message>
        <source>Only open recalls that are overdue (care gaps).</source>
        <translation>Uniquement les relances ouvertes en retard (ruptures de suivi).</translation>
    </message>
    <message>
        <source>Also the patients with no visit for this many months and nothing booked.</source>
        <translation>Aussi les patients sans visite depuis autant de mois et sans rendez-vous réservé.</translation>
    </message>
    <message>
        <source>The recall template the messages are written from.</source>
        <translation>Le modèle de relance de suivi à partir duquel les messages sont rédigés.</translation>
    </message>
    <message>
        <source>Show who would be contacted and the text each would read; contact nobody.</source>
        <translation>Afficher qui serait contacté et le texte que chacun lirait&#xa0;; ne contacter personne.</translation>
    </message>
</context>
<context>
    <name>RecallOutreach</name>
    <message>
        <source>The template &quot;%1&quot; is deactivated.</source>
        <translation>Le modèle «&#xa0;%1&#xa0;» est désactivé.</translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; is for %2, not for recalls.</source>
        <translation>Le modèle «&#xa0;%1&#xa0;» est destiné à %2, pas aux relances de suivi.</translation>
    </message>
    <message>
        <source>Call about the recall: %1</source>
        <translation>Appeler au sujet de la relance de suivi&#xa0;: %1</translation>
    </message>
    <message>
        <source>Send a letter about the recall: %1</source>
        <translation>Envoyer un courrier au sujet de la relance de suivi&#xa0;: %1</translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; is written for %2; this patient is written to by %3.</source>
        <translation>Le modèle «&#xa0;%1&#xa0;» est rédigé pour %2&#xa0;; ce patient est contacté par %3.</translation>
    </message>
    <message>
        <source>The months without a visit must be between 0 and %1.</source>
        <translation>Les mois sans visite doivent être compris entre 0 et %1.</translation>
    </message>
    <message>
        <source>No visit since %1.</source>
        <translation>Aucune visite depuis le %1.</translation>
    </message>
    <message numerus="yes">
        <source>No visit for %n month(s).</source>
        <translation>
            <numerusform>Aucune visite depuis %n mois.</numerusform>
            <numerusform>Aucune visite depuis %n mois.</numerusform>
        </translation>
    </message>
    <message>
        <source>The recall was contacted or closed meanwhile.</source>
        <translation>La relance de suivi a été contactée ou clôturée entre-temps.</translation>
    </message>
</context>
<context>
    <name>RecallRepository</name>
    <message>
        <source>A recall needs a patient.</source>
        <translation>Une relance de suivi nécessite un patient.</translation>
    </message>
    <message>
        <source>A recall needs a due date.</source>
        <translation>Une relance de suivi nécessite une date d&apos;échéance.</translation>
    </message>
    <message>
        <source>Unknown recall status &quot;%1&quot; (open, done or cancelled).</source>
        <translation>Statut de relance inconnu «&#xa0;%1&#xa0;» (open, done ou cancelled).</translation>
    </message>
    <message>
        <source>There is no patient with the id %1.</source>
        <translation>Aucun patient n&apos;a l&apos;identifiant %1.</translation>
    </message>
    <message>
        <source>There is no practitioner with the id %1.</source>
        <translation>Aucun praticien n&apos;a l&apos;identifiant %1.</translation>
    </message>
    <message>
        <source>The recall %1 was deleted.</source>
        <translation>La relance de suivi %1 a été supprimée.</translation>
    </message>
    <message>
        <source>The recall %1 is already %2.</source>
        <translation>La relance de suivi %1 est déjà %2.</translation>
    </message>
    <message>
        <source>Unknown kind of task &quot;%1&quot; (recall, call, letter or offer).</source>
        <translation>Type de tâche inconnu «&#xa0;%1&#xa0;» (recall, call, letter ou offer).</translation>
    </message>
    <message>
        <source>A recall&apos;s contact needs both its time and its channel (SMS, e-mail, call or letter).</source>
        <translation>Le contact d&apos;une relance de suivi nécessite son heure et son canal (SMS, e-mail, appel ou courrier).</translation>
    </message>
</context>
<context>
    <name>RecordStore</name>
    <message>
        <source>%1 has no field %2.</source>
        <translation>%1 n&apos;a pas de champ %2.</translation>
    </message>
    <message>
        <source>Could not save the new %1: %2</source>
        <translation>Impossible d&apos;enregistrer le nouvel élément %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The %1 %2 no longer exists.</source>
        <translation>L&apos;élément %1 %2 n&apos;existe plus.</translation>
    </message>
    <message>
        <source>This %1 was changed by someone else since it was opened (version %2, now %3). Reopen it to see their change, then edit again.</source>
        <translation>Cet élément (%1) a été modifié par quelqu&apos;un d&apos;autre depuis son ouverture (version %2, maintenant %3). Rouvrez-le pour voir la modification, puis modifiez-le à nouveau.</translation>
    </message>
    <message>
        <source>Could not save the %1: %2</source>
        <translation>Impossible d&apos;enregistrer l&apos;élément %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The %1 %2 does not exist.</source>
        <translation>L&apos;élément %1 %2 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>This %1 was changed by someone else since it was opened; reopen it before deleting.</source>
        <translation>Cet élément (%1) a été modifié par quelqu&apos;un d&apos;autre depuis son ouverture&#xa0;; rouvrez-le avant de le supprimer.</translation>
    </message>
    <message>
        <source>Could not delete the %1: %2</source>
        <translation>Impossible de supprimer l&apos;élément %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The %1 %2 that this %3 belongs to does not exist.</source>
        <translation>L&apos;enregistrement %1 %2 auquel appartient cet enregistrement (%3) n&apos;existe pas.</translation>
    </message>
</context>
<context>
    <name>Recurrence</name>
    <message>
        <source>A series needs a first date.</source>
        <translation>Une série nécessite une première date.</translation>
    </message>
    <message>
        <source>A series repeats every 1 to 52 weeks or months; got %1.</source>
        <translation>Une série se répète toutes les 1 à 52 semaines ou tous les 1 à 52 mois&#xa0;; reçu&#xa0;: %1.</translation>
    </message>
    <message>
        <source>A series ends either on a date or after a number of appointments.</source>
        <translation>Une série se termine soit à une date, soit après un nombre de rendez-vous.</translation>
    </message>
    <message>
        <source>A series can have at most %1 appointments.</source>
        <translation>Une série peut compter au plus %1 rendez-vous.</translation>
    </message>
    <message>
        <source>The number of appointments must be positive.</source>
        <translation>Le nombre de rendez-vous doit être positif.</translation>
    </message>
    <message>
        <source>The series would end (%1) before it starts (%2).</source>
        <translation>La série se terminerait (%1) avant de commencer (%2).</translation>
    </message>
    <message>
        <source>The series would have more than %1 appointments; end it sooner.</source>
        <translation>La série compterait plus de %1 rendez-vous&#xa0;; terminez-la plus tôt.</translation>
    </message>
    <message>
        <source>The time of day must lie within the day.</source>
        <translation>L&apos;heure doit se situer dans la journée.</translation>
    </message>
    <message>
        <source>An appointment must last at least a minute.</source>
        <translation>Un rendez-vous doit durer au moins une minute.</translation>
    </message>
</context>
<context>
    <name>Repository</name>
    <message>
        <source>No %1 with id %2.</source>
        <translation>Aucun élément %1 avec l&apos;identifiant %2.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Receptionist</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation>Infirmier(ère)</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
</context>
<context>
    <name>ScheduleCommands</name>
    <message>
        <source>&quot;%1&quot; is not an ISO 8601 date and time (e.g. 2026-05-04T09:00 or 2026-05-04T07:00:00Z).</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une date et heure ISO 8601 (p. ex. 2026-05-04T09:00 ou 2026-05-04T07:00:00Z).</translation>
    </message>
    <message>
        <source>%1 does not exist in %2 (the clocks skip it for daylight saving time).</source>
        <translation>%1 n&apos;existe pas dans %2 (les horloges la sautent au passage à l&apos;heure d&apos;été).</translation>
    </message>
    <message>
        <source>book needs --patient ID, --practitioner ID, --start ISO8601 and --minutes N.</source>
        <translation>book attend --patient ID, --practitioner ID, --start ISO8601 et --minutes N.</translation>
    </message>
    <message>
        <source>--minutes must be a whole number from 1 to 1440.</source>
        <translation>--minutes doit être un nombre entier de 1 à 1440.</translation>
    </message>
    <message>
        <source>book needs --minutes N (or --type with a known type).</source>
        <translation>book attend --minutes N (ou --type avec un type connu).</translation>
    </message>
    <message>
        <source>unknown appointment type &quot;%1&quot;.</source>
        <translation>type de rendez-vous inconnu «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>slots needs --practitioner ID|any, --from ISO8601, --minutes N and --count K.</source>
        <translation>slots attend --practitioner ID|any, --from ISO8601, --minutes N et --count K.</translation>
    </message>
    <message>
        <source>--count must be a whole number from 1 to 1000.</source>
        <translation>--count doit être un nombre entier de 1 à 1000.</translation>
    </message>
    <message>
        <source>--weekdays takes numbers from 1 (Monday) to 7 (Sunday), e.g. 1,3,5.</source>
        <translation>--weekdays accepte des nombres de 1 (lundi) à 7 (dimanche), p. ex. 1,3,5.</translation>
    </message>
    <message>
        <source>--between takes time windows like 08:00-12:00,14:00-16:00.</source>
        <translation>--between accepte des plages horaires comme 08:00-12:00,14:00-16:00.</translation>
    </message>
    <message>
        <source>No free slot in the next 120 days.</source>
        <translation>Aucun créneau libre dans les 120 prochains jours.</translation>
    </message>
    <message>
        <source>day needs --date YYYY-MM-DD.</source>
        <translation>day attend --date AAAA-MM-JJ.</translation>
    </message>
    <message>
        <source>--date must be a date as YYYY-MM-DD.</source>
        <translation>--date doit être une date au format AAAA-MM-JJ.</translation>
    </message>
    <message>
        <source>status needs --appointment ID and either --to STATUS or --revert.</source>
        <translation>status attend --appointment ID et soit --to STATUT, soit --revert.</translation>
    </message>
    <message>
        <source>unknown status &quot;%1&quot;; one of booked, confirmed, arrived, in-room, completed, cancelled, no-show.</source>
        <translation>statut inconnu «&#xa0;%1&#xa0;»&#xa0;; l&apos;un de booked, confirmed, arrived, in-room, completed, cancelled, no-show.</translation>
    </message>
    <message>
        <source>--by is patient or clinic.</source>
        <translation>--by vaut patient ou clinic.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Afficher en JSON.</translation>
    </message>
    <message>
        <source>Books an appointment; prints its id (exit 3 on a conflict, naming it)</source>
        <translation>Réserve un rendez-vous et affiche son identifiant (code de sortie 3 en cas de conflit, qui est nommé)</translation>
    </message>
    <message>
        <source>The patient&apos;s id.</source>
        <translation>L&apos;identifiant du patient.</translation>
    </message>
    <message>
        <source>The practitioner&apos;s id.</source>
        <translation>L&apos;identifiant du praticien.</translation>
    </message>
    <message>
        <source>Start, ISO 8601; without an offset in the clinic&apos;s time zone.</source>
        <translation>Début, ISO 8601&#xa0;; sans décalage, dans le fuseau horaire du cabinet.</translation>
    </message>
    <message>
        <source>Length in minutes (default: the type&apos;s).</source>
        <translation>Durée en minutes (par défaut&#xa0;: celle du type).</translation>
    </message>
    <message>
        <source>Appointment type code, e.g. consultation.</source>
        <translation>Code du type de rendez-vous, p. ex. consultation.</translation>
    </message>
    <message>
        <source>The room&apos;s id.</source>
        <translation>L&apos;identifiant de la salle.</translation>
    </message>
    <message>
        <source>Reason for the visit.</source>
        <translation>Motif de la consultation.</translation>
    </message>
    <message>
        <source>Book over a conflict (managers; audited).</source>
        <translation>Réserver malgré un conflit (responsables&#xa0;; audité).</translation>
    </message>
    <message>
        <source>Lists the next free slots</source>
        <translation>Liste les prochains créneaux libres</translation>
    </message>
    <message>
        <source>A practitioner&apos;s id, or any.</source>
        <translation>L&apos;identifiant d&apos;un praticien, ou any.</translation>
    </message>
    <message>
        <source>Earliest start, ISO 8601.</source>
        <translation>Début au plus tôt, ISO 8601.</translation>
    </message>
    <message>
        <source>Length wanted.</source>
        <translation>Durée souhaitée.</translation>
    </message>
    <message>
        <source>How many slots.</source>
        <translation>Nombre de créneaux.</translation>
    </message>
    <message>
        <source>Preferred weekdays, 1 = Monday, e.g. 1,3.</source>
        <translation>Jours de la semaine préférés, 1 = lundi, p. ex. 1,3.</translation>
    </message>
    <message>
        <source>Preferred times of day, e.g. 08:00-12:00.</source>
        <translation>Heures de la journée préférées, p. ex. 08:00-12:00.</translation>
    </message>
    <message>
        <source>Leave out times the patient is booked elsewhere.</source>
        <translation>Exclure les heures où le patient a déjà un autre rendez-vous.</translation>
    </message>
    <message>
        <source>Lists one day&apos;s appointments</source>
        <translation>Liste les rendez-vous d&apos;une journée</translation>
    </message>
    <message>
        <source>The day, in the clinic&apos;s time zone.</source>
        <translation>Le jour, dans le fuseau horaire du cabinet.</translation>
    </message>
    <message>
        <source>Only this practitioner&apos;s.</source>
        <translation>Uniquement ceux de ce praticien.</translation>
    </message>
    <message>
        <source>Changes an appointment&apos;s status (exit 3 when not allowed)</source>
        <translation>Change le statut d&apos;un rendez-vous (code de sortie 3 si non autorisé)</translation>
    </message>
    <message>
        <source>The appointment&apos;s id.</source>
        <translation>L&apos;identifiant du rendez-vous.</translation>
    </message>
    <message>
        <source>booked, confirmed, arrived, in-room, completed, cancelled, no-show.</source>
        <translation>booked, confirmed, arrived, in-room, completed, cancelled, no-show.</translation>
    </message>
    <message>
        <source>Why (needed to cancel).</source>
        <translation>Pourquoi (obligatoire pour annuler).</translation>
    </message>
    <message>
        <source>Who cancelled: patient or clinic (default clinic).</source>
        <translation>Qui a annulé&#xa0;: patient ou clinic (par défaut clinic).</translation>
    </message>
    <message>
        <source>Take back the latest status change.</source>
        <translation>Annuler le dernier changement de statut.</translation>
    </message>
</context>
<context>
    <name>ScheduleExceptionRepository</name>
    <message>
        <source>Time off must end after it starts.</source>
        <translation>Une absence doit se terminer après son début.</translation>
    </message>
    <message>
        <source>Leave belongs to a practitioner; choose one.</source>
        <translation>Un congé appartient à un praticien&#xa0;; choisissez-en un.</translation>
    </message>
</context>
<context>
    <name>ScheduleLoader</name>
    <message>
        <source>Choose a valid day and from 1 to 31 days.</source>
        <translation>Choisissez un jour valide et de 1 à 31 jours.</translation>
    </message>
</context>
<context>
    <name>ScheduleMapping</name>
    <message>
        <source>The extension %1 names no status Frontdesk knows: &quot;%2&quot;.</source>
        <translation>L&apos;extension %1 ne nomme aucun statut connu de Frontdesk : « %2 ».</translation>
    </message>
    <message>
        <source>status must be one of proposed, pending, booked, arrived, checked-in, fulfilled, cancelled, noshow; got &quot;%1&quot;.</source>
        <translation>status doit être l&apos;un de proposed, pending, booked, arrived, checked-in, fulfilled, cancelled, noshow ; reçu « %1 ».</translation>
    </message>
    <message>
        <source>end must be after start.</source>
        <translation>end doit être après start.</translation>
    </message>
    <message>
        <source>participant.actor.reference must read TYPE/ID; got &quot;%1&quot;.</source>
        <translation>participant.actor.reference doit être de la forme TYPE/ID ; reçu « %1 ».</translation>
    </message>
    <message>
        <source>A participant must be a Patient, Practitioner or Location; got &quot;%1&quot;.</source>
        <translation>Un participant doit être un Patient, un Practitioner ou une Location ; reçu « %1 ».</translation>
    </message>
    <message>
        <source>An appointment needs a Patient and a Practitioner participant.</source>
        <translation>Un rendez-vous a besoin d&apos;un participant Patient et d&apos;un participant Practitioner.</translation>
    </message>
    <message>
        <source>A Practitioner needs name[0].family.</source>
        <translation>Un Practitioner a besoin de name[0].family.</translation>
    </message>
    <message>
        <source>The slot length (%1) must be 5 to 240 minutes.</source>
        <translation>La durée de créneau (%1) doit être de 5 à 240 minutes.</translation>
    </message>
    <message>
        <source>A Location needs a name.</source>
        <translation>Une Location a besoin d&apos;un nom.</translation>
    </message>
    <message>
        <source>status must be active, suspended or inactive; got &quot;%1&quot;.</source>
        <translation>status doit être active, suspended ou inactive ; reçu « %1 ».</translation>
    </message>
    <message>
        <source>A Slot is time off only with status busy-unavailable; got &quot;%1&quot;.</source>
        <translation>Un Slot n&apos;est une absence qu&apos;avec le statut busy-unavailable ; reçu : « %1 ».</translation>
    </message>
    <message>
        <source>A Slot needs a schedule: Schedule/ID of the practitioner, or a display alone for the whole clinic.</source>
        <translation>Un Slot nécessite un schedule : Schedule/ID du praticien, ou un display seul pour tout le cabinet.</translation>
    </message>
    <message>
        <source>schedule.reference must read Schedule/ID; got &quot;%1&quot;.</source>
        <translation>schedule.reference doit être de la forme Schedule/ID ; reçu : « %1 ».</translation>
    </message>
    <message>
        <source>The extension %1 must be holiday, leave or blocked; got &quot;%2&quot;.</source>
        <translation>L&apos;extension %1 doit être holiday, leave ou blocked ; reçu : « %2 ».</translation>
    </message>
</context>
<context>
    <name>ServerAccounts</name>
    <message>
        <source>The server&apos;s list of staff accounts is not usable: %1</source>
        <translation>La liste des comptes du personnel envoyée par le serveur est inutilisable&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server&apos;s list of staff accounts gives %1 the unknown role &quot;%2&quot;; no account was changed here.</source>
        <translation>La liste des comptes du personnel envoyée par le serveur attribue à %1 le rôle inconnu «&#xa0;%2&#xa0;»&#xa0;; aucun compte n&apos;a été modifié ici.</translation>
    </message>
    <message>
        <source>The server accepted the password of %1, but it could not be kept here: %2</source>
        <translation>Le serveur a accepté le mot de passe de %1, mais il n&apos;a pas pu être conservé ici&#xa0;: %2</translation>
    </message>
    <message>
        <source>The staff accounts from the server could not be written here: %1</source>
        <translation>Les comptes du personnel reçus du serveur n&apos;ont pas pu être enregistrés ici&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ServerConnection</name>
    <message>
        <source>The server refused the sign-in (401): %1</source>
        <translation>Le serveur a refusé la connexion (401) : %1</translation>
    </message>
    <message>
        <source>The server refused this (403): %1</source>
        <translation>Le serveur a refusé cette demande (403) : %1</translation>
    </message>
    <message>
        <source>The server answered %1: %2</source>
        <translation>Le serveur a répondu %1 : %2</translation>
    </message>
    <message>
        <source>This connection has no workstation credential.</source>
        <translation>Cette connexion n&apos;a pas d&apos;identifiants de poste de travail.</translation>
    </message>
    <message>
        <source>The server gave no token for the workstation.</source>
        <translation>Le serveur n&apos;a délivré aucun jeton pour le poste de travail.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to %1 %2 is not a JSON object.</source>
        <translation>La réponse du serveur à %1 %2 n&apos;est pas un objet JSON.</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read: %2</source>
        <translation>Le fichier d&apos;AC %1 ne peut pas être lu : %2</translation>
    </message>
    <message>
        <source>The CA file %1 holds no PEM certificate.</source>
        <translation>Le fichier d&apos;AC %1 ne contient aucun certificat PEM.</translation>
    </message>
    <message>
        <source>The server&apos;s public key (sha256 %1) is not the pinned one (%2): this may not be your server. Nothing was sent.</source>
        <translation>La clé publique du serveur (sha256 %1) n&apos;est pas celle épinglée (%2) : ce n&apos;est peut-être pas votre serveur. Rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>TLS with %1 failed: %2</source>
        <translation>Le TLS avec %1 a échoué : %2</translation>
    </message>
    <message>
        <source>The server at %1 did not answer within %2 seconds.</source>
        <translation>Le serveur à l&apos;adresse %1 n&apos;a pas répondu dans les %2 secondes.</translation>
    </message>
    <message>
        <source>The server at %1 cannot be reached: %2</source>
        <translation>Le serveur à l&apos;adresse %1 est injoignable : %2</translation>
    </message>
    <message>
        <source>No answer from %1: %2</source>
        <translation>Aucune réponse de %1 : %2</translation>
    </message>
</context>
<context>
    <name>ServerCopy</name>
    <message>
        <source>%1 has no field %2.</source>
        <translation>%1 n&apos;a pas de champ %2.</translation>
    </message>
    <message>
        <source>Could not save the %1 from the server: %2</source>
        <translation>Impossible d&apos;enregistrer %1 venant du serveur : %2</translation>
    </message>
</context>
<context>
    <name>ServerEndpoint</name>
    <message>
        <source>&quot;%1&quot; is not a server address such as https://fd.clinic.example:8443.</source>
        <translation>« %1 » n&apos;est pas une adresse de serveur comme https://fd.clinic.example:8443.</translation>
    </message>
    <message>
        <source>%1 is plain HTTP: everything, passwords included, would cross the network readable. Use https://, or --insecure-http for development only.</source>
        <translation>%1 est du HTTP en clair : tout, mots de passe compris, traverserait le réseau en lisible. Utilisez https://, ou --insecure-http pour le développement uniquement.</translation>
    </message>
    <message>
        <source>%1 is not an https:// address.</source>
        <translation>%1 n&apos;est pas une adresse https://.</translation>
    </message>
    <message>
        <source>The server address takes no user, query or fragment: %1</source>
        <translation>L&apos;adresse du serveur ne prend ni utilisateur, ni requête, ni fragment : %1</translation>
    </message>
    <message>
        <source>The pin &quot;%1&quot; is not a base64 SHA-256 (44 characters ending in &apos;=&apos;), e.g. from: openssl x509 -in server.pem -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64</source>
        <translation>L&apos;épingle « %1 » n&apos;est pas un SHA-256 en base64 (44 caractères finissant par &apos;=&apos;), par ex. obtenu par : openssl x509 -in server.pem -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64</translation>
    </message>
    <message>
        <source>This workstation is not enrolled with a server: frontdeskctl enroll --server URL --user ADMIN, or Workstation → Connect to server…</source>
        <translation>Ce poste de travail n&apos;est inscrit auprès d&apos;aucun serveur : frontdeskctl enroll --server URL --user ADMIN, ou Poste de travail → Se connecter au serveur…</translation>
    </message>
</context>
<context>
    <name>ServerSignIn</name>
    <message>
        <source>The server&apos;s answer names no known role.</source>
        <translation>La réponse du serveur n&apos;indique aucun rôle connu.</translation>
    </message>
</context>
<context>
    <name>SharedSettings</name>
    <message>
        <source>The setting %1 must be a whole number from %2 to %3; got &quot;%4&quot;.</source>
        <translation>Le paramètre %1 doit être un nombre entier de %2 à %3&#xa0;; reçu&#xa0;: «&#xa0;%4&#xa0;».</translation>
    </message>
    <message>
        <source>The clinic&apos;s name is longer than 200 characters.</source>
        <translation>Le nom du cabinet dépasse 200 caractères.</translation>
    </message>
    <message>
        <source>The clinic&apos;s phone number &quot;%1&quot; is not a phone number.</source>
        <translation>Le numéro de téléphone du cabinet «&#xa0;%1&#xa0;» n’est pas un numéro de téléphone.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time zone; use its IANA name, e.g. Europe/Berlin.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un fuseau horaire&#xa0;; utilisez son nom IANA, p. ex. Europe/Paris.</translation>
    </message>
    <message>
        <source>The phone country code must be 1 to 3 digits, e.g. 49; got &quot;%1&quot;.</source>
        <translation>L’indicatif pays doit comporter 1 à 3 chiffres, p. ex. 33&#xa0;; reçu&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>%1 is not a setting of the clinic.</source>
        <translation>%1 n’est pas un paramètre du cabinet.</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation>Le nom d&apos;utilisateur ou le mot de passe est incorrect.</translation>
    </message>
</context>
<context>
    <name>SqlCipherResult</name>
    <message>
        <source>The database connection is closed.</source>
        <translation>La connexion à la base de données est fermée.</translation>
    </message>
    <message>
        <source>The statement is too long.</source>
        <translation>L&apos;instruction est trop longue.</translation>
    </message>
    <message>
        <source>Unable to prepare the statement</source>
        <translation>Impossible de préparer l&apos;instruction</translation>
    </message>
    <message>
        <source>The query contains no SQL statement.</source>
        <translation>La requête ne contient aucune instruction SQL.</translation>
    </message>
    <message>
        <source>The query contains more than one statement; the QSQLCIPHER driver runs one statement at a time.</source>
        <translation>La requête contient plus d&apos;une instruction&#xa0;; le pilote QSQLCIPHER exécute une instruction à la fois.</translation>
    </message>
    <message>
        <source>The query was not prepared.</source>
        <translation>La requête n&apos;a pas été préparée.</translation>
    </message>
    <message>
        <source>The statement has %1 placeholders, but %2 values were bound.</source>
        <translation>L&apos;instruction a %1 paramètres, mais %2 valeurs ont été liées.</translation>
    </message>
    <message>
        <source>Cannot bind a value of type %1 to placeholder %2.</source>
        <translation>Impossible de lier une valeur de type %1 au paramètre %2.</translation>
    </message>
    <message>
        <source>Unable to bind placeholder %1</source>
        <translation>Impossible de lier le paramètre %1</translation>
    </message>
    <message>
        <source>Unable to execute the statement</source>
        <translation>Impossible d&apos;exécuter l&apos;instruction</translation>
    </message>
    <message>
        <source>Unable to fetch the next row</source>
        <translation>Impossible de lire la ligne suivante</translation>
    </message>
</context>
<context>
    <name>StaffAccountRepository</name>
    <message>
        <source>A user name has 2 to 64 letters, digits, dots, dashes or underscores and starts with a letter or digit; &quot;%1&quot; does not.</source>
        <translation>Un nom d&apos;utilisateur comporte de 2 à 64 lettres, chiffres, points, tirets ou traits de soulignement et commence par une lettre ou un chiffre&#xa0;; ce n&apos;est pas le cas de «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>There is already an account named %1.</source>
        <translation>Il existe déjà un compte nommé %1.</translation>
    </message>
    <message>
        <source>Could not save the account %1: %2</source>
        <translation>Impossible d&apos;enregistrer le compte %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not save the password of %1: %2</source>
        <translation>Impossible d&apos;enregistrer le mot de passe de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>There is no account named %1.</source>
        <translation>Il n&apos;existe aucun compte nommé %1.</translation>
    </message>
    <message>
        <source>%1 is the last active administrator; make another administrator first, or nobody could manage accounts.</source>
        <translation>%1 est le dernier administrateur actif&#xa0;; nommez d&apos;abord un autre administrateur, sinon personne ne pourrait plus gérer les comptes.</translation>
    </message>
    <message>
        <source>%1 is the last active administrator; make another administrator first.</source>
        <translation>%1 est le dernier administrateur actif&#xa0;; nommez d&apos;abord un autre administrateur.</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <source>The data directory (default: %1).</source>
        <translation>Le répertoire des données (par défaut&#xa0;: %1).</translation>
    </message>
    <message>
        <source>Keep the database key in this file (mode 0600) instead of the OS keychain. Weaker: for test and demo machines.</source>
        <translation>Conserver la clé de la base de données dans ce fichier (mode 0600) plutôt que dans le trousseau du système. Moins sûr&#xa0;: pour les machines de test et de démonstration.</translation>
    </message>
    <message>
        <source>Start on this view: %1.</source>
        <translation>Démarrer sur cette vue&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Frontdesk, the front desk of a clinic.</source>
        <translation>Frontdesk, l&apos;accueil d&apos;un cabinet médical.</translation>
    </message>
    <message>
        <source>Frontdesk</source>
        <translation>Frontdesk</translation>
    </message>
    <message>
        <source>%1
Run frontdesk --help for the options.</source>
        <translation>%1
Lancez frontdesk --help pour voir les options.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;. Run frontdesk --help for the options.</source>
        <translation>Argument inattendu «&#xa0;%1&#xa0;». Lancez frontdesk --help pour voir les options.</translation>
    </message>
    <message>
        <source>Unknown view &quot;%1&quot;; choose one of %2.</source>
        <translation>Vue inconnue «&#xa0;%1&#xa0;»&#xa0;; choisissez parmi %2.</translation>
    </message>
    <message>
        <source>Frontdesk could not open its database in %1.

%2</source>
        <translation>Frontdesk n&apos;a pas pu ouvrir sa base de données dans %1.

%2</translation>
    </message>
    <message>
        <source>This workstation could not be wiped: %1</source>
        <translation>Ce poste de travail n&apos;a pas pu être effacé&#xa0;: %1</translation>
    </message>
    <message>
        <source>This workstation was wiped: its database and key are gone. Frontdesk starts again as new.</source>
        <translation>Ce poste de travail a été effacé&#xa0;: sa base de données et sa clé ont disparu. Frontdesk redémarre comme neuf.</translation>
    </message>
    <message>
        <source>This workstation is not enrolled with a server (Workstation → Connect to Server…).</source>
        <translation>Ce poste n&apos;est enrôlé auprès d&apos;aucun serveur (Poste de travail → Se connecter au serveur…).</translation>
    </message>
</context>
<context>
    <name>StatusHistoryRepository</name>
    <message>
        <source>The status history is never rewritten; record a revert instead.</source>
        <translation>L&apos;historique des statuts n&apos;est jamais réécrit&#xa0;; enregistrez plutôt une annulation.</translation>
    </message>
    <message>
        <source>A status change belongs to an appointment.</source>
        <translation>Un changement de statut appartient à un rendez-vous.</translation>
    </message>
</context>
<context>
    <name>StatusTransitions</name>
    <message>
        <source>Say why the appointment is cancelled.</source>
        <translation>Indiquez pourquoi le rendez-vous est annulé.</translation>
    </message>
    <message>
        <source>Say who cancelled the appointment: the patient or the clinic.</source>
        <translation>Indiquez qui a annulé le rendez-vous&#xa0;: le patient ou le cabinet.</translation>
    </message>
    <message>
        <source>Only a cancellation names who cancelled.</source>
        <translation>Seule une annulation indique qui a annulé.</translation>
    </message>
    <message>
        <source>A patient can only be marked as not having come once the appointment has begun.</source>
        <translation>Un patient ne peut être marqué absent qu&apos;une fois le rendez-vous commencé.</translation>
    </message>
    <message>
        <source>The appointment is already “%1”.</source>
        <translation>Le rendez-vous a déjà le statut «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>The appointment is “%1”, which is final: it cannot become “%2”. If the status was set by mistake, revert it.</source>
        <translation>Le rendez-vous a le statut «&#xa0;%1&#xa0;», qui est définitif&#xa0;: il ne peut pas passer à «&#xa0;%2&#xa0;». Si le statut a été mis par erreur, annulez-le.</translation>
    </message>
    <message>
        <source>An appointment that is “%1” cannot become “%2”.</source>
        <translation>Un rendez-vous au statut «&#xa0;%1&#xa0;» ne peut pas passer à «&#xa0;%2&#xa0;».</translation>
    </message>
</context>
<context>
    <name>SurveyAnswerMapping</name>
    <message>
        <source>questionnaire must be %1.</source>
        <translation>questionnaire doit valoir %1.</translation>
    </message>
    <message>
        <source>item %1 is missing.</source>
        <translation>item %1 est absent.</translation>
    </message>
</context>
<context>
    <name>SurveyAnswerRepository</name>
    <message>
        <source>A survey answer needs a patient.</source>
        <translation>Une réponse à l&apos;enquête a besoin d&apos;un patient.</translation>
    </message>
    <message>
        <source>A survey answer is a score from %1 to %2; got %3.</source>
        <translation>Une réponse à l&apos;enquête est une note de %1 à %2&#xa0;; reçu&#xa0;: %3.</translation>
    </message>
    <message>
        <source>A survey answer needs the time it was given.</source>
        <translation>Une réponse à l&apos;enquête a besoin de l&apos;heure à laquelle elle a été donnée.</translation>
    </message>
</context>
<context>
    <name>SurveyCommands</name>
    <message>
        <source>survey needs one sub-command: record or visits.</source>
        <translation>survey nécessite une sous-commande&#xa0;: record ou visits.</translation>
    </message>
    <message>
        <source>survey %1 needs --patient ID.</source>
        <translation>survey %1 nécessite --patient ID.</translation>
    </message>
    <message>
        <source>survey record needs --patient ID, --appointment ID and --score N.</source>
        <translation>survey record nécessite --patient ID, --appointment ID et --score N.</translation>
    </message>
    <message>
        <source>--score must be a whole number from %1 (poor) to %2 (very good); got &quot;%3&quot;.</source>
        <translation>--score doit être un nombre entier de %1 (mauvais) à %2 (très bien)&#xa0;; reçu&#xa0;: «&#xa0;%3&#xa0;».</translation>
    </message>
    <message numerus="yes">
        <source>No completed visit in the last %n day(s).</source>
        <translation>
            <numerusform>Aucune visite terminée au cours du dernier %n jour.</numerusform>
            <numerusform>Aucune visite terminée au cours des %n derniers jours.</numerusform>
        </translation>
    </message>
    <message>
        <source>answered %1</source>
        <translation>réponse&#xa0;: %1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <source>no survey sent</source>
        <translation>aucune enquête envoyée</translation>
    </message>
    <message>
        <source>survey sent</source>
        <translation>enquête envoyée</translation>
    </message>
    <message>
        <source>Survey answer %1 replaced: %2 of 5.</source>
        <translation>Réponse à l&apos;enquête %1 remplacée&#xa0;: %2 sur 5.</translation>
    </message>
    <message>
        <source>Survey answer %1 recorded: %2 of 5.</source>
        <translation>Réponse à l&apos;enquête %1 enregistrée&#xa0;: %2 sur 5.</translation>
    </message>
    <message>
        <source>A follow-up&apos;s survey answered by phone: the visits it may be about, and recording the answer.</source>
        <translation>Enquête d&apos;un suivi répondue par téléphone&#xa0;: les visites concernées et l&apos;enregistrement de la réponse.</translation>
    </message>
    <message>
        <source>The patient&apos;s id.</source>
        <translation>L&apos;identifiant du patient.</translation>
    </message>
    <message>
        <source>The completed visit the answer is about.</source>
        <translation>La visite terminée sur laquelle porte la réponse.</translation>
    </message>
    <message>
        <source>The answer, from 1 (poor) to 5 (very good).</source>
        <translation>La réponse, de 1 (mauvais) à 5 (très bien).</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Afficher en JSON.</translation>
    </message>
</context>
<context>
    <name>SurveyEntry</name>
    <message>
        <source>A survey answer is a score from %1 to %2, not %3.</source>
        <translation>Une réponse à l&apos;enquête est une note de %1 à %2, pas %3.</translation>
    </message>
    <message>
        <source>The appointment %1 is not one of this patient&apos;s.</source>
        <translation>Le rendez-vous %1 n&apos;appartient pas à ce patient.</translation>
    </message>
    <message>
        <source>The appointment is not a completed visit (it is %1): a survey asks about a visit that took place.</source>
        <translation>Le rendez-vous n&apos;est pas une visite terminée (statut&#xa0;: %1)&#xa0;: une enquête porte sur une visite qui a eu lieu.</translation>
    </message>
</context>
<context>
    <name>SyncCommands</name>
    <message>
        <source>No password for %1 on standard input.</source>
        <translation>Aucun mot de passe pour %1 sur l&apos;entrée standard.</translation>
    </message>
    <message>
        <source>Password for %1 at %2: </source>
        <translation>Mot de passe de %1 sur %2 : </translation>
    </message>
    <message>
        <source>There is no terminal to ask %1&apos;s password on; give it on standard input.</source>
        <translation>Aucun terminal ne permet de demander le mot de passe de %1 ; fournissez-le sur l&apos;entrée standard.</translation>
    </message>
    <message>
        <source>reachable; it accepts this workstation&apos;s credential</source>
        <translation>joignable ; il accepte les identifiants de ce poste de travail</translation>
    </message>
    <message>
        <source>This workstation is not enrolled with a server.</source>
        <translation>Ce poste de travail n&apos;est inscrit auprès d&apos;aucun serveur.</translation>
    </message>
    <message>
        <source>Server:       %1</source>
        <translation>Serveur :        %1</translation>
    </message>
    <message>
        <source>Workstation:  %1 (%2)</source>
        <translation>Poste :          %1 (%2)</translation>
    </message>
    <message>
        <source>Enrolled:     %1 by %2</source>
        <translation>Inscrit :        %1 par %2</translation>
    </message>
    <message>
        <source>Trust:        %1</source>
        <translation>Confiance :      %1</translation>
    </message>
    <message>
        <source>INSECURE (development): plain HTTP and unverified certificates accepted</source>
        <translation>NON SÉCURISÉ (développement) : HTTP en clair et certificats non vérifiés acceptés</translation>
    </message>
    <message>
        <source>the system&apos;s CAs</source>
        <translation>les AC du système</translation>
    </message>
    <message>
        <source>the system&apos;s CAs and %1</source>
        <translation>les AC du système et %1</translation>
    </message>
    <message>
        <source>Pinned key:   sha256 %1</source>
        <translation>Clé épinglée :   sha256 %1</translation>
    </message>
    <message>
        <source>Credential:   %1</source>
        <translation>Identifiants :   %1</translation>
    </message>
    <message>
        <source>kept in %1</source>
        <translation>conservés dans %1</translation>
    </message>
    <message>
        <source>Server check: %1</source>
        <translation>Vérification :   %1</translation>
    </message>
    <message>
        <source>enroll needs --server URL (or --status).</source>
        <translation>enroll nécessite --server URL (ou --status).</translation>
    </message>
    <message>
        <source>enroll needs --user NAME: an administrator&apos;s account at the server.</source>
        <translation>enroll nécessite --user NOM : le compte d&apos;un administrateur du serveur.</translation>
    </message>
    <message>
        <source>Warning: --insecure-http is for development only: plain HTTP and certificates that do not verify are accepted.</source>
        <translation>Attention : --insecure-http est réservé au développement : le HTTP en clair et les certificats non vérifiables sont acceptés.</translation>
    </message>
    <message>
        <source>The server enrolled this workstation (%1), but it could not be kept here: %2. Revoke it at the server (frontdesk-server workstation revoke %1) and enroll again.</source>
        <translation>Le serveur a inscrit ce poste de travail (%1), mais l&apos;inscription n&apos;a pas pu être conservée ici : %2. Révoquez-la sur le serveur (frontdesk-server workstation revoke %1) et inscrivez-le de nouveau.</translation>
    </message>
    <message>
        <source>Enrolled this workstation as &quot;%1&quot; (%2) at %3, by %4.</source>
        <translation>Ce poste de travail est inscrit sous le nom « %1 » (%2) auprès de %3, par %4.</translation>
    </message>
    <message>
        <source>Its credential is kept in %1.</source>
        <translation>Ses identifiants sont conservés dans %1.</translation>
    </message>
    <message>
        <source>Join a frontdesk-server: --user is an administrator there (password on standard input or asked); or show the enrollment with --status.</source>
        <translation>Rejoindre un frontdesk-server : --user y est administrateur (mot de passe sur l&apos;entrée standard ou demandé) ; ou afficher l&apos;inscription avec --status.</translation>
    </message>
    <message>
        <source>The server&apos;s address, e.g. https://fd.clinic.example:8443.</source>
        <translation>L&apos;adresse du serveur, par ex. https://fd.clinic.example:8443.</translation>
    </message>
    <message>
        <source>Also trust the CA certificates in this PEM file.</source>
        <translation>Faire aussi confiance aux certificats d&apos;AC de ce fichier PEM.</translation>
    </message>
    <message>
        <source>Accept only this server public key: base64 SHA-256 of its SubjectPublicKeyInfo.</source>
        <translation>N&apos;accepter que cette clé publique du serveur : SHA-256 en base64 de son SubjectPublicKeyInfo.</translation>
    </message>
    <message>
        <source>Development only: allow http:// and certificates that do not verify.</source>
        <translation>Développement uniquement : autoriser http:// et les certificats non vérifiables.</translation>
    </message>
    <message>
        <source>The workstation&apos;s name at the server (default: the host name).</source>
        <translation>Le nom du poste de travail sur le serveur (par défaut : le nom d&apos;hôte).</translation>
    </message>
    <message>
        <source>Show the enrollment and check that the server accepts it.</source>
        <translation>Afficher l&apos;inscription et vérifier que le serveur l&apos;accepte.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Afficher en JSON.</translation>
    </message>
    <message>
        <source>The server could not be reached; the changes wait here and go with the next sync: %1</source>
        <translation>Le serveur n&apos;a pas pu être joint ; les modifications attendent ici et partiront à la prochaine synchronisation : %1</translation>
    </message>
    <message>
        <source>Pushed %1, pulled %2, conflicts %3, rejected %4; %5 waiting.</source>
        <translation>Envoyés %1, reçus %2, conflits %3, refusés %4 ; %5 en attente.</translation>
    </message>
    <message>
        <source>One round of sync with the enrolled server: push the changes made here, pull the server&apos;s; prints pushed, pulled, conflicts and refused (exit 0 also when the server cannot be reached, saying so).</source>
        <translation>Une synchronisation avec le serveur enrôlé : envoie les modifications faites ici, reçoit celles du serveur ; affiche envoyés, reçus, conflits et refusés (code de sortie 0 aussi quand le serveur est injoignable, en le signalant).</translation>
    </message>
    <message>
        <source>--take goes with conflicts resolve ID.</source>
        <translation>--take s&apos;utilise avec conflicts resolve ID.</translation>
    </message>
    <message>
        <source>conflicts resolve needs the record&apos;s id and --take mine or --take theirs.</source>
        <translation>conflicts resolve exige l&apos;identifiant de l&apos;enregistrement et --take mine ou --take theirs.</translation>
    </message>
    <message>
        <source>%1: this workstation&apos;s version is sent again with the next sync.</source>
        <translation>%1&#xa0;: la version de ce poste est renvoyée à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>%1: now the server&apos;s version; the changes made here are dropped.</source>
        <translation>%1&#xa0;: désormais la version du serveur&#xa0;; les modifications faites ici sont abandonnées.</translation>
    </message>
    <message>
        <source>Nothing waits for a decision: every record the server refused or changed meanwhile is settled.</source>
        <translation>Rien n&apos;attend de décision&#xa0;: chaque enregistrement refusé ou modifié entre-temps par le serveur est réglé.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>CONFLICT</source>
        <translation>CONFLIT</translation>
    </message>
    <message>
        <source>REJECTED</source>
        <translation>REFUSÉ</translation>
    </message>
    <message>
        <source>Here: %1; at the server: %2</source>
        <translation>Ici&#xa0;: %1&#xa0;; sur le serveur&#xa0;: %2</translation>
    </message>
    <message>
        <source>The server has deleted it.</source>
        <translation>Le serveur l&apos;a supprimé.</translation>
    </message>
    <message>
        <source>here &quot;%1&quot;, at the server &quot;%2&quot;</source>
        <translation>ici «&#xa0;%1&#xa0;», sur le serveur «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>With resolve: mine (keep this workstation&apos;s) or theirs (take the server&apos;s).</source>
        <translation>Avec resolve&#xa0;: mine (garder celle de ce poste) ou theirs (reprendre celle du serveur).</translation>
    </message>
    <message>
        <source>conflicts rebook needs the refused booking&apos;s id, and no --take.</source>
        <translation>conflicts rebook exige l&apos;identifiant de la réservation refusée, et pas de --take.</translation>
    </message>
    <message>
        <source>Rebooked to %1; it goes to the server with the next sync.</source>
        <translation>Réservé à nouveau pour %1&#xa0;; la réservation part vers le serveur à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>conflicts takes no argument, or: resolve ID --take mine|theirs, or: rebook ID.</source>
        <translation>conflicts ne prend aucun argument, ou&#xa0;: resolve ID --take mine|theirs, ou&#xa0;: rebook ID.</translation>
    </message>
    <message>
        <source>Settle one with: frontdeskctl conflicts resolve ID --take mine|theirs (a refused booking: conflicts rebook ID)</source>
        <translation>Pour en régler un&#xa0;: frontdeskctl conflicts resolve ID --take mine|theirs (une réservation refusée&#xa0;: conflicts rebook ID)</translation>
    </message>
    <message>
        <source>The records the server refused or had changed meanwhile, with both versions; resolve ID --take mine sends this workstation&apos;s again, --take theirs takes the server&apos;s; rebook ID moves a refused booking to the next free time.</source>
        <translation>Les enregistrements que le serveur a refusés ou modifiés entre-temps, avec les deux versions&#xa0;; resolve ID --take mine renvoie celle de ce poste, --take theirs reprend celle du serveur&#xa0;; rebook ID déplace une réservation refusée sur le prochain créneau libre.</translation>
    </message>
    <message>
        <source>NOT WRITTEN HERE</source>
        <translation>NON ENREGISTRÉ ICI</translation>
    </message>
    <message numerus="yes">
        <source>%n audit entries went up to the server.</source>
        <translation>
            <numerusform>%n entrée d’audit est partie vers le serveur.</numerusform>
            <numerusform>%n entrées d’audit sont parties vers le serveur.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent %1 of %2 records…</source>
        <translation>%1 enregistrements sur %2 envoyés…</translation>
    </message>
    <message>
        <source>Received %1 of %2 changes…</source>
        <translation>%1 modifications sur %2 reçues…</translation>
    </message>
    <message numerus="yes">
        <source>The %n local staff account(s) are kept. From now on the server checks every sign-in; offline, the passwords kept here still work. Each sync gives them the server&apos;s name, role and state, and disables those the server does not have.</source>
        <translation>
            <numerusform>Le %n compte local du personnel est conservé. Désormais, le serveur vérifie chaque connexion&#xa0;; hors ligne, les mots de passe conservés ici restent valables. Chaque synchronisation leur applique le nom, le rôle et l&apos;état du serveur, et désactive ceux que le serveur ne connaît pas.</numerusform>
            <numerusform>Les %n comptes locaux du personnel sont conservés. Désormais, le serveur vérifie chaque connexion&#xa0;; hors ligne, les mots de passe conservés ici restent valables. Chaque synchronisation leur applique le nom, le rôle et l&apos;état du serveur, et désactive ceux que le serveur ne connaît pas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n staff account(s) changed to the server&apos;s.</source>
        <translation>
            <numerusform>%n compte du personnel aligné sur celui du serveur.</numerusform>
            <numerusform>%n comptes du personnel alignés sur ceux du serveur.</numerusform>
        </translation>
    </message>
    <message>
        <source>Disabled here: %1.</source>
        <translation>Désactivés ici&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Rebuilding search index %1 of %2…</source>
        <translation>Reconstruction de l&apos;index de recherche %1 sur %2…</translation>
    </message>
    <message numerus="yes">
        <source>Rebuilt %n search index(es).</source>
        <translation>
            <numerusform>%n index de recherche reconstruit.</numerusform>
            <numerusform>%n index de recherche reconstruits.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncConflicts</name>
    <message>
        <source>MRN</source>
        <translation>N° de dossier</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Téléphone portable</translation>
    </message>
    <message>
        <source>Home phone</source>
        <translation>Téléphone fixe</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Langue préférée</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>Canal préféré</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>Personne à prévenir</translation>
    </message>
    <message>
        <source>Emergency contact&apos;s relation</source>
        <translation>Lien avec le contact d&apos;urgence</translation>
    </message>
    <message>
        <source>Emergency contact&apos;s phone</source>
        <translation>Téléphone du contact d&apos;urgence</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>Fusionné dans</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Salle</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message numerus="yes">
        <source>Name the record by its id or at least its first %n characters.</source>
        <translation>
            <numerusform>Désignez l&apos;enregistrement par son identifiant ou au moins son premier caractère.</numerusform>
            <numerusform>Désignez l&apos;enregistrement par son identifiant ou au moins ses %n premiers caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>No record waiting for a decision has the id %1.</source>
        <translation>Aucun enregistrement en attente de décision n&apos;a l&apos;identifiant %1.</translation>
    </message>
    <message>
        <source>%1 names more than one waiting record: %2.</source>
        <translation>%1 désigne plusieurs enregistrements en attente&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Patient %1, %2 (%3)</source>
        <translation>Patient %1, %2 (%3)</translation>
    </message>
    <message>
        <source>Appointment %1, %2, %3</source>
        <translation>Rendez-vous %1, %2, %3</translation>
    </message>
    <message>
        <source>The server&apos;s version of %1 cannot be read: %2</source>
        <translation>La version du serveur de %1 est illisible&#xa0;: %2</translation>
    </message>
    <message>
        <source>The server holds no version of %1 to take: it never accepted it. Keep this workstation&apos;s (it is sent again), or change it here first, e.g. move the appointment to a free time.</source>
        <translation>Le serveur ne détient aucune version de %1 à reprendre&#xa0;: il ne l&apos;a jamais acceptée. Gardez celle de ce poste (elle est renvoyée) ou modifiez-la d&apos;abord ici, p. ex. en déplaçant le rendez-vous sur un créneau libre.</translation>
    </message>
    <message>
        <source>Could not take the server&apos;s version of %1: %2</source>
        <translation>Impossible de reprendre la version du serveur de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Only a booking the server refused is rebooked; %1 is not one.</source>
        <translation>Seule une réservation refusée par le serveur peut être déplacée&#xa0;; %1 n&apos;en est pas une.</translation>
    </message>
    <message>
        <source>%1: the practitioner has no free time of that length in the next 120 days; book it by hand.</source>
        <translation>%1&#xa0;: le praticien n&apos;a aucun créneau libre de cette durée dans les 120 prochains jours&#xa0;; réservez à la main.</translation>
    </message>
    <message>
        <source>%1 could not be rebooked: %2</source>
        <translation>Impossible de déplacer %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is not held here, so there is nothing of this workstation&apos;s to keep: take the server&apos;s once what stopped it is put right (%2).</source>
        <translation>%1 n&apos;existe pas ici, il n&apos;y a donc rien de ce poste à garder&#xa0;: reprenez la version du serveur une fois corrigé ce qui l&apos;a bloquée (%2).</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Nom du cabinet</translation>
    </message>
    <message>
        <source>Clinic phone</source>
        <translation>Téléphone du cabinet</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Phone country code</source>
        <translation>Indicatif téléphonique du pays</translation>
    </message>
    <message>
        <source>Late cancellation (hours)</source>
        <translation>Annulation tardive (heures)</translation>
    </message>
    <message>
        <source>Auto-lock (minutes)</source>
        <translation>Verrouillage automatique (minutes)</translation>
    </message>
    <message>
        <source>Keep messages (days)</source>
        <translation>Conserver les messages (jours)</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>Heures de silence</translation>
    </message>
    <message>
        <source>The clinic&apos;s shared settings</source>
        <translation>Paramètres communs du cabinet</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>Could not prepare the changes to send: %1</source>
        <translation>Impossible de préparer les modifications à envoyer : %1</translation>
    </message>
    <message>
        <source>Could not read the %1 %2 to send it: %3</source>
        <translation>Impossible de lire %1 %2 pour l&apos;envoyer : %3</translation>
    </message>
    <message>
        <source>The server answered %1 to the changes sent: %2</source>
        <translation>Le serveur a répondu %1 aux modifications envoyées : %2</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the changes sent has %1 entries for %2 sent.</source>
        <translation>La réponse du serveur aux modifications envoyées contient %1 entrées pour %2 envoyées.</translation>
    </message>
    <message>
        <source>The server&apos;s answer for %1 %2 names no version.</source>
        <translation>La réponse du serveur pour %1 %2 n&apos;indique aucune version.</translation>
    </message>
    <message>
        <source>The server took the changes, but recording that here failed (they go again under the same request id, and the server answers the same): %1</source>
        <translation>Le serveur a pris les modifications, mais l&apos;enregistrer ici a échoué (elles repartent sous le même identifiant de requête, et le serveur répond de même) : %1</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1 : %2</translation>
    </message>
    <message>
        <source>The server did not send its changes (HTTP %1): %2</source>
        <translation>Le serveur n&apos;a pas envoyé ses modifications (HTTP %1) : %2</translation>
    </message>
    <message>
        <source>The server&apos;s list of changes is not a history Bundle with a cursor (Bundle.identifier, system urn:frontdesk:history-cursor); nothing of it was applied.</source>
        <translation>La liste des modifications du serveur n&apos;est pas un Bundle history avec curseur (Bundle.identifier, système urn:frontdesk:history-cursor) ; rien n&apos;en a été appliqué.</translation>
    </message>
    <message>
        <source>A change from the server names no resource and version (request.url TYPE/ID, response.etag).</source>
        <translation>Une modification du serveur n&apos;indique ni ressource ni version (request.url TYPE/ID, response.etag).</translation>
    </message>
    <message>
        <source>Changed at the server since; its version could not be read to merge (%1).</source>
        <translation>Modifié sur le serveur depuis ; sa version n&apos;a pas pu être lue pour fusionner (%1).</translation>
    </message>
    <message>
        <source>Changed here and at the server, and the versions could not be compared: %1</source>
        <translation>Modifié ici et sur le serveur, et les versions n&apos;ont pas pu être comparées : %1</translation>
    </message>
    <message>
        <source>%1 (here &quot;%2&quot;, at the server &quot;%3&quot;)</source>
        <translation>%1 (ici « %2 », sur le serveur « %3 »)</translation>
    </message>
    <message>
        <source>Changed here and at the server: %1.</source>
        <translation>Modifié ici et sur le serveur : %1.</translation>
    </message>
    <message>
        <source>Could not keep the merge of %1 %2: %3</source>
        <translation>Impossible de conserver la fusion de %1 %2 : %3</translation>
    </message>
    <message>
        <source>Version %1 from the server could not be written here: %2</source>
        <translation>La version %1 du serveur n&apos;a pas pu être enregistrée ici&#xa0;: %2</translation>
    </message>
    <message>
        <source>The server did not give its staff accounts (HTTP %1): %2</source>
        <translation>Le serveur n&apos;a pas fourni ses comptes du personnel (HTTP %1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>The server&apos;s answer about staff accounts is not a list of them.</source>
        <translation>La réponse du serveur sur les comptes du personnel n&apos;en est pas une liste.</translation>
    </message>
    <message>
        <source>Changed at the server since; its answer names no version to merge against.</source>
        <translation>Modifié sur le serveur depuis ; sa réponse n’indique aucune version à partir de laquelle fusionner.</translation>
    </message>
    <message>
        <source>Changes from the server could not be applied; none of them was kept, and the next sync asks for them again: %1</source>
        <translation>Des modifications du serveur n&apos;ont pas pu être appliquées ; aucune n&apos;a été gardée, et la prochaine synchronisation les redemande : %1</translation>
    </message>
    <message>
        <source>Changed here and at the server, and there is nothing to merge against: %1</source>
        <translation>Modifié ici et sur le serveur, et il n&apos;y a rien contre quoi fusionner : %1</translation>
    </message>
    <message>
        <source>its answer is not that version</source>
        <translation>sa réponse n&apos;est pas cette version</translation>
    </message>
    <message>
        <source>The server&apos;s version %1, which the change here started from, could not be read (%2).</source>
        <translation>La version %1 du serveur, dont est partie la modification faite ici, n&apos;a pas pu être lue (%2).</translation>
    </message>
    <message>
        <source>The server&apos;s page of changes names %1 as the next page&apos;s cursor in its header and %2 in the Bundle; nothing of it was applied.</source>
        <translation>La page de modifications du serveur indique %1 comme curseur de la page suivante dans son en-tête et %2 dans le Bundle ; rien n&apos;en a été appliqué.</translation>
    </message>
    <message>
        <source>no next page</source>
        <translation>aucune page suivante</translation>
    </message>
</context>
<context>
    <name>SyncResources</name>
    <message>
        <source>%1 records do not sync yet.</source>
        <translation>Les enregistrements %1 ne sont pas encore synchronisés.</translation>
    </message>
    <message>
        <source>%1 resources do not sync yet.</source>
        <translation>Les ressources %1 ne sont pas encore synchronisées.</translation>
    </message>
    <message>
        <source>The clinic&apos;s settings cannot be deleted; the server&apos;s deletion of them was not applied.</source>
        <translation>Les paramètres du cabinet ne peuvent pas être supprimés&#xa0;; leur suppression sur le serveur n’a pas été appliquée.</translation>
    </message>
    <message>
        <source>Queuing the demo records of %1 for the server went wrong (%2 queued, %3 marked); nothing of it was kept.</source>
        <translation>La mise en file des enregistrements de démonstration de %1 pour le serveur a échoué (%2 mis en file, %3 marqués) ; rien n&apos;en a été conservé.</translation>
    </message>
</context>
<context>
    <name>TemplateRenderer</name>
    <message>
        <source>The text has a } that closes no placeholder (after &quot;%1&quot;); write }} for a brace.</source>
        <translation>Le texte contient une } qui ne ferme aucun champ (après «&#xa0;%1&#xa0;»)&#xa0;; écrivez }} pour une accolade.</translation>
    </message>
    <message>
        <source>The text has a { that is not closed (at &quot;%1&quot;); write {{ for a brace.</source>
        <translation>Le texte contient une { qui n&apos;est pas fermée (à «&#xa0;%1&#xa0;»)&#xa0;; écrivez {{ pour une accolade.</translation>
    </message>
    <message>
        <source>The template needs %1, but no patient is chosen.</source>
        <translation>Le modèle requiert %1, mais aucun patient n&apos;est sélectionné.</translation>
    </message>
    <message>
        <source>The template needs %1, but the patient&apos;s record has none.</source>
        <translation>Le modèle requiert %1, mais le dossier du patient ne le contient pas.</translation>
    </message>
    <message>
        <source>The template needs %1, but no appointment is chosen.</source>
        <translation>Le modèle requiert %1, mais aucun rendez-vous n&apos;est sélectionné.</translation>
    </message>
    <message>
        <source>The template needs %1, but the appointment has none.</source>
        <translation>Le modèle requiert %1, mais le rendez-vous ne le précise pas.</translation>
    </message>
    <message>
        <source>The template needs %1, but the clinic&apos;s settings have none.</source>
        <translation>Le modèle requiert %1, mais les paramètres du cabinet ne le précisent pas.</translation>
    </message>
    <message>
        <source>The template needs %1, but the appointment has no practitioner.</source>
        <translation>Le modèle requiert %1, mais le rendez-vous n&apos;a pas de praticien.</translation>
    </message>
    <message>
        <source>The template uses {%1}, which is not a field templates know.</source>
        <translation>Le modèle utilise {%1}, un champ que les modèles ne connaissent pas.</translation>
    </message>
    <message>
        <source>the patient&apos;s first name</source>
        <translation>le prénom du patient</translation>
    </message>
    <message>
        <source>the patient&apos;s family name</source>
        <translation>le nom de famille du patient</translation>
    </message>
    <message>
        <source>the appointment&apos;s date</source>
        <translation>la date du rendez-vous</translation>
    </message>
    <message>
        <source>the appointment&apos;s time</source>
        <translation>l&apos;heure du rendez-vous</translation>
    </message>
    <message>
        <source>the appointment&apos;s type</source>
        <translation>le type de rendez-vous</translation>
    </message>
    <message>
        <source>the practitioner&apos;s name</source>
        <translation>le nom du praticien</translation>
    </message>
    <message>
        <source>the clinic&apos;s name</source>
        <translation>le nom du cabinet</translation>
    </message>
    <message>
        <source>the clinic&apos;s phone number</source>
        <translation>le numéro de téléphone du cabinet</translation>
    </message>
    <message>
        <source>The template uses {%1}, which is not a field templates know. Known fields: %2.</source>
        <translation>Le modèle utilise {%1}, un champ que les modèles ne connaissent pas. Champs connus&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The template needs a name the staff choose it by.</source>
        <translation>Le modèle a besoin d&apos;un nom sous lequel l&apos;équipe le choisit.</translation>
    </message>
    <message>
        <source>The template&apos;s name is longer than %1 characters.</source>
        <translation>Le nom du modèle dépasse %1 caractères.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a purpose messages are sent for.</source>
        <translation>« %1 » n&apos;est pas un motif d&apos;envoi de messages.</translation>
    </message>
    <message>
        <source>A template is for SMS, e-mail or either; &quot;%1&quot; is none of them.</source>
        <translation>Un modèle sert aux SMS, aux e-mails ou aux deux&#xa0;; «&#xa0;%1&#xa0;» n&apos;est rien de cela.</translation>
    </message>
    <message>
        <source>The template&apos;s text is empty.</source>
        <translation>Le texte du modèle est vide.</translation>
    </message>
    <message>
        <source>A template that may go by e-mail needs a subject.</source>
        <translation>Un modèle qui peut partir par e-mail a besoin d&apos;un objet.</translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; is not for this channel.</source>
        <translation>Le modèle «&#xa0;%1&#xa0;» n&apos;est pas prévu pour ce canal.</translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; has no subject for an e-mail.</source>
        <translation>Le modèle «&#xa0;%1&#xa0;» n&apos;a pas d&apos;objet pour un e-mail.</translation>
    </message>
</context>
<context>
    <name>WaitlistRepository</name>
    <message>
        <source>A waitlist entry needs a patient.</source>
        <translation>Une inscription sur liste d&apos;attente nécessite un patient.</translation>
    </message>
    <message>
        <source>The wanted length must be between 5 minutes and 24 hours.</source>
        <translation>La durée souhaitée doit être comprise entre 5 minutes et 24 heures.</translation>
    </message>
    <message>
        <source>The time-of-day window must end after it starts, within one day.</source>
        <translation>La plage horaire doit se terminer après son début, dans la même journée.</translation>
    </message>
    <message>
        <source>Weekdays are 1 (Monday) to 7 (Sunday); got %1.</source>
        <translation>Les jours de la semaine vont de 1 (lundi) à 7 (dimanche)&#xa0;; reçu&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Unknown waitlist status &quot;%1&quot;.</source>
        <translation>Statut de liste d&apos;attente inconnu «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>WorkingHoursRepository</name>
    <message>
        <source>The weekday must be 1 (Monday) to 7 (Sunday); got %1.</source>
        <translation>Le jour de la semaine doit aller de 1 (lundi) à 7 (dimanche)&#xa0;; reçu&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Working hours must end after they start, within one day.</source>
        <translation>Les horaires doivent se terminer après leur début, dans la même journée.</translation>
    </message>
</context>
<context>
    <name>WorkstationCredential</name>
    <message>
        <source>The workstation credential in %1 is damaged; enroll the workstation again.</source>
        <translation>Les identifiants du poste de travail dans %1 sont endommagés ; inscrivez de nouveau le poste de travail.</translation>
    </message>
    <message>
        <source>The workstation credential could not be kept in %1: %2</source>
        <translation>Les identifiants du poste de travail n&apos;ont pas pu être conservés dans %1 : %2</translation>
    </message>
</context>
<context>
    <name>frontdesk::AboutDialog</name>
    <message>
        <source>About Frontdesk</source>
        <translation>À propos de Frontdesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Frontdesk %1&lt;/h3&gt;&lt;p&gt;The front desk of a clinic: appointments, patients, messages and figures, on a workstation that keeps working when the network is down.&lt;/p&gt;&lt;p&gt;Commit %2, built on %3 with Qt %4; running on Qt %5.&lt;/p&gt;&lt;p&gt;Database: %6&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Frontdesk %1&lt;/h3&gt;&lt;p&gt;L&apos;accueil d&apos;un cabinet médical&#xa0;: rendez-vous, patients, messages et indicateurs, sur un poste de travail qui continue de fonctionner quand le réseau est coupé.&lt;/p&gt;&lt;p&gt;Commit %2, compilé le %3 avec Qt %4&#xa0;; exécuté avec Qt %5.&lt;/p&gt;&lt;p&gt;Base de données&#xa0;: %6&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>Bibliothèques</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>Texte de la licence</translation>
    </message>
    <message>
        <source>This build carries no licence text for %1; see the licence named in the table.</source>
        <translation>Cette version ne contient pas le texte de licence de %1&#xa0;; voir la licence indiquée dans le tableau.</translation>
    </message>
</context>
<context>
    <name>frontdesk::AccessController</name>
    <message>
        <source>&amp;Workstation</source>
        <translation>&amp;Poste de travail</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <source>&amp;Audit Trail…</source>
        <translation>&amp;Journal d&apos;audit…</translation>
    </message>
    <message>
        <source>Auto-Lock &amp;Time…</source>
        <translation>Délai de verrouillage &amp;automatique…</translation>
    </message>
    <message>
        <source>&amp;Wipe This Workstation…</source>
        <translation>&amp;Effacer ce poste de travail…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Auto-lock</source>
        <translation>Verrouillage automatique</translation>
    </message>
    <message>
        <source>Lock the workstation after this many idle minutes:</source>
        <translation>Verrouiller le poste après ce nombre de minutes d&apos;inactivité&#xa0;:</translation>
    </message>
    <message>
        <source>Wipe</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Wipe this workstation</source>
        <translation>Effacer ce poste de travail</translation>
    </message>
    <message>
        <source>This removes the database, its WAL and journal files and its key from this workstation for good. Changes not yet sent to the server are lost. Frontdesk then starts as new.

Type WIPE to confirm:</source>
        <translation>Ceci supprime définitivement de ce poste la base de données, ses fichiers WAL et de journal, et sa clé. Les modifications pas encore envoyées au serveur sont perdues. Frontdesk redémarre ensuite comme neuf.

Tapez WIPE pour confirmer&#xa0;:</translation>
    </message>
    <message>
        <source>Connect to &amp;Server…</source>
        <translation>Se connecter au &amp;serveur…</translation>
    </message>
    <message>
        <source>Connect to server</source>
        <translation>Se connecter au serveur</translation>
    </message>
    <message>
        <source>Message Te&amp;mplates…</source>
        <translation>&amp;Modèles de message…</translation>
    </message>
    <message>
        <source>Message templates</source>
        <translation>Modèles de message</translation>
    </message>
    <message>
        <source>The account %1 was disabled at the server. Another person can sign in here with Switch User.</source>
        <translation>Le compte %1 a été désactivé sur le serveur. Une autre personne peut se connecter ici avec «&#xa0;Changer d&apos;utilisateur&#xa0;».</translation>
    </message>
</context>
<context>
    <name>frontdesk::AppointmentDayModel</name>
    <message>
        <source>Could not load the appointments of %1: %2</source>
        <translation>Impossible de charger les rendez-vous du %1&#xa0;: %2</translation>
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
Notes&#xa0;: %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Salle</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchro</translation>
    </message>
    <message>
        <source>%1 · patient replied</source>
        <comment>appointment status · a reply waits</comment>
        <translation>%1 · réponse du patient</translation>
    </message>
</context>
<context>
    <name>frontdesk::AuditTrailModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
</context>
<context>
    <name>frontdesk::AuditViewer</name>
    <message>
        <source>Audit trail</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>patient id</source>
        <translation>identifiant du patient</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Action&#xa0;:</translation>
    </message>
    <message>
        <source>Patient:</source>
        <translation>Patient&#xa0;:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Afficher</translation>
    </message>
    <message>
        <source>&amp;Verify chain</source>
        <translation>&amp;Vérifier la chaîne</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <source>(anyone)</source>
        <translation>(tous)</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>(toutes)</translation>
    </message>
    <message>
        <source>The newest %1 entries that match; narrow the filter to see older ones.</source>
        <translation>Les %1 entrées correspondantes les plus récentes&#xa0;; affinez le filtre pour voir les plus anciennes.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries match.</source>
        <translation>
            <numerusform>%n entrée correspond.</numerusform>
            <numerusform>%n entrées correspondent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The audit trail is intact: %n entries, each chained to the one before.</source>
        <translation>
            <numerusform>Le journal d&apos;audit est intact&#xa0;: %n entrée, chaînée à la précédente.</numerusform>
            <numerusform>Le journal d&apos;audit est intact&#xa0;: %n entrées, chacune chaînée à la précédente.</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit trail was tampered with. %1</source>
        <translation>Le journal d&apos;audit a été falsifié. %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>%n entrée exportée vers %1.</numerusform>
            <numerusform>%n entrées exportées vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Exporter le journal d&apos;audit</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>Entrées du journal</translation>
    </message>
</context>
<context>
    <name>frontdesk::BookingDialog</name>
    <message>
        <source>Book an appointment on %1</source>
        <translation>Réserver un rendez-vous le %1</translation>
    </message>
    <message>
        <source>Name, birth date, phone or MRN</source>
        <translation>Nom, date de naissance, téléphone ou n° de dossier</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>No room</source>
        <translation>Aucune salle</translation>
    </message>
    <message>
        <source>Book even if the time is taken (double-booking, recorded)</source>
        <translation>Réserver même si le créneau est pris (double réservation, consignée)</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>Ne se répète pas</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Chaque semaine</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Chaque mois</translation>
    </message>
    <message>
        <source>every </source>
        <translation>tous les </translation>
    </message>
    <message>
        <source>times</source>
        <translation>fois</translation>
    </message>
    <message>
        <source>until</source>
        <translation>jusqu&apos;au</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Patient&#xa0;:</translation>
    </message>
    <message>
        <source>P&amp;ractitioner:</source>
        <translation>P&amp;raticien&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Heure&#xa0;:</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>T&amp;ype&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Durée&#xa0;:</translation>
    </message>
    <message>
        <source>R&amp;oom:</source>
        <translation>&amp;Salle&#xa0;:</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notes&#xa0;:</translation>
    </message>
    <message>
        <source>Re&amp;peat:</source>
        <translation>Répé&amp;tition&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>Réser&amp;ver</translation>
    </message>
    <message>
        <source>Choose the patient first: type part of the name and pick them from the list.</source>
        <translation>Choisissez d&apos;abord le patient&#xa0;: tapez une partie du nom et sélectionnez-le dans la liste.</translation>
    </message>
    <message>
        <source>That time does not exist on this day (the clocks change); choose another.</source>
        <translation>Cette heure n&apos;existe pas ce jour-là (changement d&apos;heure)&#xa0;; choisissez-en une autre.</translation>
    </message>
    <message>
        <source>Repeat interval</source>
        <translation>Intervalle de répétition</translation>
    </message>
    <message>
        <source>Number of appointments</source>
        <translation>Nombre de rendez-vous</translation>
    </message>
    <message>
        <source>Series ends</source>
        <translation>Fin de la série</translation>
    </message>
    <message>
        <source>Last appointment on</source>
        <translation>Dernier rendez-vous le</translation>
    </message>
    <message>
        <source>%1 — born %2 — %3</source>
        <translation>%1 — né(e) le %2 — %3</translation>
    </message>
    <message>
        <source>&amp;New Patient…</source>
        <translation>&amp;Nouveau patient…</translation>
    </message>
    <message>
        <source>The patient was saved, but the search does not find them yet: search for %1.</source>
        <translation>Le patient a été enregistré, mais la recherche ne le trouve pas encore : recherchez %1.</translation>
    </message>
</context>
<context>
    <name>frontdesk::BreakGlassDialog</name>
    <message>
        <source>Emergency access</source>
        <translation>Accès d&apos;urgence</translation>
    </message>
    <message>
        <source>%1 has no appointment today. Opening their clinical record is emergency access (&quot;break the glass&quot;): say why. The reason is recorded in the audit trail with every read.</source>
        <translation>%1 n&apos;a pas de rendez-vous aujourd&apos;hui. Ouvrir son dossier clinique est un accès d&apos;urgence (« bris de glace ») : indiquez pourquoi. Le motif est enregistré dans le journal d&apos;audit à chaque lecture.</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>Choisir un motif…</translation>
    </message>
    <message>
        <source>Emergency: the patient needs care now</source>
        <translation>Urgence : le patient a besoin de soins maintenant</translation>
    </message>
    <message>
        <source>The patient asked a clinical question (phone, e-mail)</source>
        <translation>Le patient a posé une question clinique (téléphone, e-mail)</translation>
    </message>
    <message>
        <source>Results or a letter arrived for the patient</source>
        <translation>Des résultats ou un courrier sont arrivés pour le patient</translation>
    </message>
    <message>
        <source>A referral or report is to be written</source>
        <translation>Une orientation ou un compte rendu est à rédiger</translation>
    </message>
    <message>
        <source>Asked by the practitioner treating the patient</source>
        <translation>À la demande du praticien qui traite le patient</translation>
    </message>
    <message>
        <source>In your own words, or more about the reason chosen</source>
        <translation>Avec vos propres mots, ou plus sur le motif choisi</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>&amp;Détails :</translation>
    </message>
    <message>
        <source>&amp;Open the Record</source>
        <translation>&amp;Ouvrir le dossier</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Give the reason: choose one from the list or describe it in your own words.</source>
        <translation>Indiquez le motif : choisissez-en un dans la liste ou décrivez-le avec vos propres mots.</translation>
    </message>
    <message>
        <source>Say a little more: the reason needs at least %1 characters.</source>
        <translation>Précisez un peu : le motif doit compter au moins %1 caractères.</translation>
    </message>
</context>
<context>
    <name>frontdesk::CancelDialog</name>
    <message>
        <source>Cancel the appointment</source>
        <translation>Annuler le rendez-vous</translation>
    </message>
    <message>
        <source>The patient</source>
        <translation>Le patient</translation>
    </message>
    <message>
        <source>The clinic</source>
        <translation>Le cabinet</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <source>Cancelled &amp;by:</source>
        <translation>Annulé &amp;par&#xa0;:</translation>
    </message>
    <message>
        <source>Cancel &amp;appointment</source>
        <translation>&amp;Annuler le rendez-vous</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>&amp;Conserver</translation>
    </message>
    <message>
        <source>A reason is needed</source>
        <translation>Un motif est nécessaire</translation>
    </message>
</context>
<context>
    <name>frontdesk::ClinicalTab</name>
    <message>
        <source>Open the clinical summary</source>
        <translation>Ouvrir la synthèse clinique</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>⚠ Allergy: %1</source>
        <translation>⚠ Allergie&#xa0;: %1</translation>
    </message>
    <message>
        <source>Allergy: %1</source>
        <translation>Allergie&#xa0;: %1</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes de santé</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Traitements</translation>
    </message>
    <message>
        <source>Latest vitals</source>
        <translation>Dernières constantes</translation>
    </message>
    <message>
        <source>Past encounters</source>
        <translation>Consultations passées</translation>
    </message>
    <message>
        <source>Visit note — %1, %2</source>
        <translation>Note de consultation — %1, %2</translation>
    </message>
    <message>
        <source>Visit note</source>
        <translation>Note de consultation</translation>
    </message>
    <message>
        <source>No known allergies</source>
        <translation>Aucune allergie connue</translation>
    </message>
    <message>
        <source>No allergies recorded</source>
        <translation>Aucune allergie enregistrée</translation>
    </message>
    <message>
        <source>Immunisations</source>
        <translation>Vaccinations</translation>
    </message>
    <message>
        <source>No immunisations recorded</source>
        <translation>Aucune vaccination enregistrée</translation>
    </message>
    <message>
        <source>Clinical summary</source>
        <translation>Synthèse clinique</translation>
    </message>
</context>
<context>
    <name>frontdesk::ComposeMessageDialog</name>
    <message>
        <source>New message</source>
        <translation>Nouveau message</translation>
    </message>
    <message>
        <source>Name, birth date, phone or MRN</source>
        <translation>Nom, date de naissance, téléphone ou n° de dossier</translation>
    </message>
    <message>
        <source>Find the patient</source>
        <translation>Rechercher le patient</translation>
    </message>
    <message>
        <source>Patients found</source>
        <translation>Patients trouvés</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Patient&#xa0;:</translation>
    </message>
    <message>
        <source>Patient:</source>
        <translation>Patient&#xa0;:</translation>
    </message>
    <message>
        <source>P&amp;urpose:</source>
        <translation>O&amp;bjet du message&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Canal&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Queue message</source>
        <translation>&amp;Mettre en file d&apos;attente</translation>
    </message>
    <message>
        <source>Waits in the outbox until the server sends it (Ctrl+Return)</source>
        <translation>Attend dans la boîte d&apos;envoi jusqu&apos;à ce que le serveur l&apos;envoie (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Choose the patient first.</source>
        <translation>Choisissez d&apos;abord le patient.</translation>
    </message>
    <message>
        <source>No channel may be used for this patient and purpose.</source>
        <translation>Aucun canal ne peut être utilisé pour ce patient et cet objet.</translation>
    </message>
    <message>
        <source>SMS parts: %1 · characters left in this part: %2</source>
        <translation>Parties du SMS&#xa0;: %1 · caractères restants dans cette partie&#xa0;: %2</translation>
    </message>
    <message>
        <source>“%1” is not in the SMS alphabet, so each part holds 70 characters instead of 160.</source>
        <translation>«&#xa0;%1&#xa0;» ne fait pas partie de l&apos;alphabet SMS&#xa0;: chaque partie contient donc 70 caractères au lieu de 160.</translation>
    </message>
    <message>
        <source>Too long: at most %1 parts are allowed.</source>
        <translation>Trop long&#xa0;: %1 parties au maximum sont autorisées.</translation>
    </message>
    <message>
        <source>&amp;Appointment:</source>
        <translation>&amp;Rendez-vous&#xa0;:</translation>
    </message>
    <message>
        <source>Te&amp;mplate:</source>
        <translation>Mo&amp;dèle&#xa0;:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>None: write the text</source>
        <translation>Aucun&#xa0;: écrire le texte</translation>
    </message>
    <message>
        <source>Subject: %1

%2</source>
        <translation>Objet&#xa0;: %1

%2</translation>
    </message>
</context>
<context>
    <name>frontdesk::ConflictsDialog</name>
    <message>
        <source>&amp;Keep Mine</source>
        <translation>&amp;Garder la mienne</translation>
    </message>
    <message>
        <source>&amp;Take Server&apos;s</source>
        <translation>&amp;Reprendre celle du serveur</translation>
    </message>
    <message>
        <source>Sync Conflicts</source>
        <translation>Conflits de synchronisation</translation>
    </message>
    <message>
        <source>Records waiting for a decision</source>
        <translation>Enregistrements en attente de décision</translation>
    </message>
    <message>
        <source>Fields that differ</source>
        <translation>Champs qui diffèrent</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Ici</translation>
    </message>
    <message>
        <source>At the server</source>
        <translation>Sur le serveur</translation>
    </message>
    <message>
        <source>Send this workstation&apos;s version again, on top of the server&apos;s.</source>
        <translation>Renvoyer la version de ce poste, par-dessus celle du serveur.</translation>
    </message>
    <message>
        <source>Make the record the server&apos;s version; the changes made here are dropped.</source>
        <translation>Remplacer l&apos;enregistrement par la version du serveur&#xa0;; les modifications faites ici sont abandonnées.</translation>
    </message>
    <message>
        <source>The records waiting for a decision could not be read: %1</source>
        <translation>Impossible de lire les enregistrements en attente de décision&#xa0;: %1</translation>
    </message>
    <message>
        <source>Changed on both sides</source>
        <translation>Modifié des deux côtés</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Refusé par le serveur</translation>
    </message>
    <message>
        <source>Nothing waits for a decision: every record the server refused or changed meanwhile is settled.</source>
        <translation>Rien n&apos;attend de décision&#xa0;: chaque enregistrement refusé ou modifié entre-temps par le serveur est réglé.</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Here by %1; at the server by %2 (its version %3).</source>
        <translation>Ici par %1&#xa0;; sur le serveur par %2 (sa version %3).</translation>
    </message>
    <message>
        <source>The server never accepted this record: change it here (for an appointment, move it to a free time) and keep yours, which sends it again.</source>
        <translation>Le serveur n&apos;a jamais accepté cet enregistrement&#xa0;: modifiez-le ici (pour un rendez-vous, déplacez-le sur un créneau libre) et gardez votre version, qui est alors renvoyée.</translation>
    </message>
    <message>
        <source>The server has deleted it.</source>
        <translation>Le serveur l&apos;a supprimé.</translation>
    </message>
    <message>
        <source>%1 (changed on both sides)</source>
        <translation>%1 (modifié des deux côtés)</translation>
    </message>
    <message>
        <source>Before both changes: %1</source>
        <translation>Avant les deux modifications&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1: this workstation&apos;s version goes to the server with the next sync.</source>
        <translation>%1&#xa0;: la version de ce poste part vers le serveur à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>%1: now the server&apos;s version.</source>
        <translation>%1&#xa0;: désormais la version du serveur.</translation>
    </message>
    <message>
        <source>&amp;Rebook to Next Free Time</source>
        <translation>&amp;Déplacer au prochain créneau libre</translation>
    </message>
    <message>
        <source>Move the refused booking to its practitioner&apos;s next free time of the same length, and send it again.</source>
        <translation>Déplacer la réservation refusée sur le prochain créneau libre de même durée de son praticien, et la renvoyer.</translation>
    </message>
    <message>
        <source>%1: rebooked to %2; it goes to the server with the next sync.</source>
        <translation>%1&#xa0;: déplacé au %2&#xa0;; la réservation part vers le serveur à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>The server&apos;s could not be written here</source>
        <translation>La version du serveur n&apos;a pas pu être enregistrée ici</translation>
    </message>
</context>
<context>
    <name>frontdesk::ConnectServerDialog</name>
    <message>
        <source>Connect to Server</source>
        <translation>Se connecter au serveur</translation>
    </message>
    <message>
        <source>An administrator&apos;s account at the clinic&apos;s frontdesk-server gives this workstation its own credential. The password is sent to the server only, and not kept.</source>
        <translation>Le compte d&apos;un administrateur du frontdesk-server du cabinet donne à ce poste de travail ses propres identifiants. Le mot de passe n&apos;est envoyé qu&apos;au serveur et n&apos;est pas conservé.</translation>
    </message>
    <message>
        <source>This workstation is not enrolled yet.</source>
        <translation>Ce poste de travail n&apos;est pas encore inscrit.</translation>
    </message>
    <message>
        <source>https://fd.clinic.example:8443</source>
        <translation>https://fd.clinic.example:8443</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>Adresse du &amp;serveur :</translation>
    </message>
    <message>
        <source>&amp;Administrator:</source>
        <translation>&amp;Administrateur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe&#xa0;:</translation>
    </message>
    <message>
        <source>How the server lists this workstation.</source>
        <translation>Le nom sous lequel le serveur liste ce poste de travail.</translation>
    </message>
    <message>
        <source>&amp;Workstation name:</source>
        <translation>Nom du &amp;poste de travail :</translation>
    </message>
    <message>
        <source>Optional: the clinic&apos;s CA certificate (PEM)</source>
        <translation>Facultatif : le certificat d&apos;AC du cabinet (PEM)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation>&amp;Certificat d&apos;AC :</translation>
    </message>
    <message>
        <source>Optional: SHA-256 of the server&apos;s public key, base64</source>
        <translation>Facultatif : SHA-256 de la clé publique du serveur, en base64</translation>
    </message>
    <message>
        <source>Public-key p&amp;in:</source>
        <translation>Épingle de c&amp;lé :</translation>
    </message>
    <message>
        <source>Development only: allow plain HTTP and certificates that do not verify</source>
        <translation>Développement uniquement : autoriser le HTTP en clair et les certificats non vérifiables</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Connexion en cours</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>C&amp;onnecter</translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation>Certificat d&apos;AC</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
</context>
<context>
    <name>frontdesk::ContactsTab</name>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Since / checked</source>
        <translation>Depuis / vérifié</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Add &amp;alert…</source>
        <translation>Ajouter une &amp;alerte…</translation>
    </message>
    <message>
        <source>Record c&amp;onsent…</source>
        <translation>Enregistrer un c&amp;onsentement…</translation>
    </message>
    <message>
        <source>Add &amp;insurance…</source>
        <translation>Ajouter une ass&amp;urance…</translation>
    </message>
    <message>
        <source>Set &amp;preference…</source>
        <translation>Définir une pré&amp;férence…</translation>
    </message>
    <message>
        <source>&amp;Remove / withdraw…</source>
        <translation>&amp;Supprimer / retirer…</translation>
    </message>
    <message>
        <source>Remove the selected alert or preference, or withdraw the selected consent</source>
        <translation>Supprimer l&apos;alerte ou la préférence sélectionnée, ou retirer le consentement sélectionné</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactif</translation>
    </message>
    <message>
        <source>Double-click to edit</source>
        <translation>Double-cliquez pour modifier</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>Communication preferences</source>
        <translation>Préférences de communication</translation>
    </message>
    <message>
        <source>quiet %1–%2</source>
        <translation>silence %1–%2</translation>
    </message>
    <message>
        <source>opted out</source>
        <translation>désinscrit</translation>
    </message>
    <message>
        <source>(none recorded: the preferred channel applies)</source>
        <translation>(aucune enregistrée&#xa0;: le canal préféré s&apos;applique)</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consentements</translation>
    </message>
    <message>
        <source>given</source>
        <translation>donné</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retiré</translation>
    </message>
    <message>
        <source>recorded by %1</source>
        <translation>enregistré par %1</translation>
    </message>
    <message>
        <source>Double-click to withdraw</source>
        <translation>Double-cliquez pour retirer</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>Assurance</translation>
    </message>
    <message>
        <source>member %1</source>
        <translation>adhérent %1</translation>
    </message>
    <message>
        <source>member %1, group %2</source>
        <translation>adhérent %1, groupe %2</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>eligibility: %1 (checked %2)</source>
        <translation>droits&#xa0;: %1 (vérifiés le %2)</translation>
    </message>
    <message>
        <source>eligibility not checked</source>
        <translation>droits non vérifiés</translation>
    </message>
    <message>
        <source>Double-click to edit or record an eligibility check</source>
        <translation>Double-cliquez pour modifier ou enregistrer une vérification des droits</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Retirer le consentement</translation>
    </message>
    <message>
        <source>Record that the patient withdrew the consent “%1” today? The consent stays in the history.</source>
        <translation>Enregistrer que le patient a retiré aujourd&apos;hui le consentement «&#xa0;%1&#xa0;»&#xa0;? Le consentement reste dans l&apos;historique.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Remove “%1”?</source>
        <translation>Supprimer «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Contact preferences, consents and insurance</source>
        <translation>Préférences de contact, consentements et assurance</translation>
    </message>
</context>
<context>
    <name>frontdesk::CsvWriter</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>frontdesk::DashboardPdf</name>
    <message>
        <source>Period:</source>
        <translation>Période&#xa0;:</translation>
    </message>
    <message>
        <source>Filters:</source>
        <translation>Filtres&#xa0;:</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <source>Could not make the PDF for %1.</source>
        <translation>Impossible de créer le PDF pour %1.</translation>
    </message>
</context>
<context>
    <name>frontdesk::DashboardView</name>
    <message>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>P&amp;eriod:</source>
        <translation>P&amp;ériode&#xa0;:</translation>
    </message>
    <message>
        <source>to</source>
        <comment>from date to date</comment>
        <translation>au</translation>
    </message>
    <message>
        <source>Pr&amp;actitioner:</source>
        <translation>Pr&amp;aticien&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Salle&#xa0;:</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>T&amp;ype&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Act&amp;ualiser</translation>
    </message>
    <message>
        <source>Compute the figures again</source>
        <translation>Recalculer les indicateurs</translation>
    </message>
    <message>
        <source>Compute the figures again (F5)</source>
        <translation>Recalculer les indicateurs (F5)</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exporter en &amp;CSV…</translation>
    </message>
    <message>
        <source>Save one of the dashboard&apos;s tables for a spreadsheet</source>
        <translation>Enregistrer l&apos;un des tableaux du tableau de bord pour un tableur</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Exporter en &amp;PDF…</translation>
    </message>
    <message>
        <source>Save the whole dashboard as PDF</source>
        <translation>Enregistrer tout le tableau de bord en PDF</translation>
    </message>
    <message>
        <source>&amp;How is this counted?</source>
        <translation>Comment est-ce c&amp;ompté&#xa0;?</translation>
    </message>
    <message>
        <source>The definition of every figure</source>
        <translation>La définition de chaque indicateur</translation>
    </message>
    <message>
        <source>Dashboards are for managers and administrators. Sign in with such an account to see the clinic&apos;s figures.</source>
        <translation>Les tableaux de bord sont réservés aux responsables et aux administrateurs. Connectez-vous avec un tel compte pour voir les indicateurs du cabinet.</translation>
    </message>
    <message>
        <source>All practitioners</source>
        <translation>Tous les praticiens</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>Toutes les salles</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Could not list the dashboard&apos;s filters: %1</source>
        <translation>Impossible de lister les filtres du tableau de bord&#xa0;: %1</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <source>Computed in %1 ms</source>
        <translation>Calculé en %1 ms</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Never synced: these figures come from this computer&apos;s data only (today is %1).</source>
        <translation>Jamais synchronisé&#xa0;: ces indicateurs proviennent uniquement des données de cet ordinateur (nous sommes le %1).</translation>
    </message>
    <message>
        <source>As of the last sync, %1, with the changes made on this computer since.</source>
        <translation>À la dernière synchronisation, %1, avec les modifications faites depuis sur cet ordinateur.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <comment>practitioner · location · type</comment>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>There are no figures to export yet.</source>
        <translation>Il n&apos;y a pas encore d&apos;indicateurs à exporter.</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Dashboard — %1</source>
        <translation>Tableau de bord — %1</translation>
    </message>
    <message>
        <source>%1 (previous period %2)</source>
        <translation>%1 (période précédente %2)</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the dashboard as PDF</source>
        <translation>Exporter le tableau de bord en PDF</translation>
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
        <translation>En attente de synchronisation</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synchronisé</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <source>Rejected by server</source>
        <translation>Refusé par le serveur</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Données de démonstration</translation>
    </message>
</context>
<context>
    <name>frontdesk::DayCalendarView</name>
    <message>
        <source>confirmed</source>
        <translation>confirmé</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>arrivé</translation>
    </message>
    <message>
        <source>in room</source>
        <translation>en consultation</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>no-show</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>Day calendar</source>
        <translation>Calendrier du jour</translation>
    </message>
    <message>
        <source>waiting %1 min</source>
        <translation>attend depuis %1 min</translation>
    </message>
    <message>
        <source>No practitioner works on this day.</source>
        <translation>Aucun praticien ne travaille ce jour-là.</translation>
    </message>
    <message>
        <source>%1, waiting %2 min</source>
        <translation>%1, attend depuis %2 min</translation>
    </message>
    <message>
        <source>%1–%2 %3
%4 with %5
%6
Room: %7
%8</source>
        <translation>%1–%2 %3
%4 avec %5
%6
Salle : %7
%8</translation>
    </message>
    <message>
        <source>%1, patient replied: %2</source>
        <comment>appointment, the reply</comment>
        <translation>%1, réponse du patient&#xa0;: %2</translation>
    </message>
    <message>
        <source>replied</source>
        <comment>the patient replied; short, on a calendar block</comment>
        <translation>réponse</translation>
    </message>
    <message>
        <source>↩ Patient replied</source>
        <translation>↩ Réponse du patient</translation>
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
        <translation>Aucune salle</translation>
    </message>
    <message>
        <source>%1 with %2: %3</source>
        <translation>%1 avec %2&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>frontdesk::DetailsTab</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save the changes (%1)</source>
        <translation>Enregistrer les modifications (%1)</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Patient details</source>
        <translation>Données du patient</translation>
    </message>
</context>
<context>
    <name>frontdesk::DrillDownDialog</name>
    <message>
        <source>%1 — records</source>
        <comment>figure name</comment>
        <translation>%1 — enregistrements</translation>
    </message>
    <message>
        <source>&amp;Open patient</source>
        <translation>&amp;Ouvrir le patient</translation>
    </message>
    <message>
        <source>Opens the selected patient&apos;s profile (double-click or Enter)</source>
        <translation>Ouvre la fiche du patient sélectionné (double-clic ou Entrée)</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exporter en &amp;CSV…</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2: %n record(s)</source>
        <comment>figure, period</comment>
        <translation>
            <numerusform>%1, %2&#xa0;: %n enregistrement</numerusform>
            <numerusform>%1, %2&#xa0;: %n enregistrements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n row(s) to %1.</source>
        <translation>
            <numerusform>%n ligne enregistrée dans %1.</numerusform>
            <numerusform>%n lignes enregistrées dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the list as CSV</source>
        <translation>Exporter la liste en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>frontdesk::FigureTile</name>
    <message>
        <source>Before: %1</source>
        <comment>the previous period&apos;s value</comment>
        <translation>Avant&#xa0;: %1</translation>
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
        <translation>Trouver le prochain créneau libre</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>N&apos;importe qui</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>&amp;With:</source>
        <translation>A&amp;vec&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Durée&#xa0;:</translation>
    </message>
    <message>
        <source>Preferred days (none: any):</source>
        <translation>Jours préférés (aucun&#xa0;: n&apos;importe lequel)&#xa0;:</translation>
    </message>
    <message>
        <source>Preferred time:</source>
        <translation>Heure préférée&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Book this time…</source>
        <translation>Réserver ce &amp;créneau…</translation>
    </message>
    <message>
        <source>%1, %2 — %3</source>
        <translation>%1, %2 — %3</translation>
    </message>
    <message>
        <source>No free time in the next 120 days.</source>
        <translation>Aucun créneau libre dans les 120 prochains jours.</translation>
    </message>
    <message>
        <source>Search first, then choose a time.</source>
        <translation>Lancez d&apos;abord la recherche, puis choisissez un créneau.</translation>
    </message>
    <message>
        <source>Free times found</source>
        <translation>Créneaux libres trouvés</translation>
    </message>
</context>
<context>
    <name>frontdesk::KpiBreakdownModel</name>
    <message>
        <source>Weekly trend</source>
        <translation>Tendance hebdomadaire</translation>
    </message>
    <message>
        <source>Per practitioner</source>
        <translation>Par praticien</translation>
    </message>
    <message>
        <source>No-shows by weekday and hour</source>
        <translation>Absences par jour de la semaine et par heure</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>Absences</translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation>Annulations</translation>
    </message>
    <message>
        <source>No-show rate</source>
        <translation>Taux d&apos;absence</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Taux d&apos;occupation</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <source>Booked hours</source>
        <translation>Heures réservées</translation>
    </message>
    <message>
        <source>Available hours</source>
        <translation>Heures disponibles</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Jour de la semaine</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Appointments not cancelled</source>
        <translation>Rendez-vous non annulés</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <comment>hour range</comment>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>Week %1 (from %2)</source>
        <translation>Semaine %1 (à partir du %2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (partial: %n of 7 days)</source>
        <comment>a week of the trend</comment>
        <translation>
            <numerusform>%1 (partielle&#xa0;: %n jour sur 7)</numerusform>
            <numerusform>%1 (partielle&#xa0;: %n jours sur 7)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::KpiDefinitions</name>
    <message>
        <source>The period is the chosen local days in the clinic&apos;s time zone, from the first day 00:00 to the day after the last 00:00; an appointment belongs to the period its start falls in. Deleted records never count.</source>
        <translation>La période couvre les jours choisis, en heure locale du cabinet, du premier jour à 00:00 jusqu&apos;au lendemain du dernier jour à 00:00&#xa0;; un rendez-vous appartient à la période où tombe son début. Les enregistrements supprimés ne comptent jamais.</translation>
    </message>
    <message>
        <source>The practitioner, location and appointment-type filters narrow the appointments counted.</source>
        <translation>Les filtres par praticien, salle et type de rendez-vous restreignent les rendez-vous comptés.</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Appointments in the period, whatever their status (booked, confirmed, arrived, in room, completed, cancelled or no-show). %1 %2</source>
        <translation>Rendez-vous de la période, quel que soit leur statut (réservé, confirmé, arrivé, en consultation, terminé, annulé ou absent). %1 %2</translation>
    </message>
    <message>
        <source>No-show rate</source>
        <translation>Taux d&apos;absence</translation>
    </message>
    <message>
        <source>No-shows divided by the appointments in the period that were not cancelled: of the visits that were meant to happen, the share the patient missed. Undefined when no appointment remains. Visits still to come count in the base. %1 %2</source>
        <translation>Absences divisées par les rendez-vous non annulés de la période&#xa0;: parmi les consultations prévues, la part que le patient a manquée. Non défini s&apos;il ne reste aucun rendez-vous. Les consultations à venir comptent dans la base. %1 %2</translation>
    </message>
    <message>
        <source>Late-cancellation rate</source>
        <translation>Taux d&apos;annulation tardive</translation>
    </message>
    <message>
        <source>Appointments cancelled less than N hours before their start, divided by all appointments in the period. The cancellation time is the latest change to &apos;cancelled&apos; in the status history that was not reverted (the record&apos;s last change when the history has none). N is the setting late_cancellation_hours (default %1). Undefined without appointments. %2 %3</source>
        <translation>Rendez-vous annulés moins de N heures avant leur début, divisés par tous les rendez-vous de la période. L&apos;heure d&apos;annulation est le dernier passage à «&#xa0;annulé&#xa0;» non annulé dans l&apos;historique des statuts (à défaut d&apos;historique, la dernière modification de l&apos;enregistrement). N est le paramètre late_cancellation_hours (par défaut %1). Non défini sans rendez-vous. %2 %3</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Taux d&apos;occupation</translation>
    </message>
    <message>
        <source>Booked minutes divided by available minutes. Booked: the minutes of the period&apos;s appointments that were not cancelled, no-shows included (the time was held), clipped to the period. Available: the weekly working hours of each active practitioner matching the filter on each day of the period, in the clinic&apos;s local time (a day with a daylight-saving change has 23 or 25 hours), less holidays, leave and blocked time - the same availability the schedule offers for booking. With a location filter, only working hours at that location count; with a type filter, only that type&apos;s minutes count as booked. Undefined when nothing was available. %1</source>
        <translation>Minutes réservées divisées par les minutes disponibles. Réservées&#xa0;: les minutes des rendez-vous non annulés de la période, absences comprises (le créneau était bloqué), limitées à la période. Disponibles&#xa0;: les horaires hebdomadaires de chaque praticien actif correspondant au filtre, chaque jour de la période, en heure locale du cabinet (un jour de changement d&apos;heure compte 23 ou 25 heures), moins les jours fériés, congés et plages bloquées – la même disponibilité que le planning propose à la réservation. Avec un filtre de salle, seuls les horaires dans cette salle comptent&#xa0;; avec un filtre de type, seules les minutes de ce type comptent comme réservées. Non défini si rien n&apos;était disponible. %1</translation>
    </message>
    <message>
        <source>Booking lead time</source>
        <translation>Délai de prise de rendez-vous</translation>
    </message>
    <message>
        <source>The median, in days, of the time from booking (the record&apos;s creation) to the start, over the period&apos;s appointments that were not cancelled. Undefined without such appointments. %1 %2</source>
        <translation>La médiane, en jours, du délai entre la réservation (création de l&apos;enregistrement) et le début, sur les rendez-vous non annulés de la période. Non défini sans de tels rendez-vous. %1 %2</translation>
    </message>
    <message>
        <source>New patients</source>
        <translation>Nouveaux patients</translation>
    </message>
    <message>
        <source>Distinct patients with an appointment in the period that was not cancelled, whose earliest appointment ever (not deleted, not cancelled, with any practitioner) falls in the period. %1 %2</source>
        <translation>Patients distincts ayant un rendez-vous non annulé dans la période et dont le tout premier rendez-vous (non supprimé, non annulé, avec n&apos;importe quel praticien) tombe dans la période. %1 %2</translation>
    </message>
    <message>
        <source>Returning patients</source>
        <translation>Patients revenus</translation>
    </message>
    <message>
        <source>Distinct patients with an appointment in the period that was not cancelled who are not new: they had an earlier appointment that was not cancelled. %1 %2</source>
        <translation>Patients distincts ayant un rendez-vous non annulé dans la période et qui ne sont pas nouveaux&#xa0;: ils avaient déjà un rendez-vous antérieur non annulé. %1 %2</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Fidélisation</translation>
    </message>
    <message>
        <source>Of the distinct patients seen (in room or completed) in the previous period of the same length, the share seen again in this period. Undefined when nobody was seen in the previous period. %1</source>
        <translation>Parmi les patients distincts vus (en consultation ou terminé) pendant la période précédente de même durée, la part revue pendant cette période. Non défini si personne n&apos;a été vu pendant la période précédente. %1</translation>
    </message>
    <message>
        <source>Reminders sent</source>
        <translation>Rappels envoyés</translation>
    </message>
    <message>
        <source>Outbound messages with the purpose &apos;reminder&apos; sent in the period (status sent or delivered; queued and failed messages were not sent). With a filter, only reminders about an appointment that matches it count.</source>
        <translation>Messages sortants ayant pour objet «&#xa0;rappel&#xa0;» envoyés dans la période (statut envoyé ou remis&#xa0;; les messages en attente ou en échec n&apos;ont pas été envoyés). Avec un filtre, seuls les rappels concernant un rendez-vous correspondant comptent.</translation>
    </message>
    <message>
        <source>Reminders delivered</source>
        <translation>Rappels remis</translation>
    </message>
    <message>
        <source>Of the reminders sent in the period, those whose delivery was reported (status delivered); shown as a number of the reminders sent.</source>
        <translation>Parmi les rappels envoyés dans la période, ceux dont la remise a été signalée (statut remis)&#xa0;; exprimé par rapport aux rappels envoyés.</translation>
    </message>
    <message>
        <source>Reminders confirmed</source>
        <translation>Rappels confirmés</translation>
    </message>
    <message>
        <source>Of the reminders sent in the period, those whose appointment was confirmed afterwards: the status history changed it to &apos;confirmed&apos; at or after the reminder was sent (and the change was not reverted), or the patient answered about the same appointment with a reply starting with yes, y, ja, j, ok, c, 1 or confirm. Shown as a number of the reminders sent.</source>
        <translation>Parmi les rappels envoyés dans la période, ceux dont le rendez-vous a ensuite été confirmé&#xa0;: l&apos;historique des statuts l&apos;a passé à «&#xa0;confirmé&#xa0;» au moment de l&apos;envoi du rappel ou après (sans retour en arrière), ou le patient a répondu au sujet du même rendez-vous par une réponse commençant par yes, y, ja, j, ok, c, 1 ou confirm. Exprimé par rapport aux rappels envoyés.</translation>
    </message>
    <message>
        <source>Response rate</source>
        <translation>Taux de réponse</translation>
    </message>
    <message>
        <source>Outbound messages sent in the period (any purpose) that got an inbound message from the same patient within %1 hours, divided by the outbound messages sent in the period. With a filter, only messages about an appointment that matches it count. Undefined when nothing was sent.</source>
        <translation>Messages sortants envoyés dans la période (tout objet) ayant reçu un message entrant du même patient dans les %1 heures, divisés par les messages sortants envoyés dans la période. Avec un filtre, seuls les messages concernant un rendez-vous correspondant comptent. Non défini si rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>Overdue recalls (care gaps)</source>
        <translation>Relances de suivi en retard (ruptures de suivi)</translation>
    </message>
    <message>
        <source>Open recalls due before the end of the period (or before today, when the period reaches into the future) whose patient has no appointment, not deleted, not cancelled and not a no-show, starting on or after the due date. Counted as of the end of the period, from the recalls&apos; present state. With a practitioner filter, recalls for that practitioner or for nobody in particular count; the room and type filters do not apply to recalls.</source>
        <translation>Relances de suivi ouvertes, échues avant la fin de la période (ou avant aujourd&apos;hui si la période s&apos;étend dans le futur), dont le patient n&apos;a aucun rendez-vous (non supprimé, non annulé, non manqué) à partir de la date d&apos;échéance. Comptées à la fin de la période, d&apos;après l&apos;état actuel des relances. Avec un filtre de praticien, comptent les relances de ce praticien ou sans praticien attribué&#xa0;; les filtres de salle et de type ne s&apos;appliquent pas aux relances.</translation>
    </message>
    <message>
        <source>Patients at risk of disengaging</source>
        <translation>Patients risquant de décrocher</translation>
    </message>
    <message>
        <source>Patients with a no-show in the period, or with %1 or more no-shows in the %2 days before the end of the period, who have no booked or confirmed appointment (not deleted) starting after the end of the period - or after today, when the period ends in the future. The no-shows follow the filters; the future appointment may be with anyone.</source>
        <translation>Patients absents à un rendez-vous de la période, ou absents %1 fois ou plus dans les %2 jours précédant la fin de la période, qui n&apos;ont aucun rendez-vous réservé ou confirmé (non supprimé) commençant après la fin de la période – ou après aujourd&apos;hui si la période se termine dans le futur. Les absences suivent les filtres&#xa0;; le rendez-vous futur peut être avec n&apos;importe qui.</translation>
    </message>
    <message>
        <source>Survey answers: %1</source>
        <translation>Réponses à l&apos;enquête&#xa0;: %1</translation>
    </message>
    <message>
        <source>Of the survey answers given in the period, those scoring %1 (1 poor, 5 very good); shown as a number of the answers. %2</source>
        <translation>Parmi les réponses à l&apos;enquête données pendant la période, celles notées %1 (1 mauvais, 5 très bien)&#xa0;; affiché en nombre de réponses. %2</translation>
    </message>
    <message>
        <source>An answer belongs to the period its time falls in, in the clinic&apos;s time zone. With a filter, only answers about an appointment that matches it count.</source>
        <translation>Une réponse appartient à la période où tombe son heure, dans le fuseau horaire du cabinet. Avec un filtre, seules les réponses concernant un rendez-vous qui y correspond comptent.</translation>
    </message>
    <message>
        <source>Survey answers</source>
        <translation>Réponses à l&apos;enquête</translation>
    </message>
    <message>
        <source>Answers from 1 to 5 given in the period to the survey a follow-up after a visit asks by SMS (one per survey: a later answer replaces an earlier one). %1</source>
        <translation>Réponses de 1 à 5 données pendant la période à l&apos;enquête posée par SMS dans un message de suivi après une visite (une par enquête&#xa0;: une réponse ultérieure remplace la précédente). %1</translation>
    </message>
    <message>
        <source>Average survey score</source>
        <translation>Note moyenne de l&apos;enquête</translation>
    </message>
    <message>
        <source>The mean of the survey answers given in the period, from 1 (poor) to 5 (very good). Undefined without answers. %1</source>
        <translation>La moyenne des réponses à l&apos;enquête données pendant la période, de 1 (mauvais) à 5 (très bien). Non définie sans réponses. %1</translation>
    </message>
    <message>
        <source>Survey response rate</source>
        <translation>Taux de réponse à l&apos;enquête</translation>
    </message>
    <message>
        <source>Surveys sent in the period (outbound messages with the purpose &apos;survey&apos;, status sent or delivered) that have an answer, divided by the surveys sent in the period. Undefined when none was sent. With a filter, only surveys about an appointment that matches it count.</source>
        <translation>Enquêtes envoyées pendant la période (messages sortants avec le motif «&#xa0;survey&#xa0;», statut envoyé ou remis) qui ont une réponse, divisées par les enquêtes envoyées pendant la période. Non défini si aucune n&apos;a été envoyée. Avec un filtre, seules les enquêtes concernant un rendez-vous qui y correspond comptent.</translation>
    </message>
</context>
<context>
    <name>frontdesk::KpiDrillDownModel</name>
    <message>
        <source>Could not list the records behind “%1”: %2</source>
        <translation>Impossible de lister les enregistrements derrière «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>frontdesk::KpiFigureModel</name>
    <message>
        <source>Could not compute the dashboard: %1</source>
        <translation>Impossible de calculer le tableau de bord&#xa0;: %1</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Cette période</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Période précédente</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>Sur</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n.d.</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 jours</translation>
    </message>
    <message>
        <source>—</source>
        <comment>no comparison</comment>
        <translation>—</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>aucune évolution</translation>
    </message>
    <message>
        <source>%1 %2 pp</source>
        <comment>arrow, percentage points</comment>
        <translation>%1 %2 pts</translation>
    </message>
    <message>
        <source>%1 %2 days</source>
        <comment>arrow, days</comment>
        <translation>%1 %2 jours</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>arrow, count</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
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
        <translation>Le premier jour de la période est absent ou n&apos;est pas une date valide.</translation>
    </message>
    <message>
        <source>The last day of the period is missing or not a valid date.</source>
        <translation>Le dernier jour de la période est absent ou n&apos;est pas une date valide.</translation>
    </message>
    <message>
        <source>The period starts on %1, after its last day %2.</source>
        <translation>La période commence le %1, après son dernier jour, le %2.</translation>
    </message>
    <message>
        <source>The period has %1 days; at most %2 days can be shown at once.</source>
        <translation>La période compte %1 jours&#xa0;; au plus %2 jours peuvent être affichés à la fois.</translation>
    </message>
</context>
<context>
    <name>frontdesk::KpiHelpDialog</name>
    <message>
        <source>How the dashboard counts</source>
        <translation>Comment le tableau de bord compte</translation>
    </message>
    <message>
        <source>How the figures are counted</source>
        <translation>Comment les indicateurs sont comptés</translation>
    </message>
    <message>
        <source>Every figure is computed on this workstation from its own database, so the dashboard works without the network. It shows what this workstation knew at its last sync with the server, plus the changes made here since.</source>
        <translation>Chaque indicateur est calculé sur ce poste à partir de sa propre base de données, si bien que le tableau de bord fonctionne sans réseau. Il montre ce que ce poste savait lors de sa dernière synchronisation avec le serveur, plus les modifications faites ici depuis.</translation>
    </message>
    <message>
        <source>Each figure is shown for the chosen period and, beside it, for the period of the same number of days just before it. The change is green when it is an improvement and red when it is worse; rates change in percentage points (pp).</source>
        <translation>Chaque indicateur est affiché pour la période choisie et, à côté, pour la période de même durée qui la précède. L&apos;évolution est en vert lorsqu&apos;il s&apos;agit d&apos;une amélioration et en rouge lorsqu&apos;elle est défavorable&#xa0;; les taux évoluent en points de pourcentage (pts).</translation>
    </message>
    <message>
        <source>Click a figure, or press Enter or Space on it, to list the appointments, patients, messages or recalls behind it.</source>
        <translation>Cliquez sur un indicateur, ou appuyez sur Entrée ou Espace lorsqu&apos;il a le focus, pour lister les rendez-vous, patients, messages ou relances de suivi qui le composent.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <source>Weekly trend: appointments per ISO week (bars) and that week&apos;s no-show rate (line); a week cut by the period counts only its days inside it. Per practitioner: utilisation, appointments or no-show rate of each active practitioner matching the filters. Heat map: no-shows by weekday and hour of the start, coloured by the no-show rate of the appointments not cancelled in that hour.</source>
        <translation>Tendance hebdomadaire&#xa0;: rendez-vous par semaine ISO (barres) et taux d&apos;absence de la semaine (courbe)&#xa0;; une semaine coupée par la période ne compte que ses jours compris dedans. Par praticien&#xa0;: taux d&apos;occupation, rendez-vous ou taux d&apos;absence de chaque praticien actif correspondant aux filtres. Carte de chaleur&#xa0;: absences par jour de la semaine et heure de début, colorées selon le taux d&apos;absence des rendez-vous non annulés de cette heure.</translation>
    </message>
</context>
<context>
    <name>frontdesk::KpiPeriodPreset</name>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>90 derniers jours</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Mois dernier</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Ce trimestre</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personnalisée</translation>
    </message>
</context>
<context>
    <name>frontdesk::KpiService</name>
    <message>
        <source>There is no practitioner with the id %1.</source>
        <translation>Aucun praticien n&apos;a l&apos;identifiant %1.</translation>
    </message>
    <message>
        <source>There is no location with the id %1.</source>
        <translation>Aucune salle n&apos;a l&apos;identifiant %1.</translation>
    </message>
    <message>
        <source>There is no appointment type with the code %1.</source>
        <translation>Aucun type de rendez-vous n&apos;a le code %1.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>N° de dossier</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Téléphone portable</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Répondu le</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
</context>
<context>
    <name>frontdesk::LanguageMenu</name>
    <message>
        <source>La&amp;nguage</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;System language (%1)</source>
        <translation>Langue du &amp;système (%1)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Frontdesk will use %1 from its next start on this workstation.</source>
        <translation>Langue de Frontdesk sur ce poste de travail à partir du prochain démarrage&#xa0;: %1.</translation>
    </message>
</context>
<context>
    <name>frontdesk::LockScreen</name>
    <message>
        <source>Frontdesk — locked</source>
        <translation>Frontdesk — verrouillé</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d&apos;&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <source>&lt;b&gt;Frontdesk is locked.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Frontdesk est verrouillé.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Frontdesk is locked.</source>
        <translation>Frontdesk est verrouillé.</translation>
    </message>
    <message>
        <source>&amp;Switch User</source>
        <translation>&amp;Changer d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Sign in with your own account; the windows open now are kept, hidden, for the person who left them until they sign in again.</source>
        <translation>Connectez-vous avec votre propre compte ; les fenêtres ouvertes sont conservées, masquées, pour la personne qui les a laissées jusqu&apos;à ce qu&apos;elle se reconnecte.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Frontdesk is locked.&lt;/b&gt;&lt;br&gt;%1 is signed in. Enter their password, or an administrator&apos;s, to go on; or Switch User with your own.</source>
        <translation>&lt;b&gt;Frontdesk est verrouillé.&lt;/b&gt;&lt;br&gt;%1 est connecté(e). Saisissez son mot de passe, ou celui d&apos;un administrateur, pour continuer ; ou changez d&apos;utilisateur avec le vôtre.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n form(s) open that cannot be kept: switching closes them without saving. Press Switch User again to go on, or let %1 unlock.</source>
        <translation>
            <numerusform>%1 a %n formulaire ouvert qui ne peut pas être conservé : le changement le ferme sans enregistrer. Appuyez à nouveau sur « Changer d&apos;utilisateur » pour continuer, ou laissez %1 déverrouiller.</numerusform>
            <numerusform>%1 a %n formulaires ouverts qui ne peuvent pas être conservés : le changement les ferme sans enregistrer. Appuyez à nouveau sur « Changer d&apos;utilisateur » pour continuer, ou laissez %1 déverrouiller.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the password with the server…</source>
        <translation>Vérification du mot de passe auprès du serveur…</translation>
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
        <translation>Vues</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>P&amp;lanning</translation>
    </message>
    <message>
        <source>&amp;Patients</source>
        <translation>&amp;Patients</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>&amp;Messages</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Tableau de bord</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Find Patient…</source>
        <translation>&amp;Rechercher un patient…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Act&amp;ualiser</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;About Frontdesk</source>
        <translation>À &amp;propos de Frontdesk</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>Frontdesk</source>
        <translation>Frontdesk</translation>
    </message>
    <message>
        <source>New &amp;Message…</source>
        <translation>Nouveau &amp;message…</translation>
    </message>
    <message>
        <source>The message waits in the outbox until the server sends it.</source>
        <translation>Le message attend dans la boîte d&apos;envoi jusqu&apos;à ce que le serveur l&apos;envoie.</translation>
    </message>
    <message>
        <source>S&amp;ync Now</source>
        <translation>S&amp;ynchroniser maintenant</translation>
    </message>
    <message>
        <source>Sign &amp;Out…</source>
        <translation>Se &amp;déconnecter…</translation>
    </message>
    <message>
        <source>The Dashboard is not available: %1</source>
        <translation>Le tableau de bord n&apos;est pas disponible : %1</translation>
    </message>
    <message>
        <source>Sync &amp;Conflicts…</source>
        <translation>&amp;Conflits de synchronisation…</translation>
    </message>
    <message>
        <source>Recall &amp;Outreach…</source>
        <translation>&amp;Envoi des relances de suivi…</translation>
    </message>
    <message>
        <source>&amp;Worklist</source>
        <translation>&amp;Liste de tâches</translation>
    </message>
    <message>
        <source>The survey answer (%1 of 5) is recorded; it reaches the server with the next sync.</source>
        <translation>La réponse à l&apos;enquête (%1 sur 5) est enregistrée&#xa0;; elle parviendra au serveur à la prochaine synchronisation.</translation>
    </message>
</context>
<context>
    <name>frontdesk::MergeDialog</name>
    <message>
        <source>Possible duplicates</source>
        <translation>Doublons possibles</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Record A</source>
        <translation>Dossier A</translation>
    </message>
    <message>
        <source>Record B</source>
        <translation>Dossier B</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>S&amp;wap surviving record</source>
        <translation>&amp;Inverser le dossier conservé</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Fusionner…</translation>
    </message>
    <message>
        <source>Pairs of records that may be the same person, most likely first. Select one to compare and merge it.</source>
        <translation>Paires de dossiers qui pourraient concerner la même personne, les plus probables en premier. Sélectionnez-en une pour la comparer et la fusionner.</translation>
    </message>
    <message>
        <source>no birth date</source>
        <translation>pas de date de naissance</translation>
    </message>
    <message>
        <source>No possible duplicates found.</source>
        <translation>Aucun doublon possible trouvé.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Field&lt;/b&gt;</source>
        <translation>&lt;b&gt;Champ&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Keep (surviving record)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Conserver (dossier conservé)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Take from the merged record&lt;/b&gt;</source>
        <translation>&lt;b&gt;Reprendre du dossier fusionné&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Merge records</source>
        <translation>Fusionner les dossiers</translation>
    </message>
    <message>
        <source>Merged. %1 now holds both records.</source>
        <translation>Fusion effectuée. %1 contient désormais les deux dossiers.</translation>
    </message>
    <message>
        <source>Fields of the two records</source>
        <translation>Champs des deux dossiers</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>Merge %1 (%2) into %3 (%4)? Appointments, messages, consents, insurance and clinical records move to the surviving record; the merged record stays as a link.</source>
        <translation>Fusionner %1 (%2) dans %3 (%4) ? Les rendez-vous, messages, consentements, assurances et données cliniques passent au dossier conservé ; le dossier fusionné reste comme lien.</translation>
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
        <translation>Exemple</translation>
    </message>
    <message>
        <source>Dr.</source>
        <comment>the sample practitioner&apos;s title in the template preview</comment>
        <translation>Dr</translation>
    </message>
    <message>
        <source>SMS or e-mail</source>
        <translation>SMS ou e-mail</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>frontdesk::MessageTemplatesDialog</name>
    <message>
        <source>Message templates</source>
        <translation>Modèles de message</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Ne&amp;w template</source>
        <translation>Nou&amp;veau modèle</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>P&amp;urpose:</source>
        <translation>O&amp;bjet du message&#xa0;:</translation>
    </message>
    <message>
        <source>SMS or e-mail</source>
        <translation>SMS ou e-mail</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Canal&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>&amp;Insérer</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>C&amp;hamp&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Offered when composing</source>
        <translation>Pro&amp;posé à la rédaction</translation>
    </message>
    <message>
        <source>Field to insert</source>
        <translation>Champ à insérer</translation>
    </message>
    <message>
        <source>Checks the template and saves it (Ctrl+S)</source>
        <translation>Vérifie le modèle et l&apos;enregistre (Ctrl+S)</translation>
    </message>
    <message>
        <source>the new template</source>
        <translation>le nouveau modèle</translation>
    </message>
    <message>
        <source>Save the changes to &quot;%1&quot;?</source>
        <translation>Enregistrer les modifications de «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>The changes to &quot;%1&quot; were not saved: %2</source>
        <translation>Les modifications de «&#xa0;%1&#xa0;» n&apos;ont pas été enregistrées&#xa0;: %2</translation>
    </message>
    <message>
        <source>The preview shows the text as a patient reads it.</source>
        <translation>L&apos;aperçu montre le texte tel que le patient le lit.</translation>
    </message>
    <message>
        <source>Subject: %1

%2</source>
        <translation>Objet&#xa0;: %1

%2</translation>
    </message>
</context>
<context>
    <name>frontdesk::MessageTextForm</name>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Objet&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Texte&#xa0;:</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Aperçu&#xa0;:</translation>
    </message>
</context>
<context>
    <name>frontdesk::MessageThreadListModel</name>
    <message>
        <source>Choose a conversation first.</source>
        <translation>Choisissez d&apos;abord une conversation.</translation>
    </message>
    <message>
        <source>Unassigned inbox</source>
        <translation>Boîte de réception non attribuée</translation>
    </message>
    <message>
        <source>%1 received: %2</source>
        <comment>channel received: text</comment>
        <translation>%1 reçu&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <comment>channel (status): text</comment>
        <translation>%1 (%2)&#xa0;: %3</translation>
    </message>
    <message>
        <source>Messages whose sender matched no patient, or several:
%1</source>
        <translation>Messages dont l&apos;expéditeur ne correspond à aucun patient, ou à plusieurs&#xa0;:
%1</translation>
    </message>
    <message>
        <source>messages: %1</source>
        <translation>messages&#xa0;: %1</translation>
    </message>
    <message>
        <source>unread: %1</source>
        <translation>non lus&#xa0;: %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>en échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>not assigned</source>
        <translation>non attribuée</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>attribuée à %1</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Dernière activité</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Non lu</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Attribuée à</translation>
    </message>
    <message>
        <source>Latest message</source>
        <translation>Dernier message</translation>
    </message>
</context>
<context>
    <name>frontdesk::MessageThreadModel</name>
    <message>
        <source>Could not open the conversation: %1</source>
        <translation>Impossible d&apos;ouvrir la conversation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not load the conversation: %1</source>
        <translation>Impossible de charger la conversation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <comment>the automation rule that sent it</comment>
        <translation>Automatique (%1)</translation>
    </message>
    <message>
        <source>Template %1</source>
        <translation>Modèle %1</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Cabinet</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>subject — body</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 reçu</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 envoyé</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Non lu</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>status: why it failed</comment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Subject: %1

%2</source>
        <translation>Objet&#xa0;: %1

%2</translation>
    </message>
    <message>
        <source>Delivered %1</source>
        <translation>Distribué le %1</translation>
    </message>
    <message>
        <source>No single patient has this number or address.</source>
        <translation>Ce numéro ou cette adresse n&apos;appartient pas à un seul patient.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>frontdesk::MessagesView</name>
    <message>
        <source>&amp;New message…</source>
        <translation>&amp;Nouveau message…</translation>
    </message>
    <message>
        <source>&amp;Reply…</source>
        <translation>&amp;Répondre…</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Tous les canaux</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>All purposes</source>
        <translation>Tous les motifs</translation>
    </message>
    <message>
        <source>Unread only</source>
        <translation>Non lues seulement</translation>
    </message>
    <message>
        <source>Unassigned only</source>
        <translation>Non attribuées seulement</translation>
    </message>
    <message>
        <source>Choose a conversation and press Return to open it.</source>
        <translation>Choisissez une conversation et appuyez sur Entrée pour l&apos;ouvrir.</translation>
    </message>
    <message>
        <source>Messages of the conversation</source>
        <translation>Messages de la conversation</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>Répondre…</translation>
    </message>
    <message>
        <source>A new message to this patient</source>
        <translation>Un nouveau message à ce patient</translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation>Attribuer à</translation>
    </message>
    <message>
        <source>&amp;Assign to…</source>
        <translation>&amp;Attribuer à…</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation>Attribuer à…</translation>
    </message>
    <message>
        <source>Give the conversation to a staff member</source>
        <translation>Confier la conversation à un membre du personnel</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>M&apos;attribuer</translation>
    </message>
    <message>
        <source>Assign to &amp;me</source>
        <translation>&amp;M&apos;attribuer</translation>
    </message>
    <message>
        <source>Mark unread</source>
        <translation>Marquer comme non lue</translation>
    </message>
    <message>
        <source>The newest reply counts as unread again</source>
        <translation>La réponse la plus récente redevient non lue</translation>
    </message>
    <message>
        <source>Mark &amp;unread</source>
        <translation>Marquer comme &amp;non lue</translation>
    </message>
    <message>
        <source>Conversations: %1</source>
        <translation>Conversations&#xa0;: %1</translation>
    </message>
    <message>
        <source>Conversations: %1 · unread: %2</source>
        <translation>Conversations&#xa0;: %1 · non lues&#xa0;: %2</translation>
    </message>
    <message>
        <source>Unassigned inbox</source>
        <translation>Boîte de réception non attribuée</translation>
    </message>
    <message>
        <source>%1 · not assigned</source>
        <translation>%1 · non attribuée</translation>
    </message>
    <message>
        <source>%1 · assigned to %2</source>
        <translation>%1 · attribuée à %2</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Moi</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Recall &amp;outreach…</source>
        <translation>Envoi des &amp;relances de suivi…</translation>
    </message>
    <message>
        <source>The patients due for a recall, written to as a batch</source>
        <translation>Les patients à relancer, contactés en un seul envoi</translation>
    </message>
    <message>
        <source>Survey answer…</source>
        <translation>Réponse à l&apos;enquête…</translation>
    </message>
    <message>
        <source>Record the answer to a follow-up&apos;s survey the patient gave on the phone</source>
        <translation>Enregistrer la réponse à l&apos;enquête d&apos;un suivi donnée par le patient au téléphone</translation>
    </message>
    <message>
        <source>&amp;Survey answer…</source>
        <translation>Réponse à l&apos;en&amp;quête…</translation>
    </message>
</context>
<context>
    <name>frontdesk::NewPatientDialog</name>
    <message>
        <source>New patient</source>
        <translation>Nouveau patient</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>Veuillez corriger les champs signalés en rouge.</translation>
    </message>
    <message>
        <source>%1 (%2, born %3): %4</source>
        <translation>%1 (%2, né(e) le %3) : %4</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Doublon possible</translation>
    </message>
    <message>
        <source>This patient may already be registered:

%1

Use the existing record instead, or save a new one anyway?</source>
        <translation>Ce patient est peut-être déjà enregistré :

%1

Utiliser plutôt le dossier existant, ou en enregistrer un nouveau quand même ?</translation>
    </message>
    <message>
        <source>&amp;Use existing</source>
        <translation>&amp;Utiliser l&apos;existant</translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation>&amp;Enregistrer quand même</translation>
    </message>
</context>
<context>
    <name>frontdesk::NoShowHeatMap</name>
    <message>
        <source>No-shows by weekday and hour</source>
        <translation>Absences par jour de la semaine et par heure</translation>
    </message>
    <message>
        <source>%1, %2
%3 of %4
No-show rate: %5</source>
        <comment>weekday, hour, no-shows of appointments</comment>
        <translation>%1, %2
%3 sur %4
Taux d&apos;absence&#xa0;: %5</translation>
    </message>
    <message numerus="yes">
        <source>%Ln no-show(s)</source>
        <translation>
            <numerusform>%Ln absence</numerusform>
            <numerusform>%Ln absences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln appointment(s) not cancelled</source>
        <translation>
            <numerusform>%Ln rendez-vous non annulé</numerusform>
            <numerusform>%Ln rendez-vous non annulés</numerusform>
        </translation>
    </message>
    <message>
        <source>no-show rate 0 to %1 · number = no-shows · grey: nothing booked</source>
        <translation>taux d&apos;absence de 0 à %1 · nombre = absences · gris&#xa0;: rien de réservé</translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientEditor</name>
    <message>
        <source>&amp;Family name *</source>
        <translation>Nom de &amp;famille *</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>&amp;Prénom</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>p. ex. %1</translation>
    </message>
    <message>
        <source>Day.month.year, year-month-day or month/day/year.</source>
        <translation>Jour.mois.année, année-mois-jour ou mois/jour/année.</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>Date de &amp;naissance</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Féminin</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculin</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation>&amp;Sexe</translation>
    </message>
    <message>
        <source>&amp;MRN *</source>
        <translation>N° de &amp;dossier *</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>Lan&amp;gue</translation>
    </message>
    <message>
        <source>M&amp;obile</source>
        <translation>Por&amp;table</translation>
    </message>
    <message>
        <source>&amp;Home phone</source>
        <translation>Téléphone fi&amp;xe</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Appel téléphonique</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Courrier</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Pre&amp;ferred channel</source>
        <translation>&amp;Canal préféré</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>&amp;Postal code</source>
        <translation>Code p&amp;ostal</translation>
    </message>
    <message>
        <source>C&amp;ity</source>
        <translation>V&amp;ille</translation>
    </message>
    <message>
        <source>Co&amp;untry</source>
        <translation>Pa&amp;ys</translation>
    </message>
    <message>
        <source>&lt;b&gt;Emergency contact&lt;/b&gt;</source>
        <translation>&lt;b&gt;Personne à prévenir&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>No&amp;m</translation>
    </message>
    <message>
        <source>&amp;Relation</source>
        <translation>&amp;Lien</translation>
    </message>
    <message>
        <source>Pho&amp;ne</source>
        <translation>Télép&amp;hone</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date; enter it like %2.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une date&#xa0;; saisissez-la comme %2.</translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientListModel</name>
    <message>
        <source>Could not load the patient list: %1</source>
        <translation>Impossible de charger la liste des patients&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not load more patients: %1</source>
        <translation>Impossible de charger d&apos;autres patients&#xa0;: %1</translation>
    </message>
    <message>
        <source>Mobile: %1
Home: %2</source>
        <translation>Portable&#xa0;: %1
Fixe&#xa0;: %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>N° de dossier</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientPicker</name>
    <message>
        <source>%1 — born %2 — %3</source>
        <translation>%1 — né(e) le %2 — %3</translation>
    </message>
    <message>
        <source>Search patients</source>
        <translation>Rechercher des patients</translation>
    </message>
    <message>
        <source>Matching patients</source>
        <translation>Patients correspondants</translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientProfile</name>
    <message>
        <source>The insurance ends before it starts.</source>
        <translation>L&apos;assurance se termine avant de commencer.</translation>
    </message>
    <message>
        <source>Only an existing alert can be edited.</source>
        <translation>Seule une alerte existante peut être modifiée.</translation>
    </message>
    <message>
        <source>This alert is no longer in the patient&apos;s record.</source>
        <translation>Cette alerte ne figure plus dans le dossier du patient.</translation>
    </message>
    <message>
        <source>This preference is no longer in the patient&apos;s record.</source>
        <translation>Cette préférence ne figure plus dans le dossier du patient.</translation>
    </message>
    <message>
        <source>This consent is already withdrawn.</source>
        <translation>Ce consentement est déjà retiré.</translation>
    </message>
    <message>
        <source>A consent cannot be withdrawn before it was given.</source>
        <translation>Un consentement ne peut pas être retiré avant d&apos;avoir été donné.</translation>
    </message>
    <message>
        <source>This consent is no longer in the patient&apos;s record.</source>
        <translation>Ce consentement ne figure plus dans le dossier du patient.</translation>
    </message>
    <message>
        <source>Enter the date the patient should come back.</source>
        <translation>Saisissez la date à laquelle le patient doit revenir.</translation>
    </message>
    <message>
        <source>The due date is more than ten years ahead; please check the year.</source>
        <translation>La date d&apos;échéance est à plus de dix ans&#xa0;; vérifiez l&apos;année.</translation>
    </message>
    <message>
        <source>Say what the patient should come back for, e.g. yearly check-up.</source>
        <translation>Indiquez pourquoi le patient doit revenir, p. ex. bilan annuel.</translation>
    </message>
    <message>
        <source>Keep the reason under 200 characters.</source>
        <translation>Limitez le motif à moins de 200 caractères.</translation>
    </message>
    <message>
        <source>This practitioner is no longer in the clinic&apos;s list; choose another or any practitioner.</source>
        <translation>Ce praticien ne figure plus dans la liste du cabinet&#xa0;; choisissez-en un autre ou n&apos;importe quel praticien.</translation>
    </message>
    <message>
        <source>Save the new patient before adding a recall.</source>
        <translation>Enregistrez le nouveau patient avant d&apos;ajouter une relance de suivi.</translation>
    </message>
    <message>
        <source>Only an open recall can be changed; this one is closed.</source>
        <translation>Seule une relance ouverte peut être modifiée&#xa0;; celle-ci est close.</translation>
    </message>
    <message>
        <source>This recall is no longer in the patient&apos;s record.</source>
        <translation>Cette relance de suivi ne figure plus dans le dossier du patient.</translation>
    </message>
    <message>
        <source>This recall is already done.</source>
        <translation>Cette relance de suivi est déjà effectuée.</translation>
    </message>
    <message>
        <source>This recall is already cancelled.</source>
        <translation>Cette relance de suivi est déjà annulée.</translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientProfileView</name>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Détails</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>Chronolo&amp;gie</translation>
    </message>
    <message>
        <source>&amp;Consents &amp;&amp; insurance</source>
        <translation>Consen&amp;tements &amp;&amp; assurance</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Nouveau patient</translation>
    </message>
    <message>
        <source>&lt;h2&gt;New patient&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Nouveau patient&lt;/h2&gt;</translation>
    </message>
    <message numerus="yes">
        <source>born %1 (%n years)</source>
        <translation>
            <numerusform>né(e) le %1 (%n an)</numerusform>
            <numerusform>né(e) le %1 (%n ans)</numerusform>
        </translation>
    </message>
    <message>
        <source>C&amp;linical</source>
        <translation>C&amp;linique</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>Enregistrer les modifications de %1&#xa0;?</translation>
    </message>
    <message>
        <source>the new patient</source>
        <translation>le nouveau patient</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>Veuillez corriger les champs signalés en rouge.</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Doublon possible</translation>
    </message>
    <message>
        <source>This patient may already be registered:

%1

Open the existing record instead, or save a new one anyway?</source>
        <translation>Ce patient est peut-être déjà enregistré&#xa0;:

%1

Ouvrir plutôt le dossier existant, ou enregistrer quand même un nouveau dossier&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Open existing</source>
        <translation>&amp;Ouvrir l&apos;existant</translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation>&amp;Enregistrer quand même</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Set &amp;photo…</source>
        <translation>Définir la &amp;photo…</translation>
    </message>
    <message>
        <source>Remove p&amp;hoto</source>
        <translation>Supprimer la p&amp;hoto</translation>
    </message>
    <message>
        <source>Recalls</source>
        <translation>Relances de suivi</translation>
    </message>
    <message>
        <source>(photo cannot be shown)</source>
        <translation>(la photo ne peut pas être affichée)</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Choisir une photo</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>Photos (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 ne peut pas être lu&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Send &amp;message…</source>
        <translation>Envoyer un &amp;message…</translation>
    </message>
    <message>
        <source>&amp;Book appointment…</source>
        <translation>&amp;Réserver un rendez-vous…</translation>
    </message>
    <message>
        <source>&lt;h2&gt;%1&lt;/h2&gt;%2 · %3 · %4</source>
        <translation>&lt;h2&gt;%1&lt;/h2&gt;%2 · %3 · %4</translation>
    </message>
    <message>
        <source>Opened by emergency access (no appointment today). Reason: %1. Every read is recorded in the audit trail.</source>
        <translation>Ouvert en accès d&apos;urgence (pas de rendez-vous aujourd&apos;hui). Motif : %1. Chaque lecture est enregistrée dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>%1 (%2, born %3): %4</source>
        <translation>%1 (%2, né(e) le %3) : %4</translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientsView</name>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Rechercher&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%Ln patients match</source>
        <translation>
            <numerusform>%Ln patient correspond</numerusform>
            <numerusform>%Ln patients correspondent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln patients</source>
        <translation>
            <numerusform>%Ln patient</numerusform>
            <numerusform>%Ln patients</numerusform>
        </translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Name, birth date, phone, MRN or e-mail</source>
        <translation>Nom, date de naissance, téléphone, n° de dossier ou e-mail</translation>
    </message>
    <message>
        <source>&amp;New Patient…</source>
        <translation>&amp;Nouveau patient…</translation>
    </message>
    <message>
        <source>&amp;Duplicates…</source>
        <translation>&amp;Doublons…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Nouveau patient</translation>
    </message>
    <message>
        <source>Finds patients by name (in any order, accents and case ignored), birth date, phone number, MRN or e-mail, best match first (Ctrl+F). Enter opens the profile when one patient matches; otherwise Enter or Down goes to the results, and Enter there opens the chosen one.</source>
        <translation>Trouve les patients par nom (dans n&apos;importe quel ordre, sans tenir compte des accents ni de la casse), date de naissance, numéro de téléphone, n° de dossier ou e-mail, meilleure correspondance en premier (Ctrl+F). Entrée ouvre la fiche lorsqu&apos;un seul patient correspond&#xa0;; sinon, Entrée ou Bas mène aux résultats, où Entrée ouvre le patient choisi.</translation>
    </message>
    <message>
        <source>Patients found</source>
        <translation>Patients trouvés</translation>
    </message>
</context>
<context>
    <name>frontdesk::PractitionerChart</name>
    <message>
        <source>Utilisation</source>
        <translation>Taux d&apos;occupation</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>No-show rate</source>
        <translation>Taux d&apos;absence</translation>
    </message>
    <message>
        <source>&amp;Bars show:</source>
        <translation>&amp;Barres&#xa0;:</translation>
    </message>
    <message>
        <source>Per practitioner</source>
        <translation>Par praticien</translation>
    </message>
    <message>
        <source>Per practitioner: %1</source>
        <translation>Par praticien&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>frontdesk::RecallDialog</name>
    <message>
        <source>New recall</source>
        <translation>Nouvelle relance de suivi</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Relance de suivi</translation>
    </message>
    <message>
        <source>e.g. Yearly check-up</source>
        <translation>p. ex. Bilan annuel</translation>
    </message>
    <message>
        <source>Any practitioner</source>
        <translation>N&apos;importe quel praticien</translation>
    </message>
    <message>
        <source>&amp;Due on:</source>
        <translation>É&amp;chéance le&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Practitioner:</source>
        <translation>&amp;Praticien&#xa0;:</translation>
    </message>
    <message>
        <source>Shown as overdue from the day after the due date until the patient has an appointment on or after it.</source>
        <translation>Affichée en retard à partir du lendemain de la date d&apos;échéance, jusqu&apos;à ce que le patient ait un rendez-vous à cette date ou après.</translation>
    </message>
</context>
<context>
    <name>frontdesk::RecallOutreachDialog</name>
    <message>
        <source>Call task</source>
        <translation>Tâche d&apos;appel</translation>
    </message>
    <message>
        <source>Letter task</source>
        <translation>Tâche de courrier</translation>
    </message>
    <message>
        <source>Not contacted: %1</source>
        <translation>Non contacté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Recall Outreach</source>
        <translation>Envoi des relances de suivi</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Modèle&#xa0;:</translation>
    </message>
    <message>
        <source>No visit for (months)</source>
        <translation>Sans visite depuis (mois)</translation>
    </message>
    <message>
        <source>Only recalls</source>
        <translation>Relances de suivi uniquement</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mois</translation>
    </message>
    <message>
        <source>&amp;No visit for:</source>
        <translation>&amp;Sans visite depuis&#xa0;:</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Patients due</source>
        <translation>Patients à relancer</translation>
    </message>
    <message>
        <source>&amp;Patients due:</source>
        <translation>&amp;Patients à relancer&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>Queues the messages and makes the call and letter tasks (Ctrl+Return)</source>
        <translation>Met les messages en file d&apos;attente et crée les tâches d&apos;appel et de courrier (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>What the selected patient reads:</source>
        <translation>Ce que lit le patient sélectionné&#xa0;:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Send to %n patient(s)</source>
        <translation>
            <numerusform>&amp;Envoyer à %n patient</numerusform>
            <numerusform>&amp;Envoyer à %n patients</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no active template for recalls; an administrator makes one under message templates.</source>
        <translation>Il n&apos;y a aucun modèle actif pour les relances de suivi&#xa0;; un administrateur en crée un dans les modèles de message.</translation>
    </message>
    <message>
        <source>Nobody is due for a recall today.</source>
        <translation>Personne n&apos;est à relancer aujourd&apos;hui.</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) due, </source>
        <translation>
            <numerusform>%n patient à relancer, </numerusform>
            <numerusform>%n patients à relancer, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to be contacted.</source>
        <translation>
            <numerusform>%n à contacter.</numerusform>
            <numerusform>%n à contacter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Objet&#xa0;: %1</translation>
    </message>
    <message>
        <source>Send the recall to the patients listed? Messages wait in the outbox until the server sends them; call and letter requests become tasks in the worklist.</source>
        <translation>Envoyer la relance de suivi aux patients listés&#xa0;? Les messages attendent dans la boîte d&apos;envoi jusqu&apos;à ce que le serveur les envoie&#xa0;; les demandes d&apos;appel ou de courrier deviennent des tâches de la liste de tâches.</translation>
    </message>
    <message>
        <source>%1 queued</source>
        <translation>%1 en file d&apos;attente</translation>
    </message>
    <message>
        <source>Call task made</source>
        <translation>Tâche d&apos;appel créée</translation>
    </message>
    <message>
        <source>Letter task made</source>
        <translation>Tâche de courrier créée</translation>
    </message>
    <message>
        <source>Failed, nothing kept: %1</source>
        <translation>Échec, rien n&apos;a été conservé&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Sent: %n message(s) queued, </source>
        <translation>
            <numerusform>Envoyé&#xa0;: %n message en file d&apos;attente, </numerusform>
            <numerusform>Envoyé&#xa0;: %n messages en file d&apos;attente, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) made, </source>
        <translation>
            <numerusform>%n tâche créée, </numerusform>
            <numerusform>%n tâches créées, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) not contacted.</source>
        <translation>
            <numerusform>%n patient non contacté.</numerusform>
            <numerusform>%n patients non contactés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::RecallsTab</name>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>&amp;Add recall…</source>
        <translation>Ajouter une relan&amp;ce…</translation>
    </message>
    <message>
        <source>&amp;Mark done</source>
        <translation>&amp;Marquer comme effectuée</translation>
    </message>
    <message>
        <source>The patient came back for the selected recall</source>
        <translation>Le patient est revenu pour la relance de suivi sélectionnée</translation>
    </message>
    <message>
        <source>Ca&amp;ncel recall…</source>
        <translation>A&amp;nnuler la relance…</translation>
    </message>
    <message>
        <source>The selected recall is no longer needed (Delete)</source>
        <translation>La relance de suivi sélectionnée n&apos;est plus nécessaire (Suppr)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Effectuée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Open — overdue</source>
        <translation>Ouverte — en retard</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Any practitioner</source>
        <translation>N&apos;importe quel praticien</translation>
    </message>
    <message>
        <source>Due before today and no appointment booked on or after the due date: a care gap</source>
        <translation>Échue avant aujourd&apos;hui et aucun rendez-vous réservé à partir de la date d&apos;échéance&#xa0;: une rupture de suivi</translation>
    </message>
    <message>
        <source>Double-click or Enter to change; Delete to cancel</source>
        <translation>Double-clic ou Entrée pour modifier&#xa0;; Suppr pour annuler</translation>
    </message>
    <message>
        <source>(no recalls)</source>
        <translation>(aucune relance de suivi)</translation>
    </message>
    <message numerus="yes">
        <source>Recalls (%n overdue)</source>
        <translation>
            <numerusform>Relances de suivi (%n en retard)</numerusform>
            <numerusform>Relances de suivi (%n en retard)</numerusform>
        </translation>
    </message>
    <message>
        <source>Recalls</source>
        <translation>Relances de suivi</translation>
    </message>
    <message>
        <source>This recall is closed and cannot be changed; add a new one instead.</source>
        <translation>Cette relance de suivi est close et ne peut pas être modifiée&#xa0;; ajoutez-en plutôt une nouvelle.</translation>
    </message>
    <message>
        <source>Cancel recall</source>
        <translation>Annuler la relance de suivi</translation>
    </message>
    <message>
        <source>Cancel the recall “%1”? It stays in the patient&apos;s history.</source>
        <translation>Annuler la relance de suivi «&#xa0;%1&#xa0;»&#xa0;? Elle reste dans l&apos;historique du patient.</translation>
    </message>
</context>
<context>
    <name>frontdesk::ScheduleAdminDialog</name>
    <message>
        <source>Schedule settings</source>
        <translation>Paramètres du planning</translation>
    </message>
    <message>
        <source>&amp;Working hours</source>
        <translation>&amp;Horaires</translation>
    </message>
    <message>
        <source>&amp;Time off</source>
        <translation>&amp;Absences</translation>
    </message>
    <message>
        <source>Appointment t&amp;ypes</source>
        <translation>T&amp;ypes de rendez-vous</translation>
    </message>
    <message>
        <source>&amp;Rooms</source>
        <translation>&amp;Salles</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>A&amp;jouter</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Supp&amp;rimer</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Congé</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Jour férié</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqué</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>Qui&#xa0;:</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>Quoi&#xa0;:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Du&#xa0;:</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>Jusqu&apos;au&#xa0;:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note&#xa0;:</translation>
    </message>
    <message>
        <source>code, e.g. ultrasound</source>
        <translation>code, p. ex. ultrasound</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Nom de la salle</translation>
    </message>
    <message>
        <source>The whole clinic</source>
        <translation>Tout le cabinet</translation>
    </message>
    <message>
        <source>No room</source>
        <translation>Aucune salle</translation>
    </message>
    <message>
        <source>%1 %2–%3 %4</source>
        <translation>%1 %2–%3 %4</translation>
    </message>
    <message>
        <source>%1 – %2: %3, %4 %5</source>
        <translation>%1 – %2&#xa0;: %3, %4 %5</translation>
    </message>
    <message>
        <source>the whole clinic</source>
        <translation>tout le cabinet</translation>
    </message>
    <message>
        <source>%1 (%2) — %3 min</source>
        <translation>%1 (%2) — %3 min</translation>
    </message>
    <message>
        <source>The colour must be like #4e79a7.</source>
        <translation>La couleur doit être de la forme #4e79a7.</translation>
    </message>
    <message>
        <source>Choose an entry first.</source>
        <translation>Choisissez d&apos;abord une entrée.</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Horaires</translation>
    </message>
    <message>
        <source>Time off</source>
        <translation>Absences</translation>
    </message>
    <message>
        <source>Appointment types</source>
        <translation>Types de rendez-vous</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salles</translation>
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
        <translation>Jour précédent (%1)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Next day (%1)</source>
        <translation>Jour suivant (%1)</translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation>Jour affiché</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>By practitioner</source>
        <translation>Par praticien</translation>
    </message>
    <message>
        <source>By room</source>
        <translation>Par salle</translation>
    </message>
    <message>
        <source>Week of one practitioner</source>
        <translation>Semaine d&apos;un praticien</translation>
    </message>
    <message>
        <source>Practitioner filter</source>
        <translation>Filtre par praticien</translation>
    </message>
    <message>
        <source>Appointment type filter</source>
        <translation>Filtre par type de rendez-vous</translation>
    </message>
    <message>
        <source>Find next available…</source>
        <translation>Créneau libre…</translation>
    </message>
    <message>
        <source>Day list (PDF)…</source>
        <translation>Liste du jour (PDF)…</translation>
    </message>
    <message>
        <source>Save the day list</source>
        <translation>Enregistrer la liste du jour</translation>
    </message>
    <message>
        <source>day-list-%1.pdf</source>
        <translation>liste-du-jour-%1.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved the day list to %1.</source>
        <translation>Liste du jour enregistrée dans %1.</translation>
    </message>
    <message>
        <source>Waitlist…</source>
        <translation>Liste d&apos;attente…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Con&amp;firm</source>
        <translation>Con&amp;firmer</translation>
    </message>
    <message>
        <source>&amp;Check in</source>
        <translation>&amp;Enregistrer l&apos;arrivée</translation>
    </message>
    <message>
        <source>Into the &amp;room</source>
        <translation>En &amp;consultation</translation>
    </message>
    <message>
        <source>Co&amp;mplete</source>
        <translation>&amp;Terminer</translation>
    </message>
    <message>
        <source>&amp;No-show</source>
        <translation>A&amp;bsent</translation>
    </message>
    <message>
        <source>C&amp;ancel…</source>
        <translation>A&amp;nnuler…</translation>
    </message>
    <message>
        <source>&amp;Revert the last status</source>
        <translation>&amp;Rétablir le statut précédent</translation>
    </message>
    <message>
        <source>All practitioners</source>
        <translation>Tous les praticiens</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Aujourd&apos;hui, %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n appointment(s)</source>
        <translation>
            <numerusform>%1 — %n rendez-vous</numerusform>
            <numerusform>%1 — %n rendez-vous</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Annuler %1</translation>
    </message>
    <message>
        <source>Could not undo %1: %2</source>
        <translation>Impossible d&apos;annuler %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Undone: %1.</source>
        <translation>Annulé&#xa0;: %1.</translation>
    </message>
    <message>
        <source>the series</source>
        <translation>la série</translation>
    </message>
    <message>
        <source>the booking</source>
        <translation>la réservation</translation>
    </message>
    <message>
        <source>the move</source>
        <translation>le déplacement</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>«&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Cancel the rest of the series</source>
        <translation>Annuler le reste de la série</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n appointment(s) of the series; each can be reverted on its own.</source>
        <translation>
            <numerusform>%n rendez-vous de la série annulé&#xa0;; chacun peut être rétabli séparément.</numerusform>
            <numerusform>%n rendez-vous de la série annulés&#xa0;; chacun peut être rétabli séparément.</numerusform>
        </translation>
    </message>
    <message>
        <source>the cancellation</source>
        <translation>l&apos;annulation</translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s) of the series now at this time.</source>
        <translation>
            <numerusform>%n rendez-vous de la série est maintenant à cette heure.</numerusform>
            <numerusform>%n rendez-vous de la série sont maintenant à cette heure.</numerusform>
        </translation>
    </message>
    <message>
        <source>Set by mistake</source>
        <translation>Mis par erreur</translation>
    </message>
    <message>
        <source>The status is back to “%1”; the history keeps both.</source>
        <translation>Le statut est revenu à «&#xa0;%1&#xa0;»&#xa0;; l&apos;historique conserve les deux.</translation>
    </message>
    <message numerus="yes">
        <source>The freed time at %1 suits %n patient(s) on the waitlist: %2.</source>
        <translation>
            <numerusform>Le créneau libéré à %1 convient à %n patient de la liste d&apos;attente&#xa0;: %2.</numerusform>
            <numerusform>Le créneau libéré à %1 convient à %n patients de la liste d&apos;attente&#xa0;: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Move the rest of the series to this time</source>
        <translation>Déplacer le reste de la série à cette heure</translation>
    </message>
    <message>
        <source>Cancel the rest of the series…</source>
        <translation>Annuler le reste de la série…</translation>
    </message>
    <message>
        <source>Room filter</source>
        <translation>Filtre par salle</translation>
    </message>
    <message>
        <source>All rooms</source>
        <translation>Toutes les salles</translation>
    </message>
    <message>
        <source>The search did not find %1; choose the patient in the booking dialog.</source>
        <translation>La recherche n&apos;a pas trouvé %1 ; choisissez le patient dans la fenêtre de réservation.</translation>
    </message>
    <message>
        <source>Print day list…</source>
        <translation>Imprimer la liste du jour…</translation>
    </message>
    <message>
        <source>Print the day list</source>
        <translation>Imprimer la liste du jour</translation>
    </message>
    <message>
        <source>The day list went to %1.</source>
        <translation>La liste du jour a été envoyée à %1.</translation>
    </message>
    <message>
        <source>The patient&apos;s reply is marked handled.</source>
        <translation>La réponse du patient est marquée comme traitée.</translation>
    </message>
    <message>
        <source>Mark the patient&apos;s reply &amp;handled</source>
        <translation>Marquer la réponse du patient comme &amp;traitée</translation>
    </message>
    <message>
        <source>&amp;Write to the patient…</source>
        <translation>&amp;Écrire au patient…</translation>
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
        <translation>Jour précédent</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>Au&amp;jourd&apos;hui</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>Aller à aujourd&apos;hui</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Jour suivant</translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation>Jour affiché</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Aujourd&apos;hui, %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln appointments</source>
        <translation>
            <numerusform>%Ln rendez-vous</numerusform>
            <numerusform>%Ln rendez-vous</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Practitioner: %1&lt;br&gt;Room: %2&lt;br&gt;Type: %3&lt;br&gt;Status: %4&lt;/p&gt;</source>
        <translation>&lt;p&gt;Praticien&#xa0;: %1&lt;br&gt;Salle&#xa0;: %2&lt;br&gt;Type&#xa0;: %3&lt;br&gt;Statut&#xa0;: %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Reason: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Motif&#xa0;: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Notes: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Notes&#xa0;: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation>&amp;Calendrier</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>&amp;Liste</translation>
    </message>
    <message>
        <source>Show the appointments as a list (%1)</source>
        <translation>Afficher les rendez-vous en liste (%1)</translation>
    </message>
    <message>
        <source>Show the day calendar (%1)</source>
        <translation>Afficher le calendrier du jour (%1)</translation>
    </message>
</context>
<context>
    <name>frontdesk::Session</name>
    <message>
        <source>Sign in first.</source>
        <translation>Connectez-vous d&apos;abord.</translation>
    </message>
    <message>
        <source>The workstation is locked. Unlock it first.</source>
        <translation>Le poste de travail est verrouillé. Déverrouillez-le d&apos;abord.</translation>
    </message>
    <message>
        <source>As %1, %2 may not %3.</source>
        <translation>En tant que %1, %2 n&apos;est pas autorisé(e) à %3.</translation>
    </message>
    <message>
        <source>%1 is already signed in; sign out first.</source>
        <translation>%1 est déjà connecté(e)&#xa0;; déconnectez-vous d&apos;abord.</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>Personne n&apos;est connecté.</translation>
    </message>
    <message>
        <source>Only %1 or an administrator can unlock this session.</source>
        <translation>Seul(e) %1 ou un administrateur peut déverrouiller cette session.</translation>
    </message>
    <message>
        <source>Lock the workstation first; then another person can take it over.</source>
        <translation>Verrouillez d&apos;abord le poste de travail ; une autre personne peut ensuite le reprendre.</translation>
    </message>
</context>
<context>
    <name>frontdesk::SignInDialog</name>
    <message>
        <source>Sign in — Frontdesk</source>
        <translation>Connexion — Frontdesk</translation>
    </message>
    <message>
        <source>First start — Frontdesk</source>
        <translation>Premier démarrage — Frontdesk</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d&apos;&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>Nom &amp;complet&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Répéter&#xa0;:</translation>
    </message>
    <message>
        <source>At least %1 characters, not a common password. Several unrelated words work well.</source>
        <translation>Au moins %1 caractères, pas un mot de passe courant. Plusieurs mots sans rapport entre eux conviennent bien.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>Créer et se connecter</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Saisissez votre nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe diffèrent.</translation>
    </message>
    <message>
        <source>Sign in with your own staff account.</source>
        <translation>Connectez-vous avec votre propre compte personnel.</translation>
    </message>
    <message>
        <source>This workstation has no staff accounts yet. Create the first administrator; they can add everyone else (frontdeskctl user add).</source>
        <translation>Ce poste de travail n&apos;a pas encore de comptes du personnel. Créez le premier administrateur ; il pourra ajouter tous les autres (frontdeskctl user add).</translation>
    </message>
    <message>
        <source>Checking the password with the server…</source>
        <translation>Vérification du mot de passe auprès du serveur…</translation>
    </message>
</context>
<context>
    <name>frontdesk::SqlCipherDriver</name>
    <message>
        <source>%1 needs a number of milliseconds, not &quot;%2&quot;.</source>
        <translation>%1 attend un nombre de millisecondes, pas «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>Unknown connect option &quot;%1&quot; (the QSQLCIPHER driver knows %2 and %3=&lt;milliseconds&gt;).</source>
        <translation>Option de connexion inconnue «&#xa0;%1&#xa0;» (le pilote QSQLCIPHER connaît %2 et %3=&lt;millisecondes&gt;).</translation>
    </message>
    <message>
        <source>No database key was given; Frontdesk never opens a database unencrypted. Refusing to open %1.</source>
        <translation>Aucune clé de base de données n&apos;a été fournie&#xa0;; Frontdesk n&apos;ouvre jamais une base de données non chiffrée. Refus d&apos;ouvrir %1.</translation>
    </message>
    <message>
        <source>The database key must be exactly %1 hexadecimal digits (a raw 256-bit key). Refusing to open %2.</source>
        <translation>La clé de la base de données doit comporter exactement %1 chiffres hexadécimaux (une clé brute de 256 bits). Refus d&apos;ouvrir %2.</translation>
    </message>
    <message>
        <source>Could not open the database %1.</source>
        <translation>Impossible d&apos;ouvrir la base de données %1.</translation>
    </message>
    <message>
        <source>SQLCipher is not active in this process (PRAGMA cipher_version gave no answer): the process reached plain SQLite, which would store patient data unencrypted. Refusing to open %1.</source>
        <translation>SQLCipher n&apos;est pas actif dans ce processus (PRAGMA cipher_version n&apos;a rien renvoyé)&#xa0;: le processus a atteint SQLite ordinaire, qui stockerait les données des patients en clair. Refus d&apos;ouvrir %1.</translation>
    </message>
    <message>
        <source>Could not apply the key to the database %1.</source>
        <translation>Impossible d&apos;appliquer la clé à la base de données %1.</translation>
    </message>
    <message>
        <source>The database %1 could not be decrypted: the key is wrong, or the file is not a Frontdesk database. The file was not changed.</source>
        <translation>Impossible de déchiffrer la base de données %1&#xa0;: la clé est incorrecte, ou le fichier n&apos;est pas une base de données Frontdesk. Le fichier n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>The database %1 could not be read.</source>
        <translation>Impossible de lire la base de données %1.</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>La base de données n&apos;est pas ouverte.</translation>
    </message>
    <message>
        <source>Unable to begin the transaction</source>
        <translation>Impossible de démarrer la transaction</translation>
    </message>
    <message>
        <source>Unable to commit the transaction</source>
        <translation>Impossible de valider la transaction</translation>
    </message>
    <message>
        <source>Unable to roll back the transaction</source>
        <translation>Impossible d&apos;annuler la transaction</translation>
    </message>
</context>
<context>
    <name>frontdesk::SqlRow</name>
    <message>
        <source>This connection is not a SQLite one.</source>
        <translation>Cette connexion n&apos;est pas une connexion SQLite.</translation>
    </message>
    <message>
        <source>Could not read a row: %1</source>
        <translation>Impossible de lire une ligne&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>frontdesk::SurveyAnswerDialog</name>
    <message>
        <source>Survey answer</source>
        <translation>Réponse à l&apos;enquête</translation>
    </message>
    <message>
        <source>Patient:</source>
        <translation>Patient&#xa0;:</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>&amp;Visit:</source>
        <translation>&amp;Consultation&#xa0;:</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Question&#xa0;:</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>%1 (poor)</source>
        <translation>%1 (mauvais)</translation>
    </message>
    <message>
        <source>%1 (very good)</source>
        <translation>%1 (très bien)</translation>
    </message>
    <message>
        <source>&amp;Answer:</source>
        <translation>&amp;Réponse&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Record answer</source>
        <translation>&amp;Enregistrer la réponse</translation>
    </message>
    <message>
        <source>Stored and synced as an answer by SMS is (Ctrl+Return)</source>
        <translation>Enregistrée et synchronisée comme une réponse par SMS (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>%1 · answered %2</source>
        <translation>%1 · réponse&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>The patient has no completed visit in the last %n day(s) to answer about.</source>
        <translation>
            <numerusform>Le patient n&apos;a aucune visite terminée au cours du dernier %n jour sur laquelle répondre.</numerusform>
            <numerusform>Le patient n&apos;a aucune visite terminée au cours des %n derniers jours sur laquelle répondre.</numerusform>
        </translation>
    </message>
    <message>
        <source>No survey was sent about this visit; record the answer the patient gave when asked.</source>
        <translation>Aucune enquête n&apos;a été envoyée pour cette visite&#xa0;; enregistrez la réponse donnée par le patient lorsqu&apos;on la lui a demandée.</translation>
    </message>
</context>
<context>
    <name>frontdesk::SyncStatus</name>
    <message>
        <source>Could not count the changes waiting to sync: %1</source>
        <translation>Impossible de compter les modifications en attente de synchronisation&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>frontdesk::SyncStatusWidget</name>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Offline — no server configured</source>
        <translation>Hors ligne — aucun serveur configuré</translation>
    </message>
    <message>
        <source>no changes waiting</source>
        <translation>aucune modification en attente</translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes waiting</source>
        <translation>
            <numerusform>%Ln modification en attente</numerusform>
            <numerusform>%Ln modifications en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>connection · changes waiting</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Changes made on this workstation are kept safely in its database and will be sent once a sync server is configured.</source>
        <translation>Les modifications faites sur ce poste sont conservées en sécurité dans sa base de données et seront envoyées dès qu&apos;un serveur de synchronisation sera configuré.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source> (last synced %1)</source>
        <translation> (dernière synchronisation %1)</translation>
    </message>
    <message>
        <source> (never synced)</source>
        <translation> (jamais synchronisé)</translation>
    </message>
    <message numerus="yes">
        <source> · %Ln in conflict</source>
        <translation>
            <numerusform> · %Ln en conflit</numerusform>
            <numerusform> · %Ln en conflit</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation>Hors ligne depuis %1</translation>
    </message>
    <message numerus="yes">
        <source> · %Ln refused by the server</source>
        <translation>
            <numerusform> · %Ln refusé par le serveur</numerusform>
            <numerusform> · %Ln refusés par le serveur</numerusform>
        </translation>
    </message>
    <message>
        <source>Settle…</source>
        <translation>Régler…</translation>
    </message>
    <message>
        <source>Settle the records waiting after sync</source>
        <translation>Régler les enregistrements en attente après la synchronisation</translation>
    </message>
    <message>
        <source>Open Sync Conflicts (Shift+F9)</source>
        <translation>Ouvrir les conflits de synchronisation (Maj+F9)</translation>
    </message>
    <message>
        <source>sending %1 of %2 records to the server</source>
        <translation>envoi de %1 enregistrements sur %2 au serveur</translation>
    </message>
    <message>
        <source>receiving %1 of %2 changes from the server</source>
        <translation>réception de %1 modifications sur %2 du serveur</translation>
    </message>
    <message>
        <source>finishing the first sync: rebuilding search index %1 of %2</source>
        <translation>fin de la première synchronisation : reconstruction de l&apos;index de recherche %1 sur %2</translation>
    </message>
</context>
<context>
    <name>frontdesk::SyncWorker</name>
    <message>
        <source>The sync worker could not open the database: %1</source>
        <translation>Le processus de synchronisation n&apos;a pas pu ouvrir la base de données&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not count the changes waiting to sync: %1</source>
        <translation>Impossible de compter les modifications en attente de synchronisation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not count the records in conflict: %1</source>
        <translation>Impossible de compter les enregistrements en conflit&#xa0;: %1</translation>
    </message>
    <message>
        <source>The sync worker could not read the schema: %1</source>
        <translation>Le processus de synchronisation n&apos;a pas pu lire le schéma&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>frontdesk::TimeWindowEdit</name>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Heure de début</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Heure de fin</translation>
    </message>
</context>
<context>
    <name>frontdesk::TimelineTab</name>
    <message>
        <source>Show:</source>
        <translation>Afficher&#xa0;:</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Relance de suivi</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Recall due: %1</source>
        <translation>Relance de suivi échue&#xa0;: %1</translation>
    </message>
    <message>
        <source>Visit notes are not shown: this patient has no appointment today. Open the clinical summary on the Clinical tab, giving the reason, to see them here too.</source>
        <translation>Les notes de consultation ne sont pas affichées&#xa0;: ce patient n&apos;a pas de rendez-vous aujourd&apos;hui. Ouvrez la synthèse clinique dans l&apos;onglet «&#xa0;Clinique&#xa0;», en indiquant le motif, pour les voir ici aussi.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Mark the patient&apos;s reply &amp;handled</source>
        <translation>Marquer la réponse du patient comme &amp;traitée</translation>
    </message>
    <message>
        <source>For a line marked “patient replied”: once someone answered the patient, the mark goes here and on the calendar.</source>
        <translation>Pour une ligne marquée «&#xa0;réponse du patient&#xa0;»&#xa0;: une fois qu&apos;on a répondu au patient, la marque disparaît ici et dans le calendrier.</translation>
    </message>
</context>
<context>
    <name>frontdesk::WaitlistDialog</name>
    <message>
        <source>Waitlist</source>
        <translation>Liste d&apos;attente</translation>
    </message>
    <message>
        <source>Find the patient: name, birth date, phone or MRN</source>
        <translation>Trouver le patient&#xa0;: nom, date de naissance, téléphone ou n° de dossier</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>N&apos;importe qui</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Add to the waitlist</source>
        <translation>&amp;Ajouter à la liste d&apos;attente</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Patient&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;With:</source>
        <translation>A&amp;vec&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Durée&#xa0;:</translation>
    </message>
    <message>
        <source>Days (none: any):</source>
        <translation>Jours (aucun&#xa0;: n&apos;importe lequel)&#xa0;:</translation>
    </message>
    <message>
        <source>Time of day:</source>
        <translation>Moment de la journée&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note&#xa0;:</translation>
    </message>
    <message>
        <source>Find and choose the patient first.</source>
        <translation>Trouvez et choisissez d&apos;abord le patient.</translation>
    </message>
    <message>
        <source>%1 — %2 min with %3; %4 %5–%6; waiting since %7 %8</source>
        <translation>%1 — %2 min avec %3&#xa0;; %4 %5–%6&#xa0;; en attente depuis le %7 %8</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>n&apos;importe qui</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>n&apos;importe quel jour</translation>
    </message>
</context>
<context>
    <name>frontdesk::WeeklyTrendChart</name>
    <message>
        <source>Weekly trend: appointments and no-show rate</source>
        <translation>Tendance hebdomadaire&#xa0;: rendez-vous et taux d&apos;absence</translation>
    </message>
    <message>
        <source>Weekly trend</source>
        <translation>Tendance hebdomadaire</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>No-show rate</source>
        <translation>Taux d&apos;absence</translation>
    </message>
    <message>
        <source>W%1</source>
        <comment>ISO week number</comment>
        <translation>S%1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln appointments</source>
        <comment>a week of the weekly trend chart</comment>
        <translation>
            <numerusform>%1&#xa0;: %Ln rendez-vous</numerusform>
            <numerusform>%1&#xa0;: %Ln rendez-vous</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, no-show rate %2</source>
        <comment>a week&apos;s appointments, then its no-show rate</comment>
        <translation>%1, taux d&apos;absence %2</translation>
    </message>
    <message>
        <source>%1 (part)</source>
        <comment>a week&apos;s label: only part of it counted</comment>
        <translation>%1 (partielle)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (partial week: %n of 7 days)</source>
        <comment>a week of the weekly trend chart</comment>
        <translation>
            <numerusform>%1 (semaine partielle&#xa0;: %n jour sur 7)</numerusform>
            <numerusform>%1 (semaine partielle&#xa0;: %n jours sur 7)</numerusform>
        </translation>
    </message>
    <message>
        <source>Weekly trend — lighter, “(part)”: a week not wholly counted</source>
        <translation>Tendance hebdomadaire — plus clair, «&#xa0;(partielle)&#xa0;»&#xa0;: semaine comptée en partie</translation>
    </message>
</context>
<context>
    <name>frontdesk::WorklistModel</name>
    <message>
        <source>Recall</source>
        <translation>Relance de suivi</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Courrier</translation>
    </message>
    <message>
        <source>Waitlist offer</source>
        <translation>Offre de la liste d&apos;attente</translation>
    </message>
    <message>
        <source>Could not load the worklist: %1</source>
        <translation>Impossible de charger la liste de tâches&#xa0;: %1</translation>
    </message>
    <message>
        <source>Choose the task to mark done.</source>
        <translation>Choisissez la tâche à marquer comme effectuée.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (contacted %2: %3)</source>
        <translation>%1 (contacté le %2&#xa0;: %3)</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>À faire</translation>
    </message>
</context>
<context>
    <name>frontdesk::WorklistView</name>
    <message>
        <source>Worklist</source>
        <translation>Liste de tâches</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Tasks due</source>
        <translation>Tâches à faire</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Marquer comme effectuée</translation>
    </message>
    <message>
        <source>The task is done: it leaves the worklist</source>
        <translation>La tâche est effectuée&#xa0;: elle quitte la liste de tâches</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>Marquer comme &amp;effectuée</translation>
    </message>
    <message>
        <source>Recall &amp;Outreach…</source>
        <translation>&amp;Envoi des relances de suivi…</translation>
    </message>
    <message>
        <source>Return opens the patient; D marks the task done.</source>
        <translation>Entrée ouvre le dossier du patient&#xa0;; D marque la tâche comme effectuée.</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>Effectué&#xa0;: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) due</source>
        <translation>
            <numerusform>%n tâche à faire</numerusform>
            <numerusform>%n tâches à faire</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::Workstation</name>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>These windows are still open:
%1

Signing out closes them; what is not saved in them is lost.</source>
        <translation>Ces fenêtres sont encore ouvertes :
%1

La déconnexion les ferme ; ce qui n&apos;y est pas enregistré est perdu.</translation>
    </message>
    <message>
        <source>Close Them and Sign Out</source>
        <translation>Les fermer et se déconnecter</translation>
    </message>
    <message>
        <source>Quit Frontdesk</source>
        <translation>Quitter Frontdesk</translation>
    </message>
    <message>
        <source>Windows are kept open on this workstation for %1. Quitting closes them; what is not saved in them is lost.

Quit anyway?</source>
        <translation>Des fenêtres sont conservées sur ce poste de travail pour %1. Quitter les ferme ; ce qui n&apos;y est pas enregistré est perdu.

Quitter quand même ?</translation>
    </message>
</context>
<context>
    <name>frontdesk::view</name>
    <message>
        <source>MRN %1</source>
        <translation>N° de dossier %1</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AccessCommands</name>
    <message>
        <source>No password on standard input.</source>
        <translation>No hay contraseña en la entrada estándar.</translation>
    </message>
    <message>
        <source>New password for %1 (at least %2 characters): </source>
        <translation>Nueva contraseña para %1 (al menos %2 caracteres): </translation>
    </message>
    <message>
        <source>The same password again: </source>
        <translation>La misma contraseña otra vez: </translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>Las dos contraseñas no coinciden; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>No staff accounts yet. Add the first administrator with: frontdeskctl user add NAME --role admin</source>
        <translation>Todavía no hay cuentas de personal. Añada el primer administrador con: frontdeskctl user add NAME --role admin</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activa</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>desactivada</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>bloqueada hasta %1</translation>
    </message>
    <message>
        <source>This database already has staff accounts; demo accounts are only added to a database without any.</source>
        <translation>Esta base de datos ya tiene cuentas de personal; las cuentas de demostración solo se añaden a una base de datos sin ninguna.</translation>
    </message>
    <message>
        <source>Demo %1</source>
        <translation>Demo %1</translation>
    </message>
    <message>
        <source>Added the demo accounts receptionist, nurse, manager and admin, each with the password &quot;%1&quot;. They are for the demo only.</source>
        <translation>Se han añadido las cuentas de demostración receptionist, nurse, manager y admin, cada una con la contraseña «%1». Son solo para la demostración.</translation>
    </message>
    <message>
        <source>user needs a sub-command: add, disable, enable, list, passwd, role or demo-accounts.</source>
        <translation>user necesita una suborden: add, disable, enable, list, passwd, role o demo-accounts.</translation>
    </message>
    <message>
        <source>user %1 needs exactly one user name.</source>
        <translation>user %1 necesita exactamente un nombre de usuario.</translation>
    </message>
    <message>
        <source>user %1 takes no further arguments.</source>
        <translation>user %1 no admite más argumentos.</translation>
    </message>
    <message>
        <source>user %1 needs --role receptionist|nurse|manager|admin.</source>
        <translation>user %1 necesita --role receptionist|nurse|manager|admin.</translation>
    </message>
    <message>
        <source>unknown role &quot;%1&quot;: use receptionist, nurse, manager or admin.</source>
        <translation>rol desconocido «%1»: use receptionist, nurse, manager o admin.</translation>
    </message>
    <message>
        <source>unknown user sub-command &quot;%1&quot;.</source>
        <translation>suborden de user desconocida «%1».</translation>
    </message>
    <message>
        <source>There is already an account named %1.</source>
        <translation>Ya existe una cuenta llamada %1.</translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation>Se ha añadido %1 (%2).</translation>
    </message>
    <message>
        <source>There is no account named %1.</source>
        <translation>No existe ninguna cuenta llamada %1.</translation>
    </message>
    <message>
        <source>%1 is disabled and can no longer sign in.</source>
        <translation>%1 está desactivada y ya no puede iniciar sesión.</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 puede volver a iniciar sesión.</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 ahora es %2.</translation>
    </message>
    <message>
        <source>The password of %1 was changed; any lock-out is lifted.</source>
        <translation>Se ha cambiado la contraseña de %1; se ha levantado cualquier bloqueo.</translation>
    </message>
    <message numerus="yes">
        <source>The audit trail is intact: %n entries, each chained to the one before.</source>
        <translation>
            <numerusform>El registro de auditoría está intacto: %n entrada, encadenada a la anterior.</numerusform>
            <numerusform>El registro de auditoría está intacto: %n entradas, cada una encadenada a la anterior.</numerusform>
        </translation>
    </message>
    <message>
        <source>--limit must be a whole number of at least 1.</source>
        <translation>--limit debe ser un número entero de al menos 1.</translation>
    </message>
    <message>
        <source>patient %1</source>
        <translation>paciente %1</translation>
    </message>
    <message>
        <source>--days must be a whole number from 0 (keep all) to %1.</source>
        <translation>--days debe ser un número entero de 0 (conservar todo) a %1.</translation>
    </message>
    <message>
        <source>Messages are kept on this workstation without a time limit.</source>
        <translation>Los mensajes se conservan en este puesto de trabajo sin límite de tiempo.</translation>
    </message>
    <message>
        <source>Messages are kept on this workstation for %1 days; %2 older local copies were removed.</source>
        <translation>Los mensajes se conservan en este puesto de trabajo durante %1 días; se han eliminado %2 copias locales más antiguas.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Mostrar en JSON.</translation>
    </message>
    <message>
        <source>Manage staff accounts (passwords are read from standard input).</source>
        <translation>Gestionar las cuentas de personal (las contraseñas se leen de la entrada estándar).</translation>
    </message>
    <message>
        <source>receptionist, nurse, manager or admin.</source>
        <translation>receptionist, nurse, manager o admin.</translation>
    </message>
    <message>
        <source>The name shown for the account.</source>
        <translation>El nombre que se muestra para la cuenta.</translation>
    </message>
    <message>
        <source>Only entries about this patient id.</source>
        <translation>Solo las entradas sobre este identificador de paciente.</translation>
    </message>
    <message>
        <source>Only entries by this user.</source>
        <translation>Solo las entradas de este usuario.</translation>
    </message>
    <message>
        <source>Only entries of this action (e.g. read, update, login).</source>
        <translation>Solo las entradas de esta acción (p. ej., read, update, login).</translation>
    </message>
    <message>
        <source>Only the newest N entries.</source>
        <translation>Solo las N entradas más recientes.</translation>
    </message>
    <message>
        <source>Keep messages on this workstation for N days and remove older local copies.</source>
        <translation>Conservar los mensajes en este puesto de trabajo durante N días y eliminar las copias locales más antiguas.</translation>
    </message>
    <message>
        <source>Days to keep (0: keep all).</source>
        <translation>Días que se conservan (0: conservar todo).</translation>
    </message>
    <message>
        <source>The audit trail was tampered with. %1
Checked against: %2</source>
        <translation>El registro de auditoría fue manipulado. %1
Comprobado con: %2</translation>
    </message>
    <message>
        <source>Checked against: %1</source>
        <translation>Comprobado con: %1</translation>
    </message>
    <message>
        <source>This trail has no anchor outside its database.</source>
        <translation>Este registro no tiene ancla fuera de su base de datos.</translation>
    </message>
    <message>
        <source>The audit trail was tampered with, so it is not anchored again. %1</source>
        <translation>El registro de auditoría fue manipulado, así que no se vuelve a anclar. %1</translation>
    </message>
    <message>
        <source>The audit trail is anchored again at its current end: %1.</source>
        <translation>El registro de auditoría vuelve a estar anclado en su final actual: %1.</translation>
    </message>
    <message>
        <source>audit needs one sub-command: verify, list or reanchor.</source>
        <translation>audit necesita un subcomando: verify, list o reanchor.</translation>
    </message>
    <message>
        <source>Check the audit trail&apos;s hash chain and its anchor outside the database, list its entries, or anchor it again after a missing or forged anchor was looked into.</source>
        <translation>Comprobar la cadena de hashes del registro de auditoría y su ancla fuera de la base de datos, listar sus entradas o volver a anclarlo después de examinar un ancla ausente o falsificada.</translation>
    </message>
    <message>
        <source>--clinical-detail needs --patient ID: it opens that patient&apos;s clinical record.</source>
        <translation>--clinical-detail necesita --patient ID: abre la historia clínica de ese paciente.</translation>
    </message>
    <message>
        <source>With --patient: show the clinical fields of the entries about the patient&apos;s clinical records (withheld otherwise); a clinical read, audited.</source>
        <translation>Con --patient: mostrar los campos clínicos de las entradas sobre los datos clínicos del paciente (ocultos si no); una lectura clínica, registrada.</translation>
    </message>
    <message>
        <source>Why the clinical record is read (at least 5 characters), when the patient has no appointment today.</source>
        <translation>Por qué se lee la historia clínica (al menos 5 caracteres), si el paciente no tiene cita hoy.</translation>
    </message>
    <message>
        <source>settings takes list or set KEY VALUE.</source>
        <translation>settings admite list o set CLAVE VALOR.</translation>
    </message>
    <message>
        <source>settings set takes a key and a value (&quot;&quot; clears it): one of %1.</source>
        <translation>settings set admite una clave y un valor (&quot;&quot; lo borra): una de %1.</translation>
    </message>
    <message>
        <source>%1 is not a setting of the clinic; they are %2.</source>
        <translation>%1 no es un ajuste de la consulta; estos son %2.</translation>
    </message>
    <message>
        <source>(not set: the default)</source>
        <translation>(sin definir: valor predeterminado)</translation>
    </message>
    <message>
        <source>Changed here; the change goes to the server with the next sync.</source>
        <translation>Cambiado aquí; el cambio se envía al servidor con la próxima sincronización.</translation>
    </message>
    <message>
        <source>Show or change the clinic&apos;s shared settings (name, phone, time zone, quiet hours, ...); a change goes to the server and the other workstations with the next sync.</source>
        <translation>Mostrar o cambiar los ajustes comunes de la consulta (nombre, teléfono, zona horaria, horas de silencio, …); un cambio se envía al servidor y a los demás puestos con la próxima sincronización.</translation>
    </message>
    <message>
        <source>The audit trail here does not match the copy the server %1 holds. %2</source>
        <translation>El registro de auditoría de aquí no coincide con la copia que guarda el servidor %1. %2</translation>
    </message>
    <message numerus="yes">
        <source>It matches the copy the server %1 holds (%n entries; the rest go up with the next sync).</source>
        <translation>
            <numerusform>Coincide con la copia que guarda el servidor %1 (%n entrada; el resto se sube en la próxima sincronización).</numerusform>
            <numerusform>Coincide con la copia que guarda el servidor %1 (%n entradas; el resto se sube en la próxima sincronización).</numerusform>
        </translation>
    </message>
    <message>
        <source>Not compared with the server&apos;s copy: %1</source>
        <translation>No se comparó con la copia del servidor: %1</translation>
    </message>
</context>
<context>
    <name>AccessGuard</name>
    <message>
        <source>This patient has no appointment today. To open their clinical record anyway, give the reason (at least 5 characters); it is recorded in the audit trail.</source>
        <translation>Este paciente no tiene cita hoy. Para abrir igualmente su historia clínica, indique el motivo (al menos 5 caracteres); queda anotado en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Records of the type &quot;%1&quot; are not in the permission table, so they may not be read or changed.</source>
        <translation>Los registros del tipo «%1» no están en la tabla de permisos, por lo que no se pueden leer ni modificar.</translation>
    </message>
    <message>
        <source>Reading the clinical records of many patients at once needs a reason (at least 5 characters); it is recorded in the audit trail.</source>
        <translation>Leer los datos clínicos de muchos pacientes a la vez requiere un motivo (al menos 5 caracteres); queda registrado en el registro de auditoría.</translation>
    </message>
    <message>
        <source>This clinical record was opened by someone else who was signed in before; open it again.</source>
        <translation>Esta historia clínica la abrió otra persona que había iniciado sesión antes; ábrala de nuevo.</translation>
    </message>
    <message>
        <source>No one is signed in on this connection, so it may not %1. Sign in first.</source>
        <translation>Nadie ha iniciado sesión en esta conexión, así que no puede %1. Inicie sesión primero.</translation>
    </message>
    <message>
        <source>Clinical records are sent to the server only from the sync worker&apos;s own connection; a person opens them through the clinical gate.</source>
        <translation>Los datos clínicos solo se envían al servidor desde la conexión propia de la sincronización; una persona los abre mediante el control de acceso clínico.</translation>
    </message>
</context>
<context>
    <name>AllergyRepository</name>
    <message>
        <source>An allergy needs a patient and a substance.</source>
        <translation>Una alergia necesita un paciente y una sustancia.</translation>
    </message>
</context>
<context>
    <name>AppointmentLabels</name>
    <message>
        <source>Booked</source>
        <translation>Reservada</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmada</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Presente</translation>
    </message>
    <message>
        <source>In room</source>
        <translation>En consulta</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Finalizada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No acudió</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Check-up</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Vaccination</source>
        <translation>Vacunación</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedimiento</translation>
    </message>
</context>
<context>
    <name>AppointmentRepository</name>
    <message>
        <source>An appointment needs a patient.</source>
        <translation>Una cita necesita un paciente.</translation>
    </message>
    <message>
        <source>An appointment needs a practitioner.</source>
        <translation>Una cita necesita un profesional.</translation>
    </message>
    <message>
        <source>An appointment must end after it starts.</source>
        <translation>Una cita debe terminar después de empezar.</translation>
    </message>
    <message>
        <source>An appointment can last at most 24 hours.</source>
        <translation>Una cita puede durar como máximo 24 horas.</translation>
    </message>
    <message>
        <source>Unknown appointment status &quot;%1&quot; in the database.</source>
        <translation>Estado de cita desconocido «%1» en la base de datos.</translation>
    </message>
</context>
<context>
    <name>AppointmentSeriesRepository</name>
    <message>
        <source>A series repeats weekly or monthly, not &quot;%1&quot;.</source>
        <translation>Una serie se repite semanal o mensualmente, no «%1».</translation>
    </message>
    <message>
        <source>A series repeats every 1 to 52 weeks or months, not every %1.</source>
        <translation>Una serie se repite cada 1 a 52 semanas o meses, no cada %1.</translation>
    </message>
    <message>
        <source>A series needs the date of its first appointment.</source>
        <translation>Una serie necesita la fecha de su primera cita.</translation>
    </message>
    <message>
        <source>A series needs a time of day and a length in minutes.</source>
        <translation>Una serie necesita una hora del día y una duración en minutos.</translation>
    </message>
    <message>
        <source>The series&apos; time zone &quot;%1&quot; is not known here.</source>
        <translation>La zona horaria «%1» de la serie no se conoce aquí.</translation>
    </message>
    <message>
        <source>Could not keep the series of appointment %1: %2</source>
        <translation>No se pudo conservar la serie de la cita %1: %2</translation>
    </message>
</context>
<context>
    <name>AppointmentTypeRepository</name>
    <message>
        <source>An appointment type needs a code and a name.</source>
        <translation>Un tipo de cita necesita un código y un nombre.</translation>
    </message>
    <message>
        <source>The default length must be between 5 minutes and 24 hours.</source>
        <translation>La duración predeterminada debe estar entre 5 minutos y 24 horas.</translation>
    </message>
    <message>
        <source>There is already an appointment type with the code &quot;%1&quot;.</source>
        <translation>Ya existe un tipo de cita con el código «%1».</translation>
    </message>
</context>
<context>
    <name>AuditAnchor</name>
    <message>
        <source>%1, authenticated with a key in %2</source>
        <translation>%1, autenticado con una clave en %2</translation>
    </message>
    <message>
        <source>Could not read the audit anchor&apos;s key: %1</source>
        <translation>No se pudo leer la clave del ancla de auditoría: %1</translation>
    </message>
    <message>
        <source>The audit anchor&apos;s key in %1 has the wrong length.</source>
        <translation>La clave del ancla de auditoría en %1 tiene una longitud incorrecta.</translation>
    </message>
    <message>
        <source>Could not initialise the cryptography library.</source>
        <translation>No se pudo inicializar la biblioteca criptográfica.</translation>
    </message>
    <message>
        <source>Could not store the audit anchor&apos;s key: %1</source>
        <translation>No se pudo guardar la clave del ancla de auditoría: %1</translation>
    </message>
    <message>
        <source>The audit anchor %1 is missing, though its key is in %2: it was removed.</source>
        <translation>Falta el ancla de auditoría %1, aunque su clave está en %2: fue eliminada.</translation>
    </message>
    <message>
        <source>The audit anchor %1 cannot be checked: its key is not in %2.</source>
        <translation>El ancla de auditoría %1 no se puede comprobar: su clave no está en %2.</translation>
    </message>
    <message>
        <source>Could not read the audit anchor %1: %2</source>
        <translation>No se pudo leer el ancla de auditoría %1: %2</translation>
    </message>
    <message>
        <source>The audit anchor %1 fails its authentication check: it was forged or altered.</source>
        <translation>El ancla de auditoría %1 no supera su comprobación de autenticación: fue falsificada o alterada.</translation>
    </message>
    <message>
        <source>Could not read the audit trail: %1</source>
        <translation>No se pudo leer el registro de auditoría: %1</translation>
    </message>
    <message>
        <source>%1 It was left as it is; run frontdeskctl audit verify.</source>
        <translation>%1 Se dejó tal como estaba; ejecute frontdeskctl audit verify.</translation>
    </message>
    <message>
        <source>The audit trail ends at entry %1 but its anchor says %2: the newest entries were removed. The anchor was left as it is; run frontdeskctl audit verify.</source>
        <translation>El registro de auditoría termina en la entrada %1 pero su ancla indica %2: se eliminaron las entradas más recientes. El ancla se dejó tal como estaba; ejecute frontdeskctl audit verify.</translation>
    </message>
    <message>
        <source>Entry %1 of the audit trail is not the one its anchor recorded: the trail was rewritten. The anchor was left as it is; run frontdeskctl audit verify.</source>
        <translation>La entrada %1 del registro de auditoría no es la que registró su ancla: el registro fue reescrito. El ancla se dejó tal como estaba; ejecute frontdeskctl audit verify.</translation>
    </message>
    <message>
        <source>Could not write the audit anchor %1: %2</source>
        <translation>No se pudo escribir el ancla de auditoría %1: %2</translation>
    </message>
    <message>
        <source>Could not remove the audit anchor %1.</source>
        <translation>No se pudo eliminar el ancla de auditoría %1.</translation>
    </message>
    <message>
        <source>Could not remove the audit anchor&apos;s key: %1</source>
        <translation>No se pudo eliminar la clave del ancla de auditoría: %1</translation>
    </message>
</context>
<context>
    <name>AuditEventMapping</name>
    <message>
        <source>This is no AuditEvent.</source>
        <translation>Esto no es un AuditEvent.</translation>
    </message>
    <message>
        <source>The AuditEvent %1 has no audit chain (extension %2).</source>
        <translation>El AuditEvent %1 no tiene cadena de auditoría (extensión %2).</translation>
    </message>
    <message>
        <source>The AuditEvent %1 lacks its id, sequence number, time, agent or action.</source>
        <translation>Al AuditEvent %1 le falta el id, el número de secuencia, la hora, el agente o la acción.</translation>
    </message>
    <message>
        <source>The detail of AuditEvent %1 is not a JSON object.</source>
        <translation>El detalle del AuditEvent %1 no es un objeto JSON.</translation>
    </message>
</context>
<context>
    <name>AuditLabels</name>
    <message>
        <source>Sign-in</source>
        <translation>Inicio de sesión</translation>
    </message>
    <message>
        <source>Sign-out</source>
        <translation>Cierre de sesión</translation>
    </message>
    <message>
        <source>Workstation locked</source>
        <translation>Puesto de trabajo bloqueado</translation>
    </message>
    <message>
        <source>Workstation unlocked</source>
        <translation>Puesto de trabajo desbloqueado</translation>
    </message>
    <message>
        <source>Session taken over</source>
        <translation>Sesión asumida</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Contraseña cambiada</translation>
    </message>
    <message>
        <source>Staff account created</source>
        <translation>Cuenta de personal creada</translation>
    </message>
    <message>
        <source>Staff account changed</source>
        <translation>Cuenta de personal modificada</translation>
    </message>
    <message>
        <source>Record read</source>
        <translation>Historia consultada</translation>
    </message>
    <message>
        <source>Clinical record read</source>
        <translation>Historia clínica consultada</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Búsqueda</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Records merged</source>
        <translation>Historias fusionadas</translation>
    </message>
    <message>
        <source>Double booking</source>
        <translation>Reserva doble</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Asignado</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportación</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Impresión</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importación</translation>
    </message>
    <message>
        <source>Purged</source>
        <translation>Purgado</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Datos de demostración</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>Ajuste cambiado</translation>
    </message>
    <message>
        <source>Database key changed</source>
        <translation>Clave de la base de datos cambiada</translation>
    </message>
    <message>
        <source>frontdeskctl command</source>
        <translation>Orden de frontdeskctl</translation>
    </message>
    <message>
        <source>Sync conflict settled</source>
        <translation>Conflicto de sincronización resuelto</translation>
    </message>
    <message>
        <source>Message held</source>
        <translation>Mensaje retenido</translation>
    </message>
    <message>
        <source>Audit trail read</source>
        <translation>Registro de auditoría consultado</translation>
    </message>
    <message>
        <source>Audit trail exported</source>
        <translation>Registro de auditoría exportado</translation>
    </message>
    <message>
        <source>Audit trail re-anchored</source>
        <translation>Registro de auditoría reanclado</translation>
    </message>
    <message>
        <source>Workstation enrolled</source>
        <translation>Puesto de trabajo inscrito</translation>
    </message>
    <message>
        <source>Workstation token issued</source>
        <translation>Token del puesto de trabajo emitido</translation>
    </message>
    <message>
        <source>Workstation revoked</source>
        <translation>Puesto de trabajo revocado</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Correcto</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Omitido</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Clinical record</source>
        <translation>Historia clínica</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Control periódico</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Staff account</source>
        <translation>Cuenta de personal</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Puesto de trabajo</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Ajuste</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>FHIR bundle</source>
        <translation>Bundle FHIR</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Day list</source>
        <translation>Lista del día</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Dashboard list</source>
        <translation>Lista del panel</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Could not read the audit trail: %1</source>
        <translation>No se pudo leer el registro de auditoría: %1</translation>
    </message>
    <message>
        <source>Could not write the audit trail: %1</source>
        <translation>No se pudo escribir en el registro de auditoría: %1</translation>
    </message>
    <message>
        <source>The audit trail could not record this, so it was not done: %1</source>
        <translation>El registro de auditoría no pudo anotarlo, así que no se realizó: %1</translation>
    </message>
</context>
<context>
    <name>AuditQuery</name>
    <message>
        <source>Could not read the audit trail: %1</source>
        <translation>No se pudo leer el registro de auditoría: %1</translation>
    </message>
    <message>
        <source>Could not write the export: %1</source>
        <translation>No se pudo escribir la exportación: %1</translation>
    </message>
    <message>
        <source>The clinical detail of audit entries is shown for the patient whose clinical record was opened only.</source>
        <translation>El detalle clínico de las entradas de auditoría solo se muestra para el paciente cuya historia clínica se abrió.</translation>
    </message>
</context>
<context>
    <name>AuditRedaction</name>
    <message>
        <source>Could not read the audit trail&apos;s hashing key: %1</source>
        <translation>No se pudo leer la clave de hash del registro de auditoría: %1</translation>
    </message>
    <message>
        <source>Could not make the audit trail&apos;s hashing key: libsodium failed to initialise.</source>
        <translation>No se pudo crear la clave de hash del registro de auditoría: libsodium no se pudo inicializar.</translation>
    </message>
    <message>
        <source>Could not store the audit trail&apos;s hashing key: %1</source>
        <translation>No se pudo guardar la clave de hash del registro de auditoría: %1</translation>
    </message>
    <message>
        <source>The audit trail&apos;s hashing key in this database is damaged.</source>
        <translation>La clave de hash del registro de auditoría de esta base de datos está dañada.</translation>
    </message>
</context>
<context>
    <name>AuditUpload</name>
    <message>
        <source>The server did not take this workstation&apos;s audit trail (HTTP %1): %2</source>
        <translation>El servidor no aceptó el registro de auditoría de este puesto (HTTP %1): %2</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the audit trail&apos;s upload does not say it holds the entries sent.</source>
        <translation>La respuesta del servidor a la subida del registro de auditoría no indica que guarde las entradas enviadas.</translation>
    </message>
    <message>
        <source>The server did not say what it holds of this workstation&apos;s audit trail (HTTP %1): %2</source>
        <translation>El servidor no indicó qué guarda del registro de auditoría de este puesto (HTTP %1): %2</translation>
    </message>
    <message>
        <source>The server holds %1 entries of this workstation&apos;s audit trail, up to entry %2, which is missing here: the trail here was shortened or replaced after it was uploaded.</source>
        <translation>El servidor guarda %1 entradas del registro de auditoría de este puesto, hasta la entrada %2, que falta aquí: el registro de aquí se acortó o se sustituyó después de subirse.</translation>
    </message>
    <message>
        <source>Entry %1 of the audit trail here differs from the copy the server holds: the trail here was changed after it was uploaded.</source>
        <translation>La entrada %1 del registro de auditoría de aquí difiere de la copia que guarda el servidor: el registro de aquí se modificó después de subirse.</translation>
    </message>
</context>
<context>
    <name>AuditVerifier</name>
    <message>
        <source>Could not read the audit trail: %1</source>
        <translation>No se pudo leer el registro de auditoría: %1</translation>
    </message>
    <message>
        <source>Entry %1 is missing: it was deleted.</source>
        <translation>Falta la entrada %1: se eliminó.</translation>
    </message>
    <message>
        <source>Entries %1 to %2 are missing: they were deleted.</source>
        <translation>Faltan las entradas %1 a %2: se eliminaron.</translation>
    </message>
    <message>
        <source>Entry %1 (%2) was edited: its content no longer matches its hash.</source>
        <translation>La entrada %1 (%2) se editó: su contenido ya no coincide con su hash.</translation>
    </message>
    <message>
        <source>Entry %1 (%2) should start the chain but points at another entry: the entries before it were removed.</source>
        <translation>La entrada %1 (%2) debería iniciar la cadena pero apunta a otra entrada: se eliminaron las entradas anteriores.</translation>
    </message>
    <message>
        <source>Entry %1 (%2) does not follow entry %3: entry %3 was replaced or rewritten.</source>
        <translation>La entrada %1 (%2) no sigue a la entrada %3: la entrada %3 se sustituyó o se reescribió.</translation>
    </message>
    <message>
        <source>Could not read the audit checkpoint: %1</source>
        <translation>No se pudo leer el punto de control de la auditoría: %1</translation>
    </message>
    <message>
        <source>The audit checkpoint is missing, so removed newest entries could not be noticed.</source>
        <translation>Falta el punto de control de la auditoría, así que no se pudo detectar la eliminación de las entradas más recientes.</translation>
    </message>
    <message>
        <source>Entry %1, the newest, is missing: it was deleted.</source>
        <translation>Falta la entrada %1, la más reciente: se eliminó.</translation>
    </message>
    <message>
        <source>Entries %1 to %2, the newest, are missing: they were deleted.</source>
        <translation>Faltan las entradas %1 a %2, las más recientes: se eliminaron.</translation>
    </message>
    <message>
        <source>The chain&apos;s end (entry %1, %2 entries) does not match the checkpoint (entry %3, %4 entries): the trail or its checkpoint was altered.</source>
        <translation>El final de la cadena (entrada %1, %2 entradas) no coincide con el punto de control (entrada %3, %4 entradas): se alteró el registro o su punto de control.</translation>
    </message>
    <message>
        <source>the checkpoint inside the database only (no anchor outside it was given)</source>
        <translation>solo el punto de control dentro de la base de datos (no se indicó ningún ancla externa)</translation>
    </message>
    <message>
        <source>the checkpoint inside the database only: no anchor has been written yet (%1)</source>
        <translation>solo el punto de control dentro de la base de datos: aún no se ha escrito ningún ancla (%1)</translation>
    </message>
    <message>
        <source>the anchor at entry %1 (%2)</source>
        <translation>el ancla en la entrada %1 (%2)</translation>
    </message>
    <message>
        <source>none: the anchor is missing or forged (%1)</source>
        <translation>ninguno: el ancla falta o está falsificada (%1)</translation>
    </message>
    <message>
        <source>The trail is shorter than its anchor: it ends at entry %1, the anchor outside the database says entry %2. The newest entries were removed.</source>
        <translation>El registro es más corto que su ancla: termina en la entrada %1 y el ancla fuera de la base de datos indica la entrada %2. Se eliminaron las entradas más recientes.</translation>
    </message>
    <message>
        <source>Entry %1 is not the one the anchor outside the database recorded: the trail was rewritten from there.</source>
        <translation>La entrada %1 no es la que registró el ancla fuera de la base de datos: el registro se reescribió a partir de ahí.</translation>
    </message>
</context>
<context>
    <name>AuditedExport</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>Could not make %1 private to its owner (mode 0600), so nothing was written.</source>
        <translation>No se pudo hacer %1 privado para su propietario (modo 0600), así que no se escribió nada.</translation>
    </message>
    <message>
        <source>%1 was not written because the export could not be recorded in the audit trail: %2</source>
        <translation>%1 no se escribió porque la exportación no se pudo registrar en el registro de auditoría: %2</translation>
    </message>
    <message>
        <source>The export was recorded in the audit trail, but %1 could not be written: %2</source>
        <translation>La exportación se registró en el registro de auditoría, pero no se pudo escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>AutoLockSetting</name>
    <message>
        <source>The idle time before the workstation locks must be from 1 to %1 minutes.</source>
        <translation>El tiempo de inactividad antes de bloquear el puesto debe estar entre 1 y %1 minutos.</translation>
    </message>
</context>
<context>
    <name>BackgroundEnroller</name>
    <message>
        <source>Enter the server&apos;s address, e.g. https://fd.clinic.example:8443.</source>
        <translation>Introduzca la dirección del servidor, p. ej. https://fd.clinic.example:8443.</translation>
    </message>
    <message>
        <source>Enter the name and password of an administrator at the server.</source>
        <translation>Introduzca el nombre y la contraseña de un administrador del servidor.</translation>
    </message>
    <message>
        <source>Enrolled at %1 as &quot;%2&quot;, but: %3</source>
        <translation>Inscrito en %1 como «%2», pero: %3</translation>
    </message>
    <message>
        <source>Enrolled at %1 as &quot;%2&quot; by %3.</source>
        <translation>Inscrito en %1 como «%2» por %3.</translation>
    </message>
    <message>
        <source>The server enrolled this workstation (%1), but it could not be kept here: %2</source>
        <translation>El servidor inscribió este puesto de trabajo (%1), pero la inscripción no se pudo guardar aquí: %2</translation>
    </message>
    <message>
        <source>This workstation is enrolled at %1 as &quot;%2&quot;. Its credential is kept in %3.</source>
        <translation>Este puesto de trabajo está inscrito en %1 como «%2». Sus credenciales se guardan en %3.</translation>
    </message>
</context>
<context>
    <name>BookingMapping</name>
    <message>
        <source>category must hold the code %1 of %2: this ServiceRequest is no appointment series.</source>
        <translation>category debe contener el código %1 de %2: este ServiceRequest no es una serie de citas.</translation>
    </message>
    <message>
        <source>%1 must be %2.</source>
        <translation>%1 debe ser %2.</translation>
    </message>
    <message>
        <source>%1 must hold exactly one time.</source>
        <translation>%1 debe contener exactamente una hora.</translation>
    </message>
    <message>
        <source>A series ends: give occurrenceTiming.repeat.boundsPeriod.end or occurrenceTiming.repeat.count.</source>
        <translation>Una serie termina: indique occurrenceTiming.repeat.boundsPeriod.end u occurrenceTiming.repeat.count.</translation>
    </message>
    <message>
        <source>The extension %1 (the clinic&apos;s time zone) is missing.</source>
        <translation>Falta la extensión %1 (la zona horaria de la clínica).</translation>
    </message>
    <message>
        <source>%1 must hold at most one request.</source>
        <translation>%1 debe contener como máximo una solicitud.</translation>
    </message>
    <message>
        <source>%1 must hold exactly one reference.</source>
        <translation>%1 debe contener exactamente una referencia.</translation>
    </message>
    <message>
        <source>activity must hold a status of %1; got &quot;%2&quot;.</source>
        <translation>activity debe contener un estado de %1; se recibió «%2».</translation>
    </message>
    <message>
        <source>The extension %1 names no status Frontdesk knows: &quot;%2&quot;.</source>
        <translation>La extensión %1 no nombra ningún estado que Frontdesk conozca: «%2».</translation>
    </message>
    <message>
        <source>The extension %1 must be patient or clinic; got &quot;%2&quot;.</source>
        <translation>La extensión %1 debe ser patient o clinic; se recibió «%2».</translation>
    </message>
    <message>
        <source>%1 is missing.</source>
        <translation>Falta %1.</translation>
    </message>
    <message>
        <source>%1 must hold at most one reference.</source>
        <translation>%1 debe contener como máximo una referencia.</translation>
    </message>
    <message>
        <source>%1 must hold exactly one entry.</source>
        <translation>%1 debe contener exactamente una entrada.</translation>
    </message>
    <message>
        <source>%1 must hold exactly one day.</source>
        <translation>%1 debe contener exactamente un día.</translation>
    </message>
    <message>
        <source>Working hours must end after they start, within one day.</source>
        <translation>El horario debe terminar después de empezar, dentro de un mismo día.</translation>
    </message>
    <message>
        <source>type must hold a code of %1.</source>
        <translation>type debe contener un código de %1.</translation>
    </message>
    <message>
        <source>A waitlist entry is an Appointment with status waitlist or the extension %1.</source>
        <translation>Una entrada de la lista de espera es un Appointment con el estado waitlist o la extensión %1.</translation>
    </message>
    <message>
        <source>A waitlist entry needs a Patient participant.</source>
        <translation>Una entrada de la lista de espera necesita un participante Patient.</translation>
    </message>
    <message>
        <source>The time-of-day window must end after it starts, within one day.</source>
        <translation>La franja horaria debe terminar después de empezar, dentro de un mismo día.</translation>
    </message>
</context>
<context>
    <name>BookingService</name>
    <message>
        <source>%1–%2 on %3</source>
        <translation>%1–%2 el %3</translation>
    </message>
    <message>
        <source>%1 (ends %2)</source>
        <translation>%1 (termina %2)</translation>
    </message>
    <message>
        <source>The appointment %1 was deleted.</source>
        <translation>La cita %1 se ha eliminado.</translation>
    </message>
    <message>
        <source>%1 is already booked then: %2, %3 (appointment %4).</source>
        <translation>%1 ya está reservado a esa hora: %2, %3 (cita %4).</translation>
    </message>
    <message>
        <source>The patient %1 has another appointment then: with %2, %3 (appointment %4).</source>
        <translation>El paciente %1 tiene otra cita a esa hora: con %2, %3 (cita %4).</translation>
    </message>
    <message>
        <source>%1 is in use then: %2 with %3, %4 (appointment %5).</source>
        <translation>%1 está ocupada a esa hora: %2 con %3, %4 (cita %5).</translation>
    </message>
    <message>
        <source>The practitioner is not available then (%1, %2%3).</source>
        <translation>El profesional no está disponible a esa hora (%1, %2%3).</translation>
    </message>
    <message>
        <source>Not booked. %1</source>
        <translation>No reservada. %1</translation>
    </message>
    <message>
        <source>This appointment is already booked; move it instead.</source>
        <translation>Esta cita ya está reservada; muévala en su lugar.</translation>
    </message>
    <message>
        <source>A new appointment starts as booked or confirmed.</source>
        <translation>Una cita nueva empieza como reservada o confirmada.</translation>
    </message>
    <message>
        <source>Someone else changed this appointment since it was shown; it was not moved. Look at it again and retry.</source>
        <translation>Otra persona ha cambiado esta cita desde que se mostró; no se ha movido. Vuelva a consultarla e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>There is no status change to revert on this appointment.</source>
        <translation>Esta cita no tiene ningún cambio de estado que deshacer.</translation>
    </message>
    <message>
        <source>The status cannot be reverted: the time is taken. %1</source>
        <translation>No se puede revertir el estado: la hora está ocupada. %1</translation>
    </message>
    <message>
        <source>A series starts from a new appointment.</source>
        <translation>Una serie parte de una cita nueva.</translation>
    </message>
    <message>
        <source>The first appointment&apos;s time does not exist in the clinic&apos;s time zone on that day (a DST change); choose another time.</source>
        <translation>La hora de la primera cita no existe ese día en la zona horaria de la clínica (cambio de hora); elija otra hora.</translation>
    </message>
    <message>
        <source>The series was not booked (appointment %1 of %2, %3): %4</source>
        <translation>La serie no se ha reservado (cita %1 de %2, %3): %4</translation>
    </message>
    <message>
        <source>Choose a time within the day and a positive length.</source>
        <translation>Elija una hora dentro del día y una duración positiva.</translation>
    </message>
    <message>
        <source>This appointment is not part of a series.</source>
        <translation>Esta cita no forma parte de ninguna serie.</translation>
    </message>
    <message>
        <source>The series was not changed (%1): %2</source>
        <translation>La serie no se ha cambiado (%1): %2</translation>
    </message>
    <message>
        <source>There is no active practitioner with id %1.</source>
        <translation>No hay ningún profesional activo con el identificador %1.</translation>
    </message>
    <message>
        <source>An appointment that is “%1” cannot be moved.</source>
        <translation>Una cita en estado «%1» no se puede mover.</translation>
    </message>
</context>
<context>
    <name>ClinicSettingsMapping</name>
    <message>
        <source>The clinic&apos;s settings are the Organization with id &quot;%1&quot;; got &quot;%2&quot;.</source>
        <translation>La configuración de la clínica es la Organization con id «%1»; se recibió «%2».</translation>
    </message>
    <message>
        <source>Organization.name must be text.</source>
        <translation>Organization.name debe ser texto.</translation>
    </message>
    <message>
        <source>Organization.extension[%1] (%2) must have a valueString.</source>
        <translation>Organization.extension[%1] (%2) debe tener un valueString.</translation>
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
        <translation>Presión arterial</translation>
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
        <translation>%1 debe ser una fecha y hora con segundos y zona horaria, p. ej. 2026-07-06T09:00:00Z; se recibió «%2».</translation>
    </message>
    <message>
        <source>resourceType must be Communication.</source>
        <translation>resourceType debe ser Communication.</translation>
    </message>
    <message>
        <source>The extension %1 must be inbound or outbound; got &quot;%2&quot;.</source>
        <translation>La extensión %1 debe ser inbound u outbound; se recibió «%2».</translation>
    </message>
    <message>
        <source>status must be one of preparation, on-hold, in-progress, completed, not-done, stopped; got &quot;%1&quot;.</source>
        <translation>status debe ser preparation, on-hold, in-progress, completed, not-done o stopped; se recibió «%1».</translation>
    </message>
    <message>
        <source>The extension %1 names no message status Frontdesk knows: &quot;%2&quot;.</source>
        <translation>La extensión %1 no nombra ningún estado de mensaje que Frontdesk conozca: «%2».</translation>
    </message>
    <message>
        <source>subject.reference must read Patient/ID; got &quot;%1&quot;.</source>
        <translation>subject.reference debe tener la forma Patient/ID; se recibió «%1».</translation>
    </message>
    <message>
        <source>The extension %1 must reference Patient/ID; got &quot;%2&quot;.</source>
        <translation>La extensión %1 debe referenciar Patient/ID; se recibió «%2».</translation>
    </message>
    <message>
        <source>An outbound Communication needs subject (the Patient it goes to).</source>
        <translation>Una Communication saliente necesita subject (el paciente al que va dirigida).</translation>
    </message>
    <message>
        <source>medium[0] must be sms or email in %1.</source>
        <translation>medium[0] debe ser sms o email en %1.</translation>
    </message>
    <message>
        <source>category[0] must name the purpose in %1.</source>
        <translation>category[0] debe indicar el propósito en %1.</translation>
    </message>
    <message>
        <source>payload[0] must be text (contentString).</source>
        <translation>payload[0] debe ser texto (contentString).</translation>
    </message>
    <message>
        <source>An outbound Communication needs its text in payload[0].contentString.</source>
        <translation>Una Communication saliente necesita su texto en payload[0].contentString.</translation>
    </message>
    <message>
        <source>about[0].reference must read Appointment/ID; got &quot;%1&quot;.</source>
        <translation>about[0].reference debe tener la forma Appointment/ID; se recibió «%1».</translation>
    </message>
    <message>
        <source>The extension %1 must identify a staff member in %2.</source>
        <translation>La extensión %1 debe identificar a un miembro del personal en %2.</translation>
    </message>
    <message>
        <source>The extension %1 must name a staff member (valueReference with identifier or display).</source>
        <translation>La extensión %1 debe nombrar a un miembro del personal (valueReference con identifier o display).</translation>
    </message>
</context>
<context>
    <name>CommunicationPreference</name>
    <message>
        <source>A preference needs a patient.</source>
        <translation>Una preferencia necesita un paciente.</translation>
    </message>
    <message>
        <source>Unknown purpose &quot;%1&quot;.</source>
        <translation>Finalidad desconocida «%1».</translation>
    </message>
    <message>
        <source>Unknown channel &quot;%1&quot;.</source>
        <translation>Canal desconocido «%1».</translation>
    </message>
    <message>
        <source>Quiet hours must lie within the day.</source>
        <translation>Las horas de silencio deben estar dentro del día.</translation>
    </message>
</context>
<context>
    <name>ConditionRepository</name>
    <message>
        <source>A condition needs a patient and a name.</source>
        <translation>Una afección necesita un paciente y un nombre.</translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <source>A consent needs a patient.</source>
        <translation>Un consentimiento necesita un paciente.</translation>
    </message>
    <message>
        <source>Say what the consent is for.</source>
        <translation>Indique para qué es el consentimiento.</translation>
    </message>
    <message>
        <source>A consent is either given or withdrawn.</source>
        <translation>Un consentimiento está otorgado o revocado.</translation>
    </message>
    <message>
        <source>A consent needs the date it was decided.</source>
        <translation>Un consentimiento necesita la fecha de la decisión.</translation>
    </message>
</context>
<context>
    <name>ConsentLabels</name>
    <message>
        <source>Treatment</source>
        <translation>Tratamiento</translation>
    </message>
    <message>
        <source>Sharing data with other care providers</source>
        <translation>Compartir datos con otros profesionales sanitarios</translation>
    </message>
    <message>
        <source>Reminders by SMS</source>
        <translation>Recordatorios por SMS</translation>
    </message>
    <message>
        <source>Reminders by e-mail</source>
        <translation>Recordatorios por correo electrónico</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>Research</source>
        <translation>Investigación</translation>
    </message>
    <message>
        <source>Photo in the record</source>
        <translation>Foto en la historia clínica</translation>
    </message>
</context>
<context>
    <name>ConsentRepository</name>
    <message>
        <source>Could not store the scanned consent: %1</source>
        <translation>No se pudo guardar el consentimiento escaneado: %1</translation>
    </message>
    <message>
        <source>Could not remove the scanned consent: %1</source>
        <translation>No se pudo eliminar el consentimiento escaneado: %1</translation>
    </message>
</context>
<context>
    <name>ContactPolicy</name>
    <message>
        <source>Quiet hours &quot;%1&quot; are not of the form 20:00-08:00.</source>
        <translation>Las horas de silencio «%1» no tienen la forma 20:00-08:00.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a purpose messages are sent for.</source>
        <translation>«%1» no es un motivo para enviar mensajes.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a channel messages are sent on.</source>
        <translation>«%1» no es un canal para enviar mensajes.</translation>
    </message>
    <message>
        <source>The patient opted out of messages for this purpose (%1).</source>
        <translation>El paciente ha rechazado los mensajes para este motivo (%1).</translation>
    </message>
    <message>
        <source>The patient does not want to be contacted.</source>
        <translation>El paciente no desea ser contactado.</translation>
    </message>
    <message>
        <source>The patient prefers a phone call: a call task is made instead.</source>
        <translation>El paciente prefiere una llamada: en su lugar se crea una tarea de llamada.</translation>
    </message>
    <message>
        <source>The patient prefers a letter: a letter task is made instead.</source>
        <translation>El paciente prefiere una carta: en su lugar se crea una tarea de carta.</translation>
    </message>
    <message>
        <source>The patient prefers %1 for this.</source>
        <translation>El paciente prefiere %1 para esto.</translation>
    </message>
    <message>
        <source>Marketing needs the patient&apos;s consent, and none is recorded.</source>
        <translation>El marketing requiere el consentimiento del paciente y no hay ninguno registrado.</translation>
    </message>
    <message>
        <source>The patient withdrew the consent to marketing on %1.</source>
        <translation>El paciente retiró el consentimiento al marketing el %1.</translation>
    </message>
    <message>
        <source>Quiet hours: the SMS is held until %1.</source>
        <translation>Horas de silencio: el SMS se retiene hasta el %1.</translation>
    </message>
</context>
<context>
    <name>CoverageLabels</name>
    <message>
        <source>Not checked</source>
        <translation>Sin comprobar</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>Con cobertura</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>Sin cobertura</translation>
    </message>
    <message>
        <source>Check failed</source>
        <translation>Comprobación fallida</translation>
    </message>
</context>
<context>
    <name>CoverageRepository</name>
    <message>
        <source>Insurance needs a patient and a payer.</source>
        <translation>Un seguro necesita un paciente y una entidad pagadora.</translation>
    </message>
</context>
<context>
    <name>Ctl</name>
    <message>
        <source>The data directory (default: %1).</source>
        <translation>El directorio de datos (por defecto: %1).</translation>
    </message>
    <message>
        <source>Keep the database key in this file (mode 0600) instead of the OS keychain. Weaker: for headless servers.</source>
        <translation>Guardar la clave de la base de datos en este archivo (modo 0600) en lugar del llavero del sistema. Menos seguro: para servidores sin pantalla.</translation>
    </message>
    <message>
        <source>frontdeskctl: %1</source>
        <translation>frontdeskctl: %1</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Órdenes:</translation>
    </message>
    <message>
        <source>Run frontdeskctl COMMAND --help for a command&apos;s options.</source>
        <translation>Ejecute frontdeskctl ORDEN --help para ver las opciones de una orden.</translation>
    </message>
    <message>
        <source>no command given.</source>
        <translation>no se ha indicado ninguna orden.</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;.</source>
        <translation>orden desconocida «%1».</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation>argumento inesperado «%1».</translation>
    </message>
    <message>
        <source>There is no Frontdesk database in %1. Create one with: frontdeskctl --data-dir %1 init</source>
        <translation>No hay ninguna base de datos de Frontdesk en %1. Cree una con: frontdeskctl --data-dir %1 init</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot; before the command &quot;%2&quot;.</source>
        <translation>argumento inesperado «%1» antes de la orden «%2».</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was read as the value of an option before it; write the command first, then its options.</source>
        <translation>«%1» se leyó como el valor de una opción anterior; escriba primero la orden y después sus opciones.</translation>
    </message>
    <message>
        <source>Warning: the audit trail&apos;s anchor was not updated. %1</source>
        <translation>Aviso: el ancla del registro de auditoría no se actualizó. %1</translation>
    </message>
    <message>
        <source>Sign in as this staff member; the command runs with their role and the audit trail names them.</source>
        <translation>Iniciar sesión como este miembro del personal; la orden se ejecuta con su rol y el registro de auditoría lo nombra.</translation>
    </message>
    <message>
        <source>Read the password for --user from the first line of this file (mode 0600 or 0400); without it, it is asked on the terminal.</source>
        <translation>Leer la contraseña de --user de la primera línea de este archivo (modo 0600 o 0400); sin esta opción, se pide en el terminal.</translation>
    </message>
    <message>
        <source>Usage: frontdeskctl [--data-dir DIR] [--key-file PATH] [--user NAME [--password-file PATH]] COMMAND [options]</source>
        <translation>Uso: frontdeskctl [--data-dir DIR] [--key-file RUTA] [--user NOMBRE [--password-file RUTA]] ORDEN [opciones]</translation>
    </message>
    <message>
        <source>%1 needs a signed-in staff member: add --user NAME (with --password-file PATH, or type the password when asked). Only init, check, stats and wipe run without, and user add while there is no account yet.</source>
        <translation>%1 requiere un miembro del personal con sesión iniciada: añada --user NOMBRE (con --password-file RUTA, o escriba la contraseña cuando se le pida). Sin sesión solo se ejecutan init, check, stats y wipe, y user add mientras no exista ninguna cuenta.</translation>
    </message>
    <message>
        <source>The password file %1 cannot be read.</source>
        <translation>No se puede leer el archivo de contraseña %1.</translation>
    </message>
    <message>
        <source>The password file %1 may be read or changed by others (mode %2); make it private first: chmod 600 %1</source>
        <translation>Otros pueden leer o modificar el archivo de contraseña %1 (modo %2); hágalo privado primero: chmod 600 %1</translation>
    </message>
    <message>
        <source>The password file %1 cannot be read: %2</source>
        <translation>No se puede leer el archivo de contraseña %1: %2</translation>
    </message>
    <message>
        <source>There is no terminal to ask %1&apos;s password on; give it with --password-file PATH.</source>
        <translation>No hay ningún terminal en el que pedir la contraseña de %1; indíquela con --password-file RUTA.</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Contraseña de %1: </translation>
    </message>
    <message>
        <source>The database was already opened for this command.</source>
        <translation>La base de datos ya se abrió para esta orden.</translation>
    </message>
    <message>
        <source>There is no terminal.</source>
        <translation>No hay ningún terminal.</translation>
    </message>
    <message>
        <source>Signed in offline (the server did not answer: %1).</source>
        <translation>Sesión iniciada sin conexión (el servidor no respondió: %1).</translation>
    </message>
</context>
<context>
    <name>DataDirectory</name>
    <message>
        <source>Could not create the data directory %1. Check that its parent exists and is writable.</source>
        <translation>No se pudo crear el directorio de datos %1. Compruebe que su directorio padre existe y admite escritura.</translation>
    </message>
    <message>
        <source>%1 is not a directory.</source>
        <translation>%1 no es un directorio.</translation>
    </message>
    <message>
        <source>Could not open the lock file %1: %2</source>
        <translation>No se pudo abrir el archivo de bloqueo %1: %2</translation>
    </message>
    <message>
        <source>The database in %1 is in use by another program (is Frontdesk open on this workstation?). Close it and try again.</source>
        <translation>La base de datos de %1 está en uso por otro programa (¿está Frontdesk abierto en este puesto?). Ciérrelo e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The database in %1 is being re-keyed or wiped right now. Try again when that has finished.</source>
        <translation>La base de datos de %1 se está recifrando o borrando en este momento. Inténtelo de nuevo cuando haya terminado.</translation>
    </message>
    <message>
        <source>An interrupted key rotation was found. The database still uses its previous key, which remains in %1; the unfinished copy was removed. Run the rotation again.</source>
        <translation>Se ha encontrado un cambio de clave interrumpido. La base de datos sigue usando su clave anterior, que permanece en %1; se ha eliminado la copia incompleta. Vuelva a ejecutar el cambio de clave.</translation>
    </message>
    <message>
        <source>Neither stored key opens %1.
With the current key: %2
With the key of an interrupted rotation: %3</source>
        <translation>Ninguna de las claves guardadas abre %1.
Con la clave actual: %2
Con la clave de un cambio de clave interrumpido: %3</translation>
    </message>
    <message>
        <source>An interrupted key rotation was completed: the database uses the new key, now stored in %1.</source>
        <translation>Se ha completado un cambio de clave interrumpido: la base de datos usa la clave nueva, ahora guardada en %1.</translation>
    </message>
    <message>
        <source>There is no database in %1 to rotate the key of.</source>
        <translation>No hay en %1 ninguna base de datos cuya clave cambiar.</translation>
    </message>
    <message>
        <source>The database is in use by another program (is Frontdesk open on this workstation?). Close it and run the rotation again.</source>
        <translation>La base de datos está en uso por otro programa (¿está Frontdesk abierto en este puesto?). Ciérrelo y vuelva a ejecutar el cambio de clave.</translation>
    </message>
    <message>
        <source>Could not make a new random key.</source>
        <translation>No se pudo generar una clave aleatoria nueva.</translation>
    </message>
    <message>
        <source>The re-encrypted copy failed its check; the database was left as it was. %1</source>
        <translation>La copia recifrada no superó la comprobación; la base de datos se dejó como estaba. %1</translation>
    </message>
    <message>
        <source>Could not flush %1 to disk.</source>
        <translation>No se pudo volcar %1 al disco.</translation>
    </message>
    <message>
        <source>Could not put the re-encrypted database in place; the previous key still opens it.</source>
        <translation>No se pudo colocar la base de datos recifrada en su sitio; la clave anterior la sigue abriendo.</translation>
    </message>
    <message>
        <source>The database was re-encrypted, but the new key could not be stored as the current one (%1). It is kept as the pending key; the next start finishes the rotation.</source>
        <translation>La base de datos se ha recifrado, pero la clave nueva no se pudo guardar como la actual (%1). Se conserva como clave pendiente; el próximo inicio completará el cambio de clave.</translation>
    </message>
    <message>
        <source>The database key was rotated; the new key is stored in %1.</source>
        <translation>Se ha cambiado la clave de la base de datos; la clave nueva está guardada en %1.</translation>
    </message>
    <message>
        <source>There is no data directory %1.</source>
        <translation>No existe el directorio de datos %1.</translation>
    </message>
    <message>
        <source>Frontdesk cannot write in its data directory %1 (%2). Make the directory and its files writable by this user, or mount its disk read-write, and try again. Nothing was changed.</source>
        <translation>Frontdesk no puede escribir en su directorio de datos %1 (%2). Haga que el directorio y sus archivos admitan escritura para este usuario, o monte su disco en lectura y escritura, e inténtelo de nuevo. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The disk that holds the data directory %1 is full (%2). Free some space and try again. Nothing was changed.</source>
        <translation>El disco que contiene el directorio de datos %1 está lleno (%2). Libere espacio e inténtelo de nuevo. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Could not check that the key is gone: %1</source>
        <translation>No se pudo comprobar que la clave ha desaparecido: %1</translation>
    </message>
    <message>
        <source>The entry %1 is still there after it was removed.</source>
        <translation>La entrada %1 sigue ahí después de eliminarla.</translation>
    </message>
    <message>
        <source>THE DATABASE KEY WAS NOT REMOVED from %1: anyone with a copy of the database can still read it. Remove the key by hand. %2%3</source>
        <translation>LA CLAVE DE LA BASE DE DATOS NO SE ELIMINÓ (ubicación: %1): cualquiera con una copia de la base de datos aún puede leerla. Elimine la clave a mano. %2%3</translation>
    </message>
    <message>
        <source>These files could not be removed either: %1</source>
        <translation>Tampoco se pudieron eliminar estos archivos: %1</translation>
    </message>
    <message>
        <source>The key is gone, so the data can no longer be decrypted, but these files could not be removed: %1</source>
        <translation>La clave ha desaparecido, así que los datos ya no se pueden descifrar, pero estos archivos no se pudieron eliminar: %1</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The database key must be %1 bytes; got %2.</source>
        <translation>La clave de la base de datos debe tener %1 bytes; se recibieron %2.</translation>
    </message>
    <message>
        <source>Could not switch %1 to WAL journaling: %2</source>
        <translation>No se pudo cambiar %1 al registro WAL: %2</translation>
    </message>
    <message>
        <source>Could not configure %1: %2</source>
        <translation>No se pudo configurar %1: %2</translation>
    </message>
    <message>
        <source>Could not start a transaction: %1</source>
        <translation>No se pudo iniciar una transacción: %1</translation>
    </message>
    <message>
        <source>Could not prepare schema versioning: %1</source>
        <translation>No se pudo preparar el control de versiones del esquema: %1</translation>
    </message>
    <message>
        <source>This database has schema version %1, newer than this Frontdesk understands (%2). Install the newer Frontdesk that wrote it.</source>
        <translation>Esta base de datos tiene la versión de esquema %1, más reciente de la que entiende este Frontdesk (%2). Instale la versión más reciente de Frontdesk que la escribió.</translation>
    </message>
    <message>
        <source>Migration %1 failed; the database stays at version %2.
Statement: %3
Error: %4</source>
        <translation>La migración %1 ha fallado; la base de datos se queda en la versión %2.
Instrucción: %3
Error: %4</translation>
    </message>
    <message>
        <source>Migration %1 could not be recorded: %2</source>
        <translation>No se pudo registrar la migración %1: %2</translation>
    </message>
    <message>
        <source>SQLCipher is not active: the database would not be encrypted.</source>
        <translation>SQLCipher no está activo: la base de datos no se cifraría.</translation>
    </message>
    <message>
        <source>The integrity check could not run: %1</source>
        <translation>No se pudo ejecutar la comprobación de integridad: %1</translation>
    </message>
    <message>
        <source>Integrity: %1</source>
        <translation>Integridad: %1</translation>
    </message>
    <message>
        <source>The foreign-key check could not run: %1</source>
        <translation>No se pudo ejecutar la comprobación de claves externas: %1</translation>
    </message>
    <message>
        <source>Foreign key: row %1 of %2 points to a missing %3</source>
        <translation>Clave externa: la fila %1 de %2 apunta a un %3 que falta</translation>
    </message>
    <message>
        <source>The new key must be %1 bytes.</source>
        <translation>La clave nueva debe tener %1 bytes.</translation>
    </message>
    <message>
        <source>Will not export over the existing file %1.</source>
        <translation>La exportación no sobrescribirá el archivo existente %1.</translation>
    </message>
    <message>
        <source>Could not create %1: %2</source>
        <translation>No se pudo crear %1: %2</translation>
    </message>
    <message>
        <source>Could not copy the database to %1: %2</source>
        <translation>No se pudo copiar la base de datos en %1: %2</translation>
    </message>
    <message>
        <source>Could not close %1: %2</source>
        <translation>No se pudo cerrar %1: %2</translation>
    </message>
    <message>
        <source>Could not save the setting %1: %2</source>
        <translation>No se pudo guardar el ajuste %1: %2</translation>
    </message>
    <message>
        <source>The disk that holds the database is full. Free some space and try again; the change that failed was not saved, everything saved before it is intact.</source>
        <translation>El disco que contiene la base de datos está lleno. Libere espacio e inténtelo de nuevo; el cambio que falló no se guardó y todo lo guardado antes está intacto.</translation>
    </message>
    <message>
        <source>The database cannot be written: its file or its data directory is read-only for this user, or its disk is mounted read-only. Make them writable and try again; nothing was changed.</source>
        <translation>No se puede escribir en la base de datos: su archivo o su directorio de datos es de solo lectura para este usuario, o su disco está montado en solo lectura. Permita la escritura e inténtelo de nuevo; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The disk reported a read or write error. Check the disk and its free space; the change that failed was not saved.</source>
        <translation>El disco ha notificado un error de lectura o escritura. Compruebe el disco y su espacio libre; el cambio que falló no se guardó.</translation>
    </message>
    <message>
        <source>Check that the data directory exists and that this user may read and write it.</source>
        <translation>Compruebe que el directorio de datos existe y que este usuario puede leerlo y escribir en él.</translation>
    </message>
    <message>
        <source>Could not write to the database: %1</source>
        <translation>No se pudo escribir en la base de datos: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a PostgreSQL URL; write postgresql://USER:PASSWORD@HOST:PORT/DATABASE.</source>
        <translation>«%1» no es una URL de PostgreSQL; escriba postgresql://USER:PASSWORD@HOST:PORT/DATABASE.</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is not installed; on Debian install libqt6sql6-psql.</source>
        <translation>El controlador PostgreSQL de Qt (QPSQL) no está instalado; en Debian instale libqt6sql6-psql.</translation>
    </message>
    <message>
        <source>Could not connect to PostgreSQL at %1: %2</source>
        <translation>No se pudo conectar con PostgreSQL en %1: %2</translation>
    </message>
    <message>
        <source>The temporary-storage check could not run: %1</source>
        <translation>No se pudo ejecutar la comprobación del almacenamiento temporal: %1</translation>
    </message>
    <message>
        <source>Temporary tables and sorts may be written to unencrypted files (temp_store is not MEMORY).</source>
        <translation>Las tablas temporales y las ordenaciones pueden escribirse en archivos sin cifrar (temp_store no es MEMORY).</translation>
    </message>
    <message>
        <source>Could not read the schema versions: %1</source>
        <translation>No se pudieron leer las versiones del esquema: %1</translation>
    </message>
    <message>
        <source>Could not insert into %1: %2 values do not make rows of %3.</source>
        <translation>No se pudo insertar en %1: %2 valores no forman filas de %3.</translation>
    </message>
    <message>
        <source>Could not set the indexes aside for the load: %1</source>
        <translation>No se pudieron apartar los índices para la carga: %1</translation>
    </message>
    <message>
        <source>Could not make the index %1 again (set aside for a large load; it is tried again at the next start): %2</source>
        <translation>No se pudo volver a crear el índice %1 (apartado para una carga grande; se intentará de nuevo en el próximo inicio): %2</translation>
    </message>
    <message>
        <source>Could not make the trigger %1 again (set aside for a large load; it is tried again at the next start): %2</source>
        <translation>No se pudo volver a crear el disparador %1 (apartado para una carga grande; se vuelve a intentar en el próximo inicio): %2</translation>
    </message>
</context>
<context>
    <name>DatabaseCommands</name>
    <message>
        <source>Print JSON.</source>
        <translation>Mostrar en JSON.</translation>
    </message>
    <message>
        <source>unknown time zone &quot;%1&quot; (use an IANA name such as Europe/Berlin).</source>
        <translation>zona horaria desconocida «%1» (use un nombre IANA como Europe/Madrid).</translation>
    </message>
    <message>
        <source>The database in %1 is ready (schema version %2).</source>
        <translation>La base de datos de %1 está lista (versión de esquema %2).</translation>
    </message>
    <message>
        <source>Created an encrypted database in %1 (schema version %2); its key is in %3.</source>
        <translation>Se ha creado una base de datos cifrada en %1 (versión de esquema %2); su clave está en %3.</translation>
    </message>
    <message>
        <source>seed needs --patients N and --appointments M.</source>
        <translation>seed necesita --patients N y --appointments M.</translation>
    </message>
    <message>
        <source>--patients must be a whole number from 1 to 10000000.</source>
        <translation>--patients debe ser un número entero de 1 a 10000000.</translation>
    </message>
    <message>
        <source>--appointments must be a whole number from 0 to 100000000.</source>
        <translation>--appointments debe ser un número entero de 0 a 100000000.</translation>
    </message>
    <message>
        <source>--seed must be a whole number.</source>
        <translation>--seed debe ser un número entero.</translation>
    </message>
    <message>
        <source>--today must be a date as YYYY-MM-DD.</source>
        <translation>--today debe ser una fecha con el formato AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>Seeding: %1%</source>
        <translation>Creando datos de demostración: %1 %</translation>
    </message>
    <message>
        <source>Database: %1 (SQLCipher %2, schema version %3)</source>
        <translation>Base de datos: %1 (SQLCipher %2, versión de esquema %3)</translation>
    </message>
    <message>
        <source>%1: encrypted with SQLCipher %2, schema version %3, integrity ok.</source>
        <translation>%1: cifrada con SQLCipher %2, versión de esquema %3, integridad correcta.</translation>
    </message>
    <message>
        <source>wipe asks for confirmation; pass --yes when running it from a script.</source>
        <translation>wipe pide confirmación; pase --yes si lo ejecuta desde un script.</translation>
    </message>
    <message>
        <source>This removes %1 and its key for good. Type &quot;wipe&quot; to confirm: </source>
        <translation>Esto elimina %1 y su clave para siempre. Escriba «wipe» para confirmar: </translation>
    </message>
    <message>
        <source>Nothing was removed.</source>
        <translation>No se ha eliminado nada.</translation>
    </message>
    <message>
        <source>Wiped %1: the database files and its key are gone.</source>
        <translation>Se ha borrado %1: los archivos de la base de datos y su clave ya no existen.</translation>
    </message>
    <message>
        <source>Create the encrypted database (and its key) in the data directory.</source>
        <translation>Crear la base de datos cifrada (y su clave) en el directorio de datos.</translation>
    </message>
    <message>
        <source>The clinic&apos;s time zone (IANA), default Europe/Berlin.</source>
        <translation>La zona horaria de la clínica (IANA), por defecto Europe/Berlin.</translation>
    </message>
    <message>
        <source>The clinic&apos;s name.</source>
        <translation>El nombre de la clínica.</translation>
    </message>
    <message>
        <source>Add realistic, deterministic demo data.</source>
        <translation>Añadir datos de demostración realistas y reproducibles.</translation>
    </message>
    <message>
        <source>How many patients.</source>
        <translation>Cuántos pacientes.</translation>
    </message>
    <message>
        <source>How many appointments.</source>
        <translation>Cuántas citas.</translation>
    </message>
    <message>
        <source>The random seed (default 1).</source>
        <translation>La semilla aleatoria (por defecto 1).</translation>
    </message>
    <message>
        <source>The day the demo clinic calls today (YYYY-MM-DD).</source>
        <translation>El día que la clínica de demostración considera hoy (AAAA-MM-DD).</translation>
    </message>
    <message>
        <source>Row counts per table.</source>
        <translation>Número de filas por tabla.</translation>
    </message>
    <message>
        <source>Check the database&apos;s integrity and encryption.</source>
        <translation>Comprobar la integridad y el cifrado de la base de datos.</translation>
    </message>
    <message>
        <source>Re-encrypt the database with a new random key.</source>
        <translation>Volver a cifrar la base de datos con una clave aleatoria nueva.</translation>
    </message>
    <message>
        <source>Remove the database, its WAL and journal files, and its key.</source>
        <translation>Eliminar la base de datos, sus archivos WAL y de registro, y su clave.</translation>
    </message>
    <message>
        <source>Do not ask for confirmation.</source>
        <translation>No pedir confirmación.</translation>
    </message>
    <message>
        <source>Seeded %1 patients, %2 practitioners, %3 rooms, %4 appointments, %5 messages, %6 recalls and %7 patient-record entries in %8 s.</source>
        <translation>Se han creado %1 pacientes, %2 profesionales, %3 salas, %4 citas, %5 mensajes, %6 controles periódicos y %7 entradas de historia clínica en %8 s.</translation>
    </message>
    <message>
        <source>The clinic&apos;s phone number, as patients should call it.</source>
        <translation>El teléfono de la clínica al que deben llamar los pacientes.</translation>
    </message>
    <message>
        <source>This workstation is enrolled at a server, where the clinic&apos;s settings are shared: change them with frontdeskctl --user NAME settings set KEY VALUE (clinic_time_zone, clinic_name, clinic_phone), which sends the change to the other workstations.</source>
        <translation>Este puesto de trabajo está inscrito en un servidor, que comparte los ajustes de la consulta: modifíquelos con frontdeskctl --user NAME settings set KEY VALUE (clinic_time_zone, clinic_name, clinic_phone), que envía el cambio a los demás puestos.</translation>
    </message>
</context>
<context>
    <name>DatabaseKeys</name>
    <message>
        <source>Could not read the database key for %1 from %2: %3</source>
        <translation>No se pudo leer la clave de la base de datos de %1 desde %2: %3</translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; in %2 is not a database key: it holds %3 bytes instead of %4. Frontdesk will not open the database in %5 with it.</source>
        <translation>La entrada «%1» en %2 no es una clave de base de datos: contiene %3 bytes en lugar de %4. Frontdesk no abrirá con ella la base de datos de %5.</translation>
    </message>
    <message>
        <source>Refusing to store a database key of %1 bytes; it must be %2 bytes.</source>
        <translation>Se rechaza guardar una clave de base de datos de %1 bytes; debe tener %2 bytes.</translation>
    </message>
    <message>
        <source>Could not store the database key for %1 in %2: %3</source>
        <translation>No se pudo guardar la clave de la base de datos de %1 en %2: %3</translation>
    </message>
    <message>
        <source>The database in %1 exists, but its key (entry &quot;%2&quot;) is missing from %3.
Frontdesk will not create a new key over existing data: the data could never be read again.
To go on, do one of these:
- restore the keychain entry (for example from a backup of the keychain), then start Frontdesk again;
- if the key was saved to a key file, start Frontdesk with --key-file PATH pointing to that file;
- or run `frontdeskctl wipe` to delete this database and start over. All data in it is lost.</source>
        <translation>La base de datos de %1 existe, pero su clave (entrada «%2») falta en %3.
Frontdesk no creará una clave nueva sobre datos existentes: no se podrían volver a leer nunca.
Para continuar, haga una de estas cosas:
- restaure la entrada del llavero (por ejemplo, desde una copia de seguridad del llavero) y vuelva a iniciar Frontdesk;
- si la clave se guardó en un archivo de clave, inicie Frontdesk con --key-file RUTA apuntando a ese archivo;
- o ejecute `frontdeskctl wipe` para eliminar esta base de datos y empezar de nuevo. Se perderán todos sus datos.</translation>
    </message>
    <message>
        <source>Could not generate a database key: libsodium failed to initialise.</source>
        <translation>No se pudo generar una clave de base de datos: libsodium no se pudo inicializar.</translation>
    </message>
    <message>
        <source>reading it back found no entry</source>
        <translation>al volver a leerla no se encontró ninguna entrada</translation>
    </message>
    <message>
        <source>reading it back gave a different key</source>
        <translation>al volver a leerla se obtuvo una clave distinta</translation>
    </message>
    <message>
        <source>The new database key for %1 was not kept by %2: %3</source>
        <translation>La clave nueva de la base de datos de %1 no se conservó en %2: %3</translation>
    </message>
    <message>
        <source>Could not remove the pending database key for %1 from %2: %3</source>
        <translation>No se pudo quitar la clave pendiente de la base de datos de %1 (ubicación: %2): %3</translation>
    </message>
    <message>
        <source>Could not remove the database key for %1 from %2: %3</source>
        <translation>No se pudo quitar la clave de la base de datos de %1 (ubicación: %2): %3</translation>
    </message>
</context>
<context>
    <name>DayListExport</name>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n cita</numerusform>
            <numerusform>%n citas</numerusform>
        </translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Day list %1</source>
        <translation>Lista del día %1</translation>
    </message>
    <message>
        <source>Could not make the PDF for %1.</source>
        <translation>No se pudo crear el PDF para %1.</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Nacimiento</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>No appointments on %1.</source>
        <translation>No hay citas el %1.</translation>
    </message>
</context>
<context>
    <name>DemoRecordSeeder</name>
    <message>
        <source>Asked at the desk to stop SMS reminders</source>
        <translation>Pidió en recepción que no se le envíen más recordatorios por SMS</translation>
    </message>
    <message>
        <source>Needs an interpreter (%1)</source>
        <translation>Necesita un intérprete (%1)</translation>
    </message>
    <message>
        <source>Fall risk: offer help at the desk and a chair</source>
        <translation>Riesgo de caídas: ofrecer ayuda y una silla en recepción</translation>
    </message>
    <message>
        <source>Wheelchair user: book a ground-floor room</source>
        <translation>Usuario de silla de ruedas: reservar una sala en la planta baja</translation>
    </message>
    <message>
        <source>Paracetamol 500 mg tablet</source>
        <translation>Paracetamol 500 mg comprimido</translation>
    </message>
    <message>
        <source>1–2 tablets up to four times daily, when needed</source>
        <translation>1–2 comprimidos hasta cuatro veces al día si es necesario</translation>
    </message>
    <message>
        <source>Cough for %1 days, no fever. Chest clear on auscultation. Fluids and rest advised; review if not better in two weeks.</source>
        <translation>Tos desde hace %1 días, sin fiebre. Auscultación pulmonar normal. Se aconsejan líquidos y reposo; revisar si no mejora en dos semanas.</translation>
    </message>
    <message>
        <source>Lab results discussed: %1. Treatment unchanged.</source>
        <translation>Resultados de laboratorio comentados: %1. Tratamiento sin cambios.</translation>
    </message>
    <message>
        <source>BP %1/%2 mmHg. %3</source>
        <translation>TA %1/%2 mmHg. %3</translation>
    </message>
    <message>
        <source>Amlodipine continued; recheck in three months.</source>
        <translation>Se continúa con amlodipino; control en tres meses.</translation>
    </message>
    <message>
        <source>No treatment needed; recheck in a year.</source>
        <translation>No precisa tratamiento; control en un año.</translation>
    </message>
    <message>
        <source>Annual check-up. BP %1/%2 mmHg, weight %3 kg. Lifestyle advice given.</source>
        <translation>Revisión anual. TA %1/%2 mmHg, peso %3 kg. Se dan consejos sobre estilo de vida.</translation>
    </message>
    <message>
        <source>Influenza vaccine given into the left deltoid. No immediate reaction.</source>
        <translation>Vacuna antigripal administrada en el deltoides izquierdo. Sin reacción inmediata.</translation>
    </message>
    <message>
        <source>Minor procedure under local anaesthetic; wound closed with two sutures, removal in ten days.</source>
        <translation>Intervención menor con anestesia local; herida cerrada con dos puntos de sutura, retirada en diez días.</translation>
    </message>
    <message>
        <source>Lower back pain after lifting, no red flags. Exercises and pain relief advised.</source>
        <translation>Dolor lumbar tras levantar peso, sin signos de alarma. Se aconsejan ejercicios y analgesia.</translation>
    </message>
    <message>
        <source>Seen for %1. Examination unremarkable; advice given.</source>
        <translation>Atendido por %1. Exploración sin hallazgos; se dan consejos.</translation>
    </message>
    <message>
        <source>Influenza, seasonal, injectable, preservative free</source>
        <translation>Gripe, estacional, inyectable, sin conservantes</translation>
    </message>
    <message>
        <source>Essential hypertension</source>
        <translation>Hipertensión esencial</translation>
    </message>
    <message>
        <source>Amlodipine 5 mg tablet</source>
        <translation>Amlodipino 5 mg comprimido</translation>
    </message>
    <message>
        <source>1 tablet once daily</source>
        <translation>1 comprimido una vez al día</translation>
    </message>
    <message>
        <source>Diabetes mellitus type 2</source>
        <translation>Diabetes mellitus tipo 2</translation>
    </message>
    <message>
        <source>Metformin 500 mg tablet</source>
        <translation>Metformina 500 mg comprimido</translation>
    </message>
    <message>
        <source>1 tablet twice daily with meals</source>
        <translation>1 comprimido dos veces al día con las comidas</translation>
    </message>
    <message>
        <source>Asthma</source>
        <translation>Asma</translation>
    </message>
    <message>
        <source>Salbutamol 100 micrograms inhaler</source>
        <translation>Salbutamol 100 microgramos inhalador</translation>
    </message>
    <message>
        <source>2 puffs when needed</source>
        <translation>2 inhalaciones si es necesario</translation>
    </message>
    <message>
        <source>Hypothyroidism</source>
        <translation>Hipotiroidismo</translation>
    </message>
    <message>
        <source>Levothyroxine 50 micrograms tablet</source>
        <translation>Levotiroxina 50 microgramos comprimido</translation>
    </message>
    <message>
        <source>1 tablet in the morning before breakfast</source>
        <translation>1 comprimido por la mañana antes del desayuno</translation>
    </message>
    <message>
        <source>Hyperlipidaemia</source>
        <translation>Hiperlipidemia</translation>
    </message>
    <message>
        <source>Atorvastatin 20 mg tablet</source>
        <translation>Atorvastatina 20 mg comprimido</translation>
    </message>
    <message>
        <source>1 tablet at night</source>
        <translation>1 comprimido por la noche</translation>
    </message>
    <message>
        <source>Osteoarthritis of knee</source>
        <translation>Artrosis de rodilla</translation>
    </message>
    <message>
        <source>Ibuprofen 400 mg tablet</source>
        <translation>Ibuprofeno 400 mg comprimido</translation>
    </message>
    <message>
        <source>1 tablet up to three times daily with food, when needed</source>
        <translation>1 comprimido hasta tres veces al día con alimentos, si es necesario</translation>
    </message>
    <message>
        <source>Migraine</source>
        <translation>Migraña</translation>
    </message>
    <message>
        <source>Sumatriptan 50 mg tablet</source>
        <translation>Sumatriptán 50 mg comprimido</translation>
    </message>
    <message>
        <source>1 tablet at the onset of an attack</source>
        <translation>1 comprimido al inicio de la crisis</translation>
    </message>
    <message>
        <source>Depressive disorder</source>
        <translation>Trastorno depresivo</translation>
    </message>
    <message>
        <source>Sertraline 50 mg tablet</source>
        <translation>Sertralina 50 mg comprimido</translation>
    </message>
    <message>
        <source>Penicillin</source>
        <translation>Penicilina</translation>
    </message>
    <message>
        <source>Hives and swelling of the face</source>
        <translation>Urticaria e hinchazón de la cara</translation>
    </message>
    <message>
        <source>Ibuprofen</source>
        <translation>Ibuprofeno</translation>
    </message>
    <message>
        <source>Wheezing</source>
        <translation>Sibilancias</translation>
    </message>
    <message>
        <source>Peanut</source>
        <translation>Cacahuete</translation>
    </message>
    <message>
        <source>Anaphylaxis</source>
        <translation>Anafilaxia</translation>
    </message>
    <message>
        <source>Latex</source>
        <translation>Látex</translation>
    </message>
    <message>
        <source>Contact dermatitis</source>
        <translation>Dermatitis de contacto</translation>
    </message>
    <message>
        <source>Grass pollen</source>
        <translation>Polen de gramíneas</translation>
    </message>
    <message>
        <source>Hay fever</source>
        <translation>Fiebre del heno</translation>
    </message>
    <message>
        <source>Sulfonamide antibiotics</source>
        <translation>Antibióticos sulfamidas</translation>
    </message>
    <message>
        <source>Skin rash</source>
        <translation>Erupción cutánea</translation>
    </message>
    <message>
        <source>sore throat</source>
        <translation>dolor de garganta</translation>
    </message>
    <message>
        <source>headache</source>
        <translation>cefalea</translation>
    </message>
    <message>
        <source>a skin rash</source>
        <translation>una erupción cutánea</translation>
    </message>
    <message>
        <source>tiredness</source>
        <translation>cansancio</translation>
    </message>
    <message>
        <source>ear pain</source>
        <translation>dolor de oído</translation>
    </message>
    <message>
        <source>HbA1c 6.8 %</source>
        <translation>HbA1c 6,8 %</translation>
    </message>
    <message>
        <source>LDL cholesterol slightly raised</source>
        <translation>colesterol LDL ligeramente elevado</translation>
    </message>
    <message>
        <source>TSH within the normal range</source>
        <translation>TSH dentro del rango normal</translation>
    </message>
    <message>
        <source>full blood count normal</source>
        <translation>hemograma normal</translation>
    </message>
    <message>
        <source>Systolic blood pressure</source>
        <translation>Presión arterial sistólica</translation>
    </message>
    <message>
        <source>Diastolic blood pressure</source>
        <translation>Presión arterial diastólica</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Frecuencia cardíaca</translation>
    </message>
    <message>
        <source>Body weight</source>
        <translation>Peso corporal</translation>
    </message>
</context>
<context>
    <name>DemoSeeder</name>
    <message>
        <source>Seeding needs at least one patient and no negative number of appointments.</source>
        <translation>Para crear datos de demostración se necesita al menos un paciente y un número de citas no negativo.</translation>
    </message>
    <message>
        <source>Unknown time zone &quot;%1&quot;.</source>
        <translation>Zona horaria desconocida «%1».</translation>
    </message>
    <message>
        <source>Room %1</source>
        <translation>Sala %1</translation>
    </message>
    <message>
        <source>Treatment room</source>
        <translation>Sala de tratamiento</translation>
    </message>
    <message>
        <source>Consulting room</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <source>Dr.</source>
        <translation>Dr.</translation>
    </message>
    <message>
        <source>Cancelled by patient</source>
        <translation>Cancelada por el paciente</translation>
    </message>
    <message>
        <source>Cancelled by clinic</source>
        <translation>Cancelada por la clínica</translation>
    </message>
    <message>
        <source>Your appointment on %1</source>
        <translation>Su cita del %1</translation>
    </message>
    <message>
        <source>Seeding failed; nothing was added: %1</source>
        <translation>La creación de datos de demostración ha fallado; no se ha añadido nada: %1</translation>
    </message>
    <message>
        <source>Re: Reminder</source>
        <translation>RE: Recordatorio</translation>
    </message>
    <message>
        <source>General practice</source>
        <translation>Medicina general</translation>
    </message>
    <message>
        <source>Internal medicine</source>
        <translation>Medicina interna</translation>
    </message>
    <message>
        <source>Paediatrics</source>
        <translation>Pediatría</translation>
    </message>
    <message>
        <source>Dermatology</source>
        <translation>Dermatología</translation>
    </message>
    <message>
        <source>Gynaecology</source>
        <translation>Ginecología</translation>
    </message>
    <message>
        <source>Physiotherapy</source>
        <translation>Fisioterapia</translation>
    </message>
    <message>
        <source>Nursing</source>
        <translation>Enfermería</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <source>Persistent cough</source>
        <translation>Tos persistente</translation>
    </message>
    <message>
        <source>Follow-up on lab results</source>
        <translation>Revisión de resultados de laboratorio</translation>
    </message>
    <message>
        <source>Blood pressure review</source>
        <translation>Control de la presión arterial</translation>
    </message>
    <message>
        <source>Annual check-up</source>
        <translation>Revisión anual</translation>
    </message>
    <message>
        <source>Influenza vaccination</source>
        <translation>Vacunación antigripal</translation>
    </message>
    <message>
        <source>Minor procedure</source>
        <translation>Procedimiento menor</translation>
    </message>
    <message>
        <source>Back pain</source>
        <translation>Dolor de espalda</translation>
    </message>
    <message>
        <source>Vaccination booster</source>
        <translation>Dosis de refuerzo</translation>
    </message>
    <message>
        <source>Diabetes review</source>
        <translation>Control de la diabetes</translation>
    </message>
    <message>
        <source>Follow-up after treatment</source>
        <translation>Seguimiento tras el tratamiento</translation>
    </message>
    <message>
        <source>dddd d MMMM, HH:mm</source>
        <comment>date and time of a reminder (QLocale::toString format)</comment>
        <translation>dddd, d &apos;de&apos; MMMM, HH:mm</translation>
    </message>
    <message>
        <source>Reminder: your appointment is on %1. Reply C to confirm, CANCEL to cancel or R to reschedule.</source>
        <translation>Recordatorio: su cita es el %1. Responda C para confirmar, CANCELAR para cancelarla o R para cambiarla.</translation>
    </message>
    <message>
        <source>The SMS was not delivered: %1</source>
        <translation>El SMS no se entregó: %1</translation>
    </message>
    <message>
        <source>The mail server refused the message: %1</source>
        <translation>El servidor de correo rechazó el mensaje: %1</translation>
    </message>
    <message>
        <source>Hello, could my appointment on Friday be moved to the afternoon?</source>
        <translation>Hola, ¿se podría pasar mi cita del viernes a la tarde?</translation>
    </message>
    <message>
        <source>Please call me back about my test results.</source>
        <translation>Por favor, llámenme por los resultados de mis pruebas.</translation>
    </message>
    <message>
        <source>Appointment reminder (SMS)</source>
        <translation>Recordatorio de cita (SMS)</translation>
    </message>
    <message>
        <source>Hello {first_name}, this is a reminder of your appointment on {appointment_date} at {appointment_time} with {practitioner}. Reply C to confirm or CANCEL to cancel.</source>
        <comment>demo SMS template: keep the placeholders in braces; the reply words (C, CANCEL) must be ones the server understands: C, J, STORNO, ANNULER, CANCELAR</comment>
        <translation>Hola, {first_name}. Le recordamos su cita del {appointment_date} a las {appointment_time} con {practitioner}. Responda C para confirmar o CANCELAR para anularla.</translation>
    </message>
    <message>
        <source>Follow-up after a visit</source>
        <translation>Seguimiento tras una visita</translation>
    </message>
    <message>
        <source>How are you, {first_name}?</source>
        <translation>¿Cómo se encuentra tras su visita?</translation>
    </message>
    <message>
        <source>Dear {first_name} {family_name}, thank you for your visit with {practitioner} on {appointment_date}. If your symptoms have not improved, please call us to book a follow-up appointment.</source>
        <comment>demo template: keep the placeholders in braces</comment>
        <translation>Estimado/a {first_name} {family_name}: gracias por su visita con {practitioner} el {appointment_date}. Si sus síntomas no han mejorado, llámenos para pedir una cita de seguimiento.</translation>
    </message>
    <message>
        <source>Recall: check-up due</source>
        <translation>Control periódico: revisión pendiente</translation>
    </message>
    <message>
        <source>Time for your check-up</source>
        <translation>Es hora de su revisión</translation>
    </message>
    <message>
        <source>Dear {first_name} {family_name}, according to our records you are due for a check-up. Please call us to book an appointment.</source>
        <comment>demo template: keep the placeholders in braces</comment>
        <translation>Estimado/a {first_name} {family_name}: según nuestros registros, le corresponde una revisión. Llámenos para pedir cita.</translation>
    </message>
    <message>
        <source>How was your visit? Reply with a number from 1 (poor) to 5 (very good).</source>
        <translation>¿Qué tal fue su visita? Responda con un número del 1 (mal) al 5 (muy bien).</translation>
    </message>
    <message>
        <source>Thank you for your visit.</source>
        <translation>Gracias por su visita.</translation>
    </message>
    <message>
        <source>Mornings only</source>
        <translation>Solo por la mañana</translation>
    </message>
    <message>
        <source>Can come at short notice</source>
        <translation>Puede venir con poca antelación</translation>
    </message>
    <message>
        <source>Call to remind of the appointment on %1 (the patient prefers a call).</source>
        <translation>Llamar para recordar la cita del %1 (el paciente prefiere una llamada).</translation>
    </message>
    <message>
        <source>Offer the freed time from the waitlist: %1, %2 min with %3 (another patient cancelled).</source>
        <translation>Ofrecer la hora liberada a la lista de espera: %1, %2 min con %3 (otro paciente canceló).</translation>
    </message>
</context>
<context>
    <name>DuplicateScore</name>
    <message>
        <source>same name and birth date</source>
        <translation>mismo nombre y fecha de nacimiento</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>mismo nombre</translation>
    </message>
    <message>
        <source>family and given name swapped</source>
        <translation>apellido y nombre intercambiados</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>nombre parecido</translation>
    </message>
    <message>
        <source>same birth date</source>
        <translation>misma fecha de nacimiento</translation>
    </message>
    <message>
        <source>birth date with day and month swapped</source>
        <translation>fecha de nacimiento con día y mes intercambiados</translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation>mismo número de teléfono</translation>
    </message>
    <message>
        <source>same e-mail address</source>
        <translation>misma dirección de correo electrónico</translation>
    </message>
</context>
<context>
    <name>EncounterRepository</name>
    <message>
        <source>An encounter needs a patient.</source>
        <translation>Un encuentro clínico necesita un paciente.</translation>
    </message>
</context>
<context>
    <name>Enrollment</name>
    <message>
        <source>Enrolling takes an administrator&apos;s name and password at the server.</source>
        <translation>La inscripción requiere el nombre y la contraseña de un administrador del servidor.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the enrollment holds no workstation credential.</source>
        <translation>La respuesta del servidor a la inscripción no contiene credenciales del puesto de trabajo.</translation>
    </message>
    <message>
        <source>The server enrolled the workstation but refused its credential: %1</source>
        <translation>El servidor inscribió el puesto de trabajo pero rechazó sus credenciales: %1</translation>
    </message>
    <message>
        <source>No workstation credential in %1; enroll again.</source>
        <translation>No hay credenciales del puesto de trabajo en %1; vuelva a inscribirlo.</translation>
    </message>
    <message>
        <source>The credential in %1 is for another workstation (%2); enroll again.</source>
        <translation>Las credenciales en %1 son de otro puesto de trabajo (%2); vuelva a inscribirlo.</translation>
    </message>
    <message>
        <source>No workstation credential in %1; enroll this workstation again.</source>
        <translation>No hay credenciales del puesto de trabajo en %1; vuelva a inscribir este puesto de trabajo.</translation>
    </message>
</context>
<context>
    <name>FhirExporter</name>
    <message>
        <source>The patient %1 was deleted.</source>
        <translation>El paciente %1 se ha eliminado.</translation>
    </message>
</context>
<context>
    <name>FhirImporter</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 no existe.</translation>
    </message>
    <message>
        <source>%1 holds no .json files.</source>
        <translation>%1 no contiene archivos .json.</translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1: no se puede leer: %2</translation>
    </message>
    <message>
        <source>%1: not valid JSON at byte %2: %3</source>
        <translation>%1: JSON no válido en el byte %2: %3</translation>
    </message>
    <message>
        <source>%1: not a FHIR Bundle (resourceType must be &quot;Bundle&quot;).</source>
        <translation>%1: no es un Bundle FHIR (resourceType debe ser «Bundle»).</translation>
    </message>
    <message>
        <source>%1: the Bundle has no entry array.</source>
        <translation>%1: el Bundle no tiene una matriz entry.</translation>
    </message>
    <message>
        <source>%1: entry %2</source>
        <translation>%1: entrada %2</translation>
    </message>
    <message>
        <source>%1: entry %2 (%3)</source>
        <translation>%1: entrada %2 (%3)</translation>
    </message>
    <message>
        <source>%1: has no resource object.</source>
        <translation>%1: no tiene objeto resource.</translation>
    </message>
    <message>
        <source>%1: the resource has no resourceType.</source>
        <translation>%1: el recurso no tiene resourceType.</translation>
    </message>
    <message>
        <source>%1: %2 has no identifier, fullUrl or id, so a second import could not recognise it.</source>
        <translation>%1: %2 no tiene identifier, fullUrl ni id, así que una segunda importación no podría reconocerlo.</translation>
    </message>
    <message>
        <source>DocumentReference: content[0].attachment.data is missing or not base64.</source>
        <translation>DocumentReference: content[0].attachment.data falta o no está en base64.</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <source>%1: %2 does not say which patient it belongs to (subject, patient or beneficiary).</source>
        <translation>%1: %2 no indica a qué paciente pertenece (subject, patient o beneficiary).</translation>
    </message>
    <message>
        <source>%1: DocumentReference names no encounter (context.encounter).</source>
        <translation>%1: DocumentReference no indica ningún encuentro clínico (context.encounter).</translation>
    </message>
    <message>
        <source>%1: %2 refers to the patient &quot;%3&quot;, which is neither in this bundle nor in the database.</source>
        <translation>%1: %2 hace referencia al paciente «%3», que no está ni en este Bundle ni en la base de datos.</translation>
    </message>
    <message>
        <source>%1: %2 refers to the encounter &quot;%3&quot;, which is neither in this bundle nor in the database.</source>
        <translation>%1: %2 hace referencia al encuentro clínico «%3», que no está ni en este Bundle ni en la base de datos.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1the linked patient &quot;%2&quot; was not found.</source>
        <translation>%1no se encontró el paciente vinculado «%2».</translation>
    </message>
    <message>
        <source>%1: Patient link[%2] refers to the patient itself.</source>
        <translation>%1: Patient link[%2] hace referencia al propio paciente.</translation>
    </message>
    <message>
        <source>%1: Patient link[%2] (%3) refers to the patient &quot;%4&quot;, which is neither in this bundle nor in the database.</source>
        <translation>%1: Patient link[%2] (%3) hace referencia al paciente «%4», que no está ni en este Bundle ni en la base de datos.</translation>
    </message>
    <message>
        <source>Consent (communication preference)</source>
        <translation>Consent (preferencia de comunicación)</translation>
    </message>
    <message>
        <source>%1: </source>
        <translation>%1: </translation>
    </message>
    <message>
        <source>%1, %2 (MRN %3, id %4)</source>
        <translation>%1, %2 (NHC %3, id %4)</translation>
    </message>
    <message>
        <source>the file&apos;s patient %1, %2 (MRN %3) has the id of the local patient %4, whom none of its identifiers names; it would overwrite another patient&apos;s record, so nothing was imported.</source>
        <translation>el paciente %1, %2 (NHC %3) del archivo tiene el id del paciente local %4, al que ninguno de sus identificadores nombra; sobrescribiría la historia de otro paciente, así que no se importó nada.</translation>
    </message>
    <message>
        <source>the note for the patient %1 names the encounter %2 of the patient %3; it is not attached.</source>
        <translation>la nota del paciente %1 nombra el encuentro clínico %2 del paciente %3; no se adjunta.</translation>
    </message>
    <message>
        <source>the file&apos;s %1 &quot;%2&quot; for the patient %3 has the id of a local record of the patient %4; it is not overwritten.</source>
        <translation>el recurso %1 «%2» del archivo para el paciente %3 tiene el id de un registro local del paciente %4; no se sobrescribe.</translation>
    </message>
    <message>
        <source>%1: is %2 MiB, more than the %3 MiB one file may have (frontdeskctl import-fhir --max-size raises the limit); nothing from it was read.</source>
        <translation>%1: ocupa %2 MiB, más de los %3 MiB que puede tener un archivo (frontdeskctl import-fhir --max-size aumenta el límite); no se leyó nada de él.</translation>
    </message>
</context>
<context>
    <name>FhirJson</name>
    <message>
        <source>resourceType must be %1.</source>
        <translation>resourceType debe ser %1.</translation>
    </message>
    <message>
        <source>%1 is missing: it must read %2/ID.</source>
        <translation>Falta %1: debe ser %2/ID.</translation>
    </message>
    <message>
        <source>%1 must read %2/ID; got &quot;%3&quot;.</source>
        <translation>%1 debe ser %2/ID; se recibió «%3».</translation>
    </message>
    <message>
        <source>%1 must be an instant with seconds and a time zone, e.g. 2026-07-06T09:00:00Z; got &quot;%2&quot;.</source>
        <translation>%1 debe ser un instante con segundos y zona horaria, p. ej., 2026-07-06T09:00:00Z; se recibió «%2».</translation>
    </message>
    <message>
        <source>%1 must be a date (YYYY-MM-DD); got &quot;%2&quot;.</source>
        <translation>%1 debe ser una fecha (AAAA-MM-DD); se recibió «%2».</translation>
    </message>
    <message>
        <source>%1 must be a time of day (hh:mm:ss); got &quot;%2&quot;.</source>
        <translation>%1 debe ser una hora (hh:mm:ss); se recibió «%2».</translation>
    </message>
    <message>
        <source>%1 must be one of %2; got &quot;%3&quot;.</source>
        <translation>%1 debe ser uno de %2; se recibió «%3».</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3.</source>
        <translation>%1 debe ser un número entero de %2 a %3.</translation>
    </message>
</context>
<context>
    <name>FhirMapping</name>
    <message>
        <source>%1 must be a string.</source>
        <translation>%1 debe ser una cadena.</translation>
    </message>
    <message>
        <source>%1 must be an object.</source>
        <translation>%1 debe ser un objeto.</translation>
    </message>
    <message>
        <source>%1 must be an array.</source>
        <translation>%1 debe ser una matriz.</translation>
    </message>
    <message>
        <source>%1[0] must be an object.</source>
        <translation>%1[0] debe ser un objeto.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a FHIR dateTime.</source>
        <translation>%1 «%2» no es un dateTime FHIR.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a date (YYYY-MM-DD).</source>
        <translation>%1 «%2» no es una fecha (AAAA-MM-DD).</translation>
    </message>
    <message>
        <source>resourceType is &quot;%1&quot;, expected %2.</source>
        <translation>resourceType es «%1»; se esperaba %2.</translation>
    </message>
    <message>
        <source>the Patient has no identifier to use as its medical record number.</source>
        <translation>el Patient no tiene ningún identifier que usar como número de historia clínica.</translation>
    </message>
    <message>
        <source>name.given must hold strings.</source>
        <translation>name.given debe contener cadenas.</translation>
    </message>
    <message>
        <source>the Patient has no family name (name.family).</source>
        <translation>el Patient no tiene apellido (name.family).</translation>
    </message>
    <message>
        <source>gender &quot;%1&quot; is not female, male, other or unknown.</source>
        <translation>gender «%1» no es female, male, other ni unknown.</translation>
    </message>
    <message>
        <source>the Encounter has no status.</source>
        <translation>el Encounter no tiene estado.</translation>
    </message>
    <message>
        <source>class must be a Coding object.</source>
        <translation>class debe ser un objeto Coding.</translation>
    </message>
    <message>
        <source>period.end lies before period.start.</source>
        <translation>period.end es anterior a period.start.</translation>
    </message>
    <message>
        <source>the Condition has no code.</source>
        <translation>la Condition no tiene código.</translation>
    </message>
    <message>
        <source>the AllergyIntolerance has no code (the substance).</source>
        <translation>la AllergyIntolerance no tiene código (la sustancia).</translation>
    </message>
    <message>
        <source>the medication has no medicationCodeableConcept.</source>
        <translation>el medicamento no tiene medicationCodeableConcept.</translation>
    </message>
    <message>
        <source>the medication has no status.</source>
        <translation>el medicamento no tiene estado.</translation>
    </message>
    <message>
        <source>the Observation has no status.</source>
        <translation>la Observation no tiene estado.</translation>
    </message>
    <message>
        <source>the Observation has no code.</source>
        <translation>la Observation no tiene código.</translation>
    </message>
    <message>
        <source>%1.value must be a number.</source>
        <translation>%1.value debe ser un número.</translation>
    </message>
    <message>
        <source>the Immunization has no vaccineCode.</source>
        <translation>la Immunization no tiene vaccineCode.</translation>
    </message>
    <message>
        <source>the Immunization has no status.</source>
        <translation>la Immunization no tiene estado.</translation>
    </message>
    <message>
        <source>the Coverage has no status.</source>
        <translation>la Coverage no tiene estado.</translation>
    </message>
    <message>
        <source>the Coverage names no payor.</source>
        <translation>la Coverage no indica ningún pagador (payor).</translation>
    </message>
    <message>
        <source>%1 must hold objects.</source>
        <translation>%1 debe contener objetos.</translation>
    </message>
    <message>
        <source>Patient: photo must be an array.</source>
        <translation>Patient: photo debe ser una matriz.</translation>
    </message>
    <message>
        <source>Patient: photo.data is not valid base64.</source>
        <translation>Patient: photo.data no es base64 válido.</translation>
    </message>
    <message>
        <source>Patient: photo: %1</source>
        <translation>Patient: photo: %1</translation>
    </message>
    <message>
        <source>Patient: photo.contentType says %1 but the data is %2.</source>
        <translation>Patient: photo.contentType indica %1 pero los datos son %2.</translation>
    </message>
    <message>
        <source>%1.type &quot;%2&quot; is not replaced-by, replaces, refer or seealso.</source>
        <translation>%1.type «%2» no es replaced-by, replaces, refer ni seealso.</translation>
    </message>
    <message>
        <source>%1.other has no reference to the other patient.</source>
        <translation>%1.other no tiene referencia al otro paciente.</translation>
    </message>
    <message>
        <source>the Consent has no status.</source>
        <translation>el Consent no tiene estado.</translation>
    </message>
    <message>
        <source>status &quot;%1&quot; is neither active (given) nor inactive (withdrawn).</source>
        <translation>status «%1» no es ni active (otorgado) ni inactive (revocado).</translation>
    </message>
    <message>
        <source>the Consent has no category saying what it is for.</source>
        <translation>el Consent no tiene category que indique para qué es.</translation>
    </message>
    <message>
        <source>the Consent has no dateTime (when it was given or withdrawn).</source>
        <translation>el Consent no tiene dateTime (cuándo se otorgó o revocó).</translation>
    </message>
    <message>
        <source>sourceAttachment.data is not valid base64.</source>
        <translation>sourceAttachment.data no es base64 válido.</translation>
    </message>
    <message>
        <source>sourceAttachment.hash does not match its data (the document was changed or cut short).</source>
        <translation>sourceAttachment.hash no coincide con sus datos (el documento se modificó o está incompleto).</translation>
    </message>
    <message>
        <source>a communication preference must have status active, not &quot;%1&quot;.</source>
        <translation>una preferencia de comunicación debe tener el estado active, no «%1».</translation>
    </message>
    <message>
        <source>provision.type &quot;%1&quot; is neither permit nor deny (opted out).</source>
        <translation>provision.type «%1» no es ni permit ni deny (baja voluntaria).</translation>
    </message>
    <message>
        <source>provision.purpose (system %1) must be one of %2, not &quot;%3&quot;.</source>
        <translation>provision.purpose (sistema %1) debe ser uno de %2, no «%3».</translation>
    </message>
    <message>
        <source>the communication preference has no extension %1 with its channel.</source>
        <translation>la preferencia de comunicación no tiene la extensión %1 con su canal.</translation>
    </message>
    <message>
        <source>%1.channel must be one of %2, not &quot;%3&quot;.</source>
        <translation>%1.channel debe ser uno de %2, no «%3».</translation>
    </message>
    <message>
        <source>%1.%2.valueInteger must be minutes after midnight (0-1440).</source>
        <translation>%1.%2.valueInteger debe indicar minutos después de medianoche (0-1440).</translation>
    </message>
    <message>
        <source>the Flag has no status.</source>
        <translation>el Flag no tiene estado.</translation>
    </message>
    <message>
        <source>status &quot;%1&quot; is neither active nor inactive.</source>
        <translation>status «%1» no es ni active ni inactive.</translation>
    </message>
    <message>
        <source>the Flag has no code.text saying what to look out for.</source>
        <translation>el Flag no tiene code.text que indique a qué prestar atención.</translation>
    </message>
    <message>
        <source>the flag-priority extension&apos;s code &quot;%1&quot; is not PN, PL, PM or PH.</source>
        <translation>el código «%1» de la extensión flag-priority no es PN, PL, PM ni PH.</translation>
    </message>
</context>
<context>
    <name>FhirRecordReader</name>
    <message>
        <source>Records of the FHIR type &quot;%1&quot; are not read for sync.</source>
        <translation>Los registros del tipo FHIR «%1» no se leen para la sincronización.</translation>
    </message>
    <message>
        <source>No %1 with id %2.</source>
        <translation>No hay ningún elemento %1 con el identificador %2.</translation>
    </message>
</context>
<context>
    <name>ImmunizationRepository</name>
    <message>
        <source>An immunization needs a patient and a vaccine.</source>
        <translation>Una vacunación necesita un paciente y una vacuna.</translation>
    </message>
</context>
<context>
    <name>KeyFileSecretStore</name>
    <message>
        <source>the key file %1</source>
        <translation>el archivo de clave %1</translation>
    </message>
    <message>
        <source>Could not open the key file %1: %2</source>
        <translation>No se pudo abrir el archivo de clave %1: %2</translation>
    </message>
    <message>
        <source>Could not check the permissions of the key file %1.</source>
        <translation>No se pudieron comprobar los permisos del archivo de clave %1.</translation>
    </message>
    <message>
        <source>The key file %1 is not a regular file.</source>
        <translation>El archivo de clave %1 no es un archivo normal.</translation>
    </message>
    <message>
        <source>The key file %1 has mode %2, which lets other users read it, so Frontdesk refuses to use it. Make it private to its owner with: chmod 600 %1</source>
        <translation>El archivo de clave %1 tiene el modo %2, que permite leerlo a otros usuarios, así que Frontdesk se niega a usarlo. Hágalo privado para su propietario con: chmod 600 %1</translation>
    </message>
    <message>
        <source>Could not read the key file %1: %2</source>
        <translation>No se pudo leer el archivo de clave %1: %2</translation>
    </message>
    <message>
        <source>Frontdesk leaves it untouched; restore it from a backup or move it aside.</source>
        <translation>Frontdesk no lo modifica; restáurelo desde una copia de seguridad o apártelo.</translation>
    </message>
    <message>
        <source>The key file %1 is not valid JSON (%2 at offset %3). %4</source>
        <translation>El archivo de clave %1 no es JSON válido (%2 en la posición %3). %4</translation>
    </message>
    <message>
        <source>The key file %1 does not hold a JSON object of account names and keys. %2</source>
        <translation>El archivo de clave %1 no contiene un objeto JSON de nombres de cuenta y claves. %2</translation>
    </message>
    <message>
        <source>The key file %1 has an invalid entry &quot;%2&quot;: its value is not a base64 string. %3</source>
        <translation>El archivo de clave %1 tiene una entrada no válida «%2»: su valor no es una cadena base64. %3</translation>
    </message>
    <message>
        <source>Could not create the key file %1: %2</source>
        <translation>No se pudo crear el archivo de clave %1: %2</translation>
    </message>
    <message>
        <source>Could not make the key file %1 private to its owner (mode 0600).</source>
        <translation>No se pudo hacer privado para su propietario el archivo de clave %1 (modo 0600).</translation>
    </message>
    <message>
        <source>Could not write the key file %1: %2</source>
        <translation>No se pudo escribir el archivo de clave %1: %2</translation>
    </message>
    <message>
        <source>The key file %1 was rewritten, but its previous content could not be overwritten on the disk.</source>
        <translation>El archivo de claves %1 se reescribió, pero su contenido anterior no se pudo sobrescribir en el disco.</translation>
    </message>
    <message>
        <source>Could not open the key file %1 to overwrite it.</source>
        <translation>No se pudo abrir el archivo de claves %1 para sobrescribirlo.</translation>
    </message>
    <message>
        <source>Could not overwrite the key file %1.</source>
        <translation>No se pudo sobrescribir el archivo de claves %1.</translation>
    </message>
    <message>
        <source>The key file %1 was overwritten but could not be removed.</source>
        <translation>El archivo de claves %1 se sobrescribió pero no se pudo eliminar.</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>Start Frontdesk inside a desktop session, or run it under `dbus-run-session` with gnome-keyring-daemon started and unlocked, or pass --key-file PATH to keep the key in a file readable only by you instead.</source>
        <translation>Inicie Frontdesk dentro de una sesión de escritorio, o con `dbus-run-session` y gnome-keyring-daemon iniciado y desbloqueado, o pase --key-file RUTA para guardar la clave en un archivo que solo usted pueda leer.</translation>
    </message>
    <message>
        <source>Could not read &quot;%1&quot; from the OS keychain.</source>
        <translation>No se pudo leer «%1» del llavero del sistema.</translation>
    </message>
    <message>
        <source>Could not store &quot;%1&quot; in the OS keychain.</source>
        <translation>No se pudo guardar «%1» en el llavero del sistema.</translation>
    </message>
    <message>
        <source>Could not remove &quot;%1&quot; from the OS keychain.</source>
        <translation>No se pudo quitar «%1» del llavero del sistema.</translation>
    </message>
    <message>
        <source>The keychain refused access: it may be locked, or access was declined. Unlock the Secret Service (e.g. gnome-keyring or KWallet) and try again.</source>
        <translation>El llavero denegó el acceso: puede estar bloqueado o se rechazó el acceso. Desbloquee el Secret Service (p. ej., gnome-keyring o KWallet) e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The keychain could not delete the entry.</source>
        <translation>El llavero no pudo eliminar la entrada.</translation>
    </message>
    <message>
        <source>The Secret Service (e.g. gnome-keyring or KWallet) on the D-Bus session bus is missing, or has no unlocked default keyring.</source>
        <translation>Falta el Secret Service (p. ej., gnome-keyring o KWallet) en el bus de sesión D-Bus, o no tiene un llavero predeterminado desbloqueado.</translation>
    </message>
    <message>
        <source>The system keychain is not available.</source>
        <translation>El llavero del sistema no está disponible.</translation>
    </message>
    <message>
        <source>%1 %2 %3 (QtKeychain: %4)</source>
        <translation>%1 %2 %3 (QtKeychain: %4)</translation>
    </message>
    <message>
        <source>the OS keychain (Secret Service, service &apos;%1&apos;)</source>
        <translation>el llavero del sistema (Secret Service, servicio «%1»)</translation>
    </message>
    <message>
        <source>the OS keychain (service &apos;%1&apos;)</source>
        <translation>el llavero del sistema (servicio «%1»)</translation>
    </message>
    <message>
        <source>The OS keychain can only be used once the application has started.</source>
        <translation>El llavero del sistema solo se puede usar una vez iniciada la aplicación.</translation>
    </message>
    <message>
        <source>Frontdesk keeps its database key in the OS keychain, which is reached through the D-Bus session bus, and there is no D-Bus session here (DBUS_SESSION_BUS_ADDRESS is not set). %1</source>
        <translation>Frontdesk guarda la clave de su base de datos en el llavero del sistema, al que se accede por el bus de sesión D-Bus, y aquí no hay sesión D-Bus (DBUS_SESSION_BUS_ADDRESS no está definida). %1</translation>
    </message>
    <message>
        <source>The OS keychain did not answer within %1 seconds while reading &quot;%2&quot;. It may be waiting to be unlocked in a dialog that is hidden or cannot be shown. %3</source>
        <translation>El llavero del sistema no respondió en %1 segundos al leer «%2». Puede que esté esperando a desbloquearse en un diálogo oculto o que no se puede mostrar. %3</translation>
    </message>
    <message>
        <source>The OS keychain did not answer within %1 seconds while storing &quot;%2&quot;. It may be waiting to be unlocked in a dialog that is hidden or cannot be shown. %3</source>
        <translation>El llavero del sistema no respondió en %1 segundos al guardar «%2». Puede que esté esperando a desbloquearse en un diálogo oculto o que no se puede mostrar. %3</translation>
    </message>
    <message>
        <source>The OS keychain did not answer within %1 seconds while removing &quot;%2&quot;. It may be waiting to be unlocked in a dialog that is hidden or cannot be shown. %3</source>
        <translation>El llavero del sistema no respondió en %1 segundos al quitar «%2». Puede que esté esperando a desbloquearse en un diálogo oculto o que no se puede mostrar. %3</translation>
    </message>
</context>
<context>
    <name>KpiCommands</name>
    <message>
        <source>n/a</source>
        <translation>n. d.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 pp</source>
        <translation>%1 p. p.</translation>
    </message>
    <message>
        <source>kpi needs --from DATE and --to DATE (YYYY-MM-DD).</source>
        <translation>kpi necesita --from FECHA y --to FECHA (AAAA-MM-DD).</translation>
    </message>
    <message>
        <source>--from &quot;%1&quot; is not a date written YYYY-MM-DD.</source>
        <translation>--from «%1» no es una fecha con el formato AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>--to &quot;%1&quot; is not a date written YYYY-MM-DD.</source>
        <translation>--to «%1» no es una fecha con el formato AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>Period %1 to %2, compared with %3 to %4; as of %5.</source>
        <translation>Periodo del %1 al %2, comparado con el del %3 al %4; a fecha de %5.</translation>
    </message>
    <message>
        <source>As of the last sync, %1.</source>
        <translation>A fecha de la última sincronización, %1.</translation>
    </message>
    <message>
        <source>This workstation has not synced yet: the figures show its own data.</source>
        <translation>Este puesto aún no se ha sincronizado: las cifras muestran solo sus propios datos.</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Este periodo</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Periodo anterior</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Variación</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Mostrar en JSON.</translation>
    </message>
    <message>
        <source>Only this practitioner&apos;s.</source>
        <translation>Solo los de este profesional.</translation>
    </message>
    <message>
        <source>The dashboard&apos;s figures for a period beside the previous one.</source>
        <translation>Los indicadores del panel para un periodo junto al anterior.</translation>
    </message>
    <message>
        <source>First day (YYYY-MM-DD).</source>
        <translation>Primer día (AAAA-MM-DD).</translation>
    </message>
    <message>
        <source>Last day (YYYY-MM-DD).</source>
        <translation>Último día (AAAA-MM-DD).</translation>
    </message>
    <message>
        <source>Only appointments in this room.</source>
        <translation>Solo las citas en esta sala.</translation>
    </message>
    <message>
        <source>Only appointments of this type (e.g. check-up).</source>
        <translation>Solo las citas de este tipo (p. ej., check-up).</translation>
    </message>
</context>
<context>
    <name>LocationRepository</name>
    <message>
        <source>A room or location needs a name.</source>
        <translation>Una sala o ubicación necesita un nombre.</translation>
    </message>
</context>
<context>
    <name>MedicationRepository</name>
    <message>
        <source>A medication needs a patient and a name.</source>
        <translation>Un medicamento necesita un paciente y un nombre.</translation>
    </message>
</context>
<context>
    <name>MemorySecretStore</name>
    <message>
        <source>the in-memory secret store</source>
        <translation>el almacén de secretos en memoria</translation>
    </message>
</context>
<context>
    <name>MessageCommands</name>
    <message>
        <source>message %1 needs --patient ID (the id from search --json).</source>
        <translation>message %1 necesita --patient ID (el identificador de search --json).</translation>
    </message>
    <message>
        <source>message send needs --channel sms or --channel email.</source>
        <translation>message send necesita --channel sms o --channel email.</translation>
    </message>
    <message>
        <source>--purpose must be one of: %1.</source>
        <translation>--purpose debe ser uno de estos: %1.</translation>
    </message>
    <message>
        <source>Queued %1 (%2); frontdesk-server sends it.</source>
        <translation>%1 en cola (%2); frontdesk-server lo envía.</translation>
    </message>
    <message>
        <source>No messages.</source>
        <translation>No hay mensajes.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Mostrar en JSON.</translation>
    </message>
    <message>
        <source>The patient&apos;s id.</source>
        <translation>El identificador del paciente.</translation>
    </message>
    <message>
        <source>sms or email.</source>
        <translation>sms o email.</translation>
    </message>
    <message>
        <source>Why the patient is written to (the contact rule depends on it).</source>
        <translation>Por qué se escribe al paciente (la regla de contacto depende de ello).</translation>
    </message>
    <message>
        <source>The message.</source>
        <translation>El mensaje.</translation>
    </message>
    <message>
        <source>An e-mail&apos;s subject.</source>
        <translation>El asunto de un correo electrónico.</translation>
    </message>
    <message>
        <source>The appointment the message is about.</source>
        <translation>La cita de la que trata el mensaje.</translation>
    </message>
    <message>
        <source>message assign needs --to USER (a username; --to &quot;&quot; for nobody).</source>
        <translation>message assign necesita --to USUARIO (un nombre de usuario; --to &quot;&quot; para nadie).</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>Asignada a %1</translation>
    </message>
    <message>
        <source>unread</source>
        <translation>no leído</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Falló: %1</translation>
    </message>
    <message>
        <source>%1: messages marked read: %2.</source>
        <translation>%1: mensajes marcados como leídos: %2.</translation>
    </message>
    <message>
        <source>%1: assigned to nobody.</source>
        <translation>%1: sin asignar.</translation>
    </message>
    <message>
        <source>%1: assigned to %2.</source>
        <translation>%1: asignada a %2.</translation>
    </message>
    <message>
        <source>The staff member (username) the conversation is assigned to.</source>
        <translation>El miembro del personal (nombre de usuario) al que se asigna la conversación.</translation>
    </message>
    <message>
        <source>message needs send, list, read, assign or templates, e.g. frontdeskctl message list --patient ID.</source>
        <translation>message necesita send, list, read, assign o templates, p. ej. frontdeskctl message list --patient ID.</translation>
    </message>
    <message>
        <source>message send needs --text TEXT, the message the patient reads, or --template NAME (frontdeskctl message templates lists them).</source>
        <translation>message send necesita --text TEXTO, el mensaje que lee el paciente, o --template NOMBRE (frontdeskctl message templates las enumera).</translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; is deactivated.</source>
        <translation>La plantilla «%1» está desactivada.</translation>
    </message>
    <message>
        <source>No templates.</source>
        <translation>No hay plantillas.</translation>
    </message>
    <message>
        <source>SMS or e-mail</source>
        <translation>SMS o correo electrónico</translation>
    </message>
    <message>
        <source>(deactivated)</source>
        <translation>(desactivada)</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Asunto: %1</translation>
    </message>
    <message>
        <source>Write to a patient (queued for the server), read their messages, mark them read, assign their conversation to a staff member, or list the message templates.</source>
        <translation>Escribir a un paciente (en cola para el servidor), leer sus mensajes, marcarlos como leídos, asignar su conversación a un miembro del personal o enumerar las plantillas de mensaje.</translation>
    </message>
    <message>
        <source>Send from this template, filled for the patient (instead of --text).</source>
        <translation>Enviar a partir de esta plantilla, completada para el paciente (en lugar de --text).</translation>
    </message>
</context>
<context>
    <name>MessageComposer</name>
    <message>
        <source>The patient&apos;s record has no mobile phone number.</source>
        <translation>La ficha del paciente no tiene ningún número de móvil.</translation>
    </message>
    <message>
        <source>The patient&apos;s record has no e-mail address.</source>
        <translation>La ficha del paciente no tiene ninguna dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose the patient the message is for.</source>
        <translation>Elija el paciente al que va dirigido el mensaje.</translation>
    </message>
    <message>
        <source>The message is empty; write what the patient should read.</source>
        <translation>El mensaje está vacío; escriba lo que debe leer el paciente.</translation>
    </message>
    <message>
        <source>A message goes by SMS or e-mail; &quot;%1&quot; is neither.</source>
        <translation>Un mensaje se envía por SMS o por correo electrónico; «%1» no es ninguno de los dos.</translation>
    </message>
    <message>
        <source>%1 cannot be used for this patient: %2</source>
        <translation>%1 no se puede usar para este paciente: %2</translation>
    </message>
    <message>
        <source>This SMS would be sent in %1 parts; at most %2 are allowed. Shorten it, or send it by e-mail.</source>
        <translation>Este SMS se enviaría en %1 partes; se permiten como máximo %2. Acórtelo o envíelo por correo electrónico.</translation>
    </message>
    <message>
        <source>An e-mail needs a subject.</source>
        <translation>Un correo electrónico necesita un asunto.</translation>
    </message>
    <message>
        <source>The appointment chosen is another patient&apos;s.</source>
        <translation>La cita elegida es de otro paciente.</translation>
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
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Recordatorio</translation>
    </message>
    <message>
        <source>Administrative</source>
        <translation>Administrativo</translation>
    </message>
    <message>
        <source>Clinical</source>
        <translation>Clínico</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Handled</source>
        <comment>an inbound message someone has answered</comment>
        <translation>Atendido</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Encuesta</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Control periódico</translation>
    </message>
</context>
<context>
    <name>MessageRepository</name>
    <message>
        <source>A message needs a patient.</source>
        <translation>Un mensaje necesita un paciente.</translation>
    </message>
    <message>
        <source>A message goes by sms or email; got &quot;%1&quot;.</source>
        <translation>Un mensaje se envía por sms o email; se recibió «%1».</translation>
    </message>
</context>
<context>
    <name>MessageRetention</name>
    <message>
        <source>Messages are kept from 1 to %1 days, or 0 for always.</source>
        <translation>Los mensajes se conservan de 1 a %1 días, o 0 para siempre.</translation>
    </message>
    <message>
        <source>Could not remove old messages: %1</source>
        <translation>No se pudieron eliminar los mensajes antiguos: %1</translation>
    </message>
</context>
<context>
    <name>MessageTemplateMapping</name>
    <message>
        <source>code must hold %1|%2.</source>
        <translation>code debe contener %1|%2.</translation>
    </message>
    <message>
        <source>%1 is missing.</source>
        <translation>Falta %1.</translation>
    </message>
    <message>
        <source>%1 must be true or false.</source>
        <translation>%1 debe ser true o false.</translation>
    </message>
</context>
<context>
    <name>MessageTemplateRepository</name>
    <message>
        <source>There is already a template named &quot;%1&quot;.</source>
        <translation>Ya existe una plantilla llamada «%1».</translation>
    </message>
    <message>
        <source>There is no template named &quot;%1&quot;.</source>
        <translation>No existe ninguna plantilla llamada «%1».</translation>
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
        <translation>No se pudieron leer las conversaciones: %1</translation>
    </message>
    <message>
        <source>%1: no patient has this number or address</source>
        <translation>%1: ningún paciente tiene este número o dirección</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>sender: the patients it might be</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <source>Could not read the conversation: %1</source>
        <translation>No se pudo leer la conversación: %1</translation>
    </message>
    <message>
        <source>Could not mark the conversation read: %1</source>
        <translation>No se pudo marcar la conversación como leída: %1</translation>
    </message>
    <message>
        <source>Could not mark the conversation unread: %1</source>
        <translation>No se pudo marcar la conversación como no leída: %1</translation>
    </message>
    <message>
        <source>This conversation has no read reply that could be marked unread.</source>
        <translation>Esta conversación no tiene ninguna respuesta leída que se pueda marcar como no leída.</translation>
    </message>
    <message>
        <source>There is no conversation to assign.</source>
        <translation>No hay ninguna conversación que asignar.</translation>
    </message>
    <message>
        <source>Could not assign the conversation: %1</source>
        <translation>No se pudo asignar la conversación: %1</translation>
    </message>
    <message>
        <source>Could not read the staff list: %1</source>
        <translation>No se pudo leer la lista del personal: %1</translation>
    </message>
    <message>
        <source>No active staff member &quot;%1&quot;.</source>
        <translation>No hay ningún miembro del personal activo «%1».</translation>
    </message>
</context>
<context>
    <name>ObservationRepository</name>
    <message>
        <source>An observation needs a patient and a name.</source>
        <translation>Una observación necesita un paciente y un nombre.</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>Could not queue the change for sync: %1</source>
        <translation>No se pudo poner en cola el cambio para sincronizarlo: %1</translation>
    </message>
</context>
<context>
    <name>PasswordHash</name>
    <message>
        <source>Could not hash the password: libsodium failed to initialise.</source>
        <translation>No se pudo calcular el hash de la contraseña: libsodium no se pudo inicializar.</translation>
    </message>
    <message>
        <source>Could not hash the password: not enough memory for Argon2id.</source>
        <translation>No se pudo calcular el hash de la contraseña: no hay memoria suficiente para Argon2id.</translation>
    </message>
</context>
<context>
    <name>PasswordPolicy</name>
    <message>
        <source>The password is too short: it has %1 characters and needs at least %2.</source>
        <translation>La contraseña es demasiado corta: tiene %1 caracteres y necesita al menos %2.</translation>
    </message>
    <message>
        <source>The password must not start or end with a space.</source>
        <translation>La contraseña no debe empezar ni terminar con un espacio.</translation>
    </message>
    <message>
        <source>This password is on the list of common passwords that attackers try first. Choose another one, e.g. several unrelated words.</source>
        <translation>Esta contraseña está en la lista de contraseñas comunes que los atacantes prueban primero. Elija otra, p. ej., varias palabras sin relación entre sí.</translation>
    </message>
    <message>
        <source>The password must not contain the user name.</source>
        <translation>La contraseña no debe contener el nombre de usuario.</translation>
    </message>
    <message>
        <source>The password repeats too few different characters (%1); use more.</source>
        <translation>La contraseña repite muy pocos caracteres distintos (%1); use más.</translation>
    </message>
</context>
<context>
    <name>PatientAlert</name>
    <message>
        <source>An alert needs a patient.</source>
        <translation>Una alerta necesita un paciente.</translation>
    </message>
    <message>
        <source>An alert needs a text.</source>
        <translation>Una alerta necesita un texto.</translation>
    </message>
    <message>
        <source>Severity must be info, warning or high.</source>
        <translation>La gravedad debe ser info, warning o high.</translation>
    </message>
</context>
<context>
    <name>PatientCommands</name>
    <message>
        <source>Print JSON.</source>
        <translation>Mostrar en JSON.</translation>
    </message>
    <message>
        <source>search needs the text to look for, e.g. frontdeskctl search &quot;mueller anna&quot;.</source>
        <translation>search necesita el texto que buscar, p. ej., frontdeskctl search &quot;mueller anna&quot;.</translation>
    </message>
    <message>
        <source>--limit must be a number from 1 to 1000.</source>
        <translation>--limit debe ser un número de 1 a 1000.</translation>
    </message>
    <message>
        <source>Indexed %1 patients in %2 s.</source>
        <translation>Se han indexado %1 pacientes en %2 s.</translation>
    </message>
    <message>
        <source>No patient matches &quot;%1&quot;.</source>
        <translation>Ningún paciente coincide con «%1».</translation>
    </message>
    <message>
        <source>import-fhir needs one FILE or DIR of FHIR R4 Bundles (.json).</source>
        <translation>import-fhir necesita un ARCHIVO o DIRECTORIO de Bundles FHIR R4 (.json).</translation>
    </message>
    <message numerus="yes">
        <source>%1: not imported (%n problem(s); nothing from this file was kept):</source>
        <translation>
            <numerusform>%1: no importado (%n problema; no se ha conservado nada de este archivo):</numerusform>
            <numerusform>%1: no importado (%n problemas; no se ha conservado nada de este archivo):</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: imported %2 (%3 new, %4 updated, %5 unchanged).</source>
        <translation>%1: %2 importados (%3 nuevos, %4 actualizados, %5 sin cambios).</translation>
    </message>
    <message>
        <source>not kept locally: %1</source>
        <translation>no conservado localmente: %1</translation>
    </message>
    <message>
        <source>%1 of %2 files were not imported.</source>
        <translation>%1 de %2 archivos no se importaron.</translation>
    </message>
    <message>
        <source>Wrote the record of patient %1 to %2.</source>
        <translation>Se ha escrito la historia del paciente %1 en %2.</translation>
    </message>
    <message>
        <source>--limit must be a positive number.</source>
        <translation>--limit debe ser un número positivo.</translation>
    </message>
    <message>
        <source>No possible duplicates.</source>
        <translation>No hay posibles duplicados.</translation>
    </message>
    <message>
        <source>merge needs --survivor ID and --merged ID.</source>
        <translation>merge necesita --survivor ID y --merged ID.</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot; in --take (fields: %2).</source>
        <translation>campo desconocido «%1» en --take (campos: %2).</translation>
    </message>
    <message>
        <source>Merged %1 into %2 (%3). Moved: %4.</source>
        <translation>%1 fusionado en %2 (%3). Movido: %4.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>Find patients by name, birth date, phone, MRN or e-mail, best match first.</source>
        <translation>Buscar pacientes por nombre, fecha de nacimiento, teléfono, NHC o correo electrónico, con la mejor coincidencia primero.</translation>
    </message>
    <message>
        <source>At most N results (default 20).</source>
        <translation>Como máximo N resultados (por defecto 20).</translation>
    </message>
    <message>
        <source>Rebuild the search index first (TEXT may then be left out).</source>
        <translation>Reconstruir primero el índice de búsqueda (TEXTO se puede omitir entonces).</translation>
    </message>
    <message>
        <source>Import FHIR R4 Bundles (as Synthea writes them) into the local database.</source>
        <translation>Importar Bundles FHIR R4 (tal como los escribe Synthea) en la base de datos local.</translation>
    </message>
    <message>
        <source>The patient&apos;s id.</source>
        <translation>El identificador del paciente.</translation>
    </message>
    <message>
        <source>List possible duplicate patients, most likely first.</source>
        <translation>Listar los posibles pacientes duplicados, los más probables primero.</translation>
    </message>
    <message>
        <source>At most N pairs (default 50).</source>
        <translation>Como máximo N pares (por defecto 50).</translation>
    </message>
    <message>
        <source>Merge a duplicate patient into the surviving record (kept as a link).</source>
        <translation>Fusionar un paciente duplicado en la historia que se conserva (se mantiene como vínculo).</translation>
    </message>
    <message>
        <source>The record that stays.</source>
        <translation>La historia que se conserva.</translation>
    </message>
    <message>
        <source>The record merged into it (kept as a link).</source>
        <translation>La historia fusionada en ella (se mantiene como vínculo).</translation>
    </message>
    <message>
        <source>Fields to take from the merged record, e.g. phoneMobile,email.</source>
        <translation>Campos que tomar de la historia fusionada, p. ej., phoneMobile,email.</translation>
    </message>
    <message>
        <source>--match-system needs an identifier system URI.</source>
        <translation>--match-system necesita la URI de un sistema de identificadores.</translation>
    </message>
    <message>
        <source>--max-size must be a number of MiB from 1 to 65536.</source>
        <translation>--max-size debe ser un número de MiB entre 1 y 65536.</translation>
    </message>
    <message>
        <source>Identifiers of this system are our MRNs too: a patient with one is the local patient of that MRN (may be repeated; our own MRN system always counts).</source>
        <translation>Los identificadores de este sistema también son nuestros NHC: un paciente con uno es el paciente local de ese NHC (se puede repetir; nuestro propio sistema siempre cuenta).</translation>
    </message>
    <message>
        <source>Refuse files larger than this many MiB (default 256).</source>
        <translation>Rechazar archivos de más de estos MiB (256 por defecto).</translation>
    </message>
    <message>
        <source>export-fhir needs either --patient ID (the id from search --json) or --all --output DIR.</source>
        <translation>export-fhir necesita --patient ID (el id de search --json) o bien --all --output DIR.</translation>
    </message>
    <message>
        <source>export-fhir --all needs --output DIR: it writes one file per patient.</source>
        <translation>export-fhir --all necesita --output DIR: escribe un archivo por paciente.</translation>
    </message>
    <message>
        <source>Could not create the directory %1.</source>
        <translation>No se pudo crear el directorio %1.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote the records of %n patient(s) to %1.</source>
        <translation>
            <numerusform>Se escribió la historia de %n paciente en %1.</numerusform>
            <numerusform>Se escribieron las historias de %n pacientes en %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Write one patient&apos;s record (or every patient&apos;s) as a FHIR R4 Bundle.</source>
        <translation>Escribir la historia de un paciente (o de todos) como Bundle FHIR R4.</translation>
    </message>
    <message>
        <source>Every patient, one file each in the directory --output names; needs --reason.</source>
        <translation>Todos los pacientes, un archivo cada uno en el directorio que indica --output; necesita --reason.</translation>
    </message>
    <message>
        <source>Why the clinical records are read (at least 5 characters, recorded in the audit trail): needed when the patient has no appointment today, and always with --all.</source>
        <translation>Por qué se leen los datos clínicos (al menos 5 caracteres, queda en el registro de auditoría): necesario si el paciente no tiene cita hoy, y siempre con --all.</translation>
    </message>
    <message>
        <source>Write to FILE (a directory with --all) instead of standard output.</source>
        <translation>Escribir en ARCHIVO (un directorio con --all) en lugar de la salida estándar.</translation>
    </message>
</context>
<context>
    <name>PatientMerge</name>
    <message>
        <source>MRN</source>
        <translation>NHC</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Teléfono móvil</translation>
    </message>
    <message>
        <source>Home phone</source>
        <translation>Teléfono fijo</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Idioma preferido</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>Canal preferido</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>Contacto de emergencia</translation>
    </message>
    <message>
        <source>Emergency contact relation</source>
        <translation>Relación del contacto de emergencia</translation>
    </message>
    <message>
        <source>Emergency contact phone</source>
        <translation>Teléfono del contacto de emergencia</translation>
    </message>
    <message>
        <source>A patient cannot be merged with itself.</source>
        <translation>Un paciente no se puede fusionar consigo mismo.</translation>
    </message>
    <message>
        <source>%1 (%2) was deleted.</source>
        <translation>%1 (%2) se ha eliminado.</translation>
    </message>
    <message>
        <source>%1 (%2) was already merged into another record.</source>
        <translation>%1 (%2) ya se fusionó en otra historia.</translation>
    </message>
    <message>
        <source>There is no patient field &quot;%1&quot; to choose.</source>
        <translation>No existe ningún campo de paciente «%1» que elegir.</translation>
    </message>
    <message>
        <source>The merge was not done: %1</source>
        <translation>No se ha realizado la fusión: %1</translation>
    </message>
</context>
<context>
    <name>PatientPhoto</name>
    <message>
        <source>The photo is empty.</source>
        <translation>La foto está vacía.</translation>
    </message>
    <message>
        <source>The photo is %1; at most %2 is allowed.</source>
        <translation>La foto ocupa %1; se permite como máximo %2.</translation>
    </message>
    <message>
        <source>The photo must be a JPEG or PNG image.</source>
        <translation>La foto debe ser una imagen JPEG o PNG.</translation>
    </message>
    <message>
        <source>A photo needs a patient.</source>
        <translation>Una foto necesita un paciente.</translation>
    </message>
</context>
<context>
    <name>PatientPhotoRepository</name>
    <message>
        <source>Could not store the photo: %1</source>
        <translation>No se pudo guardar la foto: %1</translation>
    </message>
</context>
<context>
    <name>PatientRecordMapping</name>
    <message>
        <source>code must hold the code %1 of %2: this Task is no recall.</source>
        <translation>code debe contener el código %1 de %2: esta Task no es un control periódico.</translation>
    </message>
    <message>
        <source>%1 is not base64.</source>
        <translation>%1 no está en base64.</translation>
    </message>
    <message>
        <source>contentType is &quot;%1&quot; but the data is %2.</source>
        <translation>contentType es «%1», pero los datos son %2.</translation>
    </message>
</context>
<context>
    <name>PatientReplies</name>
    <message>
        <source>The patient replied: “%1”. Mark it handled once answered.</source>
        <translation>El paciente respondió: «%1». Márquela como atendida una vez contestada.</translation>
    </message>
    <message>
        <source>Could not read the patients&apos; replies: %1</source>
        <translation>No se pudieron leer las respuestas de los pacientes: %1</translation>
    </message>
    <message>
        <source>Could not mark the reply handled: %1</source>
        <translation>No se pudo marcar la respuesta como atendida: %1</translation>
    </message>
</context>
<context>
    <name>PatientRepository</name>
    <message>
        <source>The MRN %1 already belongs to %2.</source>
        <translation>El NHC %1 ya pertenece a %2.</translation>
    </message>
</context>
<context>
    <name>PatientSearch</name>
    <message>
        <source>Could not update the patient search index: %1</source>
        <translation>No se pudo actualizar el índice de búsqueda de pacientes: %1</translation>
    </message>
    <message>
        <source>Could not rebuild the patient search index: %1</source>
        <translation>No se pudo reconstruir el índice de búsqueda de pacientes: %1</translation>
    </message>
    <message>
        <source>The patient search failed: %1</source>
        <translation>La búsqueda de pacientes ha fallado: %1</translation>
    </message>
</context>
<context>
    <name>PatientTimeline</name>
    <message>
        <source>Appointment</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>Seguro</translation>
    </message>
    <message>
        <source>Visit note</source>
        <translation>Nota de la visita</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 from the patient (%2, %3)</source>
        <translation>%1 del paciente (%2, %3)</translation>
    </message>
    <message>
        <source>%1 to the patient (%2, %3)</source>
        <translation>%1 al paciente (%2, %3)</translation>
    </message>
    <message>
        <source>Consent given: %1</source>
        <translation>Consentimiento otorgado: %1</translation>
    </message>
    <message>
        <source>Consent withdrawn: %1</source>
        <translation>Consentimiento revocado: %1</translation>
    </message>
    <message>
        <source>recorded by %1</source>
        <translation>registrado por %1</translation>
    </message>
    <message>
        <source>Insurance added: %1</source>
        <translation>Seguro añadido: %1</translation>
    </message>
    <message>
        <source>member %1</source>
        <translation>afiliado %1</translation>
    </message>
    <message>
        <source>Eligibility checked: %1</source>
        <translation>Cobertura comprobada: %1</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source> with %1</source>
        <translation> con %1</translation>
    </message>
    <message>
        <source>The visit notes were opened for another patient.</source>
        <translation>Las notas de la visita se abrieron para otro paciente.</translation>
    </message>
    <message>
        <source>%1 · patient replied</source>
        <comment>timeline: an appointment · a reply waits</comment>
        <translation>%1 · el paciente respondió</translation>
    </message>
</context>
<context>
    <name>PatientValidation</name>
    <message>
        <source>A patient needs a medical record number (MRN).</source>
        <translation>Un paciente necesita un número de historia clínica (NHC).</translation>
    </message>
    <message>
        <source>A patient needs a family name.</source>
        <translation>Un paciente necesita apellidos.</translation>
    </message>
    <message>
        <source>The birth date %1 is in the future.</source>
        <translation>La fecha de nacimiento %1 está en el futuro.</translation>
    </message>
    <message>
        <source>The birth date is before 1880.</source>
        <translation>La fecha de nacimiento es anterior a 1880.</translation>
    </message>
    <message>
        <source>Sex must be female, male, other or unknown; got &quot;%1&quot;.</source>
        <translation>El sexo debe ser female, male, other o unknown; se recibió «%1».</translation>
    </message>
    <message>
        <source>Enter a phone number of 6 to 15 digits, e.g. +49 170 1234567 or 0170 1234567.</source>
        <translation>Introduzca un número de teléfono de 6 a 15 dígitos, p. ej., +34 612 345 678 o 612 345 678.</translation>
    </message>
    <message>
        <source>Enter an e-mail address such as name@example.org.</source>
        <translation>Introduzca una dirección de correo como nombre@example.org.</translation>
    </message>
    <message>
        <source>E-mail is the preferred channel: enter an e-mail address.</source>
        <translation>El correo electrónico es el canal preferido: introduzca una dirección de correo.</translation>
    </message>
    <message>
        <source>SMS is the preferred channel: enter a mobile number.</source>
        <translation>El SMS es el canal preferido: introduzca un número de móvil.</translation>
    </message>
    <message>
        <source>Whose number is the emergency phone? Enter their name.</source>
        <translation>¿De quién es el teléfono de emergencia? Introduzca su nombre.</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>see the schedule</source>
        <translation>ver la agenda</translation>
    </message>
    <message>
        <source>book, move or check in appointments</source>
        <translation>reservar, mover o registrar la llegada de citas</translation>
    </message>
    <message>
        <source>see patients&apos; details</source>
        <translation>ver los datos de los pacientes</translation>
    </message>
    <message>
        <source>change patients&apos; details</source>
        <translation>cambiar los datos de los pacientes</translation>
    </message>
    <message>
        <source>see messages</source>
        <translation>ver los mensajes</translation>
    </message>
    <message>
        <source>send messages</source>
        <translation>enviar mensajes</translation>
    </message>
    <message>
        <source>see clinical summaries and notes</source>
        <translation>ver los resúmenes y notas clínicas</translation>
    </message>
    <message>
        <source>change clinical notes</source>
        <translation>cambiar las notas clínicas</translation>
    </message>
    <message>
        <source>see dashboards</source>
        <translation>ver los paneles</translation>
    </message>
    <message>
        <source>see the audit trail</source>
        <translation>ver el registro de auditoría</translation>
    </message>
    <message>
        <source>double-book a practitioner or room</source>
        <translation>reservar dos veces a un profesional o una sala</translation>
    </message>
    <message>
        <source>manage staff accounts</source>
        <translation>gestionar las cuentas de personal</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>cambiar los ajustes</translation>
    </message>
    <message>
        <source>wipe this workstation</source>
        <translation>borrar este puesto de trabajo</translation>
    </message>
    <message>
        <source>unlock another person&apos;s session</source>
        <translation>desbloquear la sesión de otra persona</translation>
    </message>
</context>
<context>
    <name>PractitionerRepository</name>
    <message>
        <source>A practitioner needs a family name.</source>
        <translation>Un profesional necesita apellidos.</translation>
    </message>
    <message>
        <source>The slot length must be between 5 and 240 minutes; got %1.</source>
        <translation>La duración del hueco debe estar entre 5 y 240 minutos; se recibió %1.</translation>
    </message>
</context>
<context>
    <name>ProcessHardening</name>
    <message>
        <source>Could not turn core dumps off (RLIMIT_CORE): %1</source>
        <translation>No se pudieron desactivar los volcados de memoria (RLIMIT_CORE): %1</translation>
    </message>
    <message>
        <source>Could not make the process non-dumpable: %1</source>
        <translation>No se pudo impedir los volcados del proceso: %1</translation>
    </message>
</context>
<context>
    <name>ProfileItemDialog</name>
    <message>
        <source>Alert</source>
        <translation>Alerta</translation>
    </message>
    <message>
        <source>e.g. Needs an interpreter (Turkish)</source>
        <translation>p. ej., Necesita un intérprete (turco)</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>High — shown first</source>
        <translation>Alta: se muestra primero</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Texto:</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>&amp;Gravedad:</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Otorgado</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Revocado</translation>
    </message>
    <message>
        <source>Attach scanned document…</source>
        <translation>Adjuntar documento escaneado…</translation>
    </message>
    <message>
        <source>Scanned consent</source>
        <translation>Consentimiento escaneado</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.png *.jpg *.jpeg *.tif)</source>
        <translation>Documentos (*.pdf *.png *.jpg *.jpeg *.tif)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>&amp;Consent to:</source>
        <translation>&amp;Consentimiento para:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>Documento:</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>Seguro</translation>
    </message>
    <message>
        <source>&amp;Payer:</source>
        <translation>&amp;Entidad pagadora:</translation>
    </message>
    <message>
        <source>&amp;Member id:</source>
        <translation>N.º de &amp;afiliado:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Grupo:</translation>
    </message>
    <message>
        <source>Valid &amp;from:</source>
        <translation>Válido &amp;desde:</translation>
    </message>
    <message>
        <source>Valid &amp;to:</source>
        <translation>Válido &amp;hasta:</translation>
    </message>
    <message>
        <source>&amp;Eligibility:</source>
        <translation>&amp;Cobertura:</translation>
    </message>
    <message>
        <source>Communication preference</source>
        <translation>Preferencia de comunicación</translation>
    </message>
    <message>
        <source>Appointment reminders</source>
        <translation>Recordatorios de citas</translation>
    </message>
    <message>
        <source>Administrative</source>
        <translation>Administrativo</translation>
    </message>
    <message>
        <source>Clinical results</source>
        <translation>Resultados clínicos</translation>
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
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Llamada telefónica</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>Opted out: send nothing for this purpose</source>
        <translation>Baja voluntaria: no enviar nada para esta finalidad</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Finalidad:</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Canal:</translation>
    </message>
    <message>
        <source>&amp;Quiet from:</source>
        <translation>&amp;Silencio desde:</translation>
    </message>
    <message>
        <source>Quiet &amp;until:</source>
        <translation>Silencio &amp;hasta:</translation>
    </message>
    <message>
        <source>Follow-ups after a visit</source>
        <translation>Seguimiento tras una visita</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>Encuestas</translation>
    </message>
    <message>
        <source>Recalls (check-ups due)</source>
        <translation>Controles periódicos (revisiones pendientes)</translation>
    </message>
</context>
<context>
    <name>RecallCommands</name>
    <message>
        <source>recall needs one sub-command: add, done, list, due or outreach.</source>
        <translation>recall necesita un subcomando: add, done, list, due u outreach.</translation>
    </message>
    <message>
        <source>--months must be a whole number from 1 to %1; got &quot;%2&quot;.</source>
        <translation>--months debe ser un número entero de 1 a %1; se recibió «%2».</translation>
    </message>
    <message>
        <source>recall outreach needs --template NAME, a template for recalls (frontdeskctl message templates lists them).</source>
        <translation>recall outreach necesita --template NOMBRE, una plantilla para controles periódicos (frontdeskctl message templates las enumera).</translation>
    </message>
    <message>
        <source>recall add needs --patient ID, --due DATE and --reason TEXT.</source>
        <translation>recall add necesita --patient ID, --due FECHA y --reason TEXTO.</translation>
    </message>
    <message>
        <source>--due &quot;%1&quot; is not a date written YYYY-MM-DD.</source>
        <translation>--due «%1» no es una fecha con el formato AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>recall done needs --recall ID.</source>
        <translation>recall done necesita --recall ID.</translation>
    </message>
    <message>
        <source>The recall %1 was deleted.</source>
        <translation>El control periódico %1 se ha eliminado.</translation>
    </message>
    <message>
        <source>The recall %1 is already %2.</source>
        <translation>El control periódico %1 ya está %2.</translation>
    </message>
    <message>
        <source>Recall %1 is done.</source>
        <translation>El control periódico %1 está hecho.</translation>
    </message>
    <message>
        <source>No recalls.</source>
        <translation>No hay controles periódicos.</translation>
    </message>
    <message>
        <source>call task</source>
        <translation>tarea de llamada</translation>
    </message>
    <message>
        <source>letter task</source>
        <translation>tarea de carta</translation>
    </message>
    <message>
        <source>not contacted</source>
        <translation>no contactado</translation>
    </message>
    <message>
        <source>Nobody is due for a recall on %1.</source>
        <translation>Nadie tiene un control periódico pendiente el %1.</translation>
    </message>
    <message>
        <source>%1 (%2)  due %3  %4  -&gt;  %5</source>
        <translation>%1 (%2)  vence %3  %4  -&gt;  %5</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Asunto: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2 queued (%3).</source>
        <translation>%1: %2 en cola (%3).</translation>
    </message>
    <message>
        <source>%1: call task made (%2).</source>
        <translation>%1: tarea de llamada creada (%2).</translation>
    </message>
    <message>
        <source>%1: letter task made (%2).</source>
        <translation>%1: tarea de carta creada (%2).</translation>
    </message>
    <message>
        <source>%1: not contacted: %2</source>
        <translation>%1: no contactado: %2</translation>
    </message>
    <message>
        <source>%1: failed, nothing was kept: %2</source>
        <translation>%1: error, no se guardó nada: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) queued for frontdesk-server to send</source>
        <translation>
            <numerusform>%n mensaje en cola para que frontdesk-server lo envíe</numerusform>
            <numerusform>%n mensajes en cola para que frontdesk-server los envíe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call or letter task(s) made</source>
        <translation>
            <numerusform>%n tarea de llamada o carta creada</numerusform>
            <numerusform>%n tareas de llamada o carta creadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) not contacted.</source>
        <translation>
            <numerusform>%n paciente no contactado.</numerusform>
            <numerusform>%n pacientes no contactados.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) could not be contacted; see above.</source>
        <translation>
            <numerusform>No se pudo contactar a %n paciente; véase arriba.</numerusform>
            <numerusform>No se pudo contactar a %n pacientes; véase arriba.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Mostrar en JSON.</translation>
    </message>
    <message>
        <source>Recalls (care gaps): who should come back by when, who is due today, and contacting them as a batch.</source>
        <translation>Controles periódicos (brechas de atención): quién debe volver y cuándo, quién tiene uno pendiente hoy, y contactarlos en un solo envío.</translation>
    </message>
    <message>
        <source>The patient&apos;s id.</source>
        <translation>El identificador del paciente.</translation>
    </message>
    <message>
        <source>Only this practitioner&apos;s.</source>
        <translation>Solo los de este profesional.</translation>
    </message>
    <message>
        <source>Due date (YYYY-MM-DD).</source>
        <translation>Fecha de vencimiento (AAAA-MM-DD).</translation>
    </message>
    <message>
        <source>Why the patient should come back.</source>
        <translation>Por qué debe volver el paciente.</translation>
    </message>
    <message>
        <source>The recall&apos;s id.</source>
        <translation>El identificador del control periódico.</translation>
    </message>
    <message>
        <source>Only open recalls that are overdue (care gaps).</source>
        <translation>Solo los controles abiertos vencidos (brechas de atención).</translation>
    </message>
    <message>
        <source>Also the patients with no visit for this many months and nothing booked.</source>
        <translation>También los pacientes sin visita desde hace tantos meses y sin cita reservada.</translation>
    </message>
    <message>
        <source>The recall template the messages are written from.</source>
        <translation>La plantilla de control periódico con la que se redactan los mensajes.</translation>
    </message>
    <message>
        <source>Show who would be contacted and the text each would read; contact nobody.</source>
        <translation>Mostrar a quién se contactaría y el texto que leería cada uno; no contactar a nadie.</translation>
    </message>
</context>
<context>
    <name>RecallOutreach</name>
    <message>
        <source>The template &quot;%1&quot; is deactivated.</source>
        <translation>La plantilla «%1» está desactivada.</translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; is for %2, not for recalls.</source>
        <translation>La plantilla «%1» es para %2, no para controles periódicos.</translation>
    </message>
    <message>
        <source>Call about the recall: %1</source>
        <translation>Llamar por el control periódico: %1</translation>
    </message>
    <message>
        <source>Send a letter about the recall: %1</source>
        <translation>Enviar una carta por el control periódico: %1</translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; is written for %2; this patient is written to by %3.</source>
        <translation>La plantilla «%1» está redactada para %2; a este paciente se le escribe por %3.</translation>
    </message>
    <message>
        <source>The months without a visit must be between 0 and %1.</source>
        <translation>Los meses sin visita deben estar entre 0 y %1.</translation>
    </message>
    <message>
        <source>No visit since %1.</source>
        <translation>Sin visita desde el %1.</translation>
    </message>
    <message numerus="yes">
        <source>No visit for %n month(s).</source>
        <translation>
            <numerusform>Sin visita desde hace %n mes.</numerusform>
            <numerusform>Sin visita desde hace %n meses.</numerusform>
        </translation>
    </message>
    <message>
        <source>The recall was contacted or closed meanwhile.</source>
        <translation>El control periódico se contactó o se cerró mientras tanto.</translation>
    </message>
</context>
<context>
    <name>RecallRepository</name>
    <message>
        <source>A recall needs a patient.</source>
        <translation>Un control periódico necesita un paciente.</translation>
    </message>
    <message>
        <source>A recall needs a due date.</source>
        <translation>Un control periódico necesita una fecha de vencimiento.</translation>
    </message>
    <message>
        <source>Unknown recall status &quot;%1&quot; (open, done or cancelled).</source>
        <translation>Estado de control desconocido «%1» (open, done o cancelled).</translation>
    </message>
    <message>
        <source>There is no patient with the id %1.</source>
        <translation>No hay ningún paciente con el identificador %1.</translation>
    </message>
    <message>
        <source>There is no practitioner with the id %1.</source>
        <translation>No hay ningún profesional con el identificador %1.</translation>
    </message>
    <message>
        <source>The recall %1 was deleted.</source>
        <translation>El control periódico %1 se ha eliminado.</translation>
    </message>
    <message>
        <source>The recall %1 is already %2.</source>
        <translation>El control periódico %1 ya está %2.</translation>
    </message>
    <message>
        <source>Unknown kind of task &quot;%1&quot; (recall, call, letter or offer).</source>
        <translation>Tipo de tarea desconocido «%1» (recall, call, letter u offer).</translation>
    </message>
    <message>
        <source>A recall&apos;s contact needs both its time and its channel (SMS, e-mail, call or letter).</source>
        <translation>El contacto de un control periódico necesita su hora y su canal (SMS, correo electrónico, llamada o carta).</translation>
    </message>
</context>
<context>
    <name>RecordStore</name>
    <message>
        <source>%1 has no field %2.</source>
        <translation>%1 no tiene el campo %2.</translation>
    </message>
    <message>
        <source>Could not save the new %1: %2</source>
        <translation>No se pudo guardar el nuevo elemento %1: %2</translation>
    </message>
    <message>
        <source>The %1 %2 no longer exists.</source>
        <translation>El elemento %1 %2 ya no existe.</translation>
    </message>
    <message>
        <source>This %1 was changed by someone else since it was opened (version %2, now %3). Reopen it to see their change, then edit again.</source>
        <translation>Otra persona ha cambiado este elemento (%1) desde que se abrió (versión %2, ahora %3). Vuelva a abrirlo para ver el cambio y edítelo de nuevo.</translation>
    </message>
    <message>
        <source>Could not save the %1: %2</source>
        <translation>No se pudo guardar el elemento %1: %2</translation>
    </message>
    <message>
        <source>The %1 %2 does not exist.</source>
        <translation>El elemento %1 %2 no existe.</translation>
    </message>
    <message>
        <source>This %1 was changed by someone else since it was opened; reopen it before deleting.</source>
        <translation>Otra persona ha cambiado este elemento (%1) desde que se abrió; vuelva a abrirlo antes de eliminarlo.</translation>
    </message>
    <message>
        <source>Could not delete the %1: %2</source>
        <translation>No se pudo eliminar el elemento %1: %2</translation>
    </message>
    <message>
        <source>The %1 %2 that this %3 belongs to does not exist.</source>
        <translation>El registro %1 %2 al que pertenece este registro (%3) no existe.</translation>
    </message>
</context>
<context>
    <name>Recurrence</name>
    <message>
        <source>A series needs a first date.</source>
        <translation>Una serie necesita una primera fecha.</translation>
    </message>
    <message>
        <source>A series repeats every 1 to 52 weeks or months; got %1.</source>
        <translation>Una serie se repite cada 1 a 52 semanas o meses; se recibió %1.</translation>
    </message>
    <message>
        <source>A series ends either on a date or after a number of appointments.</source>
        <translation>Una serie termina en una fecha o tras un número de citas.</translation>
    </message>
    <message>
        <source>A series can have at most %1 appointments.</source>
        <translation>Una serie puede tener como máximo %1 citas.</translation>
    </message>
    <message>
        <source>The number of appointments must be positive.</source>
        <translation>El número de citas debe ser positivo.</translation>
    </message>
    <message>
        <source>The series would end (%1) before it starts (%2).</source>
        <translation>La serie terminaría (%1) antes de empezar (%2).</translation>
    </message>
    <message>
        <source>The series would have more than %1 appointments; end it sooner.</source>
        <translation>La serie tendría más de %1 citas; hágala terminar antes.</translation>
    </message>
    <message>
        <source>The time of day must lie within the day.</source>
        <translation>La hora debe estar dentro del día.</translation>
    </message>
    <message>
        <source>An appointment must last at least a minute.</source>
        <translation>Una cita debe durar al menos un minuto.</translation>
    </message>
</context>
<context>
    <name>Repository</name>
    <message>
        <source>No %1 with id %2.</source>
        <translation>No hay ningún elemento %1 con el identificador %2.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Receptionist</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation>Enfermería</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Gerencia</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
</context>
<context>
    <name>ScheduleCommands</name>
    <message>
        <source>&quot;%1&quot; is not an ISO 8601 date and time (e.g. 2026-05-04T09:00 or 2026-05-04T07:00:00Z).</source>
        <translation>«%1» no es una fecha y hora ISO 8601 (p. ej., 2026-05-04T09:00 o 2026-05-04T07:00:00Z).</translation>
    </message>
    <message>
        <source>%1 does not exist in %2 (the clocks skip it for daylight saving time).</source>
        <translation>%1 no existe en %2 (los relojes la saltan por el cambio de hora).</translation>
    </message>
    <message>
        <source>book needs --patient ID, --practitioner ID, --start ISO8601 and --minutes N.</source>
        <translation>book necesita --patient ID, --practitioner ID, --start ISO8601 y --minutes N.</translation>
    </message>
    <message>
        <source>--minutes must be a whole number from 1 to 1440.</source>
        <translation>--minutes debe ser un número entero de 1 a 1440.</translation>
    </message>
    <message>
        <source>book needs --minutes N (or --type with a known type).</source>
        <translation>book necesita --minutes N (o --type con un tipo conocido).</translation>
    </message>
    <message>
        <source>unknown appointment type &quot;%1&quot;.</source>
        <translation>tipo de cita desconocido «%1».</translation>
    </message>
    <message>
        <source>slots needs --practitioner ID|any, --from ISO8601, --minutes N and --count K.</source>
        <translation>slots necesita --practitioner ID|any, --from ISO8601, --minutes N y --count K.</translation>
    </message>
    <message>
        <source>--count must be a whole number from 1 to 1000.</source>
        <translation>--count debe ser un número entero de 1 a 1000.</translation>
    </message>
    <message>
        <source>--weekdays takes numbers from 1 (Monday) to 7 (Sunday), e.g. 1,3,5.</source>
        <translation>--weekdays admite números del 1 (lunes) al 7 (domingo), p. ej., 1,3,5.</translation>
    </message>
    <message>
        <source>--between takes time windows like 08:00-12:00,14:00-16:00.</source>
        <translation>--between admite franjas horarias como 08:00-12:00,14:00-16:00.</translation>
    </message>
    <message>
        <source>No free slot in the next 120 days.</source>
        <translation>No hay ningún hueco libre en los próximos 120 días.</translation>
    </message>
    <message>
        <source>day needs --date YYYY-MM-DD.</source>
        <translation>day necesita --date AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>--date must be a date as YYYY-MM-DD.</source>
        <translation>--date debe ser una fecha con el formato AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>status needs --appointment ID and either --to STATUS or --revert.</source>
        <translation>status necesita --appointment ID y --to ESTADO o --revert.</translation>
    </message>
    <message>
        <source>unknown status &quot;%1&quot;; one of booked, confirmed, arrived, in-room, completed, cancelled, no-show.</source>
        <translation>estado desconocido «%1»; uno de booked, confirmed, arrived, in-room, completed, cancelled, no-show.</translation>
    </message>
    <message>
        <source>--by is patient or clinic.</source>
        <translation>--by es patient o clinic.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Mostrar en JSON.</translation>
    </message>
    <message>
        <source>Books an appointment; prints its id (exit 3 on a conflict, naming it)</source>
        <translation>Reserva una cita e imprime su identificador (código de salida 3 si hay un conflicto, que se indica)</translation>
    </message>
    <message>
        <source>The patient&apos;s id.</source>
        <translation>El identificador del paciente.</translation>
    </message>
    <message>
        <source>The practitioner&apos;s id.</source>
        <translation>El identificador del profesional.</translation>
    </message>
    <message>
        <source>Start, ISO 8601; without an offset in the clinic&apos;s time zone.</source>
        <translation>Inicio, ISO 8601; sin desfase, en la zona horaria de la clínica.</translation>
    </message>
    <message>
        <source>Length in minutes (default: the type&apos;s).</source>
        <translation>Duración en minutos (por defecto: la del tipo).</translation>
    </message>
    <message>
        <source>Appointment type code, e.g. consultation.</source>
        <translation>Código del tipo de cita, p. ej., consultation.</translation>
    </message>
    <message>
        <source>The room&apos;s id.</source>
        <translation>El identificador de la sala.</translation>
    </message>
    <message>
        <source>Reason for the visit.</source>
        <translation>Motivo de la visita.</translation>
    </message>
    <message>
        <source>Book over a conflict (managers; audited).</source>
        <translation>Reservar pese a un conflicto (gerencia; auditado).</translation>
    </message>
    <message>
        <source>Lists the next free slots</source>
        <translation>Lista los próximos huecos libres</translation>
    </message>
    <message>
        <source>A practitioner&apos;s id, or any.</source>
        <translation>El identificador de un profesional, o any.</translation>
    </message>
    <message>
        <source>Earliest start, ISO 8601.</source>
        <translation>Inicio más temprano, ISO 8601.</translation>
    </message>
    <message>
        <source>Length wanted.</source>
        <translation>Duración deseada.</translation>
    </message>
    <message>
        <source>How many slots.</source>
        <translation>Cuántos huecos.</translation>
    </message>
    <message>
        <source>Preferred weekdays, 1 = Monday, e.g. 1,3.</source>
        <translation>Días de la semana preferidos, 1 = lunes, p. ej., 1,3.</translation>
    </message>
    <message>
        <source>Preferred times of day, e.g. 08:00-12:00.</source>
        <translation>Horas del día preferidas, p. ej., 08:00-12:00.</translation>
    </message>
    <message>
        <source>Leave out times the patient is booked elsewhere.</source>
        <translation>Omitir las horas en las que el paciente tiene otra cita.</translation>
    </message>
    <message>
        <source>Lists one day&apos;s appointments</source>
        <translation>Lista las citas de un día</translation>
    </message>
    <message>
        <source>The day, in the clinic&apos;s time zone.</source>
        <translation>El día, en la zona horaria de la clínica.</translation>
    </message>
    <message>
        <source>Only this practitioner&apos;s.</source>
        <translation>Solo los de este profesional.</translation>
    </message>
    <message>
        <source>Changes an appointment&apos;s status (exit 3 when not allowed)</source>
        <translation>Cambia el estado de una cita (código de salida 3 si no está permitido)</translation>
    </message>
    <message>
        <source>The appointment&apos;s id.</source>
        <translation>El identificador de la cita.</translation>
    </message>
    <message>
        <source>booked, confirmed, arrived, in-room, completed, cancelled, no-show.</source>
        <translation>booked, confirmed, arrived, in-room, completed, cancelled, no-show.</translation>
    </message>
    <message>
        <source>Why (needed to cancel).</source>
        <translation>Por qué (necesario para cancelar).</translation>
    </message>
    <message>
        <source>Who cancelled: patient or clinic (default clinic).</source>
        <translation>Quién canceló: patient o clinic (por defecto clinic).</translation>
    </message>
    <message>
        <source>Take back the latest status change.</source>
        <translation>Deshacer el último cambio de estado.</translation>
    </message>
</context>
<context>
    <name>ScheduleExceptionRepository</name>
    <message>
        <source>Time off must end after it starts.</source>
        <translation>Una ausencia debe terminar después de empezar.</translation>
    </message>
    <message>
        <source>Leave belongs to a practitioner; choose one.</source>
        <translation>Una ausencia pertenece a un profesional; elija uno.</translation>
    </message>
</context>
<context>
    <name>ScheduleLoader</name>
    <message>
        <source>Choose a valid day and from 1 to 31 days.</source>
        <translation>Elija un día válido y de 1 a 31 días.</translation>
    </message>
</context>
<context>
    <name>ScheduleMapping</name>
    <message>
        <source>The extension %1 names no status Frontdesk knows: &quot;%2&quot;.</source>
        <translation>La extensión %1 no nombra ningún estado que Frontdesk conozca: «%2».</translation>
    </message>
    <message>
        <source>status must be one of proposed, pending, booked, arrived, checked-in, fulfilled, cancelled, noshow; got &quot;%1&quot;.</source>
        <translation>status debe ser uno de proposed, pending, booked, arrived, checked-in, fulfilled, cancelled, noshow; se recibió «%1».</translation>
    </message>
    <message>
        <source>end must be after start.</source>
        <translation>end debe ser posterior a start.</translation>
    </message>
    <message>
        <source>participant.actor.reference must read TYPE/ID; got &quot;%1&quot;.</source>
        <translation>participant.actor.reference debe tener la forma TIPO/ID; se recibió «%1».</translation>
    </message>
    <message>
        <source>A participant must be a Patient, Practitioner or Location; got &quot;%1&quot;.</source>
        <translation>Un participante debe ser un Patient, Practitioner o Location; se recibió «%1».</translation>
    </message>
    <message>
        <source>An appointment needs a Patient and a Practitioner participant.</source>
        <translation>Una cita necesita un participante Patient y uno Practitioner.</translation>
    </message>
    <message>
        <source>A Practitioner needs name[0].family.</source>
        <translation>Un Practitioner necesita name[0].family.</translation>
    </message>
    <message>
        <source>The slot length (%1) must be 5 to 240 minutes.</source>
        <translation>La duración de la franja (%1) debe ser de 5 a 240 minutos.</translation>
    </message>
    <message>
        <source>A Location needs a name.</source>
        <translation>Una Location necesita un nombre.</translation>
    </message>
    <message>
        <source>status must be active, suspended or inactive; got &quot;%1&quot;.</source>
        <translation>status debe ser active, suspended o inactive; se recibió «%1».</translation>
    </message>
    <message>
        <source>A Slot is time off only with status busy-unavailable; got &quot;%1&quot;.</source>
        <translation>Un Slot solo es una ausencia con el estado busy-unavailable; se recibió «%1».</translation>
    </message>
    <message>
        <source>A Slot needs a schedule: Schedule/ID of the practitioner, or a display alone for the whole clinic.</source>
        <translation>Un Slot necesita un schedule: Schedule/ID del profesional, o solo un display para toda la clínica.</translation>
    </message>
    <message>
        <source>schedule.reference must read Schedule/ID; got &quot;%1&quot;.</source>
        <translation>schedule.reference debe tener la forma Schedule/ID; se recibió «%1».</translation>
    </message>
    <message>
        <source>The extension %1 must be holiday, leave or blocked; got &quot;%2&quot;.</source>
        <translation>La extensión %1 debe ser holiday, leave o blocked; se recibió «%2».</translation>
    </message>
</context>
<context>
    <name>ServerAccounts</name>
    <message>
        <source>The server&apos;s list of staff accounts is not usable: %1</source>
        <translation>La lista de cuentas de personal del servidor no se puede usar: %1</translation>
    </message>
    <message>
        <source>The server&apos;s list of staff accounts gives %1 the unknown role &quot;%2&quot;; no account was changed here.</source>
        <translation>La lista de cuentas de personal del servidor asigna a %1 el rol desconocido «%2»; aquí no se ha modificado ninguna cuenta.</translation>
    </message>
    <message>
        <source>The server accepted the password of %1, but it could not be kept here: %2</source>
        <translation>El servidor aceptó la contraseña de %1, pero no se pudo guardar aquí: %2</translation>
    </message>
    <message>
        <source>The staff accounts from the server could not be written here: %1</source>
        <translation>Las cuentas de personal del servidor no se pudieron guardar aquí: %1</translation>
    </message>
</context>
<context>
    <name>ServerConnection</name>
    <message>
        <source>The server refused the sign-in (401): %1</source>
        <translation>El servidor rechazó el inicio de sesión (401): %1</translation>
    </message>
    <message>
        <source>The server refused this (403): %1</source>
        <translation>El servidor lo rechazó (403): %1</translation>
    </message>
    <message>
        <source>The server answered %1: %2</source>
        <translation>El servidor respondió %1: %2</translation>
    </message>
    <message>
        <source>This connection has no workstation credential.</source>
        <translation>Esta conexión no tiene credenciales de puesto de trabajo.</translation>
    </message>
    <message>
        <source>The server gave no token for the workstation.</source>
        <translation>El servidor no entregó ningún token para el puesto de trabajo.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to %1 %2 is not a JSON object.</source>
        <translation>La respuesta del servidor a %1 %2 no es un objeto JSON.</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read: %2</source>
        <translation>No se puede leer el archivo de CA %1: %2</translation>
    </message>
    <message>
        <source>The CA file %1 holds no PEM certificate.</source>
        <translation>El archivo de CA %1 no contiene ningún certificado PEM.</translation>
    </message>
    <message>
        <source>The server&apos;s public key (sha256 %1) is not the pinned one (%2): this may not be your server. Nothing was sent.</source>
        <translation>La clave pública del servidor (sha256 %1) no es la fijada (%2): puede que no sea su servidor. No se envió nada.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>TLS with %1 failed: %2</source>
        <translation>El TLS con %1 falló: %2</translation>
    </message>
    <message>
        <source>The server at %1 did not answer within %2 seconds.</source>
        <translation>El servidor en %1 no respondió en %2 segundos.</translation>
    </message>
    <message>
        <source>The server at %1 cannot be reached: %2</source>
        <translation>No se puede contactar con el servidor en %1: %2</translation>
    </message>
    <message>
        <source>No answer from %1: %2</source>
        <translation>Ninguna respuesta de %1: %2</translation>
    </message>
</context>
<context>
    <name>ServerCopy</name>
    <message>
        <source>%1 has no field %2.</source>
        <translation>%1 no tiene el campo %2.</translation>
    </message>
    <message>
        <source>Could not save the %1 from the server: %2</source>
        <translation>No se pudo guardar %1 del servidor: %2</translation>
    </message>
</context>
<context>
    <name>ServerEndpoint</name>
    <message>
        <source>&quot;%1&quot; is not a server address such as https://fd.clinic.example:8443.</source>
        <translation>«%1» no es una dirección de servidor como https://fd.clinic.example:8443.</translation>
    </message>
    <message>
        <source>%1 is plain HTTP: everything, passwords included, would cross the network readable. Use https://, or --insecure-http for development only.</source>
        <translation>%1 es HTTP sin cifrar: todo, contraseñas incluidas, cruzaría la red legible. Use https://, o --insecure-http solo para desarrollo.</translation>
    </message>
    <message>
        <source>%1 is not an https:// address.</source>
        <translation>%1 no es una dirección https://.</translation>
    </message>
    <message>
        <source>The server address takes no user, query or fragment: %1</source>
        <translation>La dirección del servidor no admite usuario, consulta ni fragmento: %1</translation>
    </message>
    <message>
        <source>The pin &quot;%1&quot; is not a base64 SHA-256 (44 characters ending in &apos;=&apos;), e.g. from: openssl x509 -in server.pem -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64</source>
        <translation>El pin «%1» no es un SHA-256 en base64 (44 caracteres que terminan en &apos;=&apos;), p. ej. obtenido con: openssl x509 -in server.pem -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64</translation>
    </message>
    <message>
        <source>This workstation is not enrolled with a server: frontdeskctl enroll --server URL --user ADMIN, or Workstation → Connect to server…</source>
        <translation>Este puesto de trabajo no está inscrito en ningún servidor: frontdeskctl enroll --server URL --user ADMIN, o Puesto de trabajo → Conectar con el servidor…</translation>
    </message>
</context>
<context>
    <name>ServerSignIn</name>
    <message>
        <source>The server&apos;s answer names no known role.</source>
        <translation>La respuesta del servidor no indica ningún rol conocido.</translation>
    </message>
</context>
<context>
    <name>SharedSettings</name>
    <message>
        <source>The setting %1 must be a whole number from %2 to %3; got &quot;%4&quot;.</source>
        <translation>El ajuste %1 debe ser un número entero de %2 a %3; se recibió «%4».</translation>
    </message>
    <message>
        <source>The clinic&apos;s name is longer than 200 characters.</source>
        <translation>El nombre de la consulta tiene más de 200 caracteres.</translation>
    </message>
    <message>
        <source>The clinic&apos;s phone number &quot;%1&quot; is not a phone number.</source>
        <translation>El teléfono de la consulta «%1» no es un número de teléfono.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time zone; use its IANA name, e.g. Europe/Berlin.</source>
        <translation>«%1» no es una zona horaria; use su nombre IANA, p. ej., Europe/Madrid.</translation>
    </message>
    <message>
        <source>The phone country code must be 1 to 3 digits, e.g. 49; got &quot;%1&quot;.</source>
        <translation>El prefijo del país debe tener de 1 a 3 cifras, p. ej., 34; se recibió «%1».</translation>
    </message>
    <message>
        <source>%1 is not a setting of the clinic.</source>
        <translation>%1 no es un ajuste de la consulta.</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation>El nombre de usuario o la contraseña no son correctos.</translation>
    </message>
</context>
<context>
    <name>SqlCipherResult</name>
    <message>
        <source>The database connection is closed.</source>
        <translation>La conexión con la base de datos está cerrada.</translation>
    </message>
    <message>
        <source>The statement is too long.</source>
        <translation>La instrucción es demasiado larga.</translation>
    </message>
    <message>
        <source>Unable to prepare the statement</source>
        <translation>No se pudo preparar la instrucción</translation>
    </message>
    <message>
        <source>The query contains no SQL statement.</source>
        <translation>La consulta no contiene ninguna instrucción SQL.</translation>
    </message>
    <message>
        <source>The query contains more than one statement; the QSQLCIPHER driver runs one statement at a time.</source>
        <translation>La consulta contiene más de una instrucción; el controlador QSQLCIPHER ejecuta una instrucción cada vez.</translation>
    </message>
    <message>
        <source>The query was not prepared.</source>
        <translation>La consulta no se ha preparado.</translation>
    </message>
    <message>
        <source>The statement has %1 placeholders, but %2 values were bound.</source>
        <translation>La instrucción tiene %1 marcadores, pero se vincularon %2 valores.</translation>
    </message>
    <message>
        <source>Cannot bind a value of type %1 to placeholder %2.</source>
        <translation>No se puede vincular un valor de tipo %1 al marcador %2.</translation>
    </message>
    <message>
        <source>Unable to bind placeholder %1</source>
        <translation>No se pudo vincular el marcador %1</translation>
    </message>
    <message>
        <source>Unable to execute the statement</source>
        <translation>No se pudo ejecutar la instrucción</translation>
    </message>
    <message>
        <source>Unable to fetch the next row</source>
        <translation>No se pudo obtener la fila siguiente</translation>
    </message>
</context>
<context>
    <name>StaffAccountRepository</name>
    <message>
        <source>A user name has 2 to 64 letters, digits, dots, dashes or underscores and starts with a letter or digit; &quot;%1&quot; does not.</source>
        <translation>Un nombre de usuario tiene de 2 a 64 letras, dígitos, puntos, guiones o guiones bajos y empieza por una letra o un dígito; «%1» no lo cumple.</translation>
    </message>
    <message>
        <source>There is already an account named %1.</source>
        <translation>Ya existe una cuenta llamada %1.</translation>
    </message>
    <message>
        <source>Could not save the account %1: %2</source>
        <translation>No se pudo guardar la cuenta %1: %2</translation>
    </message>
    <message>
        <source>Could not save the password of %1: %2</source>
        <translation>No se pudo guardar la contraseña de %1: %2</translation>
    </message>
    <message>
        <source>There is no account named %1.</source>
        <translation>No existe ninguna cuenta llamada %1.</translation>
    </message>
    <message>
        <source>%1 is the last active administrator; make another administrator first, or nobody could manage accounts.</source>
        <translation>%1 es el último administrador activo; nombre antes a otro administrador o nadie podría gestionar las cuentas.</translation>
    </message>
    <message>
        <source>%1 is the last active administrator; make another administrator first.</source>
        <translation>%1 es el último administrador activo; nombre antes a otro administrador.</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <source>The data directory (default: %1).</source>
        <translation>El directorio de datos (por defecto: %1).</translation>
    </message>
    <message>
        <source>Keep the database key in this file (mode 0600) instead of the OS keychain. Weaker: for test and demo machines.</source>
        <translation>Guardar la clave de la base de datos en este archivo (modo 0600) en lugar del llavero del sistema. Menos seguro: para equipos de prueba y demostración.</translation>
    </message>
    <message>
        <source>Start on this view: %1.</source>
        <translation>Empezar en esta vista: %1.</translation>
    </message>
    <message>
        <source>Frontdesk, the front desk of a clinic.</source>
        <translation>Frontdesk, la recepción de una clínica.</translation>
    </message>
    <message>
        <source>Frontdesk</source>
        <translation>Frontdesk</translation>
    </message>
    <message>
        <source>%1
Run frontdesk --help for the options.</source>
        <translation>%1
Ejecute frontdesk --help para ver las opciones.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;. Run frontdesk --help for the options.</source>
        <translation>Argumento inesperado «%1». Ejecute frontdesk --help para ver las opciones.</translation>
    </message>
    <message>
        <source>Unknown view &quot;%1&quot;; choose one of %2.</source>
        <translation>Vista desconocida «%1»; elija una de %2.</translation>
    </message>
    <message>
        <source>Frontdesk could not open its database in %1.

%2</source>
        <translation>Frontdesk no pudo abrir su base de datos en %1.

%2</translation>
    </message>
    <message>
        <source>This workstation could not be wiped: %1</source>
        <translation>No se pudo borrar este puesto de trabajo: %1</translation>
    </message>
    <message>
        <source>This workstation was wiped: its database and key are gone. Frontdesk starts again as new.</source>
        <translation>Este puesto de trabajo se ha borrado: su base de datos y su clave ya no existen. Frontdesk vuelve a empezar como nuevo.</translation>
    </message>
    <message>
        <source>This workstation is not enrolled with a server (Workstation → Connect to Server…).</source>
        <translation>Este puesto no está inscrito en ningún servidor (Puesto de trabajo → Conectar con el servidor…).</translation>
    </message>
</context>
<context>
    <name>StatusHistoryRepository</name>
    <message>
        <source>The status history is never rewritten; record a revert instead.</source>
        <translation>El historial de estados nunca se reescribe; registre una reversión en su lugar.</translation>
    </message>
    <message>
        <source>A status change belongs to an appointment.</source>
        <translation>Un cambio de estado pertenece a una cita.</translation>
    </message>
</context>
<context>
    <name>StatusTransitions</name>
    <message>
        <source>Say why the appointment is cancelled.</source>
        <translation>Indique por qué se cancela la cita.</translation>
    </message>
    <message>
        <source>Say who cancelled the appointment: the patient or the clinic.</source>
        <translation>Indique quién canceló la cita: el paciente o la clínica.</translation>
    </message>
    <message>
        <source>Only a cancellation names who cancelled.</source>
        <translation>Solo una cancelación indica quién canceló.</translation>
    </message>
    <message>
        <source>A patient can only be marked as not having come once the appointment has begun.</source>
        <translation>Un paciente solo se puede marcar como no presentado una vez empezada la cita.</translation>
    </message>
    <message>
        <source>The appointment is already “%1”.</source>
        <translation>La cita ya tiene el estado «%1».</translation>
    </message>
    <message>
        <source>The appointment is “%1”, which is final: it cannot become “%2”. If the status was set by mistake, revert it.</source>
        <translation>La cita tiene el estado «%1», que es definitivo: no puede pasar a «%2». Si el estado se puso por error, reviértalo.</translation>
    </message>
    <message>
        <source>An appointment that is “%1” cannot become “%2”.</source>
        <translation>Una cita en estado «%1» no puede pasar a «%2».</translation>
    </message>
</context>
<context>
    <name>SurveyAnswerMapping</name>
    <message>
        <source>questionnaire must be %1.</source>
        <translation>questionnaire debe ser %1.</translation>
    </message>
    <message>
        <source>item %1 is missing.</source>
        <translation>falta item %1.</translation>
    </message>
</context>
<context>
    <name>SurveyAnswerRepository</name>
    <message>
        <source>A survey answer needs a patient.</source>
        <translation>Una respuesta a la encuesta necesita un paciente.</translation>
    </message>
    <message>
        <source>A survey answer is a score from %1 to %2; got %3.</source>
        <translation>Una respuesta a la encuesta es una puntuación del %1 al %2; se recibió %3.</translation>
    </message>
    <message>
        <source>A survey answer needs the time it was given.</source>
        <translation>Una respuesta a la encuesta necesita la hora en que se dio.</translation>
    </message>
</context>
<context>
    <name>SurveyCommands</name>
    <message>
        <source>survey needs one sub-command: record or visits.</source>
        <translation>survey necesita un subcomando: record o visits.</translation>
    </message>
    <message>
        <source>survey %1 needs --patient ID.</source>
        <translation>survey %1 necesita --patient ID.</translation>
    </message>
    <message>
        <source>survey record needs --patient ID, --appointment ID and --score N.</source>
        <translation>survey record necesita --patient ID, --appointment ID y --score N.</translation>
    </message>
    <message>
        <source>--score must be a whole number from %1 (poor) to %2 (very good); got &quot;%3&quot;.</source>
        <translation>--score debe ser un número entero del %1 (malo) al %2 (muy bueno); se recibió «%3».</translation>
    </message>
    <message numerus="yes">
        <source>No completed visit in the last %n day(s).</source>
        <translation>
            <numerusform>Ninguna visita finalizada en el último %n día.</numerusform>
            <numerusform>Ninguna visita finalizada en los últimos %n días.</numerusform>
        </translation>
    </message>
    <message>
        <source>answered %1</source>
        <translation>respondida: %1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>sin respuesta</translation>
    </message>
    <message>
        <source>no survey sent</source>
        <translation>ninguna encuesta enviada</translation>
    </message>
    <message>
        <source>survey sent</source>
        <translation>encuesta enviada</translation>
    </message>
    <message>
        <source>Survey answer %1 replaced: %2 of 5.</source>
        <translation>Respuesta a la encuesta %1 sustituida: %2 de 5.</translation>
    </message>
    <message>
        <source>Survey answer %1 recorded: %2 of 5.</source>
        <translation>Respuesta a la encuesta %1 registrada: %2 de 5.</translation>
    </message>
    <message>
        <source>A follow-up&apos;s survey answered by phone: the visits it may be about, and recording the answer.</source>
        <translation>Encuesta de un seguimiento respondida por teléfono: las visitas a las que puede referirse y el registro de la respuesta.</translation>
    </message>
    <message>
        <source>The patient&apos;s id.</source>
        <translation>El identificador del paciente.</translation>
    </message>
    <message>
        <source>The completed visit the answer is about.</source>
        <translation>La visita finalizada a la que se refiere la respuesta.</translation>
    </message>
    <message>
        <source>The answer, from 1 (poor) to 5 (very good).</source>
        <translation>La respuesta, del 1 (malo) al 5 (muy bueno).</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Mostrar en JSON.</translation>
    </message>
</context>
<context>
    <name>SurveyEntry</name>
    <message>
        <source>A survey answer is a score from %1 to %2, not %3.</source>
        <translation>Una respuesta a la encuesta es una puntuación del %1 al %2, no %3.</translation>
    </message>
    <message>
        <source>The appointment %1 is not one of this patient&apos;s.</source>
        <translation>La cita %1 no es de este paciente.</translation>
    </message>
    <message>
        <source>The appointment is not a completed visit (it is %1): a survey asks about a visit that took place.</source>
        <translation>La cita no es una visita finalizada (estado: %1): una encuesta pregunta por una visita que tuvo lugar.</translation>
    </message>
</context>
<context>
    <name>SyncCommands</name>
    <message>
        <source>No password for %1 on standard input.</source>
        <translation>No hay contraseña para %1 en la entrada estándar.</translation>
    </message>
    <message>
        <source>Password for %1 at %2: </source>
        <translation>Contraseña de %1 en %2: </translation>
    </message>
    <message>
        <source>There is no terminal to ask %1&apos;s password on; give it on standard input.</source>
        <translation>No hay ningún terminal en el que pedir la contraseña de %1; indíquela en la entrada estándar.</translation>
    </message>
    <message>
        <source>reachable; it accepts this workstation&apos;s credential</source>
        <translation>accesible; acepta las credenciales de este puesto de trabajo</translation>
    </message>
    <message>
        <source>This workstation is not enrolled with a server.</source>
        <translation>Este puesto de trabajo no está inscrito en ningún servidor.</translation>
    </message>
    <message>
        <source>Server:       %1</source>
        <translation>Servidor:        %1</translation>
    </message>
    <message>
        <source>Workstation:  %1 (%2)</source>
        <translation>Puesto:          %1 (%2)</translation>
    </message>
    <message>
        <source>Enrolled:     %1 by %2</source>
        <translation>Inscrito:        %1 por %2</translation>
    </message>
    <message>
        <source>Trust:        %1</source>
        <translation>Confianza:       %1</translation>
    </message>
    <message>
        <source>INSECURE (development): plain HTTP and unverified certificates accepted</source>
        <translation>INSEGURO (desarrollo): se aceptan HTTP sin cifrar y certificados no verificados</translation>
    </message>
    <message>
        <source>the system&apos;s CAs</source>
        <translation>las CA del sistema</translation>
    </message>
    <message>
        <source>the system&apos;s CAs and %1</source>
        <translation>las CA del sistema y %1</translation>
    </message>
    <message>
        <source>Pinned key:   sha256 %1</source>
        <translation>Clave fijada:    sha256 %1</translation>
    </message>
    <message>
        <source>Credential:   %1</source>
        <translation>Credenciales:    %1</translation>
    </message>
    <message>
        <source>kept in %1</source>
        <translation>guardadas en %1</translation>
    </message>
    <message>
        <source>Server check: %1</source>
        <translation>Comprobación:    %1</translation>
    </message>
    <message>
        <source>enroll needs --server URL (or --status).</source>
        <translation>enroll necesita --server URL (o --status).</translation>
    </message>
    <message>
        <source>enroll needs --user NAME: an administrator&apos;s account at the server.</source>
        <translation>enroll necesita --user NOMBRE: la cuenta de un administrador del servidor.</translation>
    </message>
    <message>
        <source>Warning: --insecure-http is for development only: plain HTTP and certificates that do not verify are accepted.</source>
        <translation>Aviso: --insecure-http es solo para desarrollo: se aceptan HTTP sin cifrar y certificados que no se pueden verificar.</translation>
    </message>
    <message>
        <source>The server enrolled this workstation (%1), but it could not be kept here: %2. Revoke it at the server (frontdesk-server workstation revoke %1) and enroll again.</source>
        <translation>El servidor inscribió este puesto de trabajo (%1), pero la inscripción no se pudo guardar aquí: %2. Revóquela en el servidor (frontdesk-server workstation revoke %1) y vuelva a inscribirlo.</translation>
    </message>
    <message>
        <source>Enrolled this workstation as &quot;%1&quot; (%2) at %3, by %4.</source>
        <translation>Este puesto de trabajo quedó inscrito como «%1» (%2) en %3, por %4.</translation>
    </message>
    <message>
        <source>Its credential is kept in %1.</source>
        <translation>Sus credenciales se guardan en %1.</translation>
    </message>
    <message>
        <source>Join a frontdesk-server: --user is an administrator there (password on standard input or asked); or show the enrollment with --status.</source>
        <translation>Unirse a un frontdesk-server: --user es administrador allí (contraseña en la entrada estándar o pedida); o mostrar la inscripción con --status.</translation>
    </message>
    <message>
        <source>The server&apos;s address, e.g. https://fd.clinic.example:8443.</source>
        <translation>La dirección del servidor, p. ej. https://fd.clinic.example:8443.</translation>
    </message>
    <message>
        <source>Also trust the CA certificates in this PEM file.</source>
        <translation>Confiar también en los certificados de CA de este archivo PEM.</translation>
    </message>
    <message>
        <source>Accept only this server public key: base64 SHA-256 of its SubjectPublicKeyInfo.</source>
        <translation>Aceptar solo esta clave pública del servidor: SHA-256 en base64 de su SubjectPublicKeyInfo.</translation>
    </message>
    <message>
        <source>Development only: allow http:// and certificates that do not verify.</source>
        <translation>Solo para desarrollo: permitir http:// y certificados que no se pueden verificar.</translation>
    </message>
    <message>
        <source>The workstation&apos;s name at the server (default: the host name).</source>
        <translation>El nombre del puesto de trabajo en el servidor (por defecto: el nombre del equipo).</translation>
    </message>
    <message>
        <source>Show the enrollment and check that the server accepts it.</source>
        <translation>Mostrar la inscripción y comprobar que el servidor la acepta.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>Mostrar en JSON.</translation>
    </message>
    <message>
        <source>The server could not be reached; the changes wait here and go with the next sync: %1</source>
        <translation>No se pudo contactar con el servidor; los cambios esperan aquí y se enviarán en la próxima sincronización: %1</translation>
    </message>
    <message>
        <source>Pushed %1, pulled %2, conflicts %3, rejected %4; %5 waiting.</source>
        <translation>Enviados %1, recibidos %2, conflictos %3, rechazados %4; %5 pendientes.</translation>
    </message>
    <message>
        <source>One round of sync with the enrolled server: push the changes made here, pull the server&apos;s; prints pushed, pulled, conflicts and refused (exit 0 also when the server cannot be reached, saying so).</source>
        <translation>Una sincronización con el servidor inscrito: envía los cambios hechos aquí y recibe los del servidor; muestra enviados, recibidos, conflictos y rechazados (código de salida 0 también cuando no se puede contactar con el servidor, indicándolo).</translation>
    </message>
    <message>
        <source>--take goes with conflicts resolve ID.</source>
        <translation>--take se usa con conflicts resolve ID.</translation>
    </message>
    <message>
        <source>conflicts resolve needs the record&apos;s id and --take mine or --take theirs.</source>
        <translation>conflicts resolve necesita el identificador del registro y --take mine o --take theirs.</translation>
    </message>
    <message>
        <source>%1: this workstation&apos;s version is sent again with the next sync.</source>
        <translation>%1: la versión de este puesto se envía de nuevo en la próxima sincronización.</translation>
    </message>
    <message>
        <source>%1: now the server&apos;s version; the changes made here are dropped.</source>
        <translation>%1: ahora es la versión del servidor; los cambios hechos aquí se descartan.</translation>
    </message>
    <message>
        <source>Nothing waits for a decision: every record the server refused or changed meanwhile is settled.</source>
        <translation>Nada espera una decisión: todos los registros que el servidor rechazó o cambió entretanto están resueltos.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>CONFLICT</source>
        <translation>CONFLICTO</translation>
    </message>
    <message>
        <source>REJECTED</source>
        <translation>RECHAZADO</translation>
    </message>
    <message>
        <source>Here: %1; at the server: %2</source>
        <translation>Aquí: %1; en el servidor: %2</translation>
    </message>
    <message>
        <source>The server has deleted it.</source>
        <translation>El servidor lo ha eliminado.</translation>
    </message>
    <message>
        <source>here &quot;%1&quot;, at the server &quot;%2&quot;</source>
        <translation>aquí «%1», en el servidor «%2»</translation>
    </message>
    <message>
        <source>With resolve: mine (keep this workstation&apos;s) or theirs (take the server&apos;s).</source>
        <translation>Con resolve: mine (conservar la de este puesto) o theirs (adoptar la del servidor).</translation>
    </message>
    <message>
        <source>conflicts rebook needs the refused booking&apos;s id, and no --take.</source>
        <translation>conflicts rebook necesita el identificador de la reserva rechazada, y ningún --take.</translation>
    </message>
    <message>
        <source>Rebooked to %1; it goes to the server with the next sync.</source>
        <translation>Reservada de nuevo para %1; la reserva va al servidor en la próxima sincronización.</translation>
    </message>
    <message>
        <source>conflicts takes no argument, or: resolve ID --take mine|theirs, or: rebook ID.</source>
        <translation>conflicts no admite argumentos, o bien: resolve ID --take mine|theirs, o bien: rebook ID.</translation>
    </message>
    <message>
        <source>Settle one with: frontdeskctl conflicts resolve ID --take mine|theirs (a refused booking: conflicts rebook ID)</source>
        <translation>Para resolver uno: frontdeskctl conflicts resolve ID --take mine|theirs (una reserva rechazada: conflicts rebook ID)</translation>
    </message>
    <message>
        <source>The records the server refused or had changed meanwhile, with both versions; resolve ID --take mine sends this workstation&apos;s again, --take theirs takes the server&apos;s; rebook ID moves a refused booking to the next free time.</source>
        <translation>Los registros que el servidor rechazó o cambió entretanto, con ambas versiones; resolve ID --take mine envía de nuevo la de este puesto, --take theirs adopta la del servidor; rebook ID mueve una reserva rechazada a la próxima hora libre.</translation>
    </message>
    <message>
        <source>NOT WRITTEN HERE</source>
        <translation>NO GUARDADO AQUÍ</translation>
    </message>
    <message numerus="yes">
        <source>%n audit entries went up to the server.</source>
        <translation>
            <numerusform>%n entrada de auditoría se subió al servidor.</numerusform>
            <numerusform>%n entradas de auditoría se subieron al servidor.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent %1 of %2 records…</source>
        <translation>%1 de %2 registros enviados…</translation>
    </message>
    <message>
        <source>Received %1 of %2 changes…</source>
        <translation>%1 de %2 cambios recibidos…</translation>
    </message>
    <message numerus="yes">
        <source>The %n local staff account(s) are kept. From now on the server checks every sign-in; offline, the passwords kept here still work. Each sync gives them the server&apos;s name, role and state, and disables those the server does not have.</source>
        <translation>
            <numerusform>La %n cuenta local del personal se conserva. A partir de ahora el servidor comprueba cada inicio de sesión; sin conexión, siguen valiendo las contraseñas guardadas aquí. Cada sincronización le aplica el nombre, el rol y el estado del servidor, y desactiva las que el servidor no tiene.</numerusform>
            <numerusform>Las %n cuentas locales del personal se conservan. A partir de ahora el servidor comprueba cada inicio de sesión; sin conexión, siguen valiendo las contraseñas guardadas aquí. Cada sincronización les aplica el nombre, el rol y el estado del servidor, y desactiva las que el servidor no tiene.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n staff account(s) changed to the server&apos;s.</source>
        <translation>
            <numerusform>%n cuenta de personal ajustada a la del servidor.</numerusform>
            <numerusform>%n cuentas de personal ajustadas a las del servidor.</numerusform>
        </translation>
    </message>
    <message>
        <source>Disabled here: %1.</source>
        <translation>Desactivadas aquí: %1.</translation>
    </message>
    <message>
        <source>Rebuilding search index %1 of %2…</source>
        <translation>Reconstruyendo el índice de búsqueda %1 de %2…</translation>
    </message>
    <message numerus="yes">
        <source>Rebuilt %n search index(es).</source>
        <translation>
            <numerusform>%n índice de búsqueda reconstruido.</numerusform>
            <numerusform>%n índices de búsqueda reconstruidos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncConflicts</name>
    <message>
        <source>MRN</source>
        <translation>NHC</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Teléfono móvil</translation>
    </message>
    <message>
        <source>Home phone</source>
        <translation>Teléfono fijo</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Idioma preferido</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>Canal preferido</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>Contacto de emergencia</translation>
    </message>
    <message>
        <source>Emergency contact&apos;s relation</source>
        <translation>Relación del contacto de emergencia</translation>
    </message>
    <message>
        <source>Emergency contact&apos;s phone</source>
        <translation>Teléfono del contacto de emergencia</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>Fusionado en</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message numerus="yes">
        <source>Name the record by its id or at least its first %n characters.</source>
        <translation>
            <numerusform>Indique el registro por su identificador o al menos su primer carácter.</numerusform>
            <numerusform>Indique el registro por su identificador o al menos sus primeros %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>No record waiting for a decision has the id %1.</source>
        <translation>Ningún registro pendiente de decisión tiene el identificador %1.</translation>
    </message>
    <message>
        <source>%1 names more than one waiting record: %2.</source>
        <translation>%1 corresponde a más de un registro pendiente: %2.</translation>
    </message>
    <message>
        <source>Patient %1, %2 (%3)</source>
        <translation>Paciente %1, %2 (%3)</translation>
    </message>
    <message>
        <source>Appointment %1, %2, %3</source>
        <translation>Cita %1, %2, %3</translation>
    </message>
    <message>
        <source>The server&apos;s version of %1 cannot be read: %2</source>
        <translation>La versión del servidor de %1 no se puede leer: %2</translation>
    </message>
    <message>
        <source>The server holds no version of %1 to take: it never accepted it. Keep this workstation&apos;s (it is sent again), or change it here first, e.g. move the appointment to a free time.</source>
        <translation>El servidor no tiene ninguna versión de %1 que adoptar: nunca la aceptó. Conserve la de este puesto (se envía de nuevo) o cámbiela antes aquí, p. ej. moviendo la cita a una hora libre.</translation>
    </message>
    <message>
        <source>Could not take the server&apos;s version of %1: %2</source>
        <translation>No se pudo adoptar la versión del servidor de %1: %2</translation>
    </message>
    <message>
        <source>Only a booking the server refused is rebooked; %1 is not one.</source>
        <translation>Solo se vuelve a reservar una reserva rechazada por el servidor; %1 no lo es.</translation>
    </message>
    <message>
        <source>%1: the practitioner has no free time of that length in the next 120 days; book it by hand.</source>
        <translation>%1: el profesional no tiene tiempo libre de esa duración en los próximos 120 días; resérvela a mano.</translation>
    </message>
    <message>
        <source>%1 could not be rebooked: %2</source>
        <translation>No se pudo volver a reservar %1: %2</translation>
    </message>
    <message>
        <source>%1 is not held here, so there is nothing of this workstation&apos;s to keep: take the server&apos;s once what stopped it is put right (%2).</source>
        <translation>%1 no está en este puesto, así que no hay nada de aquí que conservar: adopte la versión del servidor cuando se haya corregido lo que la impidió (%2).</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <source>Clinic phone</source>
        <translation>Teléfono de la clínica</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Phone country code</source>
        <translation>Prefijo telefónico del país</translation>
    </message>
    <message>
        <source>Late cancellation (hours)</source>
        <translation>Cancelación tardía (horas)</translation>
    </message>
    <message>
        <source>Auto-lock (minutes)</source>
        <translation>Bloqueo automático (minutos)</translation>
    </message>
    <message>
        <source>Keep messages (days)</source>
        <translation>Conservar los mensajes (días)</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>Horas de silencio</translation>
    </message>
    <message>
        <source>The clinic&apos;s shared settings</source>
        <translation>Ajustes comunes de la clínica</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>Could not prepare the changes to send: %1</source>
        <translation>No se pudieron preparar los cambios para enviar: %1</translation>
    </message>
    <message>
        <source>Could not read the %1 %2 to send it: %3</source>
        <translation>No se pudo leer %1 %2 para enviarlo: %3</translation>
    </message>
    <message>
        <source>The server answered %1 to the changes sent: %2</source>
        <translation>El servidor respondió %1 a los cambios enviados: %2</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the changes sent has %1 entries for %2 sent.</source>
        <translation>La respuesta del servidor a los cambios enviados tiene %1 entradas para %2 enviadas.</translation>
    </message>
    <message>
        <source>The server&apos;s answer for %1 %2 names no version.</source>
        <translation>La respuesta del servidor para %1 %2 no indica ninguna versión.</translation>
    </message>
    <message>
        <source>The server took the changes, but recording that here failed (they go again under the same request id, and the server answers the same): %1</source>
        <translation>El servidor aceptó los cambios, pero registrarlo aquí falló (se envían de nuevo con el mismo id de solicitud y el servidor responde lo mismo): %1</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>The server did not send its changes (HTTP %1): %2</source>
        <translation>El servidor no envió sus cambios (HTTP %1): %2</translation>
    </message>
    <message>
        <source>The server&apos;s list of changes is not a history Bundle with a cursor (Bundle.identifier, system urn:frontdesk:history-cursor); nothing of it was applied.</source>
        <translation>La lista de cambios del servidor no es un Bundle history con cursor (Bundle.identifier, sistema urn:frontdesk:history-cursor); no se aplicó nada de ella.</translation>
    </message>
    <message>
        <source>A change from the server names no resource and version (request.url TYPE/ID, response.etag).</source>
        <translation>Un cambio del servidor no indica recurso ni versión (request.url TIPO/ID, response.etag).</translation>
    </message>
    <message>
        <source>Changed at the server since; its version could not be read to merge (%1).</source>
        <translation>Modificado en el servidor desde entonces; no se pudo leer su versión para combinar (%1).</translation>
    </message>
    <message>
        <source>Changed here and at the server, and the versions could not be compared: %1</source>
        <translation>Modificado aquí y en el servidor, y no se pudieron comparar las versiones: %1</translation>
    </message>
    <message>
        <source>%1 (here &quot;%2&quot;, at the server &quot;%3&quot;)</source>
        <translation>%1 (aquí «%2», en el servidor «%3»)</translation>
    </message>
    <message>
        <source>Changed here and at the server: %1.</source>
        <translation>Modificado aquí y en el servidor: %1.</translation>
    </message>
    <message>
        <source>Could not keep the merge of %1 %2: %3</source>
        <translation>No se pudo guardar la combinación de %1 %2: %3</translation>
    </message>
    <message>
        <source>Version %1 from the server could not be written here: %2</source>
        <translation>La versión %1 del servidor no se pudo guardar aquí: %2</translation>
    </message>
    <message>
        <source>The server did not give its staff accounts (HTTP %1): %2</source>
        <translation>El servidor no entregó sus cuentas de personal (HTTP %1): %2</translation>
    </message>
    <message>
        <source>The server&apos;s answer about staff accounts is not a list of them.</source>
        <translation>La respuesta del servidor sobre las cuentas de personal no es una lista de cuentas.</translation>
    </message>
    <message>
        <source>Changed at the server since; its answer names no version to merge against.</source>
        <translation>Modificado en el servidor desde entonces; su respuesta no indica ninguna versión con la que combinar.</translation>
    </message>
    <message>
        <source>Changes from the server could not be applied; none of them was kept, and the next sync asks for them again: %1</source>
        <translation>No se pudieron aplicar cambios del servidor; no se guardó ninguno y la próxima sincronización los pedirá de nuevo: %1</translation>
    </message>
    <message>
        <source>Changed here and at the server, and there is nothing to merge against: %1</source>
        <translation>Modificado aquí y en el servidor, y no hay nada con lo que combinar: %1</translation>
    </message>
    <message>
        <source>its answer is not that version</source>
        <translation>su respuesta no es esa versión</translation>
    </message>
    <message>
        <source>The server&apos;s version %1, which the change here started from, could not be read (%2).</source>
        <translation>No se pudo leer la versión %1 del servidor, de la que partió el cambio hecho aquí (%2).</translation>
    </message>
    <message>
        <source>The server&apos;s page of changes names %1 as the next page&apos;s cursor in its header and %2 in the Bundle; nothing of it was applied.</source>
        <translation>La página de cambios del servidor indica %1 como cursor de la página siguiente en su cabecera y %2 en el Bundle; no se aplicó nada de ella.</translation>
    </message>
    <message>
        <source>no next page</source>
        <translation>ninguna página siguiente</translation>
    </message>
</context>
<context>
    <name>SyncResources</name>
    <message>
        <source>%1 records do not sync yet.</source>
        <translation>Los registros %1 aún no se sincronizan.</translation>
    </message>
    <message>
        <source>%1 resources do not sync yet.</source>
        <translation>Los recursos %1 aún no se sincronizan.</translation>
    </message>
    <message>
        <source>The clinic&apos;s settings cannot be deleted; the server&apos;s deletion of them was not applied.</source>
        <translation>La configuración de la consulta no se puede eliminar; su eliminación en el servidor no se aplicó.</translation>
    </message>
    <message>
        <source>Queuing the demo records of %1 for the server went wrong (%2 queued, %3 marked); nothing of it was kept.</source>
        <translation>La puesta en cola de los registros de demostración de %1 para el servidor ha fallado (%2 en cola, %3 marcados); no se ha conservado nada.</translation>
    </message>
</context>
<context>
    <name>TemplateRenderer</name>
    <message>
        <source>The text has a } that closes no placeholder (after &quot;%1&quot;); write }} for a brace.</source>
        <translation>El texto tiene una } que no cierra ningún marcador (después de «%1»); escriba }} para una llave.</translation>
    </message>
    <message>
        <source>The text has a { that is not closed (at &quot;%1&quot;); write {{ for a brace.</source>
        <translation>El texto tiene una { que no se cierra (en «%1»); escriba {{ para una llave.</translation>
    </message>
    <message>
        <source>The template needs %1, but no patient is chosen.</source>
        <translation>La plantilla necesita %1, pero no se ha elegido ningún paciente.</translation>
    </message>
    <message>
        <source>The template needs %1, but the patient&apos;s record has none.</source>
        <translation>La plantilla necesita %1, pero la historia clínica del paciente no lo tiene.</translation>
    </message>
    <message>
        <source>The template needs %1, but no appointment is chosen.</source>
        <translation>La plantilla necesita %1, pero no se ha elegido ninguna cita.</translation>
    </message>
    <message>
        <source>The template needs %1, but the appointment has none.</source>
        <translation>La plantilla necesita %1, pero la cita no lo indica.</translation>
    </message>
    <message>
        <source>The template needs %1, but the clinic&apos;s settings have none.</source>
        <translation>La plantilla necesita %1, pero la configuración de la clínica no lo indica.</translation>
    </message>
    <message>
        <source>The template needs %1, but the appointment has no practitioner.</source>
        <translation>La plantilla necesita %1, pero la cita no tiene profesional asignado.</translation>
    </message>
    <message>
        <source>The template uses {%1}, which is not a field templates know.</source>
        <translation>La plantilla usa {%1}, un marcador que las plantillas no conocen.</translation>
    </message>
    <message>
        <source>the patient&apos;s first name</source>
        <translation>el nombre del paciente</translation>
    </message>
    <message>
        <source>the patient&apos;s family name</source>
        <translation>los apellidos del paciente</translation>
    </message>
    <message>
        <source>the appointment&apos;s date</source>
        <translation>la fecha de la cita</translation>
    </message>
    <message>
        <source>the appointment&apos;s time</source>
        <translation>la hora de la cita</translation>
    </message>
    <message>
        <source>the appointment&apos;s type</source>
        <translation>el tipo de cita</translation>
    </message>
    <message>
        <source>the practitioner&apos;s name</source>
        <translation>el nombre del profesional</translation>
    </message>
    <message>
        <source>the clinic&apos;s name</source>
        <translation>el nombre de la clínica</translation>
    </message>
    <message>
        <source>the clinic&apos;s phone number</source>
        <translation>el teléfono de la clínica</translation>
    </message>
    <message>
        <source>The template uses {%1}, which is not a field templates know. Known fields: %2.</source>
        <translation>La plantilla usa {%1}, un marcador que las plantillas no conocen. Marcadores conocidos: %2.</translation>
    </message>
    <message>
        <source>The template needs a name the staff choose it by.</source>
        <translation>La plantilla necesita un nombre con el que el personal la elija.</translation>
    </message>
    <message>
        <source>The template&apos;s name is longer than %1 characters.</source>
        <translation>El nombre de la plantilla supera los %1 caracteres.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a purpose messages are sent for.</source>
        <translation>«%1» no es un motivo para enviar mensajes.</translation>
    </message>
    <message>
        <source>A template is for SMS, e-mail or either; &quot;%1&quot; is none of them.</source>
        <translation>Una plantilla es para SMS, correo electrónico o ambos; «%1» no es ninguno de ellos.</translation>
    </message>
    <message>
        <source>The template&apos;s text is empty.</source>
        <translation>El texto de la plantilla está vacío.</translation>
    </message>
    <message>
        <source>A template that may go by e-mail needs a subject.</source>
        <translation>Una plantilla que puede enviarse por correo electrónico necesita un asunto.</translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; is not for this channel.</source>
        <translation>La plantilla «%1» no es para este canal.</translation>
    </message>
    <message>
        <source>The template &quot;%1&quot; has no subject for an e-mail.</source>
        <translation>La plantilla «%1» no tiene asunto para un correo electrónico.</translation>
    </message>
</context>
<context>
    <name>WaitlistRepository</name>
    <message>
        <source>A waitlist entry needs a patient.</source>
        <translation>Una entrada de la lista de espera necesita un paciente.</translation>
    </message>
    <message>
        <source>The wanted length must be between 5 minutes and 24 hours.</source>
        <translation>La duración deseada debe estar entre 5 minutos y 24 horas.</translation>
    </message>
    <message>
        <source>The time-of-day window must end after it starts, within one day.</source>
        <translation>La franja horaria debe terminar después de empezar, dentro de un mismo día.</translation>
    </message>
    <message>
        <source>Weekdays are 1 (Monday) to 7 (Sunday); got %1.</source>
        <translation>Los días de la semana van del 1 (lunes) al 7 (domingo); se recibió %1.</translation>
    </message>
    <message>
        <source>Unknown waitlist status &quot;%1&quot;.</source>
        <translation>Estado de lista de espera desconocido «%1».</translation>
    </message>
</context>
<context>
    <name>WorkingHoursRepository</name>
    <message>
        <source>The weekday must be 1 (Monday) to 7 (Sunday); got %1.</source>
        <translation>El día de la semana debe ser del 1 (lunes) al 7 (domingo); se recibió %1.</translation>
    </message>
    <message>
        <source>Working hours must end after they start, within one day.</source>
        <translation>El horario debe terminar después de empezar, dentro de un mismo día.</translation>
    </message>
</context>
<context>
    <name>WorkstationCredential</name>
    <message>
        <source>The workstation credential in %1 is damaged; enroll the workstation again.</source>
        <translation>Las credenciales del puesto de trabajo en %1 están dañadas; vuelva a inscribir el puesto de trabajo.</translation>
    </message>
    <message>
        <source>The workstation credential could not be kept in %1: %2</source>
        <translation>Las credenciales del puesto de trabajo no se pudieron guardar en %1: %2</translation>
    </message>
</context>
<context>
    <name>frontdesk::AboutDialog</name>
    <message>
        <source>About Frontdesk</source>
        <translation>Acerca de Frontdesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Frontdesk %1&lt;/h3&gt;&lt;p&gt;The front desk of a clinic: appointments, patients, messages and figures, on a workstation that keeps working when the network is down.&lt;/p&gt;&lt;p&gt;Commit %2, built on %3 with Qt %4; running on Qt %5.&lt;/p&gt;&lt;p&gt;Database: %6&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Frontdesk %1&lt;/h3&gt;&lt;p&gt;La recepción de una clínica: citas, pacientes, mensajes e indicadores, en un puesto de trabajo que sigue funcionando cuando se cae la red.&lt;/p&gt;&lt;p&gt;Commit %2, compilado el %3 con Qt %4; ejecutándose con Qt %5.&lt;/p&gt;&lt;p&gt;Base de datos: %6&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>Bibliotecas</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>Texto de la licencia</translation>
    </message>
    <message>
        <source>This build carries no licence text for %1; see the licence named in the table.</source>
        <translation>Esta compilación no incluye el texto de la licencia de %1; consulte la licencia indicada en la tabla.</translation>
    </message>
</context>
<context>
    <name>frontdesk::AccessController</name>
    <message>
        <source>&amp;Workstation</source>
        <translation>&amp;Puesto de trabajo</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>&amp;Audit Trail…</source>
        <translation>&amp;Registro de auditoría…</translation>
    </message>
    <message>
        <source>Auto-Lock &amp;Time…</source>
        <translation>Tiempo de bloqueo &amp;automático…</translation>
    </message>
    <message>
        <source>&amp;Wipe This Workstation…</source>
        <translation>B&amp;orrar este puesto de trabajo…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Auto-lock</source>
        <translation>Bloqueo automático</translation>
    </message>
    <message>
        <source>Lock the workstation after this many idle minutes:</source>
        <translation>Bloquear el puesto tras estos minutos de inactividad:</translation>
    </message>
    <message>
        <source>Wipe</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Wipe this workstation</source>
        <translation>Borrar este puesto de trabajo</translation>
    </message>
    <message>
        <source>This removes the database, its WAL and journal files and its key from this workstation for good. Changes not yet sent to the server are lost. Frontdesk then starts as new.

Type WIPE to confirm:</source>
        <translation>Esto elimina para siempre de este puesto la base de datos, sus archivos WAL y de registro, y su clave. Se pierden los cambios aún no enviados al servidor. Después, Frontdesk empieza como nuevo.

Escriba WIPE para confirmar:</translation>
    </message>
    <message>
        <source>Connect to &amp;Server…</source>
        <translation>Conectar con el &amp;servidor…</translation>
    </message>
    <message>
        <source>Connect to server</source>
        <translation>Conectar con el servidor</translation>
    </message>
    <message>
        <source>Message Te&amp;mplates…</source>
        <translation>&amp;Plantillas de mensaje…</translation>
    </message>
    <message>
        <source>Message templates</source>
        <translation>Plantillas de mensaje</translation>
    </message>
    <message>
        <source>The account %1 was disabled at the server. Another person can sign in here with Switch User.</source>
        <translation>La cuenta %1 se ha desactivado en el servidor. Otra persona puede iniciar sesión aquí con «Cambiar de usuario».</translation>
    </message>
</context>
<context>
    <name>frontdesk::AppointmentDayModel</name>
    <message>
        <source>Could not load the appointments of %1: %2</source>
        <translation>No se pudieron cargar las citas del %1: %2</translation>
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
Notas: %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <source>%1 · patient replied</source>
        <comment>appointment status · a reply waits</comment>
        <translation>%1 · el paciente respondió</translation>
    </message>
</context>
<context>
    <name>frontdesk::AuditTrailModel</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
</context>
<context>
    <name>frontdesk::AuditViewer</name>
    <message>
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>patient id</source>
        <translation>identificador del paciente</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Usuario:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Acción:</translation>
    </message>
    <message>
        <source>Patient:</source>
        <translation>Paciente:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>&amp;Verify chain</source>
        <translation>&amp;Verificar la cadena</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <source>(anyone)</source>
        <translation>(todos)</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>(todas)</translation>
    </message>
    <message>
        <source>The newest %1 entries that match; narrow the filter to see older ones.</source>
        <translation>Las %1 entradas coincidentes más recientes; acote el filtro para ver las más antiguas.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries match.</source>
        <translation>
            <numerusform>Coincide %n entrada.</numerusform>
            <numerusform>Coinciden %n entradas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The audit trail is intact: %n entries, each chained to the one before.</source>
        <translation>
            <numerusform>El registro de auditoría está intacto: %n entrada, encadenada a la anterior.</numerusform>
            <numerusform>El registro de auditoría está intacto: %n entradas, cada una encadenada a la anterior.</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit trail was tampered with. %1</source>
        <translation>El registro de auditoría ha sido manipulado. %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>Se ha exportado %n entrada a %1.</numerusform>
            <numerusform>Se han exportado %n entradas a %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Primer día</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>Entradas del registro</translation>
    </message>
</context>
<context>
    <name>frontdesk::BookingDialog</name>
    <message>
        <source>Book an appointment on %1</source>
        <translation>Reservar una cita el %1</translation>
    </message>
    <message>
        <source>Name, birth date, phone or MRN</source>
        <translation>Nombre, fecha de nacimiento, teléfono o NHC</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>No room</source>
        <translation>Sin sala</translation>
    </message>
    <message>
        <source>Book even if the time is taken (double-booking, recorded)</source>
        <translation>Reservar aunque la hora esté ocupada (doble reserva, queda registrada)</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>No se repite</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Semanal</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Mensual</translation>
    </message>
    <message>
        <source>every </source>
        <translation>cada </translation>
    </message>
    <message>
        <source>times</source>
        <translation>veces</translation>
    </message>
    <message>
        <source>until</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Paciente:</translation>
    </message>
    <message>
        <source>P&amp;ractitioner:</source>
        <translation>P&amp;rofesional:</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Hora:</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>T&amp;ipo:</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Duración:</translation>
    </message>
    <message>
        <source>R&amp;oom:</source>
        <translation>S&amp;ala:</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <source>Re&amp;peat:</source>
        <translation>Repe&amp;tir:</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>Reser&amp;var</translation>
    </message>
    <message>
        <source>Choose the patient first: type part of the name and pick them from the list.</source>
        <translation>Elija primero al paciente: escriba parte del nombre y selecciónelo en la lista.</translation>
    </message>
    <message>
        <source>That time does not exist on this day (the clocks change); choose another.</source>
        <translation>Esa hora no existe ese día (cambio de hora); elija otra.</translation>
    </message>
    <message>
        <source>Repeat interval</source>
        <translation>Intervalo de repetición</translation>
    </message>
    <message>
        <source>Number of appointments</source>
        <translation>Número de citas</translation>
    </message>
    <message>
        <source>Series ends</source>
        <translation>Fin de la serie</translation>
    </message>
    <message>
        <source>Last appointment on</source>
        <translation>Última cita el</translation>
    </message>
    <message>
        <source>%1 — born %2 — %3</source>
        <translation>%1 — nacido/a el %2 — %3</translation>
    </message>
    <message>
        <source>&amp;New Patient…</source>
        <translation>Paciente &amp;nuevo…</translation>
    </message>
    <message>
        <source>The patient was saved, but the search does not find them yet: search for %1.</source>
        <translation>El paciente se ha guardado, pero la búsqueda aún no lo encuentra: busque %1.</translation>
    </message>
</context>
<context>
    <name>frontdesk::BreakGlassDialog</name>
    <message>
        <source>Emergency access</source>
        <translation>Acceso de emergencia</translation>
    </message>
    <message>
        <source>%1 has no appointment today. Opening their clinical record is emergency access (&quot;break the glass&quot;): say why. The reason is recorded in the audit trail with every read.</source>
        <translation>%1 no tiene cita hoy. Abrir su historia clínica es un acceso de emergencia («romper el cristal»): indique el motivo. Se registra en el registro de auditoría con cada lectura.</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>Elegir un motivo…</translation>
    </message>
    <message>
        <source>Emergency: the patient needs care now</source>
        <translation>Urgencia: el paciente necesita atención ahora</translation>
    </message>
    <message>
        <source>The patient asked a clinical question (phone, e-mail)</source>
        <translation>El paciente hizo una pregunta clínica (teléfono, correo electrónico)</translation>
    </message>
    <message>
        <source>Results or a letter arrived for the patient</source>
        <translation>Han llegado resultados o una carta para el paciente</translation>
    </message>
    <message>
        <source>A referral or report is to be written</source>
        <translation>Hay que redactar una derivación o un informe</translation>
    </message>
    <message>
        <source>Asked by the practitioner treating the patient</source>
        <translation>A petición del profesional que trata al paciente</translation>
    </message>
    <message>
        <source>In your own words, or more about the reason chosen</source>
        <translation>Con sus propias palabras, o más sobre el motivo elegido</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>&amp;Detalles:</translation>
    </message>
    <message>
        <source>&amp;Open the Record</source>
        <translation>&amp;Abrir la historia</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Give the reason: choose one from the list or describe it in your own words.</source>
        <translation>Indique el motivo: elija uno de la lista o descríbalo con sus propias palabras.</translation>
    </message>
    <message>
        <source>Say a little more: the reason needs at least %1 characters.</source>
        <translation>Explique un poco más: el motivo necesita al menos %1 caracteres.</translation>
    </message>
</context>
<context>
    <name>frontdesk::CancelDialog</name>
    <message>
        <source>Cancel the appointment</source>
        <translation>Cancelar la cita</translation>
    </message>
    <message>
        <source>The patient</source>
        <translation>El paciente</translation>
    </message>
    <message>
        <source>The clinic</source>
        <translation>La clínica</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>Cancelled &amp;by:</source>
        <translation>Cancelada p&amp;or:</translation>
    </message>
    <message>
        <source>Cancel &amp;appointment</source>
        <translation>&amp;Cancelar la cita</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>Co&amp;nservarla</translation>
    </message>
    <message>
        <source>A reason is needed</source>
        <translation>Se necesita un motivo</translation>
    </message>
</context>
<context>
    <name>frontdesk::ClinicalTab</name>
    <message>
        <source>Open the clinical summary</source>
        <translation>Abrir el resumen clínico</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>⚠ Allergy: %1</source>
        <translation>⚠ Alergia: %1</translation>
    </message>
    <message>
        <source>Allergy: %1</source>
        <translation>Alergia: %1</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Alergias</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas de salud</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Medicación</translation>
    </message>
    <message>
        <source>Latest vitals</source>
        <translation>Últimas constantes vitales</translation>
    </message>
    <message>
        <source>Past encounters</source>
        <translation>Encuentros clínicos anteriores</translation>
    </message>
    <message>
        <source>Visit note — %1, %2</source>
        <translation>Nota de la visita — %1, %2</translation>
    </message>
    <message>
        <source>Visit note</source>
        <translation>Nota de la visita</translation>
    </message>
    <message>
        <source>No known allergies</source>
        <translation>Sin alergias conocidas</translation>
    </message>
    <message>
        <source>No allergies recorded</source>
        <translation>No hay alergias registradas</translation>
    </message>
    <message>
        <source>Immunisations</source>
        <translation>Vacunas</translation>
    </message>
    <message>
        <source>No immunisations recorded</source>
        <translation>No hay vacunas registradas</translation>
    </message>
    <message>
        <source>Clinical summary</source>
        <translation>Resumen clínico</translation>
    </message>
</context>
<context>
    <name>frontdesk::ComposeMessageDialog</name>
    <message>
        <source>New message</source>
        <translation>Mensaje nuevo</translation>
    </message>
    <message>
        <source>Name, birth date, phone or MRN</source>
        <translation>Nombre, fecha de nacimiento, teléfono o NHC</translation>
    </message>
    <message>
        <source>Find the patient</source>
        <translation>Buscar el paciente</translation>
    </message>
    <message>
        <source>Patients found</source>
        <translation>Pacientes encontrados</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Paciente:</translation>
    </message>
    <message>
        <source>Patient:</source>
        <translation>Paciente:</translation>
    </message>
    <message>
        <source>P&amp;urpose:</source>
        <translation>&amp;Finalidad:</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Canal:</translation>
    </message>
    <message>
        <source>&amp;Queue message</source>
        <translation>&amp;Poner en cola</translation>
    </message>
    <message>
        <source>Waits in the outbox until the server sends it (Ctrl+Return)</source>
        <translation>Espera en la bandeja de salida hasta que el servidor lo envíe (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Choose the patient first.</source>
        <translation>Elija primero el paciente.</translation>
    </message>
    <message>
        <source>No channel may be used for this patient and purpose.</source>
        <translation>No se puede usar ningún canal para este paciente y esta finalidad.</translation>
    </message>
    <message>
        <source>SMS parts: %1 · characters left in this part: %2</source>
        <translation>Partes del SMS: %1 · caracteres restantes en esta parte: %2</translation>
    </message>
    <message>
        <source>“%1” is not in the SMS alphabet, so each part holds 70 characters instead of 160.</source>
        <translation>«%1» no pertenece al alfabeto SMS, así que cada parte admite 70 caracteres en lugar de 160.</translation>
    </message>
    <message>
        <source>Too long: at most %1 parts are allowed.</source>
        <translation>Demasiado largo: se permiten como máximo %1 partes.</translation>
    </message>
    <message>
        <source>&amp;Appointment:</source>
        <translation>C&amp;ita:</translation>
    </message>
    <message>
        <source>Te&amp;mplate:</source>
        <translation>P&amp;lantilla:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>None: write the text</source>
        <translation>Ninguna: escribir el texto</translation>
    </message>
    <message>
        <source>Subject: %1

%2</source>
        <translation>Asunto: %1

%2</translation>
    </message>
</context>
<context>
    <name>frontdesk::ConflictsDialog</name>
    <message>
        <source>&amp;Keep Mine</source>
        <translation>&amp;Conservar la mía</translation>
    </message>
    <message>
        <source>&amp;Take Server&apos;s</source>
        <translation>&amp;Adoptar la del servidor</translation>
    </message>
    <message>
        <source>Sync Conflicts</source>
        <translation>Conflictos de sincronización</translation>
    </message>
    <message>
        <source>Records waiting for a decision</source>
        <translation>Registros pendientes de decisión</translation>
    </message>
    <message>
        <source>Fields that differ</source>
        <translation>Campos que difieren</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Aquí</translation>
    </message>
    <message>
        <source>At the server</source>
        <translation>En el servidor</translation>
    </message>
    <message>
        <source>Send this workstation&apos;s version again, on top of the server&apos;s.</source>
        <translation>Enviar de nuevo la versión de este puesto, sobre la del servidor.</translation>
    </message>
    <message>
        <source>Make the record the server&apos;s version; the changes made here are dropped.</source>
        <translation>Dejar el registro con la versión del servidor; los cambios hechos aquí se descartan.</translation>
    </message>
    <message>
        <source>The records waiting for a decision could not be read: %1</source>
        <translation>No se pudieron leer los registros pendientes de decisión: %1</translation>
    </message>
    <message>
        <source>Changed on both sides</source>
        <translation>Cambiado en ambos lados</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Rechazado por el servidor</translation>
    </message>
    <message>
        <source>Nothing waits for a decision: every record the server refused or changed meanwhile is settled.</source>
        <translation>Nada espera una decisión: todos los registros que el servidor rechazó o cambió entretanto están resueltos.</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>Here by %1; at the server by %2 (its version %3).</source>
        <translation>Aquí por %1; en el servidor por %2 (su versión %3).</translation>
    </message>
    <message>
        <source>The server never accepted this record: change it here (for an appointment, move it to a free time) and keep yours, which sends it again.</source>
        <translation>El servidor nunca aceptó este registro: cámbielo aquí (una cita, muévala a una hora libre) y conserve su versión, que se envía de nuevo.</translation>
    </message>
    <message>
        <source>The server has deleted it.</source>
        <translation>El servidor lo ha eliminado.</translation>
    </message>
    <message>
        <source>%1 (changed on both sides)</source>
        <translation>%1 (cambiado en ambos lados)</translation>
    </message>
    <message>
        <source>Before both changes: %1</source>
        <translation>Antes de ambos cambios: %1</translation>
    </message>
    <message>
        <source>%1: this workstation&apos;s version goes to the server with the next sync.</source>
        <translation>%1: la versión de este puesto va al servidor en la próxima sincronización.</translation>
    </message>
    <message>
        <source>%1: now the server&apos;s version.</source>
        <translation>%1: ahora es la versión del servidor.</translation>
    </message>
    <message>
        <source>&amp;Rebook to Next Free Time</source>
        <translation>&amp;Reservar en la próxima hora libre</translation>
    </message>
    <message>
        <source>Move the refused booking to its practitioner&apos;s next free time of the same length, and send it again.</source>
        <translation>Mover la reserva rechazada a la próxima hora libre de la misma duración de su profesional, y enviarla de nuevo.</translation>
    </message>
    <message>
        <source>%1: rebooked to %2; it goes to the server with the next sync.</source>
        <translation>%1: reservada de nuevo para %2; va al servidor en la próxima sincronización.</translation>
    </message>
    <message>
        <source>The server&apos;s could not be written here</source>
        <translation>La versión del servidor no se pudo guardar aquí</translation>
    </message>
</context>
<context>
    <name>frontdesk::ConnectServerDialog</name>
    <message>
        <source>Connect to Server</source>
        <translation>Conectar con el servidor</translation>
    </message>
    <message>
        <source>An administrator&apos;s account at the clinic&apos;s frontdesk-server gives this workstation its own credential. The password is sent to the server only, and not kept.</source>
        <translation>La cuenta de un administrador del frontdesk-server de la clínica da a este puesto de trabajo sus propias credenciales. La contraseña solo se envía al servidor y no se guarda.</translation>
    </message>
    <message>
        <source>This workstation is not enrolled yet.</source>
        <translation>Este puesto de trabajo aún no está inscrito.</translation>
    </message>
    <message>
        <source>https://fd.clinic.example:8443</source>
        <translation>https://fd.clinic.example:8443</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>Dirección del &amp;servidor:</translation>
    </message>
    <message>
        <source>&amp;Administrator:</source>
        <translation>&amp;Administrador:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>How the server lists this workstation.</source>
        <translation>El nombre con el que el servidor lista este puesto de trabajo.</translation>
    </message>
    <message>
        <source>&amp;Workstation name:</source>
        <translation>Nombre del &amp;puesto de trabajo:</translation>
    </message>
    <message>
        <source>Optional: the clinic&apos;s CA certificate (PEM)</source>
        <translation>Opcional: el certificado de CA de la clínica (PEM)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation>&amp;Certificado de CA:</translation>
    </message>
    <message>
        <source>Optional: SHA-256 of the server&apos;s public key, base64</source>
        <translation>Opcional: SHA-256 de la clave pública del servidor, en base64</translation>
    </message>
    <message>
        <source>Public-key p&amp;in:</source>
        <translation>P&amp;in de clave pública:</translation>
    </message>
    <message>
        <source>Development only: allow plain HTTP and certificates that do not verify</source>
        <translation>Solo para desarrollo: permitir HTTP sin cifrar y certificados que no se pueden verificar</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Conectando</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>C&amp;onectar</translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation>Certificado de CA</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificados PEM (*.pem *.crt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando con %1…</translation>
    </message>
</context>
<context>
    <name>frontdesk::ContactsTab</name>
    <message>
        <source>Item</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Since / checked</source>
        <translation>Desde / comprobado</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Add &amp;alert…</source>
        <translation>Añadir &amp;alerta…</translation>
    </message>
    <message>
        <source>Record c&amp;onsent…</source>
        <translation>Registrar consentim&amp;iento…</translation>
    </message>
    <message>
        <source>Add &amp;insurance…</source>
        <translation>Añadir &amp;seguro…</translation>
    </message>
    <message>
        <source>Set &amp;preference…</source>
        <translation>Establecer &amp;preferencia…</translation>
    </message>
    <message>
        <source>&amp;Remove / withdraw…</source>
        <translation>&amp;Quitar / revocar…</translation>
    </message>
    <message>
        <source>Remove the selected alert or preference, or withdraw the selected consent</source>
        <translation>Quitar la alerta o la preferencia seleccionada, o revocar el consentimiento seleccionado</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactivo</translation>
    </message>
    <message>
        <source>Double-click to edit</source>
        <translation>Haga doble clic para editar</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <source>Communication preferences</source>
        <translation>Preferencias de comunicación</translation>
    </message>
    <message>
        <source>quiet %1–%2</source>
        <translation>silencio %1–%2</translation>
    </message>
    <message>
        <source>opted out</source>
        <translation>baja voluntaria</translation>
    </message>
    <message>
        <source>(none recorded: the preferred channel applies)</source>
        <translation>(ninguna registrada: se aplica el canal preferido)</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consentimientos</translation>
    </message>
    <message>
        <source>given</source>
        <translation>otorgado</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>revocado</translation>
    </message>
    <message>
        <source>recorded by %1</source>
        <translation>registrado por %1</translation>
    </message>
    <message>
        <source>Double-click to withdraw</source>
        <translation>Haga doble clic para revocar</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>Seguro</translation>
    </message>
    <message>
        <source>member %1</source>
        <translation>afiliado %1</translation>
    </message>
    <message>
        <source>member %1, group %2</source>
        <translation>afiliado %1, grupo %2</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>eligibility: %1 (checked %2)</source>
        <translation>cobertura: %1 (comprobada el %2)</translation>
    </message>
    <message>
        <source>eligibility not checked</source>
        <translation>cobertura sin comprobar</translation>
    </message>
    <message>
        <source>Double-click to edit or record an eligibility check</source>
        <translation>Haga doble clic para editar o registrar una comprobación de cobertura</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Revocar el consentimiento</translation>
    </message>
    <message>
        <source>Record that the patient withdrew the consent “%1” today? The consent stays in the history.</source>
        <translation>¿Registrar que el paciente ha revocado hoy el consentimiento «%1»? El consentimiento se mantiene en el historial.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove “%1”?</source>
        <translation>¿Quitar «%1»?</translation>
    </message>
    <message>
        <source>Contact preferences, consents and insurance</source>
        <translation>Preferencias de contacto, consentimientos y seguro</translation>
    </message>
</context>
<context>
    <name>frontdesk::CsvWriter</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>frontdesk::DashboardPdf</name>
    <message>
        <source>Period:</source>
        <translation>Periodo:</translation>
    </message>
    <message>
        <source>Filters:</source>
        <translation>Filtros:</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Indicadores</translation>
    </message>
    <message>
        <source>Could not make the PDF for %1.</source>
        <translation>No se pudo crear el PDF para %1.</translation>
    </message>
</context>
<context>
    <name>frontdesk::DashboardView</name>
    <message>
        <source>First day</source>
        <translation>Primer día</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <source>P&amp;eriod:</source>
        <translation>P&amp;eriodo:</translation>
    </message>
    <message>
        <source>to</source>
        <comment>from date to date</comment>
        <translation>a</translation>
    </message>
    <message>
        <source>Pr&amp;actitioner:</source>
        <translation>Pr&amp;ofesional:</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>S&amp;ala:</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>T&amp;ipo:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualizar</translation>
    </message>
    <message>
        <source>Compute the figures again</source>
        <translation>Volver a calcular los indicadores</translation>
    </message>
    <message>
        <source>Compute the figures again (F5)</source>
        <translation>Volver a calcular los indicadores (F5)</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exportar &amp;CSV…</translation>
    </message>
    <message>
        <source>Save one of the dashboard&apos;s tables for a spreadsheet</source>
        <translation>Guardar una de las tablas del panel para una hoja de cálculo</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Indicadores</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Exportar &amp;PDF…</translation>
    </message>
    <message>
        <source>Save the whole dashboard as PDF</source>
        <translation>Guardar todo el panel como PDF</translation>
    </message>
    <message>
        <source>&amp;How is this counted?</source>
        <translation>¿Cómo se c&amp;uenta?</translation>
    </message>
    <message>
        <source>The definition of every figure</source>
        <translation>La definición de cada indicador</translation>
    </message>
    <message>
        <source>Dashboards are for managers and administrators. Sign in with such an account to see the clinic&apos;s figures.</source>
        <translation>Los paneles son para la gerencia y los administradores. Inicie sesión con una cuenta de ese tipo para ver los indicadores de la clínica.</translation>
    </message>
    <message>
        <source>All practitioners</source>
        <translation>Todos los profesionales</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>Todas las salas</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>Could not list the dashboard&apos;s filters: %1</source>
        <translation>No se pudieron listar los filtros del panel: %1</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Calculando…</translation>
    </message>
    <message>
        <source>Computed in %1 ms</source>
        <translation>Calculado en %1 ms</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Never synced: these figures come from this computer&apos;s data only (today is %1).</source>
        <translation>Nunca sincronizado: estos indicadores proceden solo de los datos de este equipo (hoy es %1).</translation>
    </message>
    <message>
        <source>As of the last sync, %1, with the changes made on this computer since.</source>
        <translation>A fecha de la última sincronización, %1, con los cambios hechos desde entonces en este equipo.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <comment>practitioner · location · type</comment>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>There are no figures to export yet.</source>
        <translation>Todavía no hay indicadores que exportar.</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Dashboard — %1</source>
        <translation>Panel — %1</translation>
    </message>
    <message>
        <source>%1 (previous period %2)</source>
        <translation>%1 (periodo anterior %2)</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Exportar como CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the dashboard as PDF</source>
        <translation>Exportar el panel como PDF</translation>
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
        <translation>Pendiente de sincronizar</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Sincronizado</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflicto</translation>
    </message>
    <message>
        <source>Rejected by server</source>
        <translation>Rechazado por el servidor</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Datos de demostración</translation>
    </message>
</context>
<context>
    <name>frontdesk::DayCalendarView</name>
    <message>
        <source>confirmed</source>
        <translation>confirmada</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>presente</translation>
    </message>
    <message>
        <source>in room</source>
        <translation>en consulta</translation>
    </message>
    <message>
        <source>done</source>
        <translation>finalizada</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <source>no-show</source>
        <translation>no acudió</translation>
    </message>
    <message>
        <source>Day calendar</source>
        <translation>Calendario del día</translation>
    </message>
    <message>
        <source>waiting %1 min</source>
        <translation>esperando %1 min</translation>
    </message>
    <message>
        <source>No practitioner works on this day.</source>
        <translation>Ningún profesional trabaja este día.</translation>
    </message>
    <message>
        <source>%1, waiting %2 min</source>
        <translation>%1, esperando %2 min</translation>
    </message>
    <message>
        <source>%1–%2 %3
%4 with %5
%6
Room: %7
%8</source>
        <translation>%1–%2 %3
%4 con %5
%6
Sala: %7
%8</translation>
    </message>
    <message>
        <source>%1, patient replied: %2</source>
        <comment>appointment, the reply</comment>
        <translation>%1, el paciente respondió: %2</translation>
    </message>
    <message>
        <source>replied</source>
        <comment>the patient replied; short, on a calendar block</comment>
        <translation>respuesta</translation>
    </message>
    <message>
        <source>↩ Patient replied</source>
        <translation>↩ El paciente respondió</translation>
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
        <translation>Sin sala</translation>
    </message>
    <message>
        <source>%1 with %2: %3</source>
        <translation>%1 con %2: %3</translation>
    </message>
</context>
<context>
    <name>frontdesk::DetailsTab</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save the changes (%1)</source>
        <translation>Guardar los cambios (%1)</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Revertir</translation>
    </message>
    <message>
        <source>Patient details</source>
        <translation>Datos del paciente</translation>
    </message>
</context>
<context>
    <name>frontdesk::DrillDownDialog</name>
    <message>
        <source>%1 — records</source>
        <comment>figure name</comment>
        <translation>%1 — registros</translation>
    </message>
    <message>
        <source>&amp;Open patient</source>
        <translation>&amp;Abrir paciente</translation>
    </message>
    <message>
        <source>Opens the selected patient&apos;s profile (double-click or Enter)</source>
        <translation>Abre la ficha del paciente seleccionado (doble clic o Intro)</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exportar &amp;CSV…</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2: %n record(s)</source>
        <comment>figure, period</comment>
        <translation>
            <numerusform>%1, %2: %n registro</numerusform>
            <numerusform>%1, %2: %n registros</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n row(s) to %1.</source>
        <translation>
            <numerusform>Se ha guardado %n fila en %1.</numerusform>
            <numerusform>Se han guardado %n filas en %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the list as CSV</source>
        <translation>Exportar la lista como CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>frontdesk::FigureTile</name>
    <message>
        <source>Before: %1</source>
        <comment>the previous period&apos;s value</comment>
        <translation>Antes: %1</translation>
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
        <translation>Buscar el próximo hueco libre</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;With:</source>
        <translation>&amp;Con:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Duración:</translation>
    </message>
    <message>
        <source>Preferred days (none: any):</source>
        <translation>Días preferidos (ninguno: cualquiera):</translation>
    </message>
    <message>
        <source>Preferred time:</source>
        <translation>Hora preferida:</translation>
    </message>
    <message>
        <source>&amp;Book this time…</source>
        <translation>Rese&amp;rvar esta hora…</translation>
    </message>
    <message>
        <source>%1, %2 — %3</source>
        <translation>%1, %2 — %3</translation>
    </message>
    <message>
        <source>No free time in the next 120 days.</source>
        <translation>No hay ninguna hora libre en los próximos 120 días.</translation>
    </message>
    <message>
        <source>Search first, then choose a time.</source>
        <translation>Busque primero y después elija una hora.</translation>
    </message>
    <message>
        <source>Free times found</source>
        <translation>Horas libres encontradas</translation>
    </message>
</context>
<context>
    <name>frontdesk::KpiBreakdownModel</name>
    <message>
        <source>Weekly trend</source>
        <translation>Tendencia semanal</translation>
    </message>
    <message>
        <source>Per practitioner</source>
        <translation>Por profesional</translation>
    </message>
    <message>
        <source>No-shows by weekday and hour</source>
        <translation>Inasistencias por día de la semana y hora</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>Inasistencias</translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation>Cancelaciones</translation>
    </message>
    <message>
        <source>No-show rate</source>
        <translation>Tasa de inasistencia</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Ocupación</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>Booked hours</source>
        <translation>Horas reservadas</translation>
    </message>
    <message>
        <source>Available hours</source>
        <translation>Horas disponibles</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Día de la semana</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Appointments not cancelled</source>
        <translation>Citas no canceladas</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <comment>hour range</comment>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>Week %1 (from %2)</source>
        <translation>Semana %1 (desde el %2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (partial: %n of 7 days)</source>
        <comment>a week of the trend</comment>
        <translation>
            <numerusform>%1 (parcial: %n de 7 días)</numerusform>
            <numerusform>%1 (parcial: %n de 7 días)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::KpiDefinitions</name>
    <message>
        <source>The period is the chosen local days in the clinic&apos;s time zone, from the first day 00:00 to the day after the last 00:00; an appointment belongs to the period its start falls in. Deleted records never count.</source>
        <translation>El periodo abarca los días elegidos en la zona horaria de la clínica, desde las 00:00 del primer día hasta las 00:00 del día siguiente al último; una cita pertenece al periodo en el que empieza. Los registros eliminados nunca cuentan.</translation>
    </message>
    <message>
        <source>The practitioner, location and appointment-type filters narrow the appointments counted.</source>
        <translation>Los filtros de profesional, sala y tipo de cita limitan las citas contadas.</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>Appointments in the period, whatever their status (booked, confirmed, arrived, in room, completed, cancelled or no-show). %1 %2</source>
        <translation>Citas del periodo, sea cual sea su estado (reservada, confirmada, presente, en consulta, finalizada, cancelada o no acudió). %1 %2</translation>
    </message>
    <message>
        <source>No-show rate</source>
        <translation>Tasa de inasistencia</translation>
    </message>
    <message>
        <source>No-shows divided by the appointments in the period that were not cancelled: of the visits that were meant to happen, the share the patient missed. Undefined when no appointment remains. Visits still to come count in the base. %1 %2</source>
        <translation>Inasistencias divididas entre las citas no canceladas del periodo: de las visitas previstas, la proporción a la que el paciente no acudió. No definida si no queda ninguna cita. Las visitas aún por venir cuentan en la base. %1 %2</translation>
    </message>
    <message>
        <source>Late-cancellation rate</source>
        <translation>Tasa de cancelación tardía</translation>
    </message>
    <message>
        <source>Appointments cancelled less than N hours before their start, divided by all appointments in the period. The cancellation time is the latest change to &apos;cancelled&apos; in the status history that was not reverted (the record&apos;s last change when the history has none). N is the setting late_cancellation_hours (default %1). Undefined without appointments. %2 %3</source>
        <translation>Citas canceladas menos de N horas antes de su inicio, divididas entre todas las citas del periodo. La hora de cancelación es el último cambio a «cancelada» no revertido del historial de estados (si no hay historial, el último cambio del registro). N es el ajuste late_cancellation_hours (por defecto %1). No definida sin citas. %2 %3</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Ocupación</translation>
    </message>
    <message>
        <source>Booked minutes divided by available minutes. Booked: the minutes of the period&apos;s appointments that were not cancelled, no-shows included (the time was held), clipped to the period. Available: the weekly working hours of each active practitioner matching the filter on each day of the period, in the clinic&apos;s local time (a day with a daylight-saving change has 23 or 25 hours), less holidays, leave and blocked time - the same availability the schedule offers for booking. With a location filter, only working hours at that location count; with a type filter, only that type&apos;s minutes count as booked. Undefined when nothing was available. %1</source>
        <translation>Minutos reservados divididos entre los minutos disponibles. Reservados: los minutos de las citas no canceladas del periodo, incluidas las inasistencias (el tiempo quedó ocupado), recortados al periodo. Disponibles: el horario semanal de cada profesional activo que coincide con el filtro, cada día del periodo, en la hora local de la clínica (un día con cambio de hora tiene 23 o 25 horas), menos festivos, ausencias y tiempo bloqueado: la misma disponibilidad que la agenda ofrece para reservar. Con un filtro de sala solo cuenta el horario en esa sala; con un filtro de tipo solo cuentan como reservados los minutos de ese tipo. No definida si no había nada disponible. %1</translation>
    </message>
    <message>
        <source>Booking lead time</source>
        <translation>Antelación de reserva</translation>
    </message>
    <message>
        <source>The median, in days, of the time from booking (the record&apos;s creation) to the start, over the period&apos;s appointments that were not cancelled. Undefined without such appointments. %1 %2</source>
        <translation>La mediana, en días, del tiempo entre la reserva (creación del registro) y el inicio, sobre las citas no canceladas del periodo. No definida sin tales citas. %1 %2</translation>
    </message>
    <message>
        <source>New patients</source>
        <translation>Pacientes nuevos</translation>
    </message>
    <message>
        <source>Distinct patients with an appointment in the period that was not cancelled, whose earliest appointment ever (not deleted, not cancelled, with any practitioner) falls in the period. %1 %2</source>
        <translation>Pacientes distintos con una cita no cancelada en el periodo cuya primera cita (no eliminada, no cancelada, con cualquier profesional) cae en el periodo. %1 %2</translation>
    </message>
    <message>
        <source>Returning patients</source>
        <translation>Pacientes recurrentes</translation>
    </message>
    <message>
        <source>Distinct patients with an appointment in the period that was not cancelled who are not new: they had an earlier appointment that was not cancelled. %1 %2</source>
        <translation>Pacientes distintos con una cita no cancelada en el periodo que no son nuevos: ya tenían una cita anterior no cancelada. %1 %2</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Retención</translation>
    </message>
    <message>
        <source>Of the distinct patients seen (in room or completed) in the previous period of the same length, the share seen again in this period. Undefined when nobody was seen in the previous period. %1</source>
        <translation>De los pacientes distintos atendidos (en consulta o finalizada) en el periodo anterior de la misma duración, la proporción atendida de nuevo en este periodo. No definida si no se atendió a nadie en el periodo anterior. %1</translation>
    </message>
    <message>
        <source>Reminders sent</source>
        <translation>Recordatorios enviados</translation>
    </message>
    <message>
        <source>Outbound messages with the purpose &apos;reminder&apos; sent in the period (status sent or delivered; queued and failed messages were not sent). With a filter, only reminders about an appointment that matches it count.</source>
        <translation>Mensajes salientes con la finalidad «recordatorio» enviados en el periodo (estado enviado o entregado; los mensajes en cola o fallidos no se enviaron). Con un filtro solo cuentan los recordatorios sobre una cita que coincide con él.</translation>
    </message>
    <message>
        <source>Reminders delivered</source>
        <translation>Recordatorios entregados</translation>
    </message>
    <message>
        <source>Of the reminders sent in the period, those whose delivery was reported (status delivered); shown as a number of the reminders sent.</source>
        <translation>De los recordatorios enviados en el periodo, aquellos cuya entrega se notificó (estado entregado); se muestra respecto a los recordatorios enviados.</translation>
    </message>
    <message>
        <source>Reminders confirmed</source>
        <translation>Recordatorios confirmados</translation>
    </message>
    <message>
        <source>Of the reminders sent in the period, those whose appointment was confirmed afterwards: the status history changed it to &apos;confirmed&apos; at or after the reminder was sent (and the change was not reverted), or the patient answered about the same appointment with a reply starting with yes, y, ja, j, ok, c, 1 or confirm. Shown as a number of the reminders sent.</source>
        <translation>De los recordatorios enviados en el periodo, aquellos cuya cita se confirmó después: el historial de estados la cambió a «confirmada» en el momento del envío o más tarde (y el cambio no se revirtió), o el paciente respondió sobre la misma cita con una respuesta que empieza por yes, y, ja, j, ok, c, 1 o confirm. Se muestra respecto a los recordatorios enviados.</translation>
    </message>
    <message>
        <source>Response rate</source>
        <translation>Tasa de respuesta</translation>
    </message>
    <message>
        <source>Outbound messages sent in the period (any purpose) that got an inbound message from the same patient within %1 hours, divided by the outbound messages sent in the period. With a filter, only messages about an appointment that matches it count. Undefined when nothing was sent.</source>
        <translation>Mensajes salientes enviados en el periodo (cualquier finalidad) que recibieron un mensaje entrante del mismo paciente en %1 horas, divididos entre los mensajes salientes enviados en el periodo. Con un filtro solo cuentan los mensajes sobre una cita que coincide con él. No definida si no se envió nada.</translation>
    </message>
    <message>
        <source>Overdue recalls (care gaps)</source>
        <translation>Controles periódicos vencidos (brechas de atención)</translation>
    </message>
    <message>
        <source>Open recalls due before the end of the period (or before today, when the period reaches into the future) whose patient has no appointment, not deleted, not cancelled and not a no-show, starting on or after the due date. Counted as of the end of the period, from the recalls&apos; present state. With a practitioner filter, recalls for that practitioner or for nobody in particular count; the room and type filters do not apply to recalls.</source>
        <translation>Controles periódicos abiertos con vencimiento antes del final del periodo (o antes de hoy, si el periodo llega al futuro) cuyo paciente no tiene ninguna cita (no eliminada, no cancelada y a la que no faltó) que empiece en la fecha de vencimiento o después. Se cuentan al final del periodo según el estado actual de los controles. Con un filtro de profesional cuentan los controles de ese profesional o sin profesional asignado; los filtros de sala y de tipo no se aplican a los controles.</translation>
    </message>
    <message>
        <source>Patients at risk of disengaging</source>
        <translation>Pacientes en riesgo de abandono</translation>
    </message>
    <message>
        <source>Patients with a no-show in the period, or with %1 or more no-shows in the %2 days before the end of the period, who have no booked or confirmed appointment (not deleted) starting after the end of the period - or after today, when the period ends in the future. The no-shows follow the filters; the future appointment may be with anyone.</source>
        <translation>Pacientes con una inasistencia en el periodo, o con %1 o más inasistencias en los %2 días anteriores al final del periodo, que no tienen ninguna cita reservada o confirmada (no eliminada) que empiece después del final del periodo, o después de hoy si el periodo termina en el futuro. Las inasistencias siguen los filtros; la cita futura puede ser con cualquiera.</translation>
    </message>
    <message>
        <source>Survey answers: %1</source>
        <translation>Respuestas a la encuesta: %1</translation>
    </message>
    <message>
        <source>Of the survey answers given in the period, those scoring %1 (1 poor, 5 very good); shown as a number of the answers. %2</source>
        <translation>De las respuestas a la encuesta dadas en el periodo, las que puntúan %1 (1 mal, 5 muy bien); se muestra como número de respuestas. %2</translation>
    </message>
    <message>
        <source>An answer belongs to the period its time falls in, in the clinic&apos;s time zone. With a filter, only answers about an appointment that matches it count.</source>
        <translation>Una respuesta pertenece al periodo en que cae su hora, en la zona horaria de la consulta. Con un filtro, solo cuentan las respuestas sobre una cita que coincide con él.</translation>
    </message>
    <message>
        <source>Survey answers</source>
        <translation>Respuestas a la encuesta</translation>
    </message>
    <message>
        <source>Answers from 1 to 5 given in the period to the survey a follow-up after a visit asks by SMS (one per survey: a later answer replaces an earlier one). %1</source>
        <translation>Respuestas del 1 al 5 dadas en el periodo a la encuesta que un mensaje de seguimiento tras una visita hace por SMS (una por encuesta: una respuesta posterior sustituye a la anterior). %1</translation>
    </message>
    <message>
        <source>Average survey score</source>
        <translation>Puntuación media de la encuesta</translation>
    </message>
    <message>
        <source>The mean of the survey answers given in the period, from 1 (poor) to 5 (very good). Undefined without answers. %1</source>
        <translation>La media de las respuestas a la encuesta dadas en el periodo, del 1 (mal) al 5 (muy bien). Sin definir si no hay respuestas. %1</translation>
    </message>
    <message>
        <source>Survey response rate</source>
        <translation>Tasa de respuesta a la encuesta</translation>
    </message>
    <message>
        <source>Surveys sent in the period (outbound messages with the purpose &apos;survey&apos;, status sent or delivered) that have an answer, divided by the surveys sent in the period. Undefined when none was sent. With a filter, only surveys about an appointment that matches it count.</source>
        <translation>Encuestas enviadas en el periodo (mensajes salientes con el motivo «survey», estado enviado o entregado) que tienen respuesta, divididas entre las encuestas enviadas en el periodo. Sin definir si no se envió ninguna. Con un filtro, solo cuentan las encuestas sobre una cita que coincide con él.</translation>
    </message>
</context>
<context>
    <name>frontdesk::KpiDrillDownModel</name>
    <message>
        <source>Could not list the records behind “%1”: %2</source>
        <translation>No se pudieron listar los registros detrás de «%1»: %2</translation>
    </message>
</context>
<context>
    <name>frontdesk::KpiFigureModel</name>
    <message>
        <source>Could not compute the dashboard: %1</source>
        <translation>No se pudo calcular el panel: %1</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Este periodo</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Periodo anterior</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Variación</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>De</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n. d.</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 días</translation>
    </message>
    <message>
        <source>—</source>
        <comment>no comparison</comment>
        <translation>—</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>sin cambios</translation>
    </message>
    <message>
        <source>%1 %2 pp</source>
        <comment>arrow, percentage points</comment>
        <translation>%1 %2 p. p.</translation>
    </message>
    <message>
        <source>%1 %2 days</source>
        <comment>arrow, days</comment>
        <translation>%1 %2 días</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>arrow, count</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
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
        <translation>Falta el primer día del periodo o no es una fecha válida.</translation>
    </message>
    <message>
        <source>The last day of the period is missing or not a valid date.</source>
        <translation>Falta el último día del periodo o no es una fecha válida.</translation>
    </message>
    <message>
        <source>The period starts on %1, after its last day %2.</source>
        <translation>El periodo empieza el %1, después de su último día, el %2.</translation>
    </message>
    <message>
        <source>The period has %1 days; at most %2 days can be shown at once.</source>
        <translation>El periodo tiene %1 días; se pueden mostrar como máximo %2 días a la vez.</translation>
    </message>
</context>
<context>
    <name>frontdesk::KpiHelpDialog</name>
    <message>
        <source>How the dashboard counts</source>
        <translation>Cómo cuenta el panel</translation>
    </message>
    <message>
        <source>How the figures are counted</source>
        <translation>Cómo se cuentan los indicadores</translation>
    </message>
    <message>
        <source>Every figure is computed on this workstation from its own database, so the dashboard works without the network. It shows what this workstation knew at its last sync with the server, plus the changes made here since.</source>
        <translation>Cada indicador se calcula en este puesto a partir de su propia base de datos, así que el panel funciona sin red. Muestra lo que este puesto sabía en su última sincronización con el servidor, más los cambios hechos aquí desde entonces.</translation>
    </message>
    <message>
        <source>Each figure is shown for the chosen period and, beside it, for the period of the same number of days just before it. The change is green when it is an improvement and red when it is worse; rates change in percentage points (pp).</source>
        <translation>Cada indicador se muestra para el periodo elegido y, a su lado, para el periodo del mismo número de días justo anterior. La variación aparece en verde cuando es una mejora y en rojo cuando es un empeoramiento; las tasas varían en puntos porcentuales (p. p.).</translation>
    </message>
    <message>
        <source>Click a figure, or press Enter or Space on it, to list the appointments, patients, messages or recalls behind it.</source>
        <translation>Haga clic en un indicador, o pulse Intro o Espacio sobre él, para listar las citas, pacientes, mensajes o controles periódicos que lo componen.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Gráficos</translation>
    </message>
    <message>
        <source>Weekly trend: appointments per ISO week (bars) and that week&apos;s no-show rate (line); a week cut by the period counts only its days inside it. Per practitioner: utilisation, appointments or no-show rate of each active practitioner matching the filters. Heat map: no-shows by weekday and hour of the start, coloured by the no-show rate of the appointments not cancelled in that hour.</source>
        <translation>Tendencia semanal: citas por semana ISO (barras) y la tasa de inasistencia de esa semana (línea); una semana cortada por el periodo solo cuenta sus días dentro de él. Por profesional: ocupación, citas o tasa de inasistencia de cada profesional activo que coincide con los filtros. Mapa de calor: inasistencias por día de la semana y hora de inicio, coloreadas según la tasa de inasistencia de las citas no canceladas de esa hora.</translation>
    </message>
</context>
<context>
    <name>frontdesk::KpiPeriodPreset</name>
    <message>
        <source>This week</source>
        <translation>Esta semana</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Últimos 90 días</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Este mes</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Mes pasado</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Este trimestre</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
</context>
<context>
    <name>frontdesk::KpiService</name>
    <message>
        <source>There is no practitioner with the id %1.</source>
        <translation>No hay ningún profesional con el identificador %1.</translation>
    </message>
    <message>
        <source>There is no location with the id %1.</source>
        <translation>No hay ninguna sala con el identificador %1.</translation>
    </message>
    <message>
        <source>There is no appointment type with the code %1.</source>
        <translation>No hay ningún tipo de cita con el código %1.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>NHC</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Teléfono móvil</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalidad</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Respondida</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
</context>
<context>
    <name>frontdesk::LanguageMenu</name>
    <message>
        <source>La&amp;nguage</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;System language (%1)</source>
        <translation>Idioma del &amp;sistema (%1)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Frontdesk will use %1 from its next start on this workstation.</source>
        <translation>Idioma de Frontdesk en este puesto de trabajo a partir del próximo inicio: %1.</translation>
    </message>
</context>
<context>
    <name>frontdesk::LockScreen</name>
    <message>
        <source>Frontdesk — locked</source>
        <translation>Frontdesk — bloqueado</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>&lt;b&gt;Frontdesk is locked.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Frontdesk está bloqueado.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Frontdesk is locked.</source>
        <translation>Frontdesk está bloqueado.</translation>
    </message>
    <message>
        <source>&amp;Switch User</source>
        <translation>&amp;Cambiar de usuario</translation>
    </message>
    <message>
        <source>Sign in with your own account; the windows open now are kept, hidden, for the person who left them until they sign in again.</source>
        <translation>Inicie sesión con su propia cuenta; las ventanas abiertas se conservan, ocultas, para la persona que las dejó hasta que vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Frontdesk is locked.&lt;/b&gt;&lt;br&gt;%1 is signed in. Enter their password, or an administrator&apos;s, to go on; or Switch User with your own.</source>
        <translation>&lt;b&gt;Frontdesk está bloqueado.&lt;/b&gt;&lt;br&gt;%1 tiene la sesión iniciada. Introduzca su contraseña, o la de un administrador, para continuar; o cambie de usuario con la suya.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n form(s) open that cannot be kept: switching closes them without saving. Press Switch User again to go on, or let %1 unlock.</source>
        <translation>
            <numerusform>%1 tiene %n formulario abierto que no se puede conservar: el cambio lo cierra sin guardar. Pulse de nuevo «Cambiar de usuario» para continuar, o deje que %1 desbloquee.</numerusform>
            <numerusform>%1 tiene %n formularios abiertos que no se pueden conservar: el cambio los cierra sin guardar. Pulse de nuevo «Cambiar de usuario» para continuar, o deje que %1 desbloquee.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the password with the server…</source>
        <translation>Comprobando la contraseña con el servidor…</translation>
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
        <translation>Vistas</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>A&amp;genda</translation>
    </message>
    <message>
        <source>&amp;Patients</source>
        <translation>&amp;Pacientes</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>&amp;Mensajes</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>Pa&amp;nel</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Find Patient…</source>
        <translation>&amp;Buscar paciente…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualizar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About Frontdesk</source>
        <translation>&amp;Acerca de Frontdesk</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>Frontdesk</source>
        <translation>Frontdesk</translation>
    </message>
    <message>
        <source>New &amp;Message…</source>
        <translation>&amp;Mensaje nuevo…</translation>
    </message>
    <message>
        <source>The message waits in the outbox until the server sends it.</source>
        <translation>El mensaje espera en la bandeja de salida hasta que el servidor lo envíe.</translation>
    </message>
    <message>
        <source>S&amp;ync Now</source>
        <translation>S&amp;incronizar ahora</translation>
    </message>
    <message>
        <source>Sign &amp;Out…</source>
        <translation>&amp;Cerrar sesión…</translation>
    </message>
    <message>
        <source>The Dashboard is not available: %1</source>
        <translation>El panel no está disponible: %1</translation>
    </message>
    <message>
        <source>Sync &amp;Conflicts…</source>
        <translation>&amp;Conflictos de sincronización…</translation>
    </message>
    <message>
        <source>Recall &amp;Outreach…</source>
        <translation>&amp;Envío de controles periódicos…</translation>
    </message>
    <message>
        <source>&amp;Worklist</source>
        <translation>&amp;Lista de tareas</translation>
    </message>
    <message>
        <source>The survey answer (%1 of 5) is recorded; it reaches the server with the next sync.</source>
        <translation>La respuesta a la encuesta (%1 de 5) está registrada; llegará al servidor con la próxima sincronización.</translation>
    </message>
</context>
<context>
    <name>frontdesk::MergeDialog</name>
    <message>
        <source>Possible duplicates</source>
        <translation>Posibles duplicados</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Record A</source>
        <translation>Historia A</translation>
    </message>
    <message>
        <source>Record B</source>
        <translation>Historia B</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>S&amp;wap surviving record</source>
        <translation>&amp;Intercambiar la historia que se conserva</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Fusionar…</translation>
    </message>
    <message>
        <source>Pairs of records that may be the same person, most likely first. Select one to compare and merge it.</source>
        <translation>Pares de historias que pueden ser de la misma persona, las más probables primero. Seleccione uno para compararlo y fusionarlo.</translation>
    </message>
    <message>
        <source>no birth date</source>
        <translation>sin fecha de nacimiento</translation>
    </message>
    <message>
        <source>No possible duplicates found.</source>
        <translation>No se han encontrado posibles duplicados.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Field&lt;/b&gt;</source>
        <translation>&lt;b&gt;Campo&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Keep (surviving record)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Mantener (historia que se conserva)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Take from the merged record&lt;/b&gt;</source>
        <translation>&lt;b&gt;Tomar de la historia fusionada&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>Merge records</source>
        <translation>Fusionar historias</translation>
    </message>
    <message>
        <source>Merged. %1 now holds both records.</source>
        <translation>Fusionadas. %1 contiene ahora ambas historias.</translation>
    </message>
    <message>
        <source>Fields of the two records</source>
        <translation>Campos de las dos historias clínicas</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>Merge %1 (%2) into %3 (%4)? Appointments, messages, consents, insurance and clinical records move to the surviving record; the merged record stays as a link.</source>
        <translation>¿Fusionar %1 (%2) en %3 (%4)? Las citas, mensajes, consentimientos, seguros y datos clínicos pasan a la historia que se conserva; la historia fusionada queda como enlace.</translation>
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
        <translation>Ejemplo</translation>
    </message>
    <message>
        <source>Dr.</source>
        <comment>the sample practitioner&apos;s title in the template preview</comment>
        <translation>Dr.</translation>
    </message>
    <message>
        <source>SMS or e-mail</source>
        <translation>SMS o correo electrónico</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Desactivada</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalidad</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>frontdesk::MessageTemplatesDialog</name>
    <message>
        <source>Message templates</source>
        <translation>Plantillas de mensaje</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>Ne&amp;w template</source>
        <translation>Nue&amp;va plantilla</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>P&amp;urpose:</source>
        <translation>&amp;Finalidad:</translation>
    </message>
    <message>
        <source>SMS or e-mail</source>
        <translation>SMS o correo electrónico</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Canal:</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>&amp;Insertar</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>Ca&amp;mpo:</translation>
    </message>
    <message>
        <source>&amp;Offered when composing</source>
        <translation>&amp;Ofrecida al redactar</translation>
    </message>
    <message>
        <source>Field to insert</source>
        <translation>Marcador que insertar</translation>
    </message>
    <message>
        <source>Checks the template and saves it (Ctrl+S)</source>
        <translation>Comprueba la plantilla y la guarda (Ctrl+S)</translation>
    </message>
    <message>
        <source>the new template</source>
        <translation>la nueva plantilla</translation>
    </message>
    <message>
        <source>Save the changes to &quot;%1&quot;?</source>
        <translation>¿Guardar los cambios de «%1»?</translation>
    </message>
    <message>
        <source>The changes to &quot;%1&quot; were not saved: %2</source>
        <translation>Los cambios de «%1» no se guardaron: %2</translation>
    </message>
    <message>
        <source>The preview shows the text as a patient reads it.</source>
        <translation>La vista previa muestra el texto tal como lo lee el paciente.</translation>
    </message>
    <message>
        <source>Subject: %1

%2</source>
        <translation>Asunto: %1

%2</translation>
    </message>
</context>
<context>
    <name>frontdesk::MessageTextForm</name>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Asunto:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Texto:</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Vista previa:</translation>
    </message>
</context>
<context>
    <name>frontdesk::MessageThreadListModel</name>
    <message>
        <source>Choose a conversation first.</source>
        <translation>Elija primero una conversación.</translation>
    </message>
    <message>
        <source>Unassigned inbox</source>
        <translation>Bandeja de entrada sin asignar</translation>
    </message>
    <message>
        <source>%1 received: %2</source>
        <comment>channel received: text</comment>
        <translation>%1 recibido: %2</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <comment>channel (status): text</comment>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>Messages whose sender matched no patient, or several:
%1</source>
        <translation>Mensajes cuyo remitente no coincide con ningún paciente, o con varios:
%1</translation>
    </message>
    <message>
        <source>messages: %1</source>
        <translation>mensajes: %1</translation>
    </message>
    <message>
        <source>unread: %1</source>
        <translation>no leídos: %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fallidos: %1</translation>
    </message>
    <message>
        <source>not assigned</source>
        <translation>sin asignar</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>asignada a %1</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Última actividad</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>No leído</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Asignada a</translation>
    </message>
    <message>
        <source>Latest message</source>
        <translation>Último mensaje</translation>
    </message>
</context>
<context>
    <name>frontdesk::MessageThreadModel</name>
    <message>
        <source>Could not open the conversation: %1</source>
        <translation>No se pudo abrir la conversación: %1</translation>
    </message>
    <message>
        <source>Could not load the conversation: %1</source>
        <translation>No se pudo cargar la conversación: %1</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <comment>the automation rule that sent it</comment>
        <translation>Automático (%1)</translation>
    </message>
    <message>
        <source>Template %1</source>
        <translation>Plantilla %1</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clínica</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>subject — body</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 recibido</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 enviado</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>No leído</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>status: why it failed</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Subject: %1

%2</source>
        <translation>Asunto: %1

%2</translation>
    </message>
    <message>
        <source>Delivered %1</source>
        <translation>Entregado el %1</translation>
    </message>
    <message>
        <source>No single patient has this number or address.</source>
        <translation>Este número o dirección no pertenece a un único paciente.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
</context>
<context>
    <name>frontdesk::MessagesView</name>
    <message>
        <source>&amp;New message…</source>
        <translation>Mensaje &amp;nuevo…</translation>
    </message>
    <message>
        <source>&amp;Reply…</source>
        <translation>&amp;Responder…</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Todos los canales</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalidad</translation>
    </message>
    <message>
        <source>All purposes</source>
        <translation>Todos los motivos</translation>
    </message>
    <message>
        <source>Unread only</source>
        <translation>Solo no leídas</translation>
    </message>
    <message>
        <source>Unassigned only</source>
        <translation>Solo sin asignar</translation>
    </message>
    <message>
        <source>Choose a conversation and press Return to open it.</source>
        <translation>Elija una conversación y pulse Intro para abrirla.</translation>
    </message>
    <message>
        <source>Messages of the conversation</source>
        <translation>Mensajes de la conversación</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>Responder…</translation>
    </message>
    <message>
        <source>A new message to this patient</source>
        <translation>Un mensaje nuevo a este paciente</translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation>Asignar a</translation>
    </message>
    <message>
        <source>&amp;Assign to…</source>
        <translation>&amp;Asignar a…</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation>Asignar a…</translation>
    </message>
    <message>
        <source>Give the conversation to a staff member</source>
        <translation>Asignar la conversación a un miembro del personal</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>Asignarme</translation>
    </message>
    <message>
        <source>Assign to &amp;me</source>
        <translation>Asignar&amp;me</translation>
    </message>
    <message>
        <source>Mark unread</source>
        <translation>Marcar como no leída</translation>
    </message>
    <message>
        <source>The newest reply counts as unread again</source>
        <translation>La respuesta más reciente vuelve a contar como no leída</translation>
    </message>
    <message>
        <source>Mark &amp;unread</source>
        <translation>Marcar como &amp;no leída</translation>
    </message>
    <message>
        <source>Conversations: %1</source>
        <translation>Conversaciones: %1</translation>
    </message>
    <message>
        <source>Conversations: %1 · unread: %2</source>
        <translation>Conversaciones: %1 · no leídas: %2</translation>
    </message>
    <message>
        <source>Unassigned inbox</source>
        <translation>Bandeja de entrada sin asignar</translation>
    </message>
    <message>
        <source>%1 · not assigned</source>
        <translation>%1 · sin asignar</translation>
    </message>
    <message>
        <source>%1 · assigned to %2</source>
        <translation>%1 · asignada a %2</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>A mí</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Nadie</translation>
    </message>
    <message>
        <source>Recall &amp;outreach…</source>
        <translation>Envío de &amp;controles periódicos…</translation>
    </message>
    <message>
        <source>The patients due for a recall, written to as a batch</source>
        <translation>Los pacientes con un control periódico pendiente, contactados en un solo envío</translation>
    </message>
    <message>
        <source>Survey answer…</source>
        <translation>Respuesta a la encuesta…</translation>
    </message>
    <message>
        <source>Record the answer to a follow-up&apos;s survey the patient gave on the phone</source>
        <translation>Registrar la respuesta a la encuesta de un seguimiento que el paciente dio por teléfono</translation>
    </message>
    <message>
        <source>&amp;Survey answer…</source>
        <translation>Respuesta a la &amp;encuesta…</translation>
    </message>
</context>
<context>
    <name>frontdesk::NewPatientDialog</name>
    <message>
        <source>New patient</source>
        <translation>Paciente nuevo</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>Corrija los campos marcados en rojo.</translation>
    </message>
    <message>
        <source>%1 (%2, born %3): %4</source>
        <translation>%1 (%2, nacido/a el %3): %4</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Posible duplicado</translation>
    </message>
    <message>
        <source>This patient may already be registered:

%1

Use the existing record instead, or save a new one anyway?</source>
        <translation>Es posible que este paciente ya esté registrado:

%1

¿Usar la historia existente o guardar una nueva de todos modos?</translation>
    </message>
    <message>
        <source>&amp;Use existing</source>
        <translation>&amp;Usar la existente</translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation>&amp;Guardar de todos modos</translation>
    </message>
</context>
<context>
    <name>frontdesk::NoShowHeatMap</name>
    <message>
        <source>No-shows by weekday and hour</source>
        <translation>Inasistencias por día de la semana y hora</translation>
    </message>
    <message>
        <source>%1, %2
%3 of %4
No-show rate: %5</source>
        <comment>weekday, hour, no-shows of appointments</comment>
        <translation>%1, %2
%3 de %4
Tasa de inasistencia: %5</translation>
    </message>
    <message numerus="yes">
        <source>%Ln no-show(s)</source>
        <translation>
            <numerusform>%Ln inasistencia</numerusform>
            <numerusform>%Ln inasistencias</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln appointment(s) not cancelled</source>
        <translation>
            <numerusform>%Ln cita no cancelada</numerusform>
            <numerusform>%Ln citas no canceladas</numerusform>
        </translation>
    </message>
    <message>
        <source>no-show rate 0 to %1 · number = no-shows · grey: nothing booked</source>
        <translation>tasa de inasistencia de 0 a %1 · número = inasistencias · gris: nada reservado</translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientEditor</name>
    <message>
        <source>&amp;Family name *</source>
        <translation>&amp;Apellidos *</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>p. ej., %1</translation>
    </message>
    <message>
        <source>Day.month.year, year-month-day or month/day/year.</source>
        <translation>Día.mes.año, año-mes-día o mes/día/año.</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>&amp;Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Femenino</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation>&amp;Sexo</translation>
    </message>
    <message>
        <source>&amp;MRN *</source>
        <translation>N&amp;HC *</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>M&amp;obile</source>
        <translation>&amp;Móvil</translation>
    </message>
    <message>
        <source>&amp;Home phone</source>
        <translation>Teléfono fi&amp;jo</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>C&amp;orreo electrónico</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Llamada telefónica</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Pre&amp;ferred channel</source>
        <translation>Canal pr&amp;eferido</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Dirección</translation>
    </message>
    <message>
        <source>&amp;Postal code</source>
        <translation>Código posta&amp;l</translation>
    </message>
    <message>
        <source>C&amp;ity</source>
        <translation>&amp;Ciudad</translation>
    </message>
    <message>
        <source>Co&amp;untry</source>
        <translation>&amp;País</translation>
    </message>
    <message>
        <source>&lt;b&gt;Emergency contact&lt;/b&gt;</source>
        <translation>&lt;b&gt;Contacto de emergencia&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>Nom&amp;bre</translation>
    </message>
    <message>
        <source>&amp;Relation</source>
        <translation>&amp;Relación</translation>
    </message>
    <message>
        <source>Pho&amp;ne</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date; enter it like %2.</source>
        <translation>«%1» no es una fecha; introdúzcala como %2.</translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientListModel</name>
    <message>
        <source>Could not load the patient list: %1</source>
        <translation>No se pudo cargar la lista de pacientes: %1</translation>
    </message>
    <message>
        <source>Could not load more patients: %1</source>
        <translation>No se pudieron cargar más pacientes: %1</translation>
    </message>
    <message>
        <source>Mobile: %1
Home: %2</source>
        <translation>Móvil: %1
Fijo: %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>NHC</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientPicker</name>
    <message>
        <source>%1 — born %2 — %3</source>
        <translation>%1 — nacido/a el %2 — %3</translation>
    </message>
    <message>
        <source>Search patients</source>
        <translation>Buscar pacientes</translation>
    </message>
    <message>
        <source>Matching patients</source>
        <translation>Pacientes coincidentes</translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientProfile</name>
    <message>
        <source>The insurance ends before it starts.</source>
        <translation>El seguro termina antes de empezar.</translation>
    </message>
    <message>
        <source>Only an existing alert can be edited.</source>
        <translation>Solo se puede editar una alerta existente.</translation>
    </message>
    <message>
        <source>This alert is no longer in the patient&apos;s record.</source>
        <translation>Esta alerta ya no está en la historia del paciente.</translation>
    </message>
    <message>
        <source>This preference is no longer in the patient&apos;s record.</source>
        <translation>Esta preferencia ya no está en la historia del paciente.</translation>
    </message>
    <message>
        <source>This consent is already withdrawn.</source>
        <translation>Este consentimiento ya está revocado.</translation>
    </message>
    <message>
        <source>A consent cannot be withdrawn before it was given.</source>
        <translation>Un consentimiento no se puede revocar antes de haberse otorgado.</translation>
    </message>
    <message>
        <source>This consent is no longer in the patient&apos;s record.</source>
        <translation>Este consentimiento ya no está en la historia del paciente.</translation>
    </message>
    <message>
        <source>Enter the date the patient should come back.</source>
        <translation>Introduzca la fecha en la que el paciente debe volver.</translation>
    </message>
    <message>
        <source>The due date is more than ten years ahead; please check the year.</source>
        <translation>La fecha de vencimiento está a más de diez años; compruebe el año.</translation>
    </message>
    <message>
        <source>Say what the patient should come back for, e.g. yearly check-up.</source>
        <translation>Indique para qué debe volver el paciente, p. ej., revisión anual.</translation>
    </message>
    <message>
        <source>Keep the reason under 200 characters.</source>
        <translation>Mantenga el motivo por debajo de 200 caracteres.</translation>
    </message>
    <message>
        <source>This practitioner is no longer in the clinic&apos;s list; choose another or any practitioner.</source>
        <translation>Este profesional ya no está en la lista de la clínica; elija otro o cualquier profesional.</translation>
    </message>
    <message>
        <source>Save the new patient before adding a recall.</source>
        <translation>Guarde el paciente nuevo antes de añadir un control periódico.</translation>
    </message>
    <message>
        <source>Only an open recall can be changed; this one is closed.</source>
        <translation>Solo se puede cambiar un control abierto; este está cerrado.</translation>
    </message>
    <message>
        <source>This recall is no longer in the patient&apos;s record.</source>
        <translation>Este control periódico ya no está en la historia del paciente.</translation>
    </message>
    <message>
        <source>This recall is already done.</source>
        <translation>Este control periódico ya está hecho.</translation>
    </message>
    <message>
        <source>This recall is already cancelled.</source>
        <translation>Este control periódico ya está cancelado.</translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientProfileView</name>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Detalles</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>Cro&amp;nología</translation>
    </message>
    <message>
        <source>&amp;Consents &amp;&amp; insurance</source>
        <translation>Consentimientos y s&amp;eguro</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Paciente nuevo</translation>
    </message>
    <message>
        <source>&lt;h2&gt;New patient&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Paciente nuevo&lt;/h2&gt;</translation>
    </message>
    <message numerus="yes">
        <source>born %1 (%n years)</source>
        <translation>
            <numerusform>nacido/a el %1 (%n año)</numerusform>
            <numerusform>nacido/a el %1 (%n años)</numerusform>
        </translation>
    </message>
    <message>
        <source>C&amp;linical</source>
        <translation>C&amp;línico</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>¿Guardar los cambios de %1?</translation>
    </message>
    <message>
        <source>the new patient</source>
        <translation>el paciente nuevo</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>Corrija los campos marcados en rojo.</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Posible duplicado</translation>
    </message>
    <message>
        <source>This patient may already be registered:

%1

Open the existing record instead, or save a new one anyway?</source>
        <translation>Puede que este paciente ya esté registrado:

%1

¿Abrir la historia existente o guardar una nueva de todos modos?</translation>
    </message>
    <message>
        <source>&amp;Open existing</source>
        <translation>&amp;Abrir la existente</translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation>&amp;Guardar de todos modos</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Set &amp;photo…</source>
        <translation>Establecer &amp;foto…</translation>
    </message>
    <message>
        <source>Remove p&amp;hoto</source>
        <translation>Quitar f&amp;oto</translation>
    </message>
    <message>
        <source>Recalls</source>
        <translation>Controles periódicos</translation>
    </message>
    <message>
        <source>(photo cannot be shown)</source>
        <translation>(no se puede mostrar la foto)</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Elegir una foto</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>Fotos (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 no se puede leer: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Send &amp;message…</source>
        <translation>Enviar &amp;mensaje…</translation>
    </message>
    <message>
        <source>&amp;Book appointment…</source>
        <translation>&amp;Reservar cita…</translation>
    </message>
    <message>
        <source>&lt;h2&gt;%1&lt;/h2&gt;%2 · %3 · %4</source>
        <translation>&lt;h2&gt;%1&lt;/h2&gt;%2 · %3 · %4</translation>
    </message>
    <message>
        <source>Opened by emergency access (no appointment today). Reason: %1. Every read is recorded in the audit trail.</source>
        <translation>Abierto con acceso de emergencia (sin cita hoy). Motivo: %1. Cada lectura queda registrada en el registro de auditoría.</translation>
    </message>
    <message>
        <source>%1 (%2, born %3): %4</source>
        <translation>%1 (%2, nacido/a el %3): %4</translation>
    </message>
</context>
<context>
    <name>frontdesk::PatientsView</name>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message numerus="yes">
        <source>%Ln patients match</source>
        <translation>
            <numerusform>Coincide %Ln paciente</numerusform>
            <numerusform>Coinciden %Ln pacientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln patients</source>
        <translation>
            <numerusform>%Ln paciente</numerusform>
            <numerusform>%Ln pacientes</numerusform>
        </translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Name, birth date, phone, MRN or e-mail</source>
        <translation>Nombre, fecha de nacimiento, teléfono, NHC o correo</translation>
    </message>
    <message>
        <source>&amp;New Patient…</source>
        <translation>Paciente &amp;nuevo…</translation>
    </message>
    <message>
        <source>&amp;Duplicates…</source>
        <translation>&amp;Duplicados…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Búsqueda</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Paciente nuevo</translation>
    </message>
    <message>
        <source>Finds patients by name (in any order, accents and case ignored), birth date, phone number, MRN or e-mail, best match first (Ctrl+F). Enter opens the profile when one patient matches; otherwise Enter or Down goes to the results, and Enter there opens the chosen one.</source>
        <translation>Busca pacientes por nombre (en cualquier orden, sin distinguir acentos ni mayúsculas), fecha de nacimiento, teléfono, NHC o correo, con la mejor coincidencia primero (Ctrl+F). Intro abre la ficha cuando coincide un solo paciente; si no, Intro o Abajo lleva a los resultados, y allí Intro abre el elegido.</translation>
    </message>
    <message>
        <source>Patients found</source>
        <translation>Pacientes encontrados</translation>
    </message>
</context>
<context>
    <name>frontdesk::PractitionerChart</name>
    <message>
        <source>Utilisation</source>
        <translation>Ocupación</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>No-show rate</source>
        <translation>Tasa de inasistencia</translation>
    </message>
    <message>
        <source>&amp;Bars show:</source>
        <translation>&amp;Barras:</translation>
    </message>
    <message>
        <source>Per practitioner</source>
        <translation>Por profesional</translation>
    </message>
    <message>
        <source>Per practitioner: %1</source>
        <translation>Por profesional: %1</translation>
    </message>
</context>
<context>
    <name>frontdesk::RecallDialog</name>
    <message>
        <source>New recall</source>
        <translation>Nuevo control periódico</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Control periódico</translation>
    </message>
    <message>
        <source>e.g. Yearly check-up</source>
        <translation>p. ej., Revisión anual</translation>
    </message>
    <message>
        <source>Any practitioner</source>
        <translation>Cualquier profesional</translation>
    </message>
    <message>
        <source>&amp;Due on:</source>
        <translation>&amp;Vence el:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>&amp;Practitioner:</source>
        <translation>&amp;Profesional:</translation>
    </message>
    <message>
        <source>Shown as overdue from the day after the due date until the patient has an appointment on or after it.</source>
        <translation>Se muestra como vencido desde el día siguiente a la fecha de vencimiento hasta que el paciente tenga una cita en esa fecha o después.</translation>
    </message>
</context>
<context>
    <name>frontdesk::RecallOutreachDialog</name>
    <message>
        <source>Call task</source>
        <translation>Tarea de llamada</translation>
    </message>
    <message>
        <source>Letter task</source>
        <translation>Tarea de carta</translation>
    </message>
    <message>
        <source>Not contacted: %1</source>
        <translation>No contactado: %1</translation>
    </message>
    <message>
        <source>Recall Outreach</source>
        <translation>Envío de controles periódicos</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Plantilla:</translation>
    </message>
    <message>
        <source>No visit for (months)</source>
        <translation>Sin visita desde hace (meses)</translation>
    </message>
    <message>
        <source>Only recalls</source>
        <translation>Solo controles periódicos</translation>
    </message>
    <message>
        <source> months</source>
        <translation> meses</translation>
    </message>
    <message>
        <source>&amp;No visit for:</source>
        <translation>&amp;Sin visita desde hace:</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Cómo</translation>
    </message>
    <message>
        <source>Patients due</source>
        <translation>Pacientes pendientes</translation>
    </message>
    <message>
        <source>&amp;Patients due:</source>
        <translation>&amp;Pacientes pendientes:</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <source>Queues the messages and makes the call and letter tasks (Ctrl+Return)</source>
        <translation>Pone los mensajes en cola y crea las tareas de llamada y de carta (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>What the selected patient reads:</source>
        <translation>Lo que lee el paciente seleccionado:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Send to %n patient(s)</source>
        <translation>
            <numerusform>&amp;Enviar a %n paciente</numerusform>
            <numerusform>&amp;Enviar a %n pacientes</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no active template for recalls; an administrator makes one under message templates.</source>
        <translation>No hay ninguna plantilla activa para controles periódicos; un administrador la crea en las plantillas de mensaje.</translation>
    </message>
    <message>
        <source>Nobody is due for a recall today.</source>
        <translation>Hoy nadie tiene un control periódico pendiente.</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) due, </source>
        <translation>
            <numerusform>%n paciente pendiente, </numerusform>
            <numerusform>%n pacientes pendientes, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to be contacted.</source>
        <translation>
            <numerusform>%n por contactar.</numerusform>
            <numerusform>%n por contactar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Asunto: %1</translation>
    </message>
    <message>
        <source>Send the recall to the patients listed? Messages wait in the outbox until the server sends them; call and letter requests become tasks in the worklist.</source>
        <translation>¿Enviar el control periódico a los pacientes de la lista? Los mensajes esperan en la bandeja de salida hasta que el servidor los envíe; las preferencias de llamada o carta se convierten en tareas de la lista de tareas.</translation>
    </message>
    <message>
        <source>%1 queued</source>
        <translation>%1 en cola</translation>
    </message>
    <message>
        <source>Call task made</source>
        <translation>Tarea de llamada creada</translation>
    </message>
    <message>
        <source>Letter task made</source>
        <translation>Tarea de carta creada</translation>
    </message>
    <message>
        <source>Failed, nothing kept: %1</source>
        <translation>Error, no se guardó nada: %1</translation>
    </message>
    <message numerus="yes">
        <source>Sent: %n message(s) queued, </source>
        <translation>
            <numerusform>Enviado: %n mensaje en cola, </numerusform>
            <numerusform>Enviado: %n mensajes en cola, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) made, </source>
        <translation>
            <numerusform>%n tarea creada, </numerusform>
            <numerusform>%n tareas creadas, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) not contacted.</source>
        <translation>
            <numerusform>%n paciente no contactado.</numerusform>
            <numerusform>%n pacientes no contactados.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::RecallsTab</name>
    <message>
        <source>Due</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Add recall…</source>
        <translation>Añadir &amp;control…</translation>
    </message>
    <message>
        <source>&amp;Mark done</source>
        <translation>Marcar como &amp;hecho</translation>
    </message>
    <message>
        <source>The patient came back for the selected recall</source>
        <translation>El paciente ha vuelto para el control periódico seleccionado</translation>
    </message>
    <message>
        <source>Ca&amp;ncel recall…</source>
        <translation>Cancelar con&amp;trol…</translation>
    </message>
    <message>
        <source>The selected recall is no longer needed (Delete)</source>
        <translation>El control periódico seleccionado ya no es necesario (Supr)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Open — overdue</source>
        <translation>Abierto — vencido</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Any practitioner</source>
        <translation>Cualquier profesional</translation>
    </message>
    <message>
        <source>Due before today and no appointment booked on or after the due date: a care gap</source>
        <translation>Vencido antes de hoy y sin cita reservada en la fecha de vencimiento o después: una brecha de atención</translation>
    </message>
    <message>
        <source>Double-click or Enter to change; Delete to cancel</source>
        <translation>Doble clic o Intro para cambiar; Supr para cancelar</translation>
    </message>
    <message>
        <source>(no recalls)</source>
        <translation>(sin controles periódicos)</translation>
    </message>
    <message numerus="yes">
        <source>Recalls (%n overdue)</source>
        <translation>
            <numerusform>Controles periódicos (%n vencido)</numerusform>
            <numerusform>Controles periódicos (%n vencidos)</numerusform>
        </translation>
    </message>
    <message>
        <source>Recalls</source>
        <translation>Controles periódicos</translation>
    </message>
    <message>
        <source>This recall is closed and cannot be changed; add a new one instead.</source>
        <translation>Este control periódico está cerrado y no se puede cambiar; añada uno nuevo en su lugar.</translation>
    </message>
    <message>
        <source>Cancel recall</source>
        <translation>Cancelar el control periódico</translation>
    </message>
    <message>
        <source>Cancel the recall “%1”? It stays in the patient&apos;s history.</source>
        <translation>¿Cancelar el control periódico «%1»? Se mantiene en el historial del paciente.</translation>
    </message>
</context>
<context>
    <name>frontdesk::ScheduleAdminDialog</name>
    <message>
        <source>Schedule settings</source>
        <translation>Ajustes de la agenda</translation>
    </message>
    <message>
        <source>&amp;Working hours</source>
        <translation>&amp;Horario</translation>
    </message>
    <message>
        <source>&amp;Time off</source>
        <translation>&amp;Ausencias</translation>
    </message>
    <message>
        <source>Appointment t&amp;ypes</source>
        <translation>&amp;Tipos de cita</translation>
    </message>
    <message>
        <source>&amp;Rooms</source>
        <translation>&amp;Salas</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>A&amp;ñadir</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Ausencia</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Festivo</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>Quién:</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>Qué:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Desde:</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>Hasta:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Nota:</translation>
    </message>
    <message>
        <source>code, e.g. ultrasound</source>
        <translation>código, p. ej., ultrasound</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Room name</source>
        <translation>Nombre de la sala</translation>
    </message>
    <message>
        <source>The whole clinic</source>
        <translation>Toda la clínica</translation>
    </message>
    <message>
        <source>No room</source>
        <translation>Sin sala</translation>
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
        <translation>toda la clínica</translation>
    </message>
    <message>
        <source>%1 (%2) — %3 min</source>
        <translation>%1 (%2) — %3 min</translation>
    </message>
    <message>
        <source>The colour must be like #4e79a7.</source>
        <translation>El color debe tener la forma #4e79a7.</translation>
    </message>
    <message>
        <source>Choose an entry first.</source>
        <translation>Elija primero una entrada.</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>Time off</source>
        <translation>Ausencias</translation>
    </message>
    <message>
        <source>Appointment types</source>
        <translation>Tipos de cita</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salas</translation>
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
        <translation>Día anterior (%1)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Next day (%1)</source>
        <translation>Día siguiente (%1)</translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation>Día mostrado</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <source>By practitioner</source>
        <translation>Por profesional</translation>
    </message>
    <message>
        <source>By room</source>
        <translation>Por sala</translation>
    </message>
    <message>
        <source>Week of one practitioner</source>
        <translation>Semana de un profesional</translation>
    </message>
    <message>
        <source>Practitioner filter</source>
        <translation>Filtro de profesional</translation>
    </message>
    <message>
        <source>Appointment type filter</source>
        <translation>Filtro de tipo de cita</translation>
    </message>
    <message>
        <source>Find next available…</source>
        <translation>Próximo hueco libre…</translation>
    </message>
    <message>
        <source>Day list (PDF)…</source>
        <translation>Lista del día (PDF)…</translation>
    </message>
    <message>
        <source>Save the day list</source>
        <translation>Guardar la lista del día</translation>
    </message>
    <message>
        <source>day-list-%1.pdf</source>
        <translation>lista-del-dia-%1.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved the day list to %1.</source>
        <translation>Lista del día guardada en %1.</translation>
    </message>
    <message>
        <source>Waitlist…</source>
        <translation>Lista de espera…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Ajustes…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Con&amp;firm</source>
        <translation>Con&amp;firmar</translation>
    </message>
    <message>
        <source>&amp;Check in</source>
        <translation>Registrar &amp;llegada</translation>
    </message>
    <message>
        <source>Into the &amp;room</source>
        <translation>A &amp;consulta</translation>
    </message>
    <message>
        <source>Co&amp;mplete</source>
        <translation>Finali&amp;zar</translation>
    </message>
    <message>
        <source>&amp;No-show</source>
        <translation>No &amp;acudió</translation>
    </message>
    <message>
        <source>C&amp;ancel…</source>
        <translation>Ca&amp;ncelar…</translation>
    </message>
    <message>
        <source>&amp;Revert the last status</source>
        <translation>&amp;Revertir el último estado</translation>
    </message>
    <message>
        <source>All practitioners</source>
        <translation>Todos los profesionales</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Hoy, %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n appointment(s)</source>
        <translation>
            <numerusform>%1 — %n cita</numerusform>
            <numerusform>%1 — %n citas</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Deshacer %1</translation>
    </message>
    <message>
        <source>Could not undo %1: %2</source>
        <translation>No se pudo deshacer %1: %2</translation>
    </message>
    <message>
        <source>Undone: %1.</source>
        <translation>Deshecho: %1.</translation>
    </message>
    <message>
        <source>the series</source>
        <translation>la serie</translation>
    </message>
    <message>
        <source>the booking</source>
        <translation>la reserva</translation>
    </message>
    <message>
        <source>the move</source>
        <translation>el cambio de hora</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Deshecho</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Cancel the rest of the series</source>
        <translation>Cancelar el resto de la serie</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled %n appointment(s) of the series; each can be reverted on its own.</source>
        <translation>
            <numerusform>Se ha cancelado %n cita de la serie; cada una se puede revertir por separado.</numerusform>
            <numerusform>Se han cancelado %n citas de la serie; cada una se puede revertir por separado.</numerusform>
        </translation>
    </message>
    <message>
        <source>the cancellation</source>
        <translation>la cancelación</translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s) of the series now at this time.</source>
        <translation>
            <numerusform>%n cita de la serie está ahora a esta hora.</numerusform>
            <numerusform>%n citas de la serie están ahora a esta hora.</numerusform>
        </translation>
    </message>
    <message>
        <source>Set by mistake</source>
        <translation>Puesto por error</translation>
    </message>
    <message>
        <source>The status is back to “%1”; the history keeps both.</source>
        <translation>El estado vuelve a ser «%1»; el historial conserva ambos.</translation>
    </message>
    <message numerus="yes">
        <source>The freed time at %1 suits %n patient(s) on the waitlist: %2.</source>
        <translation>
            <numerusform>La hora liberada a las %1 encaja con %n paciente de la lista de espera: %2.</numerusform>
            <numerusform>La hora liberada a las %1 encaja con %n pacientes de la lista de espera: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Move the rest of the series to this time</source>
        <translation>Mover el resto de la serie a esta hora</translation>
    </message>
    <message>
        <source>Cancel the rest of the series…</source>
        <translation>Cancelar el resto de la serie…</translation>
    </message>
    <message>
        <source>Room filter</source>
        <translation>Filtro de sala</translation>
    </message>
    <message>
        <source>All rooms</source>
        <translation>Todas las salas</translation>
    </message>
    <message>
        <source>The search did not find %1; choose the patient in the booking dialog.</source>
        <translation>La búsqueda no encontró %1; elija al paciente en el diálogo de reserva.</translation>
    </message>
    <message>
        <source>Print day list…</source>
        <translation>Imprimir la lista del día…</translation>
    </message>
    <message>
        <source>Print the day list</source>
        <translation>Imprimir la lista del día</translation>
    </message>
    <message>
        <source>The day list went to %1.</source>
        <translation>La lista del día se envió a %1.</translation>
    </message>
    <message>
        <source>The patient&apos;s reply is marked handled.</source>
        <translation>La respuesta del paciente está marcada como atendida.</translation>
    </message>
    <message>
        <source>Mark the patient&apos;s reply &amp;handled</source>
        <translation>Marcar la respuesta del paciente como &amp;atendida</translation>
    </message>
    <message>
        <source>&amp;Write to the patient…</source>
        <translation>Escribir al &amp;paciente…</translation>
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
        <translation>Día anterior</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>Ir a hoy</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Día siguiente</translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation>Día mostrado</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Hoy, %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln appointments</source>
        <translation>
            <numerusform>%Ln cita</numerusform>
            <numerusform>%Ln citas</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Practitioner: %1&lt;br&gt;Room: %2&lt;br&gt;Type: %3&lt;br&gt;Status: %4&lt;/p&gt;</source>
        <translation>&lt;p&gt;Profesional: %1&lt;br&gt;Sala: %2&lt;br&gt;Tipo: %3&lt;br&gt;Estado: %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Reason: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Motivo: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Notes: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Notas: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation>&amp;Calendario</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>&amp;Lista</translation>
    </message>
    <message>
        <source>Show the appointments as a list (%1)</source>
        <translation>Mostrar las citas como lista (%1)</translation>
    </message>
    <message>
        <source>Show the day calendar (%1)</source>
        <translation>Mostrar el calendario del día (%1)</translation>
    </message>
</context>
<context>
    <name>frontdesk::Session</name>
    <message>
        <source>Sign in first.</source>
        <translation>Inicie sesión primero.</translation>
    </message>
    <message>
        <source>The workstation is locked. Unlock it first.</source>
        <translation>El puesto de trabajo está bloqueado. Desbloquéelo primero.</translation>
    </message>
    <message>
        <source>As %1, %2 may not %3.</source>
        <translation>Como %1, %2 no puede %3.</translation>
    </message>
    <message>
        <source>%1 is already signed in; sign out first.</source>
        <translation>%1 ya ha iniciado sesión; cierre sesión primero.</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>No hay nadie con la sesión iniciada.</translation>
    </message>
    <message>
        <source>Only %1 or an administrator can unlock this session.</source>
        <translation>Solo %1 o un administrador puede desbloquear esta sesión.</translation>
    </message>
    <message>
        <source>Lock the workstation first; then another person can take it over.</source>
        <translation>Bloquee primero el puesto de trabajo; después otra persona puede tomarlo.</translation>
    </message>
</context>
<context>
    <name>frontdesk::SignInDialog</name>
    <message>
        <source>Sign in — Frontdesk</source>
        <translation>Iniciar sesión — Frontdesk</translation>
    </message>
    <message>
        <source>First start — Frontdesk</source>
        <translation>Primer inicio — Frontdesk</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>Nombre co&amp;mpleto:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Repetir:</translation>
    </message>
    <message>
        <source>At least %1 characters, not a common password. Several unrelated words work well.</source>
        <translation>Al menos %1 caracteres y que no sea una contraseña común. Varias palabras sin relación funcionan bien.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>Crear e iniciar sesión</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Introduzca su nombre de usuario.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>Sign in with your own staff account.</source>
        <translation>Inicie sesión con su propia cuenta de personal.</translation>
    </message>
    <message>
        <source>This workstation has no staff accounts yet. Create the first administrator; they can add everyone else (frontdeskctl user add).</source>
        <translation>Este puesto de trabajo aún no tiene cuentas de personal. Cree el primer administrador; podrá añadir a todos los demás (frontdeskctl user add).</translation>
    </message>
    <message>
        <source>Checking the password with the server…</source>
        <translation>Comprobando la contraseña con el servidor…</translation>
    </message>
</context>
<context>
    <name>frontdesk::SqlCipherDriver</name>
    <message>
        <source>%1 needs a number of milliseconds, not &quot;%2&quot;.</source>
        <translation>%1 necesita un número de milisegundos, no «%2».</translation>
    </message>
    <message>
        <source>Unknown connect option &quot;%1&quot; (the QSQLCIPHER driver knows %2 and %3=&lt;milliseconds&gt;).</source>
        <translation>Opción de conexión desconocida «%1» (el controlador QSQLCIPHER conoce %2 y %3=&lt;milisegundos&gt;).</translation>
    </message>
    <message>
        <source>No database key was given; Frontdesk never opens a database unencrypted. Refusing to open %1.</source>
        <translation>No se ha indicado ninguna clave de base de datos; Frontdesk nunca abre una base de datos sin cifrar. Se rechaza abrir %1.</translation>
    </message>
    <message>
        <source>The database key must be exactly %1 hexadecimal digits (a raw 256-bit key). Refusing to open %2.</source>
        <translation>La clave de la base de datos debe tener exactamente %1 dígitos hexadecimales (una clave en bruto de 256 bits). Se rechaza abrir %2.</translation>
    </message>
    <message>
        <source>Could not open the database %1.</source>
        <translation>No se pudo abrir la base de datos %1.</translation>
    </message>
    <message>
        <source>SQLCipher is not active in this process (PRAGMA cipher_version gave no answer): the process reached plain SQLite, which would store patient data unencrypted. Refusing to open %1.</source>
        <translation>SQLCipher no está activo en este proceso (PRAGMA cipher_version no dio respuesta): el proceso llegó a SQLite sin cifrado, que guardaría los datos de los pacientes sin cifrar. Se rechaza abrir %1.</translation>
    </message>
    <message>
        <source>Could not apply the key to the database %1.</source>
        <translation>No se pudo aplicar la clave a la base de datos %1.</translation>
    </message>
    <message>
        <source>The database %1 could not be decrypted: the key is wrong, or the file is not a Frontdesk database. The file was not changed.</source>
        <translation>No se pudo descifrar la base de datos %1: la clave no es correcta o el archivo no es una base de datos de Frontdesk. El archivo no se ha modificado.</translation>
    </message>
    <message>
        <source>The database %1 could not be read.</source>
        <translation>No se pudo leer la base de datos %1.</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>La base de datos no está abierta.</translation>
    </message>
    <message>
        <source>Unable to begin the transaction</source>
        <translation>No se pudo iniciar la transacción</translation>
    </message>
    <message>
        <source>Unable to commit the transaction</source>
        <translation>No se pudo confirmar la transacción</translation>
    </message>
    <message>
        <source>Unable to roll back the transaction</source>
        <translation>No se pudo revertir la transacción</translation>
    </message>
</context>
<context>
    <name>frontdesk::SqlRow</name>
    <message>
        <source>This connection is not a SQLite one.</source>
        <translation>Esta conexión no es de SQLite.</translation>
    </message>
    <message>
        <source>Could not read a row: %1</source>
        <translation>No se pudo leer una fila: %1</translation>
    </message>
</context>
<context>
    <name>frontdesk::SurveyAnswerDialog</name>
    <message>
        <source>Survey answer</source>
        <translation>Respuesta a la encuesta</translation>
    </message>
    <message>
        <source>Patient:</source>
        <translation>Paciente:</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>&amp;Visit:</source>
        <translation>&amp;Visita:</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Pregunta:</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>%1 (poor)</source>
        <translation>%1 (malo)</translation>
    </message>
    <message>
        <source>%1 (very good)</source>
        <translation>%1 (muy bueno)</translation>
    </message>
    <message>
        <source>&amp;Answer:</source>
        <translation>&amp;Respuesta:</translation>
    </message>
    <message>
        <source>&amp;Record answer</source>
        <translation>&amp;Registrar la respuesta</translation>
    </message>
    <message>
        <source>Stored and synced as an answer by SMS is (Ctrl+Return)</source>
        <translation>Se guarda y sincroniza como una respuesta por SMS (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>%1 · answered %2</source>
        <translation>%1 · respondida: %2</translation>
    </message>
    <message numerus="yes">
        <source>The patient has no completed visit in the last %n day(s) to answer about.</source>
        <translation>
            <numerusform>El paciente no tiene ninguna visita finalizada en el último %n día sobre la que responder.</numerusform>
            <numerusform>El paciente no tiene ninguna visita finalizada en los últimos %n días sobre la que responder.</numerusform>
        </translation>
    </message>
    <message>
        <source>No survey was sent about this visit; record the answer the patient gave when asked.</source>
        <translation>No se envió ninguna encuesta sobre esta visita; registre la respuesta que dio el paciente cuando se le preguntó.</translation>
    </message>
</context>
<context>
    <name>frontdesk::SyncStatus</name>
    <message>
        <source>Could not count the changes waiting to sync: %1</source>
        <translation>No se pudieron contar los cambios pendientes de sincronizar: %1</translation>
    </message>
</context>
<context>
    <name>frontdesk::SyncStatusWidget</name>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Offline — no server configured</source>
        <translation>Sin conexión — no hay servidor configurado</translation>
    </message>
    <message>
        <source>no changes waiting</source>
        <translation>ningún cambio pendiente</translation>
    </message>
    <message numerus="yes">
        <source>%Ln changes waiting</source>
        <translation>
            <numerusform>%Ln cambio pendiente</numerusform>
            <numerusform>%Ln cambios pendientes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>connection · changes waiting</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Changes made on this workstation are kept safely in its database and will be sent once a sync server is configured.</source>
        <translation>Los cambios hechos en este puesto se guardan de forma segura en su base de datos y se enviarán en cuanto se configure un servidor de sincronización.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source> (last synced %1)</source>
        <translation> (última sincronización %1)</translation>
    </message>
    <message>
        <source> (never synced)</source>
        <translation> (nunca sincronizado)</translation>
    </message>
    <message numerus="yes">
        <source> · %Ln in conflict</source>
        <translation>
            <numerusform> · %Ln en conflicto</numerusform>
            <numerusform> · %Ln en conflicto</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation>Sin conexión desde %1</translation>
    </message>
    <message numerus="yes">
        <source> · %Ln refused by the server</source>
        <translation>
            <numerusform> · %Ln rechazado por el servidor</numerusform>
            <numerusform> · %Ln rechazados por el servidor</numerusform>
        </translation>
    </message>
    <message>
        <source>Settle…</source>
        <translation>Resolver…</translation>
    </message>
    <message>
        <source>Settle the records waiting after sync</source>
        <translation>Resolver los registros pendientes tras la sincronización</translation>
    </message>
    <message>
        <source>Open Sync Conflicts (Shift+F9)</source>
        <translation>Abrir los conflictos de sincronización (Mayús+F9)</translation>
    </message>
    <message>
        <source>sending %1 of %2 records to the server</source>
        <translation>enviando %1 de %2 registros al servidor</translation>
    </message>
    <message>
        <source>receiving %1 of %2 changes from the server</source>
        <translation>recibiendo %1 de %2 cambios del servidor</translation>
    </message>
    <message>
        <source>finishing the first sync: rebuilding search index %1 of %2</source>
        <translation>terminando la primera sincronización: reconstruyendo el índice de búsqueda %1 de %2</translation>
    </message>
</context>
<context>
    <name>frontdesk::SyncWorker</name>
    <message>
        <source>The sync worker could not open the database: %1</source>
        <translation>El proceso de sincronización no pudo abrir la base de datos: %1</translation>
    </message>
    <message>
        <source>Could not count the changes waiting to sync: %1</source>
        <translation>No se pudieron contar los cambios pendientes de sincronizar: %1</translation>
    </message>
    <message>
        <source>Could not count the records in conflict: %1</source>
        <translation>No se pudieron contar los registros en conflicto: %1</translation>
    </message>
    <message>
        <source>The sync worker could not read the schema: %1</source>
        <translation>El proceso de sincronización no pudo leer el esquema: %1</translation>
    </message>
</context>
<context>
    <name>frontdesk::TimeWindowEdit</name>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Hora de inicio</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Hora de fin</translation>
    </message>
</context>
<context>
    <name>frontdesk::TimelineTab</name>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Control periódico</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>Recall due: %1</source>
        <translation>Control periódico pendiente: %1</translation>
    </message>
    <message>
        <source>Visit notes are not shown: this patient has no appointment today. Open the clinical summary on the Clinical tab, giving the reason, to see them here too.</source>
        <translation>Las notas de la visita no se muestran: este paciente no tiene cita hoy. Abra el resumen clínico en la pestaña «Clínico», indicando el motivo, para verlas también aquí.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <source>Mark the patient&apos;s reply &amp;handled</source>
        <translation>Marcar la respuesta del paciente como &amp;atendida</translation>
    </message>
    <message>
        <source>For a line marked “patient replied”: once someone answered the patient, the mark goes here and on the calendar.</source>
        <translation>Para una línea marcada «el paciente respondió»: una vez que alguien ha contestado al paciente, la marca desaparece aquí y en el calendario.</translation>
    </message>
</context>
<context>
    <name>frontdesk::WaitlistDialog</name>
    <message>
        <source>Waitlist</source>
        <translation>Lista de espera</translation>
    </message>
    <message>
        <source>Find the patient: name, birth date, phone or MRN</source>
        <translation>Buscar al paciente: nombre, fecha de nacimiento, teléfono o NHC</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Add to the waitlist</source>
        <translation>&amp;Añadir a la lista de espera</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Paciente:</translation>
    </message>
    <message>
        <source>&amp;With:</source>
        <translation>&amp;Con:</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Duración:</translation>
    </message>
    <message>
        <source>Days (none: any):</source>
        <translation>Días (ninguno: cualquiera):</translation>
    </message>
    <message>
        <source>Time of day:</source>
        <translation>Hora del día:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Find and choose the patient first.</source>
        <translation>Busque y elija primero al paciente.</translation>
    </message>
    <message>
        <source>%1 — %2 min with %3; %4 %5–%6; waiting since %7 %8</source>
        <translation>%1 — %2 min con %3; %4 %5–%6; en espera desde %7 %8</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>cualquier día</translation>
    </message>
</context>
<context>
    <name>frontdesk::WeeklyTrendChart</name>
    <message>
        <source>Weekly trend: appointments and no-show rate</source>
        <translation>Tendencia semanal: citas y tasa de inasistencia</translation>
    </message>
    <message>
        <source>Weekly trend</source>
        <translation>Tendencia semanal</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>No-show rate</source>
        <translation>Tasa de inasistencia</translation>
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
            <numerusform>%1: %Ln cita</numerusform>
            <numerusform>%1: %Ln citas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, no-show rate %2</source>
        <comment>a week&apos;s appointments, then its no-show rate</comment>
        <translation>%1, tasa de inasistencia %2</translation>
    </message>
    <message>
        <source>%1 (part)</source>
        <comment>a week&apos;s label: only part of it counted</comment>
        <translation>%1 (parcial)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (partial week: %n of 7 days)</source>
        <comment>a week of the weekly trend chart</comment>
        <translation>
            <numerusform>%1 (semana parcial: %n de 7 días)</numerusform>
            <numerusform>%1 (semana parcial: %n de 7 días)</numerusform>
        </translation>
    </message>
    <message>
        <source>Weekly trend — lighter, “(part)”: a week not wholly counted</source>
        <translation>Tendencia semanal — más claro, «(parcial)»: semana contada solo en parte</translation>
    </message>
</context>
<context>
    <name>frontdesk::WorklistModel</name>
    <message>
        <source>Recall</source>
        <translation>Control periódico</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>Waitlist offer</source>
        <translation>Oferta de la lista de espera</translation>
    </message>
    <message>
        <source>Could not load the worklist: %1</source>
        <translation>No se pudo cargar la lista de tareas: %1</translation>
    </message>
    <message>
        <source>Choose the task to mark done.</source>
        <translation>Elija la tarea que desea marcar como hecha.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (contacted %2: %3)</source>
        <translation>%1 (contactado el %2: %3)</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Qué hacer</translation>
    </message>
</context>
<context>
    <name>frontdesk::WorklistView</name>
    <message>
        <source>Worklist</source>
        <translation>Lista de tareas</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>Tasks due</source>
        <translation>Tareas pendientes</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Marcar como hecha</translation>
    </message>
    <message>
        <source>The task is done: it leaves the worklist</source>
        <translation>La tarea está hecha: sale de la lista de tareas</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>Marcar como &amp;hecha</translation>
    </message>
    <message>
        <source>Recall &amp;Outreach…</source>
        <translation>&amp;Envío de controles periódicos…</translation>
    </message>
    <message>
        <source>Return opens the patient; D marks the task done.</source>
        <translation>Intro abre el paciente; D marca la tarea como hecha.</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>Hecho: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) due</source>
        <translation>
            <numerusform>%n tarea pendiente</numerusform>
            <numerusform>%n tareas pendientes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>frontdesk::Workstation</name>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>These windows are still open:
%1

Signing out closes them; what is not saved in them is lost.</source>
        <translation>Estas ventanas siguen abiertas:
%1

Al cerrar sesión se cierran; lo que no esté guardado en ellas se pierde.</translation>
    </message>
    <message>
        <source>Close Them and Sign Out</source>
        <translation>Cerrarlas y cerrar sesión</translation>
    </message>
    <message>
        <source>Quit Frontdesk</source>
        <translation>Salir de Frontdesk</translation>
    </message>
    <message>
        <source>Windows are kept open on this workstation for %1. Quitting closes them; what is not saved in them is lost.

Quit anyway?</source>
        <translation>En este puesto de trabajo hay ventanas conservadas para %1. Al salir se cierran; lo que no esté guardado en ellas se pierde.

¿Salir de todos modos?</translation>
    </message>
</context>
<context>
    <name>frontdesk::view</name>
    <message>
        <source>MRN %1</source>
        <translation>NHC %1</translation>
    </message>
</context>
</TS>

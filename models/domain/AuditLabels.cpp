#include "AuditLabels.h"

#include <QHash>

namespace frontdesk {

QString AuditLabels::action(const QString &code)
{
    // Built each call: the names follow the language installed meanwhile.
    const QHash<QString, QString> names{
        {QStringLiteral("login"), tr("Sign-in")},
        {QStringLiteral("logout"), tr("Sign-out")},
        {QStringLiteral("lock"), tr("Workstation locked")},
        {QStringLiteral("unlock"), tr("Workstation unlocked")},
        {QStringLiteral("session-takeover"), tr("Session taken over")},
        {QStringLiteral("password-change"), tr("Password changed")},
        {QStringLiteral("user-create"), tr("Staff account created")},
        {QStringLiteral("user-update"), tr("Staff account changed")},
        {QStringLiteral("read"), tr("Record read")},
        {QStringLiteral("clinical-read"), tr("Clinical record read")},
        {QStringLiteral("search"), tr("Search")},
        {QStringLiteral("create"), tr("Created")},
        {QStringLiteral("update"), tr("Changed")},
        {QStringLiteral("delete"), tr("Deleted")},
        {QStringLiteral("merge"), tr("Records merged")},
        {QStringLiteral("double-book"), tr("Double booking")},
        {QStringLiteral("assign"), tr("Assigned")},
        {QStringLiteral("export"), tr("Export")},
        {QStringLiteral("print"), tr("Print")},
        {QStringLiteral("import"), tr("Import")},
        {QStringLiteral("purge"), tr("Purged")},
        {QStringLiteral("seed"), tr("Demo data")},
        {QStringLiteral("settings-change"), tr("Setting changed")},
        {QStringLiteral("key-rotation"), tr("Database key changed")},
        {QStringLiteral("ctl-command"), tr("frontdeskctl command")},
        {QStringLiteral("sync-resolve"), tr("Sync conflict settled")},
        {QStringLiteral("message-held"), tr("Message held")},
        {QStringLiteral("audit-read"), tr("Audit trail read")},
        {QStringLiteral("audit-export"), tr("Audit trail exported")},
        {QStringLiteral("audit-reanchor"), tr("Audit trail re-anchored")},
        {QStringLiteral("workstation-enroll"), tr("Workstation enrolled")},
        {QStringLiteral("workstation-token"), tr("Workstation token issued")},
        {QStringLiteral("workstation-revoke"), tr("Workstation revoked")}};
    return names.value(code, code);
}

QString AuditLabels::outcome(const QString &code)
{
    const QHash<QString, QString> names{{QStringLiteral("success"), tr("Success")},
                                        {QStringLiteral("failure"), tr("Failure")},
                                        {QStringLiteral("refused"), tr("Refused")},
                                        {QStringLiteral("queued"), tr("Queued")},
                                        {QStringLiteral("skipped"), tr("Skipped")}};
    return names.value(code, code);
}

QString AuditLabels::entityType(const QString &type)
{
    const QHash<QString, QString> names{
        {QStringLiteral("Patient"), tr("Patient")},
        {QStringLiteral("Appointment"), tr("Appointment")},
        {QStringLiteral("ClinicalRecord"), tr("Clinical record")},
        {QStringLiteral("Consent"), tr("Consent")},
        {QStringLiteral("Recall"), tr("Recall")},
        {QStringLiteral("Communication"), tr("Message")},
        {QStringLiteral("StaffAccount"), tr("Staff account")},
        {QStringLiteral("Workstation"), tr("Workstation")},
        {QStringLiteral("Setting"), tr("Setting")},
        {QStringLiteral("Database"), tr("Database")},
        {QStringLiteral("Bundle"), tr("FHIR bundle")},
        {QStringLiteral("Command"), tr("Command")},
        {QStringLiteral("AuditLog"), tr("Audit trail")},
        {QStringLiteral("AuditTrail"), tr("Audit trail")},
        {QStringLiteral("day-list"), tr("Day list")},
        {QStringLiteral("dashboard"), tr("Dashboard")},
        {QStringLiteral("dashboard-drill-down"), tr("Dashboard list")}};
    return names.value(type, type);
}

} // namespace frontdesk

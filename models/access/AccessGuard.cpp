#include "AccessGuard.h"

#include "access/AuditLog.h"
#include "access/Permissions.h"
#include "access/Session.h"
#include "database/Database.h"
#include "domain/ClinicTime.h"

namespace frontdesk {

Status AccessGuard::require(Permission permission) const
{
    const Session *session = Session::of(m_db);
    return session ? session->require(permission) : Status();
}

Status AccessGuard::requireRead(const QString &resourceType) const
{
    const std::optional<Permission> needed = Permissions::toRead(resourceType);
    if (!needed)
        return unknownType(resourceType);
    return require(*needed);
}

Status AccessGuard::requireWrite(const QString &resourceType) const
{
    const std::optional<Permission> needed = Permissions::toWrite(resourceType);
    if (!needed)
        return unknownType(resourceType);
    return require(*needed);
}

// Fails closed, also on a system connection: a record type nobody put in the permission table
// is a mistake to fix, not data to let through.
Status AccessGuard::unknownType(const QString &resourceType)
{
    return fail(tr("Records of the type \"%1\" are not in the permission table, so they may "
                   "not be read or changed.")
                    .arg(resourceType));
}

Status AccessGuard::audit(const QString &action, const QString &entityType, const QString &entityId,
                          const QString &patientId, const QJsonObject &detail)
{
    AuditEntry entry;
    entry.action = action;
    entry.entityType = entityType;
    entry.entityId = entityId;
    entry.patientId = patientId;
    entry.detail = detail;
    if (auto a = AuditLog(m_db).append(entry); !a)
        return fail(a.error());
    return {};
}

Status AccessGuard::openPatient(const QString &patientId)
{
    if (auto s = require(Permission::ViewDemographics); !s)
        return s;
    return audit(QStringLiteral("read"), QStringLiteral("Patient"), patientId, patientId, {});
}

Result<bool> AccessGuard::needsBreakGlass(const QString &patientId) const
{
    const ClinicTime clinic = ClinicTime::fromZoneName(m_db.setting(ClinicTime::settingKey()));
    const QDate today = clinic.today(m_db.clock());
    const qint64 from = clinic.startOfDayUtc(today).toMSecsSinceEpoch();
    const qint64 to = clinic.startOfDayUtc(today.addDays(1)).toMSecsSinceEpoch();
    auto n = m_db.scalar(QStringLiteral("SELECT count(*) FROM appointments WHERE patient_id = ? "
                                        "AND deleted = 0 AND start_at >= ? AND start_at < ? "
                                        "AND status != 'cancelled'"),
                         {patientId, from, to});
    if (!n)
        return fail(n.error());
    return n->toLongLong() == 0;
}

Status AccessGuard::openClinical(const QString &patientId, const QString &breakGlassReason)
{
    if (auto s = require(Permission::ViewClinical); !s) {
        (void)audit(QStringLiteral("read"), QStringLiteral("ClinicalSummary"), patientId, patientId,
                    {{QStringLiteral("outcome_reason"), QStringLiteral("permission-denied")}});
        return s;
    }
    // Break the glass applies to people signed in at the workstation; the admin's tool and the
    // sync worker have no care relationship to check.
    if (Session::of(m_db)) {
        auto needed = needsBreakGlass(patientId);
        if (!needed)
            return fail(needed.error());
        if (*needed) {
            const QString reason = breakGlassReason.simplified();
            if (reason.size() < 5)
                return fail(tr("This patient has no appointment today. To open their clinical "
                               "record anyway, give the reason (at least 5 characters); it is "
                               "recorded in the audit trail."));
            return audit(QStringLiteral("break-glass"), QStringLiteral("ClinicalSummary"),
                         patientId, patientId, {{QStringLiteral("reason"), reason}});
        }
    }
    return audit(QStringLiteral("read"), QStringLiteral("ClinicalSummary"), patientId, patientId,
                 {});
}

Status AccessGuard::recordSearch(const QString &query, qint64 resultCount)
{
    return audit(QStringLiteral("search"), QStringLiteral("Patient"), {}, {},
                 {{QStringLiteral("query"), query}, {QStringLiteral("results"), resultCount}});
}

Status AccessGuard::recordDisclosure(const QString &action, const QString &what,
                                     const QString &patientId, const QJsonObject &detail)
{
    return audit(action, what, {}, patientId, detail);
}

} // namespace frontdesk

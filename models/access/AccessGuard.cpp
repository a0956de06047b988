#include "AccessGuard.h"

#include "access/AuditLog.h"
#include "access/Permissions.h"
#include "access/Session.h"
#include "database/Database.h"
#include "domain/ClinicTime.h"

namespace frontdesk {

// Fails closed: a connection answers to the Session on it (or on the connection it serves);
// without one, only a connection opened for the system (Database::actAsSystem) passes.
Status AccessGuard::require(Permission permission) const
{
    if (const Session *session = Session::of(m_db))
        return session->require(permission);
    if (!m_db.systemPurpose().isEmpty())
        return {};
    return fail(tr("No one is signed in on this connection, so it may not %1. Sign in first.")
                    .arg(Permissions::describe(permission)));
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
    const Session *session = Session::of(m_db);
    if (!session)
        return false;
    if (!session->brokenGlassReason(patientId).isEmpty())
        return false;
    const ClinicTime clinic = ClinicTime::fromZoneName(m_db.setting(ClinicTime::settingKey()));
    const QDate today = clinic.today(m_db.clock());
    const qint64 from = clinic.startOfDayUtc(today).toMSecsSinceEpoch();
    const qint64 to = clinic.startOfDayUtc(today.addDays(1)).toMSecsSinceEpoch();
    // Who booked an appointment is the actor of its audited create entry.
    const qint64 anHourAgo = m_db.clock().nowMs() - 3600 * 1000;
    const QString me = session->account() ? session->account()->username : QString();
    auto n = m_db.scalar(
        QStringLiteral(
            "SELECT count(*) FROM appointments a WHERE a.patient_id = ? AND a.deleted = 0 "
            "AND a.start_at >= ? AND a.start_at < ? AND a.status != 'cancelled' "
            "AND NOT (a.created_at > ? AND EXISTS (SELECT 1 FROM audit_log l WHERE "
            "l.entity_id = a.id AND l.entity_type = 'Appointment' AND l.action = 'create' "
            "AND l.actor = ? COLLATE NOCASE))"),
        {patientId, from, to, anHourAgo, me});
    if (!n)
        return fail(n.error());
    return n->toLongLong() == 0;
}

QString AccessGuard::holder() const
{
    const Session *session = Session::of(m_db);
    return session && session->account() ? session->account()->id : QString();
}

Status AccessGuard::refuseClinical(const QString &patientId, ClinicalRead read, const QString &why)
{
    AuditEntry entry;
    entry.action = QStringLiteral("clinical-read");
    entry.outcome = QStringLiteral("failure");
    entry.entityType = QStringLiteral("ClinicalRecord");
    entry.entityId = patientId;
    entry.patientId = patientId;
    entry.detail = {{QStringLiteral("read"), ClinicalAccess::name(read)},
                    {QStringLiteral("refused"), why}};
    if (auto a = AuditLog(m_db).append(entry); !a)
        return fail(a.error());
    return {};
}

Result<ClinicalAccess> AccessGuard::openClinical(const QString &patientId, ClinicalRead read,
                                                 const QString &breakGlassReason)
{
    if (auto s = require(Permission::ViewClinical); !s) {
        if (auto r = refuseClinical(patientId, read, QStringLiteral("permission-denied")); !r)
            return fail(r.error());
        return fail(s.error());
    }
    Session *session = Session::of(m_db);
    QString reason = session ? session->brokenGlassReason(patientId) : QString();
    bool breaking = false;
    if (reason.isEmpty()) {
        auto needed = needsBreakGlass(patientId);
        if (!needed)
            return fail(needed.error());
        if (*needed) {
            reason = breakGlassReason.simplified();
            if (reason.size() < 5) {
                if (auto r = refuseClinical(patientId, read, QStringLiteral("no-reason")); !r)
                    return fail(r.error());
                return fail(tr("This patient has no appointment today. To open their clinical "
                               "record anyway, give the reason (at least 5 characters); it is "
                               "recorded in the audit trail."));
            }
            breaking = true;
        }
    }
    QJsonObject detail{{QStringLiteral("read"), ClinicalAccess::name(read)}};
    if (!reason.isEmpty())
        detail.insert(QStringLiteral("break_glass_reason"), reason);
    const Status written = m_db.write([&]() -> Status {
        if (breaking) {
            if (auto s = audit(QStringLiteral("break-glass"), QStringLiteral("ClinicalRecord"),
                               patientId, patientId, {{QStringLiteral("reason"), reason}});
                !s)
                return s;
        }
        return audit(QStringLiteral("clinical-read"), QStringLiteral("ClinicalRecord"), patientId,
                     patientId, detail);
    });
    if (!written)
        return fail(written.error());
    if (breaking && session)
        session->rememberBrokenGlass(patientId, reason);
    return ClinicalAccess(patientId, read, reason, holder());
}

Result<QList<ClinicalAccess>> AccessGuard::openClinicalBulk(const QStringList &patientIds,
                                                            ClinicalRead read,
                                                            const QString &reason)
{
    if (auto s = require(Permission::ViewClinical); !s) {
        if (auto r = refuseClinical({}, read, QStringLiteral("permission-denied")); !r)
            return fail(r.error());
        return fail(s.error());
    }
    const QString given = reason.simplified();
    if (given.size() < 5) {
        if (auto r = refuseClinical({}, read, QStringLiteral("no-reason")); !r)
            return fail(r.error());
        return fail(tr("Reading the clinical records of many patients at once needs a reason (at "
                       "least 5 characters); it is recorded in the audit trail."));
    }
    QList<ClinicalAccess> tokens;
    const QString who = holder();
    const Status written = m_db.write([&]() -> Status {
        if (auto s = audit(QStringLiteral("break-glass"), QStringLiteral("ClinicalRecord"), {}, {},
                           {{QStringLiteral("reason"), given},
                            {QStringLiteral("read"), ClinicalAccess::name(read)},
                            {QStringLiteral("patients"), static_cast<qint64>(patientIds.size())}});
            !s)
            return s;
        for (const QString &id : patientIds) {
            if (auto s =
                    audit(QStringLiteral("clinical-read"), QStringLiteral("ClinicalRecord"), id, id,
                          {{QStringLiteral("read"), ClinicalAccess::name(read)},
                           {QStringLiteral("break_glass_reason"), given},
                           {QStringLiteral("bulk"), true}});
                !s)
                return s;
            tokens << ClinicalAccess(id, read, given, who);
        }
        return {};
    });
    if (!written)
        return fail(written.error());
    return tokens;
}

Result<ClinicalAccess> AccessGuard::openClinicalForSync(const QString &patientId) const
{
    if (Session::of(m_db) || m_db.systemPurpose().isEmpty())
        return fail(tr("Clinical records are sent to the server only from the sync worker's own "
                       "connection; a person opens them through the clinical gate."));
    return ClinicalAccess(patientId, ClinicalRead::SyncPush, {}, {});
}

Status AccessGuard::admit(const ClinicalAccess &access) const
{
    if (auto s = require(Permission::ViewClinical); !s)
        return s;
    if (access.m_holder != holder())
        return fail(tr("This clinical record was opened by someone else who was signed in "
                       "before; open it again."));
    return {};
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

#include "AuditQuery.h"

#include "access/AccessGuard.h"
#include "access/Permissions.h"
#include "database/Database.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>

namespace frontdesk {

namespace {

QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) &&
        !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// Created, changed and deleted clinical records carry their fields in the detail.
bool holdsClinicalDetail(const AuditEntry &entry)
{
    return !entry.detail.isEmpty() &&
           Permissions::toRead(entry.entityType) == std::optional(Permission::ViewClinical);
}

} // namespace

QJsonObject AuditQuery::withheldDetail()
{
    return {{QStringLiteral("withheld"), QStringLiteral("clinical")}};
}

Result<QList<AuditEntry>> AuditQuery::list(const Filter &filter) const
{
    auto entries = select(filter);
    if (!entries)
        return entries;
    for (AuditEntry &e : *entries) {
        if (holdsClinicalDetail(e))
            e.detail = withheldDetail();
    }
    return entries;
}

Result<QList<AuditEntry>> AuditQuery::list(const Filter &filter, const ClinicalAccess &access) const
{
    if (filter.patientId != access.patientId())
        return fail(tr("The clinical detail of audit entries is shown for the patient whose "
                       "clinical record was opened only."));
    if (auto s = AccessGuard(m_db).admit(access); !s)
        return fail(s.error());
    return select(filter);
}

Result<QList<AuditEntry>> AuditQuery::select(const Filter &filter) const
{
    if (auto s = AccessGuard(m_db).require(Permission::ViewAuditLog); !s)
        return fail(s.error());
    QStringList where;
    QVariantList values;
    if (!filter.patientId.isEmpty()) {
        where << QStringLiteral("patient_id = ?");
        values << filter.patientId;
    }
    if (!filter.actor.isEmpty()) {
        where << QStringLiteral("actor = ? COLLATE NOCASE");
        values << filter.actor;
    }
    if (!filter.action.isEmpty()) {
        where << QStringLiteral("action = ?");
        values << filter.action;
    }
    if (filter.fromMs > 0) {
        where << QStringLiteral("recorded_at >= ?");
        values << filter.fromMs;
    }
    if (filter.toMs > 0) {
        where << QStringLiteral("recorded_at < ?");
        values << filter.toMs;
    }
    QString sql = QStringLiteral("SELECT %1 FROM audit_log").arg(AuditLog::columns());
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY seq DESC");
    if (filter.limit > 0) {
        sql += QStringLiteral(" LIMIT ?");
        values << filter.limit;
    }
    auto q = m_db.query(sql, values);
    if (!q)
        return fail(tr("Could not read the audit trail: %1").arg(q.error()));
    QList<AuditEntry> out;
    while (q->next())
        out << AuditLog::entryFrom(*q);
    AuditEntry read;
    read.action = QStringLiteral("audit-read");
    read.entityType = QStringLiteral("AuditLog");
    read.patientId = filter.patientId;
    read.detail = {{QStringLiteral("filter"), describe(filter)},
                   {QStringLiteral("entries"), static_cast<qint64>(out.size())}};
    if (auto a = AuditLog(m_db).append(read); !a)
        return fail(a.error());
    return out;
}

QJsonObject AuditQuery::describe(const Filter &filter)
{
    const auto utc = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
    };
    QJsonObject out;
    if (!filter.patientId.isEmpty())
        out.insert(QStringLiteral("patient"), filter.patientId);
    if (!filter.actor.isEmpty())
        out.insert(QStringLiteral("actor"), filter.actor);
    if (!filter.action.isEmpty())
        out.insert(QStringLiteral("action"), filter.action);
    if (filter.fromMs > 0)
        out.insert(QStringLiteral("from"), utc(filter.fromMs));
    if (filter.toMs > 0)
        out.insert(QStringLiteral("to"), utc(filter.toMs));
    if (filter.limit > 0)
        out.insert(QStringLiteral("limit"), filter.limit);
    return out;
}

Result<QStringList> AuditQuery::distinct(const QString &column) const
{
    if (auto s = AccessGuard(m_db).require(Permission::ViewAuditLog); !s)
        return fail(s.error());
    // column is one of two fixed names, never input.
    auto q = m_db.query(
        QStringLiteral("SELECT DISTINCT %1 FROM audit_log ORDER BY %1 COLLATE NOCASE").arg(column));
    if (!q)
        return fail(q.error());
    QStringList out;
    while (q->next())
        out << q->value(0).toString();
    return out;
}

Result<QStringList> AuditQuery::actions() const
{
    return distinct(QStringLiteral("action"));
}

Result<QStringList> AuditQuery::actors() const
{
    return distinct(QStringLiteral("actor"));
}

QStringList AuditQuery::csvHeader()
{
    return {QStringLiteral("seq"),         QStringLiteral("recorded_at_utc"),
            QStringLiteral("actor"),       QStringLiteral("actor_kind"),
            QStringLiteral("action"),      QStringLiteral("outcome"),
            QStringLiteral("entity_type"), QStringLiteral("entity_id"),
            QStringLiteral("patient_id"),  QStringLiteral("patient_mrn"),
            QStringLiteral("detail"),      QStringLiteral("id"),
            QStringLiteral("hash")};
}

QStringList AuditQuery::csvRow(const AuditEntry &e, const QString &mrn)
{
    return {QString::number(e.seq),
            QDateTime::fromMSecsSinceEpoch(e.recordedAt, Qt::UTC).toString(Qt::ISODateWithMs),
            e.actor,
            e.actorKind,
            e.action,
            e.outcome,
            e.entityType,
            e.entityId,
            e.patientId,
            mrn,
            QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact)),
            e.id,
            e.hash};
}

Status AuditQuery::exportCsv(const Filter &filter, const QList<AuditEntry> &entries, QIODevice &out)
{
    if (auto s = AccessGuard(m_db).require(Permission::ViewAuditLog); !s)
        return s;
    const auto line = [](const QStringList &fields) {
        QStringList escaped;
        for (const QString &f : fields)
            escaped << csvField(f);
        return (escaped.join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8();
    };
    if (out.write(line(csvHeader())) < 0)
        return fail(tr("Could not write the export: %1").arg(out.errorString()));
    // The MRN beside the patient's id, as a person looks a patient up (empty for a patient no
    // longer here).
    QHash<QString, QString> mrns;
    for (const AuditEntry &e : entries) {
        if (!e.patientId.isEmpty() && !mrns.contains(e.patientId)) {
            auto mrn =
                m_db.scalar(QStringLiteral("SELECT mrn FROM patients WHERE id = ?"), {e.patientId});
            if (!mrn)
                return fail(mrn.error());
            mrns.insert(e.patientId, mrn->toString());
        }
        if (out.write(line(csvRow(e, mrns.value(e.patientId)))) < 0)
            return fail(tr("Could not write the export: %1").arg(out.errorString()));
    }
    return AccessGuard(m_db).recordDisclosure(
        QStringLiteral("audit-export"), QStringLiteral("AuditLog"), filter.patientId,
        {{QStringLiteral("format"), QStringLiteral("csv")},
         {QStringLiteral("filter"), describe(filter)},
         {QStringLiteral("entries"), static_cast<qint64>(entries.size())}});
}

} // namespace frontdesk

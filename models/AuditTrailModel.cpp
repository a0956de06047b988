#include "AuditTrailModel.h"

#include "core/LocaleFormat.h"

#include "database/Database.h"
#include "domain/AuditLabels.h"
#include "domain/ClinicTime.h"

#include <QJsonDocument>
#include <QLocale>

namespace frontdesk {

AuditTrailModel::AuditTrailModel(Database &db, QObject *parent)
    : QAbstractTableModel(parent), m_db(db)
{}

Status AuditTrailModel::setFilter(const AuditQuery::Filter &filter)
{
    beginResetModel();
    m_filter = filter;
    auto entries = AuditQuery(m_db).list(filter);
    m_entries = entries ? *entries : QList<AuditEntry>();
    endResetModel();
    if (!entries)
        return fail(entries.error());
    return {};
}

int AuditTrailModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditTrailModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTrailModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const AuditEntry &e = m_entries.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == Details)
        return QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Indented));
    if (role == Qt::UserRole)
        return e.seq;
    // The codes as stored, for a filter and in the tooltip.
    if (role == CodeRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Action:
            return e.action;
        case Outcome:
            return e.outcome;
        case Record:
            return e.entityType;
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time: {
        const ClinicTime clinic = ClinicTime::fromZoneName(m_db.setting(ClinicTime::settingKey()));
        return LocaleFormat::fullYearDateTime(
            clinic.toLocal(QDateTime::fromMSecsSinceEpoch(e.recordedAt, Qt::UTC)));
    }
    case User:
        return e.actor;
    case Action:
        return AuditLabels::action(e.action);
    case Outcome:
        return AuditLabels::outcome(e.outcome);
    case Record: {
        const QString type = AuditLabels::entityType(e.entityType);
        return e.entityId.isEmpty() ? type : type + QLatin1Char(' ') + e.entityId;
    }
    case Patient:
        return e.patientId;
    case Details:
        return QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact));
    default:
        return {};
    }
}

QVariant AuditTrailModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case User:
        return tr("User");
    case Action:
        return tr("Action");
    case Outcome:
        return tr("Outcome");
    case Record:
        return tr("Record");
    case Patient:
        return tr("Patient");
    case Details:
        return tr("Details");
    default:
        return {};
    }
}

} // namespace frontdesk

#include "KpiDrillDownModel.h"

#include "access/AccessGuard.h"
#include "access/AuditedExport.h"
#include "core/CsvWriter.h"
#include "core/LocaleFormat.h"
#include "kpi/KpiDefinitions.h"
#include "kpi/KpiService.h"

#include <QFile>
#include <QJsonObject>
#include <QLocale>

namespace frontdesk {

KpiDrillDownModel::KpiDrillDownModel(Database &db, QObject *parent) : DatabaseTableModel(db, parent)
{}

Status KpiDrillDownModel::load(const KpiFilter &filter, Kpi kpi)
{
    m_filter = filter;
    m_kpi = kpi;
    refresh();
    if (!lastError().isEmpty())
        return fail(lastError());
    return {};
}

void KpiDrillDownModel::refresh()
{
    auto loaded = KpiService(database()).drillDown(m_filter, m_kpi);
    if (!loaded) {
        beginResetModel();
        m_drillDown = KpiDrillDown{};
        m_sortKeys.clear();
        endResetModel();
        reportError(tr("Could not list the records behind “%1”: %2")
                        .arg(KpiDefinitions::of(m_kpi).name, loaded.error()));
        return;
    }
    beginResetModel();
    m_drillDown = std::move(*loaded);
    m_sortKeys.clear();
    m_sortKeys.reserve(m_drillDown.rows.size());
    for (const QStringList &row : std::as_const(m_drillDown.rows)) {
        QVariantList keys;
        keys.reserve(row.size());
        for (const QString &cell : row)
            keys << sortKey(cell);
        m_sortKeys << keys;
    }
    endResetModel();
    clearError();
}

Status KpiDrillDownModel::writeCsv(const QString &path, const QAbstractItemModel &shown)
{
    if (auto allowed = AccessGuard(database()).require(Permission::ViewDashboards); !allowed)
        return allowed;
    return AuditedExport::write(path, CsvWriter::document(shown), [&] {
        return AccessGuard(database())
            .recordDisclosure(
                QStringLiteral("export"), QStringLiteral("dashboard-drill-down"), {},
                QJsonObject{{QStringLiteral("figure"), KpiDefinitions::of(m_kpi).key},
                            {QStringLiteral("from"), m_filter.from.toString(Qt::ISODate)},
                            {QStringLiteral("to"), m_filter.to.toString(Qt::ISODate)},
                            {QStringLiteral("rows"), shown.rowCount()},
                            {QStringLiteral("format"), QStringLiteral("csv")},
                            {QStringLiteral("file"), path}});
    });
}

int KpiDrillDownModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_drillDown.rows.size());
}

int KpiDrillDownModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_drillDown.columns.size());
}

QVariant KpiDrillDownModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QStringList &row = m_drillDown.rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return index.column() < row.size() ? row.at(index.column()) : QString();
    case CsvWriter::ExportRole:
        return m_drillDown.exportRows.value(index.row()).value(index.column());
    case IdRole:
        return m_drillDown.recordIds.value(index.row());
    case PatientIdRole:
        return m_drillDown.patientIds.value(index.row());
    case SortRole:
        return m_sortKeys.at(index.row()).value(index.column());
    }
    return {};
}

QVariant KpiDrillDownModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role == Qt::DisplayRole && orientation == Qt::Horizontal && section >= 0 &&
        section < m_drillDown.columns.size())
        return m_drillDown.columns.at(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

QVariant KpiDrillDownModel::sortKey(const QString &text)
{
    const QLocale locale;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QString();
    bool number = false;
    QString digits = trimmed;
    if (digits.endsWith(locale.percent()))
        digits.chop(locale.percent().size());
    const double n = locale.toDouble(digits.trimmed(), &number);
    if (number)
        return n;
    // The drill-down shows dates with the whole year (KpiService), which the locale's own short
    // formats do not parse.
    if (const QDateTime dateTime =
            locale.toDateTime(trimmed, LocaleFormat::fullYearDateTimeFormat(locale));
        dateTime.isValid())
        return dateTime;
    if (const QDate date = locale.toDate(trimmed, LocaleFormat::fullYearDateFormat(locale));
        date.isValid())
        return QDateTime(date, QTime(0, 0));
    for (const QLocale::FormatType format : {QLocale::ShortFormat, QLocale::LongFormat}) {
        const QDateTime dateTime = locale.toDateTime(trimmed, format);
        if (dateTime.isValid())
            return dateTime;
    }
    for (const QLocale::FormatType format : {QLocale::ShortFormat, QLocale::LongFormat}) {
        const QDate date = locale.toDate(trimmed, format);
        if (date.isValid())
            return QDateTime(date, QTime(0, 0));
    }
    return trimmed.toCaseFolded();
}

} // namespace frontdesk

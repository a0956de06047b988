#include "PatientListModel.h"

#include "access/AccessGuard.h"
#include "patients/PatientSearch.h"

#include <QLocale>

namespace frontdesk {

namespace {

// The locale's short date, but with a four-digit year: "3/4/27" is no birth date to act on.
QString shortDateWithFullYear()
{
    QString format = QLocale().dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return format;
}

} // namespace

PatientListModel::PatientListModel(Database &db, QObject *parent)
    : DatabaseTableModel(db, parent), m_repository(db), m_birthDateFormat(shortDateWithFullYear())
{}

void PatientListModel::filter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filter)
        return;
    m_filter = trimmed;
    refresh();
    // A search that shows patients goes into the audit trail, with what was searched for.
    if (!m_filter.isEmpty() && lastError().isEmpty()) {
        if (auto s = AccessGuard(database()).recordSearch(m_filter, m_matchCount); !s)
            reportError(s.error());
    }
}

void PatientListModel::refresh()
{
    Result<qint64> count = qint64(0);
    Result<QList<Patient>> first = QList<Patient>();
    if (m_filter.isEmpty()) {
        count = m_repository.count();
        first = count ? m_repository.page(std::nullopt, PageSize)
                      : Result<QList<Patient>>(fail(count.error()));
    } else {
        auto hits = PatientSearch(database()).search(m_filter, RankedLimit);
        QStringList ids;
        if (hits) {
            for (const PatientSearchHit &h : *hits)
                ids << h.patientId;
        }
        first = hits ? m_repository.getMany(ids) : Result<QList<Patient>>(fail(hits.error()));
        count = first ? Result<qint64>(qint64(first->size())) : Result<qint64>(fail(first.error()));
    }
    beginResetModel();
    if (first) {
        m_rows = std::move(*first);
        // Ranked results come in one piece; only the full list pages.
        m_atEnd = !m_filter.isEmpty() || m_rows.size() < PageSize;
        m_matchCount = *count;
        clearError();
    } else {
        m_rows.clear();
        m_atEnd = true;
        m_matchCount = 0;
    }
    // Whoever reacts to the reset by fetching more must wait until every listener has seen it.
    m_resetting = true;
    endResetModel();
    m_resetting = false;
    emit matchCountChanged(m_matchCount);
    if (!first)
        reportError(tr("Could not load the patient list: %1").arg(first.error()));
}

bool PatientListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void PatientListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd || m_resetting || m_rows.isEmpty())
        return;
    const Patient &last = m_rows.constLast();
    auto next =
        m_repository.page(PatientRepository::PageKey{last.familyName, last.givenName, last.meta.id},
                          PageSize, m_filter);
    if (!next) {
        // Stop asking: a view would otherwise retry on every scroll and repeat the error.
        m_atEnd = true;
        reportError(tr("Could not load more patients: %1").arg(next.error()));
        return;
    }
    m_atEnd = next->size() < PageSize;
    if (next->isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + next->size() - 1));
    m_rows.append(std::move(*next));
    endInsertRows();
}

int PatientListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PatientListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PatientListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Patient &p = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return p.displayName();
        case BirthDateColumn:
            return p.birthDate.isValid() ? QLocale().toString(p.birthDate, m_birthDateFormat)
                                         : QString();
        case MrnColumn:
            return p.mrn;
        case PhoneColumn:
            return p.phoneMobile.isEmpty() ? p.phoneHome : p.phoneMobile;
        case EmailColumn:
            return p.email;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == PhoneColumn && !p.phoneMobile.isEmpty() && !p.phoneHome.isEmpty())
            return tr("Mobile: %1\nHome: %2").arg(p.phoneMobile, p.phoneHome);
        return {};
    case IdRole:
        return p.meta.id;
    }
    return {};
}

QVariant PatientListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case BirthDateColumn:
        return tr("Birth date");
    case MrnColumn:
        return tr("MRN");
    case PhoneColumn:
        return tr("Phone");
    case EmailColumn:
        return tr("Email");
    }
    return {};
}

} // namespace frontdesk

#include "PatientListModel.h"

#include "access/AccessGuard.h"
#include "core/LocaleFormat.h"
#include "patients/PatientSearch.h"

#include <QLocale>

namespace frontdesk {

PatientListModel::PatientListModel(Database &db, QObject *parent)
    : DatabaseTableModel(db, parent), m_repository(db),
      m_birthDateFormat(LocaleFormat::fullYearDateFormat())
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

Result<PatientListModel::Loaded> PatientListModel::load(int limit) const
{
    Loaded loaded;
    if (m_filter.isEmpty()) {
        auto count = m_repository.count();
        if (!count)
            return fail(count.error());
        auto first = m_repository.page(std::nullopt, limit);
        if (!first)
            return fail(first.error());
        loaded.rows = std::move(*first);
        loaded.count = *count;
        // Ranked results come in one piece; only the full list pages.
        loaded.atEnd = loaded.rows.size() < limit;
        return loaded;
    }
    auto hits = PatientSearch(database()).search(m_filter, RankedLimit);
    if (!hits)
        return fail(hits.error());
    QStringList ids;
    for (const PatientSearchHit &h : *hits)
        ids << h.patientId;
    auto found = m_repository.getMany(ids);
    if (!found)
        return fail(found.error());
    loaded.rows = std::move(*found);
    loaded.count = loaded.rows.size();
    loaded.atEnd = true;
    return loaded;
}

void PatientListModel::refresh()
{
    auto loaded = load(PageSize);
    beginResetModel();
    if (loaded) {
        m_rows = std::move(loaded->rows);
        m_atEnd = loaded->atEnd;
        m_matchCount = loaded->count;
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
    if (!loaded)
        reportError(tr("Could not load the patient list: %1").arg(loaded.error()));
}

void PatientListModel::reload()
{
    // As many rows as are loaded now, so the rows around the view's scroll position are there.
    auto loaded = load(std::max(PageSize, int(m_rows.size())));
    if (!loaded) {
        reportError(tr("Could not load the patient list: %1").arg(loaded.error()));
        return;
    }
    // Whoever reacts to a change by fetching more waits until the rows are complete again.
    m_resetting = true;
    updateRowsInPlace(m_rows, std::move(loaded->rows), [](const Patient &p) { return p.meta.id; });
    m_resetting = false;
    m_atEnd = loaded->atEnd;
    if (m_matchCount != loaded->count) {
        m_matchCount = loaded->count;
        emit matchCountChanged(m_matchCount);
    }
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

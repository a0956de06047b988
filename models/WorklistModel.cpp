#include "WorklistModel.h"

#include "core/LocaleFormat.h"
#include "database/Database.h"
#include "domain/MessageLabels.h"
#include "storage/RecallRepository.h"

namespace frontdesk {

WorklistModel::WorklistModel(Database &db, QObject *parent) : DatabaseTableModel(db, parent) {}

QString WorklistModel::kindLabel(const QString &kind)
{
    if (kind == Recall::recallKind())
        return tr("Recall");
    if (kind == Recall::callKind())
        return tr("Call");
    if (kind == Recall::letterKind())
        return tr("Letter");
    if (kind == Recall::offerKind())
        return tr("Waitlist offer");
    return kind;
}

void WorklistModel::setKind(const QString &kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    refresh();
}

void WorklistModel::refresh()
{
    auto loaded =
        RecallRepository(database()).worklist(clinicTime().today(database().clock()), m_kind);
    if (!loaded) {
        reportError(tr("Could not load the worklist: %1").arg(loaded.error()));
        return;
    }
    updateRowsInPlace(m_rows, std::move(*loaded),
                      [](const WorklistTask &t) { return t.task.meta.id; });
    clearError();
}

Status WorklistModel::markDone(int row)
{
    if (row < 0 || row >= m_rows.size())
        return fail(tr("Choose the task to mark done."));
    if (auto s = RecallRepository(database()).close(m_rows.at(row).task.meta.id, Recall::done());
        !s)
        return s;
    refresh();
    return {};
}

int WorklistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WorklistModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WorklistModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const WorklistTask &t = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return t.task.meta.id;
    case PatientIdRole:
        return t.task.patientId;
    case KindRole:
        return t.task.kind;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case DueColumn:
        return LocaleFormat::fullYearDate(t.task.dueOn);
    case PatientColumn:
        return tr("%1 (%2)").arg(t.patientName, t.mrn);
    case PhoneColumn:
        return t.phone;
    case KindColumn:
        return kindLabel(t.task.kind);
    case ToDoColumn: {
        if (!t.task.contacted())
            return t.task.reason;
        const QString how = t.task.contactChannel == Recall::callKind() ||
                                    t.task.contactChannel == Recall::letterKind()
                                ? kindLabel(t.task.contactChannel)
                                : MessageLabels::channel(t.task.contactChannel);
        return tr("%1 (contacted %2: %3)")
            .arg(t.task.reason,
                 LocaleFormat::fullYearDateTime(clinicTime().toLocal(t.task.contactedAt)), how);
    }
    default:
        return {};
    }
}

QVariant WorklistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DueColumn:
        return tr("Due");
    case PatientColumn:
        return tr("Patient");
    case PhoneColumn:
        return tr("Phone");
    case KindColumn:
        return tr("Kind");
    case ToDoColumn:
        return tr("What to do");
    default:
        return {};
    }
}

} // namespace frontdesk

#include "AppointmentDayModel.h"

#include "core/LocaleFormat.h"
#include "database/Database.h"
#include "domain/AppointmentLabels.h"
#include "storage/PatientReplies.h"

#include <QLocale>

namespace frontdesk {

AppointmentDayModel::AppointmentDayModel(Database &db, QObject *parent)
    : DatabaseTableModel(db, parent), m_repository(db), m_clinicTime(clinicTime())
{
    m_date = m_clinicTime.today(db.clock());
}

QDate AppointmentDayModel::today() const
{
    return clinicTime().today(database().clock());
}

void AppointmentDayModel::setDate(QDate date)
{
    if (!date.isValid() || date == m_date)
        return;
    m_date = date;
    refresh();
    emit dateChanged(m_date);
}

Result<AppointmentDayModel::Day> AppointmentDayModel::loadDay(const ClinicTime &clinic) const
{
    auto rows = m_repository.rowsBetween(clinic.startOfDayUtc(m_date),
                                         clinic.startOfDayUtc(m_date.addDays(1)));
    if (!rows)
        return fail(rows.error());
    auto replies = PatientReplies(database()).latest(*rows);
    if (!replies)
        return fail(replies.error());
    return Day{std::move(*rows), std::move(*replies)};
}

void AppointmentDayModel::refresh()
{
    const ClinicTime clinic = clinicTime();
    auto day = loadDay(clinic);
    beginResetModel();
    m_clinicTime = clinic;
    if (day) {
        m_rows = std::move(day->rows);
        m_replies = std::move(day->replies);
        clearError();
    } else {
        m_rows.clear();
        m_replies.clear();
    }
    endResetModel();
    if (!day)
        reportError(tr("Could not load the appointments of %1: %2")
                        .arg(LocaleFormat::fullYearDate(m_date), day.error()));
}

void AppointmentDayModel::reload()
{
    const ClinicTime clinic = clinicTime();
    auto day = loadDay(clinic);
    if (!day) {
        reportError(tr("Could not load the appointments of %1: %2")
                        .arg(LocaleFormat::fullYearDate(m_date), day.error()));
        return;
    }
    m_clinicTime = clinic;
    updateRowsInPlace(m_rows, std::move(day->rows),
                      [](const AppointmentRow &r) { return r.appointment.meta.id; });
    // A reply came or was handled without its appointment changing.
    if (day->replies != m_replies) {
        m_replies = std::move(day->replies);
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    }
}

int AppointmentDayModel::rowOfNow() const
{
    if (m_date != today())
        return -1;
    const QDateTime now = database().clock().nowUtc();
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).appointment.end > now)
            return row;
    }
    return -1;
}

int AppointmentDayModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).appointment.meta.id == id)
            return row;
    }
    return -1;
}

int AppointmentDayModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AppointmentDayModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AppointmentDayModel::timeText(const AppointmentRow &row) const
{
    const QLocale locale;
    const QDateTime start = m_clinicTime.toLocal(row.appointment.start);
    const QDateTime end = m_clinicTime.toLocal(row.appointment.end);
    // Only an appointment that crosses midnight needs its dates spelled out.
    const auto format = [&](const QDateTime &t) {
        return t.date() == m_date ? LocaleFormat::time(t.time(), locale)
                                  : LocaleFormat::fullYearDateTime(t, locale);
    };
    return tr("%1 – %2", "appointment start – end").arg(format(start), format(end));
}

QVariant AppointmentDayModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AppointmentRow &row = m_rows.at(index.row());
    const Appointment &a = row.appointment;
    const QString reply = m_replies.value(a.meta.id);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return timeText(row);
        case PatientColumn:
            return row.patientName;
        case PractitionerColumn:
            return row.practitionerName;
        case RoomColumn:
            return row.locationName;
        case TypeColumn:
            return AppointmentLabels::type(a.type);
        case ReasonColumn:
            return a.reason;
        case StatusColumn:
            return reply.isEmpty()
                       ? AppointmentLabels::status(a.status)
                       : tr("%1 · patient replied", "appointment status · a reply waits")
                             .arg(AppointmentLabels::status(a.status));
        case SyncColumn:
            return syncStateText(a.meta.syncState);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && !reply.isEmpty())
            return PatientReplies::tr("The patient replied: “%1”. Mark it handled once answered.")
                .arg(reply);
        if (index.column() == ReasonColumn || index.column() == PatientColumn) {
            if (a.notes.isEmpty())
                return a.reason;
            return tr("%1\nNotes: %2").arg(a.reason, a.notes);
        }
        return {};
    case IdRole:
        return a.meta.id;
    case StatusKeyRole:
        return appointmentStatusName(a.status);
    case PatientIdRole:
        return a.patientId;
    case PractitionerIdRole:
        return a.practitionerId;
    case LocationIdRole:
        return a.locationId;
    case StartRole:
        return a.start;
    case EndRole:
        return a.end;
    case StatusRole:
        return int(a.status);
    case PendingReplyRole:
        return reply;
    }
    return {};
}

QVariant AppointmentDayModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case PatientColumn:
        return tr("Patient");
    case PractitionerColumn:
        return tr("Practitioner");
    case RoomColumn:
        return tr("Room");
    case TypeColumn:
        return tr("Type");
    case ReasonColumn:
        return tr("Reason");
    case StatusColumn:
        return tr("Status");
    case SyncColumn:
        return tr("Sync");
    }
    return {};
}

} // namespace frontdesk

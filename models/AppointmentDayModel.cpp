#include "AppointmentDayModel.h"

#include "core/LocaleFormat.h"

#include "database/Database.h"
#include "domain/AppointmentLabels.h"

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

void AppointmentDayModel::refresh()
{
    const ClinicTime clinic = clinicTime();
    auto rows = m_repository.rowsBetween(clinic.startOfDayUtc(m_date),
                                         clinic.startOfDayUtc(m_date.addDays(1)));
    beginResetModel();
    m_clinicTime = clinic;
    if (rows) {
        m_rows = std::move(*rows);
        clearError();
    } else {
        m_rows.clear();
    }
    endResetModel();
    if (!rows)
        reportError(tr("Could not load the appointments of %1: %2")
                        .arg(QLocale().toString(m_date, QLocale::ShortFormat), rows.error()));
}

void AppointmentDayModel::reload()
{
    const ClinicTime clinic = clinicTime();
    auto rows = m_repository.rowsBetween(clinic.startOfDayUtc(m_date),
                                         clinic.startOfDayUtc(m_date.addDays(1)));
    if (!rows) {
        reportError(tr("Could not load the appointments of %1: %2")
                        .arg(QLocale().toString(m_date, QLocale::ShortFormat), rows.error()));
        return;
    }
    m_clinicTime = clinic;
    updateRowsInPlace(m_rows, std::move(*rows),
                      [](const AppointmentRow &r) { return r.appointment.meta.id; });
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
                                  : LocaleFormat::dateTime(t, locale);
    };
    return tr("%1 – %2", "appointment start – end").arg(format(start), format(end));
}

QVariant AppointmentDayModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AppointmentRow &row = m_rows.at(index.row());
    const Appointment &a = row.appointment;
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
            return AppointmentLabels::status(a.status);
        case SyncColumn:
            return syncStateText(a.meta.syncState);
        }
        return {};
    case Qt::ToolTipRole:
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

#pragma once

#include "DatabaseTableModel.h"
#include "storage/AppointmentRepository.h"

#include <QDate>
#include <QHash>
#include <QList>

namespace frontdesk {

// The appointments of one local day in the clinic's time zone, in start order. Appointments
// that reach into the day from the day before (or out of it) are included.
class AppointmentDayModel : public DatabaseTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        PatientColumn,
        PractitionerColumn,
        RoomColumn,
        TypeColumn,
        ReasonColumn,
        StatusColumn,
        SyncColumn,
        ColumnCount
    };
    enum Role
    {
        PatientIdRole = FirstCustomRole,
        PractitionerIdRole,
        LocationIdRole,
        StartRole,       // QDateTime, UTC
        EndRole,         // QDateTime, UTC
        StatusRole,      // AppointmentStatus as int
        PendingReplyRole // QString: the patient's reply nobody handled yet (PatientReplies)
    };

    // Starts on the clinic's today by the database's clock.
    explicit AppointmentDayModel(Database &db, QObject *parent = nullptr);

    QDate date() const { return m_date; }
    void setDate(QDate date);
    QDate today() const;

    void refresh() override;
    // Reads the day again and updates the rows in place (RowDiff): the sync worker's changes
    // show without losing the current row.
    void reload();
    const AppointmentRow &appointmentAt(int row) const { return m_rows.at(row); }
    // On today's list, the first appointment that has not ended by the database's clock: where
    // the front desk is in its day. -1 on other days and once the day's work is done.
    int rowOfNow() const;
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void dateChanged(QDate date);

private:
    struct Day
    {
        QList<AppointmentRow> rows;
        QHash<QString, QString> replies; // appointment id -> PatientReplies::latest
    };
    Result<Day> loadDay(const ClinicTime &clinic) const;
    QString timeText(const AppointmentRow &row) const;

    AppointmentRepository m_repository;
    QDate m_date;
    ClinicTime m_clinicTime;
    QList<AppointmentRow> m_rows;
    QHash<QString, QString> m_replies;
};

} // namespace frontdesk

#pragma once

#include "scheduling/FreeSlotFinder.h"
#include "scheduling/ScheduleLoader.h"

#include <QAbstractListModel>
#include <QDate>
#include <QSet>

namespace frontdesk {

class Database;

// One day of the schedule as the calendar paints it: columns (one per practitioner, or one per
// room; or, in week mode, one per day of one practitioner's week), the working time and time
// off of each column, and the appointments as rows, each with the column it belongs in. Times
// are UTC; days are local days in the clinic's zone.
class DayScheduleModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class ColumnMode
    {
        Practitioners,
        Rooms,
        Week // seven day columns, Monday first, of one practitioner
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        ColumnRole,      // int: index into columns(), -1 when filtered out
        StartRole,       // QDateTime UTC
        EndRole,         // QDateTime UTC
        StatusRole,      // QString: stored status name
        TypeRole,        // QString: type code
        TypeNameRole,    // QString: the type's display name
        ColorRole,       // QString: #rrggbb of the type (or the practitioner)
        PatientNameRole, // QString
        PatientIdRole,   // QString
        PractitionerIdRole,
        PractitionerNameRole,
        LocationIdRole,
        LocationNameRole,
        ReasonRole,
        ArrivedAtRole,    // QDateTime UTC of the standing check-in, or invalid
        VersionRole,      // qint64
        SyncStateRole,    // QString
        PendingReplyRole, // QString: the patient's reply nobody handled yet (PatientReplies)
    };
    struct Column
    {
        QString id; // practitioner or room id; empty: "no room"
        QString title;
        QString color;
        int slotMinutes = 15;
        QList<TimeSpan> working; // this day, UTC
        QList<TimeSpan> off;     // time off this day, UTC
        QString practitionerId;  // set in practitioner and week mode
        QDate date;              // the local day this column shows
        QDateTime startUtc;      // its first instant
        QDateTime endUtc;        // the first instant of the next day
    };

    explicit DayScheduleModel(Database &db, QObject *parent = nullptr);

    QDate date() const { return m_date; }
    void setDate(QDate date);
    QDate today() const;
    ColumnMode mode() const { return m_mode; }
    void setMode(ColumnMode mode);
    // The practitioner the week view shows (default: the first one).
    QString weekPractitioner() const { return m_weekPractitioner; }
    void setWeekPractitioner(const QString &practitionerId);
    // Filters (empty: all): practitioners shown, one room, one appointment type.
    void setFilters(const QSet<QString> &practitionerIds, const QString &locationId,
                    const QString &typeCode);

    // Reloads from the database; on failure keeps what was shown and emits errorOccurred.
    void refresh();
    // Reads the day again and updates the rows in place (RowDiff), so the sync worker's changes
    // show without losing the current appointment; a reset when the columns changed.
    void reload();
    QString lastError() const { return m_lastError; }

    const QList<Column> &columns() const { return m_columns; }
    const ScheduleSnapshot &snapshot() const { return m_snapshot; }
    QTimeZone zone() const { return m_snapshot.zone; }
    QDateTime dayStartUtc() const { return m_snapshot.fromUtc; }
    QDateTime dayEndUtc() const { return m_snapshot.toUtc; }
    QDateTime nowUtc() const;
    // The local minutes the calendar should show: from the earliest working start to the latest
    // end (at least 08:00-18:00), widened to any appointment outside.
    int firstMinute() const { return m_firstMinute; }
    int lastMinute() const { return m_lastMinute; }
    int rowOf(const QString &appointmentId) const;
    // The patient's replies about the appointment are answered (PatientReplies::markHandled);
    // how many there were. Reload to see the mark go.
    Result<int> markReplyHandled(const QString &appointmentId);
    const AppointmentRow &appointmentAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void dateChanged(QDate date);
    void errorOccurred(const QString &message);

private:
    Result<ScheduleSnapshot> load();
    // load(), or nullopt after reporting why not (errorOccurred).
    std::optional<ScheduleSnapshot> loadOrReport();
    void rebuild();

    Database &m_db;
    QDate m_date;
    ColumnMode m_mode = ColumnMode::Practitioners;
    QSet<QString> m_practitionerFilter;
    QString m_locationFilter;
    QString m_typeFilter;
    QString m_weekPractitioner;
    ScheduleSnapshot m_snapshot;
    QList<Column> m_columns;
    QList<AppointmentRow> m_rows;
    QList<int> m_rowColumn;
    int m_firstMinute = 8 * 60;
    int m_lastMinute = 18 * 60;
    QString m_lastError;
};

} // namespace frontdesk

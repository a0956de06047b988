#pragma once

#include "core/Result.h"
#include "domain/ClinicTime.h"
#include "scheduling/ConflictDetector.h"
#include "scheduling/FreeSlotFinder.h"
#include "scheduling/Recurrence.h"
#include "scheduling/StatusTransitions.h"
#include "storage/AppointmentRepository.h"
#include "storage/RecordStore.h"
#include "storage/StatusHistoryRepository.h"

#include <QCoreApplication>

namespace frontdesk {

class Database;
struct ScheduleException;

// Booking, moving, status changes and series, with the rules applied inside the write
// transaction: the driver begins it IMMEDIATE, so the conflict checks of two workstations on
// one database run one after the other and cannot both pass for the same slot.
//
// A failed call says why; refused() tells a business-rule refusal (a conflict, an illegal
// transition) from a failure (the database, a missing record), e.g. for exit codes.
class BookingService
{
    Q_DECLARE_TR_FUNCTIONS(BookingService)
public:
    struct Options
    {
        // Book over a conflict or time off. Only for managers (the caller checks the role);
        // the audit trail records who did it and what was overridden.
        bool allowDoubleBooking = false;
    };

    struct SeriesBooking
    {
        QString seriesId;
        QList<Appointment> appointments;
    };

    explicit BookingService(Database &db);

    ClinicTime clinicTime() const;
    bool refused() const { return m_refused; }

    // Books a new appointment (meta.id may be preset, version must be 0) and records it as
    // the first row of its status history.
    Result<Appointment> book(Appointment appointment, const Options &options);
    Result<Appointment> book(Appointment appointment) { return book(std::move(appointment), {}); }
    // Moves or resizes; practitioner and room may change too. expectedVersion: the version the
    // caller showed (a newer one means someone else changed it meanwhile).
    Result<Appointment> move(const QString &appointmentId, const QDateTime &startUtc,
                             const QDateTime &endUtc, const QString &practitionerId,
                             const QString &locationId, std::optional<qint64> expectedVersion,
                             const Options &options);
    Result<Appointment> changeStatus(const QString &appointmentId,
                                     const StatusTransitions::Request &request);
    // Undoes the latest standing status change (a no-show set by mistake, a check-in of the
    // wrong patient); both the change and its revert stay in the history.
    Result<Appointment> revertStatus(const QString &appointmentId, const QString &reason);
    Result<QList<StatusChange>> history(const QString &appointmentId) const;
    // Takes back what book() or bookSeries() just booked (the receptionist's undo): every one
    // of the appointments is deleted, or none is. Each deletion is synced and audited like
    // any other.
    Status undoBooking(const QStringList &appointmentIds);

    // Conflicts the candidate would have now (appointments only), and the time off it would
    // overlap.
    Result<QList<Conflict>> conflictsFor(const Appointment &candidate) const;
    Result<QList<ScheduleException>> timeOffFor(const Appointment &candidate) const;
    // "Dr. Weber is already booked then: Müller, Anna, 09:00–09:15 on 25/11/2026 (appointment …)".
    QString describe(const Conflict &conflict) const;

    // The whole series or nothing: refused when any occurrence conflicts.
    Result<SeriesBooking> bookSeries(Appointment first, const Recurrence &rule,
                                     const Options &options);
    // This occurrence and the later live ones: to a new local time of day, length and
    // practitioner (empty: unchanged). Returns how many moved.
    Result<int> rescheduleSeriesFrom(const QString &appointmentId, int localMinuteOfDay,
                                     int minutes, const QString &practitionerId,
                                     const Options &options);
    Result<int> cancelSeriesFrom(const QString &appointmentId, const QString &reason,
                                 CancelledBy by);
    Result<QString> seriesOf(const QString &appointmentId) const;

    // The next free slots: practitionerIds empty means any active practitioner. With a
    // patient, slots where the patient is booked elsewhere are left out. Looks up to
    // horizonDays ahead of query.fromUtc (query.untilUtc is ignored).
    Result<QList<FreeSlot>> findSlots(const QStringList &practitionerIds, SlotQuery query,
                                      int horizonDays = 120, const QString &patientId = {}) const;

private:
    // The still-open (booked or confirmed) appointments of the series, from this one onward.
    Result<QStringList> restOfSeries(const QString &appointmentId);
    Result<Appointment> load(const QString &id) const;
    Status checkBookable(const Appointment &candidate, const Options &options,
                         const QString &action);
    Status recordChange(const Appointment &a, std::optional<AppointmentStatus> from,
                        const QString &reason, CancelledBy by, const QString &revertsId);
    Result<Appointment> refuse(const QString &message);
    QString timeRange(const QDateTime &startUtc, const QDateTime &endUtc) const;

    Database &m_db;
    AppointmentRepository m_appointments;
    StatusHistoryRepository m_history;
    RecordStore m_appointmentsWithSeries;
    RecordStore m_series;
    bool m_refused = false;
};

} // namespace frontdesk

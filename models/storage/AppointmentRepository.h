#pragma once

#include "domain/Appointment.h"
#include "storage/Repository.h"

#include <QMap>

namespace frontdesk {

// An appointment with the names a list shows beside it.
struct AppointmentRow
{
    Appointment appointment;
    QString patientName;
    QString practitionerName;
    QString locationName;
    // For lists that go out on paper: to tell namesakes apart and to call the patient.
    QDate patientBirthDate;
    QString patientPhone; // mobile, else home
};

class AppointmentRepository : public Repository<Appointment>
{
    Q_DECLARE_TR_FUNCTIONS(AppointmentRepository)
public:
    explicit AppointmentRepository(Database &db);

    // Live appointments that overlap [fromUtc, toUtc), in start order, with names joined.
    Result<QList<AppointmentRow>> rowsBetween(const QDateTime &fromUtc,
                                              const QDateTime &toUtc) const;
    Result<QList<Appointment>> forPatient(const QString &patientId) const;
    Result<qint64> count() const;
    // Live appointments starting in [fromUtc, toUtc), counted by status (absent: none).
    Result<QMap<AppointmentStatus, qint64>> countByStatus(const QDateTime &fromUtc,
                                                          const QDateTime &toUtc) const;
    // How many different patients have a live appointment in one of these statuses starting
    // in [fromUtc, toUtc).
    Result<qint64> countPatients(const QDateTime &fromUtc, const QDateTime &toUtc,
                                 const QList<AppointmentStatus> &statuses) const;
    static RecordStore::Table table();
    // The one mapping between Appointment and the columns of table(), for the services that
    // read and write appointments with their own statements (booking, the schedule loader).
    static QVariantMap columnValues(const Appointment &a);
    static Appointment appointmentFrom(const QSqlRecord &r);
    // A row whose statement also selected patient_name, practitioner_name and location_name.
    static AppointmentRow rowFrom(const QSqlRecord &r);

protected:
    QVariantMap toValues(const Appointment &a) const override;
    Appointment fromRecord(const QSqlRecord &r) const override;
    Status validate(const Appointment &a) const override;
};

} // namespace frontdesk

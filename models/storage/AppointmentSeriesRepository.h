#pragma once

#include "domain/AppointmentSeries.h"
#include "storage/Repository.h"

namespace frontdesk {

// The rules recurring series were expanded from (appointment_series), travelling as
// ServiceRequest; their occurrences are appointments naming them in appointments.series_id.
class AppointmentSeriesRepository : public Repository<AppointmentSeries>
{
    Q_DECLARE_TR_FUNCTIONS(AppointmentSeriesRepository)
public:
    explicit AppointmentSeriesRepository(Database &db);
    static RecordStore::Table table();
    static QVariantMap columnValues(const AppointmentSeries &s);

    // The series an appointment from the server was booked in (Appointment.basedOn), written
    // with the server's version of the appointment: the link is part of that version, so it
    // moves neither the appointment's version nor its sync state. An empty id: none.
    Status linkFromServer(const QString &appointmentId, const QString &seriesId);

protected:
    QVariantMap toValues(const AppointmentSeries &s) const override;
    AppointmentSeries fromRecord(const QSqlRecord &rec) const override;
    Status validate(const AppointmentSeries &s) const override;
};

} // namespace frontdesk

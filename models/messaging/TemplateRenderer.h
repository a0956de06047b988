#pragma once

#include "core/Result.h"
#include "domain/Appointment.h"
#include "domain/ClinicTime.h"
#include "domain/MessageTemplate.h"
#include "domain/Patient.h"
#include "domain/Practitioner.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <optional>

namespace frontdesk {

// What a template is filled from. Absent parts are absent, not empty records: the template
// then names what it needs ("no appointment is chosen") instead of sending "Dear ,".
struct TemplateContext
{
    std::optional<Patient> patient;
    std::optional<Appointment> appointment;
    // The appointment's practitioner.
    std::optional<Practitioner> practitioner;
    // The appointment type's name as the clinic calls it; empty: the stored code is used.
    QString appointmentTypeName;
    QString clinicName;
    QString clinicPhone;
    // Dates and times are written in the clinic's zone and language, never the workstation's
    // or the server's.
    ClinicTime clinicTime{QTimeZone::utc()};
    QLocale locale;
};

struct RenderedMessage
{
    QString subject;
    QString body;
};

// Fills a message template for one patient and checks templates before they are saved. Text
// uses placeholders such as {first_name} or {appointment_date}; `{{` and `}}` write a brace.
// The workstation, frontdeskctl and frontdesk-server's reminders all render through here, so a
// reminder reads the same whoever sends it.
class TemplateRenderer
{
    Q_DECLARE_TR_FUNCTIONS(TemplateRenderer)

public:
    static QStringList placeholders();
    // The field a placeholder stands for, in a person's words ("the appointment's date").
    static QString describe(const QString &placeholder);
    // The placeholders of a text in order of first use; fails on an unknown one or a stray
    // brace, saying which.
    static Result<QStringList> placeholdersIn(const QString &text);
    // Whether the template may be saved: a name, a known purpose and channel, a body, a subject
    // when it may go by e-mail, and only known placeholders.
    static Status validate(const MessageTemplate &t);
    // The text for one patient on one channel. A placeholder without a value for this patient
    // fails, naming every missing field.
    static Result<RenderedMessage> render(const MessageTemplate &t, const TemplateContext &context,
                                          const QString &sendChannel);
};

} // namespace frontdesk

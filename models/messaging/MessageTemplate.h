#pragma once

#include "core/Result.h"
#include "domain/Appointment.h"
#include "domain/ClinicTime.h"
#include "domain/Patient.h"
#include "domain/Practitioner.h"
#include "domain/RecordMeta.h"

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

// A message template: a name the staff pick it by, the purpose and channel it is for, and a
// text with placeholders such as {first_name} or {appointment_date}. `{{` and `}}` write a
// brace. The workstation, frontdeskctl and frontdesk-server's reminders all render through
// render(), so a reminder reads the same whoever sends it.
struct MessageTemplate
{
    Q_DECLARE_TR_FUNCTIONS(MessageTemplate)

public:
    RecordMeta meta;
    QString name;
    QString purpose = QStringLiteral("reminder"); // one of ContactPolicy::purposes()
    QString channel = QStringLiteral("any");      // sms | email | any
    QString subject;                              // for an e-mail
    QString body;
    bool active = true;

    static QStringList channels();
    static QStringList placeholders();
    // The field a placeholder stands for, in a person's words ("the appointment's date").
    static QString describe(const QString &placeholder);

    bool fitsChannel(const QString &sendChannel) const
    {
        return channel == QLatin1String("any") || channel == sendChannel;
    }
    // The placeholders of a text in order of first use; fails on an unknown one or a stray
    // brace, saying which.
    static Result<QStringList> placeholdersIn(const QString &text);
    // Whether the template may be saved: a name, a known purpose and channel, a body, a subject
    // when it may go by e-mail, and only known placeholders.
    Status validate() const;
    // The text for one patient on one channel. A placeholder without a value for this patient
    // fails, naming every missing field.
    Result<RenderedMessage> render(const TemplateContext &context,
                                   const QString &sendChannel) const;
};

} // namespace frontdesk

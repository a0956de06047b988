#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace frontdesk::server {

// What frontdesk-server writes into the clinic's records for people to read — the reason of an
// appointment a patient cancelled by SMS, the waitlist offer Task, the call and letter Tasks of
// reminders and follow-ups — in the clinic's language: the configuration key `language` (de, fr,
// es or en, the default). A small table rather than a Qt catalogue: the server's other texts
// (its log, its command line, errors for administrators) stay English, and these few are the
// workstation's reading. Set once at start; the automation reads it for every record it writes.
class ServerTexts
{
public:
    enum class Text
    {
        CancelledBySms,    // the cancellation reason written into the appointment
        WaitlistOffer,     // %1 when, %2 minutes, %3 practitioner
        CallForReminder,   // %1 when
        LetterForReminder, // %1 when
        CallForFollowUp,   // %1 when
        LetterForFollowUp, // %1 when
        ReminderSubject,   // an e-mail reminder's subject, when its rule names no template
        FollowUpSubject,   // a follow-up e-mail's subject, likewise
    };

    static QStringList languages()
    {
        return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr"),
                QStringLiteral("es")};
    }
    // The language for "language = ..." in the configuration; a clear message for any other.
    static Result<QString> parseLanguage(const QString &value);

    static void setLanguage(const QString &code);
    static QString language();

    static QString text(Text which, const QString &code = language());
    // A time in the records' texts: weekday, ISO date and time, the weekday in the language
    // ("Di 2026-12-08 09:00").
    static QString when(const QDateTime &local, const QString &code = language());
};

} // namespace frontdesk::server

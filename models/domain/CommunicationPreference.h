#pragma once

#include "core/Result.h"
#include "domain/RecordMeta.h"

#include <QCoreApplication>
#include <QStringList>

namespace frontdesk {

// How a patient wants to be reached for one purpose; reminders honour opt-outs and quiet hours.
struct CommunicationPreference
{
    RecordMeta meta;
    QString patientId;
    // reminder | follow-up | survey | recall | administrative | clinical | marketing
    QString purpose = QStringLiteral("reminder");
    QString channel = QStringLiteral("sms"); // sms | email | phone | letter
    bool optedOut = false;
    // Minutes after local midnight (clinic time zone); start == end: no quiet hours. May wrap
    // midnight (22:00–07:00).
    int quietStartMinute = 0;
    int quietEndMinute = 0;

    static QStringList purposes()
    {
        // Every purpose a message is sent for is a preference of its own (ContactPolicy uses
        // this list): a patient may decline the survey and keep the follow-up, or decline
        // recall outreach and keep the reminders; a STOP opts out of each of them.
        return {QStringLiteral("reminder"),       QStringLiteral("follow-up"),
                QStringLiteral("survey"),         QStringLiteral("recall"),
                QStringLiteral("administrative"), QStringLiteral("clinical"),
                QStringLiteral("marketing")};
    }
    static QStringList channels()
    {
        return {QStringLiteral("sms"), QStringLiteral("email"), QStringLiteral("phone"),
                QStringLiteral("letter")};
    }

    bool isQuietAt(int minuteOfDay) const
    {
        if (quietStartMinute == quietEndMinute)
            return false;
        if (quietStartMinute < quietEndMinute)
            return minuteOfDay >= quietStartMinute && minuteOfDay < quietEndMinute;
        return minuteOfDay >= quietStartMinute || minuteOfDay < quietEndMinute;
    }

    Status validate() const
    {
        if (patientId.isEmpty())
            return fail(QCoreApplication::translate("CommunicationPreference",
                                                    "A preference needs a patient."));
        if (!purposes().contains(purpose))
            return fail(
                QCoreApplication::translate("CommunicationPreference", "Unknown purpose \"%1\".")
                    .arg(purpose));
        if (!channels().contains(channel))
            return fail(
                QCoreApplication::translate("CommunicationPreference", "Unknown channel \"%1\".")
                    .arg(channel));
        if (quietStartMinute < 0 || quietStartMinute > 1440 || quietEndMinute < 0 ||
            quietEndMinute > 1440)
            return fail(QCoreApplication::translate("CommunicationPreference",
                                                    "Quiet hours must lie within the day."));
        return {};
    }
};

} // namespace frontdesk

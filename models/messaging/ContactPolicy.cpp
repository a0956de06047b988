#include "ContactPolicy.h"

#include "core/LocaleFormat.h"
#include "domain/MessageLabels.h"

#include <algorithm>

namespace frontdesk {

namespace {

constexpr int minutesPerDay = 24 * 60;

} // namespace

QStringList ContactPolicy::purposes()
{
    // The purposes messages are sent for are the purposes a patient has a preference for.
    return CommunicationPreference::purposes();
}

QStringList ContactPolicy::sendChannels()
{
    return {QStringLiteral("sms"), QStringLiteral("email")};
}

QDateTime ContactPolicy::quietEnd(const QuietHours &quiet, const QDateTime &nowUtc) const
{
    const QDateTime local = m_clinicTime.toLocal(nowUtc);
    const int minute = local.time().hour() * 60 + local.time().minute();
    if (!quiet.contains(minute))
        return {};
    // A window that wraps midnight and is entered before midnight ends tomorrow.
    const QDate endDay = (quiet.startMinute > quiet.endMinute && minute >= quiet.startMinute)
                             ? local.date().addDays(1)
                             : local.date();
    const QTime endTime(quiet.endMinute / 60, quiet.endMinute % 60);
    return QDateTime(endDay, endTime, m_clinicTime.zone()).toUTC();
}

ContactDecision ContactPolicy::decide(const ContactFacts &facts, const QString &purpose,
                                      const QString &channel, const QDateTime &nowUtc) const
{
    ContactDecision d;
    d.channel = channel;
    if (!purposes().contains(purpose)) {
        d.reason = tr("\"%1\" is not a purpose messages are sent for.").arg(purpose);
        return d;
    }
    if (!sendChannels().contains(channel)) {
        d.reason = tr("\"%1\" is not a channel messages are sent on.").arg(channel);
        return d;
    }

    const auto pref =
        std::find_if(facts.preferences.cbegin(), facts.preferences.cend(),
                     [&purpose](const CommunicationPreference &p) { return p.purpose == purpose; });
    const bool hasPref = pref != facts.preferences.cend();
    if (hasPref && pref->optedOut) {
        d.reason = tr("The patient opted out of messages for this purpose (%1).")
                       .arg(MessageLabels::purpose(purpose));
        return d;
    }

    const QString wanted = hasPref ? pref->channel : facts.preferredChannel;
    if (wanted == QLatin1String("none") || wanted.isEmpty()) {
        d.reason = tr("The patient does not want to be contacted.");
        return d;
    }
    if (wanted == QLatin1String("phone")) {
        d.action = ContactDecision::Action::CallTask;
        d.reason = tr("The patient prefers a phone call: a call task is made instead.");
        return d;
    }
    if (wanted == QLatin1String("letter")) {
        d.action = ContactDecision::Action::LetterTask;
        d.reason = tr("The patient prefers a letter: a letter task is made instead.");
        return d;
    }
    if (wanted != channel) {
        d.reason = tr("The patient prefers %1 for this.").arg(MessageLabels::channel(wanted));
        return d;
    }

    if (purpose == QLatin1String("marketing")) {
        const Consent *latest = nullptr;
        for (const Consent &c : facts.consents) {
            if (c.type == consentTypeForMarketing() && (!latest || c.decidedAt > latest->decidedAt))
                latest = &c;
        }
        if (!latest) {
            d.reason = tr("Marketing needs the patient's consent, and none is recorded.");
            return d;
        }
        if (latest->status != QLatin1String("given")) {
            d.reason = tr("The patient withdrew the consent to marketing on %1.")
                           .arg(LocaleFormat::fullYearDate(
                               m_clinicTime.toLocal(latest->decidedAt).date()));
            return d;
        }
    }

    d.allowed = true;
    d.action = ContactDecision::Action::Send;
    d.sendAtUtc = nowUtc;
    if (channel != QLatin1String("sms"))
        return d;

    QuietHours own;
    if (hasPref)
        own = QuietHours{pref->quietStartMinute % minutesPerDay,
                         pref->quietEndMinute % minutesPerDay};
    // The end of one window may fall inside the other; two rounds each settle it.
    for (int round = 0; round < 4; ++round) {
        QDateTime later;
        for (const QuietHours &q : {own, m_clinicQuiet}) {
            const QDateTime end = quietEnd(q, d.sendAtUtc);
            if (end.isValid() && (!later.isValid() || end > later))
                later = end;
        }
        if (!later.isValid())
            break;
        d.sendAtUtc = later;
    }
    if (d.sendAtUtc > nowUtc) {
        const QDateTime at = m_clinicTime.toLocal(d.sendAtUtc);
        // Shown in the message window and Recall Outreach: a date to act on, the whole year.
        d.reason =
            tr("Quiet hours: the SMS is held until %1.").arg(LocaleFormat::fullYearDateTime(at));
    }
    return d;
}

QList<ContactDecision> ContactPolicy::decideAll(const ContactFacts &facts, const QString &purpose,
                                                const QDateTime &nowUtc) const
{
    QList<ContactDecision> all;
    for (const QString &channel : sendChannels())
        all.append(decide(facts, purpose, channel, nowUtc));
    return all;
}

} // namespace frontdesk

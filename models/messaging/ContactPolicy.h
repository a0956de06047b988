#pragma once

#include "domain/ClinicTime.h"
#include "domain/CommunicationPreference.h"
#include "domain/Consent.h"
#include "domain/QuietHours.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace frontdesk {

// What the policy knows about one patient: the preferred channel from the patient record,
// the per-purpose communication preferences and the consents.
struct ContactFacts
{
    QString preferredChannel; // sms | email | phone | letter | none
    QList<CommunicationPreference> preferences;
    QList<Consent> consents;
};

// The answer for one channel: may it be used, and if not, why, and what to do instead.
struct ContactDecision
{
    enum class Action
    {
        Send,       // send on this channel (at sendAtUtc)
        CallTask,   // the patient wants a call: a task in the worklist instead
        LetterTask, // the patient wants a letter: a task in the worklist instead
        None        // do not contact for this purpose
    };

    QString channel;
    bool allowed = false;
    Action action = Action::None;
    // When allowed: now, or the end of the quiet hours an SMS is held for.
    QDateTime sendAtUtc;
    // Translated; says why a channel is refused or why an SMS is held. Empty: allowed now.
    QString reason;
};

// The one rule who may be contacted, how and when. It is used by the workstation, frontdeskctl
// and the server, so it reads no database: the caller passes the facts and the clinic's quiet
// hours (ClinicSettings::quietHours()). The order, first match wins:
//  1. an unknown purpose or channel is refused;
//  2. the patient's preference for the purpose: opted out -> never, on any channel;
//  3. the channel the patient wants for the purpose (that preference's channel, else the
//     patient's preferred channel): "none" -> never; phone or letter -> no SMS or e-mail, but a
//     call or letter task instead; any other channel than the wanted one is not offered;
//  4. marketing needs a marketing consent whose latest decision is "given";
//  5. an SMS during the patient's own or the clinic's quiet hours is held until both have
//     ended (allowed, with a later sendAtUtc and the reason). E-mail is not held: it waits in
//     the patient's inbox.
class ContactPolicy
{
    Q_DECLARE_TR_FUNCTIONS(ContactPolicy)
public:
    ContactPolicy(ClinicTime clinicTime, QuietHours clinicQuietHours)
        : m_clinicTime(std::move(clinicTime)), m_clinicQuiet(clinicQuietHours)
    {}

    static QStringList purposes();
    static QStringList sendChannels();
    static QString defaultClinicQuietHours() { return QStringLiteral("20:00-08:00"); }
    static QString consentTypeForMarketing() { return QStringLiteral("marketing"); }

    ContactDecision decide(const ContactFacts &facts, const QString &purpose,
                           const QString &channel, const QDateTime &nowUtc) const;
    // One decision per channel that sends (sms, email), in that order.
    QList<ContactDecision> decideAll(const ContactFacts &facts, const QString &purpose,
                                     const QDateTime &nowUtc) const;

private:
    QDateTime quietEnd(const QuietHours &quiet, const QDateTime &nowUtc) const;

    ClinicTime m_clinicTime;
    QuietHours m_clinicQuiet;
};

} // namespace frontdesk

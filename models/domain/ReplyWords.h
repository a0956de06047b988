#pragma once

#include <QString>
#include <QStringList>

namespace frontdesk {

// The one definition of what a patient's answer to a reminder means, shared by the dashboard
// (KpiDefinitions::confirms), the day list's "patient replied" (PatientReplies) and
// frontdesk-server, which acts on it. Only the first word counts, in any case: "C danke"
// confirms, "Storno bitte" cancels, "STOP" stops; the cancel and stop words also without their
// accents, which phone keyboards drop ("arret" is "arrêt"). The demo's reminder text names these
// words.
class ReplyWords
{
public:
    enum class Meaning
    {
        Confirm, // the appointment stands
        Cancel,  // the patient calls it off
        Stop,    // no more SMS to this number
        Other    // anything else: for a person to read
    };

    static Meaning classify(const QString &reply);
    static bool confirms(const QString &reply) { return classify(reply) == Meaning::Confirm; }

    // The words of each meaning, lower case, as the first word of a reply is compared.
    static const QStringList &confirmWords();
    static const QStringList &cancelWords();
    static const QStringList &stopWords();
    // "confirm", "cancel", "stop" or "other": the name the trail and the logs use.
    static QString name(Meaning meaning);
};

} // namespace frontdesk

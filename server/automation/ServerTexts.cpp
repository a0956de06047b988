#include "ServerTexts.h"

#include <QCoreApplication>

#include <array>
#include <mutex>

namespace frontdesk::server {

namespace {

struct Row
{
    ServerTexts::Text text;
    const char *en;
    const char *de;
    const char *fr;
    const char *es;
};

// French punctuation takes a no-break space before ':' as the workstation's catalogue has it.
constexpr std::array kTexts{
    Row{ServerTexts::Text::CancelledBySms, "The patient cancelled by answering the reminder SMS.",
        "Der Patient hat durch Antwort auf die Erinnerungs-SMS abgesagt.",
        "Le patient a annulé en répondant au SMS de rappel.",
        "El paciente canceló respondiendo al SMS de recordatorio."},
    Row{ServerTexts::Text::WaitlistOffer,
        "Offer the freed time from the waitlist: %1, %2 min with %3 (another patient cancelled "
        "by SMS).",
        "Frei gewordene Zeit der Warteliste anbieten: %1, %2 Min. bei %3 (ein anderer Patient "
        "hat per SMS abgesagt).",
        "Proposer le créneau libéré à la liste d'attente\u00a0: %1, %2 min avec %3 (un autre "
        "patient a annulé par SMS).",
        "Ofrecer la hora liberada a la lista de espera: %1, %2 min con %3 (otro paciente "
        "canceló por SMS)."},
    Row{ServerTexts::Text::CallForReminder,
        "Call to remind of the appointment on %1 (the patient prefers a call).",
        "Anrufen, um an den Termin am %1 zu erinnern (der Patient bevorzugt einen Anruf).",
        "Appeler pour rappeler le rendez-vous du %1 (le patient préfère un appel).",
        "Llamar para recordar la cita del %1 (el paciente prefiere una llamada)."},
    Row{ServerTexts::Text::LetterForReminder,
        "Send a letter to remind of the appointment on %1 (the patient prefers letters).",
        "Brief zur Erinnerung an den Termin am %1 senden (der Patient bevorzugt Briefe).",
        "Envoyer une lettre de rappel du rendez-vous du %1 (le patient préfère les lettres).",
        "Enviar una carta para recordar la cita del %1 (el paciente prefiere cartas)."},
    Row{ServerTexts::Text::CallForFollowUp,
        "Call to follow up on the visit of %1 (the patient prefers a call).",
        "Anrufen zur Nachsorge nach dem Besuch am %1 (der Patient bevorzugt einen Anruf).",
        "Appeler pour le suivi de la visite du %1 (le patient préfère un appel).",
        "Llamar para el seguimiento de la visita del %1 (el paciente prefiere una llamada)."},
    Row{ServerTexts::Text::LetterForFollowUp,
        "Send a letter to follow up on the visit of %1 (the patient prefers letters).",
        "Brief zur Nachsorge nach dem Besuch am %1 senden (der Patient bevorzugt Briefe).",
        "Envoyer une lettre de suivi de la visite du %1 (le patient préfère les lettres).",
        "Enviar una carta de seguimiento de la visita del %1 (el paciente prefiere cartas)."},
    Row{ServerTexts::Text::ReminderSubject, "Appointment reminder", "Terminerinnerung",
        "Rappel de rendez-vous", "Recordatorio de cita"},
    Row{ServerTexts::Text::FollowUpSubject, "After your visit", "Nach Ihrem Besuch",
        "Après votre visite", "Después de su visita"},
};

std::mutex g_mutex;
QString g_language = QStringLiteral("en");

} // namespace

Result<QString> ServerTexts::parseLanguage(const QString &value)
{
    const QString code = value.trimmed().toLower();
    if (code.isEmpty())
        return QStringLiteral("en");
    if (!languages().contains(code))
        return fail(
            QCoreApplication::translate("ServerTexts", "language must be one of %1, not \"%2\".")
                .arg(languages().join(QStringLiteral(", ")), value.left(32)));
    return code;
}

void ServerTexts::setLanguage(const QString &code)
{
    const std::lock_guard lock(g_mutex);
    g_language = languages().contains(code) ? code : QStringLiteral("en");
}

QString ServerTexts::language()
{
    const std::lock_guard lock(g_mutex);
    return g_language;
}

QString ServerTexts::text(Text which, const QString &code)
{
    for (const Row &row : kTexts) {
        if (row.text != which)
            continue;
        const char *chosen = code == QLatin1String("de")   ? row.de
                             : code == QLatin1String("fr") ? row.fr
                             : code == QLatin1String("es") ? row.es
                                                           : row.en;
        return QString::fromUtf8(chosen);
    }
    return {};
}

QString ServerTexts::when(const QDateTime &local, const QString &code)
{
    const QLocale locale = code == QLatin1String("en") ? QLocale::c() : QLocale(code);
    return locale.toString(local, QStringLiteral("ddd yyyy-MM-dd HH:mm"));
}

} // namespace frontdesk::server

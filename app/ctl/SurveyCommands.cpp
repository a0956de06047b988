#include "CtlCommand.h"

#include "SurveyEntry.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace frontdesk {

namespace {

// A follow-up's survey answered by hand (the patient answered on the phone): the visits it may
// be about, and recording the answer through SurveyEntry, as the Messages view does.
class SurveyCommands
{
    Q_DECLARE_TR_FUNCTIONS(SurveyCommands)
public:
    static QList<CtlCommand> all();

private:
    static int survey(CtlContext &c, const QCommandLineParser &p, const QStringList &args);
};

int SurveyCommands::survey(CtlContext &c, const QCommandLineParser &p, const QStringList &args)
{
    const QString sub = args.value(0);
    if (args.size() != 1 || (sub != QLatin1String("record") && sub != QLatin1String("visits")))
        return c.usage(tr("survey needs one sub-command: record or visits."));
    if (p.value(QStringLiteral("patient")).trimmed().isEmpty())
        return c.usage(tr("survey %1 needs --patient ID.").arg(sub));
    int score = 0;
    if (sub == QLatin1String("record")) {
        if (p.value(QStringLiteral("appointment")).trimmed().isEmpty() ||
            !p.isSet(QStringLiteral("score")))
            return c.usage(tr("survey record needs --patient ID, --appointment ID and --score N."));
        bool number = false;
        score = p.value(QStringLiteral("score")).toInt(&number);
        if (!number || score < SurveyAnswer::kLowest || score > SurveyAnswer::kHighest)
            return c.usage(tr("--score must be a whole number from %1 (poor) to %2 (very good); "
                              "got \"%3\".")
                               .arg(SurveyAnswer::kLowest)
                               .arg(SurveyAnswer::kHighest)
                               .arg(p.value(QStringLiteral("score"))));
    }
    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    SurveyEntry entry(*opened->database);
    const QString patient = p.value(QStringLiteral("patient")).trimmed();
    const bool json = p.isSet(QStringLiteral("json"));

    if (sub == QLatin1String("visits")) {
        auto visits = entry.visits(patient);
        if (!visits)
            return c.failure(visits.error());
        if (json) {
            QJsonArray array;
            for (const SurveyVisit &v : std::as_const(*visits)) {
                QJsonObject o{{QStringLiteral("appointment_id"), v.appointmentId},
                              {QStringLiteral("start"), v.startUtc.toString(Qt::ISODate)},
                              {QStringLiteral("survey_message_id"), v.surveyMessageId},
                              {QStringLiteral("question"), v.question}};
                o.insert(QStringLiteral("score"), v.score ? QJsonValue(*v.score) : QJsonValue());
                array.append(o);
            }
            c.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
            return CtlContext::Ok;
        }
        if (visits->isEmpty()) {
            c.out() << tr("No completed visit in the last %n day(s).", nullptr,
                          SurveyEntry::recentDays)
                    << '\n';
            return CtlContext::Ok;
        }
        for (const SurveyVisit &v : std::as_const(*visits)) {
            const QString answered = v.score ? tr("answered %1").arg(*v.score) : tr("no answer");
            const QString asked =
                v.surveyMessageId.isEmpty() ? tr("no survey sent") : tr("survey sent");
            c.out() << v.appointmentId << "  " << v.label << "  (" << asked << ", " << answered
                    << ")\n";
        }
        return CtlContext::Ok;
    }

    auto saved = entry.record(patient, p.value(QStringLiteral("appointment")).trimmed(), score);
    if (!saved)
        return c.failure(saved.error());
    if (json) {
        c.out() << QJsonDocument(
                       QJsonObject{{QStringLiteral("id"), saved->meta.id},
                                   {QStringLiteral("patient_id"), saved->patientId},
                                   {QStringLiteral("appointment_id"), saved->appointmentId},
                                   {QStringLiteral("survey_message_id"), saved->questionMessageId},
                                   {QStringLiteral("question"), saved->question},
                                   {QStringLiteral("score"), saved->score},
                                   {QStringLiteral("answered_at"),
                                    saved->answeredAt.toString(Qt::ISODateWithMs)},
                                   {QStringLiteral("version"), saved->meta.version}})
                       .toJson(QJsonDocument::Indented);
        return CtlContext::Ok;
    }
    c.out() << (saved->meta.version > 1 ? tr("Survey answer %1 replaced: %2 of 5.")
                                        : tr("Survey answer %1 recorded: %2 of 5."))
                   .arg(saved->meta.id)
                   .arg(saved->score)
            << '\n';
    return CtlContext::Ok;
}

QList<CtlCommand> SurveyCommands::all()
{
    return {
        {QStringLiteral("survey"),
         QStringLiteral("record|visits"),
         tr("A follow-up's survey answered by phone: the visits it may be about, and recording "
            "the answer."),
         {QCommandLineOption(QStringLiteral("patient"), tr("The patient's id."),
                             QStringLiteral("ID")),
          QCommandLineOption(QStringLiteral("appointment"),
                             tr("The completed visit the answer is about."), QStringLiteral("ID")),
          QCommandLineOption(QStringLiteral("score"),
                             tr("The answer, from 1 (poor) to 5 (very good)."),
                             QStringLiteral("N")),
          QCommandLineOption(QStringLiteral("json"), tr("Print JSON."))},
         survey},
    };
}

} // namespace

QList<CtlCommand> surveyCommands()
{
    return SurveyCommands::all();
}

} // namespace frontdesk

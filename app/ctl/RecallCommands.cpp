#include "CtlCommand.h"

#include "RecallOutreach.h"
#include "domain/ClinicTime.h"
#include "domain/MessageLabels.h"
#include "messaging/MessageTemplateRepository.h"
#include "storage/RecallRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

namespace frontdesk {

namespace {

// Recalls (care gaps) and recall outreach: who is due, and contacting them as a batch through
// RecallOutreach, as the Recall Outreach window does.
class RecallCommands
{
    Q_DECLARE_TR_FUNCTIONS(RecallCommands)
public:
    static QList<CtlCommand> all();

private:
    static int recall(CtlContext &c, const QCommandLineParser &p, const QStringList &args);
    static int recallAdd(CtlContext &c, Database &db, const QCommandLineParser &p);
    static int recallDone(CtlContext &c, Database &db, const QCommandLineParser &p);
    static int recallList(CtlContext &c, Database &db, const QCommandLineParser &p);
    // due (dry: no template needed) and outreach (--dry-run previews).
    static int outreach(CtlContext &c, Database &db, const QCommandLineParser &p, int months,
                        bool dueOnly);
    static QString action(const OutreachCandidate &candidate);
    static QJsonObject json(const OutreachCandidate &candidate);
    static QString outcome(OutreachResult::Outcome o);
    // A date written YYYY-MM-DD; an invalid date otherwise.
    static QDate date(const QString &text)
    {
        static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
        return shape.match(text).hasMatch() ? QDate::fromString(text, Qt::ISODate) : QDate();
    }
};

int RecallCommands::recall(CtlContext &c, const QCommandLineParser &p, const QStringList &args)
{
    const QString sub = args.value(0);
    static const QStringList subs{QStringLiteral("add"), QStringLiteral("done"),
                                  QStringLiteral("list"), QStringLiteral("due"),
                                  QStringLiteral("outreach")};
    if (args.size() != 1 || !subs.contains(sub))
        return c.usage(tr("recall needs one sub-command: add, done, list, due or outreach."));
    int months = 0;
    if (p.isSet(QStringLiteral("months"))) {
        bool number = false;
        months = p.value(QStringLiteral("months")).toInt(&number);
        if (!number || months < 1 || months > RecallOutreach::maxMonths)
            return c.usage(tr("--months must be a whole number from 1 to %1; got \"%2\".")
                               .arg(RecallOutreach::maxMonths)
                               .arg(p.value(QStringLiteral("months"))));
    }
    if (sub == QLatin1String("outreach") && p.value(QStringLiteral("template")).trimmed().isEmpty())
        return c.usage(tr("recall outreach needs --template NAME, a template for recalls "
                          "(frontdeskctl message templates lists them)."));
    if (sub == QLatin1String("add")) {
        if (!p.isSet(QStringLiteral("patient")) || !p.isSet(QStringLiteral("due")) ||
            p.value(QStringLiteral("reason")).trimmed().isEmpty())
            return c.usage(tr("recall add needs --patient ID, --due DATE and --reason TEXT."));
        if (!date(p.value(QStringLiteral("due"))).isValid())
            return c.usage(tr("--due \"%1\" is not a date written YYYY-MM-DD.")
                               .arg(p.value(QStringLiteral("due"))));
    }
    if (sub == QLatin1String("done") && !p.isSet(QStringLiteral("recall")))
        return c.usage(tr("recall done needs --recall ID."));
    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    Database &db = *opened->database;
    if (sub == QLatin1String("add"))
        return recallAdd(c, db, p);
    if (sub == QLatin1String("done"))
        return recallDone(c, db, p);
    if (sub == QLatin1String("due") || sub == QLatin1String("outreach"))
        return outreach(c, db, p, months, sub == QLatin1String("due"));
    return recallList(c, db, p);
}

int RecallCommands::recallAdd(CtlContext &c, Database &db, const QCommandLineParser &p)
{
    Recall recall;
    recall.patientId = p.value(QStringLiteral("patient"));
    recall.practitionerId = p.value(QStringLiteral("practitioner"));
    recall.reason = p.value(QStringLiteral("reason")).trimmed();
    recall.dueOn = date(p.value(QStringLiteral("due")));
    if (auto s = RecallRepository(db).save(recall); !s)
        return c.failure(s.error());
    c.out() << recall.meta.id << '\n';
    return CtlContext::Ok;
}

int RecallCommands::recallDone(CtlContext &c, Database &db, const QCommandLineParser &p)
{
    RecallRepository recalls(db);
    const QString id = p.value(QStringLiteral("recall"));
    auto recall = recalls.get(id);
    if (!recall)
        return c.failure(recall.error());
    if (recall->meta.deleted || recall->status != Recall::open())
        return c.refused(recall->meta.deleted
                             ? tr("The recall %1 was deleted.").arg(id)
                             : tr("The recall %1 is already %2.").arg(id, recall->status));
    if (auto s = recalls.close(id, Recall::done()); !s)
        return c.failure(s.error());
    c.out() << tr("Recall %1 is done.").arg(id) << '\n';
    return CtlContext::Ok;
}

int RecallCommands::recallList(CtlContext &c, Database &db, const QCommandLineParser &p)
{
    RecallRepository recalls(db);
    const QString patient = p.value(QStringLiteral("patient"));
    Result<QList<Recall>> list = QList<Recall>();
    if (p.isSet(QStringLiteral("overdue"))) {
        const ClinicTime clinic = ClinicTime::fromZoneName(db.setting(ClinicTime::settingKey()));
        list = recalls.overdue(clinic.today(db.clock()), patient);
    } else {
        list = recalls.list(patient);
    }
    if (!list)
        return c.failure(list.error());
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Recall &r : std::as_const(*list))
            array.append(
                QJsonObject{{QStringLiteral("id"), r.meta.id},
                            {QStringLiteral("patient_id"), r.patientId},
                            {QStringLiteral("practitioner_id"), r.practitionerId},
                            {QStringLiteral("reason"), r.reason},
                            {QStringLiteral("due_on"), r.dueOn.toString(Qt::ISODate)},
                            {QStringLiteral("status"), r.status},
                            {QStringLiteral("kind"), r.kind},
                            {QStringLiteral("contacted_at"),
                             r.contacted() ? r.contactedAt.toString(Qt::ISODateWithMs) : QString()},
                            {QStringLiteral("contact_channel"), r.contactChannel},
                            {QStringLiteral("contact_ref"), r.contactRef}});
        c.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return CtlContext::Ok;
    }
    const QLocale locale;
    for (const Recall &r : std::as_const(*list))
        c.out() << r.meta.id << "  " << locale.toString(r.dueOn, QLocale::ShortFormat) << "  "
                << r.status << "  " << r.patientId << "  " << r.reason << '\n';
    if (list->isEmpty())
        c.out() << tr("No recalls.") << '\n';
    return CtlContext::Ok;
}

QString RecallCommands::action(const OutreachCandidate &candidate)
{
    switch (candidate.action) {
    case OutreachCandidate::Action::Send:
        return MessageLabels::channel(candidate.channel);
    case OutreachCandidate::Action::CallTask:
        return tr("call task");
    case OutreachCandidate::Action::LetterTask:
        return tr("letter task");
    case OutreachCandidate::Action::Refused:
        break;
    }
    return tr("not contacted");
}

QJsonObject RecallCommands::json(const OutreachCandidate &candidate)
{
    static const QHash<OutreachCandidate::Action, QString> actions{
        {OutreachCandidate::Action::Send, QStringLiteral("send")},
        {OutreachCandidate::Action::CallTask, QStringLiteral("call")},
        {OutreachCandidate::Action::LetterTask, QStringLiteral("letter")},
        {OutreachCandidate::Action::Refused, QStringLiteral("refused")}};
    return {{QStringLiteral("recall"), candidate.recallId},
            {QStringLiteral("patient"), candidate.patientId},
            {QStringLiteral("name"), candidate.patientName},
            {QStringLiteral("mrn"), candidate.mrn},
            {QStringLiteral("phone"), candidate.phone},
            {QStringLiteral("dueOn"), candidate.dueOn.toString(Qt::ISODate)},
            {QStringLiteral("reason"), candidate.reason},
            {QStringLiteral("lastVisit"), candidate.lastVisitUtc.isValid()
                                              ? candidate.lastVisitUtc.toString(Qt::ISODateWithMs)
                                              : QString()},
            {QStringLiteral("action"), actions.value(candidate.action)},
            {QStringLiteral("channel"), candidate.channel},
            {QStringLiteral("note"), candidate.note},
            {QStringLiteral("subject"), candidate.subject},
            {QStringLiteral("text"), candidate.text}};
}

QString RecallCommands::outcome(OutreachResult::Outcome o)
{
    switch (o) {
    case OutreachResult::Outcome::Queued:
        return QStringLiteral("queued");
    case OutreachResult::Outcome::Task:
        return QStringLiteral("task");
    case OutreachResult::Outcome::Refused:
        return QStringLiteral("refused");
    case OutreachResult::Outcome::Failed:
        break;
    }
    return QStringLiteral("failed");
}

int RecallCommands::outreach(CtlContext &c, Database &db, const QCommandLineParser &p, int months,
                             bool dueOnly)
{
    const ClinicTime clinic = ClinicTime::fromZoneName(db.setting(ClinicTime::settingKey()));
    const QDate today = clinic.today(db.clock());
    std::optional<MessageTemplate> chosen;
    if (!dueOnly) {
        auto found = MessageTemplateRepository(db).byName(p.value(QStringLiteral("template")));
        if (!found)
            return c.failure(found.error());
        if (auto s = RecallOutreach::usable(*found); !s)
            return c.failure(s.error());
        chosen = *found;
    }
    RecallOutreach outreach(db);
    const bool asJson = p.isSet(QStringLiteral("json"));
    const QLocale locale;
    if (dueOnly || p.isSet(QStringLiteral("dry-run"))) {
        auto due = outreach.due(today, months, chosen ? &*chosen : nullptr);
        if (!due)
            return c.failure(due.error());
        if (asJson) {
            QJsonArray array;
            for (const OutreachCandidate &candidate : std::as_const(*due))
                array.append(json(candidate));
            c.out() << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
            return CtlContext::Ok;
        }
        if (due->isEmpty())
            c.out() << tr("Nobody is due for a recall on %1.")
                           .arg(locale.toString(today, QLocale::ShortFormat))
                    << '\n';
        for (const OutreachCandidate &candidate : std::as_const(*due)) {
            c.out() << tr("%1 (%2)  due %3  %4  ->  %5")
                           .arg(candidate.patientName, candidate.mrn,
                                locale.toString(candidate.dueOn, QLocale::ShortFormat),
                                candidate.reason, action(candidate))
                    << '\n';
            if (!candidate.note.isEmpty())
                c.out() << "    " << candidate.note << '\n';
            if (!candidate.subject.isEmpty())
                c.out() << "    " << tr("Subject: %1").arg(candidate.subject) << '\n';
            if (!candidate.text.isEmpty())
                c.out()
                    << "    "
                    << QString(candidate.text).replace(QLatin1Char('\n'), QStringLiteral("\n    "))
                    << '\n';
        }
        return CtlContext::Ok;
    }

    auto results = outreach.send(today, months, *chosen);
    if (!results)
        return c.failure(results.error());
    int queued = 0, tasks = 0, refused = 0, failed = 0;
    QJsonArray array;
    for (const OutreachResult &r : std::as_const(*results)) {
        switch (r.outcome) {
        case OutreachResult::Outcome::Queued:
            ++queued;
            break;
        case OutreachResult::Outcome::Task:
            ++tasks;
            break;
        case OutreachResult::Outcome::Refused:
            ++refused;
            break;
        case OutreachResult::Outcome::Failed:
            ++failed;
            break;
        }
        QJsonObject o = json(r.candidate);
        o.insert(QStringLiteral("outcome"), outcome(r.outcome));
        o.insert(QStringLiteral("recall"), r.recallId);
        o.insert(QStringLiteral("record"), r.recordId);
        o.insert(QStringLiteral("note"), r.note);
        array.append(o);
        if (asJson)
            continue;
        const QString who = tr("%1 (%2)").arg(r.candidate.patientName, r.candidate.mrn);
        switch (r.outcome) {
        case OutreachResult::Outcome::Queued:
            c.out() << tr("%1: %2 queued (%3).")
                           .arg(who, MessageLabels::channel(r.candidate.channel), r.recordId);
            break;
        case OutreachResult::Outcome::Task:
            c.out() << (r.candidate.action == OutreachCandidate::Action::CallTask
                            ? tr("%1: call task made (%2).").arg(who, r.recordId)
                            : tr("%1: letter task made (%2).").arg(who, r.recordId));
            break;
        case OutreachResult::Outcome::Refused:
            c.out() << tr("%1: not contacted: %2").arg(who, r.note);
            break;
        case OutreachResult::Outcome::Failed:
            c.out() << tr("%1: failed, nothing was kept: %2").arg(who, r.note);
            break;
        }
        c.out() << '\n';
    }
    if (asJson) {
        c.out() << QJsonDocument(QJsonObject{{QStringLiteral("results"), array},
                                             {QStringLiteral("queued"), queued},
                                             {QStringLiteral("tasks"), tasks},
                                             {QStringLiteral("refused"), refused},
                                             {QStringLiteral("failed"), failed}})
                       .toJson(QJsonDocument::Compact)
                << '\n';
    } else {
        c.out() << tr("%n message(s) queued for frontdesk-server to send", nullptr, queued) << ", "
                << tr("%n call or letter task(s) made", nullptr, tasks) << ", "
                << tr("%n patient(s) not contacted.", nullptr, refused + failed) << '\n';
    }
    if (failed > 0)
        return c.failure(tr("%n patient(s) could not be contacted; see above.", nullptr, failed));
    return CtlContext::Ok;
}

QList<CtlCommand> RecallCommands::all()
{
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    return {
        {QStringLiteral("recall"),
         QStringLiteral("add|done|list|due|outreach"),
         tr("Recalls (care gaps): who should come back by when, who is due today, and contacting "
            "them as a batch."),
         {QCommandLineOption(QStringLiteral("patient"), tr("The patient's id."),
                             QStringLiteral("ID")),
          QCommandLineOption(QStringLiteral("practitioner"), tr("Only this practitioner's."),
                             QStringLiteral("ID")),
          QCommandLineOption(QStringLiteral("due"), tr("Due date (YYYY-MM-DD)."),
                             QStringLiteral("DATE")),
          QCommandLineOption(QStringLiteral("reason"), tr("Why the patient should come back."),
                             QStringLiteral("TEXT")),
          QCommandLineOption(QStringLiteral("recall"), tr("The recall's id."),
                             QStringLiteral("ID")),
          QCommandLineOption(QStringLiteral("overdue"),
                             tr("Only open recalls that are overdue (care gaps).")),
          QCommandLineOption(QStringLiteral("months"),
                             tr("Also the patients with no visit for this many months and "
                                "nothing booked."),
                             QStringLiteral("N")),
          QCommandLineOption(QStringLiteral("template"),
                             tr("The recall template the messages are written from."),
                             QStringLiteral("NAME")),
          QCommandLineOption(QStringLiteral("dry-run"),
                             tr("Show who would be contacted and the text each would read; "
                                "contact nobody.")),
          json},
         recall},
    };
}

} // namespace

QList<CtlCommand> recallCommands()
{
    return RecallCommands::all();
}

} // namespace frontdesk

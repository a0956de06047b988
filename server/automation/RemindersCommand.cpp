#include "RemindersCommand.h"

#include "AppEnvironment.h"
#include "ReminderPlanner.h"
#include "ReminderRules.h"
#include "ServerStorage.h"
#include "database/Database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace frontdesk::server {

namespace {

QString utc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QString actionName(PlannedReminder::Action a)
{
    switch (a) {
    case PlannedReminder::Action::Queue:
        return QStringLiteral("queue");
    case PlannedReminder::Action::Task:
        return QStringLiteral("task");
    case PlannedReminder::Action::Skip:
        break;
    }
    return QStringLiteral("skip");
}

} // namespace

int RemindersCommand::run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto usage = [&](const QString &problem) {
        err << "frontdesk-server: " << problem << '\n';
        return 2;
    };
    const auto failed = [&](const QString &problem) {
        err << "frontdesk-server: " << problem << '\n';
        return 1;
    };
    const QString command = arguments.value(0);
    const bool followUps = command == QLatin1String("followups");
    const ReminderRule::Kind kind =
        followUps ? ReminderRule::Kind::FollowUp : ReminderRule::Kind::Reminder;
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    tr("Show what would be sent now, and why not."));
    const QCommandLineOption before(QStringLiteral("before"),
                                    tr("How long before the start: 48h, 2h, 90m, 2d."),
                                    QStringLiteral("TIME"));
    const QCommandLineOption after(QStringLiteral("after"),
                                   tr("How long after the visit was completed: 2h, 1d, 3d."),
                                   QStringLiteral("TIME"));
    const QCommandLineOption type(QStringLiteral("type"),
                                  tr("Only appointments of this type (default: every type)."),
                                  QStringLiteral("TYPE"));
    const QCommandLineOption text(QStringLiteral("text"),
                                  tr("The reminder's text, with template placeholders such as "
                                     "{first_name} and {appointment_time}."),
                                  QStringLiteral("TEXT"));
    const QCommandLineOption templateName(QStringLiteral("template"),
                                          tr("The synced message template to use."),
                                          QStringLiteral("NAME"));
    const QCommandLineOption survey(QStringLiteral("survey"),
                                    tr("Ask this question after an SMS follow-up, answered by a "
                                       "reply from 1 to 5."),
                                    QStringLiteral("QUESTION"));
    const QCommandLineOption paused(QStringLiteral("paused"), tr("Add the rule paused."));
    p.addOptions({json, dryRun, followUps ? after : before, type, text, templateName, paused});
    if (followUps)
        p.addOption(survey);
    const QCommandLineOption &offset = followUps ? after : before;
    if (!p.parse(arguments))
        return usage(p.errorText());
    const QStringList words = p.positionalArguments();
    const QString verb = p.isSet(dryRun) ? QStringLiteral("--dry-run") : words.value(0);
    const QStringList verbs{QStringLiteral("list"),   QStringLiteral("add"),
                            QStringLiteral("pause"),  QStringLiteral("resume"),
                            QStringLiteral("remove"), QStringLiteral("--dry-run")};
    if (!verbs.contains(verb) || (p.isSet(dryRun) && !words.isEmpty()))
        return usage(
            tr("%1 takes list, add, pause, resume, remove or --dry-run; see --help.").arg(command));
    const bool needsId = verb == QLatin1String("pause") || verb == QLatin1String("resume") ||
                         verb == QLatin1String("remove");
    if (words.size() != (needsId ? 2 : (p.isSet(dryRun) ? 0 : 1)))
        return usage(needsId ? tr("%1 %2 takes the rule's id.").arg(command, verb)
                             : tr("%1 %2 takes no further words.").arg(command, verb));
    ReminderRule rule;
    rule.kind = kind;
    if (verb == QLatin1String("add")) {
        auto minutes = ReminderRule::parseOffset(p.value(offset), kind);
        if (!p.isSet(offset) || !minutes)
            return usage(p.isSet(offset) ? minutes.error()
                         : followUps     ? tr("followups add needs --after, e.g. 1d.")
                                         : tr("reminders add needs --before, e.g. 48h."));
        if (p.isSet(text) == p.isSet(templateName))
            return usage(tr("%1 add needs --text or --template (one of them).").arg(command));
        if (followUps && p.isSet(survey) && p.value(survey).trimmed().isEmpty())
            return usage(tr("--survey needs the question, e.g. \"How was your visit? Reply "
                            "with a number from 1 (poor) to 5 (very good).\""));
        rule.offsetMinutes = *minutes;
        rule.appointmentType = p.value(type);
        rule.body = p.value(text);
        rule.templateName = p.value(templateName);
        rule.active = !p.isSet(paused);
        if (followUps)
            rule.surveyQuestion = p.value(survey);
    }

    auto db = ServerStorage::open(m_config);
    if (!db)
        return failed(db.error());
    (*db)->actAsSystem(QStringLiteral("frontdesk-server %1 (os user %2)")
                           .arg(command, AppEnvironment::operatingSystemUser()));
    ReminderRules rules(**db);
    if (verb == QLatin1String("add")) {
        auto id = rules.add(rule);
        if (!id)
            return failed(id.error());
        out << *id << '\n';
        return 0;
    }
    if (needsId) {
        const QString id = words.at(1);
        const Status s = verb == QLatin1String("remove")
                             ? rules.remove(id, kind)
                             : rules.setActive(id, verb == QLatin1String("resume"), kind);
        return s ? 0 : failed(s.error());
    }
    const QString offsetName = followUps ? QStringLiteral("after") : QStringLiteral("before");
    if (verb == QLatin1String("list")) {
        auto all = rules.all(kind);
        if (!all)
            return failed(all.error());
        if (p.isSet(json)) {
            QJsonArray list;
            for (const ReminderRule &r : *all) {
                QJsonObject o{{QStringLiteral("id"), r.id},
                              {offsetName, ReminderRule::offsetText(r.offsetMinutes)},
                              {offsetName + QStringLiteral("_minutes"), r.offsetMinutes},
                              {QStringLiteral("type"), r.appointmentType},
                              {QStringLiteral("template"), r.templateName},
                              {QStringLiteral("text"), r.body},
                              {QStringLiteral("active"), r.active}};
                if (followUps)
                    o.insert(QStringLiteral("survey"), r.surveyQuestion);
                list.append(o);
            }
            out << QJsonDocument(list).toJson(QJsonDocument::Indented);
            return 0;
        }
        if (all->isEmpty())
            out << (followUps ? tr("No follow-up rules yet: add one with followups add --after "
                                   "1d --text TEXT.")
                              : tr("No reminder rules yet: add one with reminders add --before "
                                   "48h --text TEXT."))
                << '\n';
        for (const ReminderRule &r : *all) {
            out << r.id << "  " << (r.active ? tr("active") : tr("paused")) << "  "
                << (followUps ? tr("%1 after").arg(ReminderRule::offsetText(r.offsetMinutes))
                              : tr("%1 before").arg(ReminderRule::offsetText(r.offsetMinutes)))
                << "  " << (r.appointmentType.isEmpty() ? tr("every type") : r.appointmentType)
                << "  "
                << (r.templateName.isEmpty() ? QStringLiteral("\"%1\"").arg(r.body)
                                             : tr("template %1").arg(r.templateName));
            if (r.asksSurvey())
                out << "  " << tr("survey \"%1\"").arg(r.surveyQuestion);
            out << '\n';
        }
        return 0;
    }
    auto due = ReminderPlanner(**db).due();
    if (!due)
        return failed(due.error());
    due->removeIf([kind](const PlannedReminder &r) { return r.rule.kind != kind; });
    if (p.isSet(json)) {
        QJsonArray list;
        for (const PlannedReminder &r : *due) {
            QJsonObject o{{QStringLiteral("rule"), r.rule.id},
                          {QStringLiteral("appointment"), r.appointmentId},
                          {QStringLiteral("start"), utc(r.startUtc)},
                          {QStringLiteral("due"), utc(r.dueUtc)},
                          {QStringLiteral("patient"), r.patientId},
                          {QStringLiteral("patient_name"), r.patientName},
                          {QStringLiteral("action"), actionName(r.action)},
                          {QStringLiteral("channel"), r.channel},
                          {QStringLiteral("text"), r.body},
                          {QStringLiteral("reason"), r.reason}};
            if (followUps) {
                o.insert(QStringLiteral("completed"), utc(r.completedUtc));
                o.insert(QStringLiteral("purpose"), r.purpose);
            }
            list.append(o);
        }
        out << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (due->isEmpty())
        out << (followUps ? tr("No follow-up is due now.") : tr("No reminder is due now.")) << '\n';
    for (const PlannedReminder &r : *due) {
        out << utc(r.startUtc) << "  Appointment/" << r.appointmentId << "  "
            << (r.patientName.isEmpty()
                    ? r.patientId
                    : r.patientName + QStringLiteral(" (") + r.patientId + QLatin1Char(')'))
            << "  "
            << (followUps ? tr("rule %1 (%2 after)") : tr("rule %1 (%2 before)"))
                   .arg(r.rule.id, ReminderRule::offsetText(r.rule.offsetMinutes))
            << "\n    ";
        switch (r.action) {
        case PlannedReminder::Action::Queue:
            out << tr("%1: %2").arg(r.channel, r.body);
            if (r.purpose == QLatin1String("survey"))
                out << "\n    " << tr("asks the survey question");
            if (!r.reason.isEmpty())
                out << "\n    " << r.reason;
            break;
        case PlannedReminder::Action::Task:
            out << tr("task (%1): %2").arg(r.channel, r.body);
            break;
        case PlannedReminder::Action::Skip:
            out << tr("not sent: %1").arg(r.reason);
            break;
        }
        out << '\n';
    }
    return 0;
}

} // namespace frontdesk::server

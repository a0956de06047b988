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
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    tr("Show what would be sent now, and why not."));
    const QCommandLineOption before(QStringLiteral("before"),
                                    tr("How long before the start: 48h, 2h, 90m, 2d."),
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
    const QCommandLineOption paused(QStringLiteral("paused"), tr("Add the rule paused."));
    p.addOptions({json, dryRun, before, type, text, templateName, paused});
    if (!p.parse(QStringList{QStringLiteral("reminders")} + arguments))
        return usage(p.errorText());
    const QStringList words = p.positionalArguments();
    const QString verb = p.isSet(dryRun) ? QStringLiteral("--dry-run") : words.value(0);
    const QStringList verbs{QStringLiteral("list"),   QStringLiteral("add"),
                            QStringLiteral("pause"),  QStringLiteral("resume"),
                            QStringLiteral("remove"), QStringLiteral("--dry-run")};
    if (!verbs.contains(verb) || (p.isSet(dryRun) && !words.isEmpty()))
        return usage(tr("reminders takes list, add, pause, resume, remove or --dry-run; see "
                        "--help."));
    const bool needsId = verb == QLatin1String("pause") || verb == QLatin1String("resume") ||
                         verb == QLatin1String("remove");
    if (words.size() != (needsId ? 2 : (p.isSet(dryRun) ? 0 : 1)))
        return usage(needsId ? tr("reminders %1 takes the rule's id.").arg(verb)
                             : tr("reminders %1 takes no further words.").arg(verb));
    ReminderRule rule;
    if (verb == QLatin1String("add")) {
        auto offset = ReminderRule::parseOffset(p.value(before));
        if (!p.isSet(before) || !offset)
            return usage(p.isSet(before) ? offset.error()
                                         : tr("reminders add needs --before, e.g. 48h."));
        if (p.isSet(text) == p.isSet(templateName))
            return usage(tr("reminders add needs --text or --template (one of them)."));
        rule.offsetMinutes = *offset;
        rule.appointmentType = p.value(type);
        rule.body = p.value(text);
        rule.templateName = p.value(templateName);
        rule.active = !p.isSet(paused);
    }

    auto db = ServerStorage::open(m_config);
    if (!db)
        return failed(db.error());
    (*db)->actAsSystem(QStringLiteral("frontdesk-server reminders (os user %1)")
                           .arg(AppEnvironment::operatingSystemUser()));
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
                             ? rules.remove(id)
                             : rules.setActive(id, verb == QLatin1String("resume"));
        return s ? 0 : failed(s.error());
    }
    if (verb == QLatin1String("list")) {
        auto all = rules.all();
        if (!all)
            return failed(all.error());
        if (p.isSet(json)) {
            QJsonArray list;
            for (const ReminderRule &r : *all)
                list.append(QJsonObject{
                    {QStringLiteral("id"), r.id},
                    {QStringLiteral("before"), ReminderRule::offsetText(r.offsetMinutes)},
                    {QStringLiteral("before_minutes"), r.offsetMinutes},
                    {QStringLiteral("type"), r.appointmentType},
                    {QStringLiteral("template"), r.templateName},
                    {QStringLiteral("text"), r.body},
                    {QStringLiteral("active"), r.active}});
            out << QJsonDocument(list).toJson(QJsonDocument::Indented);
            return 0;
        }
        if (all->isEmpty())
            out << tr("No reminder rules yet: add one with reminders add --before 48h --text "
                      "TEXT.")
                << '\n';
        for (const ReminderRule &r : *all)
            out << r.id << "  " << (r.active ? tr("active") : tr("paused")) << "  "
                << tr("%1 before").arg(ReminderRule::offsetText(r.offsetMinutes)) << "  "
                << (r.appointmentType.isEmpty() ? tr("every type") : r.appointmentType) << "  "
                << (r.templateName.isEmpty() ? QStringLiteral("\"%1\"").arg(r.body)
                                             : tr("template %1").arg(r.templateName))
                << '\n';
        return 0;
    }
    auto due = ReminderPlanner(**db).due();
    if (!due)
        return failed(due.error());
    if (p.isSet(json)) {
        QJsonArray list;
        for (const PlannedReminder &r : *due)
            list.append(QJsonObject{{QStringLiteral("rule"), r.rule.id},
                                    {QStringLiteral("appointment"), r.appointmentId},
                                    {QStringLiteral("start"), utc(r.startUtc)},
                                    {QStringLiteral("due"), utc(r.dueUtc)},
                                    {QStringLiteral("patient"), r.patientId},
                                    {QStringLiteral("patient_name"), r.patientName},
                                    {QStringLiteral("action"), actionName(r.action)},
                                    {QStringLiteral("channel"), r.channel},
                                    {QStringLiteral("text"), r.body},
                                    {QStringLiteral("reason"), r.reason}});
        out << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (due->isEmpty())
        out << tr("No reminder is due now.") << '\n';
    for (const PlannedReminder &r : *due) {
        out << utc(r.startUtc) << "  Appointment/" << r.appointmentId << "  "
            << (r.patientName.isEmpty()
                    ? r.patientId
                    : r.patientName + QStringLiteral(" (") + r.patientId + QLatin1Char(')'))
            << "  "
            << tr("rule %1 (%2 before)")
                   .arg(r.rule.id, ReminderRule::offsetText(r.rule.offsetMinutes))
            << "\n    ";
        switch (r.action) {
        case PlannedReminder::Action::Queue:
            out << tr("%1: %2").arg(r.channel, r.body);
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

#include "CtlCommand.h"

#include "MessageComposer.h"
#include "MessageThreadModel.h"
#include "domain/ClinicTime.h"
#include "domain/MessageLabels.h"
#include "messaging/ContactPolicy.h"
#include "messaging/MessageTemplateRepository.h"
#include "storage/MessageRepository.h"
#include "storage/MessageThreads.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace frontdesk {

namespace {

// Writing to a patient and reading their messages from the command line, through the same
// MessageComposer and contact rule as the app's message window: the message waits in the
// outbox and frontdesk-server sends it. Marking a conversation read and assigning it go through
// MessageThreads, as in the Messages view.
class MessageCommands
{
    Q_DECLARE_TR_FUNCTIONS(MessageCommands)
public:
    static QList<CtlCommand> all();

private:
    static int message(CtlContext &c, const QCommandLineParser &p, const QStringList &args);
    static int send(CtlContext &c, Database &db, const QCommandLineParser &p);
    static int list(CtlContext &c, Database &db, const QCommandLineParser &p);
    static int read(CtlContext &c, Database &db, const QCommandLineParser &p);
    static int assign(CtlContext &c, Database &db, const QCommandLineParser &p);
    static int templates(CtlContext &c, Database &db, const QCommandLineParser &p);
    static QString isoUtc(const QDateTime &t)
    {
        return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
    }
};

int MessageCommands::message(CtlContext &c, const QCommandLineParser &p, const QStringList &args)
{
    const QString sub = args.value(0);
    static const QStringList subs{QStringLiteral("send"), QStringLiteral("list"),
                                  QStringLiteral("read"), QStringLiteral("assign"),
                                  QStringLiteral("templates")};
    if (args.size() != 1 || !subs.contains(sub))
        return c.usage(tr("message needs send, list, read, assign or templates, e.g. frontdeskctl "
                          "message list --patient ID."));
    if (sub == QLatin1String("templates")) {
        auto opened = c.openDatabase();
        if (!opened)
            return c.failure(opened.error());
        return templates(c, *opened->database, p);
    }
    if (!p.isSet(QStringLiteral("patient")))
        return c.usage(tr("message %1 needs --patient ID (the id from search --json).").arg(sub));
    if (sub == QLatin1String("send")) {
        const QString channel = p.value(QStringLiteral("channel"));
        if (channel != QLatin1String("sms") && channel != QLatin1String("email"))
            return c.usage(tr("message send needs --channel sms or --channel email."));
        if (p.isSet(QStringLiteral("text")) == p.isSet(QStringLiteral("template")))
            return c.usage(tr("message send needs --text TEXT, the message the patient reads, or "
                              "--template NAME (frontdeskctl message templates lists them)."));
        const QString purpose = p.value(QStringLiteral("purpose"));
        if (!ContactPolicy::purposes().contains(purpose))
            return c.usage(tr("--purpose must be one of: %1.")
                               .arg(ContactPolicy::purposes().join(QStringLiteral(", "))));
    }
    if (sub == QLatin1String("assign") && !p.isSet(QStringLiteral("to")))
        return c.usage(tr("message assign needs --to USER (a username; --to \"\" for nobody)."));
    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    Database &db = *opened->database;
    if (sub == QLatin1String("send"))
        return send(c, db, p);
    if (sub == QLatin1String("read"))
        return read(c, db, p);
    if (sub == QLatin1String("assign"))
        return assign(c, db, p);
    return list(c, db, p);
}

int MessageCommands::send(CtlContext &c, Database &db, const QCommandLineParser &p)
{
    MessageComposer composer(db);
    MessageDraft draft;
    draft.patientId = p.value(QStringLiteral("patient"));
    draft.appointmentId = p.value(QStringLiteral("appointment"));
    draft.channel = p.value(QStringLiteral("channel"));
    draft.purpose = p.value(QStringLiteral("purpose"));
    draft.subject = p.value(QStringLiteral("subject"));
    draft.body = p.value(QStringLiteral("text"));
    if (p.isSet(QStringLiteral("template"))) {
        auto chosen = MessageTemplateRepository(db).byName(p.value(QStringLiteral("template")));
        if (!chosen)
            return c.failure(chosen.error());
        if (!chosen->active)
            return c.failure(tr("The template \"%1\" is deactivated.").arg(chosen->name));
        // The template's purpose unless one is given: a reminder template sends reminders.
        if (!p.isSet(QStringLiteral("purpose")))
            draft.purpose = chosen->purpose;
        draft.templateName = chosen->name;
        draft.subject = chosen->subject;
        draft.body = chosen->body;
    }
    auto queued = composer.queue(draft);
    if (!queued)
        return c.failure(queued.error());
    if (p.isSet(QStringLiteral("json"))) {
        c.out() << QJsonDocument(QJsonObject{{QStringLiteral("id"), queued->message.meta.id},
                                             {QStringLiteral("status"), queued->message.status},
                                             {QStringLiteral("sendAt"), isoUtc(queued->sendAtUtc)},
                                             {QStringLiteral("note"), queued->note}})
                       .toJson(QJsonDocument::Compact)
                << '\n';
        return CtlContext::Ok;
    }
    c.out() << tr("Queued %1 (%2); frontdesk-server sends it.")
                   .arg(MessageLabels::channel(draft.channel), queued->message.meta.id)
            << '\n';
    if (!queued->note.isEmpty())
        c.out() << queued->note << '\n';
    return CtlContext::Ok;
}

int MessageCommands::list(CtlContext &c, Database &db, const QCommandLineParser &p)
{
    const QString patientId = p.value(QStringLiteral("patient"));
    // An unknown patient is an error, not an empty conversation.
    auto who = MessageComposer(db).recipient(patientId);
    if (!who)
        return c.failure(who.error());
    auto thread = MessageRepository(db).thread(patientId);
    if (!thread)
        return c.failure(thread.error());
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Message &m : *thread)
            array.append(
                QJsonObject{{QStringLiteral("id"), m.meta.id},
                            {QStringLiteral("createdAt"),
                             isoUtc(QDateTime::fromMSecsSinceEpoch(m.meta.createdAt, Qt::UTC))},
                            {QStringLiteral("direction"), m.direction},
                            {QStringLiteral("channel"), m.channel},
                            {QStringLiteral("purpose"), m.purpose},
                            {QStringLiteral("status"), m.status},
                            {QStringLiteral("sentAt"), isoUtc(m.sentAt)},
                            {QStringLiteral("subject"), m.subject},
                            {QStringLiteral("text"), m.body},
                            {QStringLiteral("appointment"), m.appointmentId},
                            {QStringLiteral("deliveredAt"), isoUtc(m.deliveredAt)},
                            {QStringLiteral("failureReason"), m.failureReason},
                            {QStringLiteral("author"), m.authorName},
                            {QStringLiteral("authorId"), m.authorId},
                            {QStringLiteral("unread"), m.isUnread()},
                            {QStringLiteral("readAt"), isoUtc(m.readAt)},
                            {QStringLiteral("assignee"), m.assignedName},
                            {QStringLiteral("assigneeId"), m.assignedTo},
                            {QStringLiteral("template"), m.templateName},
                            {QStringLiteral("rule"), m.ruleName}});
        c.out() << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
        return CtlContext::Ok;
    }
    c.out() << *who << '\n';
    if (thread->isEmpty())
        c.out() << tr("No messages.") << '\n';
    // The conversation's assignee: the newest message naming one (MessageThreads).
    for (const Message &m : *thread) {
        if (m.assignedName.isEmpty())
            continue;
        c.out() << tr("Assigned to %1").arg(m.assignedName) << '\n';
        break;
    }
    const ClinicTime clinic = ClinicTime::fromZoneName(db.setting(ClinicTime::settingKey()));
    const QLocale locale;
    for (const Message &m : *thread) {
        const QDateTime local =
            QDateTime::fromMSecsSinceEpoch(m.meta.createdAt, Qt::UTC).toTimeZone(clinic.zone());
        c.out() << locale.toString(local, QLocale::ShortFormat) << "  "
                << (m.direction == QLatin1String("inbound") ? QStringLiteral("<-")
                                                            : QStringLiteral("->"))
                << ' ' << MessageLabels::channel(m.channel) << "  "
                << (m.isUnread() ? tr("unread") : MessageLabels::status(m.status)) << "  "
                << MessageLabels::purpose(m.purpose) << "  " << MessageThreadModel::authorOf(m)
                << '\n';
        if (!m.failureReason.isEmpty())
            c.out() << "    " << tr("Failed: %1").arg(m.failureReason) << '\n';
        c.out() << "    " << QString(m.body).replace(QLatin1Char('\n'), QStringLiteral("\n    "))
                << '\n';
    }
    return CtlContext::Ok;
}

int MessageCommands::read(CtlContext &c, Database &db, const QCommandLineParser &p)
{
    const QString patientId = p.value(QStringLiteral("patient"));
    auto who = MessageComposer(db).recipient(patientId);
    if (!who)
        return c.failure(who.error());
    MessageThreads threads(db);
    // Reading is opening the patient's record: audited like message list.
    if (auto opened = threads.messages(patientId); !opened)
        return c.failure(opened.error());
    auto marked = threads.markRead(patientId);
    if (!marked)
        return c.failure(marked.error());
    c.out() << tr("%1: messages marked read: %2.").arg(*who).arg(*marked) << '\n';
    return CtlContext::Ok;
}

int MessageCommands::assign(CtlContext &c, Database &db, const QCommandLineParser &p)
{
    const QString patientId = p.value(QStringLiteral("patient"));
    auto who = MessageComposer(db).recipient(patientId);
    if (!who)
        return c.failure(who.error());
    const QString to = p.value(QStringLiteral("to"));
    if (auto s = MessageThreads(db).assign(patientId, to); !s)
        return c.failure(s.error());
    c.out() << (to.isEmpty() ? tr("%1: assigned to nobody.").arg(*who)
                             : tr("%1: assigned to %2.").arg(*who, to))
            << '\n';
    return CtlContext::Ok;
}

int MessageCommands::templates(CtlContext &c, Database &db, const QCommandLineParser &p)
{
    auto all = MessageTemplateRepository(db).all();
    if (!all)
        return c.failure(all.error());
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const MessageTemplate &t : std::as_const(*all))
            array.append(QJsonObject{{QStringLiteral("id"), t.meta.id},
                                     {QStringLiteral("name"), t.name},
                                     {QStringLiteral("purpose"), t.purpose},
                                     {QStringLiteral("channel"), t.channel},
                                     {QStringLiteral("subject"), t.subject},
                                     {QStringLiteral("text"), t.body},
                                     {QStringLiteral("active"), t.active}});
        c.out() << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
        return CtlContext::Ok;
    }
    if (all->isEmpty())
        c.out() << tr("No templates.") << '\n';
    for (const MessageTemplate &t : std::as_const(*all)) {
        const QString channel = t.channel == QLatin1String("any")
                                    ? tr("SMS or e-mail")
                                    : MessageLabels::channel(t.channel);
        c.out() << t.name << "  " << MessageLabels::purpose(t.purpose) << "  " << channel;
        if (!t.active)
            c.out() << "  " << tr("(deactivated)");
        c.out() << '\n';
        if (!t.subject.isEmpty())
            c.out() << "    " << tr("Subject: %1").arg(t.subject) << '\n';
        c.out() << "    " << QString(t.body).replace(QLatin1Char('\n'), QStringLiteral("\n    "))
                << '\n';
    }
    return CtlContext::Ok;
}

QList<CtlCommand> MessageCommands::all()
{
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    return {
        {QStringLiteral("message"),
         QStringLiteral("send|list|read|assign|templates"),
         tr("Write to a patient (queued for the server), read their messages, mark them read, "
            "assign their conversation to a staff member, or list the message templates."),
         {QCommandLineOption(QStringLiteral("patient"), tr("The patient's id."),
                             QStringLiteral("ID")),
          QCommandLineOption(QStringLiteral("channel"), tr("sms or email."),
                             QStringLiteral("CHANNEL")),
          QCommandLineOption(QStringLiteral("purpose"),
                             tr("Why the patient is written to (the contact rule depends on it)."),
                             QStringLiteral("PURPOSE"), QStringLiteral("administrative")),
          QCommandLineOption(QStringLiteral("text"), tr("The message."), QStringLiteral("TEXT")),
          QCommandLineOption(QStringLiteral("template"),
                             tr("Send from this template, filled for the patient (instead of "
                                "--text)."),
                             QStringLiteral("NAME")),
          QCommandLineOption(QStringLiteral("subject"), tr("An e-mail's subject."),
                             QStringLiteral("TEXT")),
          QCommandLineOption(QStringLiteral("appointment"),
                             tr("The appointment the message is about."), QStringLiteral("ID")),
          QCommandLineOption(QStringLiteral("to"),
                             tr("The staff member (username) the conversation is assigned to."),
                             QStringLiteral("USER")),
          json},
         &MessageCommands::message},
    };
}

} // namespace

QList<CtlCommand> messageCommands()
{
    return MessageCommands::all();
}

} // namespace frontdesk

#include "CtlCommand.h"

#include "MessageComposer.h"
#include "domain/ClinicTime.h"
#include "domain/MessageLabels.h"
#include "messaging/ContactPolicy.h"
#include "storage/MessageRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace frontdesk {

namespace {

// Writing to a patient and reading their messages from the command line, through the same
// MessageComposer and contact rule as the app's message window: the message waits in the
// outbox and frontdesk-server sends it.
class MessageCommands
{
    Q_DECLARE_TR_FUNCTIONS(MessageCommands)
public:
    static QList<CtlCommand> all();

private:
    static int message(CtlContext &c, const QCommandLineParser &p, const QStringList &args);
    static int send(CtlContext &c, Database &db, const QCommandLineParser &p);
    static int list(CtlContext &c, Database &db, const QCommandLineParser &p);
    static QString isoUtc(const QDateTime &t)
    {
        return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
    }
};

int MessageCommands::message(CtlContext &c, const QCommandLineParser &p, const QStringList &args)
{
    const QString sub = args.value(0);
    if (args.size() != 1 || (sub != QLatin1String("send") && sub != QLatin1String("list")))
        return c.usage(tr("message needs send or list, e.g. frontdeskctl message list "
                          "--patient ID."));
    if (!p.isSet(QStringLiteral("patient")))
        return c.usage(tr("message %1 needs --patient ID (the id from search --json).").arg(sub));
    if (sub == QLatin1String("send")) {
        const QString channel = p.value(QStringLiteral("channel"));
        if (channel != QLatin1String("sms") && channel != QLatin1String("email"))
            return c.usage(tr("message send needs --channel sms or --channel email."));
        if (!p.isSet(QStringLiteral("text")))
            return c.usage(tr("message send needs --text TEXT, the message the patient reads."));
        const QString purpose = p.value(QStringLiteral("purpose"));
        if (!ContactPolicy::purposes().contains(purpose))
            return c.usage(tr("--purpose must be one of: %1.")
                               .arg(ContactPolicy::purposes().join(QStringLiteral(", "))));
    }
    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    Database &db = *opened->database;
    return sub == QLatin1String("send") ? send(c, db, p) : list(c, db, p);
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
                            {QStringLiteral("appointment"), m.appointmentId}});
        c.out() << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
        return CtlContext::Ok;
    }
    c.out() << *who << '\n';
    if (thread->isEmpty())
        c.out() << tr("No messages.") << '\n';
    const ClinicTime clinic = ClinicTime::fromZoneName(db.setting(ClinicTime::settingKey()));
    const QLocale locale;
    for (const Message &m : *thread) {
        const QDateTime local =
            QDateTime::fromMSecsSinceEpoch(m.meta.createdAt, Qt::UTC).toTimeZone(clinic.zone());
        c.out() << locale.toString(local, QLocale::ShortFormat) << "  "
                << (m.direction == QLatin1String("inbound") ? QStringLiteral("<-")
                                                            : QStringLiteral("->"))
                << ' ' << MessageLabels::channel(m.channel) << "  "
                << MessageLabels::status(m.status) << "  " << MessageLabels::purpose(m.purpose)
                << '\n'
                << "    " << QString(m.body).replace(QLatin1Char('\n'), QStringLiteral("\n    "))
                << '\n';
    }
    return CtlContext::Ok;
}

QList<CtlCommand> MessageCommands::all()
{
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    return {
        {QStringLiteral("message"),
         QStringLiteral("send|list"),
         tr("Write to a patient (queued for the server), or read their messages."),
         {QCommandLineOption(QStringLiteral("patient"), tr("The patient's id."),
                             QStringLiteral("ID")),
          QCommandLineOption(QStringLiteral("channel"), tr("sms or email."),
                             QStringLiteral("CHANNEL")),
          QCommandLineOption(QStringLiteral("purpose"),
                             tr("Why the patient is written to (the contact rule depends on it)."),
                             QStringLiteral("PURPOSE"), QStringLiteral("administrative")),
          QCommandLineOption(QStringLiteral("text"), tr("The message."), QStringLiteral("TEXT")),
          QCommandLineOption(QStringLiteral("subject"), tr("An e-mail's subject."),
                             QStringLiteral("TEXT")),
          QCommandLineOption(QStringLiteral("appointment"),
                             tr("The appointment the message is about."), QStringLiteral("ID")),
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

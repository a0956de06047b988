#include "MessageTemplateRepository.h"

#include "messaging/TemplateRenderer.h"

namespace frontdesk {

RecordStore::Table MessageTemplateRepository::table()
{
    return {QStringLiteral("message_templates"),
            QStringLiteral("MessageTemplate"),
            {QStringLiteral("name"), QStringLiteral("purpose"), QStringLiteral("channel"),
             QStringLiteral("subject"), QStringLiteral("body"), QStringLiteral("active")},
            {},
            QStringLiteral("Basic")};
}

MessageTemplateRepository::MessageTemplateRepository(Database &db) : Repository(db, table()) {}

QVariantMap MessageTemplateRepository::toValues(const MessageTemplate &t) const
{
    return {
        {QStringLiteral("name"), t.name.trimmed()}, {QStringLiteral("purpose"), t.purpose},
        {QStringLiteral("channel"), t.channel},     {QStringLiteral("subject"), t.subject},
        {QStringLiteral("body"), t.body},           {QStringLiteral("active"), t.active ? 1 : 0}};
}

MessageTemplate MessageTemplateRepository::fromRecord(const QSqlRecord &r) const
{
    MessageTemplate t;
    t.meta = RecordStore::metaFrom(r);
    t.name = r.value(QStringLiteral("name")).toString();
    t.purpose = r.value(QStringLiteral("purpose")).toString();
    t.channel = r.value(QStringLiteral("channel")).toString();
    t.subject = r.value(QStringLiteral("subject")).toString();
    t.body = r.value(QStringLiteral("body")).toString();
    t.active = r.value(QStringLiteral("active")).toInt() != 0;
    return t;
}

Status MessageTemplateRepository::validate(const MessageTemplate &t) const
{
    if (auto s = TemplateRenderer::validate(t); !s)
        return s;
    // SQLite's lower() folds only ASCII; the names are compared folded here instead.
    auto q = m_db.query(
        QStringLiteral("SELECT id, name FROM message_templates WHERE deleted = 0 AND id <> ?"),
        {t.meta.id});
    if (!q)
        return fail(q.error());
    const QString wanted = t.name.trimmed().toCaseFolded();
    while (q->next()) {
        if (q->value(1).toString().trimmed().toCaseFolded() == wanted)
            return fail(tr("There is already a template named \"%1\".").arg(t.name.trimmed()));
    }
    return {};
}

Result<QList<MessageTemplate>> MessageTemplateRepository::all() const
{
    return select(QStringLiteral("WHERE deleted = 0 ORDER BY name, id"));
}

Result<QList<MessageTemplate>> MessageTemplateRepository::active(const QString &purpose,
                                                                 const QString &channel) const
{
    auto live = select(QStringLiteral("WHERE deleted = 0 AND active = 1 ORDER BY name, id"));
    if (!live)
        return fail(live.error());
    QList<MessageTemplate> fitting;
    for (const MessageTemplate &t : *live) {
        if ((purpose.isEmpty() || t.purpose == purpose) &&
            (channel.isEmpty() || t.fitsChannel(channel)))
            fitting.append(t);
    }
    return fitting;
}

Result<MessageTemplate> MessageTemplateRepository::byName(const QString &name) const
{
    auto live = all();
    if (!live)
        return fail(live.error());
    const QString wanted = name.trimmed().toCaseFolded();
    for (const MessageTemplate &t : *live) {
        if (t.name.trimmed().toCaseFolded() == wanted)
            return t;
    }
    return fail(tr("There is no template named \"%1\".").arg(name.trimmed()));
}

} // namespace frontdesk

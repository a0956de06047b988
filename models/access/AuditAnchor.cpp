#include "AuditAnchor.h"

#include "database/Database.h"
#include "database/SecretStore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <sodium.h>

namespace frontdesk {

namespace {

constexpr int FormatVersion = 1;

// The key is a secret of the same weight as the database key: no copy outlives its use.
struct WipedKey
{
    QByteArray bytes;
    ~WipedKey()
    {
        if (!bytes.isEmpty())
            sodium_memzero(bytes.data(), static_cast<size_t>(bytes.size()));
    }
};

QByteArray message(const AuditAnchor::Head &head)
{
    return QStringLiteral("frontdesk audit anchor %1\n%2\n%3\n%4")
        .arg(FormatVersion)
        .arg(head.seq)
        .arg(head.hash)
        .arg(head.entries)
        .toUtf8();
}

QByteArray mac(const AuditAnchor::Head &head, const QByteArray &key)
{
    QByteArray out(crypto_auth_BYTES, '\0');
    const QByteArray text = message(head);
    crypto_auth(reinterpret_cast<unsigned char *>(out.data()),
                reinterpret_cast<const unsigned char *>(text.constData()),
                static_cast<unsigned long long>(text.size()),
                reinterpret_cast<const unsigned char *>(key.constData()));
    return out;
}

bool macMatches(const AuditAnchor::Head &head, const QByteArray &code, const QByteArray &key)
{
    if (code.size() != crypto_auth_BYTES)
        return false;
    const QByteArray text = message(head);
    return crypto_auth_verify(reinterpret_cast<const unsigned char *>(code.constData()),
                              reinterpret_cast<const unsigned char *>(text.constData()),
                              static_cast<unsigned long long>(text.size()),
                              reinterpret_cast<const unsigned char *>(key.constData())) == 0;
}

} // namespace

AuditAnchor::AuditAnchor(SecretStore &store, QString dataDir)
    : m_store(store), m_dataDir(QDir(dataDir).absolutePath())
{}

QString AuditAnchor::filePath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("audit-anchor.json"));
}

QString AuditAnchor::keyAccount() const
{
    return QStringLiteral("audit-anchor-key:") + m_dataDir;
}

QString AuditAnchor::description() const
{
    return tr("%1, authenticated with a key in %2").arg(filePath(), m_store.description());
}

Result<QByteArray> AuditAnchor::key(bool create) const
{
    auto stored = m_store.read(keyAccount());
    if (!stored)
        return fail(tr("Could not read the audit anchor's key: %1").arg(stored.error()));
    if (stored->has_value()) {
        if ((*stored)->size() != crypto_auth_KEYBYTES)
            return fail(tr("The audit anchor's key in %1 has the wrong length.")
                            .arg(m_store.description()));
        return **stored;
    }
    if (!create)
        return QByteArray();
    if (sodium_init() < 0)
        return fail(tr("Could not initialise the cryptography library."));
    WipedKey fresh{QByteArray(crypto_auth_KEYBYTES, '\0')};
    crypto_auth_keygen(reinterpret_cast<unsigned char *>(fresh.bytes.data()));
    if (auto s = m_store.write(keyAccount(), fresh.bytes); !s)
        return fail(tr("Could not store the audit anchor's key: %1").arg(s.error()));
    return QByteArray(fresh.bytes.constData(), fresh.bytes.size());
}

Result<AuditAnchor::Reading> AuditAnchor::read() const
{
    auto k = key(false);
    if (!k)
        return fail(k.error());
    WipedKey secret{*k};
    sodium_memzero(k->data(), static_cast<size_t>(k->size()));
    Reading reading;
    QFile file(filePath());
    if (!file.exists()) {
        if (secret.bytes.isEmpty())
            return reading;
        reading.state = State::Missing;
        reading.problem = tr("The audit anchor %1 is missing, though its key is in %2: it was "
                             "removed.")
                              .arg(filePath(), m_store.description());
        return reading;
    }
    reading.state = State::Forged;
    if (secret.bytes.isEmpty()) {
        reading.problem = tr("The audit anchor %1 cannot be checked: its key is not in %2.")
                              .arg(filePath(), m_store.description());
        return reading;
    }
    if (!file.open(QIODevice::ReadOnly))
        return fail(
            tr("Could not read the audit anchor %1: %2").arg(filePath(), file.errorString()));
    const QJsonObject o = QJsonDocument::fromJson(file.read(64 * 1024)).object();
    Head head;
    head.seq = o.value(QStringLiteral("seq")).toInteger(-1);
    head.hash = o.value(QStringLiteral("hash")).toString();
    head.entries = o.value(QStringLiteral("entries")).toInteger(-1);
    const QByteArray code =
        QByteArray::fromHex(o.value(QStringLiteral("mac")).toString().toLatin1());
    if (o.value(QStringLiteral("format")).toInt() != FormatVersion || head.seq < 0 ||
        head.entries < 0 || !macMatches(head, code, secret.bytes)) {
        reading.problem = tr("The audit anchor %1 fails its authentication check: it was forged "
                             "or altered.")
                              .arg(filePath());
        return reading;
    }
    reading.state = State::Valid;
    reading.head = head;
    return reading;
}

Result<AuditAnchor::Head> AuditAnchor::headOf(const Database &db)
{
    auto last = db.query(QStringLiteral(
        "SELECT seq, hash, (SELECT count(*) FROM audit_log) FROM audit_log ORDER BY seq DESC "
        "LIMIT 1"));
    if (!last)
        return fail(tr("Could not read the audit trail: %1").arg(last.error()));
    Head head;
    head.hash = QString(64, QLatin1Char('0'));
    if (last->next()) {
        head.seq = last->value(0).toLongLong();
        head.hash = last->value(1).toString();
        head.entries = last->value(2).toLongLong();
    }
    return head;
}

Status AuditAnchor::update(const Database &db)
{
    auto head = headOf(db);
    if (!head)
        return fail(head.error());
    auto old = read();
    if (!old)
        return fail(old.error());
    switch (old->state) {
    case State::None:
        break;
    case State::Missing:
    case State::Forged:
        return fail(
            tr("%1 It was left as it is; run frontdeskctl audit verify.").arg(old->problem));
    case State::Valid: {
        if (old->head.seq > head->seq)
            return fail(tr("The audit trail ends at entry %1 but its anchor says %2: the newest "
                           "entries were removed. The anchor was left as it is; run frontdeskctl "
                           "audit verify.")
                            .arg(head->seq)
                            .arg(old->head.seq));
        auto anchored =
            db.scalar(QStringLiteral("SELECT hash FROM audit_log WHERE seq = ?"), {old->head.seq});
        if (!anchored)
            return fail(tr("Could not read the audit trail: %1").arg(anchored.error()));
        const QString expected =
            old->head.seq == 0 ? QString(64, QLatin1Char('0')) : anchored->toString();
        if (expected != old->head.hash)
            return fail(tr("Entry %1 of the audit trail is not the one its anchor recorded: the "
                           "trail was rewritten. The anchor was left as it is; run frontdeskctl "
                           "audit verify.")
                            .arg(old->head.seq));
        if (old->head.seq == head->seq && old->head.entries == head->entries)
            return {};
        break;
    }
    }
    return write(*head);
}

Status AuditAnchor::reset(const Database &db)
{
    auto head = headOf(db);
    if (!head)
        return fail(head.error());
    return write(*head);
}

Status AuditAnchor::write(const Head &head)
{
    auto k = key(true);
    if (!k)
        return fail(k.error());
    WipedKey secret{*k};
    sodium_memzero(k->data(), static_cast<size_t>(k->size()));
    const QJsonObject o{
        {QStringLiteral("format"), FormatVersion},
        {QStringLiteral("seq"), head.seq},
        {QStringLiteral("hash"), head.hash},
        {QStringLiteral("entries"), head.entries},
        {QStringLiteral("mac"), QString::fromLatin1(mac(head, secret.bytes).toHex())}};
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(QJsonDocument(o).toJson()) < 0 || !file.commit())
        return fail(
            tr("Could not write the audit anchor %1: %2").arg(filePath(), file.errorString()));
    return {};
}

Status AuditAnchor::remove()
{
    if (QFile::exists(filePath()) && !QFile::remove(filePath()))
        return fail(tr("Could not remove the audit anchor %1.").arg(filePath()));
    if (auto s = m_store.remove(keyAccount()); !s)
        return fail(tr("Could not remove the audit anchor's key: %1").arg(s.error()));
    return {};
}

} // namespace frontdesk

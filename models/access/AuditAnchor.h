#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace frontdesk {

class Database;
class SecretStore;

// The audit chain's head (sequence number, hash, entry count) kept outside the database, in
// <data-dir>/audit-anchor.json, authenticated with crypto_auth under a key the database does not
// hold (kept in a SecretStore: the OS keychain beside the database key, or a file of its own
// beside a key file). Someone with the database key can remove the newest entries and rewrite
// the checkpoint inside the database to match; without the anchor's key they cannot make the
// anchor agree, so `audit verify` finds the chain shorter than its anchor.
class AuditAnchor
{
    Q_DECLARE_TR_FUNCTIONS(AuditAnchor)
public:
    struct Head
    {
        qint64 seq = 0;
        QString hash;
        qint64 entries = 0;
    };

    enum class State
    {
        None,    // never written for this data directory: nothing to check against
        Valid,   // head holds what was anchored last
        Missing, // its key exists but the file is gone: someone removed it
        Forged   // unreadable, or its authentication code does not match
    };

    struct Reading
    {
        State state = State::None;
        Head head;
        QString problem; // Missing and Forged: what is wrong, for a person
    };

    AuditAnchor(SecretStore &store, QString dataDir);

    QString filePath() const;
    // "audit-anchor-key:" + the absolute data directory.
    QString keyAccount() const;
    // Names the file and where its key is kept, for `audit verify`.
    QString description() const;

    Result<Reading> read() const;
    // The chain's head as the database holds it now.
    static Result<Head> headOf(const Database &db);
    // Anchors db's current head. Refuses to move the anchor back or onto another chain (that is
    // how a cut-short trail would be made to look whole), and to overwrite a missing or forged
    // anchor: those need `frontdeskctl audit reanchor` by someone who has looked.
    Status update(const Database &db);
    // Anchors db's current head whatever the old anchor says.
    Status reset(const Database &db);
    // The file and its key, for a wipe.
    Status remove();

private:
    Result<QByteArray> key(bool create) const;
    Status write(const Head &head);

    SecretStore &m_store;
    QString m_dataDir;
};

} // namespace frontdesk

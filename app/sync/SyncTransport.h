#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace frontdesk {

// One answer of the server, or why there was none.
struct HttpReply
{
    int status = 0; // 0: the server was not reached (error says why)
    QByteArray body;
    QString error;
    QByteArray newestChange; // X-Frontdesk-Newest-Change of a history page, if it said

    bool reached() const { return status > 0; }
};

// How the sync engine talks to the server: one request at a time, blocking the calling thread
// (the sync worker's own, or frontdeskctl's), so the engine reads as the protocol does. Tests
// and the product use ServerTransport (over ServerConnection); tests can also put a transport
// between the engine and the server that loses answers.
class SyncTransport
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    virtual ~SyncTransport() = default;
    // path: relative to the server's address, e.g. "fhir/_history?_cursor=0".
    virtual HttpReply send(const QByteArray &method, const QString &path,
                           const QByteArray &body = {}, const Headers &headers = {}) = 0;
    // The staff member the next changes are made for. A transport signed in as a person acts
    // for that person and ignores it; one with the workstation's own credential names them.
    virtual void setActingFor(const QString &username) { Q_UNUSED(username); }
    // Whether the requests carry the workstation's own credential (which keeps its audit trail
    // at the server), not a person's token.
    virtual bool isWorkstation() const { return false; }
};

} // namespace frontdesk

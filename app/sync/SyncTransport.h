#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>

namespace frontdesk {

// One answer of the server, or why there was none.
struct HttpReply
{
    int status = 0; // 0: the server was not reached (error says why)
    QByteArray body;
    QString error;
    QByteArray newestChange; // X-Frontdesk-Newest-Change of a history page, if it said
    QByteArray nextCursor;   // X-Frontdesk-Next-Cursor: where the next history page starts

    bool reached() const { return status > 0; }
};

// How the sync engine talks to the server: blocking the calling thread (the sync worker's own,
// or frontdeskctl's), so the engine reads as the protocol does. Tests and the product use
// ServerTransport (over ServerConnection); tests can also put a transport between the engine
// and the server that loses answers.
class SyncTransport
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    // A request started before its answer is needed (start()).
    class Pending
    {
    public:
        virtual ~Pending() = default;
        virtual HttpReply wait() = 0;
    };

    virtual ~SyncTransport() = default;
    // path: relative to the server's address, e.g. "fhir/_history?_cursor=0".
    virtual HttpReply send(const QByteArray &method, const QString &path,
                           const QByteArray &body = {}, const Headers &headers = {}) = 0;
    // A GET whose answer is waited for later: the pull asks for the next page of changes
    // before it applies the one it has, so the server reads it meanwhile. Here the request
    // goes when its answer is waited for (no overlap); ServerTransport sends it at once.
    // Destroying the Pending first abandons the request.
    virtual std::unique_ptr<Pending> start(const QString &path)
    {
        class Later final : public Pending
        {
        public:
            Later(SyncTransport &transport, QString path)
                : m_transport(transport), m_path(std::move(path))
            {}
            HttpReply wait() override { return m_transport.send("GET", m_path); }

        private:
            SyncTransport &m_transport;
            QString m_path;
        };
        return std::make_unique<Later>(*this, path);
    }
    // The staff member the next changes are made for. A transport signed in as a person acts
    // for that person and ignores it; one with the workstation's own credential names them.
    virtual void setActingFor(const QString &username) { Q_UNUSED(username); }
    // Whether the requests carry the workstation's own credential (which keeps its audit trail
    // at the server), not a person's token.
    virtual bool isWorkstation() const { return false; }
};

} // namespace frontdesk

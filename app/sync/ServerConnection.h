#pragma once

#include "ServerEndpoint.h"
#include "WorkstationCredential.h"
#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QPair>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace frontdesk {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// One answer of the server, whatever its status.
struct ServerReply
{
    int status = 0;
    QByteArray body;
    HttpHeaders headers;

    bool ok() const { return status >= 200 && status < 300; }
    QJsonObject json() const;
    QByteArray header(const QByteArray &name) const;
    // What went wrong, for a person: the OperationOutcome's text with the status.
    QString problem() const;
};

// Every request a workstation makes to frontdesk-server: the sync worker's and frontdeskctl's.
// TLS with the system's CAs plus the endpoint's CA file, TLS 1.2 or later, the optional public-
// key pin checked before anything is sent, plain HTTP and certificates that do not verify
// refused unless the endpoint is marked insecure (development). With a workstation credential
// it carries the workstation's bearer token, obtained on first use and once more after a 401.
// Blocking: use it from one thread that is not the UI thread (frontdeskctl, the sync worker's
// thread, an enrollment's worker thread).
class ServerConnection
{
    Q_DECLARE_TR_FUNCTIONS(ServerConnection)
    struct Exchange;

public:
    // A request on its way (start()): Qt's network thread sends it and reads the answer while
    // this thread does other work. Destroyed before its answer, it is abandoned. It must not
    // outlive its connection.
    class Pending
    {
    public:
        ~Pending();
        Pending(const Pending &) = delete;
        Pending &operator=(const Pending &) = delete;
        // The answer, as send() gives it (once more with a fresh token after a 401).
        Result<ServerReply> wait();

    private:
        friend class ServerConnection;
        Pending() = default;
        ServerConnection *m_connection = nullptr;
        QByteArray m_method;
        QString m_path;
        QByteArray m_body;
        HttpHeaders m_headers;
        std::unique_ptr<Exchange> m_exchange;
        std::optional<Result<ServerReply>> m_answer; // known at the start: no token, bad setup
    };

    explicit ServerConnection(ServerEndpoint endpoint);
    ~ServerConnection();
    ServerConnection(const ServerConnection &) = delete;
    ServerConnection &operator=(const ServerConnection &) = delete;

    const ServerEndpoint &endpoint() const { return m_endpoint; }

    // Requests then carry the workstation's own token (POST /auth/token).
    void setCredential(WorkstationCredential credential);
    // Requests then carry this bearer token (a person's, from POST /auth/login).
    void setBearerToken(const QByteArray &token);
    // X-Frontdesk-Staff on every request: the staff member the workstation acts for (empty:
    // nobody; the workstation then reads but changes nothing).
    void setActingFor(const QString &username) { m_actingFor = username; }

    // One request to path (e.g. "/fhir/Patient?name=x"), with the bearer token if there is one.
    // Fails when no answer came: unreachable, timed out, TLS refused (naming why), pin
    // mismatch. Any HTTP status is an answer.
    Result<ServerReply> send(const QByteArray &method, const QString &path,
                             const QByteArray &body = {}, const HttpHeaders &headers = {});
    // The same request, returning before its answer (the workstation's token, if it has none
    // yet, is fetched first).
    std::unique_ptr<Pending> start(const QByteArray &method, const QString &path,
                                   const QByteArray &body = {}, const HttpHeaders &headers = {});
    // JSON in and out; an answer other than 2xx fails with its status and OperationOutcome text.
    Result<QJsonObject> sendJson(const QByteArray &method, const QString &path,
                                 const std::optional<QJsonObject> &body = std::nullopt,
                                 const HttpHeaders &headers = {});

    // The workstation's token from its credential (also done by send() when needed).
    Status obtainWorkstationToken();

    // base64 SHA-256 of a DER SubjectPublicKeyInfo: the form of --pin-sha256 (as curl's
    // --pinnedpubkey sha256//, HPKP and openssl's dgst of "pkey -pubin -outform der").
    static QString pinOf(const QByteArray &subjectPublicKeyInfoDer);

private:
    // POST /auth/token with the credential; keeps the token when the answer is 2xx.
    Result<ServerReply> fetchToken();
    Result<ServerReply> exchange(const QByteArray &method, const QString &path,
                                 const QByteArray &body, const HttpHeaders &headers);
    Result<std::unique_ptr<Exchange>> begin(const QByteArray &method, const QString &path,
                                            const QByteArray &body, const HttpHeaders &headers);
    Result<ServerReply> finish(Exchange &exchange);
    // The pin against the certificate the exchange's TLS session holds; aborts on a mismatch.
    void checkPin(Exchange &exchange);

    ServerEndpoint m_endpoint;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::optional<WorkstationCredential> m_credential;
    QByteArray m_token;
    QString m_actingFor;
};

} // namespace frontdesk

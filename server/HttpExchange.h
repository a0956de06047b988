#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace frontdesk::server {

// One HTTP request as the API sees it, apart from any socket: FhirApi answers these, the HTTP
// server feeds them from the network, and the tests and the fuzzer build them directly.
struct HttpRequest
{
    QByteArray method; // "GET", "POST", ...
    QString path;      // decoded, without the query, e.g. "/fhir/Patient/123"
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString remoteAddress;

    // The first header of that name (case-insensitive), or empty.
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/fhir+json; charset=utf-8";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    void setHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
    }
};

} // namespace frontdesk::server

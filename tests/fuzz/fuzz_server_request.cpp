// frontdesk-server's request handling (FhirApi) on any HTTP request: the request line, headers
// and body as a client could send them, answered against a real SQLCipher database with a
// signed-in administrator, so the paths behind authentication (search, writes, bundles,
// history) are reached too. Input: "METHOD TARGET\n", header lines "Name: value\n", an empty
// line, then the body.

#include "FhirApi.h"
#include "FuzzSupport.h"
#include "ServerSchema.h"
#include "SystemConnection.h"
#include "access/StaffAccountRepository.h"
#include "database/Database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUrl>

using namespace frontdesk;
using namespace frontdesk::server;

namespace {

struct Server
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<FhirApi> api;
    QByteArray token;

    Server()
    {
        db = Database::open(dir.filePath(QStringLiteral("fuzz.db")), QByteArray(32, 'k')).value();
        // As ServerStorage opens it: FhirApi checks each request's person itself.
        test::actAsTestSetUp(*db);
        (void)db->migrate(ServerSchema::migrations(db->dialect()));
        (void)StaffAccountRepository(*db).create(QStringLiteral("admin"), Role::Admin,
                                                 QStringLiteral("fuzzing is fun 12345"));
        FhirApi::Settings settings;
        settings.maxBodyBytes = 64 * 1024;
        api = std::make_unique<FhirApi>(*db, settings);
        HttpRequest login;
        login.method = "POST";
        login.path = QStringLiteral("/auth/login");
        login.remoteAddress = QStringLiteral("127.0.0.1");
        login.body = R"({"username":"admin","password":"fuzzing is fun 12345"})";
        token = QJsonDocument::fromJson(api->handle(login).body)
                    .object()
                    .value(QStringLiteral("access_token"))
                    .toString()
                    .toLatin1();
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureApplication();
    static Server server;
    const QByteArray input = fuzz::bytes(data, size);
    const qsizetype headEnd = input.indexOf("\n\n");
    const QByteArray head = headEnd < 0 ? input : input.left(headEnd);
    HttpRequest request;
    request.body = headEnd < 0 ? QByteArray() : input.mid(headEnd + 2);
    request.remoteAddress = QStringLiteral("10.9.8.7");
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).split(' ');
    request.method = requestLine.value(0);
    const QUrl url(QStringLiteral("http://fuzz") + QString::fromUtf8(requestLine.value(1)));
    request.path = url.path(QUrl::FullyDecoded);
    request.query = QUrlQuery(url);
    bool authorized = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = lines[i].left(colon).trimmed();
        authorized |= name.compare("Authorization", Qt::CaseInsensitive) == 0;
        request.headers.append({name, lines[i].mid(colon + 1).trimmed()});
    }
    if (!authorized)
        request.headers.append({QByteArray("Authorization"), "Bearer " + server.token});
    const HttpResponse response = server.api->handle(request);
    // Whatever came in, the answer is JSON and a real HTTP status.
    if (response.status < 200 || response.status > 599 ||
        QJsonDocument::fromJson(response.body).isNull())
        __builtin_trap();
    return 0;
}

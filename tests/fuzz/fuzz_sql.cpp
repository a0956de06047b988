// The QSQLCIPHER driver's prepare, bind, step and read path, with arbitrary SQL text and bound
// values, on an in-memory encrypted database. Input: SQL, then after a NUL byte the values to
// bind, separated by NUL bytes. Deliberately unbounded queries (recursive CTEs) and ATTACH
// (which would write files) are outside what this target looks at.

#include "FuzzSupport.h"
#include "database/Database.h"

#include <QSqlQuery>
#include <QSqlRecord>

#include <memory>

using namespace frontdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureApplication();
    static std::unique_ptr<Database> db = [] {
        auto opened = Database::open(QStringLiteral(":memory:"), QByteArray(32, '\x17'));
        if (!opened)
            __builtin_trap();
        auto created = (*opened)->query(
            QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n REAL, b BLOB)"));
        if (!created)
            __builtin_trap();
        return std::move(*opened);
    }();
    const QList<QByteArray> parts = fuzz::bytes(data, size).split('\0');
    const QString sql = QString::fromUtf8(parts.value(0));
    const QString lower = sql.toLower();
    if (lower.contains(QLatin1String("recursive")) || lower.contains(QLatin1String("attach")) ||
        lower.contains(QLatin1String("key")))
        return 0;
    QSqlQuery q(db->connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return 0;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray &v = parts[i];
        switch (v.isEmpty() ? 0 : v[0] % 4) {
        case 0:
            q.addBindValue(QString::fromUtf8(v));
            break;
        case 1:
            q.addBindValue(v.toLongLong());
            break;
        case 2:
            q.addBindValue(v);
            break;
        default:
            q.addBindValue(QVariant());
            break;
        }
    }
    if (!q.exec())
        return 0;
    for (int row = 0; row < 1000 && q.next(); ++row) {
        const QSqlRecord r = q.record();
        for (int c = 0; c < r.count(); ++c)
            (void)q.value(c);
    }
    return 0;
}

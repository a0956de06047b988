#include "TestDatabase.h"

#include "access/AccessGuard.h"
#include "access/AuditedExport.h"

#include <QFile>
#include <QSqlQuery>
#include <QTest>

#include <sys/stat.h>

using namespace frontdesk;

// Every export goes through AuditedExport: private, whole, and only after its audit entry.
class TestAuditedExport : public QObject
{
    Q_OBJECT

    test::TestDatabase t;

    qint64 exports()
    {
        return t.db
            ->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'export'"))
            ->toLongLong();
    }
    Status record(const QString &path)
    {
        return AccessGuard(*t.db).recordDisclosure(QStringLiteral("export"), QStringLiteral("test"),
                                                   {}, {{QStringLiteral("file"), path}});
    }
    static mode_t modeOf(const QString &path)
    {
        struct stat info = {};
        return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? info.st_mode & 07777 : 0;
    }
    static QByteArray contentOf(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void initTestCase() { QVERIFY(t.open()); }

    void writesPrivatelyAfterTheEntryIsCommitted()
    {
        const QString path = t.dir.filePath(QStringLiteral("export.csv"));
        const mode_t previous = ::umask(0);
        bool existedWhileRecording = true;
        const Status s = AuditedExport::write(path, "a,b\r\n1,2\r\n", [&] {
            existedWhileRecording = QFile::exists(path);
            return record(path);
        });
        ::umask(previous);
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QVERIFY(!existedWhileRecording);
        QCOMPARE(modeOf(path), mode_t(0600));
        QCOMPARE(contentOf(path), QByteArray("a,b\r\n1,2\r\n"));
        QCOMPARE(exports(), 1);
    }

    void noAuditEntryNoFile()
    {
        const QString path = t.dir.filePath(QStringLiteral("refused.csv"));
        QSqlQuery q(t.db->connection());
        QVERIFY(q.exec(QStringLiteral("CREATE TEMP TRIGGER audit_full BEFORE INSERT ON audit_log "
                                      "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); "
                                      "END")));
        const qint64 before = exports();
        const Status s = AuditedExport::write(path, "secret", [&] { return record(path); });
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("audit trail")), qPrintable(s.error()));
        QVERIFY(!QFile::exists(path));

        // A file already there stays as it was.
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("earlier export");
        old.close();
        QVERIFY(!AuditedExport::write(path, "secret", [&] { return record(path); }).ok());
        QCOMPARE(contentOf(path), QByteArray("earlier export"));
        QCOMPARE(exports(), before);
        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER audit_full")));
    }

    void anUnwritableTargetIsNotRecorded()
    {
        const qint64 before = exports();
        const QString path = t.dir.filePath(QStringLiteral("no/such/folder/export.csv"));
        const Status s = AuditedExport::write(path, "x", [&] { return record(path); });
        QVERIFY(!s.ok());
        QVERIFY(s.error().contains(path));
        QCOMPARE(exports(), before);
    }
};

QTEST_GUILESS_MAIN(TestAuditedExport)
#include "tst_auditedexport.moc"

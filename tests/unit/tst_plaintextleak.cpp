#include "TestDatabase.h"

#include "demo/DemoSeeder.h"
#include "storage/PatientRepository.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace frontdesk;

// Patient data must not be readable from any file SQLite writes: the database, its WAL,
// shared-memory index or rollback journal.
class TestPlaintextLeak : public QObject
{
    Q_OBJECT

    static QStringList leaks(const QString &dbPath, const QStringList &needles)
    {
        QStringList found;
        for (const QString &file : Database::companionFiles(dbPath)) {
            QFile f(file);
            if (!f.exists() || !f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = f.readAll();
            for (const QString &needle : needles) {
                const QByteArray utf8 = needle.toUtf8();
                const QByteArray utf16(reinterpret_cast<const char *>(needle.utf16()),
                                       needle.size() * 2);
                if (bytes.contains(utf8) || bytes.contains(utf16))
                    found << QStringLiteral("%1 in %2").arg(needle, file);
            }
        }
        return found;
    }

private slots:
    void noSurnameInAnyFile()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        DemoSeeder::Options o;
        o.patients = 500;
        o.appointments = 2000;
        o.today = QDate(2026, 6, 10);
        QVERIFY(DemoSeeder(*t.db).seed(o).ok());
        PatientRepository patients(*t.db);
        Patient p;
        p.mrn = QStringLiteral("LEAK-1");
        p.familyName = QStringLiteral("Quetzalcoatlovna");
        p.givenName = QStringLiteral("Xiomara");
        QVERIFY(patients.save(p).ok());

        QSet<QString> surnames;
        auto q = t.db->query(QStringLiteral("SELECT DISTINCT family_name FROM patients"));
        QVERIFY(q.ok());
        // Names shorter than five bytes would match random ciphertext now and then.
        while (q->next()) {
            if (q->value(0).toString().toUtf8().size() >= 5)
                surnames.insert(q->value(0).toString());
        }
        QVERIFY(surnames.contains(QStringLiteral("Quetzalcoatlovna")));
        QVERIFY(surnames.size() > 20);
        const QStringList needles(surnames.begin(), surnames.end());

        // While open: the WAL holds the latest pages.
        QVERIFY(QFile::exists(t.path() + QStringLiteral("-wal")));
        QStringList found = leaks(t.path(), needles);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        // After close: everything is checkpointed into the main file.
        t.db.reset();
        found = leaks(t.path(), needles);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        QFile f(t.path());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.read(16).startsWith("SQLite format 3"));
    }
};

QTEST_GUILESS_MAIN(TestPlaintextLeak)
#include "tst_plaintextleak.moc"

#include "TestClock.h"
// A whole FHIR file as `frontdeskctl import-fhir` imports it: the bundle-level parse, the checks
// of every entry and of the references between them, and the write of one transaction, into a
// migrated in-memory database. Invariants: a file is imported whole or not at all (a refused file
// leaves every table as it was and says why), and importing the same file again creates nothing.

#include "FuzzSupport.h"
#include "SystemConnection.h"
#include "core/Clock.h"
#include "database/Database.h"
#include "interop/FhirImporter.h"

#include <memory>

using namespace frontdesk;

namespace {

// A fresh database now and then keeps memory bounded; between resets earlier imports stay, so
// references to stored patients and re-imports are reached as well.
constexpr int kRunsPerDatabase = 500;

const QStringList kTables{QStringLiteral("patients"),       QStringLiteral("encounters"),
                          QStringLiteral("conditions"),     QStringLiteral("allergies"),
                          QStringLiteral("medications"),    QStringLiteral("observations"),
                          QStringLiteral("immunizations"),  QStringLiteral("coverages"),
                          QStringLiteral("patient_photos"), QStringLiteral("fhir_identifiers"),
                          QStringLiteral("outbox"),         QStringLiteral("audit_log")};

void require(bool condition)
{
    if (!condition)
        __builtin_trap();
}

std::unique_ptr<Database> freshDatabase(const Clock &clock)
{
    auto opened = Database::open(QStringLiteral(":memory:"), QByteArray(32, '\x21'));
    require(opened.ok());
    std::unique_ptr<Database> db = std::move(*opened);
    test::actAsTestSetUp(*db);
    db->setClock(clock);
    require(db->migrate().ok());
    require(
        db->setSetting(QStringLiteral("clinic_time_zone"), QStringLiteral("Europe/Berlin")).ok());
    return db;
}

QList<qint64> rowCounts(Database &db)
{
    QList<qint64> counts;
    for (const QString &table : kTables) {
        // Table names come from the fixed list above, never from the input.
        auto n = db.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table));
        require(n.ok());
        counts << n->toLongLong();
    }
    return counts;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureApplication();
    static TestClock clock(QDateTime(QDate(2026, 3, 3), QTime(9, 0), Qt::UTC));
    // Never destroyed: at exit Qt's SQL connection registry is gone before a static database's
    // destructor would run, and closing it then crashes.
    static auto *holder = new std::unique_ptr<Database>();
    std::unique_ptr<Database> &db = *holder;
    static int runs = 0;
    if (!db || ++runs % kRunsPerDatabase == 0) {
        db.reset();
        db = freshDatabase(clock);
    }
    clock.advanceSecs(1);

    const QString name = QStringLiteral("fuzz.json");
    const QList<qint64> before = rowCounts(*db);
    const FhirImporter::FileReport report =
        FhirImporter(*db).importBundle(fuzz::bytes(data, size), name);
    require(report.file == name);
    require(report.imported == report.errors.isEmpty());
    for (const QString &error : report.errors)
        require(!error.trimmed().isEmpty());
    if (!report.imported) {
        require(rowCounts(*db) == before);
        require(report.created == 0 && report.updated == 0 && report.patientIds.isEmpty());
        return 0;
    }
    // Every import is on the audit trail, even one that changed nothing.
    require(rowCounts(*db).last() > before.last());

    const FhirImporter::FileReport again =
        FhirImporter(*db).importBundle(fuzz::bytes(data, size), name);
    require(again.imported);
    require(again.created == 0);
    return 0;
}

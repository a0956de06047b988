#include "CtlProcess.h"
#include "CtlSignIn.h"

// frontdeskctl's patient commands end to end: import-fhir, search, export-fhir, duplicates, merge.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestPatientCtl : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    // After init: the demo administrator signs every command in, as staff do.
    QStringList m_signIn;
    QString dataDir() const { return m_tmp.filePath(QStringLiteral("data")); }
    QString keyFile() const { return m_tmp.filePath(QStringLiteral("frontdesk.key")); }
    static QString samples()
    {
        return qEnvironmentVariable("FRONTDESK_TEST_DATA") + QStringLiteral("/fhir");
    }

    using Run = frontdesk::testing::CtlRun;
    Run ctl(const QStringList &args)
    {
        return frontdesk::testing::runCtl(QStringLiteral(FRONTDESK_CTL_PATH), dataDir(), keyFile(),
                                          m_signIn + args);
    }
    QJsonArray searchJson(const QString &text)
    {
        const Run r = ctl({QStringLiteral("search"), QStringLiteral("--json"), text});
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.err));
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

private slots:
    void initTestCase()
    {
        const Run init = ctl({QStringLiteral("init")});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        const Run accounts = ctl({QStringLiteral("user"), QStringLiteral("demo-accounts")});
        QVERIFY2(accounts.exitCode == 0, qPrintable(accounts.err));
        const QString passwordFile = m_tmp.filePath(QStringLiteral("demo.pw"));
        QVERIFY(frontdesk::testing::writePasswordFile(passwordFile));
        m_signIn = frontdesk::testing::signedInAs(QStringLiteral("admin"), passwordFile);
    }

    void importsSearchesAndExports()
    {
        const Run imported = ctl({QStringLiteral("import-fhir"), samples()});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY(imported.out.contains(QLatin1String("synthea-anna-mueller.json: imported")));
        QVERIFY(imported.out.contains(QLatin1String("not kept locally: 1 Claim")));
        const Run again = ctl({QStringLiteral("import-fhir"), samples()});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains(QLatin1String("(0 new, 0 updated, 13 unchanged)")));

        const QJsonArray hits = searchJson(QStringLiteral("MUELLER anna"));
        QCOMPARE(hits.size(), 1);
        const QJsonObject anna = hits.first().toObject();
        QCOMPARE(anna.value(QStringLiteral("mrn")).toString(), QStringLiteral("SYN-0001"));
        QCOMPARE(searchJson(QStringLiteral("0151 2345678"))
                     .first()[QStringLiteral("familyName")]
                     .toString(),
                 QStringLiteral("Weber"));
        const Run text = ctl({QStringLiteral("search"), QStringLiteral("30.11.1972")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QLatin1String("Weber, Jonas")));
        QCOMPARE(ctl({QStringLiteral("search")}).exitCode, 1);

        const QString out = m_tmp.filePath(QStringLiteral("anna.json"));
        // Anna has no appointment today: her clinical record is read for a reason, or not at all.
        const Run noReason =
            ctl({QStringLiteral("export-fhir"), QStringLiteral("--patient"),
                 anna.value(QStringLiteral("id")).toString(), QStringLiteral("-o"), out});
        QCOMPARE(noReason.exitCode, 3);
        QVERIFY2(noReason.err.contains(QLatin1String("reason")), qPrintable(noReason.err));
        QVERIFY(!QFile::exists(out));
        const Run exported = ctl(
            {QStringLiteral("export-fhir"), QStringLiteral("--patient"),
             anna.value(QStringLiteral("id")).toString(), QStringLiteral("--reason"),
             QStringLiteral("Transfer to the rehabilitation clinic"), QStringLiteral("-o"), out});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject bundle = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(bundle.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Bundle"));
        QCOMPARE(bundle.value(QStringLiteral("entry")).toArray().size(), 13);
        QCOMPARE(ctl({QStringLiteral("export-fhir"), QStringLiteral("--patient"),
                      QStringLiteral("no-such-id")})
                     .exitCode,
                 2);
    }

    // The clinical gate from the command line: a bulk export is one reason for every patient,
    // and the clinical detail of audit entries is a clinical read of its own.
    void bulkExportAndAuditDetailPassTheGate()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("all"));
        const Run noReason = ctl(
            {QStringLiteral("export-fhir"), QStringLiteral("--all"), QStringLiteral("-o"), dir});
        QCOMPARE(noReason.exitCode, 3);
        QVERIFY2(noReason.err.contains(QLatin1String("reason")), qPrintable(noReason.err));
        QVERIFY(!QFile::exists(dir));

        const Run all =
            ctl({QStringLiteral("export-fhir"), QStringLiteral("--all"), QStringLiteral("--reason"),
                 QStringLiteral("Move to the new PMS"), QStringLiteral("-o"), dir});
        QVERIFY2(all.exitCode == 0, qPrintable(all.err));
        const QStringList files = QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files);
        QVERIFY(files.size() >= 2);
        for (const QString &name : files)
            QCOMPARE(QFile::permissions(QDir(dir).filePath(name)) &
                         (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                     QFileDevice::Permissions());
        const auto auditOf = [this](const QStringList &filter) {
            const Run r = ctl(QStringList{QStringLiteral("audit"), QStringLiteral("list"),
                                          QStringLiteral("--json")} +
                              filter);
            if (r.exitCode != 0)
                qWarning("%s", qPrintable(r.err));
            return QJsonDocument::fromJson(r.out.toUtf8()).array();
        };
        const QJsonArray glass =
            auditOf({QStringLiteral("--action"), QStringLiteral("break-glass")});
        QVERIFY(!glass.isEmpty());
        const QJsonObject bulk = glass.last()[QStringLiteral("detail")].toObject();
        QCOMPARE(bulk.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("Move to the new PMS"));
        QCOMPARE(bulk.value(QStringLiteral("patients")).toInt(), files.size());
        int bulkReads = 0;
        for (const QJsonValue e :
             auditOf({QStringLiteral("--action"), QStringLiteral("clinical-read")})) {
            const QJsonObject detail = e[QStringLiteral("detail")].toObject();
            if (detail.value(QStringLiteral("bulk")).toBool()) {
                ++bulkReads;
                QVERIFY(files.contains(e[QStringLiteral("patient_id")].toString() +
                                       QStringLiteral(".json")));
            }
        }
        QCOMPARE(bulkReads, files.size());

        // Anna's clinical records' entries hold clinical fields: withheld unless asked for, with a
        // reason, as a clinical read.
        const QString anna =
            searchJson(QStringLiteral("MUELLER anna")).first()[QStringLiteral("id")].toString();
        const auto conditions = [](const QJsonArray &entries) {
            QList<QJsonObject> out;
            for (const QJsonValue e : entries) {
                if (e[QStringLiteral("entity_type")].toString() == QLatin1String("Condition"))
                    out << e[QStringLiteral("detail")].toObject();
            }
            return out;
        };
        const auto withheld = conditions(auditOf({QStringLiteral("--patient"), anna}));
        QVERIFY(!withheld.isEmpty());
        for (const QJsonObject &detail : withheld)
            QCOMPARE(detail.value(QStringLiteral("withheld")).toString(),
                     QStringLiteral("clinical"));
        const Run refused =
            ctl({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--patient"), anna,
                 QStringLiteral("--clinical-detail")});
        QCOMPARE(refused.exitCode, 3);
        const auto shown = conditions(
            auditOf({QStringLiteral("--patient"), anna, QStringLiteral("--clinical-detail"),
                     QStringLiteral("--reason"), QStringLiteral("Complaint about a diagnosis")}));
        QCOMPARE(shown.size(), withheld.size());
        for (const QJsonObject &detail : shown)
            QVERIFY(detail.contains(QStringLiteral("after")));
        const QJsonArray reads =
            auditOf({QStringLiteral("--patient"), anna, QStringLiteral("--action"),
                     QStringLiteral("clinical-read")});
        QCOMPARE(reads.last()[QStringLiteral("detail")][QStringLiteral("read")].toString(),
                 QStringLiteral("audit-detail"));
        QCOMPARE(reads.last()[QStringLiteral("outcome")].toString(), QStringLiteral("success"));
    }

    void malformedInputFailsWithFileAndEntry()
    {
        const Run r =
            ctl({QStringLiteral("import-fhir"), samples() + QStringLiteral("/malformed")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("broken-entries.json: entry 2 (urn:uuid:c0000003")));
        QVERIFY(r.err.contains(QLatin1String("truncated.json: not valid JSON")));
        QVERIFY(searchJson(QStringLiteral("kaya elif")).isEmpty());
    }

    void aFileOverMaxSizeIsRefused()
    {
        const QString path = m_tmp.filePath(QStringLiteral("large.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        // A valid, empty Bundle made larger than 1 MiB by whitespace.
        f.write("{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": []");
        f.write(QByteArray(1536 * 1024, ' '));
        f.write("}");
        f.close();
        const Run refused = ctl({QStringLiteral("import-fhir"), QStringLiteral("--max-size"),
                                 QStringLiteral("1"), path});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(
            refused.err.contains(QLatin1String("large.json: is 1.5 MiB, more than the 1.0 MiB")),
            qPrintable(refused.err));
        QCOMPARE(ctl({QStringLiteral("import-fhir"), QStringLiteral("--max-size"),
                      QStringLiteral("0"), path})
                     .exitCode,
                 1);
        const Run read = ctl({QStringLiteral("import-fhir"), QStringLiteral("--max-size"),
                              QStringLiteral("2"), path});
        QVERIFY2(read.exitCode == 0, qPrintable(read.err));
    }

    void duplicatesAndMerge()
    {
        // A second record of Jonas Weber, as a receptionist might have typed it.
        QJsonObject bundle{
            {QStringLiteral("resourceType"), QStringLiteral("Bundle")},
            {QStringLiteral("type"), QStringLiteral("transaction")},
            {QStringLiteral("entry"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("fullUrl"),
                  QStringLiteral("urn:uuid:6c9d8e51-0000-4000-8000-000000000009")},
                 {QStringLiteral("resource"),
                  QJsonObject{
                      {QStringLiteral("resourceType"), QStringLiteral("Patient")},
                      {QStringLiteral("identifier"),
                       QJsonArray{
                           QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:test")},
                                       {QStringLiteral("value"), QStringLiteral("DUP-9")}}}},
                      {QStringLiteral("name"),
                       QJsonArray{QJsonObject{
                           {QStringLiteral("family"), QStringLiteral("Webber")},
                           {QStringLiteral("given"), QJsonArray{QStringLiteral("Jonas")}}}}},
                      {QStringLiteral("birthDate"), QStringLiteral("1972-11-30")}}}}}}};
        const QString path = m_tmp.filePath(QStringLiteral("dup.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(bundle).toJson());
        f.close();
        QCOMPARE(ctl({QStringLiteral("import-fhir"), path}).exitCode, 0);

        const Run list = ctl({QStringLiteral("duplicates"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray pairs = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(pairs.size(), 1);
        const QJsonObject pair = pairs.first().toObject();
        QVERIFY(pair.value(QStringLiteral("score")).toInt() >= 50);
        const QString a = pair[QStringLiteral("first")][QStringLiteral("id")].toString();
        const QString b = pair[QStringLiteral("second")][QStringLiteral("id")].toString();
        const QString weber =
            searchJson(QStringLiteral("SYN-0002")).first()[QStringLiteral("id")].toString();
        const QString dup = a == weber ? b : a;

        const Run merged = ctl({QStringLiteral("merge"), QStringLiteral("--survivor"), weber,
                                QStringLiteral("--merged"), dup});
        QVERIFY2(merged.exitCode == 0, qPrintable(merged.err));
        QCOMPARE(searchJson(QStringLiteral("jonas")).size(), 1);
        const Run twice = ctl({QStringLiteral("merge"), QStringLiteral("--survivor"), weber,
                               QStringLiteral("--merged"), dup});
        QCOMPARE(twice.exitCode, 3);
        QVERIFY(twice.err.contains(QLatin1String("already merged")));
        QCOMPARE(ctl({QStringLiteral("merge"), QStringLiteral("--survivor"), weber,
                      QStringLiteral("--merged"), dup, QStringLiteral("--take"),
                      QStringLiteral("shoeSize")})
                     .exitCode,
                 1);
    }
};

QTEST_GUILESS_MAIN(TestPatientCtl)
#include "tst_patientctl.moc"

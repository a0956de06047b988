#include "TestClock.h"
// The patient photo: what is accepted, replacing and removing it through the write path, an
// audit trail without the bytes, and the FHIR Patient.photo round trip.

#include "ClinicalGate.h"
#include "TestDatabase.h"

#include "PatientProfile.h"
#include "domain/PatientPhoto.h"
#include "interop/FhirExporter.h"
#include "interop/FhirImporter.h"
#include "storage/PatientPhotoRepository.h"
#include "storage/PatientRepository.h"

#include <QBuffer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace frontdesk;

namespace {

QByteArray image(const char *format, QColor color)
{
    QImage img(8, 6, QImage::Format_RGB32);
    img.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    img.save(&buffer, format);
    return bytes;
}

} // namespace

class TestPatientPhoto : public QObject
{
    Q_OBJECT

private:
    test::TestDatabase t;
    TestClock m_clock{QDateTime(QDate(2026, 3, 4), QTime(9, 0), Qt::UTC)};
    QString m_patientId;

    QString addPatient(const QString &mrn)
    {
        Patient p;
        p.mrn = mrn;
        p.familyName = QStringLiteral("Kaya");
        p.givenName = QStringLiteral("Elif");
        p.birthDate = QDate(1990, 1, 2);
        if (!PatientRepository(*t.db).save(p).ok())
            return {};
        return p.meta.id;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(t.open());
        t.db->setClock(m_clock);
        m_patientId = addPatient(QStringLiteral("P-1"));
        QVERIFY(!m_patientId.isEmpty());
    }

    void acceptsOnlyJpegAndPngUpTo2MiB()
    {
        const QByteArray png = image("PNG", Qt::red);
        const QByteArray jpeg = image("JPG", Qt::blue);
        QCOMPARE(PatientPhoto::contentTypeOf(png), QStringLiteral("image/png"));
        QCOMPARE(PatientPhoto::contentTypeOf(jpeg), QStringLiteral("image/jpeg"));
        QVERIFY(PatientPhoto::validateBytes(png).ok());
        QVERIFY(PatientPhoto::validateBytes(jpeg).ok());

        // A GIF named .png is still a GIF.
        auto gif = PatientPhoto::validateBytes(QByteArray("GIF89a\x01\x00\x01\x00", 10));
        QVERIFY(!gif.ok());
        QVERIFY(gif.error().contains(QLatin1String("JPEG or PNG")));
        QVERIFY(!PatientPhoto::validateBytes({}).ok());

        QByteArray big = png;
        big.append(QByteArray(PatientPhoto::kMaxBytes - png.size(), '\0'));
        QVERIFY(PatientPhoto::validateBytes(big).ok());
        big.append('\0');
        auto tooBig = PatientPhoto::validateBytes(big);
        QVERIFY(!tooBig.ok());
        QVERIFY(tooBig.error().contains(QLatin1String("at most")));

        PatientPhotoRepository photos(*t.db);
        auto refused = photos.setPhoto(m_patientId, QByteArray("not an image"));
        QVERIFY(!refused.ok());
        QVERIFY(!photos.forPatient(m_patientId)->has_value());
    }

    void savesReplacesAndRemoves()
    {
        PatientPhotoRepository photos(*t.db);
        const QByteArray first = image("PNG", Qt::green);
        auto saved = photos.setPhoto(m_patientId, first);
        QVERIFY2(saved.ok(), qPrintable(saved.error()));
        auto loaded = photos.forPatient(m_patientId);
        QVERIFY(loaded.ok() && loaded->has_value());
        QCOMPARE((*loaded)->data, first);
        QCOMPARE((*loaded)->contentType(), QStringLiteral("image/png"));

        const QByteArray second = image("JPG", Qt::yellow);
        auto replaced = photos.setPhoto(m_patientId, second);
        QVERIFY(replaced.ok());
        // Replacing is a new version of the same record, so sync sees one photo per patient.
        QCOMPARE(replaced->meta.id, saved->meta.id);
        QCOMPARE(replaced->meta.version, saved->meta.version + 1);
        QCOMPARE((*photos.forPatient(m_patientId))->data, second);
        auto outboxed = t.db->scalar(
            QStringLiteral("SELECT count(*) FROM outbox WHERE resource_type = 'Binary' "
                           "AND resource_id = ?"),
            {saved->meta.id});
        QVERIFY(outboxed.ok());
        QVERIFY(outboxed->toInt() >= 1);

        QVERIFY(photos.removePhoto(m_patientId).ok());
        QVERIFY(!photos.forPatient(m_patientId)->has_value());
        auto tombstone = photos.get(saved->meta.id);
        QVERIFY(tombstone.ok());
        QVERIFY(tombstone->meta.deleted);
        QVERIFY(photos.removePhoto(m_patientId).ok());
    }

    // The profile view reaches the photo through PatientProfile, never the repository.
    void theOpenProfileSetsShowsAndRemovesThePhoto()
    {
        const QString id = addPatient(QStringLiteral("P-PROFILE"));
        PatientProfile profile(*t.db);
        QVERIFY(profile.open(id));
        auto none = profile.photo();
        QVERIFY2(none, qPrintable(none.error()));
        QVERIFY(!none->has_value());

        const QByteArray bytes = image("PNG", Qt::blue);
        const Status set = profile.setPhoto(bytes);
        QVERIFY2(set, qPrintable(set.error()));
        QCOMPARE((*profile.photo())->data, bytes);
        QCOMPARE((*PatientPhotoRepository(*t.db).forPatient(id))->data, bytes);
        // A file that is no photo is refused with a reason, and the photo stays.
        const Status refused = profile.setPhoto(QByteArrayLiteral("GIF89a not a photo"));
        QVERIFY(!refused);
        QVERIFY(!refused.error().isEmpty());
        QCOMPARE((*profile.photo())->data, bytes);

        QVERIFY(profile.removePhoto());
        QVERIFY(!profile.photo()->has_value());
    }

    void auditHoldsOnlySizeTypeAndHash()
    {
        const QByteArray png = image("PNG", Qt::magenta);
        auto saved = PatientPhotoRepository(*t.db).setPhoto(m_patientId, png);
        QVERIFY(saved.ok());
        auto q = t.db->query(QStringLiteral("SELECT detail FROM audit_log WHERE entity_type = "
                                            "'PatientPhoto' AND entity_id = ?"),
                             {saved->meta.id});
        QVERIFY(q.ok());
        const QString hash = saved->sha256();
        const QString base64 = QString::fromLatin1(png.toBase64());
        int entries = 0;
        bool sawHash = false;
        while (q->next()) {
            const QString detail = q->value(0).toString();
            ++entries;
            sawHash = sawHash || detail.contains(hash);
            QVERIFY(!detail.contains(base64.left(40)));
            QVERIFY(!detail.contains(QString::fromLatin1(png.toHex().left(40))));
            QVERIFY(!detail.contains(QLatin1String("PNG")));
        }
        QVERIFY(entries >= 1);
        QVERIFY(sawHash);
    }

    void fhirRoundTripKeepsTheBytes()
    {
        const QByteArray jpeg = image("JPG", Qt::cyan);
        QVERIFY(PatientPhotoRepository(*t.db).setPhoto(m_patientId, jpeg).ok());
        auto bundle = testing::exportThroughGate(*t.db, m_patientId);
        QVERIFY2(bundle.ok(), qPrintable(bundle.error()));
        QJsonObject patient = bundle->value(QStringLiteral("entry"))
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(QStringLiteral("resource"))
                                  .toObject();
        const QJsonObject attachment =
            patient.value(QStringLiteral("photo")).toArray().first().toObject();
        QCOMPARE(attachment.value(QStringLiteral("contentType")).toString(),
                 QStringLiteral("image/jpeg"));

        test::TestDatabase other;
        QVERIFY(other.open());
        const QByteArray json = QJsonDocument(*bundle).toJson();
        auto report = FhirImporter(*other.db).importBundle(json, QStringLiteral("photo.json"));
        QVERIFY2(report.imported, qPrintable(report.errors.join(QLatin1Char('\n'))));
        QCOMPARE(report.patientIds.size(), 1);
        auto imported = PatientPhotoRepository(*other.db).forPatient(report.patientIds.first());
        QVERIFY(imported.ok() && imported->has_value());
        QCOMPARE((*imported)->data, jpeg);

        // The same bundle again changes nothing.
        auto again = FhirImporter(*other.db).importBundle(json, QStringLiteral("photo.json"));
        QVERIFY(again.imported);
        QCOMPARE((*PatientPhotoRepository(*other.db).forPatient(report.patientIds.first()))
                     ->meta.version,
                 (*imported)->meta.version);
    }

    void fhirImportReportsABadPhoto()
    {
        auto bundle = testing::exportThroughGate(*t.db, m_patientId);
        QVERIFY(bundle.ok());
        QJsonArray entries = bundle->value(QStringLiteral("entry")).toArray();
        QJsonObject entry = entries.first().toObject();
        QJsonObject patient = entry.value(QStringLiteral("resource")).toObject();
        patient.insert(
            QStringLiteral("photo"),
            QJsonArray{QJsonObject{{QStringLiteral("contentType"), QStringLiteral("image/gif")},
                                   {QStringLiteral("data"),
                                    QString::fromLatin1(QByteArray("GIF89a....").toBase64())}}});
        entry.insert(QStringLiteral("resource"), patient);
        entries.replace(0, entry);
        QJsonObject bad = *bundle;
        bad.insert(QStringLiteral("entry"), entries);

        test::TestDatabase other;
        QVERIFY(other.open());
        auto report = FhirImporter(*other.db).importBundle(QJsonDocument(bad).toJson(),
                                                           QStringLiteral("bad-photo.json"));
        QVERIFY(!report.imported);
        QCOMPARE(report.errors.size(), 1);
        QVERIFY2(report.errors.first().contains(QLatin1String("bad-photo.json")),
                 qPrintable(report.errors.first()));
        QVERIFY(report.errors.first().contains(QLatin1String("entry")));
        QVERIFY(report.errors.first().contains(QLatin1String("JPEG or PNG")));
    }
};

QTEST_GUILESS_MAIN(TestPatientPhoto)
#include "tst_patientphoto.moc"

#include "fhir/FhirJson.h"
#include "fhir/FhirMapping.h"
#include "fhir/PatientRecordMapping.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace frontdesk;

// Recalls, photos and patient links survive FHIR and back; what is not one is refused naming
// the element.
class TestPatientRecordMapping : public QObject
{
    Q_OBJECT

private:
    static QByteArray png()
    {
        return QByteArray::fromBase64(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJ"
            "RU5ErkJggg==");
    }
    static Recall recall()
    {
        Recall r;
        r.meta.id = QStringLiteral("recall-1");
        r.patientId = QStringLiteral("pat-1");
        r.practitionerId = QStringLiteral("dr-a");
        r.reason = QStringLiteral("Annual check-up");
        r.dueOn = QDate(2027, 1, 15);
        return r;
    }

private slots:
    void recallIsATask_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("taskStatus");
        QTest::addColumn<QString>("practitioner");
        QTest::newRow("open, with a practitioner")
            << Recall::open() << QStringLiteral("requested") << QStringLiteral("dr-a");
        QTest::newRow("done, anyone") << Recall::done() << QStringLiteral("completed") << QString();
        QTest::newRow("cancelled")
            << Recall::cancelled() << QStringLiteral("cancelled") << QStringLiteral("dr-a");
    }
    void recallIsATask()
    {
        QFETCH(QString, status);
        QFETCH(QString, taskStatus);
        QFETCH(QString, practitioner);
        Recall r = recall();
        r.status = status;
        r.practitionerId = practitioner;
        const QJsonObject o = PatientRecordMapping::toFhir(r);
        QCOMPARE(o.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Task"));
        QCOMPARE(o.value(QStringLiteral("status")).toString(), taskStatus);
        QCOMPARE(FhirMapping::patientReference(o), QString());
        auto back = PatientRecordMapping::recallFromFhir(o);
        QVERIFY2(back, qPrintable(back.error()));
        QCOMPARE(back->meta.id, r.meta.id);
        QCOMPARE(back->patientId, r.patientId);
        QCOMPARE(back->practitionerId, r.practitionerId);
        QCOMPARE(back->reason, r.reason);
        QCOMPARE(back->dueOn, r.dueOn);
        QCOMPARE(back->status, r.status);
    }

    // A task for the front desk and a recall's contact (recall outreach) travel with the Task,
    // so every workstation's worklist and due list agree.
    void taskKindAndContactTravel_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("referenceType");
        QTest::newRow("recall contacted by SMS")
            << Recall::recallKind() << QStringLiteral("sms") << QStringLiteral("Communication");
        QTest::newRow("recall with a call task")
            << Recall::recallKind() << QStringLiteral("call") << QStringLiteral("Task");
        QTest::newRow("letter task, not contacted")
            << Recall::letterKind() << QString() << QString();
        QTest::newRow("waitlist offer") << Recall::offerKind() << QString() << QString();
    }
    void taskKindAndContactTravel()
    {
        QFETCH(QString, kind);
        QFETCH(QString, channel);
        QFETCH(QString, referenceType);
        Recall r = recall();
        r.kind = kind;
        if (!channel.isEmpty()) {
            r.contactedAt = QDateTime(QDate(2026, 6, 10), QTime(8, 0, 1, 250), QTimeZone::utc());
            r.contactChannel = channel;
            r.contactRef = QStringLiteral("made-1");
        }
        const QJsonObject o = PatientRecordMapping::toFhir(r);
        const QJsonArray codes =
            o.value(QStringLiteral("code")).toObject().value(QStringLiteral("coding")).toArray();
        QCOMPARE(codes.size(), kind == Recall::recallKind() ? 1 : 2);
        if (!referenceType.isEmpty())
            QCOMPARE(FhirJson::extensionValue(o, PatientRecordMapping::contactUrl(),
                                              QStringLiteral("valueReference"))
                         .toObject()
                         .value(QStringLiteral("reference"))
                         .toString(),
                     referenceType + QStringLiteral("/made-1"));
        else
            QVERIFY(!o.contains(QStringLiteral("extension")));
        auto back = PatientRecordMapping::recallFromFhir(o);
        QVERIFY2(back, qPrintable(back.error()));
        QCOMPARE(back->kind, r.kind);
        QCOMPARE(back->contactedAt, r.contactedAt);
        QCOMPARE(back->contactChannel, r.contactChannel);
        QCOMPARE(back->contactRef, r.contactRef);
        QCOMPARE(back->reason, r.reason);
    }

    void photoIsABinaryOfThePatient()
    {
        PatientPhoto photo;
        photo.meta.id = QStringLiteral("photo-1");
        photo.patientId = QStringLiteral("pat-1");
        photo.data = png();
        QVERIFY(photo.validate());
        const QJsonObject o = PatientRecordMapping::toFhir(photo);
        QCOMPARE(o.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Binary"));
        QCOMPARE(o.value(QStringLiteral("contentType")).toString(), QStringLiteral("image/png"));
        QCOMPARE(o.value(QStringLiteral("securityContext"))
                     .toObject()
                     .value(QStringLiteral("reference"))
                     .toString(),
                 QStringLiteral("Patient/pat-1"));
        auto back = PatientRecordMapping::photoFromFhir(o);
        QVERIFY2(back, qPrintable(back.error()));
        QCOMPARE(back->meta.id, photo.meta.id);
        QCOMPARE(back->patientId, photo.patientId);
        QCOMPARE(back->data, photo.data);
    }

    void linksTravelInPatientLink()
    {
        Patient p;
        p.meta.id = QStringLiteral("pat-old");
        p.familyName = QStringLiteral("Muster");
        p.givenName = QStringLiteral("Erika");
        p.birthDate = QDate(1980, 2, 3);
        p.mrn = QStringLiteral("MRN-100");
        PatientLink merged;
        merged.meta.id = QStringLiteral("link-1");
        merged.sourceId = p.meta.id;
        merged.targetId = QStringLiteral("pat-new");
        merged.detail = QStringLiteral("{\"merge\":\"audit-7\"}");
        PatientLink see;
        see.meta.id = QStringLiteral("link-2");
        see.sourceId = p.meta.id;
        see.targetId = QStringLiteral("pat-twin");
        see.kind = QStringLiteral("seealso");
        const QJsonObject o =
            PatientRecordMapping::withLinks(FhirMapping::toFhir(p), {merged, see});
        QVERIFY2(FhirMapping::patientFromFhir(o), "the Patient itself still reads");
        auto plain = FhirMapping::patientLinksFromFhir(o);
        QVERIFY2(plain, qPrintable(plain.error()));
        QCOMPARE(plain->size(), 2);
        QCOMPARE(plain->first().reference, QStringLiteral("Patient/pat-new"));
        auto back = PatientRecordMapping::linksFromFhir(o);
        QVERIFY2(back, qPrintable(back.error()));
        QCOMPARE(back->size(), 2);
        for (int i = 0; i < 2; ++i) {
            const PatientLink &want = i == 0 ? merged : see;
            const PatientLink &got = back->at(i);
            QCOMPARE(got.meta.id, want.meta.id);
            QCOMPARE(got.sourceId, want.sourceId);
            QCOMPARE(got.targetId, want.targetId);
            QCOMPARE(got.kind, want.kind);
            QCOMPARE(got.detail, want.detail);
        }
        QVERIFY(!PatientRecordMapping::withLinks(o, {}).contains(QStringLiteral("link")));
    }

    void badResourcesAreRefusedNamingTheElement_data()
    {
        QTest::addColumn<QJsonObject>("resource");
        QTest::addColumn<QString>("named");
        QJsonObject task = PatientRecordMapping::toFhir(recall());
        task.insert(QStringLiteral("status"), QStringLiteral("draft"));
        QTest::newRow("draft task") << task << QStringLiteral("status");
        QJsonObject noDue = PatientRecordMapping::toFhir(recall());
        noDue.remove(QStringLiteral("restriction"));
        QTest::newRow("no due date") << noDue << QStringLiteral("restriction.period.end");
        QJsonObject other = PatientRecordMapping::toFhir(recall());
        other.remove(QStringLiteral("code"));
        QTest::newRow("other task") << other << PatientRecordMapping::taskCodeSystem();
        QJsonObject ownerless = PatientRecordMapping::toFhir(recall());
        ownerless.insert(QStringLiteral("for"),
                         QJsonObject{{QStringLiteral("reference"), QStringLiteral("Group/1")}});
        QTest::newRow("for a group") << ownerless << QStringLiteral("for");
        Recall contacted = recall();
        contacted.contactedAt = QDateTime(QDate(2026, 6, 10), QTime(8, 0), QTimeZone::utc());
        contacted.contactChannel = QStringLiteral("sms");
        QJsonObject pigeon = PatientRecordMapping::toFhir(contacted);
        pigeon.insert(
            QStringLiteral("extension"),
            QJsonArray{FhirJson::extension(PatientRecordMapping::contactedAtUrl(),
                                           QStringLiteral("valueInstant"),
                                           QStringLiteral("2026-06-10T08:00:00Z")),
                       FhirJson::extension(PatientRecordMapping::contactChannelUrl(),
                                           QStringLiteral("valueCode"), QStringLiteral("pigeon"))});
        QTest::newRow("contacted by pigeon") << pigeon << PatientRecordMapping::contactChannelUrl();
        QJsonObject undated = pigeon;
        undated.insert(QStringLiteral("extension"),
                       QJsonArray{FhirJson::extension(PatientRecordMapping::contactedAtUrl(),
                                                      QStringLiteral("valueInstant"),
                                                      QStringLiteral("2026-06-10T08:00"))});
        QTest::newRow("contacted at a local time")
            << undated << PatientRecordMapping::contactedAtUrl();

        PatientPhoto photo;
        photo.patientId = QStringLiteral("pat-1");
        photo.data = png();
        QJsonObject binary = PatientRecordMapping::toFhir(photo);
        binary.insert(QStringLiteral("contentType"), QStringLiteral("image/jpeg"));
        QTest::newRow("wrong content type") << binary << QStringLiteral("contentType");
        QJsonObject text = PatientRecordMapping::toFhir(photo);
        text.insert(QStringLiteral("data"), QStringLiteral("aGVsbG8="));
        QTest::newRow("not an image") << text << QStringLiteral("PNG");
        QJsonObject garbled = PatientRecordMapping::toFhir(photo);
        garbled.insert(QStringLiteral("data"), QStringLiteral("**"));
        QTest::newRow("not base64") << garbled << QStringLiteral("data");

        Patient p;
        p.meta.id = QStringLiteral("pat-1");
        p.familyName = QStringLiteral("Muster");
        QJsonObject linked = FhirMapping::toFhir(p);
        linked.insert(
            QStringLiteral("link"),
            QJsonArray{QJsonObject{
                {QStringLiteral("type"), QStringLiteral("replaced-by")},
                {QStringLiteral("other"),
                 QJsonObject{{QStringLiteral("reference"), QStringLiteral("RelatedPerson/9")}}}}});
        QTest::newRow("link to a related person") << linked << QStringLiteral("link[0].other");
    }
    void badResourcesAreRefusedNamingTheElement()
    {
        QFETCH(QJsonObject, resource);
        QFETCH(QString, named);
        const QString type = resource.value(QStringLiteral("resourceType")).toString();
        QString error;
        if (type == QLatin1String("Task"))
            error = PatientRecordMapping::recallFromFhir(resource).error();
        else if (type == QLatin1String("Binary"))
            error = PatientRecordMapping::photoFromFhir(resource).error();
        else
            error = PatientRecordMapping::linksFromFhir(resource).error();
        QVERIFY2(!error.isEmpty(), "refused");
        QVERIFY2(error.contains(named), qPrintable(error));
    }

    // The checks every mapping uses for ids, references and instants.
    void idsReferencesAndInstantsAreChecked_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("id");
        QTest::addColumn<bool>("instant");
        QTest::newRow("uuid") << QStringLiteral("0b9e7c3e-5d0a-4c1b-9f5e-2a7d1c3b4e6f") << true
                              << false;
        QTest::newRow("dots and capitals") << QStringLiteral("A.b-9") << true << false;
        QTest::newRow("64") << QString(64, QLatin1Char('x')) << true << false;
        QTest::newRow("65") << QString(65, QLatin1Char('x')) << false << false;
        QTest::newRow("empty") << QString() << false << false;
        QTest::newRow("underscore") << QStringLiteral("a_b") << false << false;
        QTest::newRow("slash") << QStringLiteral("a/b") << false << false;
        QTest::newRow("accent") << QStringLiteral("caf\u00e9") << false << false;
        QTest::newRow("newline after") << QStringLiteral("abc\n") << false << false;
        QTest::newRow("utc") << QStringLiteral("2026-07-06T09:00:00Z") << false << true;
        QTest::newRow("fraction") << QStringLiteral("2026-07-06T09:00:00.123Z") << false << true;
        QTest::newRow("offset") << QStringLiteral("2026-07-06T09:00:00+02:00") << false << true;
        QTest::newRow("negative offset")
            << QStringLiteral("2026-07-06T09:00:00.5-05:30") << false << true;
        QTest::newRow("no seconds") << QStringLiteral("2026-07-06T09:00Z") << false << false;
        QTest::newRow("no zone") << QStringLiteral("2026-07-06T09:00:00") << false << false;
        QTest::newRow("empty fraction")
            << QStringLiteral("2026-07-06T09:00:00.Z") << false << false;
        QTest::newRow("small z") << QStringLiteral("2026-07-06T09:00:00z") << false << false;
        QTest::newRow("short offset") << QStringLiteral("2026-07-06T09:00:00+02") << false << false;
        QTest::newRow("space") << QStringLiteral("2026-07-06 09:00:00Z") << false << false;
        QTest::newRow("arabic digit")
            << QStringLiteral("2026-07-06T09:00:0\u0661Z") << false << false;
        QTest::newRow("zone and more") << QStringLiteral("2026-07-06T09:00:00Zx") << false << false;
    }
    void idsReferencesAndInstantsAreChecked()
    {
        QFETCH(QString, text);
        QFETCH(bool, id);
        QFETCH(bool, instant);
        QCOMPARE(FhirJson::isId(text), id);
        QCOMPARE(FhirJson::hasInstantForm(text), instant);

        const auto reference =
            FhirJson::referenceId(QStringLiteral("Patient/") + text, QStringLiteral("Patient"),
                                  QStringLiteral("subject"), true);
        QCOMPARE(reference.ok(), id);
        if (id)
            QCOMPARE(*reference, text);
        else
            QVERIFY2(reference.error().contains(QStringLiteral("subject must read Patient/ID")),
                     qPrintable(reference.error()));
    }

    void referencesNameTheirTypeAndASeparator()
    {
        const auto check = [](const QString &reference, bool required) {
            return FhirJson::referenceId(QJsonObject{{QStringLiteral("reference"), reference}},
                                         QStringLiteral("Patient"), QStringLiteral("subject"),
                                         required);
        };
        QCOMPARE(*check(QStringLiteral("Patient/p-1"), true), QStringLiteral("p-1"));
        QVERIFY(!check(QStringLiteral("PatientX/p-1"), true).ok());
        QVERIFY(!check(QStringLiteral("Patientp-1"), true).ok());
        QVERIFY(!check(QStringLiteral("Patient/"), true).ok());
        QVERIFY(!check(QStringLiteral("Practitioner/p-1"), true).ok());
        QVERIFY(!check(QStringLiteral("Patient/p-1/_history/2"), true).ok());
        QVERIFY(check(QString(), false).ok());
        QVERIFY(check(QString(), false)->isEmpty());
        QVERIFY2(check(QString(), true).error().contains(QStringLiteral("missing")),
                 qPrintable(check(QString(), true).error()));
    }
};

QTEST_GUILESS_MAIN(TestPatientRecordMapping)
#include "tst_patientrecordmapping.moc"

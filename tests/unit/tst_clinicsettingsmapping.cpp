// The clinic's shared settings as the Organization that travels to and from frontdesk-server:
// every shared key through a round trip, a clinic without a name still a valid Organization,
// unknown (newer) settings left out, and what is not the clinic's Organization refused.
#include "fhir/ClinicSettingsMapping.h"

#include <QJsonArray>
#include <QTest>

using namespace frontdesk;

class TestClinicSettingsMapping : public QObject
{
    Q_OBJECT

private slots:
    void everySharedSettingMakesTheRoundTrip()
    {
        ClinicSettingsMapping::Values values;
        int n = 0;
        for (const QString &key : ClinicSettingsMapping::keys())
            values.insert(key, QStringLiteral("value %1 äö").arg(++n));
        const QJsonObject o = ClinicSettingsMapping::toFhir(values);
        QCOMPARE(o.value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("Organization"));
        QCOMPARE(o.value(QStringLiteral("id")).toString(), QStringLiteral("clinic"));
        QCOMPARE(o.value(QStringLiteral("name")).toString(),
                 values.value(QStringLiteral("clinic_name")));
        QCOMPARE(o.value(QStringLiteral("telecom")).toArray().at(0)[QStringLiteral("value")],
                 values.value(QStringLiteral("clinic_phone")));
        auto back = ClinicSettingsMapping::fromFhir(o);
        QVERIFY2(back, qPrintable(back.error()));
        QCOMPARE(*back, values);
    }

    void aClinicWithoutSettingsIsStillAnOrganization()
    {
        const QJsonObject o = ClinicSettingsMapping::toFhir({});
        // org-1: a name or an identifier.
        QVERIFY(!o.contains(QStringLiteral("name")));
        QCOMPARE(o.value(QStringLiteral("identifier")).toArray().size(), 1);
        QVERIFY(!o.contains(QStringLiteral("extension")));
        auto back = ClinicSettingsMapping::fromFhir(o);
        QVERIFY(back);
        QVERIFY(back->isEmpty());
    }

    void onlySharedKeysTravel()
    {
        const QJsonObject o = ClinicSettingsMapping::toFhir(
            {{QStringLiteral("sync_server_url"), QStringLiteral("https://server")},
             {QStringLiteral("clinic_time_zone"), QStringLiteral("Europe/Berlin")}});
        const QJsonArray ext = o.value(QStringLiteral("extension")).toArray();
        QCOMPARE(ext.size(), 1);
        QCOMPARE(ext.at(0)[QStringLiteral("url")].toString(),
                 QStringLiteral("urn:frontdesk:setting:clinic_time_zone"));
        QVERIFY(!ClinicSettingsMapping::isShared(QStringLiteral("sync_server_url")));
        QVERIFY(ClinicSettingsMapping::isShared(QStringLiteral("clinic_quiet_hours")));
    }

    void newerSettingsAreLeftOutOthersKept()
    {
        QJsonObject o = ClinicSettingsMapping::toFhir(
            {{QStringLiteral("auto_lock_minutes"), QStringLiteral("5")}});
        QJsonArray ext = o.value(QStringLiteral("extension")).toArray();
        ext.append(QJsonObject{{QStringLiteral("url"), QStringLiteral("urn:frontdesk:setting:x")},
                               {QStringLiteral("valueString"), QStringLiteral("1")}});
        ext.append(QJsonObject{{QStringLiteral("url"), QStringLiteral("http://other/ext")},
                               {QStringLiteral("valueBoolean"), true}});
        o.insert(QStringLiteral("extension"), ext);
        auto back = ClinicSettingsMapping::fromFhir(o);
        QVERIFY2(back, qPrintable(back.error()));
        QCOMPARE(*back, (ClinicSettingsMapping::Values{
                            {QStringLiteral("auto_lock_minutes"), QStringLiteral("5")}}));
    }

    void whatIsNotTheClinicIsRefusedNamingIt_data()
    {
        QTest::addColumn<QJsonObject>("resource");
        QTest::addColumn<QString>("named");
        QJsonObject good = ClinicSettingsMapping::toFhir({});
        QJsonObject patient = good;
        patient.insert(QStringLiteral("resourceType"), QStringLiteral("Patient"));
        QTest::newRow("type") << patient << QStringLiteral("Organization");
        QJsonObject other = good;
        other.insert(QStringLiteral("id"), QStringLiteral("lab"));
        QTest::newRow("id") << other << QStringLiteral("\"lab\"");
        QJsonObject badName = good;
        badName.insert(QStringLiteral("name"), 7);
        QTest::newRow("name") << badName << QStringLiteral("Organization.name");
        QJsonObject badValue = good;
        badValue.insert(
            QStringLiteral("extension"),
            QJsonArray{QJsonObject{
                {QStringLiteral("url"), QStringLiteral("urn:frontdesk:setting:auto_lock_minutes")},
                {QStringLiteral("valueInteger"), 5}}});
        QTest::newRow("value") << badValue << QStringLiteral("extension[0]");
    }
    void whatIsNotTheClinicIsRefusedNamingIt()
    {
        QFETCH(QJsonObject, resource);
        QFETCH(QString, named);
        auto r = ClinicSettingsMapping::fromFhir(resource);
        QVERIFY(!r);
        QVERIFY2(r.error().contains(named), qPrintable(r.error()));
    }
};

QTEST_GUILESS_MAIN(TestClinicSettingsMapping)
#include "tst_clinicsettingsmapping.moc"

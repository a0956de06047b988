#include "domain/UcumUnit.h"
#include "patients/ClinicalSummary.h"

#include <QTest>
#include <QTimeZone>

using namespace frontdesk;

// How the clinical summary reads to a nurse: units as people write them, blood pressure in one
// row, "no known allergies" only when someone stated it.
class TestClinicalWording : public QObject
{
    Q_OBJECT

    static Observation vital(const QString &loinc, const QString &display, double value,
                             const QString &unit, const QDateTime &when)
    {
        Observation o;
        o.category = QStringLiteral("vital-signs");
        o.code = {QStringLiteral("http://loinc.org"), loinc, display};
        o.valueNumber = value;
        o.unit = unit;
        o.effective = when;
        return o;
    }
    static Allergy allergy(const QString &code, const QString &display)
    {
        Allergy a;
        a.code = {QStringLiteral("http://snomed.info/sct"), code, display};
        return a;
    }

private slots:
    void ucumCodesInHumanForm()
    {
        QCOMPARE(UcumUnit::display(QStringLiteral("mm[Hg]")), QStringLiteral("mmHg"));
        QCOMPARE(UcumUnit::display(QStringLiteral("Cel")), QStringLiteral("°C"));
        QCOMPARE(UcumUnit::display(QStringLiteral("kg")), QStringLiteral("kg"));
        QCOMPARE(UcumUnit::display(QStringLiteral("kg/m2")), QStringLiteral("kg/m²"));
        QCOMPARE(UcumUnit::display(QStringLiteral("{beats}/min")), QStringLiteral("/min"));
        QCOMPARE(UcumUnit::display(QStringLiteral("1/min")), QStringLiteral("/min"));
        QCOMPARE(UcumUnit::display(QStringLiteral("{score}")), QString());
        QCOMPARE(UcumUnit::display(QStringLiteral("mg")), QStringLiteral("mg"));
    }

    void bloodPressureInOneRow()
    {
        const QDateTime when(QDate(2026, 3, 2), QTime(9, 15), Qt::UTC);
        ClinicalSummary s;
        s.latestVitals = {vital(QStringLiteral("8480-6"), QStringLiteral("Systolic blood pressure"),
                                128, QStringLiteral("mm[Hg]"), when),
                          vital(QStringLiteral("29463-7"), QStringLiteral("Body weight"), 72.5,
                                QStringLiteral("kg"), when),
                          vital(QStringLiteral("8462-4"),
                                QStringLiteral("Diastolic blood pressure"), 82,
                                QStringLiteral("mm[Hg]"), when.addSecs(60)),
                          vital(QStringLiteral("8310-5"), QStringLiteral("Body temperature"), 36.8,
                                QStringLiteral("Cel"), when)};
        const auto rows = s.vitalSigns(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).name, QStringLiteral("Blood pressure"));
        QCOMPARE(rows.at(0).value, QStringLiteral("128/82 mmHg"));
        QCOMPARE(rows.at(0).effective, when.addSecs(60));
        QCOMPARE(rows.at(1).value, QStringLiteral("72,5 kg"));
        QCOMPARE(rows.at(2).value, QStringLiteral("36,8 °C"));

        // A panel imported as text keeps its words, with the unit in human form.
        Observation panel;
        panel.code.display = QStringLiteral("Blood pressure panel");
        panel.valueText = QStringLiteral("138/84 mm[Hg]");
        ClinicalSummary imported;
        imported.latestVitals = {panel};
        QCOMPARE(imported.vitalSigns().first().value, QStringLiteral("138/84 mmHg"));

        // Only one of the pair: shown as it is.
        s.latestVitals.removeAt(2);
        const auto alone = s.vitalSigns(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(alone.size(), 3);
        QCOMPARE(alone.at(0).name, QStringLiteral("Systolic blood pressure"));
        QCOMPARE(alone.at(0).value, QStringLiteral("128 mmHg"));
    }

    void noKnownAllergiesOnlyWhenStated()
    {
        ClinicalSummary none;
        none.setAllergies({});
        QVERIFY(!none.noKnownAllergies);
        QVERIFY(none.allergies.isEmpty());

        ClinicalSummary stated;
        stated.setAllergies(
            {allergy(QStringLiteral("716186003"), QStringLiteral("No known allergy"))});
        QVERIFY(stated.noKnownAllergies);
        QVERIFY(stated.allergies.isEmpty());

        // A statement next to a recorded allergy is not believed, and not listed as one.
        ClinicalSummary both;
        both.setAllergies(
            {allergy(QStringLiteral("409137002"), QStringLiteral("No known drug allergy")),
             allergy(QStringLiteral("91936005"), QStringLiteral("Penicillin allergy"))});
        QVERIFY(!both.noKnownAllergies);
        QCOMPARE(both.allergies.size(), 1);
        QCOMPARE(both.allergies.first().code.code, QStringLiteral("91936005"));

        // A withdrawn statement states nothing.
        Allergy withdrawn =
            allergy(QStringLiteral("716186003"), QStringLiteral("No known allergy"));
        withdrawn.clinicalStatus = QStringLiteral("inactive");
        ClinicalSummary old;
        old.setAllergies({withdrawn});
        QVERIFY(!old.noKnownAllergies);
    }
};

QTEST_APPLESS_MAIN(TestClinicalWording)
#include "tst_clinicalwording.moc"

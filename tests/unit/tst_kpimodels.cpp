#include "DashboardTestClinic.h"

#include "KpiBreakdownModel.h"
#include "KpiDrillDownModel.h"
#include "KpiFigureModel.h"
#include "core/LocaleFormat.h"
#include "kpi/KpiDefinitions.h"
#include "kpi/KpiPeriodPreset.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLocale>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <memory>

using namespace frontdesk;

namespace {

KpiDefinition definition(KpiUnit unit, KpiDirection direction)
{
    KpiDefinition d;
    d.unit = unit;
    d.direction = direction;
    return d;
}

KpiValue rate(qint64 part, qint64 base)
{
    KpiValue v;
    v.numerator = part;
    v.denominator = base;
    if (base > 0)
        v.value = double(part) / double(base);
    return v;
}

KpiValue count(qint64 n)
{
    KpiValue v;
    v.numerator = n;
    v.value = double(n);
    return v;
}

} // namespace

class TestKpiModels : public QObject
{
    Q_OBJECT

    test::DashboardTestClinic c;

    KpiFilter period() const
    {
        KpiFilter f;
        f.from = test::DashboardTestClinic::from();
        f.to = test::DashboardTestClinic::to();
        return f;
    }
    static QString cell(const KpiFigureModel &m, Kpi kpi, int column, int role = Qt::DisplayRole)
    {
        return m.index(m.rowOf(kpi), column).data(role).toString();
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(c.create());
    }

    void presetsAreWholeCalendarPeriods()
    {
        const QDate wednesday(2026, 3, 11);
        using P = KpiPeriodPreset;
        QCOMPARE(P::range(P::ThisWeek, wednesday),
                 std::pair(QDate(2026, 3, 9), QDate(2026, 3, 15)));
        QCOMPARE(P::range(P::Last7Days, wednesday), std::pair(QDate(2026, 3, 5), wednesday));
        QCOMPARE(P::range(P::Last30Days, wednesday), std::pair(QDate(2026, 2, 10), wednesday));
        QCOMPARE(P::range(P::Last90Days, wednesday).first, QDate(2025, 12, 12));
        QCOMPARE(P::range(P::ThisMonth, wednesday),
                 std::pair(QDate(2026, 3, 1), QDate(2026, 3, 31)));
        QCOMPARE(P::range(P::LastMonth, wednesday),
                 std::pair(QDate(2026, 2, 1), QDate(2026, 2, 28)));
        QCOMPARE(P::range(P::ThisQuarter, wednesday),
                 std::pair(QDate(2026, 1, 1), QDate(2026, 3, 31)));
        QCOMPARE(P::range(P::ThisQuarter, QDate(2026, 12, 31)),
                 std::pair(QDate(2026, 10, 1), QDate(2026, 12, 31)));
        QCOMPARE(P::range(P::LastMonth, QDate(2026, 1, 15)),
                 std::pair(QDate(2025, 12, 1), QDate(2025, 12, 31)));
        QCOMPARE(P::match(QDate(2026, 3, 9), QDate(2026, 3, 15), wednesday), P::ThisWeek);
        QCOMPARE(P::match(QDate(2026, 3, 9), QDate(2026, 3, 14), wednesday), P::Custom);
        for (P::Preset preset : P::all())
            QVERIFY(!P::name(preset).isEmpty());
    }

    void formatting()
    {
        const auto noShow = definition(KpiUnit::Fraction, KpiDirection::LowerIsBetter);
        QCOMPARE(KpiFigureModel::valueText(noShow, rate(2, 5)), QStringLiteral("40.0%"));
        QCOMPARE(KpiFigureModel::valueText(noShow, rate(0, 0)), KpiFigureModel::tr("n/a"));
        QCOMPARE(KpiFigureModel::baseText(rate(2, 5)), QStringLiteral("2 of 5"));
        QCOMPARE(KpiFigureModel::baseText(count(7)), QString());
        // 40.0 % against 25.0 %: 15 points up, and more no-shows is worse.
        QCOMPARE(KpiFigureModel::changeText(noShow, rate(2, 5), rate(1, 4)),
                 QStringLiteral("▲ 15.0 pp"));
        QCOMPARE(KpiFigureModel::assessment(noShow, rate(2, 5), rate(1, 4)), -1);
        QCOMPARE(KpiFigureModel::assessment(noShow, rate(1, 4), rate(2, 5)), 1);
        QCOMPARE(KpiFigureModel::changeText(noShow, rate(1, 3), rate(0, 0)), QStringLiteral("—"));
        QCOMPARE(KpiFigureModel::assessment(noShow, rate(1, 3), rate(0, 0)), 0);
        // Shown values equal: no change, even if the fractions differ beyond the last digit.
        QCOMPARE(KpiFigureModel::changeText(noShow, rate(1, 3), rate(333, 1000)),
                 KpiFigureModel::tr("no change"));

        const auto newPatients = definition(KpiUnit::Count, KpiDirection::HigherIsBetter);
        QCOMPARE(KpiFigureModel::valueText(newPatients, count(12345)), QStringLiteral("12,345"));
        QCOMPARE(KpiFigureModel::changeText(newPatients, count(4), count(6)),
                 QStringLiteral("▼ 2"));
        QCOMPARE(KpiFigureModel::assessment(newPatients, count(4), count(6)), -1);
        // A count that only follows the volume of appointments is neither good nor bad.
        const auto sent = definition(KpiUnit::Count, KpiDirection::Neutral);
        QCOMPARE(KpiFigureModel::changeText(sent, count(4), count(6)), QStringLiteral("▼ 2"));
        QCOMPARE(KpiFigureModel::assessment(sent, count(4), count(6)), 0);
        QCOMPARE(KpiFigureModel::assessment(sent, count(6), count(4)), 0);

        const auto lead = definition(KpiUnit::Days, KpiDirection::LowerIsBetter);
        KpiValue days;
        days.value = 2.25;
        KpiValue before;
        before.value = 1.0;
        QCOMPARE(KpiFigureModel::valueText(lead, days), QStringLiteral("2.3 days"));
        QCOMPARE(KpiFigureModel::changeText(lead, days, before), QStringLiteral("▲ 1.3 days"));
        // Patients wait longer for a visit: not green.
        QCOMPARE(KpiFigureModel::assessment(lead, days, before), -1);
        QCOMPARE(KpiFigureModel::assessment(lead, before, days), 1);
        // The definitions say so for the real figures.
        QCOMPARE(KpiDefinitions::of(Kpi::BookingLeadTime).direction, KpiDirection::LowerIsBetter);
        for (const Kpi volume : {Kpi::Appointments, Kpi::ReturningPatients, Kpi::RemindersSent,
                                 Kpi::RemindersDelivered, Kpi::RemindersConfirmed})
            QCOMPARE(KpiDefinitions::of(volume).direction, KpiDirection::Neutral);
        QCOMPARE(KpiDefinitions::of(Kpi::Utilisation).direction, KpiDirection::HigherIsBetter);
    }

    void figureModelShowsThePeriodAndTheOneBefore()
    {
        KpiFigureModel model(*c.t.db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), KpiDefinitions::all().size());
        QVERIFY(!model.hasReport());
        QCOMPARE(cell(model, Kpi::NoShowRate, KpiFigureModel::CurrentColumn), QString());

        model.setFilter(period());
        model.refresh();
        QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
        QVERIFY(model.hasReport());
        QCOMPARE(cell(model, Kpi::Appointments, KpiFigureModel::CurrentColumn),
                 QStringLiteral("6"));
        QCOMPARE(cell(model, Kpi::Appointments, KpiFigureModel::PreviousColumn),
                 QStringLiteral("4"));
        QCOMPARE(cell(model, Kpi::Appointments, KpiFigureModel::ChangeColumn),
                 QStringLiteral("▲ 2"));
        QCOMPARE(cell(model, Kpi::NoShowRate, KpiFigureModel::CurrentColumn),
                 QStringLiteral("40.0%"));
        QCOMPARE(cell(model, Kpi::NoShowRate, KpiFigureModel::PreviousColumn),
                 QStringLiteral("25.0%"));
        QCOMPARE(cell(model, Kpi::NoShowRate, KpiFigureModel::BaseColumn),
                 QStringLiteral("2 of 5"));
        QCOMPARE(cell(model, Kpi::NoShowRate, KpiFigureModel::ChangeColumn),
                 QStringLiteral("▲ 15.0 pp"));
        QCOMPARE(model.index(model.rowOf(Kpi::NoShowRate), KpiFigureModel::ChangeColumn)
                     .data(KpiFigureModel::AssessmentRole)
                     .toInt(),
                 -1);
        QCOMPARE(model.index(model.rowOf(Kpi::NoShowRate), KpiFigureModel::CurrentColumn)
                     .data(KpiFigureModel::ValueRole)
                     .toDouble(),
                 0.4);
        QCOMPARE(
            cell(model, Kpi::NoShowRate, KpiFigureModel::FigureColumn, DatabaseTableModel::IdRole),
            QStringLiteral("no-show-rate"));
        QCOMPARE(cell(model, Kpi::NoShowRate, KpiFigureModel::CurrentColumn, Qt::ToolTipRole),
                 KpiDefinitions::of(Kpi::NoShowRate).definition);
        QCOMPARE(model.headerData(KpiFigureModel::PreviousColumn, Qt::Horizontal, Qt::ToolTipRole)
                     .toString(),
                 KpiFigureModel::periodText(period().previous()));

        // One practitioner.
        KpiFilter alpha = period();
        alpha.practitionerId = c.alpha;
        model.setFilter(alpha);
        model.refresh();
        QCOMPARE(cell(model, Kpi::Appointments, KpiFigureModel::CurrentColumn),
                 QStringLiteral("4"));
        QCOMPARE(cell(model, Kpi::NoShowRate, KpiFigureModel::CurrentColumn),
                 QStringLiteral("33.3%"));
        QCOMPARE(cell(model, Kpi::NoShowRate, KpiFigureModel::PreviousColumn),
                 QStringLiteral("0.0%"));
        QCOMPARE(cell(model, Kpi::Utilisation, KpiFigureModel::CurrentColumn),
                 QStringLiteral("5.0%"));
        QCOMPARE(cell(model, Kpi::Utilisation, KpiFigureModel::BaseColumn),
                 QStringLiteral("60 of 1,200"));
    }

    void figureModelKeepsFiguresAndReportsABadFilter()
    {
        KpiFigureModel model(*c.t.db);
        model.setFilter(period());
        model.refresh();
        QSignalSpy errors(&model, &DatabaseTableModel::errorOccurred);
        KpiFilter backwards = period();
        std::swap(backwards.from, backwards.to);
        model.setFilter(backwards);
        model.refresh();
        QCOMPARE(errors.count(), 1);
        QVERIFY(!model.lastError().isEmpty());
        QCOMPARE(cell(model, Kpi::Appointments, KpiFigureModel::CurrentColumn),
                 QStringLiteral("6"));
    }

    void backgroundComputationKeepsTheNewestRequest()
    {
        KpiFigureModel model(*c.t.db);
        QSignalSpy computing(&model, &KpiFigureModel::computingChanged);
        KpiFilter alpha = period();
        alpha.practitionerId = c.alpha;
        model.setFilter(period());
        model.refreshInBackground();
        QVERIFY(model.isComputing());
        QVERIFY(!model.hasReport()); // the call returned before the figures exist
        model.setFilter(alpha);
        model.refreshInBackground();
        QTRY_VERIFY_WITH_TIMEOUT(!model.isComputing(), 20000);
        QVERIFY(model.hasReport());
        QCOMPARE(model.report().filter.practitionerId, c.alpha);
        QCOMPARE(cell(model, Kpi::Appointments, KpiFigureModel::CurrentColumn),
                 QStringLiteral("4"));
        QCOMPARE(computing.count(), 2); // on once, off once
        // The first request's result, if it arrives late, must not replace the newest.
        QTest::qWait(50);
        QCOMPARE(model.report().filter.practitionerId, c.alpha);

        // A refused request never starts a worker.
        KpiFilter backwards = period();
        std::swap(backwards.from, backwards.to);
        model.setFilter(backwards);
        model.refreshInBackground();
        QVERIFY(!model.isComputing());
        QVERIFY(!model.lastError().isEmpty());
    }

    void backgroundComputationSeesLaterWrites()
    {
        // The background thread keeps its connections between refreshes: a refresh after a
        // booking must count it (no read transaction may stay open across refreshes).
        KpiFigureModel model(*c.t.db);
        model.setFilter(period());
        model.refreshInBackground();
        QTRY_VERIFY_WITH_TIMEOUT(!model.isComputing(), 20000);
        const QString before = cell(model, Kpi::Appointments, KpiFigureModel::CurrentColumn);
        QVERIFY(!before.isEmpty());
        const QString added = c.appointment(test::DashboardTestClinic::from(), 17, c.beta, c.dora,
                                            AppointmentStatus::Completed);
        QVERIFY(!added.isEmpty());
        model.refreshInBackground();
        QTRY_VERIFY_WITH_TIMEOUT(!model.isComputing(), 20000);
        QCOMPARE(cell(model, Kpi::Appointments, KpiFigureModel::CurrentColumn),
                 QString::number(before.toInt() + 1));
        QVERIFY(
            c.t.db
                ->query(QStringLiteral("UPDATE appointments SET deleted = 1 WHERE id = ?"), {added})
                .ok());
    }

    void modelGoesWhileRequestsWait()
    {
        // Deleting the model with requests queued and one running neither crashes nor delivers
        // to the deleted model.
        auto model = std::make_unique<KpiFigureModel>(*c.t.db);
        model->setFilter(period());
        for (int i = 0; i < 5; ++i)
            model->refreshInBackground();
        model.reset();
        QTest::qWait(50);
    }

    void breakdownTables()
    {
        KpiFigureModel figures(*c.t.db);
        figures.setFilter(period());
        figures.refresh();
        QVERIFY(figures.hasReport());

        KpiBreakdownModel weeks(KpiBreakdownModel::Weeks);
        QAbstractItemModelTester weekTester(&weeks,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        weeks.setReport(figures.report());
        QCOMPARE(weeks.rowCount(), 1); // Mon..Sun is one ISO week
        QCOMPARE(weeks.index(0, 0).data(KpiBreakdownModel::ValueRole).toDate(),
                 test::DashboardTestClinic::from());
        QCOMPARE(weeks.index(0, 1).data().toString(), QStringLiteral("6"));
        QCOMPARE(weeks.index(0, 2).data().toString(), QStringLiteral("2"));
        QCOMPARE(weeks.index(0, 3).data().toString(), QStringLiteral("1"));
        QCOMPARE(weeks.index(0, 4).data().toString(), QStringLiteral("40.0%"));

        KpiBreakdownModel practitioners(KpiBreakdownModel::Practitioners);
        QAbstractItemModelTester practitionerTester(
            &practitioners, QAbstractItemModelTester::FailureReportingMode::QtTest);
        practitioners.setReport(figures.report());
        QCOMPARE(practitioners.rowCount(), 2);
        QCOMPARE(practitioners.index(0, 0).data().toString(), QStringLiteral("Dr. Ada Alpha"));
        QCOMPARE(practitioners.index(0, 1).data().toString(), QStringLiteral("4"));
        QCOMPARE(practitioners.index(0, 3).data().toString(), QStringLiteral("33.3%"));
        QCOMPARE(practitioners.index(0, 4).data().toString(), QStringLiteral("1.0")); // hours
        QCOMPARE(practitioners.index(0, 5).data().toString(), QStringLiteral("20.0"));
        QCOMPARE(practitioners.index(0, 6).data().toString(), QStringLiteral("5.0%"));
        QCOMPARE(practitioners.index(1, 0).data().toString(), QStringLiteral("Dr. Bob Beta"));
        QCOMPARE(practitioners.index(1, 6).data().toString(), KpiFigureModel::tr("n/a"));

        KpiBreakdownModel heat(KpiBreakdownModel::NoShowHeatMap);
        QAbstractItemModelTester heatTester(&heat,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        heat.setReport(figures.report());
        // Cells with appointments not cancelled: Mon 9, Mon 10, Tue 11, Wed 14, Thu 9.
        QCOMPARE(heat.rowCount(), 5);
        QStringList noShowCells;
        for (int row = 0; row < heat.rowCount(); ++row) {
            if (heat.index(row, 3).data(KpiBreakdownModel::ValueRole).toLongLong() > 0)
                noShowCells << QStringLiteral("%1@%2").arg(
                    heat.index(row, 0).data(KpiBreakdownModel::ValueRole).toString(),
                    heat.index(row, 1).data(KpiBreakdownModel::ValueRole).toString());
        }
        QCOMPARE(noShowCells, (QStringList{QStringLiteral("1@10"), QStringLiteral("4@9")}));
        QCOMPARE(heat.index(0, 1).data().toString(), QStringLiteral("09:00–10:00"));
    }

    void drillDownListsTheRecordsAndAuditsTheExport()
    {
        KpiDrillDownModel model(*c.t.db);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.load(period(), Kpi::NoShowRate));
        QCOMPARE(model.rowCount(), 2);
        QStringList ids;
        QStringList patients;
        for (int row = 0; row < model.rowCount(); ++row) {
            ids << model.index(row, 0).data(DatabaseTableModel::IdRole).toString();
            patients << model.index(row, 0).data(KpiDrillDownModel::PatientIdRole).toString();
        }
        ids.sort();
        QStringList expected = c.noShowsThisPeriod;
        expected.sort();
        QCOMPARE(ids, expected);
        QVERIFY(patients.contains(c.ben));
        QVERIFY(patients.contains(c.anna));

        // The start column sorts as time, not as text.
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&model);
        sorted.setSortRole(KpiDrillDownModel::SortRole);
        sorted.sort(0, Qt::DescendingOrder);
        QCOMPARE(sorted.index(0, 0).data(KpiDrillDownModel::PatientIdRole).toString(), c.anna);

        const auto exportsBefore =
            c.t.db->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'export' "
                                          "AND entity_type = 'dashboard-drill-down'"));
        QVERIFY(exportsBefore);
        const QString path = c.t.dir.filePath(QStringLiteral("no-shows.csv"));
        QVERIFY(model.writeCsv(path, sorted));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        // Names as everywhere, "Family, Given" (quoted: they hold a comma).
        QVERIFY(text.contains(QLatin1String("\"Adler, Anna\"")));
        QVERIFY(text.indexOf(QLatin1String("Adler, Anna")) <
                text.indexOf(QLatin1String("Berg, Ben")));
        // Each record with its MRN, and its date in ISO 8601 whatever the display's language.
        QVERIFY2(text.contains(QLatin1String("2026-03-05T09:00,\"Adler, Anna\",MRN-A,")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("2026-03-02T10:00,\"Berg, Ben\",MRN-B,")),
                 qPrintable(text));
        const auto exportsAfter =
            c.t.db->scalar(QStringLiteral("SELECT detail FROM audit_log WHERE action = 'export' "
                                          "AND entity_type = 'dashboard-drill-down' "
                                          "ORDER BY seq DESC LIMIT 1"));
        QVERIFY(exportsAfter);
        QVERIFY2(exportsAfter->toString().contains(QLatin1String("no-show-rate")),
                 qPrintable(exportsAfter->toString()));
    }

    void sortKeys()
    {
        QCOMPARE(KpiDrillDownModel::sortKey(QStringLiteral("1,234")).toDouble(), 1234.0);
        QCOMPARE(KpiDrillDownModel::sortKey(QStringLiteral("12.5%")).toDouble(), 12.5);
        const QDate day(2026, 3, 2);
        QCOMPARE(KpiDrillDownModel::sortKey(QLocale().toString(day, QLocale::ShortFormat))
                     .toDateTime()
                     .date()
                     .month(),
                 3);
        // As the drill-down shows them: with the whole year, also in a locale whose own short
        // format has two digits.
        const QLocale before;
        for (const QLocale &locale :
             {QLocale::c(), QLocale(QLocale::English, QLocale::UnitedStates),
              QLocale(QLocale::German, QLocale::Germany)}) {
            QLocale::setDefault(locale);
            const QVariant date = KpiDrillDownModel::sortKey(LocaleFormat::fullYearDate(day));
            const QVariant dateTime = KpiDrillDownModel::sortKey(
                LocaleFormat::fullYearDateTime(QDateTime(QDate(1999, 12, 31), QTime(23, 30))));
            QLocale::setDefault(before);
            QCOMPARE(date.toDateTime(), QDateTime(day, QTime(0, 0)));
            QCOMPARE(dateTime.toDateTime(), QDateTime(QDate(1999, 12, 31), QTime(23, 30)));
        }
        QCOMPARE(KpiDrillDownModel::sortKey(QStringLiteral("Müller")).toString(),
                 QStringLiteral("müller"));
    }
};

QTEST_GUILESS_MAIN(TestKpiModels)
#include "tst_kpimodels.moc"

#include "DashboardTestClinic.h"

#include "KpiBreakdownModel.h"
#include "KpiDrillDownModel.h"
#include "KpiFigureModel.h"
#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "core/LocaleFormat.h"
#include "core/Translations.h"
#include "dashboard/DashboardView.h"
#include "dashboard/DrillDownDialog.h"
#include "dashboard/FigureTile.h"
#include "dashboard/KpiHelpDialog.h"
#include "dashboard/NoShowHeatMap.h"
#include "dashboard/PractitionerChart.h"
#include "dashboard/WeeklyTrendChart.h"
#include "kpi/KpiDefinitions.h"
#include "kpi/KpiReport.h"
#include "kpi/KpiService.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QImage>
#include <QLabel>
#include <QPointer>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QToolTip>

using namespace frontdesk;

namespace {

// An RFC 4180 reader, independent of the writer.
QList<QStringList> parseCsv(QByteArray bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text.at(i);
        if (quoted) {
            if (ch == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"'))
                cell += text.at(++i);
            else if (ch == QLatin1Char('"'))
                quoted = false;
            else
                cell += ch;
        } else if (ch == QLatin1Char('"')) {
            quoted = true;
        } else if (ch == QLatin1Char(',')) {
            row << cell;
            cell.clear();
        } else if (ch == QLatin1Char('\r')) {
            continue;
        } else if (ch == QLatin1Char('\n')) {
            row << cell;
            rows << row;
            row.clear();
            cell.clear();
        } else {
            cell += ch;
        }
    }
    return rows;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Not blank: a real drawing has many colours, and a fair share of pixels differ from the
// background in the corner.
void verifyDrawn(QWidget *widget, const QString &name)
{
    const QImage image = widget->grab().toImage().convertToFormat(QImage::Format_RGB32);
    QVERIFY2(image.width() > 200 && image.height() > 150, qPrintable(name));
    const QString path = QDir::temp().filePath(QStringLiteral("frontdesk-%1.png").arg(name));
    QVERIFY(image.save(path));
    const QRgb background = image.pixel(0, 0);
    QSet<QRgb> colours;
    qint64 differing = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            colours.insert(p);
            differing += p != background;
        }
    }
    QVERIFY2(colours.size() > 8,
             qPrintable(QStringLiteral("%1: %2 colours").arg(name).arg(colours.size())));
    QVERIFY2(differing * 100 > qint64(image.width()) * image.height(),
             qPrintable(QStringLiteral("%1: %2 pixels drawn").arg(name).arg(differing)));
}

// The figures are computed on a worker thread: wait for the newest request to arrive.
bool settle(DashboardView &view)
{
    return QTest::qWaitFor([&view] { return !view.figureModel()->isComputing(); }, 20000);
}

} // namespace

class TestDashboardView : public QObject
{
    Q_OBJECT

    test::DashboardTestClinic c;
    QTemporaryDir out;

    void showPeriod(DashboardView &view)
    {
        view.resize(1366, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setPeriod(test::DashboardTestClinic::from(), test::DashboardTestClinic::to());
        QVERIFY(settle(view));
        QVERIFY2(view.figureModel()->lastError().isEmpty(),
                 qPrintable(view.figureModel()->lastError()));
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(c.create());
        QVERIFY(out.isValid());
    }

    void tilesShowThePeriodBesideThePreviousOne()
    {
        DashboardView view(*c.t.db);
        QCOMPARE(view.tiles().size(), KpiDefinitions::all().size());
        showPeriod(view);
        QCOMPARE(view.findChild<QComboBox *>(QStringLiteral("dashboardPeriod"))->currentText(),
                 KpiPeriodPreset::name(KpiPeriodPreset::Custom));

        FigureTile *appointments = view.tile(Kpi::Appointments);
        QCOMPARE(appointments->valueText(), QStringLiteral("6"));
        QCOMPARE(appointments->previousText(),
                 FigureTile::tr("Before: %1").arg(QStringLiteral("4")));
        QCOMPARE(appointments->changeText(), QStringLiteral("▲ 2"));
        // More appointments is volume, not merit: the change is not coloured.
        QCOMPARE(appointments->assessment(), 0);

        FigureTile *noShows = view.tile(Kpi::NoShowRate);
        QCOMPARE(noShows->valueText(), QStringLiteral("40.0%"));
        QCOMPARE(noShows->baseText(), QStringLiteral("2 of 5"));
        QCOMPARE(noShows->previousText(),
                 FigureTile::tr("Before: %1").arg(QStringLiteral("25.0%")));
        QCOMPARE(noShows->changeText(), QStringLiteral("▲ 15.0 pp"));
        QCOMPARE(noShows->assessment(), -1); // more no-shows: worse, red
        QCOMPARE(noShows->toolTip(), KpiDefinitions::of(Kpi::NoShowRate).definition);

        // Never synced: the view says the figures are this computer's alone.
        QVERIFY2(view.asOfText().contains(QLatin1String("this computer")),
                 qPrintable(view.asOfText()));

        // A filter by practitioner.
        view.setPractitioner(c.alpha);
        QVERIFY(settle(view));
        QCOMPARE(view.filter().practitionerId, c.alpha);
        QCOMPARE(view.tile(Kpi::Appointments)->valueText(), QStringLiteral("4"));
        QCOMPARE(view.tile(Kpi::NoShowRate)->valueText(), QStringLiteral("33.3%"));
        QCOMPARE(view.tile(Kpi::NoShowRate)->previousText(),
                 FigureTile::tr("Before: %1").arg(QStringLiteral("0.0%")));
        QCOMPARE(view.tile(Kpi::Utilisation)->valueText(), QStringLiteral("5.0%"));
        view.setPractitioner({});
        QVERIFY(settle(view));
        // A filter by room: Beta works in room 2.
        view.setLocation(c.room2);
        QVERIFY(settle(view));
        QCOMPARE(view.tile(Kpi::Appointments)->valueText(), QStringLiteral("2"));
        view.setLocation({});
        QVERIFY(settle(view));
        // A filter by type: none of the appointments is a vaccination.
        view.setAppointmentType(QStringLiteral("vaccination"));
        QVERIFY(settle(view));
        QCOMPARE(view.tile(Kpi::Appointments)->valueText(), QStringLiteral("0"));
        QCOMPARE(view.tile(Kpi::NoShowRate)->valueText(), KpiFigureModel::tr("n/a"));
        view.setAppointmentType({});
        QVERIFY(settle(view));
        QCOMPARE(view.tile(Kpi::Appointments)->valueText(), QStringLiteral("6"));
    }

    void presetsSetTheDates()
    {
        DashboardView view(*c.t.db);
        showPeriod(view);
        view.setPreset(KpiPeriodPreset::ThisWeek);
        QVERIFY(settle(view));
        QCOMPARE(view.filter().from, QDate(2026, 3, 9));
        QCOMPARE(view.filter().to, QDate(2026, 3, 15));
        QCOMPARE(view.figureModel()->report().filter.from, QDate(2026, 3, 9));
        // Last week's figures are this week's "before".
        QCOMPARE(view.tile(Kpi::Appointments)->previousText(),
                 FigureTile::tr("Before: %1").arg(QStringLiteral("6")));

        // Typing a date switches to Custom and computes after a pause.
        auto *from = view.findChild<QDateEdit *>(QStringLiteral("dashboardFrom"));
        auto *to = view.findChild<QDateEdit *>(QStringLiteral("dashboardTo"));
        auto *preset = view.findChild<QComboBox *>(QStringLiteral("dashboardPeriod"));
        to->setDate(test::DashboardTestClinic::to());
        from->setDate(test::DashboardTestClinic::from());
        QCOMPARE(preset->currentData().toInt(), int(KpiPeriodPreset::Custom));
        QTRY_COMPARE(view.figureModel()->report().filter.from, test::DashboardTestClinic::from());
        QVERIFY(settle(view));
        QCOMPARE(view.tile(Kpi::Appointments)->valueText(), QStringLiteral("6"));
    }

    void tileOpensTheRecordsBehindIt()
    {
        DashboardView view(*c.t.db);
        showPeriod(view);
        QSignalSpy opened(&view, &DashboardView::openPatientRequested);

        FigureTile *noShows = view.tile(Kpi::NoShowRate);
        QCOMPARE(noShows->focusPolicy(), Qt::StrongFocus);
        noShows->setFocus();
        QTest::keyClick(noShows, Qt::Key_Space);
        auto *dialog = view.findChild<DrillDownDialog *>();
        QVERIFY(dialog);
        QPointer<DrillDownDialog> guard(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QTableView *table = dialog->table();
        QCOMPARE(table->model()->rowCount(), 2);
        QStringList ids;
        for (int row = 0; row < 2; ++row)
            ids << table->model()->index(row, 0).data(DatabaseTableModel::IdRole).toString();
        ids.sort();
        QStringList expected = c.noShowsThisPeriod;
        expected.sort();
        QCOMPARE(ids, expected);

        // Sorted by start, latest first: Anna's Thursday no-show leads.
        table->sortByColumn(0, Qt::DescendingOrder);
        QCOMPARE(table->model()->index(0, 0).data(KpiDrillDownModel::PatientIdRole).toString(),
                 c.anna);
        // The list as CSV, in the order shown, audited.
        const QString path = out.filePath(QStringLiteral("drill-down.csv"));
        QVERIFY2(dialog->exportCsv(path), qPrintable(dialog->message()));
        const QList<QStringList> rows = parseCsv(readAll(path));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).size(), table->model()->columnCount());
        QCOMPARE(rows.at(0).at(2), KpiService::tr("MRN"));
        // The start in ISO 8601, clinic time, whatever the display's language; the MRN beside
        // the name.
        QCOMPARE(rows.at(1).mid(0, 3),
                 (QStringList{QStringLiteral("2026-03-05T09:00"), QStringLiteral("Adler, Anna"),
                              QStringLiteral("MRN-A")}));
        QCOMPARE(rows.at(2).mid(0, 3),
                 (QStringList{QStringLiteral("2026-03-02T10:00"), QStringLiteral("Berg, Ben"),
                              QStringLiteral("MRN-B")}));
        // The table itself shows the start as the locale writes it, with the whole year.
        const QString start = table->model()->index(0, 0).data().toString();
        QCOMPARE(start, LocaleFormat::fullYearDateTime(QDateTime(QDate(2026, 3, 5), QTime(9, 0))));
        QVERIFY2(start.contains(QLatin1String("2026")), qPrintable(start));
        auto audited = c.t.db->scalar(
            QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'export' AND "
                           "entity_type = 'dashboard-drill-down' AND detail LIKE ?"),
            {QStringLiteral("%drill-down.csv%")});
        QVERIFY(audited);
        QCOMPARE(audited->toLongLong(), 1);
        // Enter opens the patient.
        table->setFocus();
        table->setCurrentIndex(table->model()->index(0, 1));
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().first().toString(), c.anna);

        QTRY_VERIFY(guard.isNull()); // closed, so the profile is not hidden behind it

        // A click works as well as the keyboard.
        QTest::mouseClick(view.tile(Kpi::Appointments), Qt::LeftButton);
        const auto dialogs = view.findChildren<DrillDownDialog *>();
        QVERIFY(!dialogs.isEmpty());
        QCOMPARE(dialogs.last()->table()->model()->rowCount(), 6);
        dialogs.last()->close();
    }

    void tablesExportAsCsv()
    {
        DashboardView view(*c.t.db);
        showPeriod(view);
        const QString figures = out.filePath(QStringLiteral("figures.csv"));
        QVERIFY(view.exportCsv(DashboardView::Table::Figures, figures));
        const QByteArray bytes = readAll(figures);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QList<QStringList> rows = parseCsv(bytes);
        QCOMPARE(rows.size(), KpiDefinitions::all().size() + 1);
        QCOMPARE(rows.at(0),
                 (QStringList{KpiFigureModel::tr("Figure"), KpiFigureModel::tr("This period"),
                              KpiFigureModel::tr("Previous period"), KpiFigureModel::tr("Change"),
                              KpiFigureModel::tr("Of")}));
        const int row = view.figureModel()->rowOf(Kpi::NoShowRate) + 1;
        QCOMPARE(rows.at(row),
                 (QStringList{KpiDefinitions::of(Kpi::NoShowRate).name, QStringLiteral("40.0%"),
                              QStringLiteral("25.0%"), QStringLiteral("▲ 15.0 pp"),
                              QStringLiteral("2 of 5")}));

        const QString weeks = out.filePath(QStringLiteral("weeks.csv"));
        QVERIFY(view.exportCsv(DashboardView::Table::Weeks, weeks));
        const QList<QStringList> weekRows = parseCsv(readAll(weeks));
        QCOMPARE(weekRows.size(), 2);
        // The week by its Monday, in ISO 8601.
        QCOMPARE(weekRows.at(1).at(0), QStringLiteral("2026-03-02"));
        QCOMPARE(weekRows.at(1).at(1), QStringLiteral("6"));

        const QString practitioners = out.filePath(QStringLiteral("practitioners.csv"));
        QVERIFY(view.exportCsv(DashboardView::Table::Practitioners, practitioners));
        const QList<QStringList> practitionerRows = parseCsv(readAll(practitioners));
        QCOMPARE(practitionerRows.size(), 3);
        QCOMPARE(practitionerRows.at(1).at(0), QStringLiteral("Dr. Ada Alpha"));

        const QString heat = out.filePath(QStringLiteral("heat.csv"));
        QVERIFY(view.exportCsv(DashboardView::Table::NoShowHeatMap, heat));
        QCOMPARE(parseCsv(readAll(heat)).size(), 6);
    }

    void wholeDashboardExportsAsPdf()
    {
        DashboardView view(*c.t.db);
        showPeriod(view);
        const QString path = out.filePath(QStringLiteral("dashboard.pdf"));
        QVERIFY(view.exportPdf(path));
        const QByteArray pdf = readAll(path);
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY2(pdf.size() > 20 * 1024, qPrintable(QString::number(pdf.size())));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        // Charts as images, and more than one page (the definitions start a page of their own).
        QVERIFY(pdf.contains("/Subtype /Image"));
        QVERIFY(pdf.count("/Type /Page\n") + pdf.count("/Type /Page ") + pdf.count("/Type /Page/") +
                    pdf.count("/Type /Page>") >=
                2);
    }

    void helpDefinesEveryFigure()
    {
        DashboardView view(*c.t.db);
        showPeriod(view);
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        view.tile(Kpi::Appointments)->setFocus();
        QTest::keyClick(view.tile(Kpi::Appointments), Qt::Key_F1);
        auto *help = view.findChild<KpiHelpDialog *>();
        QVERIFY(help);
        QTRY_VERIFY(help->isVisible());
        const QString text = help->browser()->toPlainText();
        for (const KpiDefinition &d : KpiDefinitions::all()) {
            QVERIFY2(text.contains(d.name), qPrintable(d.name));
            QVERIFY2(text.contains(d.definition.left(40)), qPrintable(d.name));
        }
        help->close();
    }

    void chartsAreDrawn()
    {
        DashboardView view(*c.t.db);
        showPeriod(view);
        QCOMPARE(view.trendChart()->chart()->series().size(), 2);
        verifyDrawn(view.trendChart(), QStringLiteral("weekly-trend"));
        for (auto measure : {PractitionerChart::Utilisation, PractitionerChart::Appointments,
                             PractitionerChart::NoShowRate}) {
            view.practitionerChart()->setMeasure(measure);
            QCOMPARE(view.practitionerChart()->measure(), measure);
            verifyDrawn(view.practitionerChart()->chartView(),
                        QStringLiteral("practitioners-%1").arg(int(measure)));
        }
        NoShowHeatMap *heat = view.heatMap();
        verifyDrawn(heat, QStringLiteral("no-show-heat-map"));
        // Hours drawn: from the first to the last booked hour (09:00 to 14:00).
        QCOMPARE(heat->firstHour(), 9);
        QCOMPARE(heat->lastHour(), 14);
        QVERIFY2(
            heat->cellToolTip(1, 10).contains(QLatin1String("1 no-show(s) of 1 appointment(s)")),
            qPrintable(heat->cellToolTip(1, 10)));
        QVERIFY2(heat->cellToolTip(4, 9).contains(QLatin1String("100.0%")),
                 qPrintable(heat->cellToolTip(4, 9)));
    }

    // Under German the weekly trend writes 1.234 and 12,5%: on its count axis, in each week's
    // tooltip and in what a screen reader reads.
    // A week the period covers only in part (or that is not over) is marked in the chart and
    // the table, its bar lighter: its count is not a whole week's.
    void trendMarksPartialWeeks()
    {
        KpiReport report;
        KpiWeek whole;
        whole.monday = QDate(2026, 3, 2);
        whole.appointments = 60;
        KpiWeek edge;
        edge.monday = QDate(2026, 3, 9);
        edge.appointments = 20;
        edge.days = 2;
        report.weeks = {whole, edge};
        WeeklyTrendChart chart;
        chart.setReport(report);
        auto *axis = qobject_cast<QBarCategoryAxis *>(chart.chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(axis);
        QCOMPARE(axis->categories(),
                 (QStringList{QStringLiteral("W10"), QStringLiteral("W11 (part)")}));
        QVERIFY(chart.weekText(1).contains(QLatin1String("partial week: 2 of 7 days")));
        QVERIFY(!chart.weekText(0).contains(QLatin1String("partial")));
        auto *bars = qobject_cast<QBarSeries *>(chart.chart()->series().value(0));
        QVERIFY(bars && bars->barSets().first()->isBarSelected(1));
        QVERIFY(!bars->barSets().first()->isBarSelected(0));
        QVERIFY(chart.chart()->title().contains(QLatin1String("(part)")));

        KpiBreakdownModel table(KpiBreakdownModel::Weeks);
        table.setReport(report);
        QVERIFY2(
            table.index(1, 0).data().toString().endsWith(QLatin1String("(partial: 2 of 7 days)")),
            qPrintable(table.index(1, 0).data().toString()));
        QVERIFY(!table.index(0, 0).data().toString().contains(QLatin1String("partial")));
    }

    void trendChartWritesNumbersInTheLanguage()
    {
        const QLocale german(QLocale::German, QLocale::Germany);
        QLocale::setDefault(german);
        Translations::install(german);
        const auto english = qScopeGuard([] {
            QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
            Translations::install(QLocale::c());
        });
        KpiReport report;
        KpiWeek busy;
        busy.monday = QDate(2026, 3, 2);
        busy.appointments = 1234;
        busy.noShows = 154;
        busy.noShowRate = 154.0 / 1234.0;
        KpiWeek quiet;
        quiet.monday = QDate(2026, 3, 9);
        quiet.appointments = 1;
        quiet.noShowRate = 0.0;
        report.weeks = {busy, quiet};
        WeeklyTrendChart chart;
        chart.resize(700, 400);
        chart.setReport(report);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QCoreApplication::processEvents();

        QCOMPARE(chart.weekText(0),
                 QStringLiteral("KW10: 1.234 Termine, Nichterscheinensquote 12,5%"));
        QCOMPARE(chart.weekText(1), QStringLiteral("KW11: 1 Termin, Nichterscheinensquote 0,0%"));
        QCOMPARE(chart.accessibleDescription(),
                 chart.weekText(0) + QStringLiteral("; ") + chart.weekText(1));
        // Pointing at a bar shows its week.
        auto *bars = qobject_cast<QBarSeries *>(chart.chart()->series().value(0));
        QVERIFY(bars && !bars->barSets().isEmpty());
        emit bars->barSets().first()->hovered(true, 0);
        QTRY_COMPARE(QToolTip::text(), chart.weekText(0));
        emit bars->barSets().first()->hovered(false, 0);

        QStringList labels;
        for (const QGraphicsItem *item : chart.scene()->items())
            if (const auto *text = qgraphicsitem_cast<const QGraphicsTextItem *>(item))
                labels << text->toPlainText();
        // The count axis reaches past 1.234 in German thousands (1.500), never C's 1500; the
        // percent axis reads 25%.
        static const QRegularExpression grouped(QStringLiteral("^1\\.[0-9]00$"));
        QVERIFY2(labels.indexOf(grouped) >= 0, qPrintable(labels.join(QStringLiteral(" | "))));
        static const QRegularExpression plain(QStringLiteral("^1[0-9]00$"));
        QVERIFY2(labels.indexOf(plain) < 0, qPrintable(labels.join(QStringLiteral(" | "))));
        QVERIFY2(labels.contains(QStringLiteral("25%")),
                 qPrintable(labels.join(QStringLiteral(" | "))));
    }

    // English takes its plurals from its catalogue: one week reads "1 appointment", another
    // "1,234 appointments".
    void trendChartCountsInEnglish()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));
        const auto plain = qScopeGuard([] { Translations::install(QLocale::c()); });
        KpiReport report;
        KpiWeek busy;
        busy.monday = QDate(2026, 3, 2);
        busy.appointments = 1234;
        KpiWeek quiet;
        quiet.monday = QDate(2026, 3, 9);
        quiet.appointments = 1;
        KpiWeek two;
        two.monday = QDate(2026, 3, 16);
        two.appointments = 2;
        report.weeks = {busy, quiet, two};
        WeeklyTrendChart chart;
        chart.setReport(report);
        QCOMPARE(chart.weekText(0), QStringLiteral("W10: 1,234 appointments"));
        QCOMPARE(chart.weekText(1), QStringLiteral("W11: 1 appointment"));
        QCOMPARE(chart.weekText(2), QStringLiteral("W12: 2 appointments"));
    }

    void onlyManagersSeeFigures()
    {
        StaffAccountRepository accounts(*c.t.db);
        const QString password = QStringLiteral("orbit lantern 42 quartz");
        QVERIFY(accounts.create(QStringLiteral("rita"), Role::Receptionist, password).ok());
        QVERIFY(accounts.create(QStringLiteral("mona"), Role::Manager, password).ok());
        Session session(*c.t.db);
        QVERIFY(session.signIn(QStringLiteral("rita"), password).ok());

        DashboardView view(*c.t.db);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!view.figureModel()->hasReport());
        auto *pages = view.findChild<QStackedWidget *>();
        QVERIFY(pages);
        QVERIFY(qobject_cast<QLabel *>(pages->currentWidget()));
        QCOMPARE(view.tile(Kpi::Appointments)->valueText(), FigureTile::tr("…"));
        QVERIFY(view.openDrillDown(Kpi::NoShowRate) == nullptr);

        QVERIFY(session.signOut().ok());
        QVERIFY(session.signIn(QStringLiteral("mona"), password).ok());
        view.setPeriod(test::DashboardTestClinic::from(), test::DashboardTestClinic::to());
        QVERIFY(settle(view));
        QVERIFY(view.figureModel()->hasReport());
        QCOMPARE(view.tile(Kpi::Appointments)->valueText(), QStringLiteral("6"));
        QVERIFY(session.signOut().ok());
    }
};

QTEST_MAIN(TestDashboardView)
#include "tst_dashboardview.moc"

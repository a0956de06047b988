// The small parts the views share (ui/common): one status palette for the calendar and the
// lists, readable on a light and on a dark palette; the weekday and time-of-day pickers of the
// waitlist, find-a-time and schedule-settings dialogs; the shortcut and heading helpers.

#include "common/StatusPalette.h"
#include "common/TimeWindowEdit.h"
#include "common/ViewHelpers.h"
#include "common/WeekdayPicker.h"
#include "schedule/DayCalendarView.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPalette>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>
#include <QToolButton>

#include <cmath>

using namespace frontdesk;

namespace {

// WCAG 2 contrast ratio of two colours (1 to 21).
double contrast(const QColor &a, const QColor &b)
{
    auto luminance = [](const QColor &c) {
        auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Button, QColor(0x3c, 0x3c, 0x3c));
    dark.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    return dark;
}

const QStringList kStatuses{
    QStringLiteral("booked"),    QStringLiteral("confirmed"), QStringLiteral("arrived"),
    QStringLiteral("in-room"),   QStringLiteral("completed"), QStringLiteral("cancelled"),
    QStringLiteral("no-show"),   QStringLiteral("queued"),    QStringLiteral("sent"),
    QStringLiteral("delivered"), QStringLiteral("failed"),    QStringLiteral("received")};

} // namespace

class TestViewParts : public QObject
{
    Q_OBJECT

private slots:
    // A 15-minute block is one line: the family name always shows, what else fits around it.
    void aSmallBlockKeepsTheFamilyName()
    {
        QFont bold = QApplication::font();
        bold.setBold(true);
        const QFontMetrics m(bold);
        const QString time = QStringLiteral("09:15");
        const QString name = QStringLiteral("Schwarzenegger-Hohenberg, Maximiliane");
        const QString family = QStringLiteral("Schwarzenegger-Hohenberg");
        const QString full = time + QLatin1Char(' ') + name;
        QCOMPARE(DayCalendarView::blockTitle(m, time, name, m.horizontalAdvance(full)), full);
        const QString timeAndFamily = time + QLatin1Char(' ') + family;
        QCOMPARE(DayCalendarView::blockTitle(m, time, name, m.horizontalAdvance(full) - 1),
                 timeAndFamily);
        QCOMPARE(DayCalendarView::blockTitle(m, time, name, m.horizontalAdvance(timeAndFamily) - 1),
                 family);
        QCOMPARE(DayCalendarView::blockTitle(m, time, name, m.horizontalAdvance(family)), family);
        // Narrower still: elided, but never something else than the family name.
        const QString elided =
            DayCalendarView::blockTitle(m, time, name, m.horizontalAdvance(family) / 2);
        QVERIFY(elided.endsWith(QChar(0x2026)));
        QVERIFY(family.startsWith(elided.chopped(1)));
    }

    void everyStatusIsReadableOnLightAndDarkPalettes_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("dark");
        for (const QString &status : kStatuses) {
            QTest::newRow(qPrintable(status + QStringLiteral(" light"))) << status << false;
            QTest::newRow(qPrintable(status + QStringLiteral(" dark"))) << status << true;
        }
    }

    void everyStatusIsReadableOnLightAndDarkPalettes()
    {
        QFETCH(QString, status);
        QFETCH(bool, dark);
        const QPalette palette = dark ? darkPalette() : QApplication::style()->standardPalette();
        const auto colors = StatusPalette::colorsFor(status, palette);
        QVERIFY2(colors, qPrintable(status));
        const double ratio = contrast(colors->background, colors->text);
        QVERIFY2(
            ratio >= 4.5,
            qPrintable(
                QStringLiteral("%1: contrast %2 below 4.5").arg(status).arg(ratio, 0, 'f', 2)));
    }

    void quietStatusesFollowThePaletteAndNewsKeepsItsHue()
    {
        const QPalette dark = darkPalette();
        const auto cancelled = StatusPalette::colorsFor(QStringLiteral("cancelled"), dark);
        QCOMPARE(cancelled->background, dark.color(QPalette::Button));
        QCOMPARE(cancelled->text, dark.color(QPalette::ButtonText));
        // A no-show reads alike in both themes: the calendar and the list share it.
        QCOMPARE(StatusPalette::colorsFor(QStringLiteral("no-show"), dark)->background,
                 StatusPalette::colorsFor(QStringLiteral("no-show"), QPalette())->background);
        QVERIFY(!StatusPalette::colorsFor(QStringLiteral("no-such-status"), dark));
    }

    void weekdaysRoundTrip()
    {
        WeekdayPicker picker;
        QVERIFY(picker.weekdays().isEmpty());
        picker.setWeekdays({1, 3, 7});
        QCOMPARE(picker.weekdays(), (QSet<int>{1, 3, 7}));
        const auto boxes = picker.findChildren<QCheckBox *>();
        QCOMPARE(boxes.size(), 7);
        boxes.at(1)->setChecked(true);
        QCOMPARE(picker.weekdays(), (QSet<int>{1, 2, 3, 7}));
    }

    void theLastMinuteStandsForTheEndOfTheDay()
    {
        TimeWindowEdit window(0, 24 * 60);
        QVERIFY(window.isWholeDay());
        QCOMPARE(window.toMinute(), 24 * 60);
        window.setWindow(8 * 60 + 30, 12 * 60);
        QVERIFY(!window.isWholeDay());
        QCOMPARE(window.fromMinute(), 8 * 60 + 30);
        QCOMPARE(window.toMinute(), 12 * 60);
        const auto edits = window.findChildren<QTimeEdit *>();
        QCOMPARE(edits.size(), 2);
        edits.at(1)->setTime(QTime(23, 59));
        QCOMPARE(window.toMinute(), 24 * 60);
        edits.at(1)->setTime(QTime(23, 58));
        QCOMPARE(window.toMinute(), 23 * 60 + 58);
    }

    // A save or open dialog starts in the person's Documents folder, wherever the program was
    // started: the XDG user directory where one is set, else ~/Documents.
    void fileDialogsStartInTheDocumentsFolder()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QByteArray oldHome = qgetenv("HOME");
        const QByteArray oldConfig = qgetenv("XDG_CONFIG_HOME");
        const auto restore = qScopeGuard([&] {
            qputenv("HOME", oldHome);
            if (oldConfig.isNull())
                qunsetenv("XDG_CONFIG_HOME");
            else
                qputenv("XDG_CONFIG_HOME", oldConfig);
        });
        qputenv("HOME", home.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
        QCOMPARE(view::documentsFolder(), home.filePath(QStringLiteral("Documents")));
        QCOMPARE(view::inDocuments(QStringLiteral("day-list-2026-03-03.pdf")),
                 home.filePath(QStringLiteral("Documents/day-list-2026-03-03.pdf")));

        QVERIFY(QDir(home.path()).mkpath(QStringLiteral("config")));
        QFile dirs(home.filePath(QStringLiteral("config/user-dirs.dirs")));
        QVERIFY(dirs.open(QIODevice::WriteOnly));
        dirs.write("XDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n");
        dirs.close();
        QCOMPARE(view::inDocuments(QStringLiteral("audit-trail.csv")),
                 home.filePath(QStringLiteral("Dokumente/audit-trail.csv")));
        QVERIFY(!view::inDocuments(QStringLiteral("x.csv"))
                     .startsWith(QCoreApplication::applicationDirPath() + QLatin1Char('/')));
    }

    // An MRN reads "MRN0100266", never "MRN MRN0100266"; a bare number gets the prefix.
    void anMrnIsNamedOnce()
    {
        QCOMPARE(view::mrn(QStringLiteral("MRN0100266")), QStringLiteral("MRN0100266"));
        QCOMPARE(view::mrn(QStringLiteral("mrn0100266")), QStringLiteral("mrn0100266"));
        QCOMPARE(view::mrn(QStringLiteral("0100266")), QStringLiteral("MRN 0100266"));
    }

    void shortcutsAreNamedInTheTooltip()
    {
        QWidget owner;
        QAction *today = view::shortcutAction(&owner, QStringLiteral("Today"),
                                              QKeySequence(Qt::CTRL | Qt::Key_Home));
        QCOMPARE(today->shortcutContext(), Qt::WidgetWithChildrenShortcut);
        QCOMPARE(
            today->toolTip(),
            QStringLiteral("Today (%1)")
                .arg(QKeySequence(Qt::CTRL | Qt::Key_Home).toString(QKeySequence::NativeText)));
        QVERIFY(owner.actions().contains(today));
        QAction *tipped =
            view::shortcutAction(&owner, QStringLiteral("▶"), QKeySequence(Qt::ALT | Qt::Key_Right),
                                 QStringLiteral("Next day"));
        QVERIFY(tipped->toolTip().startsWith(QStringLiteral("Next day (")));
        QToolButton *button = view::textButton(&owner, tipped);
        QCOMPARE(button->defaultAction(), tipped);
        QCOMPARE(button->toolButtonStyle(), Qt::ToolButtonTextOnly);

        QLabel heading(QStringLiteral("Recent messages"));
        const qreal size = heading.font().pointSizeF();
        view::makeHeading(&heading, 1.25);
        QVERIFY(heading.font().bold());
        QCOMPARE(heading.font().pointSizeF(), size * 1.25);
    }
};

QTEST_MAIN(TestViewParts)
#include "tst_viewparts.moc"

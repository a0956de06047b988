#include "TestClock.h"

#include "common/InfoBar.h"

#include <QTest>
#include <QTimer>

using namespace frontdesk;

// A view's info bar: information goes after 10 s (longer for a long text), an error after 30 s
// or at the next action. The test moves a TestClock; nothing waits.
class TestInfoBar : public QObject
{
    Q_OBJECT

    TestClock m_clock{QDateTime(QDate(2026, 3, 3), QTime(9, 0), Qt::UTC)};

    InfoBar *bar(QWidget *parent)
    {
        return new InfoBar([this] { return m_clock.nowUtc(); }, parent);
    }
    // The bar after the clock moved on by `seconds`.
    bool shownAfter(InfoBar *b, int seconds)
    {
        m_clock.advanceSecs(seconds);
        b->lifetime()->expireIfDue();
        return b->isVisibleTo(b->parentWidget());
    }

private slots:
    void informationGoesAfterTenSeconds()
    {
        QWidget window;
        InfoBar *b = bar(&window);
        QVERIFY(!b->isVisibleTo(&window));
        b->showInfo(QStringLiteral("Saved the day list to /home/rita/Documents/day.pdf."));
        QVERIFY(b->isVisibleTo(&window));
        QVERIFY(!b->isError());
        // The timer that wakes the check is set for the same moment.
        auto *timer = b->findChild<QTimer *>(QStringLiteral("messageLifetimeTimer"));
        QVERIFY(timer && timer->isActive());
        QCOMPARE(timer->interval(), 10000);
        QVERIFY(shownAfter(b, 9));
        QVERIFY(!shownAfter(b, 1));
        QVERIFY(b->text().isEmpty());
        QVERIFY(!timer->isActive());
    }

    void aLongTextStaysLongEnoughToRead()
    {
        QWidget window;
        InfoBar *b = bar(&window);
        const QString text(300, QLatin1Char('x'));
        b->showInfo(text);
        QCOMPARE(MessageLifetime::lifetimeMs(MessageLifetime::Kind::Info, text), 21000);
        QVERIFY(shownAfter(b, 20));
        QVERIFY(!shownAfter(b, 1));
    }

    void anErrorStaysThirtySecondsOrUntilTheNextAction()
    {
        QWidget window;
        InfoBar *b = bar(&window);
        b->showError(QStringLiteral("Dr. Adler is already booked then."));
        QVERIFY(b->isError());
        QVERIFY(b->styleSheet().contains(QStringLiteral("#fdecea")));
        QVERIFY(shownAfter(b, 29));
        QVERIFY(!shownAfter(b, 1));
        QVERIFY(!b->isError());

        // The next action that went well clears it at once.
        b->showError(QStringLiteral("Dr. Adler is already booked then."));
        QVERIFY(shownAfter(b, 5));
        b->clearMessage();
        QVERIFY(!b->isVisibleTo(&window));
        QVERIFY(!b->lifetime()->isRunning());

        // Or replaces it: information after an error lives as information.
        b->showError(QStringLiteral("Could not save."));
        b->showInfo(QStringLiteral("Saved."));
        QVERIFY(!b->isError());
        QVERIFY(shownAfter(b, 9));
        QVERIFY(!shownAfter(b, 1));

        // An empty message is no message.
        b->showError(QString());
        QVERIFY(!b->isVisibleTo(&window));
    }

    void aTimerThatWakesEarlyWaitsForTheClock()
    {
        QWidget window;
        InfoBar *b = bar(&window);
        b->showInfo(QStringLiteral("Undone: check-in."));
        m_clock.advanceSecs(4);
        // As the timer would, too early by the clock (the machine slept, or the clock was set).
        b->lifetime()->expireIfDue();
        QVERIFY(b->isVisibleTo(&window));
        auto *timer = b->findChild<QTimer *>(QStringLiteral("messageLifetimeTimer"));
        QVERIFY(timer->isActive());
        QCOMPARE(timer->interval(), 6000);
    }
};

QTEST_MAIN(TestInfoBar)
#include "tst_infobar.moc"

#include "scheduling/StatusTransitions.h"

#include <QTest>

using namespace frontdesk;
using S = AppointmentStatus;

namespace {
const QList<S> kAll{S::Booked,    S::Confirmed, S::Arrived, S::InRoom,
                    S::Completed, S::Cancelled, S::NoShow};

Appointment appointmentIn(S status)
{
    Appointment a;
    a.meta.id = QStringLiteral("a1");
    a.status = status;
    a.start = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    a.end = a.start.addSecs(15 * 60);
    return a;
}

StatusChange change(const QString &id, std::optional<S> from, S to, qint64 at,
                    const QString &reverts = {})
{
    StatusChange c;
    c.meta.id = id;
    c.from = from;
    c.to = to;
    c.changedAtMs = at;
    c.revertsId = reverts;
    return c;
}
} // namespace

class TestStatusTransitions : public QObject
{
    Q_OBJECT
private slots:
    void matrix_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<bool>("allowed");
        // The legal graph, written out once more by hand: every other pair is illegal.
        const QList<QPair<S, S>> legal{{S::Booked, S::Confirmed},  {S::Booked, S::Arrived},
                                       {S::Booked, S::Cancelled},  {S::Booked, S::NoShow},
                                       {S::Confirmed, S::Arrived}, {S::Confirmed, S::Cancelled},
                                       {S::Confirmed, S::NoShow},  {S::Arrived, S::InRoom},
                                       {S::Arrived, S::Cancelled}, {S::InRoom, S::Completed}};
        for (S from : kAll) {
            for (S to : kAll) {
                const QByteArray name = (appointmentStatusName(from) + QStringLiteral(" -> ") +
                                         appointmentStatusName(to))
                                            .toUtf8();
                QTest::newRow(name.constData())
                    << int(from) << int(to) << legal.contains(qMakePair(from, to));
            }
        }
    }
    void matrix()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(bool, allowed);
        QCOMPARE(StatusTransitions::isAllowed(S(from), S(to)), allowed);
        // check() agrees with the graph once the extra rules are satisfied: a cancellation
        // with reason and who, a no-show after the start.
        const Appointment a = appointmentIn(S(from));
        StatusTransitions::Request r{S(to), {}, CancelledBy::Nobody};
        if (S(to) == S::Cancelled) {
            r.reason = QStringLiteral("Feeling better");
            r.cancelledBy = CancelledBy::Patient;
        }
        const qint64 afterStart = a.start.toMSecsSinceEpoch() + 60'000;
        const Status s = StatusTransitions::check(a, r, afterStart);
        QCOMPARE(s.ok(), allowed);
        if (!allowed)
            QVERIFY(!s.error().isEmpty());
    }

    void finalStatusesHaveNoWayOut()
    {
        for (S s : {S::Completed, S::Cancelled, S::NoShow}) {
            QVERIFY(StatusTransitions::isFinal(s));
            const Status st = StatusTransitions::check(appointmentIn(s), {S::Booked, {}, {}}, 0);
            QVERIFY(!st);
            QVERIFY2(st.error().contains(QStringLiteral("revert")), qPrintable(st.error()));
        }
        QVERIFY(!StatusTransitions::isFinal(S::Booked));
    }

    void cancellationNeedsReasonAndWho()
    {
        const Appointment a = appointmentIn(S::Booked);
        QVERIFY(!StatusTransitions::check(a, {S::Cancelled, QString(), CancelledBy::Patient}, 0));
        QVERIFY(!StatusTransitions::check(
            a, {S::Cancelled, QStringLiteral("  "), CancelledBy::Clinic}, 0));
        QVERIFY(!StatusTransitions::check(
            a, {S::Cancelled, QStringLiteral("Ill"), CancelledBy::Nobody}, 0));
        QVERIFY(StatusTransitions::check(
            a, {S::Cancelled, QStringLiteral("Ill"), CancelledBy::Patient}, 0));
        QVERIFY(StatusTransitions::check(
            a, {S::Cancelled, QStringLiteral("Doctor ill"), CancelledBy::Clinic}, 0));
        // Only cancellations name who cancelled.
        QVERIFY(!StatusTransitions::check(a, {S::Confirmed, {}, CancelledBy::Clinic}, 0));
    }

    void noShowOnlyOnceBegun()
    {
        const Appointment a = appointmentIn(S::Confirmed);
        const qint64 start = a.start.toMSecsSinceEpoch();
        QVERIFY(!StatusTransitions::check(a, {S::NoShow, {}, {}}, start - 1));
        QVERIFY(StatusTransitions::check(a, {S::NoShow, {}, {}}, start));
    }

    void sameStatusIsRefused()
    {
        QVERIFY(!StatusTransitions::check(appointmentIn(S::Booked), {S::Booked, {}, {}}, 0));
    }

    void revertTakesBackTheLatestStandingChange()
    {
        QList<StatusChange> h{change(QStringLiteral("h1"), std::nullopt, S::Booked, 1),
                              change(QStringLiteral("h2"), S::Booked, S::Arrived, 2)};
        auto r = StatusTransitions::revertible(h, S::Arrived);
        QVERIFY(r);
        QCOMPARE(r->meta.id, QStringLiteral("h2"));
        QCOMPARE(*r->from, S::Booked);
        QCOMPARE(StatusTransitions::arrivedAtMs(h).value_or(-1), 2);

        // After reverting h2 the booking itself is on top: nothing more to revert, and the
        // check-in no longer stands although the history keeps it.
        h << change(QStringLiteral("h3"), S::Arrived, S::Booked, 3, QStringLiteral("h2"));
        QVERIFY(!StatusTransitions::revertible(h, S::Booked));
        QVERIFY(!StatusTransitions::arrivedAtMs(h));
        QCOMPARE(h.size(), 3);

        // A later check-in (the right patient) stands again.
        h << change(QStringLiteral("h4"), S::Booked, S::Arrived, 4);
        QCOMPARE(StatusTransitions::arrivedAtMs(h).value_or(-1), 4);
        h << change(QStringLiteral("h5"), S::Arrived, S::InRoom, 5);
        QCOMPARE(StatusTransitions::revertible(h, S::InRoom)->meta.id, QStringLiteral("h5"));
        h << change(QStringLiteral("h6"), S::InRoom, S::Arrived, 6, QStringLiteral("h5"));
        QCOMPARE(StatusTransitions::revertible(h, S::Arrived)->meta.id, QStringLiteral("h4"));
    }

    void revertRefusedWhenTheHistoryDoesNotMatch()
    {
        // Demo data and appointments changed elsewhere may lack history: nothing to revert.
        QVERIFY(!StatusTransitions::revertible({}, S::NoShow));
        const QList<StatusChange> h{change(QStringLiteral("h1"), S::Booked, S::NoShow, 1)};
        QVERIFY(!StatusTransitions::revertible(h, S::Booked));
        QVERIFY(StatusTransitions::revertible(h, S::NoShow));
    }
};

QTEST_GUILESS_MAIN(TestStatusTransitions)
#include "tst_statustransitions.moc"

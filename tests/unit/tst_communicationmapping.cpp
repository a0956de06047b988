// A message as the Communication that travels to and from frontdesk-server: every field and
// status through a round trip, FHIR's own statuses read without our extension, and what is not
// a message refused naming the element.
#include "fhir/CommunicationMapping.h"

#include <QJsonArray>
#include <QTest>

using namespace frontdesk;

class TestCommunicationMapping : public QObject
{
    Q_OBJECT

private:
    static Message reminder()
    {
        Message m;
        m.meta.id = QStringLiteral("msg-1");
        m.patientId = QStringLiteral("pat-1");
        m.appointmentId = QStringLiteral("appt-1");
        m.channel = QStringLiteral("email");
        m.purpose = QStringLiteral("reminder");
        m.subject = QStringLiteral("Ihr Termin am Dienstag – Praxis Müller");
        m.body = QStringLiteral("Grüße 👋\nBitte bestätigen Sie mit C.");
        return m;
    }

private slots:
    void everyStatusMakesTheRoundTrip_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("direction");
        QTest::addColumn<QString>("fhir");
        QTest::newRow("queued") << QStringLiteral("queued") << QStringLiteral("outbound")
                                << QStringLiteral("preparation");
        QTest::newRow("sent") << QStringLiteral("sent") << QStringLiteral("outbound")
                              << QStringLiteral("in-progress");
        QTest::newRow("delivered") << QStringLiteral("delivered") << QStringLiteral("outbound")
                                   << QStringLiteral("completed");
        QTest::newRow("failed") << QStringLiteral("failed") << QStringLiteral("outbound")
                                << QStringLiteral("not-done");
        QTest::newRow("received") << QStringLiteral("received") << QStringLiteral("inbound")
                                  << QStringLiteral("completed");
    }
    void everyStatusMakesTheRoundTrip()
    {
        QFETCH(QString, status);
        QFETCH(QString, direction);
        QFETCH(QString, fhir);
        Message m = reminder();
        m.status = status;
        m.direction = direction;
        m.sentAt = QDateTime(QDate(2026, 7, 6), QTime(9, 0, 1, 250), Qt::UTC);
        m.deliveredAt = QDateTime(QDate(2026, 7, 6), QTime(9, 0, 4), Qt::UTC);
        m.providerMessageId = QStringLiteral("<msg-1@clinic.example>");
        m.fromAddress =
            direction == QLatin1String("inbound") ? QStringLiteral("+491701234567") : QString();
        if (status == QLatin1String("failed"))
            m.failureReason = QStringLiteral("550 5.1.1 mailbox unavailable");
        m.authorId = QStringLiteral("staff-7");
        m.authorName = QStringLiteral("Jürgen Weiß");
        m.readAt = QDateTime(QDate(2026, 7, 6), QTime(9, 30, 0, 5), Qt::UTC);
        m.assignedTo = QStringLiteral("staff-9");
        m.assignedName = QStringLiteral("Ana Núñez");
        m.templateName = QStringLiteral("Erinnerung 48 h");
        m.ruleName = QStringLiteral("reminder-48h");
        const QJsonObject o = CommunicationMapping::toFhir(m);
        QCOMPARE(o.value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("Communication"));
        QCOMPARE(o.value(QStringLiteral("status")).toString(), fhir);
        if (direction == QLatin1String("inbound"))
            QCOMPARE(o.value(QStringLiteral("sender"))
                         .toObject()
                         .value(QStringLiteral("reference"))
                         .toString(),
                     QStringLiteral("Patient/pat-1"));
        else
            QCOMPARE(o.value(QStringLiteral("recipient"))
                         .toArray()
                         .first()
                         .toObject()
                         .value(QStringLiteral("reference"))
                         .toString(),
                     QStringLiteral("Patient/pat-1"));
        QCOMPARE(o.contains(QStringLiteral("statusReason")), status == QLatin1String("failed"));

        auto back = CommunicationMapping::messageFromFhir(o);
        QVERIFY2(back, qPrintable(back ? QString() : back.error()));
        QCOMPARE(back->meta.id, m.meta.id);
        QCOMPARE(back->patientId, m.patientId);
        QCOMPARE(back->appointmentId, m.appointmentId);
        QCOMPARE(back->direction, m.direction);
        QCOMPARE(back->channel, m.channel);
        QCOMPARE(back->purpose, m.purpose);
        QCOMPARE(back->subject, m.subject);
        QCOMPARE(back->body, m.body);
        QCOMPARE(back->status, m.status);
        QCOMPARE(back->sentAt, m.sentAt);
        QCOMPARE(back->deliveredAt, m.deliveredAt);
        QCOMPARE(back->failureReason, m.failureReason);
        QCOMPARE(back->providerMessageId, m.providerMessageId);
        QCOMPARE(back->fromAddress, m.fromAddress);
        QCOMPARE(back->authorId, m.authorId);
        QCOMPARE(back->authorName, m.authorName);
        QCOMPARE(back->readAt, m.readAt);
        QCOMPARE(back->assignedTo, m.assignedTo);
        QCOMPARE(back->assignedName, m.assignedName);
        QCOMPARE(back->templateName, m.templateName);
        QCOMPARE(back->ruleName, m.ruleName);
    }

    void anAutomatedMessageHasNoAuthorAndAnUnreadOneNoReadTime()
    {
        Message m = reminder();
        m.ruleName = QStringLiteral("reminder-2h");
        const QJsonObject o = CommunicationMapping::toFhir(m);
        QStringList urls;
        for (const QJsonValue &e : o.value(QStringLiteral("extension")).toArray())
            urls << e.toObject().value(QStringLiteral("url")).toString();
        QVERIFY(!urls.contains(CommunicationMapping::authorUrl()));
        QVERIFY(!urls.contains(CommunicationMapping::readAtUrl()));
        QVERIFY(!urls.contains(CommunicationMapping::assigneeUrl()));
        QVERIFY(urls.contains(CommunicationMapping::ruleUrl()));
        auto back = CommunicationMapping::messageFromFhir(o);
        QVERIFY2(back, qPrintable(back ? QString() : back.error()));
        QVERIFY(back->authorId.isEmpty() && back->authorName.isEmpty());
        QVERIFY(!back->readAt.isValid());
        QVERIFY(back->assignedTo.isEmpty());
        QCOMPARE(back->ruleName, m.ruleName);
    }

    void anUnassignedInboundMessageKeepsItsCandidates()
    {
        Message m;
        m.direction = QStringLiteral("inbound");
        m.status = QStringLiteral("received");
        m.channel = QStringLiteral("sms");
        m.body = QStringLiteral("C");
        m.fromAddress = QStringLiteral("+491709999999");
        m.candidatePatientIds = {QStringLiteral("pat-1"), QStringLiteral("pat-2")};
        const QJsonObject o = CommunicationMapping::toFhir(m);
        QVERIFY(!o.contains(QStringLiteral("subject")));
        auto back = CommunicationMapping::messageFromFhir(o);
        QVERIFY2(back, qPrintable(back ? QString() : back.error()));
        QVERIFY(back->patientId.isEmpty());
        QCOMPARE(back->direction, QStringLiteral("inbound"));
        QCOMPARE(back->candidatePatientIds, m.candidatePatientIds);
        QCOMPARE(back->fromAddress, m.fromAddress);
    }

    void fhirsOwnStatusesReadWithoutTheExtension_data()
    {
        QTest::addColumn<QString>("fhir");
        QTest::addColumn<bool>("inbound");
        QTest::addColumn<QString>("ours");
        QTest::newRow("preparation")
            << QStringLiteral("preparation") << false << QStringLiteral("queued");
        QTest::newRow("on-hold") << QStringLiteral("on-hold") << false << QStringLiteral("queued");
        QTest::newRow("in-progress")
            << QStringLiteral("in-progress") << false << QStringLiteral("sent");
        QTest::newRow("completed out")
            << QStringLiteral("completed") << false << QStringLiteral("delivered");
        QTest::newRow("completed in")
            << QStringLiteral("completed") << true << QStringLiteral("received");
        QTest::newRow("not-done") << QStringLiteral("not-done") << false
                                  << QStringLiteral("failed");
        QTest::newRow("stopped") << QStringLiteral("stopped") << false << QStringLiteral("failed");
    }
    void fhirsOwnStatusesReadWithoutTheExtension()
    {
        QFETCH(QString, fhir);
        QFETCH(bool, inbound);
        QFETCH(QString, ours);
        QJsonObject o = CommunicationMapping::toFhir(reminder());
        o.remove(QStringLiteral("extension"));
        o.insert(QStringLiteral("status"), fhir);
        if (inbound) {
            o.insert(QStringLiteral("sender"), o.value(QStringLiteral("subject")));
            o.remove(QStringLiteral("recipient"));
        }
        auto m = CommunicationMapping::messageFromFhir(o);
        QVERIFY2(m, qPrintable(m ? QString() : m.error()));
        QCOMPARE(m->status, ours);
        QCOMPARE(m->direction, inbound ? QStringLiteral("inbound") : QStringLiteral("outbound"));
    }

    void whatIsNoMessageIsRefusedNamingTheElement_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("named");
        QTest::newRow("type") << QStringLiteral("resourceType")
                              << QJsonValue(QStringLiteral("Patient"))
                              << QStringLiteral("resourceType");
        QTest::newRow("status") << QStringLiteral("status") << QJsonValue(QStringLiteral("sending"))
                                << QStringLiteral("status");
        QTest::newRow("own status")
            << QStringLiteral("extension")
            << QJsonValue(QJsonArray{
                   QJsonObject{{QStringLiteral("url"), CommunicationMapping::statusUrl()},
                               {QStringLiteral("valueCode"), QStringLiteral("lost")}}})
            << QStringLiteral("urn:frontdesk:message-status");
        QTest::newRow("subject") << QStringLiteral("subject")
                                 << QJsonValue(QJsonObject{
                                        {QStringLiteral("reference"), QStringLiteral("Group/1")}})
                                 << QStringLiteral("Patient/ID");
        QTest::newRow("no subject")
            << QStringLiteral("subject") << QJsonValue() << QStringLiteral("subject");
        QTest::newRow("channel")
            << QStringLiteral("medium")
            << QJsonValue(QJsonArray{QJsonObject{
                   {QStringLiteral("coding"),
                    QJsonArray{QJsonObject{
                        {QStringLiteral("system"), CommunicationMapping::channelSystem()},
                        {QStringLiteral("code"), QStringLiteral("fax")}}}}}})
            << QStringLiteral("medium");
        QTest::newRow("purpose") << QStringLiteral("category") << QJsonValue()
                                 << QStringLiteral("category");
        QTest::newRow("no text") << QStringLiteral("payload") << QJsonValue()
                                 << QStringLiteral("contentString");
        QTest::newRow("attachment")
            << QStringLiteral("payload")
            << QJsonValue(
                   QJsonArray{QJsonObject{{QStringLiteral("contentAttachment"), QJsonObject{}}}})
            << QStringLiteral("contentString");
        QTest::newRow("about") << QStringLiteral("about")
                               << QJsonValue(QJsonArray{QJsonObject{
                                      {QStringLiteral("reference"), QStringLiteral("Patient/x")}}})
                               << QStringLiteral("Appointment/ID");
        QTest::newRow("read at") << QStringLiteral("extension")
                                 << QJsonValue(QJsonArray{QJsonObject{
                                        {QStringLiteral("url"), CommunicationMapping::readAtUrl()},
                                        {QStringLiteral("valueInstant"),
                                         QStringLiteral("yesterday")}}})
                                 << QStringLiteral("urn:frontdesk:message-read-at");
        QTest::newRow("author") << QStringLiteral("extension")
                                << QJsonValue(QJsonArray{QJsonObject{
                                       {QStringLiteral("url"), CommunicationMapping::authorUrl()},
                                       {QStringLiteral("valueReference"), QJsonObject{}}}})
                                << QStringLiteral("urn:frontdesk:message-author");
        QTest::newRow("assignee system")
            << QStringLiteral("extension")
            << QJsonValue(QJsonArray{QJsonObject{
                   {QStringLiteral("url"), CommunicationMapping::assigneeUrl()},
                   {QStringLiteral("valueReference"),
                    QJsonObject{{QStringLiteral("identifier"),
                                 QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:x")},
                                             {QStringLiteral("value"), QStringLiteral("s1")}}}}}}})
            << QStringLiteral("urn:frontdesk:message-assignee");
        QTest::newRow("sent") << QStringLiteral("sent")
                              << QJsonValue(QStringLiteral("2026-07-06 09:00"))
                              << QStringLiteral("sent");
    }
    void whatIsNoMessageIsRefusedNamingTheElement()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, named);
        QJsonObject o = CommunicationMapping::toFhir(reminder());
        if (value.isNull())
            o.remove(key);
        else
            o.insert(key, value);
        auto m = CommunicationMapping::messageFromFhir(o);
        QVERIFY(!m);
        QVERIFY2(m.error().contains(named), qPrintable(m.error()));
    }
};

QTEST_GUILESS_MAIN(TestCommunicationMapping)
#include "tst_communicationmapping.moc"

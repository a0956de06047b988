#include "fhir/MessageTemplateMapping.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace frontdesk;

// A message template as FHIR Basic: every field there and back, and a malformed one refused
// naming the element.
class TestMessageTemplateMapping : public QObject
{
    Q_OBJECT

    static MessageTemplate sample()
    {
        MessageTemplate t;
        t.meta.id = QStringLiteral("7d0c7a52-1c47-4b4e-a3f4-1f2dbb3d0c11");
        t.name = QStringLiteral("Erinnerung 48 h");
        t.purpose = QStringLiteral("follow-up");
        t.channel = QStringLiteral("email");
        t.subject = QStringLiteral("Ihr Termin am {appointment_date}");
        t.body = QStringLiteral("Guten Tag {first_name},\nbis bald. {{Praxis}}");
        t.active = false;
        return t;
    }

    static QJsonObject withoutExtension(QJsonObject o, const QString &field)
    {
        QJsonArray kept;
        for (const QJsonValue &e : o.value(QStringLiteral("extension")).toArray()) {
            if (e.toObject().value(QStringLiteral("url")).toString() !=
                MessageTemplateMapping::fieldUrl(field))
                kept.append(e);
        }
        o.insert(QStringLiteral("extension"), kept);
        return o;
    }

private slots:
    void roundTrip()
    {
        const QJsonObject o = MessageTemplateMapping::toFhir(sample());
        QCOMPARE(o.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Basic"));
        QVERIFY(MessageTemplateMapping::isMessageTemplate(o));
        auto back = MessageTemplateMapping::fromFhir(o);
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(back->meta.id, sample().meta.id);
        QCOMPARE(back->name, sample().name);
        QCOMPARE(back->purpose, sample().purpose);
        QCOMPARE(back->channel, sample().channel);
        QCOMPARE(back->subject, sample().subject);
        QCOMPARE(back->body, sample().body);
        QCOMPARE(back->active, false);
    }

    // FHIR has no empty strings: an SMS template's subject is left out, and read back empty.
    void emptySubjectIsNoElement()
    {
        MessageTemplate t = sample();
        t.channel = QStringLiteral("sms");
        t.subject.clear();
        const QJsonObject o = MessageTemplateMapping::toFhir(t);
        QVERIFY(!QJsonDocument(o).toJson().contains("message-template:subject"));
        auto back = MessageTemplateMapping::fromFhir(o);
        QVERIFY(back.ok());
        QVERIFY(back->subject.isEmpty());
    }

    void malformedIsRefusedNamingTheElement()
    {
        const QJsonObject o = MessageTemplateMapping::toFhir(sample());
        QJsonObject other = o;
        other.insert(QStringLiteral("code"),
                     QJsonObject{{QStringLiteral("text"), QStringLiteral("something else")}});
        QVERIFY(!MessageTemplateMapping::isMessageTemplate(other));
        QVERIFY(MessageTemplateMapping::fromFhir(other).error().contains(
            QStringLiteral("message-template")));
        for (const char *field : {"name", "purpose", "channel", "body"}) {
            const auto r =
                MessageTemplateMapping::fromFhir(withoutExtension(o, QString::fromLatin1(field)));
            QVERIFY2(!r.ok(), field);
            QVERIFY2(r.error().contains(QStringLiteral("message-template:") +
                                        QString::fromLatin1(field)),
                     qPrintable(r.error()));
        }
        QJsonObject patient = o;
        patient.insert(QStringLiteral("resourceType"), QStringLiteral("Patient"));
        QVERIFY(!MessageTemplateMapping::fromFhir(patient).ok());
        // A template of a newer version without "active" is active.
        auto noActive =
            MessageTemplateMapping::fromFhir(withoutExtension(o, QStringLiteral("active")));
        QVERIFY(noActive.ok());
        QVERIFY(noActive->active);
    }
};

QTEST_GUILESS_MAIN(TestMessageTemplateMapping)
#include "tst_messagetemplatemapping.moc"

// Where each entry's resource is in a Bundle's text (BundleText): the text the workstation keeps
// as the server's version of a pulled record.
#include "fhir/BundleText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace frontdesk;

class TestBundleText : public QObject
{
    Q_OBJECT

    static QByteArray at(const QByteArray &text, const BundleText::Span &span)
    {
        return text.mid(span.offset, span.length);
    }

private slots:
    void eachEntrysResourceAsWritten()
    {
        // Strings that hold quotes, braces and brackets; a delete has no resource.
        const QByteArray page = "{\"resourceType\":\"Bundle\",\"entry\":[{\"request\":{\"method\":"
                                "\"PUT\",\"url\":\"Patient/a\"},"
                                "\"resource\":{\"resourceType\":\"Patient\",\"id\":\"a\",\"name\":["
                                "{\"family\":\"M\\u00fcller \\\"}{[\\\\\"}]}},"
                                "{\"request\":{\"method\":\"DELETE\",\"url\":\"Patient/b\"}},"
                                " { \"resource\" : { \"contained\" : [ { \"resource\" : { } } ] , "
                                "\"n\" : -1.5e3 } , \"x\" : null } ],"
                                "\"link\":[{\"relation\":\"next\"}]}";
        QVERIFY(!QJsonDocument::fromJson(page).isNull());
        const auto spans = BundleText::entryResources(page);
        QVERIFY(spans);
        QCOMPARE(spans->size(), 3);
        QCOMPARE(at(page, spans->at(0)),
                 QByteArray("{\"resourceType\":\"Patient\",\"id\":\"a\",\"name\":[{\"family\":"
                            "\"M\\u00fcller \\\"}{[\\\\\"}]}"));
        QCOMPARE(spans->at(1).length, 0);
        QCOMPARE(at(page, spans->at(2)),
                 QByteArray("{ \"contained\" : [ { \"resource\" : { } } ] , \"n\" : -1.5e3 }"));
        // The text reads as the resource the parser finds.
        QCOMPARE(QJsonDocument::fromJson(at(page, spans->at(0))).object(),
                 QJsonDocument::fromJson(page)
                     .object()
                     .value(QStringLiteral("entry"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("resource"))
                     .toObject());
    }

    void aBundleWithoutEntriesHasNone()
    {
        const auto none = BundleText::entryResources("{\"resourceType\":\"Bundle\",\"total\":0}");
        QVERIFY(none);
        QVERIFY(none->isEmpty());
        const auto empty = BundleText::entryResources("{\"entry\":[]}");
        QVERIFY(empty);
        QVERIFY(empty->isEmpty());
    }

    // Which of two equal names a reader takes is not settled: the caller writes the parsed
    // resources out instead.
    void repeatedOrEscapedNamesAreLeftToTheParser()
    {
        QVERIFY(
            !BundleText::entryResources("{\"entry\":[{\"resource\":{\"a\":1},\"resource\":{}}]}"));
        QVERIFY(!BundleText::entryResources("{\"entry\":[],\"entry\":[{\"resource\":{}}]}"));
        QVERIFY(!BundleText::entryResources("{\"entry\":[{\"resourc\\u0065\":{}}]}"));
        QVERIFY(!BundleText::entryResources("{\"\\u0065ntry\":[]}"));
        QVERIFY(!BundleText::entryResources("{\"entry\":{\"resource\":{}}}"));
        QVERIFY(!BundleText::entryResources("{\"entry\":[1]}"));
        QVERIFY(!BundleText::entryResources("[{\"entry\":[]}]"));
        QVERIFY(!BundleText::entryResources("{\"entry\":[{\"resource\":{\"a\":\"unterminated"));
    }
};

QTEST_GUILESS_MAIN(TestBundleText)
#include "tst_bundletext.moc"

#include "core/CsvWriter.h"

#include <QFile>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using namespace frontdesk;

namespace {

const QByteArray kBom("\xEF\xBB\xBF");

// An RFC 4180 reader, independent of the writer, to read back what was written.
QList<QStringList> parse(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes.startsWith(kBom) ? bytes.mid(3) : bytes);
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() &&
                text.at(i + 1) == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << cell;
            cell.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() &&
                   text.at(i + 1) == QLatin1Char('\n')) {
            row << cell;
            rows << row;
            row.clear();
            cell.clear();
            ++i;
        } else {
            cell += c;
        }
    }
    return rows;
}

} // namespace

class TestCsvWriter : public QObject
{
    Q_OBJECT

private slots:
    void plainFieldsStayAsTheyAre()
    {
        QCOMPARE(CsvWriter::field(QStringLiteral("Anna Müller")), QStringLiteral("Anna Müller"));
        QCOMPARE(CsvWriter::field(QString()), QString());
        QCOMPARE(CsvWriter::field(QStringLiteral("12.5%")), QStringLiteral("12.5%"));
    }

    void fieldsWithSeparatorsAreQuoted()
    {
        QCOMPARE(CsvWriter::field(QStringLiteral("Müller, Anna")),
                 QStringLiteral("\"Müller, Anna\""));
        QCOMPARE(CsvWriter::field(QStringLiteral("say \"hi\"")),
                 QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(CsvWriter::field(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
        QCOMPARE(CsvWriter::field(QStringLiteral("cr\rhere")), QStringLiteral("\"cr\rhere\""));
    }

    void formulasAreDefused_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("equals") << QStringLiteral("=HYPERLINK(\"http://x\")")
                                << QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\")\"");
        QTest::newRow("plus") << QStringLiteral("+49 170") << QStringLiteral("'+49 170");
        QTest::newRow("minus") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
        QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("with comma") << QStringLiteral("=1,2") << QStringLiteral("\"'=1,2\"");
        QTest::newRow("inside is fine") << QStringLiteral("a=b") << QStringLiteral("a=b");
    }
    void formulasAreDefused()
    {
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QCOMPARE(CsvWriter::field(value), expected);
    }

    void documentHasBomAndCrlf()
    {
        const QByteArray doc = CsvWriter::document(
            {QStringLiteral("Name"), QStringLiteral("Note")},
            {{QStringLiteral("Zoë"), QStringLiteral("a, b")}, {QStringLiteral("x"), QString()}});
        QVERIFY(doc.startsWith(kBom));
        QCOMPARE(doc.mid(3), QByteArray("Name,Note\r\nZo\xC3\xAB,\"a, b\"\r\nx,\r\n"));
    }

    void roundTripsThroughAReader()
    {
        const QStringList header{QStringLiteral("Patient"), QStringLiteral("Note")};
        const QList<QStringList> rows{
            {QStringLiteral("Şahin, Ayşe"), QStringLiteral("said \"later\"\nthen left")},
            {QStringLiteral("=cmd|' /C calc'!A0"), QStringLiteral("ok")}};
        const QList<QStringList> back = parse(CsvWriter::document(header, rows));
        QCOMPARE(back.size(), 3);
        QCOMPARE(back.at(0), header);
        QCOMPARE(back.at(1), rows.at(0));
        QCOMPARE(back.at(2).at(0), QStringLiteral("'=cmd|' /C calc'!A0"));
    }

    void writesAModelInItsOrder()
    {
        QStandardItemModel model(2, 2);
        model.setHorizontalHeaderLabels({QStringLiteral("A"), QStringLiteral("B")});
        model.setItem(0, 0, new QStandardItem(QStringLiteral("1")));
        model.setItem(0, 1, new QStandardItem(QStringLiteral("-1")));
        model.setItem(1, 0, new QStandardItem(QStringLiteral("2")));
        model.setItem(1, 1, new QStandardItem(QStringLiteral("two")));
        const QList<QStringList> back = parse(CsvWriter::document(model));
        QCOMPARE(back.size(), 3);
        QCOMPARE(back.at(0), (QStringList{QStringLiteral("A"), QStringLiteral("B")}));
        QCOMPARE(back.at(1), (QStringList{QStringLiteral("1"), QStringLiteral("'-1")}));
        QCOMPARE(back.at(2), (QStringList{QStringLiteral("2"), QStringLiteral("two")}));
    }

    void writeReplacesWholeFileOrFailsClearly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        const QByteArray doc = CsvWriter::document({QStringLiteral("x")}, {{QStringLiteral("1")}});
        QVERIFY(CsvWriter::write(path, doc));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), doc);

        const Status bad =
            CsvWriter::write(dir.filePath(QStringLiteral("no/such/dir/out.csv")), doc);
        QVERIFY(!bad);
        QVERIFY2(bad.error().contains(QLatin1String("out.csv")), qPrintable(bad.error()));
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"

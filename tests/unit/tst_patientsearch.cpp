// Patient search: folding, query reading, ranking, and the index kept current by every write path.

#include "TestDatabase.h"

#include "domain/PatientSearchQuery.h"
#include "domain/SearchText.h"
#include "storage/DemoSeeder.h"
#include "storage/PatientRepository.h"
#include "storage/PatientSearch.h"

#include <QTest>

using namespace frontdesk;

namespace {

PatientSearchQuery::Candidate named(const QString &family, const QString &given)
{
    PatientSearchQuery::Candidate c;
    c.familyName = family;
    c.givenName = given;
    return c;
}

} // namespace

class TestPatientSearch : public QObject
{
    Q_OBJECT

private:
    test::TestDatabase m_t;
    TestClock m_clock{QDateTime(QDate(2026, 3, 4), QTime(9, 0), Qt::UTC)};

    Patient add(const QString &family, const QString &given, const QDate &birth,
                const QString &mobile = {}, const QString &email = {})
    {
        static int n = 0;
        Patient p;
        p.mrn = QStringLiteral("MRN%1").arg(5000 + ++n, 7, 10, QLatin1Char('0'));
        p.familyName = family;
        p.givenName = given;
        p.birthDate = birth;
        p.phoneMobile = mobile;
        p.email = email;
        PatientRepository repo(*m_t.db);
        const Status s = repo.save(p);
        if (!s)
            qWarning("%s", qPrintable(s.error()));
        return p;
    }
    QStringList ids(const QString &text, int limit = 20)
    {
        auto hits = PatientSearch(*m_t.db).search(text, limit);
        if (!hits) {
            qWarning("%s", qPrintable(hits.error()));
            return {};
        }
        QStringList out;
        for (const auto &h : *hits)
            out << h.patientId;
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_t.open());
        m_t.db->setClock(m_clock);
    }

    void foldsCaseAndAccents_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("folded");
        QTest::newRow("umlaut") << QStringLiteral("Müller") << QStringLiteral("muller");
        QTest::newRow("upper") << QStringLiteral("MÜLLER") << QStringLiteral("muller");
        QTest::newRow("dotless i") << QStringLiteral("Yılmaz") << QStringLiteral("yilmaz");
        QTest::newRow("cedilla") << QStringLiteral("Şahin Çelik") << QStringLiteral("sahin celik");
        QTest::newRow("sharp s") << QStringLiteral("Strauß") << QStringLiteral("strauss");
        QTest::newRow("polish") << QStringLiteral("Wiśniewski Łukasz")
                                << QStringLiteral("wisniewski lukasz");
        QTest::newRow("decomposed") << QStringLiteral("Lefe\u0300vre") << QStringLiteral("lefevre");
    }
    void foldsCaseAndAccents()
    {
        QFETCH(QString, text);
        QFETCH(QString, folded);
        QCOMPARE(SearchText::fold(text), folded);
    }

    void nameTokensCoverCompoundsAndTransliteration()
    {
        const QStringList obrien = SearchText::nameTokens(QStringLiteral("O'Brien"));
        QVERIFY(obrien.contains(QStringLiteral("o")));
        QVERIFY(obrien.contains(QStringLiteral("brien")));
        QVERIFY(obrien.contains(QStringLiteral("obrien")));
        const QStringList dijk = SearchText::nameTokens(QStringLiteral("van Dijk"));
        QVERIFY(dijk.contains(QStringLiteral("vandijk")));
        const QStringList mueller = SearchText::nameTokens(QStringLiteral("Müller-Lüdenscheidt"));
        QVERIFY(mueller.contains(QStringLiteral("muller")));
        QVERIFY(mueller.contains(QStringLiteral("mueller")));
        QVERIFY(mueller.contains(QStringLiteral("luedenscheidt")));
        QVERIFY(mueller.contains(QStringLiteral("mullerludenscheidt")));
    }

    void phoneForms()
    {
        const QStringList expected{QStringLiteral("01701234567"), QStringLiteral("491701234567")};
        QCOMPARE(SearchText::phoneForms(QStringLiteral("+49 170 1234567"), QStringLiteral("49")),
                 expected);
        QCOMPARE(SearchText::phoneForms(QStringLiteral("0170/123 45-67"), QStringLiteral("49")),
                 expected);
        QCOMPARE(SearchText::phoneForms(QStringLiteral("0049 (170) 1234567"), QStringLiteral("49")),
                 expected);
        // Another country's number keeps its own digits only.
        QCOMPARE(SearchText::phoneForms(QStringLiteral("+44 20 7946 0958"), QStringLiteral("49")),
                 QStringList{QStringLiteral("442079460958")});
    }

    void parsesBirthDates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<QDate>>("dates");
        QTest::newRow("iso") << QStringLiteral("1985-03-12") << QList<QDate>{QDate(1985, 3, 12)};
        QTest::newRow("german") << QStringLiteral("12.3.1985") << QList<QDate>{QDate(1985, 3, 12)};
        QTest::newRow("compact") << QStringLiteral("19850312") << QList<QDate>{QDate(1985, 3, 12)};
        QTest::newRow("ambiguous slash")
            << QStringLiteral("03/12/1985") << QList<QDate>{QDate(1985, 12, 3), QDate(1985, 3, 12)};
        QTest::newRow("only US reading valid")
            << QStringLiteral("03/25/1985") << QList<QDate>{QDate(1985, 3, 25)};
        QTest::newRow("no date") << QStringLiteral("31.02.1985") << QList<QDate>{};
        QTest::newRow("name") << QStringLiteral("anna") << QList<QDate>{};
    }
    void parsesBirthDates()
    {
        QFETCH(QString, text);
        QFETCH(QList<QDate>, dates);
        QCOMPARE(SearchText::parseDates(text), dates);
    }

    void queryExpressionsAreOnlyFoldedWords()
    {
        // Query syntax typed by a user ("OR", quotes, stars, minus) never reaches FTS as syntax.
        const PatientSearchQuery q(QStringLiteral("\"Mül*ler\" OR -anna"));
        for (const QString &e : q.matchExpressions()) {
            QVERIFY2(!e.contains(QLatin1Char('"')), qPrintable(e));
            QVERIFY2(!e.contains(QLatin1String(" OR ")), qPrintable(e));
            QVERIFY2(!e.contains(QLatin1String("-")), qPrintable(e));
        }
        QCOMPARE(q.nameWords(), (QStringList{QStringLiteral("muller"), QStringLiteral("or"),
                                             QStringLiteral("anna")}));
    }

    void rankingPrefersExactFamilyThenPrefix()
    {
        const PatientSearchQuery q(QStringLiteral("wolf"));
        const auto exact = named(QStringLiteral("Wolf"), QStringLiteral("Anna"));
        const auto given = named(QStringLiteral("Keller"), QStringLiteral("Wolf"));
        const auto prefix = named(QStringLiteral("Wolfram"), QStringLiteral("Jan"));
        const auto none = named(QStringLiteral("Braun"), QStringLiteral("Jan"));
        QVERIFY(q.score(exact).points > q.score(given).points);
        QVERIFY(q.score(given).points > q.score(prefix).points);
        QVERIFY(q.score(prefix).points > q.score(none).points);
        QCOMPARE(q.score(none).points, 0);
    }

    // Ranking reads the index, not the patients table: both must score alike.
    void indexCandidateScoresLikeTheRecord()
    {
        PatientSearchQuery::Candidate raw =
            named(QStringLiteral("Müller-Lüdenscheidt"), QStringLiteral("Anna Maria"));
        raw.birthDate = QDate(1985, 3, 12);
        raw.mrn = QStringLiteral("MRN0012345");
        raw.phones = {QStringLiteral("+49 170 1234567"), QStringLiteral("030 2345678")};
        raw.email = QStringLiteral("Anna.Mueller@example.org");
        const QString cc = QStringLiteral("49");
        const auto indexed =
            PatientSearchQuery::fromIndex(PatientSearchQuery::indexName(raw.familyName),
                                          PatientSearchQuery::indexName(raw.givenName),
                                          PatientSearchQuery::indexIdentifiers(raw, cc));
        QCOMPARE(indexed.birthDate, raw.birthDate);
        for (const QString &text :
             {QStringLiteral("mueller anna"), QStringLiteral("lud mar"),
              QStringLiteral("12.03.1985"), QStringLiteral("anna 1985"),
              QStringLiteral("0170 1234"), QStringLiteral("0302345678"), QStringLiteral("mrn00123"),
              QStringLiteral("12345"), QStringLiteral("anna.mueller@"), QStringLiteral("zzz")}) {
            const PatientSearchQuery q(text, cc);
            QCOMPARE(q.score(indexed).points, q.score(raw).points);
            QCOMPARE(q.score(indexed).matchedOn, q.score(raw).matchedOn);
        }
    }

    void findsByNameInAnyOrderCaseAndAccents()
    {
        const Patient anna =
            add(QStringLiteral("Müller"), QStringLiteral("Anna"), QDate(1985, 3, 12),
                QStringLiteral("+49 170 1234567"), QStringLiteral("anna.mueller@mail.example"));
        const Patient andreas =
            add(QStringLiteral("Müllerschön"), QStringLiteral("Andreas"), QDate(1970, 1, 1));
        const Patient yil = add(QStringLiteral("Yılmaz"), QStringLiteral("Ayşe"), QDate(1990, 7, 4),
                                QStringLiteral("0151 9876543"));
        add(QStringLiteral("Schmidt"), QStringLiteral("Anna"), QDate(1985, 12, 3));

        for (const QString &text : {QStringLiteral("müller anna"), QStringLiteral("anna muller"),
                                    QStringLiteral("MUELLER, ANNA"), QStringLiteral("mül ann"),
                                    QStringLiteral("  Anna   Müller ")})
            QCOMPARE(ids(text).value(0), anna.meta.id);
        // The exact family name ranks above a longer name it is a prefix of.
        const QStringList muller = ids(QStringLiteral("müller"));
        QCOMPARE(muller.size(), 2);
        QCOMPARE(muller.at(0), anna.meta.id);
        QCOMPARE(muller.at(1), andreas.meta.id);
        QCOMPARE(ids(QStringLiteral("yilmaz ayse")), QStringList{yil.meta.id});
        QCOMPARE(ids(QStringLiteral("ayse")), QStringList{yil.meta.id});
        QVERIFY(ids(QStringLiteral("zzz")).isEmpty());
    }

    void findsByPhoneBirthDateMrnAndEmail()
    {
        const QString anna = ids(QStringLiteral("müller anna")).value(0);
        QVERIFY(!anna.isEmpty());
        for (const QString &text :
             {QStringLiteral("0170 1234567"), QStringLiteral("+49 (170) 123-4567"),
              QStringLiteral("00491701234567"), QStringLiteral("0170123")})
            QCOMPARE(ids(text).value(0), anna);
        for (const QString &text : {QStringLiteral("12.03.1985"), QStringLiteral("1985-03-12"),
                                    QStringLiteral("19850312"), QStringLiteral("anna 1985")})
            QCOMPARE(ids(text).value(0), anna);
        // 03/12/1985 may be 3 December or 12 March: both patients are found.
        QCOMPARE(ids(QStringLiteral("03/12/1985")).size(), 2);
        QCOMPARE(ids(QStringLiteral("anna.mueller@mail.example")), QStringList{anna});
        QCOMPARE(ids(QStringLiteral("Anna.Mueller@")), QStringList{anna});
        PatientRepository repo(*m_t.db);
        auto p = repo.get(anna);
        QVERIFY(p.ok());
        QCOMPARE(ids(p->mrn), QStringList{anna});
        QCOMPARE(ids(p->mrn.toLower()), QStringList{anna});
    }

    void indexFollowsEditsDeletesAndMerges()
    {
        PatientRepository repo(*m_t.db);
        const QString id = ids(QStringLiteral("yilmaz")).value(0);
        auto p = repo.get(id);
        QVERIFY(p.ok());
        p->familyName = QStringLiteral("Kaya");
        QVERIFY(repo.save(*p).ok());
        QVERIFY(ids(QStringLiteral("yilmaz")).isEmpty());
        QCOMPARE(ids(QStringLiteral("kaya")), QStringList{id});
        QVERIFY(repo.remove(*p).ok());
        QVERIFY(ids(QStringLiteral("kaya")).isEmpty());
    }

    void seededPatientsAreIndexedOnFirstSearch()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        DemoSeeder::Options o;
        o.patients = 300;
        o.appointments = 100;
        o.today = QDate(2026, 3, 4);
        QVERIFY(DemoSeeder(*t.db).seed(o).ok());
        auto any =
            t.db->query(QStringLiteral("SELECT id, family_name, given_name FROM patients LIMIT 1"));
        QVERIFY(any.ok() && any->next());
        const QString id = any->value(0).toString();
        auto hits = PatientSearch(*t.db).search(
            any->value(1).toString() + QLatin1Char(' ') + any->value(2).toString(), 50);
        QVERIFY(hits.ok());
        QVERIFY(std::any_of(hits->begin(), hits->end(),
                            [&](const PatientSearchHit &h) { return h.patientId == id; }));
        auto dirty = t.db->scalar(QStringLiteral("SELECT count(*) FROM patient_search_dirty"));
        QCOMPARE(dirty->toInt(), 0);
        auto docs = t.db->scalar(QStringLiteral("SELECT count(*) FROM patient_search_doc"));
        QCOMPARE(docs->toInt(), 300);
    }
};

QTEST_GUILESS_MAIN(TestPatientSearch)
#include "tst_patientsearch.moc"

#include "TestClock.h"
// Patient search: folding, query reading, ranking, and the index kept current by every write path.

#include "TestDatabase.h"

#include "demo/DemoSeeder.h"
#include "domain/PatientSearchQuery.h"
#include "domain/SearchText.h"
#include "patients/PatientSearch.h"
#include "storage/PatientRepository.h"

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

PatientSearchQuery::Candidate withPhone(const QString &phone)
{
    PatientSearchQuery::Candidate c = named(QStringLiteral("Roth"), QStringLiteral("Eva"));
    c.phones = {phone};
    return c;
}

QString savePatient(Database &db, const QString &mrn, const QString &family, const QString &given,
                    const QString &mobile = {}, const QDate &birth = QDate(1980, 1, 1))
{
    Patient p;
    p.mrn = mrn;
    p.familyName = family;
    p.givenName = given;
    p.birthDate = birth;
    p.phoneMobile = mobile;
    const Status s = PatientRepository(db).save(p);
    if (!s)
        qWarning("%s", qPrintable(s.error()));
    return p.meta.id;
}

QStringList idsIn(Database &db, const QString &text, int limit = 20)
{
    auto hits = PatientSearch(db).search(text, limit);
    if (!hits) {
        qWarning("%s", qPrintable(hits.error()));
        return {};
    }
    QStringList out;
    for (const auto &h : *hits)
        out << h.patientId;
    return out;
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

    void findsANameByItsTextWhateverCharactersItHolds()
    {
        const Patient nguyen2 =
            add(QStringLiteral("Nguyen2"), QStringLiteral("Lan"), QDate(1991, 2, 3));
        const Patient nguyen =
            add(QStringLiteral("Nguyen"), QStringLiteral("Minh"), QDate(1992, 2, 3));
        const Patient obrien =
            add(QStringLiteral("O'Brien-Meyer"), QStringLiteral("Siobhan"), QDate(1975, 6, 1));
        const Patient obrienOnly =
            add(QStringLiteral("O'Brien"), QStringLiteral("Sean"), QDate(1976, 6, 1));
        const Patient berg =
            add(QStringLiteral("van der Berg"), QStringLiteral("Jan-Willem"), QDate(1960, 9, 9));
        add(QStringLiteral("Berg"), QStringLiteral("Ida"), QDate(1961, 9, 9));
        const Patient digitGiven =
            add(QStringLiteral("Keller"), QStringLiteral("Zoe3"), QDate(2001, 1, 1));

        // The exact text as stored finds the record, first.
        QCOMPARE(ids(QStringLiteral("Nguyen2")).value(0), nguyen2.meta.id);
        QVERIFY(!ids(QStringLiteral("Nguyen2")).contains(nguyen.meta.id));
        QCOMPARE(ids(QStringLiteral("Nguyen2 Lan")).value(0), nguyen2.meta.id);
        QCOMPARE(ids(QStringLiteral("Nguyen")).value(0), nguyen.meta.id);
        QCOMPARE(ids(QStringLiteral("O'Brien-Meyer")).value(0), obrien.meta.id);
        QCOMPARE(ids(QStringLiteral("O'Brien-Meyer Siobhan")), QStringList{obrien.meta.id});
        QCOMPARE(ids(QStringLiteral("O'Brien")).value(0), obrienOnly.meta.id);
        QCOMPARE(ids(QStringLiteral("van der Berg")).value(0), berg.meta.id);
        QCOMPARE(ids(QStringLiteral("van der Berg Jan-Willem")), QStringList{berg.meta.id});
        QCOMPARE(ids(QStringLiteral("Zoe3")), QStringList{digitGiven.meta.id});
        // Still an MRN when it is one.
        QCOMPARE(ids(nguyen2.mrn), QStringList{nguyen2.meta.id});
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

    void phoneEndingsRankBelowPrefixesAndExactNumbers()
    {
        const PatientSearchQuery q(QStringLiteral("555 4321"), QStringLiteral("49"));
        const int exact = q.score(withPhone(QStringLiteral("5554321"))).points;
        const int prefix = q.score(withPhone(QStringLiteral("555432199"))).points;
        const auto suffix = q.score(withPhone(QStringLiteral("+49 170 5554321")));
        QVERIFY(exact > prefix);
        QVERIFY(prefix > suffix.points);
        QVERIFY(suffix.points > 0);
        QCOMPARE(suffix.matchedOn, QStringList{QStringLiteral("phone")});
        QCOMPARE(q.score(withPhone(QStringLiteral("0170 5554320"))).points, 0);
        // Three digits are too few to match an ending; they still match a beginning.
        const PatientSearchQuery three(QStringLiteral("321"), QStringLiteral("49"));
        QCOMPARE(three.score(withPhone(QStringLiteral("0170 5554321"))).points, 0);
        QVERIFY(three.score(withPhone(QStringLiteral("3215554"))).points > 0);
        for (const QString &e : three.matchExpressions())
            QVERIFY2(!e.contains(QLatin1String("identifiers:r")), qPrintable(e));
    }

    void findsPhoneNumbersByTheirLastDigits()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        t.db->setClock(m_clock);
        const QString exact = savePatient(*t.db, QStringLiteral("S-1"), QStringLiteral("Adler"),
                                          QStringLiteral("Eva"), QStringLiteral("555-4321"));
        const QString prefix = savePatient(*t.db, QStringLiteral("S-2"), QStringLiteral("Berg"),
                                           QStringLiteral("Eva"), QStringLiteral("555 432 199"));
        const QString suffix =
            savePatient(*t.db, QStringLiteral("S-3"), QStringLiteral("Cordes"),
                        QStringLiteral("Eva"), QStringLiteral("+49 170 5554321"));
        savePatient(*t.db, QStringLiteral("S-4"), QStringLiteral("Dietz"), QStringLiteral("Eva"),
                    QStringLiteral("+49 170 5554320"));
        QCOMPARE(idsIn(*t.db, QStringLiteral("5554321")), (QStringList{exact, prefix, suffix}));
        // The last digits as a caller reads them out, in any formatting.
        for (const QString &text : {QStringLiteral("4321"), QStringLiteral("43 21"),
                                    QStringLiteral("5-4321"), QStringLiteral("554321")})
            QCOMPARE(idsIn(*t.db, text), (QStringList{exact, suffix}));
        QCOMPARE(idsIn(*t.db, QStringLiteral("0170 5554321")), QStringList{suffix});
        // A beginning still matches; too few digits match no ending.
        QCOMPARE(idsIn(*t.db, QStringLiteral("0170 555")).size(), 2);
        QVERIFY(idsIn(*t.db, QStringLiteral("321")).isEmpty());
    }

    void anOlderIndexIsRebuiltThroughTheMigration()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        t.db->setClock(m_clock);
        const QString id = savePatient(*t.db, QStringLiteral("O-1"), QStringLiteral("Ebert"),
                                       QStringLiteral("Jan"), QStringLiteral("+49 170 5554321"));
        QCOMPARE(idsIn(*t.db, QStringLiteral("4321")), QStringList{id});
        // What an index built before migration 008 holds: no reversed phone digits.
        auto row = t.db->query(QStringLiteral("SELECT docid, identifiers FROM patient_search"));
        QVERIFY(row.ok() && row->next());
        const QVariant docid = row->value(0);
        QStringList tokens = row->value(1).toString().split(QLatin1Char(' '));
        row->finish();
        tokens.removeIf([](const QString &token) { return token.startsWith(QLatin1Char('r')); });
        QVERIFY(t.db->query(QStringLiteral("UPDATE patient_search SET identifiers = ? WHERE "
                                           "docid = ?"),
                            {tokens.join(QLatin1Char(' ')), docid})
                    .ok());
        QVERIFY(idsIn(*t.db, QStringLiteral("4321")).isEmpty());
        // ... nor the name words of migration 008, nor what came after it (009's index, 010's
        // audit triggers, 011's column: SQLite 3.15.2 drops a column only with its table; 012's
        // audit hashing key; 013's sync bookkeeping, the outbox's columns with it).
        for (const char *sql :
             {"DROP TABLE patient_search_token", "DROP INDEX messages_sent_summary",
              "CREATE INDEX messages_sent ON messages(sent_at)",
              "DROP TRIGGER audit_log_no_replace", "DROP TRIGGER audit_checkpoint_no_insert",
              "DROP TRIGGER audit_checkpoint_follows_log", "DROP TABLE staff_credentials",
              "CREATE TABLE staff_credentials (account_id TEXT PRIMARY KEY NOT NULL REFERENCES "
              "staff_accounts(id), password_hash TEXT NOT NULL, password_changed_at INTEGER NOT "
              "NULL, failed_attempts INTEGER NOT NULL DEFAULT 0, locked_until INTEGER NOT NULL "
              "DEFAULT 0)",
              "DROP TABLE audit_field_key", "DROP TABLE sync_records", "DROP TABLE outbox",
              "CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, request_id TEXT NOT "
              "NULL UNIQUE, resource_type TEXT NOT NULL, resource_id TEXT NOT NULL, operation "
              "TEXT NOT NULL, base_version TEXT, local_version INTEGER NOT NULL, created_at "
              "INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER "
              "NOT NULL DEFAULT 0, last_error TEXT)",
              "DELETE FROM schema_version WHERE version >= 8"})
            QVERIFY(t.db->query(QString::fromLatin1(sql)).ok());
        auto migrated = t.db->migrate();
        QVERIFY2(migrated.ok(), qPrintable(migrated.error()));
        QCOMPARE(idsIn(*t.db, QStringLiteral("4321")), QStringList{id});
        QCOMPARE(idsIn(*t.db, QStringLiteral("eb")), QStringList{id});
    }

    void shortQueriesRankBeyondTheCandidateCap()
    {
        test::TestDatabase t;
        QVERIFY(t.open());
        t.db->setClock(m_clock);
        // More matches than PatientSearch ranks, and the best ones written last (highest
        // docids), so taking the first CandidateLimit rows the index yields would miss them.
        const int many = PatientSearch::CandidateLimit + 50;
        QVERIFY(t.db->write([&]() -> Status {
                        for (int i = 0; i < many; ++i)
                            savePatient(*t.db, QStringLiteral("CAP-%1").arg(i),
                                        QStringLiteral("Meyerhoff"), QStringLiteral("Anna"), {},
                                        QDate(1950, 1, 1).addDays(i));
                        return {};
                    })
                    .ok());
        const QString moZoe = savePatient(*t.db, QStringLiteral("CAP-M1"), QStringLiteral("Mo"),
                                          QStringLiteral("Zoe"));
        const QString moBen = savePatient(*t.db, QStringLiteral("CAP-M2"), QStringLiteral("Mo"),
                                          QStringLiteral("Ben"));
        const QString familyAnna = savePatient(*t.db, QStringLiteral("CAP-A"),
                                               QStringLiteral("Anna"), QStringLiteral("Zora"));
        const QString annaMia = savePatient(*t.db, QStringLiteral("CAP-B"), QStringLiteral("Anna"),
                                            QStringLiteral("Mia"));
        QCOMPARE(idsIn(*t.db, QStringLiteral("m"), 2), (QStringList{moBen, moZoe}));
        QCOMPARE(idsIn(*t.db, QStringLiteral("mo"), 2), (QStringList{moBen, moZoe}));
        // An exact family name outranks hundreds of exact given names.
        QCOMPARE(idsIn(*t.db, QStringLiteral("anna"), 2), (QStringList{annaMia, familyAnna}));
        QCOMPARE(idsIn(*t.db, QStringLiteral("a"), 2), (QStringList{annaMia, familyAnna}));
        // Two words that match more patients than are ranked: the family name still wins.
        QCOMPARE(idsIn(*t.db, QStringLiteral("anna m"), 1), QStringList{annaMia});
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

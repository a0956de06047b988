#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace frontdesk {

// What the search box understands, without a database: the text is read as name words (parts in
// any order, prefixes), a birth date in several formats, a phone number in any formatting, an
// MRN or an e-mail address. It says what to ask the full-text index (FTS4 MATCH expressions,
// made only of folded letters and digits, so nothing the user types becomes query syntax) and
// how well a patient fits (the ranking).
class PatientSearchQuery
{
public:
    // What the ranking needs to know about a patient.
    struct Candidate
    {
        QString familyName;
        QString givenName;
        QDate birthDate;
        QString mrn;
        QStringList phones;
        QString email;
        // The folded name words as the index holds them; computed from the names when empty.
        QStringList familyTokens;
        QStringList givenTokens;
        // Read back from the index (fromIndex): the identifier forms, instead of the raw values.
        bool indexed = false;
        QStringList phoneForms;
        QStringList mrnForms;
        QString emailCompact;
    };
    struct Score
    {
        int points = 0;
        QStringList matchedOn; // "name", "birth date", "phone", "MRN", "e-mail"
    };

    // countryCode: the clinic's calling code (e.g. "49") for phone numbers written nationally.
    explicit PatientSearchQuery(const QString &text, const QString &countryCode = {});

    bool isEmpty() const;
    // Just one name word and nothing else: the query a short prefix is typed as.
    bool isOneNameWord() const;
    // The MATCH expressions to run in order: exact name words first, then prefixes; the
    // results of all of them are ranked together.
    QStringList matchExpressions() const;
    Score score(const Candidate &candidate) const;

    const QStringList &nameWords() const { return m_nameWords; }
    const QList<QDate> &dates() const { return m_dates; }
    const QStringList &digitStrings() const { return m_digits; }
    // The first name word, or empty: what the candidate order before the cap is keyed on.
    QString leadingNameWord() const { return m_nameWords.value(0); }

    // Typed digits of at least this many also find phone numbers ending in them (a caller reads
    // out the last digits); fewer would match too many numbers to be of use.
    static constexpr int MinSuffixDigits = 4;

    // A candidate from what the index holds (patient_search_doc words and the FTS identifiers
    // column), so ranking needs no read of the patients table.
    static Candidate fromIndex(const QString &familyWords, const QString &givenWords,
                               const QString &identifiers);
    // The index's text for one patient (the FTS column "names" is family + given words).
    static QString indexName(const QString &name);
    static QString indexIdentifiers(const Candidate &patient, const QString &countryCode);

private:
    QString m_countryCode;
    QStringList m_nameWords;   // folded, letters/digits only
    QList<QDate> m_dates;      // any of these
    QList<int> m_years;        // a four-digit word may be a birth year
    QStringList m_digits;      // phone or MRN digits (international forms without "+")
    QStringList m_identifiers; // compact MRN-like words (letters and digits)
    QString m_email;           // compact
};

} // namespace frontdesk

#include "PatientSearchQuery.h"

#include "domain/SearchText.h"

#include <QRegularExpression>

#include <algorithm>

namespace frontdesk {

namespace {

QString digitsOnly(const QString &s)
{
    QString out;
    for (const QChar c : s)
        if (c.isDigit())
            out += QChar(QLatin1Char(char('0' + c.digitValue())));
    return out;
}

QString stripLeadingZeros(const QString &s)
{
    int i = 0;
    while (i < s.size() - 1 && s.at(i) == QLatin1Char('0'))
        ++i;
    return s.mid(i);
}

// How well typed fits stored: 0 none, else higher for exact and for longer prefixes.
int fit(const QString &typed, const QString &stored, int exact, int prefixBase, int prefixSpan)
{
    if (typed.isEmpty() || stored.isEmpty())
        return 0;
    if (typed == stored)
        return exact;
    if (stored.startsWith(typed))
        return prefixBase + prefixSpan * int(typed.size()) / int(stored.size());
    return 0;
}

// How well typed fits the end of stored: lower than any prefix fit, since the last digits of a
// number are shared by more patients than its first ones.
int fitSuffix(const QString &typed, const QString &stored, int base, int span)
{
    if (typed.size() < PatientSearchQuery::MinSuffixDigits || stored.size() <= typed.size() ||
        !stored.endsWith(typed))
        return 0;
    return base + span * int(typed.size()) / int(stored.size());
}

QString reversed(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (auto it = s.crbegin(); it != s.crend(); ++it)
        out += *it;
    return out;
}

QString orGroup(const QStringList &terms)
{
    return terms.join(QStringLiteral(" OR "));
}

// A word of letters and digits ("Nguyen2") may be an MRN or a name as stored.
bool hasLetter(const QString &word)
{
    return std::any_of(word.begin(), word.end(), [](QChar ch) { return ch.isLetter(); });
}

} // namespace

PatientSearchQuery::PatientSearchQuery(const QString &text, const QString &countryCode)
    : m_countryCode(countryCode)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return;
    if (trimmed.contains(QLatin1Char('@'))) {
        m_email = SearchText::compact(trimmed);
        return;
    }
    // A whole query of digits and phone punctuation is one phone number, MRN or date.
    static const QRegularExpression phoneLike(QStringLiteral("^[+0-9\\s\\-/().]+$"));
    const QList<QDate> wholeDates = SearchText::parseDates(trimmed);
    if (phoneLike.match(trimmed).hasMatch() && !trimmed.contains(QLatin1Char(' ')) &&
        !wholeDates.isEmpty() &&
        !QRegularExpression(QStringLiteral("^\\d{8}$")).match(trimmed).hasMatch()) {
        m_dates = wholeDates;
        return;
    }
    if (phoneLike.match(trimmed).hasMatch() && digitsOnly(trimmed).size() >= 3) {
        m_dates = wholeDates; // YYYYMMDD may be a date as well as digits
        QString digits = SearchText::phoneDigits(trimmed);
        if (digits.startsWith(QLatin1Char('+')))
            digits.remove(0, 1);
        m_digits << digits;
        return;
    }
    const QStringList words =
        trimmed.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (const QList<QDate> dates = SearchText::parseDates(word); !dates.isEmpty()) {
            for (const QDate &d : dates)
                if (!m_dates.contains(d))
                    m_dates << d;
            continue;
        }
        const QString c = SearchText::compact(word);
        if (c.isEmpty())
            continue;
        static const QRegularExpression yearLike(QStringLiteral("^(18|19|20)\\d\\d$"));
        if (yearLike.match(c).hasMatch())
            m_years << c.toInt();
        else if (std::any_of(c.begin(), c.end(), [](QChar ch) { return ch.isDigit(); }))
            m_identifiers << c;
        else
            m_nameWords << c;
    }
}

bool PatientSearchQuery::isEmpty() const
{
    return m_nameWords.isEmpty() && m_dates.isEmpty() && m_years.isEmpty() && m_digits.isEmpty() &&
           m_identifiers.isEmpty() && m_email.isEmpty();
}

bool PatientSearchQuery::isOneNameWord() const
{
    return m_nameWords.size() == 1 && m_dates.isEmpty() && m_years.isEmpty() &&
           m_digits.isEmpty() && m_identifiers.isEmpty() && m_email.isEmpty();
}

QStringList PatientSearchQuery::matchExpressions() const
{
    if (isEmpty())
        return {};
    QStringList common;
    if (!m_dates.isEmpty() && m_digits.isEmpty()) {
        QStringList terms;
        for (const QDate &d : m_dates)
            terms << QStringLiteral("identifiers:b") + d.toString(QStringLiteral("yyyyMMdd"));
        common << orGroup(terms);
    }
    for (const QString &digits : m_digits) {
        QStringList terms{QStringLiteral("identifiers:p%1*").arg(digits),
                          QStringLiteral("identifiers:m%1*").arg(digits)};
        if (digits.size() >= MinSuffixDigits)
            terms << QStringLiteral("identifiers:r%1*").arg(reversed(digits));
        for (const QDate &d : m_dates)
            terms << QStringLiteral("identifiers:b") + d.toString(QStringLiteral("yyyyMMdd"));
        common << orGroup(terms);
    }
    for (const QString &id : m_identifiers) {
        QStringList terms{QStringLiteral("identifiers:m%1*").arg(id),
                          QStringLiteral("identifiers:p%1*").arg(digitsOnly(id))};
        if (hasLetter(id))
            terms << QStringLiteral("names:%1*").arg(id);
        common << orGroup(terms);
    }
    for (int year : m_years)
        common << orGroup({QStringLiteral("identifiers:y%1").arg(year),
                           QStringLiteral("identifiers:m%1*").arg(year),
                           QStringLiteral("identifiers:p%1*").arg(year)});
    if (!m_email.isEmpty())
        common << QStringLiteral("identifiers:e%1*").arg(m_email);

    if (m_nameWords.isEmpty())
        return {common.join(QLatin1Char(' '))};
    QStringList exact = common;
    QStringList prefix = common;
    for (const QString &w : m_nameWords) {
        exact << QStringLiteral("names:") + w;
        prefix << QStringLiteral("names:") + w + QLatin1Char('*');
    }
    return {exact.join(QLatin1Char(' ')), prefix.join(QLatin1Char(' '))};
}

PatientSearchQuery::Score PatientSearchQuery::score(const Candidate &c) const
{
    Score s;
    auto matched = [&s](const QString &what) {
        if (!s.matchedOn.contains(what))
            s.matchedOn << what;
    };
    const QStringList family =
        c.familyTokens.isEmpty() ? SearchText::nameTokens(c.familyName) : c.familyTokens;
    const QStringList given =
        c.givenTokens.isEmpty() ? SearchText::nameTokens(c.givenName) : c.givenTokens;
    auto nameFit = [&family, &given](const QString &w, int &bestFamily, int &bestGiven) {
        bestFamily = 0;
        bestGiven = 0;
        for (const QString &t : family)
            bestFamily = std::max(bestFamily, fit(w, t, 100, 40, 40));
        for (const QString &t : given)
            bestGiven = std::max(bestGiven, fit(w, t, 80, 30, 40));
    };
    if (!m_nameWords.isEmpty()) {
        bool firstIsFamily = false;
        for (int i = 0; i < m_nameWords.size(); ++i) {
            int bestFamily = 0;
            int bestGiven = 0;
            nameFit(m_nameWords.at(i), bestFamily, bestGiven);
            if (i == 0)
                firstIsFamily = bestFamily >= bestGiven && bestFamily > 0;
            if (bestFamily + bestGiven > 0)
                matched(QStringLiteral("name"));
            s.points += std::max(bestFamily, bestGiven);
        }
        // "Müller Anna" is typed family first more often than not; a small nudge only.
        if (firstIsFamily)
            s.points += 10;
    }
    if (!m_dates.isEmpty() && c.birthDate.isValid() && m_dates.contains(c.birthDate)) {
        // An unambiguous date counts a little more than one of two readings.
        s.points += m_dates.size() == 1 ? 120 : 110;
        matched(QStringLiteral("birth date"));
    }
    QStringList phoneForms = c.phoneForms;
    QStringList mrnForms = c.mrnForms;
    if (!c.indexed) {
        for (const QString &p : c.phones)
            phoneForms += SearchText::phoneForms(p, m_countryCode);
        const QString digits = digitsOnly(c.mrn);
        mrnForms = {SearchText::compact(c.mrn), digits, stripLeadingZeros(digits)};
    }
    auto bestOf = [](const QString &typed, const QStringList &forms, int exact, int base,
                     int span) {
        int best = 0;
        for (const QString &f : forms)
            best = std::max(best, fit(typed, f, exact, base, span));
        return best;
    };
    for (int year : m_years) {
        const QString y = QString::number(year);
        if (c.birthDate.isValid() && c.birthDate.year() == year) {
            s.points += 60;
            matched(QStringLiteral("birth date"));
        } else if (std::any_of(mrnForms.begin(), mrnForms.end(),
                               [&y](const QString &f) { return f.startsWith(y); })) {
            s.points += 50;
            matched(QStringLiteral("MRN"));
        }
    }
    for (const QString &d : m_digits) {
        int byPhone = bestOf(d, phoneForms, 250, 100, 100);
        for (const QString &f : phoneForms)
            if (byPhone < 100)
                byPhone = std::max(byPhone, fitSuffix(d, f, 40, 50));
        if (byPhone > 0)
            matched(QStringLiteral("phone"));
        const int byMrn = bestOf(d, mrnForms, 300, 150, 100);
        if (byMrn > 0)
            matched(QStringLiteral("MRN"));
        s.points += std::max(byPhone, byMrn);
    }
    for (const QString &id : m_identifiers) {
        const int byMrn = bestOf(id, mrnForms, 300, 150, 100);
        const int byPhone = bestOf(digitsOnly(id), phoneForms, 250, 100, 100);
        if (byMrn > 0)
            matched(QStringLiteral("MRN"));
        if (byPhone > 0)
            matched(QStringLiteral("phone"));
        int byFamily = 0;
        int byGiven = 0;
        if (hasLetter(id))
            nameFit(id, byFamily, byGiven);
        if (byFamily + byGiven > 0)
            matched(QStringLiteral("name"));
        s.points += std::max({byMrn, byPhone, byFamily, byGiven});
    }
    if (!m_email.isEmpty()) {
        const int byEmail =
            fit(m_email, c.indexed ? c.emailCompact : SearchText::compact(c.email), 250, 120, 100);
        if (byEmail > 0)
            matched(QStringLiteral("e-mail"));
        s.points += byEmail;
    }
    return s;
}

PatientSearchQuery::Candidate PatientSearchQuery::fromIndex(const QString &familyWords,
                                                            const QString &givenWords,
                                                            const QString &identifiers)
{
    Candidate c;
    c.indexed = true;
    c.familyTokens = familyWords.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    c.givenTokens = givenWords.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &token : identifiers.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString value = token.mid(1);
        switch (token.at(0).unicode()) {
        case 'p':
            c.phoneForms << value;
            break;
        case 'm':
            c.mrnForms << value;
            break;
        case 'e':
            c.emailCompact = value;
            break;
        case 'b':
            c.birthDate = QDate::fromString(value, QStringLiteral("yyyyMMdd"));
            break;
        default:
            break;
        }
    }
    return c;
}

QString PatientSearchQuery::indexName(const QString &name)
{
    return SearchText::nameTokens(name).join(QLatin1Char(' '));
}

QString PatientSearchQuery::indexIdentifiers(const Candidate &p, const QString &countryCode)
{
    QStringList tokens;
    auto add = [&tokens](const QString &prefix, const QString &value) {
        if (!value.isEmpty() && !tokens.contains(prefix + value))
            tokens << prefix + value;
    };
    const QString mrnDigits = digitsOnly(p.mrn);
    add(QStringLiteral("m"), SearchText::compact(p.mrn));
    add(QStringLiteral("m"), mrnDigits);
    add(QStringLiteral("m"), mrnDigits.isEmpty() ? QString() : stripLeadingZeros(mrnDigits));
    for (const QString &phone : p.phones) {
        const QStringList forms = SearchText::phoneForms(phone, countryCode);
        for (const QString &form : forms)
            add(QStringLiteral("p"), form);
        // The number's digits reversed, so its last digits are an FTS prefix (migration 008).
        // Every form ends alike; the one without the national trunk "0" is the longest ending.
        const auto international = std::find_if(forms.cbegin(), forms.cend(), [](const QString &f) {
            return !f.startsWith(QLatin1Char('0'));
        });
        if (!forms.isEmpty())
            add(QStringLiteral("r"),
                reversed(international != forms.cend() ? *international : forms.first()));
    }
    add(QStringLiteral("e"), SearchText::compact(p.email));
    if (p.birthDate.isValid()) {
        add(QStringLiteral("b"), p.birthDate.toString(QStringLiteral("yyyyMMdd")));
        add(QStringLiteral("y"), QString::number(p.birthDate.year()));
    }
    return tokens.join(QLatin1Char(' '));
}

} // namespace frontdesk

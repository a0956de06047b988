// Phone numbers, e-mail addresses and birth dates as a person types them into the patient editor
// and the search box: every parse, normalise and validate function that takes that text, with
// the invariants the rest of the code relies on. Input: one text, or up to six fields separated
// by newlines (family name, given name, birth date, phone, e-mail, MRN) for the checks that look
// at a whole patient.

#include "FuzzSupport.h"
#include "domain/PatientSearchQuery.h"
#include "domain/PatientValidation.h"
#include "domain/SearchText.h"

#include <QLocale>
#include <QRegularExpression>

using namespace frontdesk;

namespace {

const QDate kToday(2026, 3, 3);
const QString kCountry = QStringLiteral("49");

void require(bool condition)
{
    if (!condition)
        __builtin_trap();
}

bool onlyAsciiDigits(const QString &s)
{
    return std::all_of(s.begin(), s.end(),
                       [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
}

bool onlyLettersAndNumbers(const QString &s)
{
    return std::all_of(s.begin(), s.end(), [](QChar c) { return c.isLetterOrNumber(); });
}

// The editor's reading of a birth date: the locale's short format (with a four-digit year),
// then what the search box understands.
QDate editorBirthDate(const QLocale &locale, const QString &text)
{
    QString format = locale.dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    const QDate d = locale.toDate(text.trimmed(), format);
    if (d.isValid())
        return d;
    const QList<QDate> dates = SearchText::parseDates(text);
    return dates.isEmpty() ? QDate() : dates.first();
}

void checkDates(const QString &text)
{
    const QList<QDate> dates = SearchText::parseDates(text);
    // At most the European and the American reading of a slashed date, each valid, no repeats.
    require(dates.size() <= 2);
    for (const QDate &d : dates)
        require(d.isValid() && d.year() >= 1850 && d.year() <= 9999 && dates.count(d) == 1);
    static const QLocale german(QLocale::German, QLocale::Germany);
    static const QLocale american(QLocale::English, QLocale::UnitedStates);
    // Qt reads "03/12/-9185" as a date in year -9185: whatever the editor reads, a birth date
    // outside 1880..today must be refused when the patient is checked.
    for (const QLocale *locale : {&german, &american}) {
        const QDate d = editorBirthDate(*locale, text);
        if (!d.isValid())
            continue;
        Patient p;
        p.familyName = QStringLiteral("Fuzz");
        p.birthDate = d;
        require(PatientValidation::check(p, kToday).contains(QStringLiteral("birthDate")) ==
                (d > kToday || d.year() < 1880));
    }
}

void checkPhone(const QString &text)
{
    const QString digits = SearchText::phoneDigits(text);
    require(onlyAsciiDigits(digits.startsWith(QLatin1Char('+')) ? digits.mid(1) : digits));
    const QStringList forms = SearchText::phoneForms(text, kCountry);
    for (const QString &form : forms)
        require(!form.isEmpty() && onlyAsciiDigits(form));
    require(std::is_sorted(forms.begin(), forms.end()));
    // A number the editor accepts is one the search finds again.
    if (PatientValidation::isPhoneNumber(text))
        require(!forms.isEmpty());
}

void checkEmail(const QString &text)
{
    if (PatientValidation::isEmailAddress(text)) {
        const QString t = text.trimmed();
        require(t.count(QLatin1Char('@')) == 1 && !t.startsWith(QLatin1Char('@')));
    }
    require(onlyLettersAndNumbers(SearchText::compact(text)));
}

// What the search sends to the full-text index: only our own syntax around folded letters and
// digits, so nothing typed becomes FTS syntax.
void checkQuery(const QString &text)
{
    const PatientSearchQuery query(text, kCountry);
    static const QRegularExpression term(QStringLiteral("^(names|identifiers):(\\w*)\\*?$"),
                                         QRegularExpression::UseUnicodePropertiesOption);
    for (const QString &expression : query.matchExpressions()) {
        const QStringList parts = expression.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            if (part == QLatin1String("OR"))
                continue;
            const auto m = term.match(part);
            require(m.hasMatch() && onlyLettersAndNumbers(m.captured(2)));
        }
    }
    for (const QDate &d : query.dates())
        require(d.isValid());
    for (const QString &digits : query.digitStrings())
        require(!digits.isEmpty() && onlyAsciiDigits(digits));
    for (const QString &word : query.nameWords())
        require(!word.isEmpty() && onlyLettersAndNumbers(word));
}

void checkPatient(const QStringList &fields)
{
    Patient p;
    p.familyName = fields.value(0);
    p.givenName = fields.value(1);
    static const QLocale german(QLocale::German, QLocale::Germany);
    p.birthDate = editorBirthDate(german, fields.value(2));
    p.phoneMobile = fields.value(3);
    p.phoneHome = fields.value(3);
    p.emergencyContactPhone = fields.value(3);
    p.email = fields.value(4);
    p.mrn = fields.value(5);
    p.preferredChannel = fields.size() % 2 ? QStringLiteral("email") : QStringLiteral("sms");
    const QMap<QString, QString> errors = PatientValidation::check(p, kToday);
    const QMap<QString, QString> editing = PatientValidation::checkForEditing(p, kToday);
    // Editing asks more, never less; every message is something to show.
    for (auto it = errors.begin(); it != errors.end(); ++it)
        require(editing.contains(it.key()) && !it.value().isEmpty());
    for (const QString &message : editing)
        require(!message.isEmpty());
    require(
        errors.contains(QStringLiteral("phoneMobile")) ==
        (!p.phoneMobile.trimmed().isEmpty() && !PatientValidation::isPhoneNumber(p.phoneMobile)));
    require(errors.contains(QStringLiteral("email")) ==
            (!p.email.trimmed().isEmpty() && !PatientValidation::isEmailAddress(p.email)));
    require(errors.contains(QStringLiteral("birthDate")) ==
            (p.birthDate.isValid() && (p.birthDate > kToday || p.birthDate.year() < 1880)));
    require(errors.contains(QStringLiteral("familyName")) == p.familyName.trimmed().isEmpty());

    // The ranking from the index's words must not depend on having read the patients table.
    PatientSearchQuery::Candidate full;
    full.familyName = p.familyName;
    full.givenName = p.givenName;
    full.birthDate = p.birthDate;
    full.mrn = p.mrn;
    full.phones = {p.phoneMobile};
    full.email = p.email;
    const PatientSearchQuery::Candidate indexed = PatientSearchQuery::fromIndex(
        PatientSearchQuery::indexName(p.familyName), PatientSearchQuery::indexName(p.givenName),
        PatientSearchQuery::indexIdentifiers(full, kCountry));
    for (const QString &typed : fields) {
        const PatientSearchQuery query(typed, kCountry);
        require(query.score(full).points == query.score(indexed).points);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureApplication();
    const QString input = fuzz::text(data, size);
    checkDates(input);
    checkPhone(input);
    checkEmail(input);
    checkQuery(input);
    (void)SearchText::nameTokens(input);
    const QStringList fields = input.split(QLatin1Char('\n'));
    if (fields.size() > 1) {
        for (const QString &field : fields) {
            checkDates(field);
            checkPhone(field);
        }
        checkPatient(fields);
    }
    return 0;
}

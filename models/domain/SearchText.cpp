#include "SearchText.h"

#include <QRegularExpression>

namespace frontdesk {

namespace {

QString mapUndecomposable(QChar c)
{
    switch (c.unicode()) {
    case 0x00DF:
        return QStringLiteral("ss"); // ß
    case 0x1E9E:
        return QStringLiteral("ss"); // ẞ
    case 0x0131:
        return QStringLiteral("i"); // ı
    case 0x0142:
        return QStringLiteral("l"); // ł
    case 0x0141:
        return QStringLiteral("l"); // Ł
    case 0x00F8:
        return QStringLiteral("o"); // ø
    case 0x00D8:
        return QStringLiteral("o"); // Ø
    case 0x00E6:
        return QStringLiteral("ae"); // æ
    case 0x00C6:
        return QStringLiteral("ae"); // Æ
    case 0x0153:
        return QStringLiteral("oe"); // œ
    case 0x0152:
        return QStringLiteral("oe"); // Œ
    case 0x0111:
        return QStringLiteral("d"); // đ
    case 0x0110:
        return QStringLiteral("d"); // Đ
    case 0x00FE:
        return QStringLiteral("th"); // þ
    case 0x00DE:
        return QStringLiteral("th"); // Þ
    default:
        return {};
    }
}

} // namespace

QString SearchText::fold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        const auto category = c.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining ||
            category == QChar::Mark_Enclosing)
            continue;
        const QString mapped = mapUndecomposable(c);
        out += mapped.isEmpty() ? QString(c) : mapped;
    }
    return out.toCaseFolded();
}

QString SearchText::foldGerman(const QString &text)
{
    QString t = text;
    // Composed and decomposed spellings of the umlauts alike.
    t = t.normalized(QString::NormalizationForm_C);
    t.replace(QChar(0x00E4), QStringLiteral("ae"))
        .replace(QChar(0x00F6), QStringLiteral("oe"))
        .replace(QChar(0x00FC), QStringLiteral("ue"))
        .replace(QChar(0x00C4), QStringLiteral("Ae"))
        .replace(QChar(0x00D6), QStringLiteral("Oe"))
        .replace(QChar(0x00DC), QStringLiteral("Ue"));
    return fold(t);
}

QStringList SearchText::nameTokens(const QString &name)
{
    QStringList tokens;
    auto addFrom = [&tokens](const QString &folded) {
        auto add = [&tokens](const QString &t) {
            if (!t.isEmpty() && !tokens.contains(t))
                tokens << t;
        };
        QString all;
        const QStringList words =
            folded.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        for (const QString &word : words) {
            // Hyphens and apostrophes split a word into parts; the joined word is kept too, so
            // O'Brien is found by "o brien", "brien" and "obrien".
            QString part;
            QString joined;
            int parts = 0;
            for (const QChar c : word) {
                if (c.isLetterOrNumber()) {
                    part += c;
                    joined += c;
                } else if (!part.isEmpty()) {
                    add(part);
                    part.clear();
                    ++parts;
                }
            }
            if (!part.isEmpty()) {
                add(part);
                ++parts;
            }
            if (parts > 1)
                add(joined);
            all += joined;
        }
        if (words.size() > 1)
            add(all);
    };
    addFrom(fold(name));
    const QString german = foldGerman(name);
    if (german != fold(name))
        addFrom(german);
    return tokens;
}

QString SearchText::phoneDigits(const QString &phone)
{
    const QString trimmed = phone.trimmed();
    QString digits;
    for (const QChar c : trimmed)
        if (c.isDigit())
            digits += QChar(QLatin1Char(char('0' + c.digitValue())));
    if (trimmed.startsWith(QLatin1Char('+')))
        return QLatin1Char('+') + digits;
    if (digits.startsWith(QLatin1String("00")))
        return QLatin1Char('+') + digits.mid(2);
    return digits;
}

QStringList SearchText::phoneForms(const QString &phone, const QString &countryCode)
{
    const QString digits = phoneDigits(phone);
    if (digits.isEmpty() || digits == QLatin1String("+"))
        return {};
    QStringList forms;
    if (digits.startsWith(QLatin1Char('+'))) {
        const QString international = digits.mid(1);
        forms << international;
        if (!countryCode.isEmpty() && international.startsWith(countryCode))
            forms << QLatin1Char('0') + international.mid(countryCode.size());
    } else if (digits.startsWith(QLatin1Char('0'))) {
        forms << digits;
        if (!countryCode.isEmpty())
            forms << countryCode + digits.mid(1);
    } else {
        forms << digits;
    }
    std::sort(forms.begin(), forms.end());
    return forms;
}

QString SearchText::compact(const QString &text)
{
    QString out;
    for (const QChar c : fold(text))
        if (c.isLetterOrNumber())
            out += c;
    return out;
}

QList<QDate> SearchText::parseDates(const QString &text)
{
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})$"));
    static const QRegularExpression dotted(QStringLiteral("^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})$"));
    static const QRegularExpression slashed(QStringLiteral("^(\\d{1,2})/(\\d{1,2})/(\\d{4})$"));
    static const QRegularExpression compactDate(QStringLiteral("^(\\d{4})(\\d{2})(\\d{2})$"));
    const QString t = text.trimmed();
    QList<QDate> dates;
    auto add = [&dates](int y, int m, int d) {
        const QDate date(y, m, d);
        if (date.isValid() && y >= 1850 && !dates.contains(date))
            dates << date;
    };
    if (auto m = iso.match(t); m.hasMatch())
        add(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    else if (auto m2 = dotted.match(t); m2.hasMatch())
        add(m2.captured(3).toInt(), m2.captured(2).toInt(), m2.captured(1).toInt());
    else if (auto m3 = slashed.match(t); m3.hasMatch()) {
        const int a = m3.captured(1).toInt();
        const int b = m3.captured(2).toInt();
        const int y = m3.captured(3).toInt();
        add(y, b, a); // DD/MM/YYYY, the European reading first
        add(y, a, b); // MM/DD/YYYY
    } else if (auto m4 = compactDate.match(t); m4.hasMatch())
        add(m4.captured(1).toInt(), m4.captured(2).toInt(), m4.captured(3).toInt());
    return dates;
}

} // namespace frontdesk

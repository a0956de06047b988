#include "ReplyWords.h"

#include <QRegularExpression>

namespace frontdesk {

namespace {

// The first word, lower case.
QString firstWord(const QString &reply)
{
    static const QRegularExpression word(QStringLiteral("^\\W*(\\w+)"),
                                         QRegularExpression::UseUnicodePropertiesOption);
    const auto match = word.match(reply);
    return match.hasMatch() ? match.captured(1).toLower() : QString();
}

// Without accents: phones without the accent key send "arret" for "arrêt".
QString withoutAccents(const QString &word)
{
    const QString decomposed = word.normalized(QString::NormalizationForm_D);
    QString plain;
    plain.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            plain += c;
    }
    return plain;
}

} // namespace

const QStringList &ReplyWords::confirmWords()
{
    // The dashboard's list: changing it changes the "Reminders confirmed" figure.
    static const QStringList words{QStringLiteral("yes"), QStringLiteral("y"),
                                   QStringLiteral("ja"),  QStringLiteral("j"),
                                   QStringLiteral("ok"),  QStringLiteral("c"),
                                   QStringLiteral("1"),   QStringLiteral("confirm")};
    return words;
}

const QStringList &ReplyWords::cancelWords()
{
    static const QStringList words{QStringLiteral("cancel"),     QStringLiteral("storno"),
                                   QStringLiteral("stornieren"), QStringLiteral("absagen"),
                                   QStringLiteral("absage"),     QStringLiteral("annuler"),
                                   QStringLiteral("annule"),     QStringLiteral("annulation"),
                                   QStringLiteral("cancelar"),   QStringLiteral("anular")};
    return words;
}

const QStringList &ReplyWords::stopWords()
{
    // What carriers and gateways treat as an opt-out in English, German, French and Spanish.
    static const QStringList words{QStringLiteral("stop"),        QStringLiteral("stopp"),
                                   QStringLiteral("arret"),       QStringLiteral("baja"),
                                   QStringLiteral("unsubscribe"), QStringLiteral("abmelden")};
    return words;
}

ReplyWords::Meaning ReplyWords::classify(const QString &reply)
{
    const QString word = firstWord(reply);
    if (word.isEmpty())
        return Meaning::Other;
    // Compared as typed, as the dashboard always has.
    if (confirmWords().contains(word))
        return Meaning::Confirm;
    const QString plain = withoutAccents(word);
    if (cancelWords().contains(plain))
        return Meaning::Cancel;
    if (stopWords().contains(plain))
        return Meaning::Stop;
    return Meaning::Other;
}

QString ReplyWords::name(Meaning meaning)
{
    switch (meaning) {
    case Meaning::Confirm:
        return QStringLiteral("confirm");
    case Meaning::Cancel:
        return QStringLiteral("cancel");
    case Meaning::Stop:
        return QStringLiteral("stop");
    case Meaning::Other:
        break;
    }
    return QStringLiteral("other");
}

} // namespace frontdesk

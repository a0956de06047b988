#include "TemplateRenderer.h"

#include "core/LocaleFormat.h"
#include "messaging/ContactPolicy.h"

#include <functional>

namespace frontdesk {

namespace {

constexpr qsizetype maxNameLength = 100;

// One piece of a template text: literal text, or a placeholder's name.
struct Piece
{
    QString text;
    bool placeholder = false;
};

// Splits a text into literal text and placeholders. Fails on a brace that opens or closes
// nothing, naming where it is, so "{first_name" is never sent as written.
Result<QList<Piece>> parse(const QString &text)
{
    QList<Piece> pieces;
    QString literal;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool doubled = i + 1 < text.size() && text.at(i + 1) == c;
        if (c == QLatin1Char('}')) {
            if (!doubled)
                return fail(TemplateRenderer::tr("The text has a } that closes no placeholder "
                                                 "(after \"%1\"); write }} for a brace.")
                                .arg(text.left(i).right(20)));
            literal += c;
            ++i;
            continue;
        }
        if (c != QLatin1Char('{')) {
            literal += c;
            continue;
        }
        if (doubled) {
            literal += c;
            ++i;
            continue;
        }
        const qsizetype close = text.indexOf(QLatin1Char('}'), i + 1);
        const qsizetype reopen = text.indexOf(QLatin1Char('{'), i + 1);
        if (close < 0 || (reopen >= 0 && reopen < close))
            return fail(TemplateRenderer::tr("The text has a { that is not closed (at \"%1\"); "
                                             "write {{ for a brace.")
                            .arg(text.mid(i, 20)));
        if (!literal.isEmpty())
            pieces.append({literal, false});
        literal.clear();
        pieces.append({text.mid(i + 1, close - i - 1).trimmed(), true});
        i = close;
    }
    if (!literal.isEmpty())
        pieces.append({literal, false});
    return pieces;
}

// Why a placeholder has no value here, or an empty string when it has one.
struct Filled
{
    QString value;
    QString missing;
};

Filled patientField(const TemplateContext &c, const QString &value, const QString &field)
{
    if (!c.patient)
        return {
            {},
            TemplateRenderer::tr("The template needs %1, but no patient is chosen.").arg(field)};
    if (value.trimmed().isEmpty())
        return {{},
                TemplateRenderer::tr("The template needs %1, but the patient's record has none.")
                    .arg(field)};
    return {value.trimmed(), {}};
}

Filled appointmentField(const TemplateContext &c, const std::function<QString()> &value,
                        const QString &field)
{
    if (!c.appointment)
        return {{},
                TemplateRenderer::tr("The template needs %1, but no appointment is chosen.")
                    .arg(field)};
    const QString v = value();
    if (v.trimmed().isEmpty())
        return {{},
                TemplateRenderer::tr("The template needs %1, but the appointment has none.")
                    .arg(field)};
    return {v, {}};
}

Filled clinicField(const QString &value, const QString &field)
{
    if (value.trimmed().isEmpty())
        return {{},
                TemplateRenderer::tr("The template needs %1, but the clinic's settings have none.")
                    .arg(field)};
    return {value.trimmed(), {}};
}

Filled fill(const QString &name, const TemplateContext &c)
{
    const QString field = TemplateRenderer::describe(name);
    if (name == QLatin1String("first_name"))
        return patientField(c, c.patient ? c.patient->givenName : QString(), field);
    if (name == QLatin1String("family_name"))
        return patientField(c, c.patient ? c.patient->familyName : QString(), field);
    if (name == QLatin1String("appointment_date"))
        return appointmentField(
            c,
            [&c] {
                const QDateTime start = c.appointment->start;
                return start.isValid() ? c.locale.toString(c.clinicTime.toLocal(start).date(),
                                                           QLocale::LongFormat)
                                       : QString();
            },
            field);
    if (name == QLatin1String("appointment_time"))
        return appointmentField(
            c,
            [&c] {
                const QDateTime start = c.appointment->start;
                return start.isValid()
                           ? LocaleFormat::time(c.clinicTime.toLocal(start).time(), c.locale)
                           : QString();
            },
            field);
    if (name == QLatin1String("appointment_type"))
        return appointmentField(
            c,
            [&c] {
                return c.appointmentTypeName.isEmpty() ? c.appointment->type
                                                       : c.appointmentTypeName;
            },
            field);
    if (name == QLatin1String("practitioner")) {
        if (!c.appointment)
            return {{},
                    TemplateRenderer::tr("The template needs %1, but no appointment is chosen.")
                        .arg(field)};
        if (!c.practitioner || c.practitioner->displayName().trimmed().isEmpty())
            return {{},
                    TemplateRenderer::tr("The template needs %1, but the appointment has no "
                                         "practitioner.")
                        .arg(field)};
        return {c.practitioner->displayName().trimmed(), {}};
    }
    if (name == QLatin1String("clinic_name"))
        return clinicField(c.clinicName, field);
    if (name == QLatin1String("clinic_phone"))
        return clinicField(c.clinicPhone, field);
    return {{},
            TemplateRenderer::tr("The template uses {%1}, which is not a field templates "
                                 "know.")
                .arg(name)};
}

Result<QString> renderText(const QString &text, const TemplateContext &c, QStringList &missing)
{
    auto pieces = parse(text);
    if (!pieces)
        return fail(pieces.error());
    QString out;
    for (const Piece &p : *pieces) {
        if (!p.placeholder) {
            out += p.text;
            continue;
        }
        const Filled f = fill(p.text, c);
        if (f.missing.isEmpty())
            out += f.value;
        else if (!missing.contains(f.missing))
            missing.append(f.missing);
    }
    return out;
}

} // namespace

QStringList TemplateRenderer::placeholders()
{
    return {QStringLiteral("first_name"),       QStringLiteral("family_name"),
            QStringLiteral("appointment_date"), QStringLiteral("appointment_time"),
            QStringLiteral("appointment_type"), QStringLiteral("practitioner"),
            QStringLiteral("clinic_name"),      QStringLiteral("clinic_phone")};
}

QString TemplateRenderer::describe(const QString &placeholder)
{
    if (placeholder == QLatin1String("first_name"))
        return tr("the patient's first name");
    if (placeholder == QLatin1String("family_name"))
        return tr("the patient's family name");
    if (placeholder == QLatin1String("appointment_date"))
        return tr("the appointment's date");
    if (placeholder == QLatin1String("appointment_time"))
        return tr("the appointment's time");
    if (placeholder == QLatin1String("appointment_type"))
        return tr("the appointment's type");
    if (placeholder == QLatin1String("practitioner"))
        return tr("the practitioner's name");
    if (placeholder == QLatin1String("clinic_name"))
        return tr("the clinic's name");
    if (placeholder == QLatin1String("clinic_phone"))
        return tr("the clinic's phone number");
    return placeholder;
}

Result<QStringList> TemplateRenderer::placeholdersIn(const QString &text)
{
    auto pieces = parse(text);
    if (!pieces)
        return fail(pieces.error());
    QStringList names;
    for (const Piece &p : *pieces) {
        if (!p.placeholder)
            continue;
        if (!placeholders().contains(p.text))
            return fail(tr("The template uses {%1}, which is not a field templates know. Known "
                           "fields: %2.")
                            .arg(p.text, QLatin1Char('{') +
                                             placeholders().join(QStringLiteral("}, {")) +
                                             QLatin1Char('}')));
        if (!names.contains(p.text))
            names.append(p.text);
    }
    return names;
}

Status TemplateRenderer::validate(const MessageTemplate &t)
{
    if (t.name.trimmed().isEmpty())
        return fail(tr("The template needs a name the staff choose it by."));
    if (t.name.trimmed().size() > maxNameLength)
        return fail(tr("The template's name is longer than %1 characters.").arg(maxNameLength));
    if (!ContactPolicy::purposes().contains(t.purpose))
        return fail(tr("\"%1\" is not a purpose messages are sent for.").arg(t.purpose));
    if (!MessageTemplate::channels().contains(t.channel))
        return fail(
            tr("A template is for SMS, e-mail or either; \"%1\" is none of them.").arg(t.channel));
    if (t.body.trimmed().isEmpty())
        return fail(tr("The template's text is empty."));
    if (t.channel != QLatin1String("sms") && t.subject.trimmed().isEmpty())
        return fail(tr("A template that may go by e-mail needs a subject."));
    for (const QString &text : {t.subject, t.body}) {
        if (auto used = placeholdersIn(text); !used)
            return fail(used.error());
    }
    return {};
}

Result<RenderedMessage> TemplateRenderer::render(const MessageTemplate &t,
                                                 const TemplateContext &context,
                                                 const QString &sendChannel)
{
    if (!t.fitsChannel(sendChannel))
        return fail(tr("The template \"%1\" is not for this channel.").arg(t.name));
    const bool email = sendChannel == QLatin1String("email");
    if (email && t.subject.trimmed().isEmpty())
        return fail(tr("The template \"%1\" has no subject for an e-mail.").arg(t.name));
    for (const QString &text : {t.subject, t.body}) {
        if (auto used = placeholdersIn(text); !used)
            return fail(used.error());
    }
    QStringList missing;
    RenderedMessage rendered;
    if (email) {
        auto s = renderText(t.subject, context, missing);
        if (!s)
            return fail(s.error());
        rendered.subject = s->trimmed();
    }
    auto b = renderText(t.body, context, missing);
    if (!b)
        return fail(b.error());
    if (!missing.isEmpty())
        return fail(missing.join(QLatin1Char(' ')));
    rendered.body = b->trimmed();
    return rendered;
}

} // namespace frontdesk

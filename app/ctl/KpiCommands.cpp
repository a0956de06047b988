#include "CtlCommand.h"

#include "kpi/KpiDefinitions.h"
#include "kpi/KpiService.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace frontdesk {

namespace {

// The dashboard's figures (the recalls behind one of them: RecallCommands).
class KpiCommands
{
    Q_DECLARE_TR_FUNCTIONS(KpiCommands)
public:
    static QList<CtlCommand> all();

private:
    static int kpi(CtlContext &c, const QCommandLineParser &p, const QStringList &);
    // A date written YYYY-MM-DD; an invalid date otherwise.
    static QDate date(const QString &text)
    {
        static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
        return shape.match(text).hasMatch() ? QDate::fromString(text, Qt::ISODate) : QDate();
    }
    static QString formatted(const KpiDefinition &d, const std::optional<double> &value);
    static QString change(const KpiDefinition &d, const KpiValue &now, const KpiValue &before);
    static QJsonObject json(const KpiValue &v);
};

QString KpiCommands::formatted(const KpiDefinition &d, const std::optional<double> &value)
{
    if (!value)
        return tr("n/a");
    const QLocale locale;
    switch (d.unit) {
    case KpiUnit::Count:
        return locale.toString(qint64(std::llround(*value)));
    case KpiUnit::Fraction:
        return tr("%1 %").arg(locale.toString(*value * 100.0, 'f', 1));
    case KpiUnit::Days:
        return tr("%1 d").arg(locale.toString(*value, 'f', 1));
    case KpiUnit::Score:
        return locale.toString(*value, 'f', 2);
    }
    return {};
}

QString KpiCommands::change(const KpiDefinition &d, const KpiValue &now, const KpiValue &before)
{
    if (!now.value || !before.value)
        return tr("n/a");
    const QLocale locale;
    const double delta = *now.value - *before.value;
    const QString sign = delta > 0 ? QStringLiteral("+") : QString();
    switch (d.unit) {
    case KpiUnit::Count:
        return sign + locale.toString(qint64(std::llround(delta)));
    case KpiUnit::Fraction:
        return tr("%1 pp").arg(sign + locale.toString(delta * 100.0, 'f', 1));
    case KpiUnit::Days:
        return tr("%1 d").arg(sign + locale.toString(delta, 'f', 1));
    case KpiUnit::Score:
        return sign + locale.toString(delta, 'f', 2);
    }
    return {};
}

QJsonObject KpiCommands::json(const KpiValue &v)
{
    return {{QStringLiteral("value"), v.value ? QJsonValue(*v.value) : QJsonValue()},
            {QStringLiteral("numerator"), v.numerator},
            {QStringLiteral("denominator"), v.denominator}};
}

int KpiCommands::kpi(CtlContext &c, const QCommandLineParser &p, const QStringList &)
{
    if (!p.isSet(QStringLiteral("from")) || !p.isSet(QStringLiteral("to")))
        return c.usage(tr("kpi needs --from DATE and --to DATE (YYYY-MM-DD)."));
    KpiFilter filter;
    filter.from = date(p.value(QStringLiteral("from")));
    filter.to = date(p.value(QStringLiteral("to")));
    if (!filter.from.isValid())
        return c.usage(tr("--from \"%1\" is not a date written YYYY-MM-DD.")
                           .arg(p.value(QStringLiteral("from"))));
    if (!filter.to.isValid())
        return c.usage(
            tr("--to \"%1\" is not a date written YYYY-MM-DD.").arg(p.value(QStringLiteral("to"))));
    if (auto v = filter.validate(); !v)
        return c.usage(v.error());
    filter.practitionerId = p.value(QStringLiteral("practitioner"));
    filter.locationId = p.value(QStringLiteral("location"));
    filter.appointmentType = p.value(QStringLiteral("type"));

    auto opened = c.openDatabase();
    if (!opened)
        return c.failure(opened.error());
    auto report = KpiService(*opened->database).compute(filter);
    if (!report)
        return c.failure(report.error());

    const KpiFilter previous = filter.previous();
    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject figures;
        for (const KpiDefinition &d : KpiDefinitions::all()) {
            QJsonObject figure = json(report->current.value(d.kpi));
            figure.insert(QStringLiteral("previous"), json(report->previous.value(d.kpi)));
            figures.insert(d.key, figure);
        }
        const QJsonObject root{
            {QStringLiteral("from"), filter.from.toString(Qt::ISODate)},
            {QStringLiteral("to"), filter.to.toString(Qt::ISODate)},
            {QStringLiteral("previous_from"), previous.from.toString(Qt::ISODate)},
            {QStringLiteral("previous_to"), previous.to.toString(Qt::ISODate)},
            {QStringLiteral("as_of"), report->asOf.toString(Qt::ISODate)},
            {QStringLiteral("last_sync_at"),
             report->lastSyncedAt.isValid()
                 ? QJsonValue(report->lastSyncedAt.toString(Qt::ISODateWithMs))
                 : QJsonValue()},
            {QStringLiteral("practitioner"), filter.practitionerId},
            {QStringLiteral("location"), filter.locationId},
            {QStringLiteral("type"), filter.appointmentType},
            {QStringLiteral("figures"), figures}};
        c.out() << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return CtlContext::Ok;
    }

    const QLocale locale;
    c.out() << tr("Period %1 to %2, compared with %3 to %4; as of %5.")
                   .arg(locale.toString(filter.from, QLocale::ShortFormat),
                        locale.toString(filter.to, QLocale::ShortFormat),
                        locale.toString(previous.from, QLocale::ShortFormat),
                        locale.toString(previous.to, QLocale::ShortFormat),
                        locale.toString(report->asOf, QLocale::ShortFormat))
            << '\n';
    c.out() << (report->lastSyncedAt.isValid()
                    ? tr("As of the last sync, %1.")
                          .arg(locale.toString(report->lastSyncedAt.toLocalTime(),
                                               QLocale::ShortFormat))
                    : tr("This workstation has not synced yet: the figures show its own data."))
            << "\n\n";
    QList<QStringList> rows{{tr("Figure"), tr("This period"), tr("Previous period"), tr("Change")}};
    for (const KpiDefinition &d : KpiDefinitions::all()) {
        const KpiValue now = report->current.value(d.kpi);
        const KpiValue before = report->previous.value(d.kpi);
        QString current = formatted(d, now.value);
        QString earlier = formatted(d, before.value);
        // Parts of a whole read better with the whole beside them (an average is no part).
        if (d.unit != KpiUnit::Score && (d.unit == KpiUnit::Fraction || now.denominator > 0)) {
            current += QStringLiteral(" (%1/%2)").arg(now.numerator).arg(now.denominator);
            earlier += QStringLiteral(" (%1/%2)").arg(before.numerator).arg(before.denominator);
        }
        rows.append({d.name, current, earlier, change(d, now, before)});
    }
    QList<qsizetype> widths(4, 0);
    for (const QStringList &row : rows)
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    for (const QStringList &row : rows) {
        QString line = row.at(0).leftJustified(widths[0]);
        for (qsizetype i = 1; i < row.size(); ++i)
            line += QStringLiteral("  ") + row.at(i).rightJustified(widths[i]);
        c.out() << line.trimmed() << '\n';
    }
    return CtlContext::Ok;
}

QList<CtlCommand> KpiCommands::all()
{
    const QCommandLineOption json(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption practitioner(QStringLiteral("practitioner"),
                                          tr("Only this practitioner's."), QStringLiteral("ID"));
    return {
        {QStringLiteral("kpi"),
         {},
         tr("The dashboard's figures for a period beside the previous one."),
         {QCommandLineOption(QStringLiteral("from"), tr("First day (YYYY-MM-DD)."),
                             QStringLiteral("DATE")),
          QCommandLineOption(QStringLiteral("to"), tr("Last day (YYYY-MM-DD)."),
                             QStringLiteral("DATE")),
          practitioner,
          QCommandLineOption(QStringLiteral("location"), tr("Only appointments in this room."),
                             QStringLiteral("ID")),
          QCommandLineOption(QStringLiteral("type"),
                             tr("Only appointments of this type (e.g. check-up)."),
                             QStringLiteral("CODE")),
          json},
         kpi},
    };
}

} // namespace

QList<CtlCommand> kpiCommands()
{
    return KpiCommands::all();
}

} // namespace frontdesk

#include "KpiFigureModel.h"

#include "access/AccessGuard.h"
#include "core/LocaleFormat.h"
#include "database/Database.h"
#include "database/ReadWorker.h"
#include "kpi/KpiDefinitions.h"
#include "kpi/KpiService.h"

#include <QLocale>

#include <atomic>

#include <cmath>

namespace frontdesk {

namespace {

std::optional<double> numeric(const KpiDefinition &definition, const KpiValue &value)
{
    if (value.value)
        return value.value;
    if (definition.unit == KpiUnit::Count)
        return double(value.numerator);
    return std::nullopt;
}

// The change as the person reads it: in percentage points for rates, so compare what is shown.
std::optional<double> difference(const KpiDefinition &definition, const KpiValue &current,
                                 const KpiValue &previous)
{
    const auto now = numeric(definition, current);
    const auto before = numeric(definition, previous);
    if (!now || !before)
        return std::nullopt;
    const double factor = definition.unit == KpiUnit::Fraction ? 1000.0
                          : definition.unit == KpiUnit::Days || definition.unit == KpiUnit::Score
                              ? 10.0
                              : 1.0;
    const double scale = definition.unit == KpiUnit::Fraction ? 100.0 : 1.0;
    return std::round((*now - *before) * factor) / factor * scale;
}

} // namespace

// Touched only on the background thread, except `newest`, which says which request is the
// newest.
struct KpiFigureModel::Background
{
    std::unique_ptr<KpiService> service;
    std::atomic<quint64> newest{0};
};

KpiFigureModel::KpiFigureModel(Database &db, QObject *parent)
    : DatabaseTableModel(db, parent), m_background(std::make_shared<Background>())
{}

KpiFigureModel::~KpiFigureModel()
{
    // The worker reads the UI connection's path, key and clock: it ends here, before they go.
    // The service is released on the worker's thread, while the connection it reads is open.
    if (m_worker) {
        m_background->newest = 0; // no request is the newest: those still queued are skipped
        m_worker->post([background = m_background](Database *, const QString &) {
            background->service.reset();
        });
        m_worker.reset();
    }
}

bool KpiFigureModel::checkRequest()
{
    if (auto allowed = AccessGuard(database()).require(Permission::ViewDashboards); !allowed) {
        reportError(allowed.error());
        return false;
    }
    if (auto valid = m_filter.validate(); !valid) {
        reportError(valid.error());
        return false;
    }
    return true;
}

void KpiFigureModel::refresh()
{
    const quint64 generation = ++m_generation;
    if (!checkRequest()) {
        setComputing(false);
        return;
    }
    finish(generation, KpiService(database()).compute(m_filter));
}

void KpiFigureModel::refreshInBackground()
{
    const quint64 generation = ++m_generation;
    if (!checkRequest()) {
        setComputing(false);
        return;
    }
    setComputing(true);
    m_background->newest = generation;
    if (!m_worker)
        m_worker = std::make_unique<ReadWorker>(database());
    // The destructor waits for the worker, so `this` outlives every task.
    m_worker->post([background = m_background, filter = m_filter, generation,
                    this](Database *db, const QString &openError) {
        if (background->newest != generation)
            return; // a newer request is queued behind this one
        Result<KpiReport> report = fail(openError);
        if (db) {
            if (!background->service)
                background->service = std::make_unique<KpiService>(*db);
            report = background->service->compute(filter);
        }
        // Delivered in the model's thread; Qt drops it if the model is deleted before then.
        QMetaObject::invokeMethod(
            this, [this, generation, report] { finish(generation, report); }, Qt::QueuedConnection);
    });
}

void KpiFigureModel::finish(quint64 generation, const Result<KpiReport> &report)
{
    if (generation != m_generation)
        return;
    if (report) {
        beginResetModel();
        m_report = *report;
        m_hasReport = true;
        endResetModel();
        clearError();
    } else {
        reportError(tr("Could not compute the dashboard: %1").arg(report.error()));
    }
    setComputing(false);
}

void KpiFigureModel::setComputing(bool computing)
{
    if (computing == m_computing)
        return;
    m_computing = computing;
    emit computingChanged(computing);
}

int KpiFigureModel::rowOf(Kpi kpi) const
{
    const QList<KpiDefinition> &all = KpiDefinitions::all();
    for (qsizetype i = 0; i < all.size(); ++i)
        if (all.at(i).kpi == kpi)
            return int(i);
    return -1;
}

int KpiFigureModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(KpiDefinitions::all().size());
}

int KpiFigureModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KpiFigureModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const KpiDefinition &definition = KpiDefinitions::all().at(index.row());
    const KpiValue current = m_report.current.value(definition.kpi);
    const KpiValue previous = m_report.previous.value(definition.kpi);
    const bool shown = m_hasReport;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case FigureColumn:
            return definition.name;
        case CurrentColumn:
            return shown ? valueText(definition, current) : QString();
        case PreviousColumn:
            return shown ? valueText(definition, previous) : QString();
        case ChangeColumn:
            return shown ? changeText(definition, current, previous) : QString();
        case BaseColumn:
            return shown ? baseText(current) : QString();
        }
        break;
    case Qt::ToolTipRole:
        return definition.definition;
    case Qt::TextAlignmentRole:
        return index.column() == FigureColumn ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                              : int(Qt::AlignRight | Qt::AlignVCenter);
    case IdRole:
        return definition.key;
    case KpiRole:
        return int(definition.kpi);
    case ValueRole: {
        if (!shown)
            return {};
        std::optional<double> v;
        if (index.column() == CurrentColumn || index.column() == BaseColumn)
            v = numeric(definition, current);
        else if (index.column() == PreviousColumn)
            v = numeric(definition, previous);
        else if (index.column() == ChangeColumn)
            v = difference(definition, current, previous);
        return v ? QVariant(*v) : QVariant();
    }
    case AssessmentRole:
        return shown ? assessment(definition, current, previous) : 0;
    }
    return {};
}

QVariant KpiFigureModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section >= 0 && section < ColumnCount) {
        if (role == Qt::DisplayRole) {
            switch (section) {
            case FigureColumn:
                return tr("Figure");
            case CurrentColumn:
                return tr("This period");
            case PreviousColumn:
                return tr("Previous period");
            case ChangeColumn:
                return tr("Change");
            case BaseColumn:
                return tr("Of");
            }
        }
        if (role == Qt::ToolTipRole && m_filter.from.isValid()) {
            if (section == CurrentColumn)
                return periodText(m_filter);
            if (section == PreviousColumn)
                return periodText(m_filter.previous());
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

QString KpiFigureModel::percentText(const std::optional<double> &fraction)
{
    if (!fraction)
        return tr("n/a");
    const QLocale locale;
    return locale.toString(*fraction * 100.0, 'f', 1) + locale.percent();
}

QString KpiFigureModel::daysText(const std::optional<double> &days)
{
    if (!days)
        return tr("n/a");
    return tr("%1 days").arg(QLocale().toString(*days, 'f', 1));
}

QString KpiFigureModel::valueText(const KpiDefinition &definition, const KpiValue &value)
{
    switch (definition.unit) {
    case KpiUnit::Fraction:
        return percentText(value.value);
    case KpiUnit::Days:
        return daysText(value.value);
    case KpiUnit::Score:
        return value.value ? QLocale().toString(*value.value, 'f', 1) : tr("n/a");
    case KpiUnit::Count:
        return QLocale().toString(value.value ? qint64(std::llround(*value.value))
                                              : value.numerator);
    }
    return {};
}

QString KpiFigureModel::changeText(const KpiDefinition &definition, const KpiValue &current,
                                   const KpiValue &previous)
{
    const auto diff = difference(definition, current, previous);
    if (!diff)
        return tr("—", "no comparison");
    if (*diff == 0.0)
        return tr("no change");
    const QLocale locale;
    const QString arrow = *diff > 0 ? QStringLiteral("▲") : QStringLiteral("▼");
    const double size = std::abs(*diff);
    switch (definition.unit) {
    case KpiUnit::Fraction:
        return tr("%1 %2 pp", "arrow, percentage points").arg(arrow, locale.toString(size, 'f', 1));
    case KpiUnit::Days:
        return tr("%1 %2 days", "arrow, days").arg(arrow, locale.toString(size, 'f', 1));
    case KpiUnit::Score:
        return tr("%1 %2", "arrow, count").arg(arrow, locale.toString(size, 'f', 1));
    case KpiUnit::Count:
        return tr("%1 %2", "arrow, count").arg(arrow, locale.toString(qint64(size)));
    }
    return {};
}

int KpiFigureModel::assessment(const KpiDefinition &definition, const KpiValue &current,
                               const KpiValue &previous)
{
    const auto diff = difference(definition, current, previous);
    if (!diff || *diff == 0.0 || definition.direction == KpiDirection::Neutral)
        return 0;
    const bool up = *diff > 0;
    return up == (definition.direction == KpiDirection::HigherIsBetter) ? 1 : -1;
}

QString KpiFigureModel::baseText(const KpiValue &value)
{
    if (value.denominator <= 0)
        return {};
    const QLocale locale;
    return tr("%1 of %2").arg(locale.toString(value.numerator), locale.toString(value.denominator));
}

QString KpiFigureModel::periodText(const KpiFilter &filter)
{
    const QLocale locale;
    if (filter.from == filter.to)
        return locale.toString(filter.from, QLocale::LongFormat);
    // Four-digit years: a period may span the turn of a century in a report kept for years.
    return tr("%1 – %2", "first day – last day")
        .arg(LocaleFormat::fullYearDate(filter.from, locale),
             LocaleFormat::fullYearDate(filter.to, locale));
}

} // namespace frontdesk

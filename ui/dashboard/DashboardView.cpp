#include "DashboardView.h"

#include "ClinicSettings.h"
#include "DashboardPdf.h"
#include "DrillDownDialog.h"
#include "FigureTile.h"
#include "KpiBreakdownModel.h"
#include "KpiFigureModel.h"
#include "KpiHelpDialog.h"
#include "NoShowHeatMap.h"
#include "PractitionerChart.h"
#include "WeeklyTrendChart.h"
#include "access/AccessGuard.h"
#include "access/AuditedExport.h"
#include "common/ViewHelpers.h"
#include "core/CsvWriter.h"
#include "core/LocaleFormat.h"
#include "domain/ClinicTime.h"
#include "kpi/KpiDefinitions.h"
#include "scheduling/ReferenceData.h"

#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace frontdesk {

namespace {

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

void selectData(QComboBox *combo, const QString &value)
{
    const int i = combo->findData(value);
    combo->setCurrentIndex(i < 0 ? 0 : i);
}

} // namespace

DashboardView::DashboardView(Database &db, QWidget *parent)
    : QWidget(parent), m_db(db), m_figures(new KpiFigureModel(db, this)),
      m_weeks(new KpiBreakdownModel(KpiBreakdownModel::Weeks, this)),
      m_practitioners(new KpiBreakdownModel(KpiBreakdownModel::Practitioners, this)),
      m_heatCells(new KpiBreakdownModel(KpiBreakdownModel::NoShowHeatMap, this)),
      m_dateTimer(new QTimer(this))
{
    for (KpiBreakdownModel *model : {m_weeks, m_practitioners, m_heatCells})
        model->setObjectName(model->title());

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buildFilterBar());
    layout->addLayout(buildCommands());
    layout->addWidget(buildPages(), 1);
    connectFilters();

    reloadFilters();
    m_preset->setCurrentIndex(m_preset->findData(int(KpiPeriodPreset::Last30Days)));
    applyPreset();
    updateFromReport();
}

QLayout *DashboardView::buildFilterBar()
{
    m_preset = new QComboBox(this);
    m_preset->setObjectName(QStringLiteral("dashboardPeriod"));
    for (KpiPeriodPreset::Preset preset : KpiPeriodPreset::all())
        m_preset->addItem(KpiPeriodPreset::name(preset), int(preset));
    m_from = new QDateEdit(this);
    m_from->setObjectName(QStringLiteral("dashboardFrom"));
    m_from->setAccessibleName(tr("First day"));
    m_to = new QDateEdit(this);
    m_to->setObjectName(QStringLiteral("dashboardTo"));
    m_to->setAccessibleName(tr("Last day"));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(view::fullYearDateFormat());
    }
    m_practitioner = new QComboBox(this);
    m_practitioner->setObjectName(QStringLiteral("dashboardPractitioner"));
    m_location = new QComboBox(this);
    m_location->setObjectName(QStringLiteral("dashboardLocation"));
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("dashboardType"));
    // Narrow enough for a 1024 px window, wider when there is room (the lists open wide).
    for (QComboBox *combo : {m_practitioner, m_location, m_type}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(6);
    }

    auto *filters = new QHBoxLayout;
    filters->addWidget(buddyLabel(tr("P&eriod:"), m_preset, this));
    filters->addWidget(m_preset);
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("to", "from date to date"), this));
    filters->addWidget(m_to);
    filters->addWidget(buddyLabel(tr("Pr&actitioner:"), m_practitioner, this));
    filters->addWidget(m_practitioner, 2);
    filters->addWidget(buddyLabel(tr("&Location:"), m_location, this));
    filters->addWidget(m_location, 1);
    filters->addWidget(buddyLabel(tr("T&ype:"), m_type, this));
    filters->addWidget(m_type, 1);

    return filters;
}

// The "as of" line and the commands.
QLayout *DashboardView::buildCommands()
{
    m_asOf = new QLabel(this);
    m_asOf->setObjectName(QStringLiteral("dashboardAsOf"));
    m_asOf->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("dashboardStatus"));
    m_status->setWordWrap(true);

    QAction *refreshAction =
        view::shortcutAction(this, tr("&Refresh"), QKeySequence(), tr("Compute the figures again"));
    refreshAction->setToolTip(tr("Compute the figures again (F5)"));
    connect(refreshAction, &QAction::triggered, this, [this] {
        reloadFilters();
        compute();
    });
    auto *refreshButton = new QToolButton(this);
    refreshButton->setDefaultAction(refreshAction);

    m_csvButton = new QToolButton(this);
    m_csvButton->setObjectName(QStringLiteral("dashboardCsv"));
    m_csvButton->setText(tr("Export &CSV…"));
    m_csvButton->setToolTip(tr("Save one of the dashboard's tables for a spreadsheet"));
    m_csvButton->setPopupMode(QToolButton::InstantPopup);
    auto *csvMenu = new QMenu(m_csvButton);
    const std::pair<Table, QString> csvTables[] = {{Table::Figures, tr("Figures")},
                                                   {Table::Weeks, m_weeks->title()},
                                                   {Table::Practitioners, m_practitioners->title()},
                                                   {Table::NoShowHeatMap, m_heatCells->title()}};
    for (const auto &[table, title] : csvTables)
        csvMenu->addAction(title + QStringLiteral("…"), this,
                           [this, table = table] { chooseCsvFile(table); });
    m_csvButton->setMenu(csvMenu);

    QAction *pdfAction =
        view::shortcutAction(this, tr("Export &PDF…"), QKeySequence(Qt::CTRL | Qt::Key_P),
                             tr("Save the whole dashboard as PDF"));
    connect(pdfAction, &QAction::triggered, this, &DashboardView::choosePdfFile);
    auto *pdfButton = new QToolButton(this);
    pdfButton->setDefaultAction(pdfAction);
    QAction *helpAction =
        view::shortcutAction(this, tr("&How is this counted?"), QKeySequence::HelpContents,
                             tr("The definition of every figure"));
    connect(helpAction, &QAction::triggered, this, &DashboardView::showHelp);
    auto *helpButton = new QToolButton(this);
    helpButton->setDefaultAction(helpAction);
    for (QToolButton *button : {refreshButton, m_csvButton, pdfButton, helpButton})
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto *commands = new QHBoxLayout;
    commands->addWidget(m_asOf, 1);
    commands->addWidget(m_status);
    commands->addWidget(refreshButton);
    commands->addWidget(m_csvButton);
    commands->addWidget(pdfButton);
    commands->addWidget(helpButton);

    return commands;
}

// The figures and charts, scrolled together; in their place a refusal for roles without the
// dashboards.
QWidget *DashboardView::buildPages()
{
    auto *content = new QWidget;
    m_tileGrid = new QGridLayout;
    m_tileGrid->setSpacing(8);
    for (const KpiDefinition &definition : KpiDefinitions::all()) {
        auto *tile = new FigureTile(definition.name, content);
        tile->setObjectName(QStringLiteral("tile-%1").arg(definition.key));
        tile->setToolTip(definition.definition);
        const Kpi kpi = definition.kpi;
        connect(tile, &FigureTile::activated, this, [this, kpi] { openDrillDown(kpi); });
        m_tiles << tile;
    }
    m_trend = new WeeklyTrendChart(content);
    m_trend->setObjectName(QStringLiteral("weeklyTrendChart"));
    m_practitionerChart = new PractitionerChart(content);
    m_practitionerChart->setObjectName(QStringLiteral("practitionerChart"));
    m_heatMap = new NoShowHeatMap(content);
    m_heatMap->setObjectName(QStringLiteral("noShowHeatMap"));
    auto *charts = new QHBoxLayout;
    // The trend keeps its height when many practitioners make the bars beside it tall.
    charts->addWidget(m_trend, 1, Qt::AlignTop);
    charts->addWidget(m_practitionerChart, 1);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(m_tileGrid);
    contentLayout->addSpacing(8);
    contentLayout->addLayout(charts);
    contentLayout->addWidget(m_heatMap);
    contentLayout->addStretch();
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setWidget(content);
    m_scroll->setFocusPolicy(Qt::NoFocus);

    m_refused = new QLabel(
        tr("Dashboards are for managers and administrators. Sign in with such an account to "
           "see the clinic's figures."),
        this);
    m_refused->setAlignment(Qt::AlignCenter);
    m_refused->setWordWrap(true);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_scroll);
    m_pages->addWidget(m_refused);

    return m_pages;
}

void DashboardView::connectFilters()
{
    // Typing a date changes it once per keystroke: wait for a pause before computing.
    m_dateTimer->setSingleShot(true);
    m_dateTimer->setInterval(500);
    connect(m_dateTimer, &QTimer::timeout, this, &DashboardView::compute);
    const auto datesEdited = [this] {
        const QDate today = ClinicSettings(m_db).today();
        const QSignalBlocker blocker(m_preset);
        m_preset->setCurrentIndex(
            m_preset->findData(int(KpiPeriodPreset::match(m_from->date(), m_to->date(), today))));
        m_dateTimer->start();
    };
    connect(m_from, &QDateEdit::dateChanged, this, datesEdited);
    connect(m_to, &QDateEdit::dateChanged, this, datesEdited);
    connect(m_preset, &QComboBox::activated, this, [this] {
        applyPreset();
        compute();
    });
    for (QComboBox *combo : {m_practitioner, m_location, m_type})
        connect(combo, &QComboBox::activated, this, &DashboardView::compute);

    connect(m_figures, &QAbstractItemModel::modelReset, this, &DashboardView::updateFromReport);
    connect(m_figures, &KpiFigureModel::computingChanged, this, &DashboardView::showComputing);
    connect(m_figures, &KpiFigureModel::errorOccurred, this, [this](const QString &message) {
        m_status->setText(message);
        emit errorOccurred(message);
    });
}

DashboardView::~DashboardView() = default;

void DashboardView::reloadFilters()
{
    struct Choice
    {
        QString text;
        QString value;
    };
    const auto refill = [](QComboBox *combo, const QString &all, const QList<Choice> &choices) {
        const QString chosen = combo->currentData().toString();
        const QSignalBlocker blocker(combo);
        combo->clear();
        combo->addItem(all, QString());
        for (const Choice &c : choices)
            combo->addItem(c.text, c.value);
        selectData(combo, chosen);
    };
    const ReferenceData reference(m_db);
    QStringList problems;
    QList<Choice> practitioners;
    if (auto list = reference.practitioners()) {
        for (const Practitioner &p : *list)
            practitioners << Choice{p.displayName(), p.meta.id};
    } else {
        problems << list.error();
    }
    QList<Choice> locations;
    if (auto list = reference.rooms()) {
        for (const Location &l : *list)
            locations << Choice{l.name, l.meta.id};
    } else {
        problems << list.error();
    }
    QList<Choice> types;
    if (auto list = reference.appointmentTypes()) {
        for (const AppointmentType &t : *list)
            types << Choice{t.name, t.code};
    } else {
        problems << list.error();
    }
    refill(m_practitioner, tr("All practitioners"), practitioners);
    refill(m_location, tr("All locations"), locations);
    refill(m_type, tr("All types"), types);
    if (!problems.isEmpty())
        emit errorOccurred(
            tr("Could not list the dashboard's filters: %1").arg(problems.join(QLatin1Char(' '))));
}

void DashboardView::applyPreset()
{
    const auto preset = KpiPeriodPreset::Preset(m_preset->currentData().toInt());
    if (preset == KpiPeriodPreset::Custom) {
        m_from->setFocus(Qt::OtherFocusReason);
        return;
    }
    const QDate today = ClinicSettings(m_db).today();
    const auto [from, to] = KpiPeriodPreset::range(preset, today);
    const QSignalBlocker fromBlocker(m_from);
    const QSignalBlocker toBlocker(m_to);
    m_from->setDate(from);
    m_to->setDate(to);
}

void DashboardView::setPreset(KpiPeriodPreset::Preset preset)
{
    m_preset->setCurrentIndex(m_preset->findData(int(preset)));
    applyPreset();
    compute();
}

void DashboardView::setPeriod(QDate from, QDate to)
{
    {
        const QSignalBlocker fromBlocker(m_from);
        const QSignalBlocker toBlocker(m_to);
        m_from->setDate(from);
        m_to->setDate(to);
    }
    const QDate today = ClinicSettings(m_db).today();
    m_preset->setCurrentIndex(m_preset->findData(int(KpiPeriodPreset::match(from, to, today))));
    compute();
}

void DashboardView::setPractitioner(const QString &practitionerId)
{
    selectData(m_practitioner, practitionerId);
    compute();
}

void DashboardView::setLocation(const QString &locationId)
{
    selectData(m_location, locationId);
    compute();
}

void DashboardView::setAppointmentType(const QString &code)
{
    selectData(m_type, code);
    compute();
}

KpiFilter DashboardView::filter() const
{
    KpiFilter f;
    f.from = m_from->date();
    f.to = m_to->date();
    f.practitionerId = m_practitioner->currentData().toString();
    f.locationId = m_location->currentData().toString();
    f.appointmentType = m_type->currentData().toString();
    return f;
}

void DashboardView::refresh()
{
    reloadFilters();
    if (isVisible())
        compute();
    else
        m_stale = true;
}

void DashboardView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        compute();
    layOutTiles();
}

void DashboardView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    layOutTiles();
}

void DashboardView::compute()
{
    m_dateTimer->stop();
    m_stale = false;
    if (!AccessGuard(m_db).require(Permission::ViewDashboards)) {
        m_pages->setCurrentWidget(m_refused);
        m_asOf->clear();
        m_status->clear();
        return;
    }
    m_pages->setCurrentWidget(m_scroll);
    const KpiFilter f = filter();
    // A period typed backwards is the person's slip, not a failure: say so beside the dates.
    if (auto valid = f.validate(); !valid) {
        m_status->setText(valid.error());
        return;
    }
    m_figures->setFilter(f);
    m_computeTime.start();
    m_figures->refreshInBackground();
}

void DashboardView::showComputing(bool computing)
{
    if (computing) {
        m_status->setText(tr("Computing…"));
        m_pages->setCursor(Qt::BusyCursor);
        return;
    }
    m_pages->unsetCursor();
    if (m_figures->lastError().isEmpty()) {
        m_status->clear();
        m_status->setToolTip(
            tr("Computed in %1 ms").arg(QLocale().toString(m_computeTime.elapsed())));
    }
}

void DashboardView::updateFromReport()
{
    const bool hasReport = m_figures->hasReport();
    for (int row = 0; row < m_tiles.size(); ++row) {
        const auto text = [this, row](int column) {
            return m_figures->index(row, column).data().toString();
        };
        m_tiles.at(row)->setValues(hasReport ? text(KpiFigureModel::CurrentColumn) : tr("…"),
                                   hasReport ? text(KpiFigureModel::PreviousColumn) : tr("…"),
                                   text(KpiFigureModel::ChangeColumn),
                                   m_figures->index(row, KpiFigureModel::ChangeColumn)
                                       .data(KpiFigureModel::AssessmentRole)
                                       .toInt(),
                                   text(KpiFigureModel::BaseColumn));
    }
    if (!hasReport)
        return;
    const KpiReport &report = m_figures->report();
    for (KpiBreakdownModel *model : {m_weeks, m_practitioners, m_heatCells})
        model->setReport(report);
    m_trend->setReport(report);
    m_practitionerChart->setReport(report);
    m_heatMap->setReport(report);
    m_asOf->setText(asOfText());
}

void DashboardView::layOutTiles()
{
    if (m_tiles.isEmpty())
        return;
    const int available = m_scroll->viewport()->width();
    const int tileWidth = m_tiles.first()->minimumWidth() + m_tileGrid->spacing();
    // Column counts that share the tiles out evenly: 7 x 2, 5 + 5 + 4, 4 x 3 + 2, ...
    const int fitting = available / std::max(tileWidth, 1);
    int columns = 2;
    for (const int candidate : {7, 5, 4, 3}) {
        if (candidate <= fitting) {
            columns = candidate;
            break;
        }
    }
    if (columns == m_tileColumns)
        return;
    m_tileColumns = columns;
    for (FigureTile *tile : std::as_const(m_tiles))
        m_tileGrid->removeWidget(tile);
    for (int i = 0; i < m_tiles.size(); ++i)
        m_tileGrid->addWidget(m_tiles.at(i), i / columns, i % columns);
}

FigureTile *DashboardView::tile(Kpi kpi) const
{
    const int row = m_figures->rowOf(kpi);
    return row < 0 ? nullptr : m_tiles.value(row);
}

KpiBreakdownModel *DashboardView::breakdown(Table table) const
{
    switch (table) {
    case Table::Weeks:
        return m_weeks;
    case Table::Practitioners:
        return m_practitioners;
    case Table::NoShowHeatMap:
        return m_heatCells;
    case Table::Figures:
        break;
    }
    return nullptr;
}

QString DashboardView::asOfText() const
{
    if (!m_figures->hasReport())
        return {};
    const KpiReport &report = m_figures->report();
    const QLocale locale;
    const QString today = locale.toString(report.asOf, QLocale::LongFormat);
    if (!report.lastSyncedAt.isValid())
        return tr("Never synced: these figures come from this computer's data only (today is "
                  "%1).")
            .arg(today);
    const ClinicTime clinic = ClinicSettings(m_db).clinicTime();
    return tr("As of the last sync, %1, with the changes made on this computer since.")
        .arg(LocaleFormat::fullYearDateTime(clinic.toLocal(report.lastSyncedAt), locale));
}

QString DashboardView::filterText() const
{
    return tr("%1 · %2 · %3", "practitioner · location · type")
        .arg(m_practitioner->currentText(), m_location->currentText(), m_type->currentText());
}

DrillDownDialog *DashboardView::openDrillDown(Kpi kpi)
{
    if (!m_figures->hasReport())
        return nullptr;
    auto *dialog = new DrillDownDialog(m_db, m_figures->report().filter, kpi, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DrillDownDialog::openPatientRequested, this,
            &DashboardView::openPatientRequested);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    dialog->load();
    QApplication::restoreOverrideCursor();
    dialog->show();
    return dialog;
}

void DashboardView::showHelp()
{
    auto *help = findChild<KpiHelpDialog *>();
    if (!help) {
        help = new KpiHelpDialog(this);
        help->setAttribute(Qt::WA_DeleteOnClose);
    }
    help->show();
    help->raise();
    help->activateWindow();
}

bool DashboardView::exportCsv(Table table, const QString &path)
{
    const QAbstractItemModel *model =
        table == Table::Figures ? static_cast<QAbstractItemModel *>(m_figures) : breakdown(table);
    if (!m_figures->hasReport()) {
        warn(tr("There are no figures to export yet."));
        return false;
    }
    const Status written = AuditedExport::write(path, CsvWriter::document(*model), [&] {
        return recordExport(path, QStringLiteral("csv"));
    });
    if (!written) {
        warn(written.error());
        return false;
    }
    return true;
}

Status DashboardView::recordExport(const QString &path, const QString &format)
{
    const KpiFilter &filter = m_figures->report().filter;
    return AccessGuard(m_db).recordDisclosure(
        QStringLiteral("export"), QStringLiteral("dashboard"), {},
        QJsonObject{{QStringLiteral("from"), filter.from.toString(Qt::ISODate)},
                    {QStringLiteral("to"), filter.to.toString(Qt::ISODate)},
                    {QStringLiteral("format"), format},
                    {QStringLiteral("file"), path}});
}

bool DashboardView::exportPdf(const QString &path)
{
    if (!m_figures->hasReport()) {
        warn(tr("There are no figures to export yet."));
        return false;
    }
    const QString clinic = ClinicSettings(m_db).clinicName();
    DashboardPdf::Content content;
    content.title = clinic.isEmpty() ? tr("Dashboard") : tr("Dashboard — %1").arg(clinic);
    content.period = tr("%1 (previous period %2)")
                         .arg(KpiFigureModel::periodText(m_figures->report().filter),
                              KpiFigureModel::periodText(m_figures->report().filter.previous()));
    content.filters = filterText();
    content.asOf = asOfText();
    content.figures = m_figures;
    content.tables = {m_weeks, m_practitioners};
    // The charts drawn afresh at one size, so the pages look the same whatever the window's
    // size; 860 px shrink to the page's 640 and stay sharp.
    const KpiReport &report = m_figures->report();
    WeeklyTrendChart trend;
    trend.setReport(report);
    trend.resize(860, 400);
    PractitionerChart bars;
    bars.setReport(report);
    bars.setMeasure(m_practitionerChart->measure());
    bars.chartView()->resize(860, std::max(420, bars.chartView()->minimumHeight()));
    NoShowHeatMap heat;
    heat.setReport(report);
    heat.resize(860, 320);
    content.charts = {
        {m_weeks->title(), trend.grab().toImage(), true},
        // Many practitioners make a tall chart that would not fit below the trend.
        {bars.chartView()->chart()->title(), bars.chartView()->grab().toImage(),
         bars.chartView()->height() > 480},
        {m_heatCells->title(), heat.grab().toImage(), true},
    };
    content.definitionsHtml = KpiHelpDialog::html();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status written = DashboardPdf::write(
        path, content, [&] { return recordExport(path, QStringLiteral("pdf")); });
    QApplication::restoreOverrideCursor();
    if (!written) {
        warn(written.error());
        return false;
    }
    return true;
}

QString DashboardView::suggestedFileName(const QString &what, const QString &suffix) const
{
    const KpiFilter f = m_figures->hasReport() ? m_figures->report().filter : filter();
    return view::inDocuments(
        QStringLiteral("%1-%2-%3.%4")
            .arg(what, f.from.toString(Qt::ISODate), f.to.toString(Qt::ISODate), suffix));
}

void DashboardView::chooseCsvFile(Table table)
{
    static const char *const names[] = {"dashboard-figures", "dashboard-weeks",
                                        "dashboard-practitioners", "dashboard-no-show-heat-map"};
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export as CSV"),
        suggestedFileName(QLatin1String(names[int(table)]), QStringLiteral("csv")),
        tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsv(table, path);
}

void DashboardView::choosePdfFile()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the dashboard as PDF"),
        suggestedFileName(QStringLiteral("dashboard"), QStringLiteral("pdf")), tr("PDF (*.pdf)"));
    if (!path.isEmpty())
        exportPdf(path);
}

void DashboardView::warn(const QString &message)
{
    QMessageBox::warning(this, tr("Dashboard"), message);
}

} // namespace frontdesk

#include "PatientPicker.h"

#include "PatientListModel.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace frontdesk {

PatientPicker::PatientPicker(Database &db, Trigger trigger, int limit, QWidget *parent)
    : QWidget(parent), m_model(new PatientListModel(db, this)), m_search(new QLineEdit(this)),
      m_results(new QListWidget(this)), m_searchTimer(new QTimer(this)), m_limit(limit),
      m_trigger(trigger)
{
    m_search->setObjectName(QStringLiteral("patientSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search patients"));
    m_results->setObjectName(QStringLiteral("patientResults"));
    m_results->setAccessibleName(tr("Matching patients"));
    connect(m_model, &PatientListModel::errorOccurred, this, &PatientPicker::errorOccurred);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(150);
    connect(m_searchTimer, &QTimer::timeout, this, &PatientPicker::searchNow);
    if (trigger == Trigger::AsYouType)
        connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    // Return and Down are the search field's own: they must not also press the dialog's
    // default button, which would book or add before a patient was chosen.
    m_search->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_results);
    setFocusProxy(m_search);
}

bool PatientPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_search || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const int key = static_cast<QKeyEvent *>(event)->key();
    if (key == Qt::Key_Return || key == Qt::Key_Enter) {
        // As you type, Return moves to the first result (searching now if a pause is pending);
        // otherwise Return searches.
        if (m_trigger == Trigger::OnReturn || m_searchTimer->isActive())
            searchNow();
        if (m_trigger == Trigger::AsYouType)
            goToResults();
        return true;
    }
    if (key == Qt::Key_Down) {
        if (m_searchTimer->isActive())
            searchNow();
        goToResults();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void PatientPicker::goToResults()
{
    if (m_results->count() == 0)
        return;
    m_results->setFocus(Qt::TabFocusReason);
    if (m_results->currentRow() < 0)
        m_results->setCurrentRow(0);
}

QString PatientPicker::currentPatientId() const
{
    const QListWidgetItem *item = m_results->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

bool PatientPicker::choose(const QString &patientId, const QString &text)
{
    m_search->setText(text);
    searchNow();
    for (int row = 0; row < m_results->count(); ++row) {
        if (m_results->item(row)->data(Qt::UserRole).toString() == patientId) {
            m_results->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void PatientPicker::searchNow()
{
    m_searchTimer->stop();
    m_results->clear();
    const QString text = m_search->text().trimmed();
    // An empty search would list every patient.
    if (text.isEmpty())
        return;
    m_model->filter(text);
    if (!m_model->lastError().isEmpty())
        return;
    const int rows = std::min(m_model->rowCount(), m_limit);
    for (int row = 0; row < rows; ++row) {
        auto cell = [&](int column, int role = Qt::DisplayRole) {
            return m_model->index(row, column).data(role).toString();
        };
        auto *item = new QListWidgetItem(tr("%1 — born %2 — %3")
                                             .arg(cell(PatientListModel::NameColumn),
                                                  cell(PatientListModel::BirthDateColumn),
                                                  cell(PatientListModel::MrnColumn)),
                                         m_results);
        item->setData(Qt::UserRole, cell(PatientListModel::NameColumn, PatientListModel::IdRole));
    }
    if (m_results->count() > 0)
        m_results->setCurrentRow(0);
}

} // namespace frontdesk

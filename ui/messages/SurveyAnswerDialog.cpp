#include "SurveyAnswerDialog.h"

#include "MessageComposer.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace frontdesk {

SurveyAnswerDialog::SurveyAnswerDialog(Database &db, const QString &patientId, QWidget *parent)
    : QDialog(parent), m_entry(db), m_patientId(patientId)
{
    setWindowTitle(tr("Survey answer"));
    auto *form = new QFormLayout;
    auto name = MessageComposer(db).recipient(patientId);
    auto *patient = new QLabel(name ? *name : name.error(), this);
    patient->setObjectName(QStringLiteral("surveyPatient"));
    patient->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Patient:"), patient);

    m_visit = new QComboBox(this);
    m_visit->setObjectName(QStringLiteral("surveyVisit"));
    m_visit->setAccessibleName(tr("Visit"));
    form->addRow(tr("&Visit:"), m_visit);
    m_question = new QLabel(this);
    m_question->setObjectName(QStringLiteral("surveyQuestion"));
    m_question->setWordWrap(true);
    m_question->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Question:"), m_question);
    m_score = new QComboBox(this);
    m_score->setObjectName(QStringLiteral("surveyScore"));
    m_score->setAccessibleName(tr("Answer"));
    for (int score = SurveyAnswer::kLowest; score <= SurveyAnswer::kHighest; ++score) {
        // The ends of the scale as the survey names them; the middle is the number alone.
        QString label = QString::number(score);
        if (score == SurveyAnswer::kLowest)
            label = tr("%1 (poor)").arg(score);
        else if (score == SurveyAnswer::kHighest)
            label = tr("%1 (very good)").arg(score);
        m_score->addItem(label, score);
    }
    form->addRow(tr("&Answer:"), m_score);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("surveyProblem"));
    m_problem->setWordWrap(true);
    m_problem->setForegroundRole(QPalette::Highlight);
    m_problem->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_record = buttons->button(QDialogButtonBox::Ok);
    m_record->setText(tr("&Record answer"));
    m_record->setToolTip(tr("Stored and synced as an answer by SMS is (Ctrl+Return)"));
    m_record->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    // Beside the button's own Alt+letter.
    auto *recordKey = new QAction(this);
    recordKey->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    addAction(recordKey);
    connect(recordKey, &QAction::triggered, this, [this] {
        if (m_record->isEnabled())
            accept();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &SurveyAnswerDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    auto visits = m_entry.visits(patientId);
    if (visits)
        m_visits = *visits;
    else
        showProblem(visits.error());
    for (const SurveyVisit &v : std::as_const(m_visits)) {
        const QString answered =
            v.score ? tr("%1 · answered %2").arg(v.label).arg(*v.score) : v.label;
        m_visit->addItem(answered, v.appointmentId);
    }
    if (m_visits.isEmpty() && visits)
        showProblem(tr("The patient has no completed visit in the last %n day(s) to answer "
                       "about.",
                       nullptr, SurveyEntry::recentDays));
    m_record->setEnabled(!m_visits.isEmpty());
    connect(m_visit, &QComboBox::currentIndexChanged, this, &SurveyAnswerDialog::showVisit);
    showVisit();
    resize(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 40, sizeHint().height());
    m_visit->setFocus();
}

void SurveyAnswerDialog::showVisit()
{
    const int i = m_visit->currentIndex();
    if (i < 0 || i >= m_visits.size()) {
        m_question->clear();
        return;
    }
    const SurveyVisit &v = m_visits.at(i);
    m_question->setText(v.surveyMessageId.isEmpty()
                            ? tr("No survey was sent about this visit; record the answer the "
                                 "patient gave when asked.")
                            : v.question);
    if (v.score)
        m_score->setCurrentIndex(m_score->findData(*v.score));
}

void SurveyAnswerDialog::showProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

void SurveyAnswerDialog::accept()
{
    const QString appointment = m_visit->currentData().toString();
    auto saved = m_entry.record(m_patientId, appointment, m_score->currentData().toInt());
    if (!saved) {
        showProblem(saved.error());
        return;
    }
    m_recorded = *saved;
    QDialog::accept();
}

} // namespace frontdesk

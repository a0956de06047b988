#include "RecallDialog.h"

#include "PatientProfile.h"
#include "common/ViewHelpers.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QVBoxLayout>

namespace frontdesk {

RecallDialog::RecallDialog(const PatientProfile &profile, const Recall &recall, QWidget *parent)
    : QDialog(parent), m_profile(profile), m_recall(recall)
{
    setWindowTitle(recall.meta.isNew() ? tr("New recall") : tr("Recall"));
    m_dueOn = new QDateEdit(this);
    m_dueOn->setObjectName(QStringLiteral("recallDueOn"));
    m_dueOn->setCalendarPopup(true);
    // A four-digit year: a recall is often years ahead, and "27" reads as either century.
    m_dueOn->setDisplayFormat(view::fullYearDateFormat());
    m_dueOn->setDate(recall.dueOn.isValid() ? recall.dueOn : profile.newRecall().dueOn);
    m_reason = new QLineEdit(recall.reason, this);
    m_reason->setObjectName(QStringLiteral("recallReason"));
    m_reason->setPlaceholderText(tr("e.g. Yearly check-up"));
    m_reason->setMaxLength(400);
    // Room for a reason and for the messages beside the fields on one or two lines.
    m_reason->setMinimumWidth(m_reason->fontMetrics().averageCharWidth() * 45);
    m_practitioner = new QComboBox(this);
    m_practitioner->setObjectName(QStringLiteral("recallPractitioner"));
    m_practitioner->addItem(tr("Any practitioner"), QString());
    auto practitioners = profile.recallPractitioners();
    if (practitioners) {
        for (const Practitioner &p : std::as_const(*practitioners))
            m_practitioner->addItem(p.displayName(), p.meta.id);
    }
    // One who has left stays selectable for a recall that names them, so opening the form
    // does not silently change it; validation then asks for another.
    if (!recall.practitionerId.isEmpty() && m_practitioner->findData(recall.practitionerId) < 0)
        m_practitioner->addItem(profile.practitionerName(recall.practitionerId),
                                recall.practitionerId);
    m_practitioner->setCurrentIndex(std::max(0, m_practitioner->findData(recall.practitionerId)));

    m_inputs = {{QStringLiteral("dueOn"), m_dueOn},
                {QStringLiteral("reason"), m_reason},
                {QStringLiteral("practitionerId"), m_practitioner}};
    auto *form = new QFormLayout;
    auto addField = [&](const QString &label, const QString &field) {
        auto *column = new QVBoxLayout;
        column->setSpacing(2);
        column->addWidget(m_inputs.value(field));
        column->addWidget(errorLabel(field));
        form->addRow(label, column);
        if (auto *l = qobject_cast<QLabel *>(form->labelForField(column)))
            l->setBuddy(m_inputs.value(field));
    };
    addField(tr("&Due on:"), QStringLiteral("dueOn"));
    addField(tr("&Reason:"), QStringLiteral("reason"));
    addField(tr("&Practitioner:"), QStringLiteral("practitionerId"));
    auto *note = new QLabel(tr("Shown as overdue from the day after the due date until the patient "
                               "has an appointment on or after it."),
                            this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &RecallDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RecallDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    if (!practitioners) {
        auto *problem = new QLabel(practitioners.error(), this);
        problem->setWordWrap(true);
        problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
        layout->addWidget(problem);
    }
    layout->addWidget(buttons);
    m_reason->setFocus();
}

QLabel *RecallDialog::errorLabel(const QString &field)
{
    auto *error = new QLabel(this);
    error->setObjectName(field + QStringLiteral("Error"));
    error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    error->setWordWrap(true);
    error->hide();
    m_errors.insert(field, error);
    return error;
}

Recall RecallDialog::recall() const
{
    Recall r = m_recall;
    r.dueOn = m_dueOn->date();
    r.reason = m_reason->text().trimmed();
    r.practitionerId = m_practitioner->currentData().toString();
    return r;
}

QString RecallDialog::errorFor(const QString &field) const
{
    const QLabel *label = m_errors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

void RecallDialog::showErrors(const QMap<QString, QString> &errors)
{
    QWidget *first = nullptr;
    for (const QString &field :
         {QStringLiteral("dueOn"), QStringLiteral("reason"), QStringLiteral("practitionerId")}) {
        const QString message = errors.value(field);
        QLabel *label = m_errors.value(field);
        label->setText(message);
        label->setVisible(!message.isEmpty());
        QWidget *input = m_inputs.value(field);
        input->setStyleSheet(message.isEmpty() ? QString()
                                               : QStringLiteral("border: 1px solid #b3261e;"));
        input->setToolTip(message);
        if (!message.isEmpty() && !first)
            first = input;
    }
    if (first)
        first->setFocus();
    // Grows to show the messages whole instead of squeezing them into the fields' rows.
    adjustSize();
}

void RecallDialog::accept()
{
    const auto errors = m_profile.validateRecall(recall());
    showErrors(errors);
    if (errors.isEmpty())
        QDialog::accept();
}

} // namespace frontdesk

#include "ComposeMessageDialog.h"

#include "MessageTextForm.h"
#include "domain/MessageLabels.h"
#include "messaging/ContactPolicy.h"
#include "messaging/SmsSegments.h"
#include "patients/PatientPicker.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTextCursor>
#include <QVBoxLayout>

namespace frontdesk {

ComposeMessageDialog::ComposeMessageDialog(Database &db, const QString &patientId, QWidget *parent)
    : QDialog(parent), m_composer(db), m_fixedPatientId(patientId)
{
    setWindowTitle(tr("New message"));
    // The subject, text and preview rows are the shared form's; this window's rows go above
    // them, and the SMS counter between the text and the preview.
    m_text = new MessageTextForm({MessageTextForm::Mode::Editable, 0, {}}, this);
    QFormLayout *form = m_text->form();
    int top = 0;

    if (m_fixedPatientId.isEmpty()) {
        m_picker = new PatientPicker(db, PatientPicker::Trigger::AsYouType, 20, this);
        m_picker->searchField()->setPlaceholderText(tr("Name, birth date, phone or MRN"));
        m_picker->searchField()->setAccessibleName(tr("Find the patient"));
        m_picker->results()->setAccessibleName(tr("Patients found"));
        m_picker->results()->setMinimumHeight(fontMetrics().height() * 6);
        connect(m_picker->results(), &QListWidget::currentRowChanged, this, [this] {
            reloadAppointments();
            reloadContext();
            reloadChannels();
        });
        connect(m_picker, &PatientPicker::errorOccurred, this, &ComposeMessageDialog::showProblem);
        form->insertRow(top++, tr("&Patient:"), m_picker);
        if (auto *label = qobject_cast<QLabel *>(form->labelForField(m_picker)))
            label->setBuddy(m_picker->searchField());
    } else {
        auto name = m_composer.recipient(m_fixedPatientId);
        auto *patient = new QLabel(name ? *name : name.error(), this);
        patient->setObjectName(QStringLiteral("recipient"));
        patient->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->insertRow(top++, tr("Patient:"), patient);
    }

    m_purpose = new QComboBox(this);
    m_purpose->setObjectName(QStringLiteral("purpose"));
    for (const QString &purpose : ContactPolicy::purposes())
        m_purpose->addItem(MessageLabels::purpose(purpose), purpose);
    m_purpose->setCurrentIndex(m_purpose->findData(QStringLiteral("administrative")));
    form->insertRow(top++, tr("P&urpose:"), m_purpose);

    m_appointment = new QComboBox(this);
    m_appointment->setObjectName(QStringLiteral("appointment"));
    form->insertRow(top++, tr("&Appointment:"), m_appointment);

    m_channel = new QComboBox(this);
    m_channel->setObjectName(QStringLiteral("channel"));
    form->insertRow(top++, tr("&Channel:"), m_channel);
    m_channelNote = new QLabel(this);
    m_channelNote->setObjectName(QStringLiteral("channelNote"));
    m_channelNote->setWordWrap(true);
    m_channelNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->insertRow(top++, QString(), m_channelNote);

    m_template = new QComboBox(this);
    m_template->setObjectName(QStringLiteral("template"));
    form->insertRow(top++, tr("Te&mplate:"), m_template);

    m_subject = m_text->subjectField();
    m_subject->setObjectName(QStringLiteral("subject"));
    m_body = m_text->bodyField();
    m_body->setObjectName(QStringLiteral("body"));
    m_counter = new QLabel(this);
    m_counter->setObjectName(QStringLiteral("smsCounter"));
    m_counter->setWordWrap(true);
    m_text->addRowBeforePreview(QString(), m_counter);
    m_preview = m_text->previewLabel();
    m_preview->setObjectName(QStringLiteral("templatePreview"));

    // Each field is named by its label, also for screen readers.
    for (int row = 0; row < form->rowCount(); ++row) {
        auto *label =
            qobject_cast<QLabel *>(form->itemAt(row, QFormLayout::LabelRole)
                                       ? form->itemAt(row, QFormLayout::LabelRole)->widget()
                                       : nullptr);
        QLayoutItem *field = form->itemAt(row, QFormLayout::FieldRole);
        if (label && field && field->widget() && field->widget() != m_picker)
            field->widget()->setAccessibleName(
                label->text().remove(QLatin1Char('&')).remove(QLatin1Char(':')).trimmed());
    }

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("composeProblem"));
    m_problem->setWordWrap(true);
    m_problem->setForegroundRole(QPalette::Highlight);
    m_problem->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *queue = m_buttons->button(QDialogButtonBox::Ok);
    queue->setText(tr("&Queue message"));
    queue->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    queue->setToolTip(tr("Waits in the outbox until the server sends it (Ctrl+Return)"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    queue->setAutoDefault(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ComposeMessageDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_purpose, &QComboBox::currentIndexChanged, this,
            &ComposeMessageDialog::reloadChannels);
    connect(m_channel, &QComboBox::currentIndexChanged, this,
            &ComposeMessageDialog::updateChannelDetails);
    connect(m_template, &QComboBox::currentIndexChanged, this,
            &ComposeMessageDialog::applyTemplate);
    connect(m_appointment, &QComboBox::currentIndexChanged, this,
            &ComposeMessageDialog::reloadContext);
    connect(m_text, &MessageTextForm::textChanged, this, &ComposeMessageDialog::updateCounter);

    if (m_picker)
        setTabOrder(m_picker->results(), m_purpose);
    setTabOrder(m_purpose, m_appointment);
    setTabOrder(m_appointment, m_channel);
    setTabOrder(m_channel, m_template);
    setTabOrder(m_template, m_subject);
    setTabOrder(m_subject, m_body);
    setTabOrder(m_body, queue);
    reloadAppointments();
    reloadContext();
    reloadChannels();
    updateCounter();
    resize(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 42, sizeHint().height());
    if (m_picker)
        m_picker->searchField()->setFocus();
    else
        m_body->setFocus();
}

QString ComposeMessageDialog::patientId() const
{
    return m_picker ? m_picker->currentPatientId() : m_fixedPatientId;
}

void ComposeMessageDialog::reloadChannels()
{
    const QString previous = m_channel->currentData().toString();
    const QSignalBlocker block(m_channel);
    m_channel->clear();
    m_choices.clear();
    const QString patient = patientId();
    if (!patient.isEmpty()) {
        auto choices = m_composer.channels(patient, m_purpose->currentData().toString());
        if (!choices) {
            showProblem(choices.error());
        } else {
            m_choices = *choices;
            m_problem->hide();
        }
    }
    auto *items = qobject_cast<QStandardItemModel *>(m_channel->model());
    int firstUsable = -1;
    for (const ChannelChoice &choice : std::as_const(m_choices)) {
        const QString label =
            choice.address.isEmpty()
                ? MessageLabels::channel(choice.decision.channel)
                : tr("%1 to %2")
                      .arg(MessageLabels::channel(choice.decision.channel), choice.address);
        m_channel->addItem(label, choice.decision.channel);
        const int row = m_channel->count() - 1;
        // A channel that may not be used is listed but cannot be chosen; the note says why.
        if (!choice.usable())
            items->item(row)->setEnabled(false);
        else if (firstUsable < 0 || choice.decision.channel == previous)
            firstUsable = row;
    }
    m_channel->setCurrentIndex(firstUsable);
    updateChannelDetails();
}

void ComposeMessageDialog::reloadAppointments()
{
    const QSignalBlocker block(m_appointment);
    m_appointment->clear();
    m_appointment->addItem(tr("None"), QString());
    const QString patient = patientId();
    if (patient.isEmpty())
        return;
    auto appointments = m_composer.appointments(patient);
    if (!appointments) {
        showProblem(appointments.error());
        return;
    }
    // The next visit is what a message is most often about.
    int next = 0;
    for (const AppointmentChoice &a : std::as_const(*appointments)) {
        m_appointment->addItem(a.label, a.id);
        if (next == 0 && a.upcoming)
            next = m_appointment->count() - 1;
    }
    m_appointment->setCurrentIndex(next);
}

void ComposeMessageDialog::setAppointment(const QString &appointmentId)
{
    const int row = m_appointment->findData(appointmentId);
    if (row >= 0)
        m_appointment->setCurrentIndex(row);
}

void ComposeMessageDialog::reloadContext()
{
    m_context = m_composer.context(patientId(), m_appointment->currentData().toString());
    updateCounter();
}

Result<RenderedMessage> ComposeMessageDialog::filled() const
{
    if (!m_context)
        return fail(m_context.error());
    return MessageComposer::fill(draft(), *m_context);
}

void ComposeMessageDialog::reloadTemplates()
{
    const QString previous = m_template->currentData().toString();
    {
        const QSignalBlocker block(m_template);
        m_template->clear();
        m_templates.clear();
        m_template->addItem(tr("None: write the text"), QString());
        const QString channel = m_channel->currentData().toString();
        if (!channel.isEmpty()) {
            auto templates = m_composer.templates(m_purpose->currentData().toString(), channel);
            if (!templates)
                showProblem(templates.error());
            else
                m_templates = *templates;
        }
        for (const MessageTemplate &t : std::as_const(m_templates))
            m_template->addItem(t.name, t.name);
        m_template->setCurrentIndex(std::max(0, m_template->findData(previous)));
    }
    if (m_template->currentData().toString() != previous)
        applyTemplate();
}

void ComposeMessageDialog::applyTemplate()
{
    const int index = m_template->currentIndex() - 1;
    if (index >= 0 && index < m_templates.size()) {
        const MessageTemplate &t = m_templates.at(index);
        m_subject->setText(t.subject);
        // Replaced as an edit, so Ctrl+Z brings back what was written before.
        QTextCursor cursor(m_body->document());
        cursor.select(QTextCursor::Document);
        cursor.insertText(t.body);
    }
    updateCounter();
}

MessageDraft ComposeMessageDialog::draft() const
{
    MessageDraft d;
    d.patientId = patientId();
    d.appointmentId = m_appointment->currentData().toString();
    d.purpose = m_purpose->currentData().toString();
    d.channel = m_channel->currentData().toString();
    d.subject = m_subject->text();
    d.body = m_body->toPlainText();
    d.templateName = m_template->currentData().toString();
    return d;
}

void ComposeMessageDialog::updateChannelDetails()
{
    QStringList notes;
    for (const ChannelChoice &choice : std::as_const(m_choices)) {
        const QString note = choice.note();
        if (!note.isEmpty())
            notes.append(tr("%1: %2").arg(MessageLabels::channel(choice.decision.channel), note));
    }
    if (patientId().isEmpty())
        notes.append(tr("Choose the patient first."));
    else if (m_channel->currentIndex() < 0)
        notes.append(tr("No channel may be used for this patient and purpose."));
    m_channelNote->setText(notes.join(QLatin1Char('\n')));
    m_channelNote->setVisible(!notes.isEmpty());
    const bool email = m_channel->currentData().toString() == QLatin1String("email");
    m_subject->setEnabled(email);
    m_counter->setVisible(!email);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_channel->currentIndex() >= 0);
    reloadTemplates();
    updateCounter();
}

void ComposeMessageDialog::updatePreview()
{
    const bool fromTemplate = !m_template->currentData().toString().isEmpty();
    m_preview->setVisible(fromTemplate);
    if (!fromTemplate)
        return;
    auto text = filled();
    if (!text) {
        m_preview->setText(text.error());
        return;
    }
    m_preview->setText(text->subject.isEmpty()
                           ? text->body
                           : tr("Subject: %1\n\n%2").arg(text->subject, text->body));
}

void ComposeMessageDialog::updateCounter()
{
    updatePreview();
    // From a template, the parts are those of the text the patient receives.
    const auto rendered = filled();
    const QString text = rendered ? rendered->body : m_body->toPlainText().trimmed();
    const SmsSegments parts = SmsSegments::count(text);
    QString counter = tr("SMS parts: %1 · characters left in this part: %2")
                          .arg(parts.segments)
                          .arg(parts.remainingInSegment);
    if (parts.encoding == SmsSegments::Encoding::Ucs2)
        counter += QLatin1Char('\n') +
                   tr("“%1” is not in the SMS alphabet, so each part holds 70 characters instead "
                      "of 160.")
                       .arg(parts.forcingCharacter);
    if (parts.segments > MessageComposer::maxSmsSegments)
        counter +=
            QLatin1Char('\n') +
            tr("Too long: at most %1 parts are allowed.").arg(MessageComposer::maxSmsSegments);
    m_counter->setText(counter);
}

void ComposeMessageDialog::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->show();
}

void ComposeMessageDialog::accept()
{
    auto queued = m_composer.queue(draft());
    if (!queued) {
        showProblem(queued.error());
        return;
    }
    m_queued = *queued;
    QDialog::accept();
}

} // namespace frontdesk

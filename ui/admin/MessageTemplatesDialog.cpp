#include "MessageTemplatesDialog.h"

#include "domain/MessageLabels.h"
#include "messages/MessageTextForm.h"
#include "messaging/ContactPolicy.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace frontdesk {

MessageTemplatesDialog::MessageTemplatesDialog(Database &db, QWidget *parent)
    : QDialog(parent), m_model(new MessageTemplateModel(db, this))
{
    setWindowTitle(tr("Message templates"));

    m_list = new QTableView(this);
    m_list->setObjectName(QStringLiteral("templateList"));
    m_list->setAccessibleName(tr("Templates"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->verticalHeader()->hide();
    m_list->setWordWrap(false);
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setSectionResizeMode(MessageTemplateModel::Name,
                                                     QHeaderView::Stretch);
    m_list->setTabKeyNavigation(false);
    auto *add = new QPushButton(tr("Ne&w template"), this);
    add->setObjectName(QStringLiteral("addTemplate"));
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    add->setAutoDefault(false);
    connect(add, &QPushButton::clicked, this, &MessageTemplatesDialog::addTemplate);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addWidget(add);

    // The subject, text and preview rows are the shared form's; this window's rows go above
    // them, and the field to insert and the active box between the text and the preview.
    m_text = new MessageTextForm({}, this);
    QFormLayout *form = m_text->form();
    int top = 0;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("templateName"));
    form->insertRow(top++, tr("&Name:"), m_name);
    m_purpose = new QComboBox(this);
    m_purpose->setObjectName(QStringLiteral("templatePurpose"));
    for (const QString &purpose : ContactPolicy::purposes())
        m_purpose->addItem(MessageLabels::purpose(purpose), purpose);
    form->insertRow(top++, tr("P&urpose:"), m_purpose);
    m_channel = new QComboBox(this);
    m_channel->setObjectName(QStringLiteral("templateChannel"));
    m_channel->addItem(tr("SMS or e-mail"), QStringLiteral("any"));
    m_channel->addItem(MessageLabels::channel(QStringLiteral("sms")), QStringLiteral("sms"));
    m_channel->addItem(MessageLabels::channel(QStringLiteral("email")), QStringLiteral("email"));
    form->insertRow(top++, tr("&Channel:"), m_channel);
    m_subject = m_text->subjectField();
    m_subject->setObjectName(QStringLiteral("templateSubject"));
    m_body = m_text->bodyField();
    m_body->setObjectName(QStringLiteral("templateBody"));
    m_field = new QComboBox(this);
    m_field->setObjectName(QStringLiteral("templateField"));
    for (const QString &field : TemplateRenderer::placeholders())
        m_field->addItem(QStringLiteral("{%1} — %2").arg(field, TemplateRenderer::describe(field)),
                         field);
    auto *insert = new QPushButton(tr("&Insert"), this);
    insert->setObjectName(QStringLiteral("insertField"));
    insert->setAutoDefault(false);
    connect(insert, &QPushButton::clicked, this, &MessageTemplatesDialog::insertField);
    auto *fieldRow = new QHBoxLayout;
    fieldRow->addWidget(m_field, 1);
    fieldRow->addWidget(insert);
    m_text->addRowBeforePreview(tr("&Field:"), fieldRow);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(fieldRow)))
        label->setBuddy(m_field);
    m_active = new QCheckBox(tr("&Offered when composing"), this);
    m_active->setObjectName(QStringLiteral("templateActive"));
    m_text->addRowBeforePreview(QString(), m_active);
    m_preview = m_text->previewLabel();
    m_preview->setObjectName(QStringLiteral("templatePreview"));
    for (int row = 0; row < form->rowCount(); ++row) {
        auto *label =
            qobject_cast<QLabel *>(form->itemAt(row, QFormLayout::LabelRole)
                                       ? form->itemAt(row, QFormLayout::LabelRole)->widget()
                                       : nullptr);
        QLayoutItem *field = form->itemAt(row, QFormLayout::FieldRole);
        if (label && field && field->widget())
            field->widget()->setAccessibleName(
                label->text().remove(QLatin1Char('&')).remove(QLatin1Char(':')).trimmed());
    }
    m_field->setAccessibleName(tr("Field to insert"));

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("templateProblem"));
    m_problem->setWordWrap(true);
    m_problem->setForegroundRole(QPalette::Highlight);
    m_problem->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    m_save = m_buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveTemplate"));
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("Checks the template and saves it (Ctrl+S)"));
    m_save->setAutoDefault(false);
    m_buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(m_save, &QPushButton::clicked, this, &MessageTemplatesDialog::saveTemplate);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *right = new QVBoxLayout;
    right->addWidget(m_text);
    right->addWidget(m_problem);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &MessageTemplatesDialog::updatePreview);
    connect(m_text, &MessageTextForm::textChanged, this, &MessageTemplatesDialog::updatePreview);
    for (QComboBox *box : {m_purpose, m_channel})
        connect(box, &QComboBox::currentIndexChanged, this, &MessageTemplatesDialog::updatePreview);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MessageTemplatesDialog::currentRowChanged);

    setTabOrder(m_list, add);
    setTabOrder(add, m_name);
    setTabOrder(m_name, m_purpose);
    setTabOrder(m_purpose, m_channel);
    setTabOrder(m_channel, m_subject);
    setTabOrder(m_subject, m_body);
    setTabOrder(m_body, m_field);
    setTabOrder(m_field, insert);
    setTabOrder(insert, m_active);
    setTabOrder(m_active, m_save);

    if (auto s = m_model->refresh(); !s)
        showProblem(s.error());
    if (m_model->rowCount() > 0)
        selectTemplate(m_model->templateAt(0).meta.id);
    else
        addTemplate();
    resize(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 96, sizeHint().height());
    m_list->setFocus();
}

MessageTemplate MessageTemplatesDialog::formTemplate() const
{
    MessageTemplate t = m_current;
    t.name = m_name->text().trimmed();
    t.purpose = m_purpose->currentData().toString();
    t.channel = m_channel->currentData().toString();
    t.subject = t.channel == QLatin1String("sms") ? QString() : m_subject->text().trimmed();
    t.body = m_body->toPlainText().trimmed();
    t.active = m_active->isChecked();
    return t;
}

void MessageTemplatesDialog::showTemplate(const MessageTemplate &t)
{
    m_current = t;
    m_loading = true;
    m_name->setText(t.name);
    m_purpose->setCurrentIndex(std::max(0, m_purpose->findData(t.purpose)));
    m_channel->setCurrentIndex(std::max(0, m_channel->findData(t.channel)));
    m_subject->setText(t.subject);
    m_body->setPlainText(t.body);
    m_active->setChecked(t.active);
    m_loading = false;
    m_problem->hide();
    updatePreview();
}

void MessageTemplatesDialog::currentRowChanged()
{
    if (m_loading)
        return;
    const int row = m_list->currentIndex().row();
    const QString target =
        row >= 0 && row < m_model->rowCount() ? m_model->templateAt(row).meta.id : QString();
    if (target.isEmpty() || target == m_current.meta.id)
        return;
    // Saving reloads the list: the row is found again by its template.
    settleChanges(false);
    selectTemplate(target);
}

void MessageTemplatesDialog::selectTemplate(const QString &id)
{
    const int row = m_model->rowOf(id);
    m_loading = true;
    m_list->selectRow(row);
    m_loading = false;
    if (row >= 0)
        showTemplate(m_model->templateAt(row));
}

bool MessageTemplatesDialog::hasUnsavedChanges() const
{
    const MessageTemplate form = formTemplate();
    const MessageTemplate &saved = m_current;
    return form.name != saved.name.trimmed() || form.purpose != saved.purpose ||
           form.channel != saved.channel ||
           (form.channel != QLatin1String("sms") && form.subject != saved.subject.trimmed()) ||
           form.body != saved.body.trimmed() || form.active != saved.active;
}

bool MessageTemplatesDialog::settleChanges(bool mayStay)
{
    if (!hasUnsavedChanges())
        return true;
    const QString name =
        m_name->text().trimmed().isEmpty() ? tr("the new template") : m_name->text().trimmed();
    QMessageBox::StandardButtons buttons = QMessageBox::Save | QMessageBox::Discard;
    if (mayStay)
        buttons |= QMessageBox::Cancel;
    const auto answer = QMessageBox::question(this, tr("Message templates"),
                                              tr("Save the changes to \"%1\"?").arg(name), buttons,
                                              QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Discard)
        return true;
    MessageTemplate t = formTemplate();
    m_loading = true;
    const Status saved = m_model->save(t);
    m_loading = false;
    if (!saved) {
        QMessageBox::warning(
            this, tr("Message templates"),
            tr("The changes to \"%1\" were not saved: %2").arg(name, saved.error()));
        return false;
    }
    m_current = t;
    return true;
}

void MessageTemplatesDialog::addTemplate()
{
    if (!settleChanges(true))
        return;
    m_loading = true;
    m_list->clearSelection();
    m_list->setCurrentIndex({});
    m_loading = false;
    MessageTemplate fresh;
    fresh.purpose = QStringLiteral("reminder");
    fresh.channel = QStringLiteral("sms");
    showTemplate(fresh);
    m_name->setFocus();
}

bool MessageTemplatesDialog::saveTemplate()
{
    MessageTemplate t = formTemplate();
    m_loading = true;
    const Status saved = m_model->save(t);
    m_loading = false;
    if (!saved) {
        showProblem(saved.error());
        return false;
    }
    m_problem->hide();
    m_current = t;
    selectTemplate(t.meta.id);
    return true;
}

void MessageTemplatesDialog::reject()
{
    if (settleChanges(true))
        QDialog::reject();
}

void MessageTemplatesDialog::insertField()
{
    m_body->insertPlainText(QLatin1Char('{') + m_field->currentData().toString() +
                            QLatin1Char('}'));
    m_body->setFocus();
}

void MessageTemplatesDialog::updatePreview()
{
    if (m_loading)
        return;
    const MessageTemplate t = formTemplate();
    const bool sms = t.channel == QLatin1String("sms");
    m_subject->setEnabled(!sms);
    if (t.body.isEmpty()) {
        m_preview->setText(tr("The preview shows the text as a patient reads it."));
        return;
    }
    auto filled = m_model->preview(t);
    if (!filled) {
        m_preview->setText(filled.error());
        return;
    }
    m_preview->setText(filled->subject.isEmpty()
                           ? filled->body
                           : tr("Subject: %1\n\n%2").arg(filled->subject, filled->body));
}

void MessageTemplatesDialog::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->show();
}

} // namespace frontdesk

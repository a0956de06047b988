#include "MessageTextForm.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace frontdesk {

MessageTextForm::MessageTextForm(const Options &options, QWidget *parent) : QWidget(parent)
{
    m_preview = new QLabel(this);
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setFrameShape(QFrame::StyledPanel);
    m_preview->setMargin(6);
    if (options.previewLines > 0) {
        m_preview->setMinimumHeight(fontMetrics().height() * options.previewLines);
        m_preview->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    }

    if (options.mode == Mode::PreviewOnly) {
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(new QLabel(options.previewHeading, this));
        layout->addWidget(m_preview);
        return;
    }

    m_form = new QFormLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_subject = new QLineEdit(this);
    m_form->addRow(tr("&Subject:"), m_subject);
    m_body = new QPlainTextEdit(this);
    // Tab leaves the text for the next field; a message has no use for tab characters.
    m_body->setTabChangesFocus(true);
    m_body->setMinimumHeight(fontMetrics().height() * 6);
    m_form->addRow(tr("&Text:"), m_body);
    m_form->addRow(tr("Preview:"), m_preview);
    connect(m_subject, &QLineEdit::textChanged, this, &MessageTextForm::textChanged);
    connect(m_body, &QPlainTextEdit::textChanged, this, &MessageTextForm::textChanged);
}

int MessageTextForm::subjectRow() const
{
    int row = -1;
    QFormLayout::ItemRole role;
    if (m_form)
        m_form->getWidgetPosition(m_subject, &row, &role);
    return row;
}

int MessageTextForm::previewRow() const
{
    int row = -1;
    QFormLayout::ItemRole role;
    if (m_form)
        m_form->getWidgetPosition(m_preview, &row, &role);
    return row;
}

void MessageTextForm::addRowBeforePreview(const QString &label, QWidget *field)
{
    if (m_form)
        m_form->insertRow(previewRow(), label, field);
}

void MessageTextForm::addRowBeforePreview(const QString &label, QLayout *field)
{
    if (m_form)
        m_form->insertRow(previewRow(), label, field);
}

} // namespace frontdesk

#pragma once

#include <QString>
#include <QWidget>

class QFormLayout;
class QLabel;
class QLayout;
class QLineEdit;
class QPlainTextEdit;

namespace frontdesk {

// A message's subject and text with its live preview, as the message window, the template
// editor and Recall Outreach show them. Editable: one form with the rows Subject, Text and
// Preview, to which the window adds its own rows (above the subject through form(), between
// the text and the preview through addRowBeforePreview), so that all labels line up as in one
// form. Preview only (nothing is typed, as in Recall Outreach): the preview under a heading.
// The preview is framed, wraps and can be selected; the window fills it.
class MessageTextForm : public QWidget
{
    Q_OBJECT
public:
    enum class Mode
    {
        Editable,
        PreviewOnly
    };
    struct Options
    {
        Mode mode = Mode::Editable;
        // The preview's least height in lines, its text at the top; 0: as high as its text.
        int previewLines = 4;
        // Above the preview in PreviewOnly mode.
        QString previewHeading;
    };

    explicit MessageTextForm(const Options &options, QWidget *parent = nullptr);

    // Editable: the form; nullptr in PreviewOnly mode.
    QFormLayout *form() const { return m_form; }
    // The row of the subject: the window's own rows go above it.
    int subjectRow() const;
    void addRowBeforePreview(const QString &label, QWidget *field);
    void addRowBeforePreview(const QString &label, QLayout *field);

    // nullptr in PreviewOnly mode.
    QLineEdit *subjectField() const { return m_subject; }
    QPlainTextEdit *bodyField() const { return m_body; }
    QLabel *previewLabel() const { return m_preview; }

signals:
    // The subject or the text changed.
    void textChanged();

private:
    int previewRow() const;

    QFormLayout *m_form = nullptr;
    QLineEdit *m_subject = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QLabel *m_preview;
};

} // namespace frontdesk

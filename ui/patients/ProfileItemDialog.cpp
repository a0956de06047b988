#include "ProfileItemDialog.h"

#include "core/LocaleFormat.h"

#include "domain/ConsentLabels.h"
#include "domain/CoverageLabels.h"

#include "common/ViewHelpers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetrics>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QTimeEdit>

#include <algorithm>

namespace frontdesk {

namespace {

// A dialog with a form and OK/Cancel; the caller adds rows.
struct FormDialog
{
    QDialog dialog;
    QFormLayout *form;

    FormDialog(QWidget *parent, const QString &title) : dialog(parent)
    {
        dialog.setWindowTitle(title);
        form = new QFormLayout(&dialog);
    }
    bool run()
    {
        auto *buttons =
            new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        form->addRow(buttons);
        // Wide enough for a sentence and for each field's example: the alert's form was
        // 224 px wide, its example cut to "e.g. Needs an interp…".
        const QFontMetrics metrics = dialog.fontMetrics();
        int labels = 0;
        for (int row = 0; row < form->rowCount(); ++row)
            if (const QLayoutItem *label = form->itemAt(row, QFormLayout::LabelRole))
                labels = std::max(labels, label->sizeHint().width());
        int width = metrics.averageCharWidth() * 48;
        // The margins around the form and in a field: a dozen characters.
        for (const QLineEdit *edit : dialog.findChildren<QLineEdit *>())
            if (!edit->placeholderText().isEmpty())
                width =
                    std::max(width, labels + metrics.horizontalAdvance(edit->placeholderText()) +
                                        metrics.averageCharWidth() * 12);
        dialog.setMinimumWidth(width);
        return dialog.exec() == QDialog::Accepted;
    }
};

QComboBox *choices(QWidget *parent, const QList<QPair<QString, QString>> &items,
                   const QString &current)
{
    auto *box = new QComboBox(parent);
    for (const auto &item : items)
        box->addItem(item.second, item.first);
    box->setCurrentIndex(std::max(0, box->findData(current)));
    return box;
}

QDateEdit *dateEdit(QWidget *parent, const QDate &date)
{
    auto *edit = new QDateEdit(parent);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(view::fullYearDateFormat());
    edit->setSpecialValueText(QStringLiteral(" "));
    edit->setMinimumDate(QDate(1900, 1, 1));
    edit->setDate(date.isValid() ? date : edit->minimumDate());
    return edit;
}

QDate dateOf(const QDateEdit *edit)
{
    return edit->date() == edit->minimumDate() ? QDate() : edit->date();
}

} // namespace

bool ProfileItemDialog::editAlert(QWidget *parent, PatientAlert &alert)
{
    FormDialog d(parent, tr("Alert"));
    auto *text = new QLineEdit(alert.text, &d.dialog);
    text->setPlaceholderText(tr("e.g. Needs an interpreter (Turkish)"));
    auto *severity = choices(&d.dialog, severities(), alert.severity);
    d.form->addRow(tr("&Text:"), text);
    d.form->addRow(tr("&Severity:"), severity);
    if (!d.run())
        return false;
    alert.text = text->text().trimmed();
    alert.severity = severity->currentData().toString();
    return true;
}

bool ProfileItemDialog::editConsent(QWidget *parent, Consent &consent)
{
    FormDialog d(parent, tr("Consent"));
    auto *type = new QComboBox(&d.dialog);
    type->setEditable(true);
    // The known purposes by their translated names; any other is typed in and kept as written.
    for (const QString &known : ConsentLabels::knownTypes())
        type->addItem(ConsentLabels::type(known), known);
    type->setCurrentText(ConsentLabels::type(consent.type));
    auto *status = choices(
        &d.dialog,
        {{QStringLiteral("given"), tr("Given")}, {QStringLiteral("withdrawn"), tr("Withdrawn")}},
        consent.status);
    auto *note = new QLineEdit(consent.note, &d.dialog);
    auto *document = new QPushButton(tr("Attach scanned document…"), &d.dialog);
    QObject::connect(document, &QPushButton::clicked, &d.dialog, [&] {
        const QString path =
            QFileDialog::getOpenFileName(&d.dialog, tr("Scanned consent"), view::documentsFolder(),
                                         tr("Documents (*.pdf *.png *.jpg *.jpeg *.tif)"));
        if (path.isEmpty())
            return;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            document->setText(tr("Cannot read %1: %2").arg(path, file.errorString()));
            return;
        }
        consent.document = file.readAll();
        consent.documentName = QFileInfo(path).fileName();
        document->setText(consent.documentName);
    });
    d.form->addRow(tr("&Consent to:"), type);
    d.form->addRow(tr("&Status:"), status);
    d.form->addRow(tr("&Note:"), note);
    d.form->addRow(tr("Document:"), document);
    if (!d.run())
        return false;
    const QString typed = type->currentText().trimmed();
    const int known = type->findText(typed);
    consent.type = known >= 0 ? type->itemData(known).toString() : typed;
    consent.status = status->currentData().toString();
    consent.note = note->text().trimmed();
    return true;
}

bool ProfileItemDialog::editCoverage(QWidget *parent, Coverage &coverage)
{
    FormDialog d(parent, tr("Insurance"));
    auto *payer = new QLineEdit(coverage.payer, &d.dialog);
    auto *member = new QLineEdit(coverage.memberId, &d.dialog);
    auto *group = new QLineEdit(coverage.groupId, &d.dialog);
    auto *from = dateEdit(&d.dialog, coverage.validFrom);
    auto *to = dateEdit(&d.dialog, coverage.validTo);
    auto *eligibility = choices(&d.dialog, eligibilities(), coverage.eligibility);
    d.form->addRow(tr("&Payer:"), payer);
    d.form->addRow(tr("&Member id:"), member);
    d.form->addRow(tr("&Group:"), group);
    d.form->addRow(tr("Valid &from:"), from);
    d.form->addRow(tr("Valid &to:"), to);
    d.form->addRow(tr("&Eligibility:"), eligibility);
    const QString before = coverage.eligibility;
    if (!d.run())
        return false;
    coverage.payer = payer->text().trimmed();
    coverage.memberId = member->text().trimmed();
    coverage.groupId = group->text().trimmed();
    coverage.validFrom = dateOf(from);
    coverage.validTo = dateOf(to);
    coverage.eligibility = eligibility->currentData().toString();
    // A changed answer is a new check; when it happened is filled in by the caller's clock.
    if (coverage.eligibility != before)
        coverage.eligibilityCheckedAt = QDateTime();
    return true;
}

bool ProfileItemDialog::editPreference(QWidget *parent, CommunicationPreference &preference)
{
    FormDialog d(parent, tr("Communication preference"));
    auto *purpose = choices(&d.dialog, purposes(), preference.purpose);
    auto *channel = choices(&d.dialog, channels(), preference.channel);
    auto *optOut = new QCheckBox(tr("Opted out: send nothing for this purpose"), &d.dialog);
    optOut->setChecked(preference.optedOut);
    auto *quietFrom =
        new QTimeEdit(QTime(0, 0).addSecs(preference.quietStartMinute * 60), &d.dialog);
    auto *quietTo = new QTimeEdit(QTime(0, 0).addSecs(preference.quietEndMinute * 60), &d.dialog);
    quietFrom->setDisplayFormat(LocaleFormat::timeFormat());
    quietTo->setDisplayFormat(LocaleFormat::timeFormat());
    d.form->addRow(tr("&Purpose:"), purpose);
    d.form->addRow(tr("&Channel:"), channel);
    d.form->addRow(QString(), optOut);
    d.form->addRow(tr("&Quiet from:"), quietFrom);
    d.form->addRow(tr("Quiet &until:"), quietTo);
    if (!d.run())
        return false;
    preference.purpose = purpose->currentData().toString();
    preference.channel = channel->currentData().toString();
    preference.optedOut = optOut->isChecked();
    preference.quietStartMinute = quietFrom->time().msecsSinceStartOfDay() / 60000;
    preference.quietEndMinute = quietTo->time().msecsSinceStartOfDay() / 60000;
    return true;
}

ProfileItemDialog::Choices ProfileItemDialog::severities()
{
    return {{QStringLiteral("info"), tr("Information")},
            {QStringLiteral("warning"), tr("Warning")},
            {QStringLiteral("high"), tr("High — shown first")}};
}

ProfileItemDialog::Choices ProfileItemDialog::eligibilities()
{
    Choices choices;
    for (const QString &code : CoverageLabels::eligibilities())
        choices.push_back({code, CoverageLabels::eligibility(code)});
    return choices;
}

ProfileItemDialog::Choices ProfileItemDialog::purposes()
{
    return {{QStringLiteral("reminder"), tr("Appointment reminders")},
            {QStringLiteral("follow-up"), tr("Follow-ups after a visit")},
            {QStringLiteral("survey"), tr("Surveys")},
            {QStringLiteral("recall"), tr("Recalls (check-ups due)")},
            {QStringLiteral("administrative"), tr("Administrative")},
            {QStringLiteral("clinical"), tr("Clinical results")},
            {QStringLiteral("marketing"), tr("Marketing")}};
}

ProfileItemDialog::Choices ProfileItemDialog::channels()
{
    return {{QStringLiteral("sms"), tr("SMS")},
            {QStringLiteral("email"), tr("E-mail")},
            {QStringLiteral("phone"), tr("Phone call")},
            {QStringLiteral("letter"), tr("Letter")}};
}

QString ProfileItemDialog::labelOf(const Choices &choices, const QString &value)
{
    for (const auto &choice : choices) {
        if (choice.first == value)
            return choice.second;
    }
    return value;
}

} // namespace frontdesk

#include "PatientEditor.h"

#include "common/CodeNameCombo.h"
#include "common/ViewHelpers.h"
#include "domain/SearchText.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>

namespace frontdesk {

namespace {

// Text fields: key, and the member they edit.
struct TextField
{
    const char *key;
    QString Patient::*member;
};

const TextField kTextFields[] = {
    {"mrn", &Patient::mrn},
    {"familyName", &Patient::familyName},
    {"givenName", &Patient::givenName},
    {"phoneMobile", &Patient::phoneMobile},
    {"phoneHome", &Patient::phoneHome},
    {"email", &Patient::email},
    {"addressLine", &Patient::addressLine},
    {"postalCode", &Patient::postalCode},
    {"city", &Patient::city},
    {"emergencyContactName", &Patient::emergencyContactName},
    {"emergencyContactRelation", &Patient::emergencyContactRelation},
    {"emergencyContactPhone", &Patient::emergencyContactPhone},
};

} // namespace

PatientEditor::PatientEditor(QWidget *parent) : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    int row = 0;
    addLine(QStringLiteral("familyName"), tr("&Family name *"), row);
    addLine(QStringLiteral("givenName"), tr("&Given name"), row + 2);
    m_birthDate = new QLineEdit(this);
    m_birthDate->setPlaceholderText(
        tr("e.g. %1").arg(QLocale().toString(QDate(1985, 3, 12), view::fullYearDateFormat())));
    m_birthDate->setToolTip(tr("Day.month.year, year-month-day or month/day/year."));
    addRow(QStringLiteral("birthDate"), tr("&Birth date"), m_birthDate, row + 4);
    m_sex = new QComboBox(this);
    m_sex->addItem(tr("Female"), QStringLiteral("female"));
    m_sex->addItem(tr("Male"), QStringLiteral("male"));
    m_sex->addItem(tr("Other"), QStringLiteral("other"));
    m_sex->addItem(tr("Unknown"), QStringLiteral("unknown"));
    addRow(QStringLiteral("sex"), tr("&Sex"), m_sex, row + 6);
    addLine(QStringLiteral("mrn"), tr("&MRN *"), row + 8);
    // By name in the UI's language (LocaleNames); the record keeps the BCP 47 code.
    m_language = new CodeNameCombo(LocaleNames::languages(), this);
    connect(m_language, &QComboBox::currentTextChanged, this, &PatientEditor::markModified);
    addRow(QStringLiteral("preferredLanguage"), tr("&Language"), m_language, row + 10);

    // Second column: how to reach the patient.
    auto addRight = [&](const QString &field, const QString &label, QWidget *w, int r) {
        auto *l = new QLabel(label, this);
        l->setBuddy(w);
        auto *error = new QLabel(this);
        error->setObjectName(field + QStringLiteral("Error"));
        error->setStyleSheet(QStringLiteral("color: #b3261e;"));
        error->setWordWrap(true);
        error->hide();
        grid->addWidget(l, r, 2);
        grid->addWidget(w, r, 3);
        grid->addWidget(error, r + 1, 3);
        w->setObjectName(field);
        m_inputs.insert(field, w);
        m_errors.insert(field, error);
    };
    auto rightLine = [&](const QString &field, const QString &label, int r) {
        auto *edit = new QLineEdit(this);
        connect(edit, &QLineEdit::textEdited, this, &PatientEditor::markModified);
        addRight(field, label, edit, r);
        return edit;
    };
    rightLine(QStringLiteral("phoneMobile"), tr("M&obile"), 0);
    rightLine(QStringLiteral("phoneHome"), tr("&Home phone"), 2);
    rightLine(QStringLiteral("email"), tr("&E-mail"), 4);
    m_channel = new QComboBox(this);
    m_channel->addItem(tr("SMS"), QStringLiteral("sms"));
    m_channel->addItem(tr("E-mail"), QStringLiteral("email"));
    m_channel->addItem(tr("Phone call"), QStringLiteral("phone"));
    m_channel->addItem(tr("Letter"), QStringLiteral("letter"));
    m_channel->addItem(tr("None"), QStringLiteral("none"));
    connect(m_channel, &QComboBox::activated, this, &PatientEditor::markModified);
    addRight(QStringLiteral("preferredChannel"), tr("Pre&ferred channel"), m_channel, 6);
    rightLine(QStringLiteral("addressLine"), tr("&Address"), 8);
    rightLine(QStringLiteral("postalCode"), tr("&Postal code"), 10);
    rightLine(QStringLiteral("city"), tr("C&ity"), 12);
    m_country = new CodeNameCombo(LocaleNames::countries(), this);
    connect(m_country, &QComboBox::currentTextChanged, this, &PatientEditor::markModified);
    addRight(QStringLiteral("country"), tr("Co&untry"), m_country, 14);

    auto *emergency = new QLabel(tr("<b>Emergency contact</b>"), this);
    grid->addWidget(emergency, 16, 0, 1, 4);
    addLine(QStringLiteral("emergencyContactName"), tr("&Name"), 17);
    addLine(QStringLiteral("emergencyContactRelation"), tr("&Relation"), 19);
    addLine(QStringLiteral("emergencyContactPhone"), tr("Pho&ne"), 21);
    grid->setRowStretch(23, 1);

    connect(m_birthDate, &QLineEdit::textEdited, this, &PatientEditor::markModified);
    connect(m_sex, &QComboBox::activated, this, &PatientEditor::markModified);
}

QLineEdit *PatientEditor::addLine(const QString &field, const QString &label, int row)
{
    auto *edit = new QLineEdit(this);
    connect(edit, &QLineEdit::textEdited, this, &PatientEditor::markModified);
    addRow(field, label, edit, row);
    return edit;
}

void PatientEditor::addRow(const QString &field, const QString &label, QWidget *input, int row)
{
    auto *grid = static_cast<QGridLayout *>(layout());
    auto *l = new QLabel(label, this);
    l->setBuddy(input);
    auto *error = new QLabel(this);
    error->setObjectName(field + QStringLiteral("Error"));
    error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    error->setWordWrap(true);
    error->hide();
    input->setObjectName(field);
    grid->addWidget(l, row, 0);
    grid->addWidget(input, row, 1);
    grid->addWidget(error, row + 1, 1);
    m_inputs.insert(field, input);
    m_errors.insert(field, error);
}

void PatientEditor::setPatient(const Patient &patient)
{
    m_loading = true;
    m_original = patient;
    for (const TextField &f : kTextFields) {
        if (auto *edit = qobject_cast<QLineEdit *>(m_inputs.value(QLatin1String(f.key))))
            edit->setText(patient.*(f.member));
    }
    m_birthDate->setText(patient.birthDate.isValid()
                             ? QLocale().toString(patient.birthDate, view::fullYearDateFormat())
                             : QString());
    m_sex->setCurrentIndex(std::max(0, m_sex->findData(patient.sex)));
    m_channel->setCurrentIndex(std::max(0, m_channel->findData(patient.preferredChannel)));
    m_language->setCode(patient.preferredLanguage);
    m_country->setCode(patient.country);
    showErrors({});
    m_loading = false;
    setModified(false);
}

Patient PatientEditor::patient() const
{
    Patient p = m_original;
    for (const TextField &f : kTextFields) {
        if (auto *edit = qobject_cast<QLineEdit *>(m_inputs.value(QLatin1String(f.key))))
            p.*(f.member) = edit->text().trimmed();
    }
    p.birthDate = parsedBirthDate();
    p.sex = m_sex->currentData().toString();
    p.preferredChannel = m_channel->currentData().toString();
    p.preferredLanguage = m_language->code();
    p.country = m_country->code();
    return p;
}

QDate PatientEditor::parsedBirthDate() const
{
    const QString birth = m_birthDate->text().trimmed();
    if (birth.isEmpty())
        return {};
    // The locale's own format first, then what the search box understands.
    const QDate d = QLocale().toDate(birth, view::fullYearDateFormat());
    if (d.isValid())
        return d;
    const QList<QDate> dates = SearchText::parseDates(birth);
    return dates.isEmpty() ? QDate() : dates.first();
}

QMap<QString, QString> PatientEditor::showProblems(QMap<QString, QString> modelErrors)
{
    const QMap<QString, QString> unreadable = inputErrors();
    for (auto it = unreadable.begin(); it != unreadable.end(); ++it)
        modelErrors.insert(it.key(), it.value());
    showErrors(modelErrors);
    return modelErrors;
}

QMap<QString, QString> PatientEditor::inputErrors() const
{
    QMap<QString, QString> errors;
    if (!m_birthDate->text().trimmed().isEmpty() && !parsedBirthDate().isValid())
        errors.insert(QStringLiteral("birthDate"),
                      tr("\"%1\" is not a date; enter it like %2.")
                          .arg(m_birthDate->text().trimmed(),
                               QLocale().toString(QDate(1985, 3, 12), view::fullYearDateFormat())));
    return errors;
}

void PatientEditor::setModified(bool modified)
{
    if (m_modified == modified)
        return;
    m_modified = modified;
    emit modifiedChanged(modified);
}

void PatientEditor::markModified()
{
    if (!m_loading)
        setModified(true);
}

void PatientEditor::showErrors(const QMap<QString, QString> &errors)
{
    QWidget *first = nullptr;
    for (auto it = m_errors.begin(); it != m_errors.end(); ++it) {
        const QString message = errors.value(it.key());
        it.value()->setText(message);
        it.value()->setVisible(!message.isEmpty());
        if (QWidget *input = m_inputs.value(it.key())) {
            input->setProperty("invalid", !message.isEmpty());
            input->setStyleSheet(message.isEmpty() ? QString()
                                                   : QStringLiteral("border: 1px solid #b3261e;"));
            input->setToolTip(message);
        }
    }
    for (const QString &key :
         {QStringLiteral("familyName"), QStringLiteral("givenName"), QStringLiteral("birthDate"),
          QStringLiteral("sex"), QStringLiteral("mrn"), QStringLiteral("phoneMobile"),
          QStringLiteral("phoneHome"), QStringLiteral("email"),
          QStringLiteral("emergencyContactName"), QStringLiteral("emergencyContactPhone")}) {
        if (errors.contains(key) && !first)
            first = m_inputs.value(key);
    }
    if (first)
        first->setFocus(Qt::OtherFocusReason);
}

QString PatientEditor::errorFor(const QString &field) const
{
    const QLabel *label = m_errors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

} // namespace frontdesk

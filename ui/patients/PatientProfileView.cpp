#include "PatientProfileView.h"

#include "ClinicSettings.h"
#include "PatientEditor.h"
#include "PatientProfile.h"
#include "access/AccessGuard.h"
#include "common/ViewHelpers.h"
#include "profile/ClinicalTab.h"
#include "profile/ContactsTab.h"
#include "profile/DetailsTab.h"
#include "profile/ProfileFormat.h"
#include "profile/RecallsTab.h"
#include "profile/TimelineTab.h"

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace frontdesk {

using profile::day;

PatientProfileView::PatientProfileView(Database &db, QWidget *parent)
    : QWidget(parent), m_db(db), m_profile(new PatientProfile(db, this))
{
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("profileHeader"));
    m_header->setTextFormat(Qt::RichText);
    m_photo = new QLabel(this);
    m_photo->setObjectName(QStringLiteral("profilePhoto"));
    m_photo->setFixedSize(96, 96);
    m_photo->setAlignment(Qt::AlignCenter);
    m_photo->hide();
    m_sendMessage = new QPushButton(tr("Send &message…"), this);
    m_sendMessage->setObjectName(QStringLiteral("sendMessageButton"));
    connect(m_sendMessage, &QPushButton::clicked, this,
            [this] { emit composeMessageRequested(patientId()); });
    m_book = new QPushButton(tr("&Book appointment…"), this);
    m_book->setObjectName(QStringLiteral("bookAppointmentButton"));
    connect(m_book, &QPushButton::clicked, this,
            [this] { emit bookAppointmentRequested(patientId(), m_profile->patient().mrn); });
    m_setPhoto = new QPushButton(tr("Set &photo…"), this);
    m_setPhoto->setObjectName(QStringLiteral("setPhotoButton"));
    m_removePhoto = new QPushButton(tr("Remove p&hoto"), this);
    m_removePhoto->setObjectName(QStringLiteral("removePhotoButton"));
    connect(m_setPhoto, &QPushButton::clicked, this, &PatientProfileView::choosePhoto);
    connect(m_removePhoto, &QPushButton::clicked, this, [this] { removePhoto(); });
    m_alerts = new QLabel(this);
    m_alerts->setObjectName(QStringLiteral("profileAlerts"));
    m_alerts->setWordWrap(true);
    m_alerts->setStyleSheet(QStringLiteral(
        "background: #fdecea; color: #8c1d18; border: 1px solid #e6a39c; padding: 6px;"));
    m_alerts->hide();
    // As long as the profile is open, everyone looking at the screen sees how it was opened.
    m_emergency = new QLabel(this);
    m_emergency->setObjectName(QStringLiteral("emergencyAccessBanner"));
    m_emergency->setWordWrap(true);
    m_emergency->setTextFormat(Qt::PlainText);
    m_emergency->setStyleSheet(
        QStringLiteral("background: #8c1d18; color: white; font-weight: bold; padding: 6px;"));
    m_emergency->hide();
    m_message = new InfoBar([this] { return m_profile->now(); }, this);
    m_message->setObjectName(QStringLiteral("profileMessage"));

    m_sections = new QTabWidget(this);
    m_sections->setObjectName(QStringLiteral("profileSections"));

    m_details = new DetailsTab(this);
    m_editor = m_details->editor();
    m_sections->addTab(m_details, tr("&Details"));
    connect(m_details->saveButton(), &QPushButton::clicked, this, [this] { save(); });
    connect(m_details->revertButton(), &QPushButton::clicked, this, &PatientProfileView::revert);
    connect(m_editor, &PatientEditor::modifiedChanged, this, [this](bool modified) {
        m_details->saveButton()->setEnabled(modified || m_profile->isNew());
        m_details->revertButton()->setEnabled(modified);
        emit modifiedChanged(modified);
        emit titleChanged(title());
    });

    m_timeline = new TimelineTab(*m_profile, this);
    connect(m_timeline, &TimelineTab::errorOccurred, this,
            [this](const QString &error) { showMessage(error, true); });
    m_sections->addTab(m_timeline, tr("&Timeline"));
    // Once the glass is broken for the Clinical tab, the visit notes may join the timeline.
    connect(m_profile, &PatientProfile::clinicalOpened, m_timeline, &TimelineTab::reload);

    m_contacts = new ContactsTab(*m_profile, this);
    connect(m_contacts, &ContactsTab::reported, this, &PatientProfileView::report);
    m_sections->addTab(m_contacts, tr("&Consents && insurance"));

    m_recalls = new RecallsTab(*m_profile, this);
    connect(m_recalls, &RecallsTab::reported, this, &PatientProfileView::report);
    connect(m_recalls, &RecallsTab::errorOccurred, this,
            [this](const QString &error) { showMessage(error, true); });
    connect(m_recalls, &RecallsTab::titleChanged, this, [this](const QString &title) {
        m_sections->setTabText(m_sections->indexOf(m_recalls), title);
    });
    m_sections->addTab(m_recalls, tr("Recalls"));

    auto *photoButtons = new QVBoxLayout;
    photoButtons->addWidget(m_book);
    photoButtons->addWidget(m_sendMessage);
    photoButtons->addWidget(m_setPhoto);
    photoButtons->addWidget(m_removePhoto);
    photoButtons->addStretch(1);
    auto *header = new QHBoxLayout;
    header->addWidget(m_photo);
    header->addWidget(m_header, 1);
    header->addLayout(photoButtons);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_emergency);
    layout->addWidget(m_alerts);
    layout->addWidget(m_message);
    layout->addWidget(m_sections, 1);
    connect(m_profile, &PatientProfile::changed, this, &PatientProfileView::showProfile);
}

bool PatientProfileView::openPatient(const QString &patientId)
{
    if (auto s = m_profile->open(patientId); !s) {
        showMessage(s.error(), true);
        return false;
    }
    return true;
}

void PatientProfileView::startNewPatient()
{
    m_profile->startNew();
    m_details->saveButton()->setEnabled(true);
    m_editor->input(QStringLiteral("familyName"))->setFocus();
}

QString PatientProfileView::patientId() const
{
    return m_profile->patient().meta.id;
}

QString PatientProfileView::title() const
{
    const Patient &p = m_profile->patient();
    QString t = m_profile->isNew() ? tr("New patient") : p.displayName();
    if (m_editor->isModified())
        t += QStringLiteral(" *");
    return t;
}

QTreeWidget *PatientProfileView::recallList() const
{
    return m_recalls->recallList();
}

bool PatientProfileView::isModified() const
{
    return m_editor->isModified();
}

void PatientProfileView::showMessage(const QString &text, bool error)
{
    if (error)
        m_message->showError(text);
    else
        m_message->showInfo(text);
}

void PatientProfileView::showProfile()
{
    const Patient &p = m_profile->patient();
    if (m_profile->isNew()) {
        m_header->setText(tr("<h2>New patient</h2>"));
    } else {
        QString age;
        if (p.birthDate.isValid()) {
            const QDate today = ClinicSettings(m_db).today();
            int years = today.year() - p.birthDate.year();
            if (today < p.birthDate.addYears(years))
                --years;
            age = tr("born %1 (%n years)", nullptr, years).arg(day(p.birthDate));
        }
        m_header->setText(tr("<h2>%1</h2>%2 · %3 · %4")
                              .arg(p.displayName().toHtmlEscaped(),
                                   view::mrn(p.mrn).toHtmlEscaped(), age,
                                   p.phoneMobile.isEmpty() ? p.phoneHome.toHtmlEscaped()
                                                           : p.phoneMobile.toHtmlEscaped()));
    }
    showPhoto();
    showAlerts();
    // Reloads after adding an alert or consent must not throw away edits in progress.
    if (!m_editor->isModified()) {
        m_editor->setPatient(p);
        m_details->saveButton()->setEnabled(m_profile->isNew());
    }
    m_timeline->reload();
    m_contacts->reload();
    m_recalls->reload();

    // The clinical tab exists only for roles the permission table lets read clinical data.
    if (!m_profile->isNew() && m_profile->canSeeClinical() && !m_clinical) {
        m_clinical = new ClinicalTab(*m_profile, this);
        connect(m_clinical, &ClinicalTab::errorOccurred, this,
                [this](const QString &error) { showMessage(error, true); });
        connect(m_clinical, &ClinicalTab::allergyAlertsChanged, this,
                [this](const QStringList &alerts) {
                    m_allergyAlerts = alerts;
                    showAlerts();
                });
        connect(m_clinical, &ClinicalTab::openedByEmergencyAccess, this,
                [this](const QString &reason) {
                    m_emergency->setText(
                        tr("Opened by emergency access (no appointment today). Reason: %1. "
                           "Every read is recorded in the audit trail.")
                            .arg(reason));
                    m_emergency->show();
                });
        m_sections->addTab(m_clinical, tr("C&linical"));
    }
    emit titleChanged(title());
}

void PatientProfileView::showAlerts()
{
    QStringList alerts;
    for (const PatientAlert &a : m_profile->alerts())
        alerts << (a.severity == QLatin1String("high") ? QStringLiteral("⚠ ") : QString()) + a.text;
    alerts << m_allergyAlerts;
    m_alerts->setText(alerts.join(QStringLiteral("  ·  ")));
    m_alerts->setVisible(!alerts.isEmpty());
}

void PatientProfileView::report(const Status &status)
{
    showMessage(status ? QString() : status.error(), !status);
}

void PatientProfileView::showPhoto()
{
    const bool mayEdit =
        !m_profile->isNew() && AccessGuard(m_db).require(Permission::EditDemographics).ok();
    std::optional<PatientPhoto> photo;
    if (!m_profile->isNew()) {
        auto loaded = m_profile->photo();
        if (loaded)
            photo = *loaded;
        else
            showMessage(loaded.error(), true);
    }
    QPixmap pixmap;
    if (photo && !pixmap.loadFromData(photo->data))
        m_photo->setText(tr("(photo cannot be shown)"));
    else if (photo)
        m_photo->setPixmap(
            pixmap.scaled(m_photo->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation));
    else
        m_photo->clear();
    m_photo->setVisible(photo.has_value());
    m_sendMessage->setVisible(!m_profile->isNew() &&
                              AccessGuard(m_db).require(Permission::SendMessages).ok());
    m_book->setVisible(!m_profile->isNew() &&
                       AccessGuard(m_db).require(Permission::EditSchedule).ok());
    m_setPhoto->setVisible(mayEdit);
    m_removePhoto->setVisible(mayEdit);
    m_removePhoto->setEnabled(photo.has_value());
}

void PatientProfileView::choosePhoto()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a photo"), view::documentsFolder(), tr("Photos (*.jpg *.jpeg *.png)"));
    if (!path.isEmpty())
        setPhotoFromFile(path);
}

bool PatientProfileView::setPhotoFromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showMessage(tr("%1 cannot be read: %2").arg(path, file.errorString()), true);
        return false;
    }
    // Read one byte past the limit so an oversized file is refused without loading all of it.
    const QByteArray bytes = file.read(PatientPhoto::kMaxBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        showMessage(tr("%1 cannot be read: %2").arg(path, file.errorString()), true);
        return false;
    }
    if (auto s = PatientPhoto::validateBytes(bytes); !s) {
        showMessage(tr("%1: %2").arg(path, s.error()), true);
        return false;
    }
    if (const Status saved = m_profile->setPhoto(bytes); !saved) {
        showMessage(saved.error(), true);
        return false;
    }
    showMessage({}, false);
    showPhoto();
    return true;
}

bool PatientProfileView::removePhoto()
{
    const Status s = m_profile->removePhoto();
    report(s);
    showPhoto();
    return s.ok();
}

void PatientProfileView::revert()
{
    m_editor->setPatient(m_profile->patient());
    showMessage({}, false);
}

bool PatientProfileView::maybeClose()
{
    if (!isModified())
        return true;
    QMessageBox box(
        QMessageBox::Question, tr("Unsaved changes"),
        tr("Save the changes to %1?")
            .arg(m_profile->isNew() ? tr("the new patient") : m_profile->patient().displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        revert();
        return true;
    default:
        return false;
    }
}

bool PatientProfileView::save()
{
    const Patient draft = m_editor->patient();
    const QMap<QString, QString> errors = m_editor->showProblems(m_profile->validate(draft));
    if (!errors.isEmpty()) {
        showMessage(tr("Please correct the fields marked in red."), true);
        return false;
    }
    if (m_profile->isNew()) {
        auto duplicates = m_profile->possibleDuplicates(draft);
        if (!duplicates) {
            showMessage(duplicates.error(), true);
            return false;
        }
        if (!duplicates->isEmpty()) {
            QStringList lines;
            for (const auto &m : *duplicates)
                lines << tr("%1 (%2, born %3): %4")
                             .arg(m.patient.displayName(), view::mrn(m.patient.mrn),
                                  day(m.patient.birthDate),
                                  m.score.reasons.join(QStringLiteral(", ")));
            QMessageBox box(QMessageBox::Warning, tr("Possible duplicate"),
                            tr("This patient may already be registered:\n\n%1\n\nOpen the existing "
                               "record instead, or save a new one anyway?")
                                .arg(lines.join(QLatin1Char('\n'))),
                            QMessageBox::Cancel, this);
            QPushButton *openExisting =
                box.addButton(tr("&Open existing"), QMessageBox::AcceptRole);
            QPushButton *saveAnyway =
                box.addButton(tr("&Save anyway"), QMessageBox::DestructiveRole);
            box.setDefaultButton(openExisting);
            box.exec();
            if (box.clickedButton() == openExisting) {
                emit openPatientRequested(duplicates->first().patient.meta.id);
                return false;
            }
            if (box.clickedButton() != saveAnyway)
                return false;
        }
    }
    if (auto s = m_profile->save(draft); !s) {
        showMessage(s.error(), true);
        return false;
    }
    m_editor->setPatient(m_profile->patient());
    m_details->saveButton()->setEnabled(false);
    showMessage(tr("Saved."), false);
    emit saved(patientId());
    return true;
}

} // namespace frontdesk

#include "PrivateSettings.h"
#include "TestClock.h"
// The patient record in the real window: search → open the profile → edit (with per-field
// messages) → save; the unsaved-changes question; the duplicate check for a new patient; the
// clinical tab only for clinical roles; recalls added, marked overdue, done and cancelled.

#include "TestDatabase.h"

#include "MainWindow.h"
#include "PatientListModel.h"
#include "PatientProfile.h"
#include "access/Role.h"
#include "access/Session.h"
#include "access/StaffAccountRepository.h"
#include "common/ViewHelpers.h"
#include "core/LocaleNames.h"
#include "demo/DemoSeeder.h"
#include "domain/ConsentLabels.h"
#include "interop/FhirImporter.h"
#include "patients/MergeDialog.h"
#include "patients/PatientEditor.h"
#include "patients/PatientProfileView.h"
#include "patients/PatientsView.h"
#include "patients/RecallDialog.h"
#include "patients/profile/BreakGlassDialog.h"
#include "storage/PatientRepository.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QTreeWidget>

using namespace frontdesk;

namespace {
const QDate kToday(2026, 3, 3);
const QString kAnna = QStringLiteral("3f6a5b2e-8c1d-4e2f-9a7b-1c2d3e4f5a61");
const QString kPassword = QStringLiteral("tidal marble orchard 7");
} // namespace

class TestPatientProfileView : public QObject
{
    Q_OBJECT

    test::PrivateSettings m_settings;

    test::TestDatabase t;
    TestClock clock{QDateTime(kToday, QTime(10, 30), QTimeZone("Europe/Berlin"))};

    // Presses the button with this text in the next modal dialog; tells the dialog's title.
    static void answerNextDialog(const QString &button, QString *title)
    {
        QTimer::singleShot(0, qApp, [button, title] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            QWidget *dialog = QApplication::activeModalWidget();
            *title = dialog->windowTitle();
            for (QAbstractButton *b : dialog->findChildren<QAbstractButton *>()) {
                if (b->text().remove(QLatin1Char('&')) == button) {
                    b->click();
                    return;
                }
            }
            dialog->close();
        });
    }

    static void type(QWidget *field, const QString &text)
    {
        auto *edit = qobject_cast<QLineEdit *>(field);
        QVERIFY(edit);
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    Patient stored(const QString &id) { return *PatientRepository(*t.db).get(id); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        QSettings(QStringLiteral("frontdesk"), QStringLiteral("frontdesk")).clear();
        QVERIFY(t.open());
        t.db->setClock(clock);
        QVERIFY(
            t.db->setSetting(QStringLiteral("clinic_time_zone"), QStringLiteral("Europe/Berlin")));
        DemoSeeder::Options options;
        options.patients = 300;
        options.appointments = 1000;
        options.today = kToday;
        QVERIFY(DemoSeeder(*t.db).seed(options).ok());
        auto imported =
            FhirImporter(*t.db).importFile(qEnvironmentVariable("FRONTDESK_TEST_DATA") +
                                           QStringLiteral("/fhir/synthea-anna-mueller.json"));
        QVERIFY2(imported.imported, qPrintable(imported.errors.join(QLatin1Char('\n'))));
    }

    void searchOpenEditSave()
    {
        MainWindow w(*t.db, QStringLiteral("Test"));
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        PatientsView *view = w.patientsView();
        QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), view->searchField());

        // Ranked as you type: accents, case and order do not matter.
        QTest::keyClicks(view->searchField(), QStringLiteral("MUELLER anna"));
        QTableView *table = view->table();
        QTRY_COMPARE(table->model()->index(0, 0).data(DatabaseTableModel::IdRole).toString(),
                     kAnna);
        // Several matches: Enter goes to the results and opens nothing; Enter there opens.
        auto *list = qobject_cast<PatientListModel *>(table->model());
        QVERIFY(list);
        type(view->searchField(), QStringLiteral("a"));
        QTRY_VERIFY(list->filterText() == QLatin1String("a") && list->matchCount() > 1);
        QTest::keyClick(view->searchField(), Qt::Key_Return);
        QCOMPARE(QApplication::focusWidget(), table);
        QCOMPARE(view->tabs()->count(), 1);
        QCOMPARE(table->currentIndex().row(), 0);
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(view->tabs()->count(), 2);
        const QString first = view->profileAt(1)->patientId();
        QCOMPARE(first, list->patientAt(0).meta.id);
        delete view->profileAt(1); // its tab goes with it

        // One match: Enter in the search box opens the profile at once.
        QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), view->searchField());
        QTest::keyClicks(view->searchField(), QStringLiteral("mueller ANNA maria"));
        QTRY_COMPARE(list->matchCount(), qint64(1));
        QTest::keyClick(view->searchField(), Qt::Key_Return);
        QCOMPARE(view->tabs()->count(), 2);
        auto *profile = view->profileAt(1);
        QVERIFY(profile);
        QCOMPARE(profile->patientId(), kAnna);
        QCOMPARE(view->tabs()->tabText(1), QStringLiteral("Müller, Anna Maria"));

        // A wrong phone number: the message sits beside the field and nothing is saved.
        PatientEditor *editor = profile->editor();
        // Her language and country by name (LocaleNames), not "de" and "DE".
        auto *language =
            qobject_cast<QComboBox *>(editor->input(QStringLiteral("preferredLanguage")));
        auto *country = qobject_cast<QComboBox *>(editor->input(QStringLiteral("country")));
        QVERIFY(language && country);
        QCOMPARE(language->currentText(), LocaleNames::language(QStringLiteral("de")));
        QCOMPARE(country->currentText(), LocaleNames::country(QStringLiteral("DE")));
        QVERIFY(language->currentText().size() > 2 && country->currentText().size() > 2);
        type(editor->input(QStringLiteral("phoneMobile")), QStringLiteral("call after 5"));
        QCOMPARE(view->tabs()->tabText(1), QStringLiteral("Müller, Anna Maria *"));
        auto *save = profile->findChild<QPushButton *>(QStringLiteral("saveButton"));
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(!editor->errorFor(QStringLiteral("phoneMobile")).isEmpty());
        QVERIFY(editor->errorFor(QStringLiteral("email")).isEmpty());
        QCOMPARE(stored(kAnna).phoneMobile, QStringLiteral("+49 170 1234567"));

        type(editor->input(QStringLiteral("phoneMobile")), QStringLiteral("0170 7777777"));
        type(editor->input(QStringLiteral("givenName")), QStringLiteral("Anna"));
        // A country typed by its name (any case) is stored by its code; text that names no
        // country is kept as typed.
        country->setEditText(LocaleNames::country(QStringLiteral("AT")).toUpper());
        language->setEditText(QStringLiteral("Kölsch dialect"));
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(editor->errorFor(QStringLiteral("phoneMobile")).isEmpty());
        const Patient saved = stored(kAnna);
        QCOMPARE(saved.phoneMobile, QStringLiteral("0170 7777777"));
        QCOMPARE(saved.givenName, QStringLiteral("Anna"));
        QCOMPARE(saved.country, QStringLiteral("AT"));
        QCOMPARE(saved.preferredLanguage, QStringLiteral("Kölsch dialect"));
        QCOMPARE(country->currentText(), LocaleNames::country(QStringLiteral("AT")));
        QCOMPARE(view->tabs()->tabText(1), QStringLiteral("Müller, Anna"));
        QVERIFY(!save->isEnabled());
        // An alert added on the profile shows on top at once, and is stored.
        QTimer::singleShot(0, qApp, [] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            QWidget *dialog = QApplication::activeModalWidget();
            auto *text = dialog->findChild<QLineEdit *>();
            QVERIFY(text);
            text->setText(QStringLiteral("Needs an interpreter (Turkish)"));
            QTest::keyClick(text, Qt::Key_Return);
        });
        for (QPushButton *b : profile->findChildren<QPushButton *>()) {
            if (b->text() == PatientProfileView::tr("Add &alert…"))
                b->click();
        }
        auto *alerts = profile->findChild<QLabel *>(QStringLiteral("profileAlerts"));
        QVERIFY(alerts->isVisibleTo(profile));
        QVERIFY(alerts->text().contains(QLatin1String("interpreter")));
        QCOMPARE(
            t.db->scalar(QStringLiteral("SELECT count(*) FROM patient_alerts WHERE patient_id = ?"),
                         {kAnna})
                ->toInt(),
            1);

        // The search finds the new number at once.
        view->focusSearch();
        QTest::keyClicks(view->searchField(), QStringLiteral("0170 777"));
        QTRY_COMPARE(table->model()->index(0, 0).data(DatabaseTableModel::IdRole).toString(),
                     kAnna);

        // Unsaved changes are asked about before the tab closes.
        view->tabs()->setCurrentIndex(1);
        type(editor->input(QStringLiteral("email")), QStringLiteral("anna@example.org"));
        QString title;
        answerNextDialog(QMessageBox::tr("Cancel"), &title);
        QVERIFY(!view->closeTab(1));
        QCOMPARE(title, PatientProfileView::tr("Unsaved changes"));
        QCOMPARE(view->tabs()->count(), 2);
        answerNextDialog(QMessageBox::tr("Discard"), &title);
        QVERIFY(view->closeTab(1));
        QCOMPARE(view->tabs()->count(), 1);
        QCOMPARE(stored(kAnna).email, QStringLiteral("anna.mueller@example.org"));
    }

    void newPatientIsCheckedForDuplicates()
    {
        MainWindow w(*t.db, QStringLiteral("Test"));
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        PatientsView *view = w.patientsView();
        PatientProfileView *draft = view->newPatient();
        QCOMPARE(view->tabs()->count(), 2);
        PatientEditor *editor = draft->editor();
        type(editor->input(QStringLiteral("familyName")), QStringLiteral("Mueller"));
        type(editor->input(QStringLiteral("givenName")), QStringLiteral("Anna"));
        type(editor->input(QStringLiteral("birthDate")), QStringLiteral("2027-01-01"));
        type(editor->input(QStringLiteral("phoneMobile")), QStringLiteral("0151 1112223"));
        QVERIFY(!draft->save());
        QVERIFY(editor->errorFor(QStringLiteral("birthDate")).contains(QLatin1String("future")));

        type(editor->input(QStringLiteral("birthDate")), QStringLiteral("12.03.1985"));
        QString title;
        answerNextDialog(PatientProfileView::tr("Open existing"), &title);
        QVERIFY(!draft->save());
        QCOMPARE(title, PatientProfileView::tr("Possible duplicate"));
        // The draft made way for the existing record.
        QTRY_COMPARE(view->tabs()->count(), 2);
        QCOMPARE(view->profileAt(1)->patientId(), kAnna);
    }

    void clinicalTabOnlyForClinicalRoles()
    {
        StaffAccountRepository accounts(*t.db);
        QVERIFY(accounts.create(QStringLiteral("reception"), Role::Receptionist, kPassword).ok());
        QVERIFY(accounts.create(QStringLiteral("nurse"), Role::Nurse, kPassword).ok());
        Session session(*t.db);
        QVERIFY(session.signIn(QStringLiteral("reception"), kPassword).ok());
        {
            PatientProfileView profile(*t.db);
            QVERIFY(profile.openPatient(kAnna));
            // Details, timeline, consents & insurance, recalls.
            QCOMPARE(profile.sections()->count(), 4);
            // Receptionists manage recalls (they may edit demographics).
            QVERIFY(
                profile.findChild<QPushButton *>(QStringLiteral("addRecallButton"))->isEnabled());
        }
        QVERIFY(session.signOut().ok());
        QVERIFY(session.signIn(QStringLiteral("nurse"), kPassword).ok());
        PatientProfileView profile(*t.db);
        QVERIFY(profile.openPatient(kAnna));
        QCOMPARE(profile.sections()->count(), 5);
        auto *banner = profile.findChild<QLabel *>(QStringLiteral("profileAlerts"));
        QVERIFY(banner);
        QVERIFY(!banner->text().contains(QStringLiteral("Penicillin")));
        // Until the glass is broken the timeline leaves the visit notes out, and says so.
        auto *timeline = profile.findChild<QTreeWidget *>(QStringLiteral("timeline"));
        auto *notesHidden = profile.findChild<QLabel *>(QStringLiteral("visitNotesHidden"));
        QVERIFY(timeline && notesHidden);
        const auto visitNotes = [timeline] {
            return timeline
                ->findItems(PatientTimeline::kindName(TimelineEvent::Kind::Encounter),
                            Qt::MatchExactly, 1)
                .size();
        };
        QVERIFY(!notesHidden->isHidden());
        QCOMPARE(visitNotes(), 0);
        // No appointment today: the reason is asked for and recorded.
        // An empty reason is refused with a message, and the dialog stays.
        QString refusal;
        QTimer::singleShot(0, qApp, [&refusal] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            auto *dialog = qobject_cast<BreakGlassDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QTest::keyClick(dialog->detailsEdit(), Qt::Key_Return);
            QVERIFY(dialog->isVisible());
            refusal = dialog->messageLabel()->text();
            dialog->presetBox()->setCurrentIndex(2);
            dialog->detailsEdit()->setText(QStringLiteral("Phone call about a rash"));
            QTest::keyClick(dialog->detailsEdit(), Qt::Key_Return);
        });
        QTest::mouseClick(profile.findChild<QPushButton *>(QStringLiteral("openClinical")),
                          Qt::LeftButton);
        auto *tree = profile.findChild<QTreeWidget *>(QStringLiteral("clinicalSummary"));
        QVERIFY(tree);
        QVERIFY(!tree->findItems(QStringLiteral("Penicillin G"), Qt::MatchRecursive).isEmpty());
        QVERIFY2(refusal.contains(QStringLiteral("reason")), qPrintable(refusal));
        // A banner says how the record was opened while it is open.
        auto *emergency = profile.findChild<QLabel *>(QStringLiteral("emergencyAccessBanner"));
        QVERIFY(emergency && !emergency->isHidden());
        QVERIFY2(emergency->text().contains(QStringLiteral("emergency access")) &&
                     emergency->text().contains(QStringLiteral("Phone call about a rash")),
                 qPrintable(emergency->text()));
        // The open record's active allergies join the banner, the critical ones marked.
        QVERIFY2(banner->text().contains(QStringLiteral("⚠ Allergy: Penicillin G")),
                 qPrintable(banner->text()));
        QVERIFY(!banner->isHidden());
        // The same reason lets the visit notes into the timeline.
        QVERIFY(notesHidden->isHidden());
        QVERIFY(visitNotes() > 0);
        auto reason = t.db->scalar(
            QStringLiteral(
                "SELECT count(*) FROM audit_log WHERE action = 'break-glass' AND patient_id = ?"),
            {kAnna});
        QCOMPARE(reason->toInt(), 1);
        auto recorded = t.db->scalar(
            QStringLiteral("SELECT detail FROM audit_log WHERE action = 'break-glass' AND "
                           "patient_id = ?"),
            {kAnna});
        QVERIFY2(recorded->toString().contains(QStringLiteral("phone, e-mail): Phone call")),
                 qPrintable(recorded->toString()));
        QVERIFY(session.signOut().ok());
    }

    void photoIsSetShownAndRemoved()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString png = dir.filePath(QStringLiteral("anna.png"));
        QImage image(40, 30, QImage::Format_RGB32);
        image.fill(Qt::darkGreen);
        QVERIFY(image.save(png, "PNG"));
        const QString text = dir.filePath(QStringLiteral("notes.png"));
        {
            QFile f(text);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("just text");
        }

        PatientProfileView profile(*t.db);
        QVERIFY(profile.openPatient(kAnna));
        auto *setButton = profile.findChild<QPushButton *>(QStringLiteral("setPhotoButton"));
        auto *removeButton = profile.findChild<QPushButton *>(QStringLiteral("removePhotoButton"));
        QVERIFY(setButton && removeButton);
        QVERIFY(!setButton->isHidden());
        QVERIFY(profile.photoLabel()->isHidden());
        QVERIFY(!removeButton->isEnabled());

        QVERIFY(!profile.setPhotoFromFile(dir.filePath(QStringLiteral("missing.png"))));
        QVERIFY(profile.messageLabel()->text().contains(QLatin1String("cannot be read")));
        QVERIFY(!profile.setPhotoFromFile(text));
        QVERIFY(profile.messageLabel()->text().contains(QLatin1String("JPEG or PNG")));
        QVERIFY(profile.photoLabel()->isHidden());

        QVERIFY(profile.setPhotoFromFile(png));
        QVERIFY(profile.messageLabel()->isHidden());
        QVERIFY(!profile.photoLabel()->isHidden());
        const QPixmap shown = profile.photoLabel()->pixmap();
        QVERIFY(!shown.isNull());
        QCOMPARE(shown.toImage().pixelColor(shown.width() / 2, shown.height() / 2),
                 QColor(Qt::darkGreen));
        QVERIFY(removeButton->isEnabled());

        // A profile opened later shows the stored photo.
        {
            PatientProfileView again(*t.db);
            QVERIFY(again.openPatient(kAnna));
            QVERIFY(!again.photoLabel()->isHidden());
        }

        QTest::mouseClick(removeButton, Qt::LeftButton);
        QVERIFY(profile.photoLabel()->isHidden());
        QVERIFY(!removeButton->isEnabled());
        auto deleted = t.db->scalar(
            QStringLiteral(
                "SELECT count(*) FROM patient_photos WHERE patient_id = ? AND deleted = 1"),
            {kAnna});
        QCOMPARE(deleted->toInt(), 1);
    }

    void itemsAreEditedRemovedAndWithdrawn()
    {
        PatientProfileView profile(*t.db);
        QVERIFY(profile.openPatient(kAnna));
        PatientAlert alert;
        alert.text = QStringLiteral("Hard of hearing");
        QVERIFY(profile.profile()->addAlert(alert).ok());
        Consent consent;
        consent.type = QStringLiteral("photo");
        QVERIFY(profile.profile()->recordConsent(consent).ok());
        auto *tree = profile.findChild<QTreeWidget *>(QStringLiteral("contacts"));
        auto *remove = profile.findChild<QPushButton *>(QStringLiteral("removeItemButton"));
        QVERIFY(tree && remove);
        auto find = [tree](const QString &text) {
            const auto items = tree->findItems(text, Qt::MatchRecursive);
            return items.isEmpty() ? nullptr : items.first();
        };

        // Enter on the alert opens its form; the edit is saved.
        QVERIFY(find(QStringLiteral("Hard of hearing")));
        tree->setCurrentItem(find(QStringLiteral("Hard of hearing")));
        QTimer::singleShot(0, qApp, [] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            QWidget *dialog = QApplication::activeModalWidget();
            auto *edit = dialog->findChild<QLineEdit *>();
            QVERIFY(edit);
            edit->setText(QStringLiteral("Hard of hearing (left ear)"));
            QTest::keyClick(edit, Qt::Key_Return);
        });
        QTest::keyClick(tree, Qt::Key_Return);
        QTRY_VERIFY(find(QStringLiteral("Hard of hearing (left ear)")));
        const auto hasAlert = [&profile](const QString &text) {
            for (const PatientAlert &a : profile.profile()->alerts()) {
                if (a.text == text)
                    return true;
            }
            return false;
        };
        QVERIFY(hasAlert(QStringLiteral("Hard of hearing (left ear)")));
        QVERIFY(!hasAlert(QStringLiteral("Hard of hearing")));

        // Remove asks first, then soft-deletes.
        tree->setCurrentItem(find(QStringLiteral("Hard of hearing (left ear)")));
        QVERIFY(remove->isEnabled());
        QString title;
        answerNextDialog(QStringLiteral("Yes"), &title);
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_VERIFY(!hasAlert(QStringLiteral("Hard of hearing (left ear)")));
        QVERIFY(!find(QStringLiteral("Hard of hearing (left ear)")));
        auto deleted =
            t.db->scalar(QStringLiteral("SELECT deleted FROM patient_alerts WHERE text = ?"),
                         {QStringLiteral("Hard of hearing (left ear)")});
        QCOMPARE(deleted->toInt(), 1);

        // A consent is withdrawn, not deleted: both states stay listed.
        tree->setCurrentItem(find(ConsentLabels::type(QStringLiteral("photo"))));
        QVERIFY(remove->isEnabled());
        answerNextDialog(QStringLiteral("Yes"), &title);
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_COMPARE(
            tree->findItems(ConsentLabels::type(QStringLiteral("photo")), Qt::MatchRecursive)
                .size(),
            2);
        int withdrawn = 0;
        for (const Consent &c : profile.profile()->consents())
            withdrawn += c.type == QLatin1String("photo") && c.status == QLatin1String("withdrawn");
        QCOMPARE(withdrawn, 1);
        // The withdrawal itself cannot be removed.
        for (QTreeWidgetItem *item :
             tree->findItems(ConsentLabels::type(QStringLiteral("photo")), Qt::MatchRecursive)) {
            if (item->text(1) == QLatin1String("withdrawn")) {
                tree->setCurrentItem(item);
                QVERIFY(!remove->isEnabled());
            }
        }
    }

    void recallsAreAddedMarkedOverdueAndClosed()
    {
        // A patient of their own: no appointments, so a recall due in the past is a care gap.
        Patient rosa;
        rosa.mrn = QStringLiteral("REC-1");
        rosa.familyName = QStringLiteral("Recall");
        rosa.givenName = QStringLiteral("Rosa");
        rosa.birthDate = QDate(1970, 5, 6);
        QVERIFY(PatientRepository(*t.db).save(rosa).ok());
        PatientProfileView profile(*t.db);
        profile.resize(1000, 700);
        profile.show();
        QVERIFY(QTest::qWaitForWindowExposed(&profile));
        QVERIFY(profile.openPatient(rosa.meta.id));
        QTreeWidget *list = profile.recallList();
        auto *add = profile.findChild<QPushButton *>(QStringLiteral("addRecallButton"));
        auto *done = profile.findChild<QPushButton *>(QStringLiteral("recallDoneButton"));
        auto *cancel = profile.findChild<QPushButton *>(QStringLiteral("cancelRecallButton"));
        QVERIFY(list && add && done && cancel);
        QTabWidget *tabs = profile.sections();
        const int tab = tabs->indexOf(list->parentWidget());
        QCOMPARE(tabs->tabText(tab), QStringLiteral("Recalls"));
        tabs->setCurrentIndex(tab);
        QVERIFY(add->isEnabled());
        QVERIFY(!done->isEnabled());

        // OK with no reason keeps the form open with the message beside the field; then a
        // reason, a due date two weeks ago and a practitioner are entered and saved.
        QString emptyReasonError;
        bool stayedOpen = false;
        QTimer::singleShot(0, qApp, [&] {
            QTRY_VERIFY(qobject_cast<RecallDialog *>(QApplication::activeModalWidget()));
            auto *dialog = qobject_cast<RecallDialog *>(QApplication::activeModalWidget());
            auto *due = dialog->findChild<QDateEdit *>(QStringLiteral("recallDueOn"));
            auto *reason = dialog->findChild<QLineEdit *>(QStringLiteral("recallReason"));
            auto *who = dialog->findChild<QComboBox *>(QStringLiteral("recallPractitioner"));
            auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            if (!due || !reason || !who || !ok) {
                dialog->reject();
                return;
            }
            QTest::mouseClick(ok, Qt::LeftButton);
            stayedOpen = dialog->isVisible();
            emptyReasonError = dialog->errorFor(QStringLiteral("reason"));
            due->setDate(kToday.addDays(-14));
            QTest::keyClicks(reason, QStringLiteral("Yearly check-up"));
            who->setCurrentIndex(who->count() > 1 ? 1 : 0);
            QTest::keyClick(reason, Qt::Key_Return);
        });
        QTest::mouseClick(add, Qt::LeftButton);
        QVERIFY(stayedOpen);
        QVERIFY(emptyReasonError.contains(QLatin1String("come back for")));
        QTRY_COMPARE(profile.profile()->recalls().size(), 1);
        const Recall recall = profile.profile()->recalls().first();
        QCOMPARE(recall.reason, QStringLiteral("Yearly check-up"));
        QCOMPARE(recall.dueOn, kToday.addDays(-14));
        QVERIFY(!recall.practitionerId.isEmpty());

        // Listed, marked overdue (as the dashboard counts it), and in the timeline.
        QCOMPARE(list->topLevelItemCount(), 1);
        QTreeWidgetItem *row = list->topLevelItem(0);
        // With the whole year, as everywhere in the profile.
        QCOMPARE(row->text(0), QLocale().toString(kToday.addDays(-14), view::fullYearDateFormat()));
        QVERIFY(row->text(0).contains(QString::number(kToday.addDays(-14).year())));
        QCOMPARE(row->text(1), QStringLiteral("Yearly check-up"));
        QCOMPARE(row->text(2), profile.profile()->practitionerName(recall.practitionerId));
        QCOMPARE(row->text(3), QStringLiteral("Open — overdue"));
        QVERIFY(row->font(3).bold());
        QCOMPARE(tabs->tabText(tab), QStringLiteral("Recalls (1 overdue)"));
        auto *timeline = profile.findChild<QTreeWidget *>(QStringLiteral("timeline"));
        QCOMPARE(
            timeline->findItems(QStringLiteral("Recall due: Yearly check-up"), Qt::MatchExactly, 2)
                .size(),
            1);
        profile.findChild<QCheckBox *>(QStringLiteral("timelineRecalls"))->setChecked(false);
        QVERIFY(
            timeline->findItems(QStringLiteral("Recall due: Yearly check-up"), Qt::MatchExactly, 2)
                .isEmpty());

        // Marked done: no longer overdue, and a closed recall offers no more actions.
        list->setFocus();
        list->setCurrentItem(row);
        QVERIFY(done->isEnabled());
        QTest::mouseClick(done, Qt::LeftButton);
        QCOMPARE(profile.messageLabel()->isVisible(), false);
        QCOMPARE(list->topLevelItem(0)->text(3), QStringLiteral("Done"));
        QCOMPARE(tabs->tabText(tab), QStringLiteral("Recalls"));
        QCOMPARE(profile.profile()->recalls().first().status, Recall::done());
        QCOMPARE(list->currentItem(), list->topLevelItem(0));
        QVERIFY(!done->isEnabled());
        QVERIFY(!cancel->isEnabled());

        // Delete on an open recall cancels it after asking.
        Recall next = profile.profile()->newRecall();
        next.reason = QStringLiteral("Blood test");
        QVERIFY(profile.profile()->addRecall(next).ok());
        QTreeWidgetItem *blood =
            list->findItems(QStringLiteral("Blood test"), Qt::MatchExactly, 1).value(0);
        QVERIFY(blood);
        QCOMPARE(blood->text(3), QStringLiteral("Open"));
        list->setCurrentItem(blood);
        QString title;
        answerNextDialog(QStringLiteral("Yes"), &title);
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(title, QStringLiteral("Cancel recall"));
        QTRY_COMPARE(
            list->findItems(QStringLiteral("Blood test"), Qt::MatchExactly, 1).value(0)->text(3),
            QStringLiteral("Cancelled"));
    }

    // Last: the merge moves Anna's records to whichever record survives.
    void duplicatesAreMergedFromTheDialog()
    {
        PatientRepository repo(*t.db);
        Patient twin = stored(kAnna);
        twin.meta = {};
        twin.mrn = QStringLiteral("DUP-1");
        twin.phoneMobile = QStringLiteral("0160 5550123");
        twin.email.clear();
        QVERIFY(repo.save(twin).ok());

        MergeDialog dialog(*t.db);
        QVERIFY(dialog.loadDuplicates());
        QTableWidget *pairs = dialog.pairs();
        int row = -1;
        for (int r = 0; r < pairs->rowCount(); ++r) {
            if (pairs->item(r, 1)->text().contains(QLatin1String("DUP-1")) ||
                pairs->item(r, 2)->text().contains(QLatin1String("DUP-1")))
                row = r;
        }
        QVERIFY(row >= 0);
        pairs->setCurrentCell(row, 0);
        QString title;
        answerNextDialog(QMessageBox::tr("&Yes").remove(QLatin1Char('&')), &title);
        QVERIFY(dialog.mergeSelected());
        QCOMPARE(title, MergeDialog::tr("Merge records"));
        // One of the two is now a link to the other, and the search shows one record.
        const Patient a = stored(kAnna);
        const Patient b = stored(twin.meta.id);
        QVERIFY(a.mergedInto == twin.meta.id || b.mergedInto == kAnna);
        QVERIFY(!a.meta.deleted && !b.meta.deleted);
    }
};

QTEST_MAIN(TestPatientProfileView)
#include "tst_patientprofileview.moc"

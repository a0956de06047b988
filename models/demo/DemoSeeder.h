#pragma once

#include "core/Result.h"
#include "domain/MessageTemplate.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QString>

#include <functional>

namespace frontdesk {

class Database;
namespace demo {
class Random;
}

// Realistic, deterministic demo data: the same seed gives the same clinic.
// Written in one transaction with prepared statements, so 100k patients and 1M
// appointments take minutes. Seeded rows carry sync_state 'demo': they are not
// queued while the workstation stands alone (SyncResources::queueDemoRecords queues
// them once it is enrolled), and one audit entry records the seeding itself.
class DemoSeeder
{
    Q_DECLARE_TR_FUNCTIONS(DemoSeeder)
public:
    struct Options
    {
        int patients = 1000;
        int appointments = 10000;
        quint64 seed = 1;
        // "Today" for the schedule: appointments fill the past up to it and a few
        // weeks after.
        QDate today;
        QString timeZone = QStringLiteral("Europe/Berlin");
        // The locale the reminders write their dates in; the clinic's names follow the
        // translation installed when seeding.
        QLocale locale = QLocale::c();
    };
    struct Summary
    {
        int patients = 0;
        int practitioners = 0;
        int locations = 0;
        int workingHours = 0;
        int appointments = 0;
        int messages = 0;
        int recalls = 0;
        // The front desk's worklist: call, letter and offer tasks (rows of recalls too).
        int tasks = 0;
        // Rows of the patient record: insurance, consents, alerts and the clinical
        // summary.
        int records = 0;
    };

    explicit DemoSeeder(Database &db) : m_db(db) {}
    // progress(done, total) is called now and then for long runs.
    Result<Summary> seed(const Options &options,
                         const std::function<void(qint64, qint64)> &progress = {});
    // The demo clinic's message templates in the installed translation: an SMS reminder whose
    // reply instructions are words ReplyWords acts on, a follow-up and a recall.
    static QList<MessageTemplate> messageTemplates();

private:
    // The stages of seed(), in the order they run inside its one transaction.
    struct Run;
    Status nameAppointmentTypes(Run &run);
    Status addRooms(Run &run);
    Status addPractitioners(Run &run);
    Status addPatients(Run &run);
    Status addAppointments(Run &run);
    Status addReminder(Run &run, demo::Random &g, bool mayEmail, const QString &patient,
                       const QString &appointment, const QDateTime &start, qint64 remindAt);
    Status addReply(Run &run, const QString &patient, const QString &appointment, qint64 remindAt);
    Status addRecalls(Run &run);
    Status addPatientRecords(Run &run);
    Status addInbox(Run &run);
    Status addSurveys(Run &run);
    Status addWorklistTasks(Run &run);
    Status addMessageTemplates(Run &run);
    Status auditSeeding(Run &run);

    Database &m_db;
};

} // namespace frontdesk

#pragma once

#include "domain/Recall.h"
#include "storage/Repository.h"

namespace frontdesk {

class RecallRepository : public Repository<Recall>
{
    Q_DECLARE_TR_FUNCTIONS(RecallRepository)
public:
    explicit RecallRepository(Database &db);
    static RecordStore::Table table();

    // Live recalls, earliest due first; one patient's when patientId is given.
    Result<QList<Recall>> list(const QString &patientId = {}) const;
    // Open recalls (not tasks) due before `before` (usually today) whose patient has no appointment
    // (live, not cancelled, not a no-show) starting on or after the due date: the care gaps. With a
    // practitioner, their recalls and those for no one in particular.
    Result<QList<Recall>> overdue(QDate before, const QString &patientId = {},
                                  const QString &practitionerId = {}) const;
    // The same care gaps, only each one's id and due date, read in place: for counting
    // thousands of them.
    Result<QList<RecallDue>> overdueDue(QDate before, const QString &practitionerId = {}) const;
    // Live patients who came before `cutoff` but not since, with nothing booked from it on
    // (cancelled and missed appointments are no visit) and no open recall or task: the patients
    // "with no visit for N months", longest away first. Walks the first visits' index, and per
    // patient only their appointments from `cutoff` on, so it stays fast over all patients.
    Result<QList<LapsedPatient>> lapsed(const QDateTime &cutoffUtc) const;
    // The front desk's worklist: open recalls and tasks due up to `upTo` (today), earliest
    // first, with the patient's name and phone; only one kind when given.
    Result<QList<WorklistTask>> worklist(QDate upTo, const QString &kind = {}) const;
    // Marks a recall done (or cancelled); refuses one that is not open.
    Status close(const QString &id, const QString &status);

private:
    // The overdue statement with `columns` (of recalls r) first and the patient's latest visit
    // last, and its bound values.
    std::pair<QString, QVariantList> overdueStatement(const QString &columns, QDate before,
                                                      const QString &patientId,
                                                      const QString &practitionerId) const;

protected:
    QVariantMap toValues(const Recall &r) const override;
    Recall fromRecord(const QSqlRecord &r) const override;
    Status validate(const Recall &r) const override;
};

} // namespace frontdesk

#pragma once

#include "Enrollment.h"
#include "WorkstationEnroller.h"

#include <QCoreApplication>

namespace frontdesk {

// The app's WorkstationEnroller: Enrollment's network part on a thread of its own, its local
// part (the SecretStore, the settings) back on the thread that owns the database.
class BackgroundEnroller final : public WorkstationEnroller
{
    Q_DECLARE_TR_FUNCTIONS(BackgroundEnroller)
public:
    BackgroundEnroller(Database &db, SecretStore &store, QString dataDir)
        : m_db(db), m_store(store), m_dataDir(std::move(dataDir))
    {}

    QString current() const override;
    Status check(const EnrollmentForm &form) const override;
    void enroll(const EnrollmentForm &form, QObject *context,
                std::function<void(const Result<QString> &)> done) override;

    static Result<Enrollment::Request> request(const EnrollmentForm &form);

private:
    Database &m_db;
    SecretStore &m_store;
    QString m_dataDir;
};

} // namespace frontdesk

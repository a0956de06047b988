#pragma once

#include <QVariantList>

namespace frontdesk {

// A driver's statement that runs with its values handed over in placeholder order, straight to
// the database library, instead of through QSqlResult's binding (which keeps each value under a
// placeholder name it makes up for it, and costs more than the statement's own work on a bulk
// load's short INSERTs). The QSQLCIPHER driver's SqlCipherResult is one; Database::runKept uses
// it where the driver's result is one, and QSqlQuery's binding elsewhere.
class DirectBinding
{
public:
    virtual ~DirectBinding() = default;
    // Binds values to the placeholders in order and runs the statement, as QSqlResult::exec()
    // does with values bound through QSqlQuery; false with the result's lastError() set when it
    // fails. A null QString binds as '' when nullTextAsEmpty, else as SQL NULL.
    virtual bool execWith(const QVariantList &values, bool nullTextAsEmpty) = 0;

protected:
    DirectBinding() = default;
    DirectBinding(const DirectBinding &) = default;
    DirectBinding &operator=(const DirectBinding &) = default;
};

} // namespace frontdesk

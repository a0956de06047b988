#pragma once

#include "core/LocaleNames.h"

#include <QComboBox>

namespace frontdesk {

// A field that stores a code and shows a name (a patient's language, their country): the names
// to choose from, sorted, and typing finds a name anywhere in it. A stored code that is not on
// the list, or text that is neither a name nor a code, is kept as it is: nothing typed is lost.
class CodeNameCombo : public QComboBox
{
    Q_OBJECT
public:
    CodeNameCombo(const QList<LocaleNames::Entry> &entries, QWidget *parent = nullptr);

    void setCode(const QString &code);
    // The code of the chosen or typed name; typed text that names nothing, trimmed.
    QString code() const;
};

} // namespace frontdesk

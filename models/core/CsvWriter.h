#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

class QAbstractItemModel;

namespace frontdesk {

// Tables written as CSV for spreadsheets: RFC 4180 (comma-separated, CRLF line ends, fields
// quoted when they hold a comma, quote or line break, quotes doubled), UTF-8 with a byte order
// mark so Excel reads accents and umlauts right. A cell that starts with = + - @ (or a tab or
// carriage return) is prefixed with an apostrophe: a spreadsheet would otherwise run it as a
// formula, and a patient's name or a message from outside must never become one.
class CsvWriter
{
    Q_DECLARE_TR_FUNCTIONS(frontdesk::CsvWriter)
public:
    // A model answers this role with what a spreadsheet should get where it differs from the
    // display text: dates and times in ISO 8601 ("2026-03-03", "2026-03-03T09:00"), which
    // every spreadsheet reads whatever its language, instead of "03.03.26".
    static constexpr int ExportRole = Qt::UserRole + 1000;

    static QString field(const QString &value);
    static QByteArray document(const QStringList &header, const QList<QStringList> &rows);
    // The model's horizontal headers and every row's ExportRole text, else its display text, in
    // the model's order (a sorted proxy writes what the person sees).
    static QByteArray document(const QAbstractItemModel &model);

    // Writes all or nothing: a half-written file never replaces an existing one.
    static Status write(const QString &path, const QByteArray &document);
};

} // namespace frontdesk

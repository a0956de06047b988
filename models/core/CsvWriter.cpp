#include "CsvWriter.h"

#include <QAbstractItemModel>
#include <QSaveFile>

namespace frontdesk {

namespace {

bool startsLikeFormula(const QString &value)
{
    if (value.isEmpty())
        return false;
    switch (value.front().unicode()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return true;
    default:
        return false;
    }
}

} // namespace

QString CsvWriter::field(const QString &value)
{
    const QString text = startsLikeFormula(value) ? QLatin1Char('\'') + value : value;
    const bool quote = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
                       text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'));
    if (!quote)
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QByteArray CsvWriter::document(const QStringList &header, const QList<QStringList> &rows)
{
    QString text;
    const auto appendRow = [&text](const QStringList &cells) {
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i > 0)
                text += QLatin1Char(',');
            text += field(cells.at(i));
        }
        text += QLatin1String("\r\n");
    };
    appendRow(header);
    for (const QStringList &row : rows)
        appendRow(row);
    return QByteArrayLiteral("\xEF\xBB\xBF") + text.toUtf8();
}

QByteArray CsvWriter::document(const QAbstractItemModel &model)
{
    QStringList header;
    for (int column = 0; column < model.columnCount(); ++column)
        header << model.headerData(column, Qt::Horizontal).toString();
    QList<QStringList> rows;
    rows.reserve(model.rowCount());
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(); ++column) {
            const QModelIndex index = model.index(row, column);
            const QVariant exported = index.data(ExportRole);
            cells << (exported.isValid() ? exported : index.data()).toString();
        }
        rows << cells;
    }
    return document(header, rows);
}

Status CsvWriter::write(const QString &path, const QByteArray &document)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Could not write %1: %2").arg(path, file.errorString()));
    if (file.write(document) != document.size() || !file.commit())
        return fail(tr("Could not write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace frontdesk

#pragma once

#include "domain/MessageTemplate.h"
#include "messaging/TemplateRenderer.h"

#include <QAbstractTableModel>
#include <QCoreApplication>

namespace frontdesk {

class Database;

// The clinic's message templates as the administrators' editor lists them (active and
// deactivated, by name), saving through the repository, and a preview of a template filled
// for a made-up patient with an appointment tomorrow, so the text can be read as a patient
// will read it before any patient gets it. The clinic's own name and phone are the real ones:
// a preview that says the settings have none tells the administrator what to set.
class MessageTemplateModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Purpose,
        Channel,
        State,
        ColumnCount
    };

    explicit MessageTemplateModel(Database &db, QObject *parent = nullptr);

    // Reloads; on failure the list is empty and the message says why.
    Status refresh();
    const MessageTemplate &templateAt(int row) const { return m_templates.at(row); }
    // The row of the template with this id, or -1.
    int rowOf(const QString &id) const;
    // Saves a new or changed template (checked first; refused with the reason) and reloads.
    Status save(MessageTemplate &t);

    // What the sample patient would read on the template's channel ("any" as an e-mail, with
    // its subject).
    Result<RenderedMessage> preview(const MessageTemplate &t) const;
    TemplateContext sampleContext() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Database &m_db;
    QList<MessageTemplate> m_templates;
};

} // namespace frontdesk

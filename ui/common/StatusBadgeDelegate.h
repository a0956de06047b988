#pragma once

#include <QColor>
#include <QStyledItemDelegate>

#include <optional>

namespace frontdesk {

// Draws a status as a coloured pill, so a receptionist sees at a glance who has arrived, who
// did not come and which reminder failed. The colour comes from the model's StatusKeyRole
// (the stored status name); the text from its DisplayRole.
class StatusBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    struct Colors
    {
        QColor background;
        QColor text;
    };
    // Appointment statuses and message statuses; nullopt for a name without a colour.
    static std::optional<Colors> colorsFor(const QString &statusKey);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace frontdesk

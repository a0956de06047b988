#pragma once

#include <QStyledItemDelegate>

namespace frontdesk {

// Draws a status as a coloured pill, so a receptionist sees at a glance who has arrived, who
// did not come and which reminder failed. The colours come from StatusPalette by the model's
// StatusKeyRole (the stored status name), as in the day calendar; the text from DisplayRole.
class StatusBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace frontdesk

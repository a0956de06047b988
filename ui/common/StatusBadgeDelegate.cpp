#include "StatusBadgeDelegate.h"

#include "DatabaseTableModel.h"
#include "StatusPalette.h"

#include <QApplication>
#include <QPainter>
#include <QtMath>

namespace frontdesk {

namespace {
constexpr int kPadding = 8;
constexpr int kMargin = 3;
} // namespace

void StatusBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    const auto colors = StatusPalette::colorsFor(
        index.data(DatabaseTableModel::StatusKeyRole).toString(), option.palette);
    if (!colors) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    // The cell itself (selection, focus, alternate row) as the style draws it, then the pill.
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const QFontMetrics metrics(opt.font);
    // Rounded up: eliding to a width rounded down would cut the last letter of every status.
    const int textWidth = qCeil(QFontMetricsF(opt.font).horizontalAdvance(text)) + 1;
    QRect pill = opt.rect.adjusted(kMargin + 1, kMargin, -kMargin, -kMargin);
    pill.setHeight(std::min(pill.height(), metrics.height() + 4));
    pill.moveTop(opt.rect.top() + (opt.rect.height() - pill.height()) / 2);
    pill.setWidth(std::min(pill.width(), textWidth + 2 * kPadding));

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colors->background);
    const qreal radius = pill.height() / 2.0;
    painter->drawRoundedRect(QRectF(pill), radius, radius);
    painter->setPen(colors->text);
    painter->setFont(opt.font);
    painter->drawText(pill.adjusted(kPadding, 0, -kPadding, 0), Qt::AlignCenter,
                      metrics.elidedText(text, Qt::ElideRight, pill.width() - 2 * kPadding));
    painter->restore();
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += 2 * (kPadding + kMargin);
    return size;
}

} // namespace frontdesk

#include "StatusBadgeDelegate.h"

#include "DatabaseTableModel.h"

#include <QApplication>
#include <QHash>
#include <QPainter>
#include <QtMath>

namespace frontdesk {

namespace {
constexpr int kPadding = 8;
constexpr int kMargin = 3;
} // namespace

std::optional<StatusBadgeDelegate::Colors> StatusBadgeDelegate::colorsFor(const QString &statusKey)
{
    // Light fills with dark text: readable on light and dark palettes and in a selected row.
    static const QHash<QString, Colors> colors{
        {QStringLiteral("booked"), {QColor(0xe3, 0xe8, 0xef), QColor(0x33, 0x41, 0x5c)}},
        {QStringLiteral("confirmed"), {QColor(0xdb, 0xea, 0xfe), QColor(0x1e, 0x40, 0xaf)}},
        {QStringLiteral("arrived"), {QColor(0xfe, 0xf3, 0xc7), QColor(0x92, 0x40, 0x0e)}},
        {QStringLiteral("in-room"), {QColor(0xed, 0xe9, 0xfe), QColor(0x5b, 0x21, 0xb6)}},
        {QStringLiteral("completed"), {QColor(0xdc, 0xfc, 0xe7), QColor(0x16, 0x65, 0x34)}},
        {QStringLiteral("cancelled"), {QColor(0xee, 0xee, 0xee), QColor(0x5f, 0x63, 0x68)}},
        {QStringLiteral("no-show"), {QColor(0xfe, 0xe2, 0xe2), QColor(0x99, 0x1b, 0x1b)}},
        {QStringLiteral("queued"), {QColor(0xee, 0xee, 0xee), QColor(0x4b, 0x55, 0x63)}},
        {QStringLiteral("sent"), {QColor(0xdb, 0xea, 0xfe), QColor(0x1e, 0x40, 0xaf)}},
        {QStringLiteral("delivered"), {QColor(0xdc, 0xfc, 0xe7), QColor(0x16, 0x65, 0x34)}},
        {QStringLiteral("failed"), {QColor(0xfe, 0xe2, 0xe2), QColor(0x99, 0x1b, 0x1b)}},
        {QStringLiteral("received"), {QColor(0xe0, 0xf2, 0xfe), QColor(0x07, 0x59, 0x85)}},
    };
    const auto it = colors.constFind(statusKey);
    if (it == colors.constEnd())
        return std::nullopt;
    return *it;
}

void StatusBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    const auto colors = colorsFor(index.data(DatabaseTableModel::StatusKeyRole).toString());
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

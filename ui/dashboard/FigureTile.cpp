#include "FigureTile.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace frontdesk {

FigureTile::FigureTile(const QString &name, QWidget *parent)
    : QFrame(parent), m_name(new QLabel(name, this)), m_value(new QLabel(this)),
      m_previous(new QLabel(this)), m_change(new QLabel(this)), m_base(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setAccessibleName(name);
    setMinimumWidth(18 * fontMetrics().horizontalAdvance(QLatin1Char('M')));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    QFont nameFont = m_name->font();
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    m_name->setWordWrap(true);
    m_name->setObjectName(QStringLiteral("figureName"));
    // Two lines for every name, so the values of a row of tiles line up.
    m_name->setFixedHeight(QFontMetrics(nameFont).lineSpacing() * 2);
    m_name->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    QFont valueFont = m_value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.8);
    valueFont.setBold(true);
    m_value->setFont(valueFont);
    m_value->setObjectName(QStringLiteral("figureValue"));
    m_base->setObjectName(QStringLiteral("figureBase"));
    m_base->setForegroundRole(QPalette::PlaceholderText);
    m_base->setFixedHeight(fontMetrics().lineSpacing());
    m_previous->setObjectName(QStringLiteral("figurePrevious"));
    m_previous->setForegroundRole(QPalette::PlaceholderText);
    m_change->setObjectName(QStringLiteral("figureChange"));
    QFont changeFont = m_change->font();
    changeFont.setBold(true);
    m_change->setFont(changeFont);

    auto *compareRow = new QHBoxLayout;
    compareRow->addWidget(m_previous);
    compareRow->addStretch();
    compareRow->addSpacing(8);
    compareRow->addWidget(m_change);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(0);
    layout->addWidget(m_name);
    layout->addWidget(m_value);
    layout->addWidget(m_base);
    layout->addLayout(compareRow);
}

void FigureTile::setValues(const QString &value, const QString &previous, const QString &change,
                           int assessment, const QString &base)
{
    m_value->setText(value);
    m_previous->setText(tr("Before: %1", "the previous period's value").arg(previous));
    m_change->setText(change);
    m_base->setText(base);
    m_assessment = assessment;
    updateChangeColour();
    setAccessibleDescription(
        tr("%1, %2, %3", "value, previous value, change").arg(value, m_previous->text(), change));
}

QString FigureTile::name() const
{
    return m_name->text();
}

QString FigureTile::valueText() const
{
    return m_value->text();
}

QString FigureTile::previousText() const
{
    return m_previous->text();
}

QString FigureTile::changeText() const
{
    return m_change->text();
}

QString FigureTile::baseText() const
{
    return m_base->text();
}

void FigureTile::updateChangeColour()
{
    QPalette p = m_change->palette();
    // Green and red dark enough to read on a light background; the arrow carries the
    // direction for those who cannot tell the colours apart.
    const QColor colour = m_assessment > 0   ? QColor(0x1b, 0x7a, 0x3a)
                          : m_assessment < 0 ? QColor(0xb3, 0x26, 0x1e)
                                             : palette().color(QPalette::PlaceholderText);
    p.setColor(QPalette::WindowText, colour);
    p.setColor(QPalette::Text, colour);
    m_change->setPalette(p);
}

void FigureTile::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        emit activated();
        event->accept();
        return;
    default:
        QFrame::keyPressEvent(event);
    }
}

void FigureTile::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint())) {
        setFocus(Qt::MouseFocusReason);
        emit activated();
        return;
    }
    QFrame::mouseReleaseEvent(event);
}

void FigureTile::focusInEvent(QFocusEvent *event)
{
    QFrame::focusInEvent(event);
    update();
}

void FigureTile::focusOutEvent(QFocusEvent *event)
{
    QFrame::focusOutEvent(event);
    update();
}

void FigureTile::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    if (!hasFocus())
        return;
    QPainter painter(this);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    painter.drawRect(rect().adjusted(1, 1, -1, -1));
}

void FigureTile::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateChangeColour();
}

} // namespace frontdesk

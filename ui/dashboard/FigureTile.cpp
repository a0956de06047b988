#include "FigureTile.h"

#include <QLabel>
#include <QVBoxLayout>

namespace frontdesk {

FigureTile::FigureTile(const QString &name, QWidget *parent)
    : QFrame(parent), m_name(new QLabel(name, this)), m_today(new QLabel(this)),
      m_period(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setMinimumWidth(14 * fontMetrics().horizontalAdvance(QLatin1Char('M')));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    QFont nameFont = m_name->font();
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    QFont valueFont = m_today->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 2.4);
    valueFont.setBold(true);
    m_today->setFont(valueFont);
    m_today->setObjectName(QStringLiteral("figureToday"));
    m_today->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_period->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(m_name);
    layout->addWidget(m_today);
    layout->addWidget(m_period);
}

void FigureTile::setValues(const QString &today, const QString &period, const QString &periodName)
{
    m_today->setText(today);
    m_period->setText(tr("%1: %2", "period: value").arg(periodName, period));
}

QString FigureTile::todayText() const
{
    return m_today->text();
}

} // namespace frontdesk

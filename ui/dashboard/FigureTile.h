#pragma once

#include <QFrame>

class QLabel;

namespace frontdesk {

// One dashboard figure: its name, this period's value large, the previous period's value and
// the change (an arrow, coloured by whether it is an improvement), and "n of m" for a rate.
// A tile is a button in the tab order: click, Enter or Space lists the records behind it.
class FigureTile : public QFrame
{
    Q_OBJECT
public:
    explicit FigureTile(const QString &name, QWidget *parent = nullptr);

    // assessment: +1 better, -1 worse, 0 no change or not comparable.
    void setValues(const QString &value, const QString &previous, const QString &change,
                   int assessment, const QString &base);
    QString name() const;
    QString valueText() const;
    QString previousText() const;
    QString changeText() const;
    QString baseText() const;
    int assessment() const { return m_assessment; }

signals:
    void activated();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateChangeColour();

    QLabel *m_name;
    QLabel *m_value;
    QLabel *m_previous;
    QLabel *m_change;
    QLabel *m_base;
    int m_assessment = 0;
};

} // namespace frontdesk

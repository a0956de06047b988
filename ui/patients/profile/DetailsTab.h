#pragma once

#include <QWidget>

class QPushButton;

namespace frontdesk {

class PatientEditor;

// The profile's editable demographics, with Save (Ctrl+S) and Revert under them. What saving
// means (validation, the duplicate check) is the profile view's.
class DetailsTab : public QWidget
{
    Q_OBJECT
public:
    explicit DetailsTab(QWidget *parent = nullptr);

    PatientEditor *editor() const { return m_editor; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *revertButton() const { return m_revert; }

private:
    PatientEditor *m_editor;
    QPushButton *m_save;
    QPushButton *m_revert;
};

} // namespace frontdesk

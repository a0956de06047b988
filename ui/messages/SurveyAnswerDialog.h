#pragma once

#include "SurveyEntry.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;

namespace frontdesk {

class Database;

// A follow-up's survey answered on the phone or at the desk, by keyboard: the patient's recent
// visit it is about (each with the survey that asked and an answer already given), the
// survey's question, the score from 1 (poor) to 5 (very good), and Ctrl+Return to record it
// (SurveyEntry: stored and synced as an SMS answer is; a second answer replaces the first). A
// refused answer stays in the dialog with the reason.
class SurveyAnswerDialog : public QDialog
{
    Q_OBJECT
public:
    SurveyAnswerDialog(Database &db, const QString &patientId, QWidget *parent = nullptr);

    QComboBox *visitBox() const { return m_visit; }
    QComboBox *scoreBox() const { return m_score; }
    QLabel *questionLabel() const { return m_question; }
    QLabel *problemLabel() const { return m_problem; }
    QPushButton *recordButton() const { return m_record; }
    // The answer recorded when the dialog was accepted.
    const SurveyAnswer &recorded() const { return m_recorded; }

public slots:
    void accept() override;

private:
    void showVisit();
    void showProblem(const QString &problem);

    SurveyEntry m_entry;
    QString m_patientId;
    QList<SurveyVisit> m_visits;
    SurveyAnswer m_recorded;
    QComboBox *m_visit;
    QLabel *m_question;
    QComboBox *m_score;
    QLabel *m_problem;
    QPushButton *m_record;
};

} // namespace frontdesk

#pragma once

#include "domain/SurveyAnswer.h"
#include "storage/Repository.h"

namespace frontdesk {

// The survey answers (table survey_answers, synced as FHIR QuestionnaireResponse). They are made
// by frontdesk-server from a patient's SMS reply and arrive here through sync; whoever may read
// messages reads them, and the dashboard counts them.
class SurveyAnswerRepository : public Repository<SurveyAnswer>
{
    Q_DECLARE_TR_FUNCTIONS(SurveyAnswerRepository)
public:
    explicit SurveyAnswerRepository(Database &db);
    static RecordStore::Table table();

    // The live answers given in [fromUtc, toUtc), oldest first; one patient's when given.
    Result<QList<SurveyAnswer>> answered(const QDateTime &fromUtc, const QDateTime &toUtc,
                                         const QString &patientId = {}) const;
    // One patient's live answers, oldest first.
    Result<QList<SurveyAnswer>> ofPatient(const QString &patientId) const;

protected:
    QVariantMap toValues(const SurveyAnswer &a) const override;
    SurveyAnswer fromRecord(const QSqlRecord &r) const override;
    Status validate(const SurveyAnswer &a) const override;
};

} // namespace frontdesk

#pragma once

#include "policy/EligibilityResult.h"

#include <QFrame>

namespace adm::ui {

// One agency record as evidence for a rule: agency, data set, the agency's own record number,
// when it was fetched, the fields that mattered, and how its address matched a zone and how surely.
class EvidenceCard : public QFrame {
    Q_OBJECT
public:
    EvidenceCard(const policy::EvidenceUse& use, const QString& sourceRef, QWidget* parent = nullptr);

    QString recordId() const { return m_recordId; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString m_recordId;
};

} // namespace adm::ui

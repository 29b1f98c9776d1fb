#pragma once

#include "sync/CounterApplication.h"
#include "views/CounterService.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QWidget>
#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

namespace adm::ui {

// The paper application of one walk-in family, typed at the counter (issue 13), in the order of the
// paper form: grade and school, the child, the guardians, the claimed address and category, the paper
// documents seen. Keyboard first: every input is in the tab chain in that order, labels have mnemonics
// and buddies. What is typed is checked as it is typed (the ID numbers at once, every other field once
// it was left, and all of them on save: sync::checkCounterApplication); the zone match of the address
// and the policy's birth range come from the window's preview (views::readCounterPreview).
// The form reads and writes nothing: the window saves, keeps the draft and looks up.
class CounterForm : public QWidget {
    Q_OBJECT
public:
    explicit CounterForm(QWidget* parent = nullptr);
    ~CounterForm() override;

    // The schools and the year the counter takes applications for, and the signed-in user (who checks
    // the paper documents). Clears the form.
    void setContext(const views::CounterContext& context, const QString& clerk);

    // What is typed, as the contract's application (empty fields left empty).
    sync::CounterApplication application() const;
    // Fills the form (a draft); keeps its form id.
    void setApplication(const sync::CounterApplication& application);
    // An empty form for the next family, with a new form id.
    void clear();
    // Something was typed or chosen beyond the defaults (grade and school).
    bool hasTypedText() const;
    QString formId() const { return m_formId; }
    QString schoolName() const;

    // The problems of what is typed (sync::checkCounterApplication), in the order of the form.
    QList<sync::FieldProblem> problems() const;
    // Shows the problem of every field and puts the focus on the first bad field; empty when the
    // application may be saved.
    QList<sync::FieldProblem> showProblemsForSave();
    // The zone match of the address and the policy's birth range, as the preview found them.
    void showPreview(const views::CounterPreview& preview);

    // Values taken from an agency record looked up at the desk; `source` says where they come from.
    void takeAddress(const QString& address, const QString& recordId, const QString& source);
    // A household member as a guardian: in the row of `person` when it is a guardian looked up, else in
    // the first empty row, else in a new one. False (with a sentence in `why`) when no row is free.
    bool takeGuardian(const QString& person, const QString& name, const QString& idNumber, const QString& recordId,
                      const QString& source, QString* why);
    // The ID number typed for `person` ("child", "guardian1" …), and how the form names that person.
    QString idNumberOf(const QString& person) const;
    static QString personLabel(const QString& person);

    // The inputs in the order Tab visits them (the window chains its own after them).
    QList<QWidget*> tabChain() const;
    void focusFirstField();

    void retranslate();

Q_SIGNALS:
    // Something was typed or chosen.
    void edited();
    // "Look up" of the child or a guardian.
    void lookupRequested(const QString& person, const QString& idNumber);
    // The ID number of `person` changed: what was looked up for them no longer applies.
    void personChanged(const QString& person);
    // The school chosen changed (the window's title names it).
    void schoolChanged();
    // Guardians were added or removed: the tab chain changed.
    void tabChainChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct GuardianRow;
    struct EvidenceRow;
    struct Taken {
        QString recordId;
        QString source;
        QString text; // what was taken (the address; the guardian's ID number)
        bool isSet() const { return !recordId.isEmpty(); }
    };

    void buildApplicationSection(QVBoxLayout* layout);
    void buildChildSection(QVBoxLayout* layout);
    void buildGuardianSection(QVBoxLayout* layout);
    void buildAddressSection(QVBoxLayout* layout);
    void buildEvidenceSection(QVBoxLayout* layout);

    void fillGrades();
    void fillSchools();
    void addGuardianRow();
    void removeGuardianRow(int index);
    // Makes the guardian rows again for these guardians (at least one row), with what was taken.
    void setGuardians(const QList<Guardian>& guardians, const QList<Taken>& taken);
    void retranslateGuardian(int index);
    void wireLineEdit(QLineEdit* edit, const QString& field);

    void touch(const QString& field);
    void changed();
    void refreshMessages();
    void updateIdStatus(QLineEdit* edit, QLabel* status, const QString& field, bool child,
                        const QHash<QString, QString>& problems);
    void updateEvidence();
    void updateSources();
    QWidget* inputFor(const QString& field) const;

    views::CounterContext m_context;
    QString m_clerk;
    QString m_formId;
    bool m_filling = false; // the form is being filled by code: no "edited"
    bool m_showAll = false; // a save was tried: every problem is shown
    QSet<QString> m_touched;

    // The preview (views::readCounterPreview).
    QDate m_birthFrom;
    QDate m_birthTo;
    bool m_previewed = false;
    QString m_policyId;

    QGroupBox* m_applicationBox = nullptr;
    QLabel* m_gradeLabel = nullptr;
    QComboBox* m_grade = nullptr;
    QLabel* m_gradeError = nullptr;
    QLabel* m_schoolLabel = nullptr;
    QComboBox* m_school = nullptr;
    QLabel* m_schoolError = nullptr;

    QGroupBox* m_childBox = nullptr;
    QLabel* m_childIdLabel = nullptr;
    QLineEdit* m_childId = nullptr;
    QLabel* m_childIdStatus = nullptr;
    QLabel* m_childNameLabel = nullptr;
    QLineEdit* m_childName = nullptr;
    QLabel* m_childNameError = nullptr;
    QPushButton* m_childLookup = nullptr;

    QGroupBox* m_guardianBox = nullptr;
    QVBoxLayout* m_guardianLayout = nullptr;
    std::vector<std::unique_ptr<GuardianRow>> m_guardians;
    QPushButton* m_addGuardian = nullptr;

    QGroupBox* m_addressBox = nullptr;
    QLabel* m_addressLabel = nullptr;
    QLineEdit* m_address = nullptr;
    QLabel* m_addressError = nullptr;
    QLabel* m_addressMatch = nullptr;
    QLabel* m_addressSource = nullptr;
    Taken m_addressTaken;
    QLabel* m_categoryLabel = nullptr;
    QComboBox* m_category = nullptr;
    QLabel* m_categoryError = nullptr;

    QGroupBox* m_evidenceBox = nullptr;
    std::vector<std::unique_ptr<EvidenceRow>> m_evidence;
    QLabel* m_evidenceWarning = nullptr;
};

} // namespace adm::ui

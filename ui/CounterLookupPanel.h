#pragma once

#include "domain/Entities.h"

#include <QGroupBox>
#include <QList>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace adm::ui {

// What the agencies hold about a person of the counter form, looked up live (GET /api/v1/agency/lookup):
// each record with its address and, for a household register, its members. The clerk may take the
// household address as the claimed address, or a member as a guardian; each value taken names its
// record. Without the city platform the panel says so in one line, and the form works the same.
class CounterLookupPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit CounterLookupPanel(QWidget* parent = nullptr);

    // `person`: child, guardian1 …; `who`: how the form names them.
    void showLooking(const QString& person, const QString& who);
    void showRecords(const QString& person, const QString& who, const QList<AgencyRecord>& records,
                     const QString& childIdNumber);
    void showError(const QString& who, const QString& message);
    void clear();
    void retranslate();

    // How a value taken from the record is named ("from Public security record R-PS-…").
    static QString sourceOf(const AgencyRecord& record);

Q_SIGNALS:
    void addressTaken(const QString& address, const QString& recordId, const QString& source);
    void memberTaken(const QString& person, const QString& name, const QString& idNumber, const QString& recordId,
                     const QString& source);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fill();
    void updateButtons();
    void takeAddress();
    void takeMember();
    const AgencyRecord* currentRecord() const;

    enum class State { Idle, Looking, Shown, Failed };
    State m_state = State::Idle;
    QString m_person;
    QString m_who;
    QString m_error;
    QString m_childId;
    QList<AgencyRecord> m_records;
    QLabel* m_status = nullptr;
    QLabel* m_resultsLabel = nullptr;
    QTreeWidget* m_tree = nullptr;
    QPushButton* m_takeAddress = nullptr;
    QPushButton* m_takeMember = nullptr;
};

} // namespace adm::ui

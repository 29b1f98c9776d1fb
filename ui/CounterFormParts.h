#pragma once

// The parts of CounterForm its three files share (CounterForm.cpp: the fields and what they hold;
// CounterFormGuardians.cpp: the guardian rows; CounterFormChecks.cpp: the messages as the clerk types).
// Private to ui/.
#include "CounterForm.h"
#include "views/CounterReceipt.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace adm::ui {

namespace counterform {

inline constexpr int kMaxGuardians = 4;

enum class Tone { Hint, Ok, Warning, Error };

inline void setMessage(QLabel* label, const QString& text, Tone tone = Tone::Error)
{
    if (text.isEmpty()) {
        label->clear();
        label->hide();
        return;
    }
    static const char* colours[] = {"#616161", "#2e7d32", "#8a5a00", "#b00020"};
    label->setStyleSheet(QStringLiteral("color: %1;").arg(QLatin1String(colours[int(tone)])));
    label->setText(text);
    label->show();
}

inline QLabel* messageLabel(QWidget* parent, const QString& name, bool keepRoom = false)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    if (keepRoom) { // a line the clerk reads while typing: the fields below do not jump when it appears
        QSizePolicy policy = label->sizePolicy();
        policy.setRetainSizeWhenHidden(true);
        label->setSizePolicy(policy);
    }
    label->hide();
    return label;
}

// An input with the message under it, as one field of a form row.
inline QWidget* withMessage(QWidget* parent, QWidget* input, std::initializer_list<QWidget*> below)
{
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(input);
    for (QWidget* w : below)
        layout->addWidget(w);
    return box;
}

inline QLineEdit* lineEdit(QWidget* parent, const QString& name)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(name);
    return edit;
}

inline QString evidenceText(const QString& kind)
{
    using namespace sync::paper;
    if (kind == HouseholdRegister)
        return CounterForm::tr("Household register (hukou booklet)");
    if (kind == PropertyCertificate)
        return CounterForm::tr("Property certificate");
    if (kind == SaleContract)
        return CounterForm::tr("Sale contract");
    if (kind == RentalFiling)
        return CounterForm::tr("Rental filing");
    if (kind == ResidencePermit)
        return CounterForm::tr("Residence permit");
    if (kind == SocialInsurance)
        return CounterForm::tr("Social-insurance statement");
    if (kind == BusinessLicence)
        return CounterForm::tr("Business licence");
    if (kind == MarriageCertificate)
        return CounterForm::tr("Marriage certificate");
    return views::CounterReceipt::evidenceLabel(kind, views::ReceiptLanguage::English);
}

// The first problem of each field.
inline QHash<QString, QString> firstProblems(const QList<sync::FieldProblem>& problems)
{
    QHash<QString, QString> first;
    for (const sync::FieldProblem& p : problems)
        if (!first.contains(p.field))
            first.insert(p.field, p.message);
    return first;
}

inline QString guardianPath(int index)
{
    return QStringLiteral("guardians[%1].").arg(index);
}

} // namespace counterform

struct CounterForm::GuardianRow {
    QGroupBox* box = nullptr;
    QLabel* idLabel = nullptr;
    QLineEdit* id = nullptr;
    QLabel* idStatus = nullptr;
    QPushButton* lookup = nullptr;
    QLabel* nameLabel = nullptr;
    QLineEdit* name = nullptr;
    QLabel* nameError = nullptr;
    QLabel* relationLabel = nullptr;
    QComboBox* relation = nullptr;
    QLabel* relationError = nullptr;
    QLabel* phoneLabel = nullptr;
    QLineEdit* phone = nullptr;
    QLabel* phoneError = nullptr;
    QLabel* source = nullptr;
    QPushButton* remove = nullptr;
    Taken taken;
};

struct CounterForm::EvidenceRow {
    QString kind;
    QCheckBox* seen = nullptr;
    QLabel* required = nullptr;
    QLineEdit* note = nullptr;
};

} // namespace adm::ui

#pragma once

#include <QString>
#include <optional>

class QPrinter;
class QWidget;

namespace adm::ui {

// The questions the counter window asks about a receipt: where to save its PDF, and the system's print
// dialog. DialogCounterPrompter shows the real dialogs; the GUI tests answer with their own, so that no
// test waits on a modal file or print dialog.
class CounterPrompter {
public:
    virtual ~CounterPrompter();

    // The file to write the receipt PDF to (`suggested` in the last folder used); nullopt: cancelled.
    virtual std::optional<QString> askReceiptPdfPath(QWidget* parent, const QString& suggested) = 0;
    // The printer to print the receipt on (QPrintDialog over `printer`, set up for one A5 page): true to print.
    virtual bool askPrint(QWidget* parent, QPrinter& printer) = 0;
};

class DialogCounterPrompter : public CounterPrompter {
public:
    std::optional<QString> askReceiptPdfPath(QWidget* parent, const QString& suggested) override;
    bool askPrint(QWidget* parent, QPrinter& printer) override;
};

} // namespace adm::ui

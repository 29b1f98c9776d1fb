#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace adm::ui {

// Writes an internal note about an applicant. It says plainly that the note is not shown to the
// family and is kept on this workstation only.
class NoteDialog : public QDialog {
    Q_OBJECT
public:
    explicit NoteDialog(const QString& applicationId, QWidget* parent = nullptr);

    QString text() const;
    void accept() override;

private:
    QPlainTextEdit* m_text = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace adm::ui

#pragma once

#include <QDialog>
#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace adm::views {
class ReaderThread;
class Session;
class SignOffService;
} // namespace adm::views

namespace adm::ui {

// Declared relatives (issue 14): every local user may declare the ID numbers of relatives, so that they
// do not decide or sign applications naming them. The dialog (objectName "relativesDialog") lists the
// user's declarations, the numbers masked, and adds one: the number is checked as typed, with a note.
// The numbers stay in the encrypted cache and are never sent upstream.
class RelativesDialog : public QDialog {
    Q_OBJECT
public:
    RelativesDialog(views::Session& session, QWidget* parent = nullptr);
    ~RelativesDialog() override;

    void declare();
    // The session is about to close (a lock): nothing reads or writes through it any more.
    void shutdown();

Q_SIGNALS:
    void listShown();
    void declared(bool ok, const QString& message);

private:
    void readList();
    void checkTyped();

    std::unique_ptr<views::ReaderThread> m_reads;
    std::unique_ptr<views::SignOffService> m_service;
    QString m_user;
    QTreeWidget* m_list = nullptr;
    QLineEdit* m_idNumber = nullptr;
    QLabel* m_problem = nullptr;
    QLineEdit* m_note = nullptr;
    QPushButton* m_declare = nullptr;
    QLabel* m_message = nullptr;
    bool m_busy = false;
};

} // namespace adm::ui

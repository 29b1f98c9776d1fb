#pragma once

#include "store/Workspace.h"

#include <QMainWindow>

#include <memory>

class QTreeWidget;
class QLabel;

namespace adm::ui {

// The workstation's main window. For now: what the cache holds (counts per entity, dataset,
// status and channel), and the language setting. The reviewer queues come next.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(std::unique_ptr<store::Workspace> workspace, QWidget* parent = nullptr);
    ~MainWindow() override;

    void refreshCounts();

Q_SIGNALS:
    // The user picked another language ("system", "zh_CN" or "en").
    void languageChosen(const QString& setting);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildMenus();
    void retranslate();

    std::unique_ptr<store::Workspace> m_workspace;
    QTreeWidget* m_counts = nullptr;
    QLabel* m_header = nullptr;
};

} // namespace adm::ui

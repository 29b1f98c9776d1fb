#pragma once

#include "views/ApplicationDetail.h"

#include <QSet>

class QWidget;

namespace adm::views {
class RecordTreeModel;
}

namespace adm::ui {

class DetailPane;

// The sections of the detail pane, each a widget made from an ApplicationDetail.
namespace sections {

QWidget* title(const QString& text, QWidget* parent);
QWidget* summary(const views::ApplicationDetail& d, QWidget* parent);
QWidget* people(const views::ApplicationDetail& d, const QSet<int>& revealed, DetailPane* pane, QWidget* parent);
QWidget* check(const views::ApplicationDetail& d, QWidget* parent);
QWidget* conflicts(const views::ApplicationDetail& d, DetailPane* pane, QWidget* parent);
QWidget* records(views::RecordTreeModel* model, QWidget* parent);
QWidget* history(const views::ApplicationDetail& d, QWidget* parent);
QWidget* related(const views::ApplicationDetail& d, DetailPane* pane, QWidget* parent);

} // namespace sections

} // namespace adm::ui

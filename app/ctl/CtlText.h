#pragma once

#include <QCoreApplication>

namespace adm::ctl {

// Every sentence of admissionsctl is translated in the context "admissionsctl": CtlText::tr("…").
// A named context (not a free tr() helper) is what lupdate files the strings under too.
struct CtlText {
    Q_DECLARE_TR_FUNCTIONS(admissionsctl)
};

} // namespace adm::ctl
